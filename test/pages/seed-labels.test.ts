/**
 * The splitter against the hand-labelled article lists of the seed pages
 * (test/fixtures/seed-articles.json, made by reading the pages; see test/fixtures/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitPage } from '../../src/pages/split.ts';

interface LabelledArticle {
  title: string;
  kicker: string;
  subtitle: string;
  authors: string[];
  firstSentence: string;
  kind: string;
  regions: string[];
}
interface LabelledPage {
  articles: LabelledArticle[];
  sectionHeadings: string[];
}

const labels = JSON.parse(readFileSync('test/fixtures/seed-articles.json', 'utf8')) as Record<string, LabelledPage>;
const compact = (text: string) => text.replace(/\s+/g, '');

/** Match rates of the splitter on every labelled page. */
export function splitterScores() {
  let titles = 0;
  let authors = 0;
  let openings = 0;
  let labelled = 0;
  const headingsAsTitles: string[] = [];
  const missed: string[] = [];
  for (const [file, page] of Object.entries(labels)) {
    const articles = splitPage(readFileSync(`seeds/${file}`, 'utf8')).filter((a) => a.kind !== 'fragment');
    for (const label of page.articles) {
      labelled++;
      const found = articles.find((a) => compact(a.title) === compact(label.title));
      if (!found) {
        missed.push(`${file}: ${label.title}`);
        continue;
      }
      titles++;
      if (compact(found.authors.join(' ')) === compact(label.authors.join(' '))) authors++;
      const opening = compact(found.body.find((p) => !/^[（(]/.test(p)) ?? '');
      if (opening.startsWith(compact(label.firstSentence).slice(0, 20))) openings++;
    }
    for (const heading of page.sectionHeadings) {
      if (articles.some((a) => compact(a.title) === compact(heading))) headingsAsTitles.push(`${file}: ${heading}`);
    }
  }
  return { labelled, titles: titles / labelled, authors: authors / labelled, openings: openings / labelled, headingsAsTitles, missed };
}

describe('splitting the seed pages against hand labels', () => {
  const scores = splitterScores();
  it('recovers at least 95% of the labelled headlines', () => {
    console.log(`splitter on ${scores.labelled} labelled seed articles: titles ${(scores.titles * 100).toFixed(1)}%, ` +
      `authors ${(scores.authors * 100).toFixed(1)}%, first sentence ${(scores.openings * 100).toFixed(1)}%; missed: ${scores.missed.join(' | ') || 'none'}`);
    expect(scores.titles).toBeGreaterThanOrEqual(0.95);
  });

  it('never presents a section heading as a headline', () => {
    expect(scores.headingsAsTitles).toEqual([]);
  });

  it('recovers the authors and the opening sentence of most articles', () => {
    expect(scores.authors).toBeGreaterThanOrEqual(0.85);
    expect(scores.openings).toBeGreaterThanOrEqual(0.85);
  });
});
