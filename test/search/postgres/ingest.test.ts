/**
 * Ingesting page files into PostgreSQL: a full ingest stores every prepared article in the order
 * the SQLite snapshot gives them; adding, changing, touching and removing page files changes only
 * their own articles, keeps first-seen times, and ends where a full ingest of the same pages does.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { collectArticles, indexDirOf, openIndex } from '../../../src/search/open.ts';
import { ingestPages } from '../../../src/search/postgres/ingest.ts';
import { connect } from '../../../src/search/postgres/pool.ts';
import { inventedPage } from '../../support/invented-pages.ts';
import { migratedDatabaseForSuite, postgresAvailable } from '../../support/postgres.ts';

const work = mkdtempSync(join(tmpdir(), 'xiangwen-pg-ingest-'));
const pagesDir = join(work, 'pages');
mkdirSync(pagesDir);
for (const file of readdirSync('seeds')) copyFileSync(join('seeds', file), join(pagesDir, file));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TEA = inventedPage([
  ['桂东茶园迎来采摘季', '桂东县', '万亩茶园进入春茶采摘期，茶农忙着采茶制茶。'],
  ['浏阳烟花企业安全检查', '浏阳市', '应急部门对烟花爆竹企业开展安全生产检查。'],
]);

/** Everything stored of each article, in order: what an incremental ingest must reproduce. */
async function stored(pool: pg.Pool) {
  const { rows } = await pool.query(
    'SELECT id, seq::text, file, position, date, record, words::text, grams::text FROM articles ORDER BY seq, id',
  );
  return rows;
}

const seenTimes = async (pool: pg.Pool) =>
  new Map(
    (await pool.query<{ id: string; first_seen: string }>('SELECT id, first_seen FROM article_seen')).rows.map((r) => [
      r.id,
      Number(r.first_seen),
    ]),
  );

describe.runIf(postgresAvailable())('ingest into PostgreSQL', () => {
  const suite = migratedDatabaseForSuite();
  const pool = () => suite.pool();
  let clock = 1_000;
  const ingest = (options: { full?: boolean } = {}) => ingestPages(pool(), { pagesDir, now: () => clock, ...options });

  it('stores every prepared article, in the order the SQLite snapshot gives them', async () => {
    const result = await ingest();
    expect(result.mode).toBe('full');
    const prepared = collectArticles(pagesDir);
    expect(result.articles).toBe(prepared.length);
    // The snapshot's own order: rowids encode date order (day × 2^20 + position).
    await (await openIndex({ pagesDir, dataDir: join(work, 'sqlite') })).close();
    const snapshot = new Database(join(indexDirOf(join(work, 'sqlite')), 'articles.db'), { readonly: true });
    try {
      const sqliteOrder = snapshot.prepare('SELECT id FROM articles ORDER BY rowid').pluck().all();
      expect((await stored(pool())).map((row) => row.id)).toEqual(sqliteOrder);
    } finally {
      snapshot.close();
    }
    const records = new Map((await stored(pool())).map((row) => [row.id, row.record]));
    for (const article of prepared) expect(records.get(article.id)).toEqual(article);
    expect(result.added).toHaveLength(prepared.length);
  });

  it('reads nothing again when nothing changed, or a page was only touched', async () => {
    expect((await ingest()).mode).toBe('unchanged');
    const file = readdirSync(pagesDir)[0];
    utimesSync(join(pagesDir, file), new Date(), new Date(Date.now() + 5_000));
    const before = await stored(pool());
    expect((await ingest()).mode).toBe('unchanged');
    expect(await stored(pool())).toEqual(before);
  });

  it('adds a page: only its articles are new, everyone else keeps the first-seen time', async () => {
    const seenBefore = await seenTimes(pool());
    clock = 2_000;
    writeFileSync(join(pagesDir, '2024-05-01_tea.txt'), TEA);
    const result = await ingest();
    expect(result).toMatchObject({ mode: 'incremental', removed: [], changedFiles: ['2024-05-01_tea.txt'] });
    expect(result.added).toHaveLength(2);
    const seen = await seenTimes(pool());
    for (const id of result.added) expect(seen.get(id)).toBe(2_000);
    for (const [id, time] of seenBefore) expect(seen.get(id)).toBe(time);
  });

  it('changes a page: the edited article gets a new id, its neighbour keeps its own', async () => {
    const { rows } = await pool().query<{ id: string; title: string }>(
      "SELECT id, title FROM articles WHERE file = '2024-05-01_tea.txt' ORDER BY position",
    );
    clock = 3_000;
    writeFileSync(join(pagesDir, '2024-05-01_tea.txt'), TEA.replace('开展安全生产检查', '开展节前安全生产大检查'));
    const result = await ingest();
    expect(result.removed).toEqual([rows[1].id]);
    expect(result.added).toHaveLength(1);
    const after = await pool().query<{ id: string }>("SELECT id FROM articles WHERE file = '2024-05-01_tea.txt' ORDER BY position");
    expect(after.rows.map((r) => r.id)).toEqual([rows[0].id, result.added[0]]);
  });

  it('removes a page and its articles; added again, they keep their first-seen times', async () => {
    const seen = await seenTimes(pool());
    const { rows } = await pool().query<{ id: string }>("SELECT id FROM articles WHERE file = '2024-05-01_tea.txt'");
    unlinkSync(join(pagesDir, '2024-05-01_tea.txt'));
    clock = 4_000;
    const removed = await ingest();
    expect(removed.removed.sort()).toEqual(rows.map((r) => r.id).sort());
    expect((await pool().query("SELECT 1 FROM articles WHERE file = '2024-05-01_tea.txt'")).rowCount).toBe(0);
    writeFileSync(join(pagesDir, '2024-05-01_tea.txt'), TEA.replace('开展安全生产检查', '开展节前安全生产大检查'));
    clock = 5_000;
    await ingest();
    const again = await seenTimes(pool());
    for (const { id } of rows) expect(again.get(id)).toBe(seen.get(id));
  });

  it('ends where a full ingest of the same pages ends', async () => {
    writeFileSync(join(pagesDir, '2023-03-05_more.txt'), inventedPage([['郴州开通新公交线路', '郴州市', '新线路连接高铁站和市中心。']]));
    await ingest();
    const fresh = await connect(await suite.database().another());
    try {
      await ingestPages(fresh, { pagesDir, now: () => clock });
      expect(await stored(pool())).toEqual(await stored(fresh));
    } finally {
      await fresh.end();
    }
  });

  it('serialises two ingests at once: each page is added exactly once', async () => {
    writeFileSync(join(pagesDir, '2024-06-02_twice.txt'), inventedPage([['永州举办读书节', '永州市', '读书节吸引市民走进图书馆。']]));
    const results = await Promise.all([ingest(), ingest()]);
    expect(results.map((r) => r.added.length).sort()).toEqual([0, 1]);
    expect((await pool().query("SELECT 1 FROM articles WHERE file = '2024-06-02_twice.txt'")).rowCount).toBe(1);
  });
});
