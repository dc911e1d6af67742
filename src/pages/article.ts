/**
 * The article: what the page splitter recovers from a newspaper page, and what every later stage
 * (regions, search, bot, digest) works with.
 */

/**
 * - `feature`: a signed article with a headline (usually an author line or a `——` subtitle).
 * - `brief`: a short news item, often closed by a byline in parentheses such as `（刘琼）`.
 * - `notice`: an announcement (公告, 声明, 启事 …), kept searchable but not news.
 * - `fragment`: text continued from another page or orphaned by the layout; searchable, never
 *   shown as a headline.
 */
export type ArticleKind = 'feature' | 'brief' | 'notice' | 'fragment';

/** An article as parsed from a page, before region tagging and summarising. */
export interface ParsedArticle {
  /** Headline; for a fragment, a short label made from its first words (never shown as a headline). */
  title: string;
  /** Series or kicker line above the headline, e.g. `回眸“十四五”发展看桂东(四)`; '' when absent. */
  kicker: string;
  /** The `——` subtitle without its dashes; '' when absent. */
  subtitle: string;
  /** Author names from the author line or the closing byline in parentheses. */
  authors: string[];
  /** Body paragraphs in reading order, repaired (re-joined, de-duplicated). Section headings stay here. */
  body: string[];
  /** Photo captions, kept apart from the body. */
  captions: string[];
  kind: ArticleKind;
  /** The dateline taken off the first paragraph (`本报长沙11月20日讯（记者 张三）`), if it had one. */
  dateline?: string;
}

/** A fully prepared article: parsed, dated, tagged, summarised, with a stable id. */
export interface Article extends ParsedArticle {
  /** Stable id derived from the source file name and the article's content (same article, same id). */
  id: string;
  /** Source page file name, relative to the pages folder. */
  file: string;
  /** Publication date of the page, `YYYY-MM-DD`. */
  date: string;
  /** Hunan places the article is about: most specific first, full official names. */
  regions: string[];
  /** Extractive summary, about 60–120 Chinese characters. */
  summary: string;
  /** Top keywords (jieba TF-IDF). */
  keywords: string[];
}
