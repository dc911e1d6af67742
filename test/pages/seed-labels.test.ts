/**
 * The splitter against the hand-labelled article lists of the seed pages
 * (test/fixtures/seed-articles.json, made by reading the pages; see test/fixtures/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitPage } from '../../src/pages/split.ts';
import { labelledSeedPairs } from '../support/labelled-seeds.ts';

const compact = (text: string) => text.replace(/\s+/g, '');
const pairs = labelledSeedPairs();
const rate = (count: number) => count / pairs.length;
const found = pairs.filter((p) => p.article !== undefined);
const titles = rate(found.length);
const authors = rate(found.filter((p) => compact(p.article!.authors.join(' ')) === compact(p.label.authors.join(' '))).length);
const openings = rate(
  found.filter((p) => compact(p.article!.body[0] ?? '').startsWith(compact(p.label.firstSentence).slice(0, 20))).length,
);
const kinds = rate(found.filter((p) => p.article!.kind === p.label.kind).length);

describe('splitting the seed pages against hand labels', () => {
  it('recovers at least 95% of the labelled headlines', () => {
    const missed = pairs.filter((p) => !p.article).map((p) => `${p.file}: ${p.label.title}`);
    console.log(
      `splitter on ${pairs.length} labelled seed articles: titles ${(titles * 100).toFixed(1)}%, authors ${(authors * 100).toFixed(1)}%, ` +
        `first sentence ${(openings * 100).toFixed(1)}%, kind ${(kinds * 100).toFixed(1)}%; missed: ${missed.join(' | ') || 'none'}`,
    );
    expect(titles).toBeGreaterThanOrEqual(0.95);
  });

  it('never presents a section heading as a headline', () => {
    const labels = JSON.parse(readFileSync('test/fixtures/seed-articles.json', 'utf8')) as Record<string, { sectionHeadings: string[] }>;
    const headingsAsTitles = Object.entries(labels).flatMap(([file, page]) => {
      const shown = splitPage(readFileSync(`seeds/${file}`, 'utf8'))
        .filter((a) => a.kind !== 'fragment')
        .map((a) => compact(a.title));
      return page.sectionHeadings.filter((heading) => shown.includes(compact(heading)));
    });
    expect(headingsAsTitles).toEqual([]);
  });

  it('recovers the authors, opening sentence and kind of most articles', () => {
    expect(authors).toBeGreaterThanOrEqual(0.9);
    expect(openings).toBeGreaterThanOrEqual(0.9);
    expect(kinds).toBeGreaterThanOrEqual(0.8);
  });
});
