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
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresArticleIndex } from '../../../src/search/postgres/index.ts';
import { ingestPages } from '../../../src/search/postgres/ingest.ts';
import { FIRST_WINDOW_DAYS, newestMatching, Params, seqSpan, WINDOW_GROWTH, windowsOf } from '../../../src/search/postgres/newest.ts';
import { gramQuery } from '../../../src/search/postgres/tsvector.ts';
import { inventedPage } from '../../support/invented-pages.ts';
import { migratedDatabaseForSuite, postgresAvailable } from '../../support/postgres.ts';

const work = mkdtempSync(join(tmpdir(), 'xiangwen-pg-bounded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 30 daily pages in the newest month and one page a month for two years before, plus the oldest. */
function writeArchive(pagesDir: string): void {
  mkdirSync(pagesDir);
  const day = (n: number) => new Date(Date.UTC(2024, 11, 31) - n * 86_400_000).toISOString().slice(0, 10);
  const days = [...Array.from({ length: 30 }, (_, i) => i), ...Array.from({ length: 24 }, (_, i) => 31 + i * 30)];
  for (const [i, n] of days.entries()) {
    writeFileSync(
      join(pagesDir, `${day(n)}_p${i}.txt`),
      inventedPage([[`永州第${i}期城市书房开放`, '永州市', `第${i}期城市书房向市民免费开放。`]]),
    );
  }
  writeFileSync(
    join(pagesDir, `${day(800)}_oldest.txt`),
    inventedPage([['祁阳古窑遗址完成考古发掘', '祁阳市', '考古队在古窑遗址发现大量瓷片。']]),
  );
}

/**
 * The pool, with the number of windows PostgreSQL actually ran recorded for each statement: the
 * UNION ALL branches under the Append node of EXPLAIN ANALYZE that were executed at least once.
 */
function windowsRun(pool: pg.Pool): { pool: pg.Pool; runs: number[] } {
  const runs: number[] = [];
  type Plan = { 'Node Type': string; 'Actual Loops'?: number; Plans?: Plan[] };
  const find = (plan: Plan): Plan | undefined => (plan['Node Type'] === 'Append' ? plan : plan.Plans?.map(find).find(Boolean));
  const spied = new Proxy(pool, {
    get(target, key, receiver) {
      if (key !== 'query') return Reflect.get(target, key, receiver);
      return async (sql: string, values: unknown[]) => {
        const explained = await target.query<{ 'QUERY PLAN': { Plan: Plan }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, values);
        const append = find(explained.rows[0]['QUERY PLAN'][0].Plan);
        runs.push(append ? (append.Plans ?? []).filter((branch) => (branch['Actual Loops'] ?? 0) > 0).length : 1);
        return target.query(sql, values);
      };
    },
  });
  return { pool: spied, runs };
}

describe.runIf(postgresAvailable())('bounded full-text work on PostgreSQL', () => {
  const suite = migratedDatabaseForSuite();
  const pool = () => suite.pool();

  it('answers politely while the database holds no article', async () => {
    const index = await PostgresArticleIndex.open(pool());
    expect(await index.search('书房')).toMatchObject({ total: 0, noKeywords: false, hits: [] });
    expect(await index.seenSince(0)).toEqual({ items: [] });
    expect(await index.latest()).toEqual({ total: 0, hits: [] });
    expect(index.info.articles).toBe(0);
  });

  it('runs only the first window for a word in every article, newest first', async () => {
    const pagesDir = join(work, 'pages');
    writeArchive(pagesDir);
    await ingestPages(pool(), { pagesDir });
    const span = (await seqSpan(pool()))!;
    const { pool: spied, runs } = windowsRun(pool());
    const params = new Params();
    const where = `grams @@ ${params.add(gramQuery('书房'))}::tsquery`;
    const { rows, capped } = await newestMatching<{ seq: string; date: string }>(spied, span, 'date', where, params, 5);
    expect(windowsOf(span)).toHaveLength(4);
    expect(runs).toEqual([1]);
    expect(capped).toBe(true);
    expect(rows.map((r) => r.date)).toEqual(['2024-12-31', '2024-12-30', '2024-12-29', '2024-12-28', '2024-12-27']);
  });

  it('reaches the oldest page for a rare word through every window, in one statement', async () => {
    const span = (await seqSpan(pool()))!;
    const { pool: spied, runs } = windowsRun(pool());
    const params = new Params();
    const where = `grams @@ ${params.add(gramQuery('古窑遗址'))}::tsquery`;
    const { rows, capped } = await newestMatching<{ seq: string; title: string }>(spied, span, 'title', where, params, 5);
    expect(rows.map((r) => r.title)).toEqual(['祁阳古窑遗址完成考古发掘']);
    expect(capped).toBe(false);
    // Windows of 16, 64, 256 and 1024 days: the fourth reaches 800 days back.
    expect([FIRST_WINDOW_DAYS, WINDOW_GROWTH]).toEqual([16, 4]);
    expect(runs).toEqual([4]);
  });

  it('counts every match of a word below the bound, and takes an unknown paging cursor as the end', async () => {
    const index = await PostgresArticleIndex.open(pool());
    const result = await index.search('书房', { limit: 3 });
    expect(result.total).toBe(54);
    expect(result.capped).toBe(false);
    expect(await index.seenSince(0, { after: 'no-such-id' })).toEqual({ items: [] });
  });
});
