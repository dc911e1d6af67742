/**
 * PostgreSQL beside SQLite, in the same run, on one synthetic archive written as page files (as
 * bench/update-bench.ts writes it): the full build (SQLite snapshot) and the full ingest
 * (PostgreSQL), adding one page of 10 articles, and the index benchmark's query mix (rare words,
 * places, two words, common words) timed on both, in this process. Never part of `npm test`.
 *
 * `node bin/run-ts.mjs bench/postgres-bench.ts [--articles 10000]`. PostgreSQL: the server of
 * DATABASE_URL (a fresh database is made on it), else a throwaway server from Debian's binaries.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../src/pages/article.ts';
import { loadChecked } from '../src/search/open.ts';
import { PostgresArticleIndex } from '../src/search/postgres/index.ts';
import { ingestPages } from '../src/search/postgres/ingest.ts';
import { connect } from '../src/search/postgres/pool.ts';
import { indexDirOf, rebuildIndex, updateIndex } from '../src/search/update.ts';
import { testDatabase } from '../test/support/postgres.ts';
import { queryMix } from './index-bench.ts';
import { timeMix } from './query-timing.ts';
import { type CorpusTally, tallyArticle } from './synthetic-index.ts';
import { freshPage, writePages } from './update-bench.ts';

const timed = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
};

export async function benchPostgres(count: number, log: (line: string) => void = () => {}): Promise<Record<string, number | string>> {
  const work = mkdtempSync(join(tmpdir(), `xiangwen-bench-pg-${count}-`));
  const pagesDir = join(work, 'pages');
  const dataDir = join(work, 'data');
  mkdirSync(pagesDir, { recursive: true });
  const database = await testDatabase();
  const pool = await connect(database.url);
  try {
    const { files, dates } = writePages(pagesDir, count);
    log(`  wrote ${files.length} page files`);
    const [, sqliteBuildMs] = await timed(() => rebuildIndex({ pagesDir, dataDir }));
    log(`  SQLite full build: ${sqliteBuildMs} ms`);
    const [, pgIngestMs] = await timed(() => ingestPages(pool, { pagesDir }));
    log(`  PostgreSQL full ingest: ${pgIngestMs} ms`);

    const newest = dates[dates.length - 1];
    const nextDay = new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    writeFileSync(join(pagesDir, `${nextDay}_new.txt`), freshPage(nextDay, 10, 1));
    const [, sqliteAddMs] = await timed(() => updateIndex({ pagesDir, dataDir }));
    const [added, pgAddMs] = await timed(() => ingestPages(pool, { pagesDir }));
    log(`  add a page: SQLite ${sqliteAddMs} ms, PostgreSQL ${pgAddMs} ms (+${added.added.length})`);

    const records = (await pool.query<{ record: Article }>('SELECT record FROM articles')).rows.map((r) => r.record);
    const tally: CorpusTally = { keywords: new Map(), regions: new Set() };
    for (const record of records) tallyArticle(tally, record);
    const mix = queryMix(tally, count);
    records.length = 0;
    const sqlite = loadChecked(indexDirOf(dataDir));
    const postgres = await PostgresArticleIndex.open(pool);
    // Warm-up: jieba's dictionaries, the place tables, prepared plans.
    await sqlite.search('邵阳 营商环境', { limit: 5 });
    await postgres.search('邵阳 营商环境', { limit: 5 });
    const sqliteQueries = await timeMix({ ...mix }, (query) => sqlite.search(query, { limit: 5 }));
    const pgQueries = await timeMix({ ...mix }, (query) => postgres.search(query, { limit: 5 }));
    await sqlite.close();
    const size = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    return {
      corpus: `postgres ${count}`,
      articles: count,
      sqliteBuildMs,
      pgIngestMs,
      sqliteAddPageMs: sqliteAddMs,
      pgAddPageMs: pgAddMs,
      pgDatabaseMb: Math.round(Number(size.rows[0].bytes) / 1e6),
      ...Object.fromEntries(Object.entries(sqliteQueries).map(([k, v]) => [`sqlite_${k}`, v])),
      ...Object.fromEntries(Object.entries(pgQueries).map(([k, v]) => [`pg_${k}`, v])),
    };
  } finally {
    await pool.end();
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('postgres-bench.ts')) {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
  for (const size of (values.articles as string).split(',').map(Number)) console.log(JSON.stringify(await benchPostgres(size, log)));
}
