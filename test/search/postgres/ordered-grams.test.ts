/**
 * The optional RUM index (migration 2, where the server has the `rum` extension): full-text
 * lookups of common words walk it newest first, the others keep the windows over the GIN index.
 * Either way every answer is the same, and without the index (no extension, or dropped) the
 * engine works as before.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresArticleIndex } from '../../../src/search/postgres/index.ts';
import { ingestPages } from '../../../src/search/postgres/ingest.ts';
import { hasOrderedGrams, ORDERED_GRAMS_INDEX } from '../../../src/search/postgres/newest.ts';
import { inventedPage } from '../../support/invented-pages.ts';
import { migratedDatabaseForSuite, postgresAvailable } from '../../support/postgres.ts';

const work = mkdtempSync(join(tmpdir(), 'xiangwen-pg-ordered-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 80 daily pages: every article about a reading room (common), every ninth about fireflies too (rare). */
function writeArchive(pagesDir: string): void {
  mkdirSync(pagesDir);
  const places = ['永州市', '汝城县', '桂东县', '宁乡市'];
  for (let i = 0; i < 80; i++) {
    const date = new Date(Date.UTC(2024, 2, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const rare = i % 9 === 0 ? '夜里还能看到萤火虫。' : '';
    const text = `第${i}间城市书房向市民开放，书房里${'书房'.repeat(i % 4)}。${rare}`;
    writeFileSync(join(pagesDir, `${date}_p${i}.txt`), inventedPage([[`第${i}间城市书房开放`, places[i % 4], text]]));
  }
}

const QUERIES = ['书房', '城市书房', '书房 开放', '永州 书房', '萤火虫', '书房 萤火虫', '汝城 萤火虫'];

describe.runIf(postgresAvailable())('the RUM index on the bigram vectors', () => {
  const suite = migratedDatabaseForSuite();
  const pool = () => suite.pool();
  let withRum = false;
  beforeAll(async () => {
    writeArchive(join(work, 'pages'));
    await ingestPages(pool(), { pagesDir: join(work, 'pages') });
    const { rows } = await pool().query("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'");
    withRum = rows.length > 0;
  });

  const answers = async (index: PostgresArticleIndex) =>
    Promise.all(QUERIES.map(async (query) => ({ asked: query, ...(await index.search(query, { limit: 30 })) })));

  it('is there exactly when the server has the rum extension', async () => {
    expect(await hasOrderedGrams(pool())).toBe(withRum);
  });

  it('gives the same answers as the windows over the GIN index', async ({ skip }) => {
    if (!withRum) skip();
    const ordered = await answers(await PostgresArticleIndex.open(pool(), { orderedGrams: true }));
    const windows = await answers(await PostgresArticleIndex.open(pool(), { orderedGrams: false }));
    expect(ordered.find((a) => a.asked === '书房')?.total).toBeGreaterThan(50);
    expect(ordered).toEqual(windows);
  });

  it('is not needed: without it the engine answers the same', async () => {
    const before = await answers(await PostgresArticleIndex.open(pool()));
    await pool().query(`DROP INDEX IF EXISTS ${ORDERED_GRAMS_INDEX}`);
    expect(await hasOrderedGrams(pool())).toBe(false);
    expect(await answers(await PostgresArticleIndex.open(pool()))).toEqual(before);
  });
});
