/**
 * The compact pass reads a query term's postings and those of the longer terms it starts, but
 * never a common term's (src/search/compact-pass.ts): a common longer term reached through a
 * prefix is left to the full text, as a common term asked for is. Postings written straight into
 * the snapshot's schema (invented terms, no pipeline).
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Candidates } from '../../src/search/candidates.ts';
import type { TokenizedDocument } from '../../src/search/compact.ts';
import { CompactPass } from '../../src/search/compact-pass.ts';
import { PostingsWriter } from '../../src/search/compact-postings.ts';
import { SCHEMA } from '../../src/search/snapshot.ts';

/** Rowids 1–600 are titled 柳湾镇 (the common term), 601–603 柳湾渡, 604 柳湾 itself, 605 柳湾渡口 and 柳湾镇. */
function documentOf(rowid: number): TokenizedDocument {
  const title = rowid <= 600 ? ['柳湾镇', '新闻'] : rowid <= 603 ? ['柳湾渡', '新闻'] : rowid === 604 ? ['柳湾'] : ['柳湾渡口', '柳湾镇'];
  return { rowid, title, kicker: [], subtitle: [], keywords: [], regions: [], authors: [] };
}

let db: Database.Database;
beforeAll(() => {
  db = new Database(':memory:');
  db.exec(SCHEMA);
  const writer = new PostingsWriter(db);
  db.transaction(() => {
    for (let rowid = 1; rowid <= 605; rowid++) writer.add(documentOf(rowid));
    writer.flushTotals();
  })();
});
afterAll(() => db.close());

function matched(pass: CompactPass, term: string): Map<number, number> {
  const candidates = new Candidates(undefined);
  pass.match([term], candidates);
  const { page } = candidates.rankedPage(new Set(), [], 'relevance', { offset: 0, limit: 1000 });
  return new Map(page.map((c) => [c.rowid, c.compactScore]));
}

describe('a prefix in the compact pass', () => {
  it('reads every longer term it starts when none is common', () => {
    expect([...matched(new CompactPass(db), '柳湾').keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 605 }, (_, i) => i + 1));
  });

  it('leaves out a common longer term, and the other terms score as they did', () => {
    const all = matched(new CompactPass(db), '柳湾');
    const found = matched(new CompactPass(db, ['新闻', '柳湾镇']), '柳湾');
    expect([...found.keys()].sort((a, b) => a - b)).toEqual([601, 602, 603, 604, 605]);
    // Scores are relative to the best article found, which both passes found (604: the term
    // itself); 605 loses what its 柳湾镇 gave it.
    for (const rowid of [601, 602, 603, 604]) expect(found.get(rowid)).toBeCloseTo(all.get(rowid) as number, 12);
    expect(found.get(605)).toBeLessThan(all.get(605) as number);
  });

  it('reads the terms on both sides of a common one', () => {
    const found = matched(new CompactPass(db, ['柳湾渡']), '柳湾');
    expect(found.has(602)).toBe(false);
    expect(found.has(1) && found.has(604) && found.has(605)).toBe(true);
  });
});
