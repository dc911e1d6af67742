/**
 * Scoring the splitter against hand-labelled pages (test/fixtures/seed-articles.json for the seeds,
 * test/fixtures/layouts/labels.json for our invented pages in real outlets' layouts). The same
 * measures as the hidden real-page evaluation: titles F1, body phrase in the right article, the
 * opening sentence, and (for pages that print one) the page's date.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ParsedArticle } from '../../src/pages/article.ts';
import { readPage } from '../../src/pages/read.ts';
import { splitPage } from '../../src/pages/split.ts';
import { sentencesOf, summarise, weakOpening } from '../../src/pages/summary.ts';

/** One labelled article as the fixtures record it. */
export interface LabelledArticle {
  title: string;
  kicker: string;
  subtitle: string;
  authors: string[];
  firstSentence: string;
  kind: string;
  regions: string[];
  /** A distinctive phrase of the body (layout fixtures only). */
  phrase?: string;
  /** A word that should find this article first (layout fixtures only). */
  query?: string;
}

export interface LabelledPage {
  articles: LabelledArticle[];
  sectionHeadings?: string[];
  captions?: string[];
  /** Lines that must never become headlines (layout fixtures only). */
  furniture?: string[];
  /** The date the page prints, when it prints one. */
  date?: string;
}

/** A label and the split article with the same headline, if any. */
export interface LabelledPair {
  file: string;
  label: LabelledArticle;
  article: ParsedArticle | undefined;
}

export interface PageSetScore {
  labelled: number;
  emitted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of labelled phrases found in the article whose title matches the label. */
  phrase: number;
  /** Share of matched articles whose body opens with the labelled first sentence. */
  opening: number;
  /**
   * Share of matched articles whose summary opens with the labelled first sentence — or, where that
   * sentence is one a summary passes over by design (a quotation, a clause cut from another page),
   * with a later sentence of the first two paragraphs: never with a dateline, a byline or furniture.
   */
  summaryOpening: number;
  /** Titles of the matched articles whose summary opens elsewhere, with its first words. */
  badSummaries: string[];
  /** Share of pages with a labelled date whose parsed date equals it. */
  date: number;
  /** Labelled titles not recovered, and emitted titles that match no label. */
  missed: string[];
  spurious: string[];
  pairs: LabelledPair[];
}

/** Whitespace never matters when comparing headlines (letter-spaced titles, indentation). */
export const compact = (text: string) => text.replace(/\s+/g, '');

/** Splits every labelled page under `root` and compares the result with its labels. */
export function scorePages(labelsPath: string, root: string, include: (file: string) => boolean = () => true): PageSetScore {
  const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, LabelledPage>;
  const pairs: LabelledPair[] = [];
  const missed: string[] = [];
  const spurious: string[] = [];
  let emitted = 0;
  let phrases = 0;
  let phrasesFound = 0;
  let dated = 0;
  let datesRight = 0;
  for (const [file, page] of Object.entries(labels)) {
    if (!include(file)) continue;
    const path = join(root, file);
    const read = readPage(dirname(path), basename(path));
    if (!('text' in read)) throw new Error(`${file}: ${read.reason}`);
    const articles = splitPage(read.text).filter((a) => a.kind !== 'fragment');
    emitted += articles.length;
    const wanted = new Set(page.articles.map((a) => compact(a.title)));
    for (const article of articles) if (!wanted.has(compact(article.title))) spurious.push(`${file}: ${article.title}`);
    for (const label of page.articles) {
      const article = articles.find((a) => compact(a.title) === compact(label.title));
      pairs.push({ file, label, article });
      if (!article) missed.push(`${file}: ${label.title}`);
      if (label.phrase) {
        phrases++;
        if (article && compact(article.body.join('')).includes(compact(label.phrase))) phrasesFound++;
      }
    }
    if (page.date) {
      dated++;
      if (read.date === page.date) datesRight++;
    }
  }
  const matched = pairs.filter((p) => p.article).length;
  const precision = emitted === 0 ? 0 : (emitted - spurious.length) / emitted;
  const recall = pairs.length === 0 ? 0 : matched / pairs.length;
  const openingOk = pairs.filter(
    (p) => p.article && compact(p.article.body[0] ?? '').startsWith(compact(p.label.firstSentence).slice(0, 20)),
  );
  const summaryOk = pairs.filter((p) => p.article && summaryOpensRight(p.article, p.label.firstSentence));
  return {
    labelled: pairs.length,
    emitted,
    matched,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    phrase: phrases === 0 ? 1 : phrasesFound / phrases,
    opening: matched === 0 ? 0 : openingOk.length / matched,
    summaryOpening: matched === 0 ? 0 : summaryOk.length / matched,
    badSummaries: pairs
      .filter((p) => p.article && !summaryOk.includes(p))
      .map((p) => `${p.file}: ${p.label.title} → ${summarise(p.article ?? { body: [] }).slice(0, 24)}`),
    date: dated === 0 ? 1 : datesRight / dated,
    missed,
    spurious,
    pairs,
  };
}

/** See {@link PageSetScore.summaryOpening}. */
function summaryOpensRight(article: ParsedArticle, firstSentence: string): boolean {
  const start = compact(summarise(article)).slice(0, 20);
  const wanted = compact(firstSentence).slice(0, 20);
  if (start.startsWith(wanted) || wanted.startsWith(start)) return true;
  const labelled = sentencesOf(firstSentence)[0] ?? firstSentence;
  // Labels stop a quotation's first sentence at its 。 (without the ”): a quotation all the same.
  const passedOver = /^[“「『"]/.test(labelled) || weakOpening(labelled);
  return passedOver && compact(article.body.slice(0, 2).join('')).includes(start);
}

/** One line for logs and README: the figures of a page set. */
export function describeScore(name: string, score: PageSetScore): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    `${name}: ${score.labelled} labelled articles, titles F1 ${score.f1.toFixed(2)} (P ${pct(score.precision)}, R ${pct(score.recall)}), ` +
    `body phrase ${pct(score.phrase)}, first sentence ${pct(score.opening)}, summary opening ${pct(score.summaryOpening)}, page date ${pct(score.date)}`
  );
}
