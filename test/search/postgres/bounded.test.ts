/**
 * The work one query can cause stays bounded: full-text lookups walk the archive newest first in
 * growing windows of time and stop as soon as they have enough matches, so a word found in every
 * article costs one window, and a word found only in the oldest page a few. Also: an empty
 * database answers politely.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresArticleIndex } from '../../../src/search/postgres/index.ts';
import { ingestPages } from '../../../src/search/postgres/ingest.ts';
import { FIRST_WINDOW_DAYS, newestMatching, Params, seqSpan, WINDOW_GROWTH } from '../../../src/search/postgres/newest.ts';
import { connect } from '../../../src/search/postgres/pool.ts';
import { gramQuery } from '../../../src/search/postgres/tsvector.ts';
import { inventedPage } from '../../support/invented-pages.ts';
import { postgresAvailable, type TestDatabase, testDatabase } from '../../support/postgres.ts';

const work = mkdtempSync(join(tmpdir(), 'xiangwen-pg-bounded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 30 daily pages in the newest month and one page a month for two years before, plus the oldest. */
function writeArchive(pagesDir: string): void {
  mkdirSync(pagesDir);
  const day = (n: number) => new Date(Date.UTC(2024, 11, 31) - n * 86_400_000).toISOString().slice(0, 10);
  const days = [...Array.from({ length: 30 }, (_, i) => i), ...Array.from({ length: 24 }, (_, i) => 31 + i * 30)];
  for (const [i, n] of days.entries()) {
    writeFileSync(join(pagesDir, `${day(n)}_p${i}.txt`), inventedPage([[`永州第${i}期城市书房开放`, '永州市', `第${i}期城市书房向市民免费开放。`]]));
  }
  writeFileSync(join(pagesDir, `${day(800)}_oldest.txt`), inventedPage([['祁阳古窑遗址完成考古发掘', '祁阳市', '考古队在古窑遗址发现大量瓷片。']]));
}

/** The pool, with the statements it runs counted. */
function counting(pool: pg.Pool): { pool: pg.Pool; queries: () => number } {
  let count = 0;
  const counted = new Proxy(pool, {
    get(target, key, receiver) {
      if (key !== 'query') return Reflect.get(target, key, receiver);
      return (...args: Parameters<pg.Pool['query']>) => {
        count++;
        return (target.query as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
  return { pool: counted, queries: () => count };
}

describe.runIf(postgresAvailable())('bounded full-text work on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await testDatabase();
    pool = await connect(database.url);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('answers politely while the database holds no article', async () => {
    const index = await PostgresArticleIndex.open(pool);
    expect(await index.search('书房')).toMatchObject({ total: 0, noKeywords: false, hits: [] });
    expect(await index.seenSince(0)).toEqual({ items: [] });
    expect(await index.latest()).toEqual({ total: 0, hits: [] });
    expect(index.info.articles).toBe(0);
  });

  it('stops at the first window for a word in every article, newest first', async () => {
    const pagesDir = join(work, 'pages');
    writeArchive(pagesDir);
    await ingestPages(pool, { pagesDir });
    const span = (await seqSpan(pool))!;
    const { pool: spied, queries } = counting(pool);
    const params = new Params();
    const where = `grams @@ ${params.add(gramQuery('书房'))}::tsquery`;
    const { rows, capped } = await newestMatching<{ seq: string; date: string }>(spied, span, 'date', where, params, 5);
    expect(queries()).toBe(1);
    expect(capped).toBe(true);
    expect(rows.map((r) => r.date)).toEqual(['2024-12-31', '2024-12-30', '2024-12-29', '2024-12-28', '2024-12-27']);
  });

  it('reaches the oldest page for a rare word in a few windows', async () => {
    const span = (await seqSpan(pool))!;
    const { pool: spied, queries } = counting(pool);
    const params = new Params();
    const where = `grams @@ ${params.add(gramQuery('古窑遗址'))}::tsquery`;
    const { rows, capped } = await newestMatching<{ seq: string; title: string }>(spied, span, 'title', where, params, 5);
    expect(rows.map((r) => r.title)).toEqual(['祁阳古窑遗址完成考古发掘']);
    expect(capped).toBe(false);
    // Windows of 16, 64, 256 and 1024 days: the fourth reaches 800 days back.
    expect([FIRST_WINDOW_DAYS, WINDOW_GROWTH]).toEqual([16, 4]);
    expect(queries()).toBe(4);
  });

  it('counts every match of a word below the bound, and takes an unknown paging cursor as the end', async () => {
    const index = await PostgresArticleIndex.open(pool);
    const result = await index.search('书房', { limit: 3 });
    expect(result.total).toBe(54);
    expect(result.capped).toBe(false);
    expect(await index.seenSince(0, { after: 'no-such-id' })).toEqual({ items: [] });
  });
});
