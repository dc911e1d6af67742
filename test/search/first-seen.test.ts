/**
 * First-seen times: the ledger keeps each id's earliest time, and the engine reports them through
 * `seenSince`, page by page, leaving out articles no longer in the index.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotIndex } from '../../src/search/article-index.ts';
import { FirstSeenLedger, decodeSeenCursor, encodeSeenCursor } from '../../src/search/first-seen.ts';
import { openIndex } from '../../src/search/open.ts';
import { seenBetween } from '../../src/search/engine.ts';
import { allIds } from '../support/all-articles.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');

describe('the first-seen ledger', () => {
  it('keeps the earliest time of each id, so a rebuild does not make old articles new', () => {
    const ledger = new FirstSeenLedger(new Database(':memory:'));
    expect(ledger.record(['a', 'b'], 100)).toBe(2);
    expect(ledger.record(['a', 'b', 'c'], 200)).toBe(1); // rebuild with one new article
    expect(ledger.firstSeen('a')).toBe(100);
    expect(ledger.firstSeen('c')).toBe(200);
    expect(ledger.record(['c'], 150)).toBe(0); // an earlier time for a known id replaces the later one
    expect(ledger.firstSeen('c')).toBe(150);
    expect(ledger.page(100, undefined, 10)).toEqual([{ id: 'c', firstSeen: 150 }]);
    expect(ledger.page(-1, undefined, 10).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(ledger.page(-1, { id: 'a', firstSeen: 100 }, 10).map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('records a snapshot once: the same snapshot again reads no id, another one records its ids', () => {
    const ledger = new FirstSeenLedger(new Database(':memory:'));
    let reads = 0;
    const ids = (list: string[]) => () => {
      reads++;
      return list;
    };
    expect(ledger.recordSnapshot('build 1, generation 1', ids(['a', 'b']), 100)).toBe(2);
    expect(ledger.recordSnapshot('build 1, generation 1', ids(['a', 'b']), 200)).toBe(0);
    expect(reads).toBe(1);
    expect(ledger.recordSnapshot('build 1, generation 2', ids(['a', 'b', 'c']), 300)).toBe(1);
    expect(ledger.firstSeen('c')).toBe(300);
    // An earlier clock than the recording's: recorded again, so an earlier time still wins.
    expect(ledger.recordSnapshot('build 1, generation 2', ids(['a', 'b', 'c']), 250)).toBe(0);
    expect(reads).toBe(3);
    expect(ledger.firstSeen('c')).toBe(250);
  });

  it('reads its cursor back, and anything else as the start', () => {
    expect(decodeSeenCursor(encodeSeenCursor({ id: 'x:y', firstSeen: 42 }))).toEqual({ id: 'x:y', firstSeen: 42 });
    expect(decodeSeenCursor('garbage')).toBeUndefined();
    expect(decodeSeenCursor(undefined)).toBeUndefined();
  });
});

describe('seenSince on the SQLite engine', () => {
  const work = mkdtempSync(join(tmpdir(), 'xiangwen-first-seen-'));
  let db: Database.Database;
  let ledger: FirstSeenLedger;
  let index: SnapshotIndex;
  let ids: string[];

  beforeAll(async () => {
    db = new Database(join(work, 'state.db'));
    ledger = new FirstSeenLedger(db);
    index = await openIndex({ pagesDir: SEEDS, dataDir: join(work, 'data') }, { firstSeen: ledger, now: 1000 });
    ids = await allIds(index);
  });
  afterAll(async () => {
    await index.close();
    db.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('records every article when loaded, and loading again adds none', () => {
    expect(index.newlySeen).toBe(index.info.articles);
    expect(index.recordIn(ledger, 2000)).toBe(0);
    expect(ledger.firstSeen(ids[0])).toBe(1000);
  });

  it('pages oldest first, each article once, and nothing after the newest', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await index.seenSince(0, { after, limit: 7 });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((item) => item.id));
      after = page.next;
      pages++;
    } while (after !== undefined);
    expect(pages).toBe(Math.ceil(ids.length / 7));
    expect(seen.sort()).toEqual([...ids].sort());
    expect((await index.seenSince(1000)).items).toEqual([]);
  });

  it('lists only articles first seen after `since`, and none the index no longer holds', async () => {
    ledger.record(['gone-from-the-index'], 5000);
    ledger.record([ids[0]], 500); // an article known from before
    const early = (await index.seenSince(0)).items;
    expect(early[0]).toEqual({ id: ids[0], firstSeen: 500 });
    expect((await index.seenSince(500)).items.map((i) => i.id)).not.toContain(ids[0]);
    const window: string[] = [];
    for await (const item of seenBetween(index, 999, 6000)) window.push(item.id);
    expect(window).not.toContain('gone-from-the-index');
    expect(window.length).toBe(ids.length - 1);
  });
});
