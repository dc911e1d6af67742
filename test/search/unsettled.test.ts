/**
 * BM25 left until it matters (Candidates.unsettled): a full-text match whose BM25 was not computed
 * needs it only when fewer than a page's worth of candidates surely rank before it, whatever its
 * BM25 (which adds less than 1 to its relevance).
 */
import { describe, expect, it } from 'vitest';
import { Candidates, REGION_MATCH } from '../../src/search/candidates.ts';

const WORD = ['溆浦'];
const NONE = new Set<number>();

/** `tagged` articles about the place (rowids 1…), of which the first `alsoText` hold its name too; `textOnly` more that only hold it (rowids 101…). */
function candidates(tagged: number, alsoText: number, textOnly: number): Candidates {
  const found = new Candidates(undefined);
  for (let rowid = 1; rowid <= tagged; rowid++) found.addCompact(rowid, WORD, REGION_MATCH);
  for (let rowid = 1; rowid <= alsoText; rowid++) found.addUnscored(rowid, WORD);
  for (let rowid = 101; rowid <= 100 + textOnly; rowid++) found.addUnscored(rowid, WORD);
  return found;
}

describe('which unscored matches need their BM25', () => {
  it('only those about the place, when a page of them ranks before every article holding the name alone', () => {
    const found = candidates(6, 3, 20);
    found.mark(new Map(), new Set());
    expect(found.unsettled(NONE, [], 5).sort((a, b) => a - b)).toEqual([1, 2, 3]);
  });

  it('those holding the name alone, when the articles about the place are fragments (titled articles rank first)', () => {
    const found = candidates(6, 3, 20);
    found.mark(new Map(), new Set([1, 2, 3, 4, 5, 6]));
    expect(found.unsettled(NONE, [], 5)).toEqual(Array.from({ length: 20 }, (_, i) => 101 + i));
  });

  it('every one, when fewer than a page of candidates are left (excluded, or too few)', () => {
    // Two of the six excluded: the four left do not fill the page.
    expect(candidates(6, 3, 20).unsettled(new Set([1, 2]), [], 5)).toHaveLength(21);
    expect(candidates(3, 3, 1).unsettled(NONE, [], 5)).toHaveLength(4);
  });

  it('none once scored: a real BM25 settles a match, an unscored pass (rank 0) does not', () => {
    const found = candidates(6, 3, 0);
    found.addFullText(1, WORD, -2.5);
    found.addFullText(2, WORD, 0);
    expect(found.unsettled(NONE, [], 5).sort((a, b) => a - b)).toEqual([2, 3]);
  });
});
