/**
 * From page to indexable articles: split the page, give every article a stable id, its regions
 * (gazetteer tagger), an extractive summary and keywords.
 */
import { createHash } from 'node:crypto';
import type { Article, ParsedArticle } from '../pages/article.ts';
import type { Page } from '../pages/read.ts';
import { splitPage } from '../pages/split.ts';
import { summarise } from '../pages/summary.ts';
import { outletHome } from '../regions/tagger.ts';
import { pageRegions } from './page-regions.ts';
import { outletLines } from '../pages/furniture.ts';
import { keywordsOfEach } from './jieba.ts';

/**
 * A stable id: a hash of the page's file name (not its folder, so moving the archive keeps ids)
 * and the article's headline and opening text. Re-splitting the same page gives the same ids;
 * only an edit of the article itself makes a new one.
 */
export function articleId(file: string, article: Pick<ParsedArticle, 'title' | 'body' | 'captions'>): string {
  const name = file.split('/').pop() ?? file;
  const opening = (article.body.join('\n') || article.captions.join('\n')).slice(0, 300);
  return createHash('sha256').update(`${name}\n${article.title}\n${opening}`).digest('base64url').slice(0, 12);
}

/**
 * The region the page's outlet serves: what 全市 and 我县 mean there. From its masthead or article
 * data, else from the lines above the first article's headline (a mobile paper's `某某县融媒体中心主办`,
 * a site's breadcrumb `当前位置：某某新闻网`), where only the outlet names itself.
 */
export function pageHome(text: string, articles: readonly Pick<ParsedArticle, 'title'>[]): string | undefined {
  const lines = text.split('\n');
  const named = (candidates: string[]) => candidates.map(outletHome).find((region) => region !== undefined);
  const squeeze = (line: string) => line.replace(/\s+/g, '');
  const first = articles[0] ? squeeze(articles[0].title) : '';
  const header = first ? lines.findIndex((line) => squeeze(line).includes(first)) : -1;
  return named(outletLines(lines)) ?? named(lines.slice(0, Math.max(0, header)));
}

/**
 * How much of an article its keywords are drawn from: the headline, subtitle and opening, up to the
 * last sentence end within this many characters. jieba's TF-IDF cuts all the text it is given, and
 * that cut was the largest single cost of a build (a third of its CPU); a news article puts what it
 * is about in its headline and first paragraphs, and every word of the body stays searchable in the
 * full text. Measured on the labelled sets: the same search top-1 and recall (README, Build round 2).
 */
export const KEYWORD_TEXT_CHARS = 500;

/** The text an article's keywords come from (see KEYWORD_TEXT_CHARS). */
export function keywordText(article: Pick<ParsedArticle, 'title' | 'subtitle' | 'body'>): string {
  const text = [article.title, article.subtitle, ...article.body].join('\n');
  if (text.length <= KEYWORD_TEXT_CHARS) return text;
  const head = text.slice(0, KEYWORD_TEXT_CHARS);
  // Cut after a sentence or a paragraph, so that no word is cut in two.
  const end = Math.max(...['。', '！', '？', '\n'].map((mark) => head.lastIndexOf(mark)));
  return end > 0 ? head.slice(0, end + 1) : head;
}

/** Everything the index needs about the articles of one page. */
export function prepareArticles(page: Page): Article[] {
  const seen = new Set<string>();
  const articles = splitPage(page.text);
  const home = pageHome(page.text, articles);
  // One call to the segmenter for the whole page (see keywordsOfEach).
  const keywords = keywordsOfEach(articles.map(keywordText));
  const regions = pageRegions(articles, home);
  return articles.map((parsed, index) => {
    let id = articleId(page.file, parsed);
    // Two identical fragments on one page would share an id; keep ids unique and still stable.
    for (let n = 2; seen.has(id); n++) id = `${articleId(page.file, parsed)}-${n}`;
    seen.add(id);
    return {
      ...parsed,
      id,
      file: page.file,
      date: page.date,
      regions: regions[index] ?? [],
      summary: summarise(parsed),
      keywords: keywords[index],
    };
  });
}
