/**
 * The hand-labelled seed articles (test/fixtures/seed-articles.json) paired with what the
 * splitter makes of the same page: one entry per label, with the split article whose headline
 * matches it (ignoring white space), or undefined when the splitter did not recover it.
 */
import { readFileSync } from 'node:fs';
import type { ParsedArticle } from '../../src/pages/article.ts';
import { splitPage } from '../../src/pages/split.ts';

/** One labelled article as the fixture records it. */
export interface LabelledArticle {
  title: string;
  kicker: string;
  subtitle: string;
  authors: string[];
  firstSentence: string;
  kind: string;
  regions: string[];
}

/** A label and the split article with the same headline, if any. */
export interface LabelledPair {
  file: string;
  label: LabelledArticle;
  article: ParsedArticle | undefined;
}

const compact = (text: string) => text.replace(/\s+/g, '');

/** Every labelled seed article with its split counterpart (fragments are never counterparts). */
export function labelledSeedPairs(): LabelledPair[] {
  const labels = JSON.parse(readFileSync('test/fixtures/seed-articles.json', 'utf8')) as Record<string, { articles: LabelledArticle[] }>;
  return Object.entries(labels).flatMap(([file, page]) => {
    const articles = splitPage(readFileSync(`seeds/${file}`, 'utf8')).filter((a) => a.kind !== 'fragment');
    return page.articles.map((label) => ({ file, label, article: articles.find((a) => compact(a.title) === compact(label.title)) }));
  });
}
