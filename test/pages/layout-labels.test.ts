/**
 * The splitter, tagger and search against our invented pages in real outlets' layouts
 * (test/fixtures/layouts/, docs/page-layouts.md): the development pages and the held-out pages that
 * no rule was written against. The same measures as the evaluation on real published pages.
 */
import { describe, expect, it } from 'vitest';
import { describeScore, scorePages } from '../support/labelled-pages.ts';
import { scoreSearch } from '../support/search-score.ts';

const LABELS = 'test/fixtures/layouts/labels.json';
const ROOT = 'test/fixtures/layouts';

describe.each([
  ['dev', 0.95],
  ['heldout', 0.9],
])('layout fixtures: %s pages', (set, minimum) => {
  const score = scorePages(LABELS, ROOT, (file) => file.startsWith(`${set}/`));

  it(`recovers the headlines (titles F1 ≥ ${minimum}) and puts body text in the right article`, () => {
    console.log(
      describeScore(set, score),
      score.missed.length ? `\n  missed: ${score.missed.join(' | ')}` : '',
      score.spurious.length ? `\n  spurious: ${score.spurious.join(' | ')}` : '',
    );
    expect(score.f1).toBeGreaterThanOrEqual(minimum);
    expect(score.phrase).toBeGreaterThanOrEqual(minimum);
    expect(score.date).toBeGreaterThanOrEqual(minimum);
  });

  it('opens each summary with the text, never with what the splitter left before it', () => {
    if (score.badSummaries.length) console.log(`${set} summaries opening elsewhere:\n  ${score.badSummaries.join('\n  ')}`);
    expect(score.summaryOpening).toBeGreaterThanOrEqual(minimum);
  });

  it('finds each article by its word, first', async () => {
    const found = await scoreSearch(LABELS, ROOT, `${set}/`);
    console.log(
      `${set}: search top-1 ${found.top1.toFixed(2)}, recall ${found.recall.toFixed(2)}, region lookup top-1 ${found.regionTop1.toFixed(2)}, most specific region ${found.mostSpecific.toFixed(2)}`,
    );
    expect(found.top1).toBeGreaterThanOrEqual(minimum);
    expect(found.recall).toBeGreaterThanOrEqual(0.95);
  });
});
