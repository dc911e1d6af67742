/**
 * The two shortcuts of the SQLite engine's ranking: only the page asked for is put in order
 * (firstRanked), and fragments are read from their partial index, over the candidates' span or,
 * where that span holds many fragments, one candidate at a time.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Candidates, firstRanked } from '../../src/search/candidates.ts';
import { SCHEMA } from '../../src/search/snapshot.ts';
import { SnapshotRows } from '../../src/search/snapshot-rows.ts';

/** A small deterministic generator (the same numbers every run). */
function numbers(seed: number, count: number, range: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % range;
  });
}

describe('firstRanked', () => {
  const byScoreThenRowid = (a: { score: number; rowid: number }, b: { score: number; rowid: number }) =>
    b.score - a.score || b.rowid - a.rowid;

  it('gives the head of the full sort, for every page size and many ties', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const scores = numbers(seed, 500, 7);
      const items = scores.map((score, rowid) => ({ score, rowid }));
      const sorted = [...items].sort(byScoreThenRowid);
      for (const count of [0, 1, 5, 10, 37, 124, 125, 499, 500, 600]) {
        expect(firstRanked(items, count, byScoreThenRowid)).toEqual(sorted.slice(0, count));
      }
    }
  });

  it('leaves its input in the order it was given', () => {
    const items = [3, 1, 2].map((score, rowid) => ({ score, rowid }));
    firstRanked(items, 1, byScoreThenRowid);
    expect(items.map((item) => item.score)).toEqual([3, 1, 2]);
  });
});

describe('the words each candidate matched', () => {
  it('stay its own when another candidate that matched the same words gains one more', () => {
    const candidates = new Candidates(undefined);
    const whole = ['茶园', '采摘'];
    candidates.addFullText(1, whole, -2);
    candidates.addFullText(2, whole, -1);
    candidates.addCompact(2, ['桂东'], 0.5);
    candidates.addCompact(2, ['新茶'], 0.5);
    candidates.addFullText(3, ['茶园'], 0);
    const { page } = candidates.rankedPage(new Set(), [], 'relevance', { offset: 0, limit: 3 });
    expect(page.map((c) => [c.rowid, [...c.matched].sort()])).toEqual([
      [2, ['新茶', '桂东', '茶园', '采摘'].sort()],
      [1, ['茶园', '采摘'].sort()],
      [3, ['茶园']],
    ]);
  });
});

describe('fragments among candidates', () => {
  let db: Database.Database;
  let rows: SnapshotRows;
  const isFragment = (rowid: number) => rowid % 3 === 0;

  beforeAll(() => {
    db = new Database(':memory:');
    db.exec(SCHEMA);
    const insert = db.prepare(
      "INSERT INTO articles (rowid, id, date, file, kind, title, regions, summary, record) VALUES (?, ?, '2026-01-01', 'a.md', ?, '', '[]', '', '{}')",
    );
    db.transaction(() => {
      for (let rowid = 1; rowid <= 3000; rowid++) insert.run(rowid, `id${rowid}`, isFragment(rowid) ? 'fragment' : 'brief');
    })();
    rows = new SnapshotRows(db);
  });
  afterAll(() => db.close());

  it('finds the fragments of a narrow span, and only among the candidates', () => {
    const candidates = [100, 101, 102, 103, 105, 111];
    expect([...rows.fragmentsAmong(candidates)].filter((rowid) => candidates.includes(rowid)).sort()).toEqual([102, 105, 111]);
  });

  it('finds the fragments of a few candidates spread over the archive (their span holds a thousand)', () => {
    const candidates = [1, 2, 3, 1500, 2999, 3000];
    expect([...rows.fragmentsAmong(candidates)].sort((a, b) => a - b)).toEqual([3, 1500, 2999, 3000].filter(isFragment));
  });

  it('finds none among no candidates', () => {
    expect(rows.fragmentsAmong([]).size).toBe(0);
  });
});
