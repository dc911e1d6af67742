/**
 * PostgreSQL beside SQLite, in the same run, on one synthetic archive written as page files (as
 * bench/update-bench.ts writes it): the full build (SQLite snapshot) and the full ingest
 * (PostgreSQL), adding one page of 10 articles, and the index benchmark's query mix (rare words,
 * places, two words, common words) timed on both, in this process. Never part of `npm test`.
 *
 * `node bin/run-ts.mjs bench/postgres-bench.ts [--articles 10000] [--keep DIR] [--database URL]`.
 * PostgreSQL: the database of `--database` (used as it is and kept), else a fresh database on the
 * server of DATABASE_URL, else on a throwaway server from Debian's binaries. `--keep DIR` keeps
 * the pages and the snapshot in DIR; run again with the same DIR and `--database`, it skips the
 * build and the ingest and times the queries only (for trying query changes at 100 000 articles,
 * whose build takes most of an hour on this machine).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import type { Article } from '../src/pages/article.ts';
import { loadChecked } from '../src/search/open.ts';
import { PostgresArticleIndex } from '../src/search/postgres/index.ts';
import { ingestPages } from '../src/search/postgres/ingest.ts';
import { connect } from '../src/search/postgres/pool.ts';
import { indexDirOf, rebuildIndex, updateIndex } from '../src/search/update.ts';
import { type TestDatabase, testDatabase } from '../test/support/postgres.ts';
import { queryMix } from './index-bench.ts';
import { timeMix } from './query-timing.ts';
import { type CorpusTally, tallyArticle } from './synthetic-index.ts';
import { freshPage, writePages } from './update-bench.ts';

const timed = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
};

type Figures = Record<string, unknown>;

/** Where one run works: the folder of pages and snapshot, and the database. */
interface BenchPlace {
  pagesDir: string;
  dataDir: string;
  /** Build figures of an earlier run with the same folder and database (then nothing is built). */
  built?: Figures;
  saveBuilt(figures: Figures): void;
  database: Pick<TestDatabase, 'url' | 'drop'>;
  cleanUp(): void;
}

async function benchPlace(count: number, keep?: string, databaseUrl?: string): Promise<BenchPlace> {
  const work = keep ?? mkdtempSync(join(tmpdir(), `xiangwen-bench-pg-${count}-`));
  const builtFile = join(work, 'built.json');
  mkdirSync(join(work, 'pages'), { recursive: true });
  const reusable = keep !== undefined && databaseUrl !== undefined && existsSync(builtFile);
  return {
    pagesDir: join(work, 'pages'),
    dataDir: join(work, 'data'),
    built: reusable ? (JSON.parse(readFileSync(builtFile, 'utf8')) as Figures) : undefined,
    saveBuilt: (figures) => writeFileSync(builtFile, JSON.stringify(figures)),
    database: databaseUrl ? { url: databaseUrl, drop: async () => {} } : await testDatabase(),
    cleanUp: () => keep ?? rmSync(work, { recursive: true, force: true }),
  };
}

/** The full build and ingest of `count` synthetic articles, then one page added to each. */
async function build(place: BenchPlace, pool: pg.Pool, count: number, log: (line: string) => void): Promise<Figures> {
  const { pagesDir, dataDir } = place;
  const { files, dates } = writePages(pagesDir, count);
  log(`  wrote ${files.length} page files`);
  const [, sqliteBuildMs] = await timed(() => rebuildIndex({ pagesDir, dataDir }));
  log(`  SQLite full build: ${sqliteBuildMs} ms`);
  const [, pgIngestMs] = await timed(() => ingestPages(pool, { pagesDir }));
  log(`  PostgreSQL full ingest: ${pgIngestMs} ms`);

  const newest = dates[dates.length - 1];
  const nextDay = new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  writeFileSync(join(pagesDir, `${nextDay}_new.txt`), freshPage(nextDay, 10, 1));
  const [, sqliteAddPageMs] = await timed(() => updateIndex({ pagesDir, dataDir }));
  const [added, pgAddPageMs] = await timed(() => ingestPages(pool, { pagesDir }));
  log(`  add a page: SQLite ${sqliteAddPageMs} ms, PostgreSQL ${pgAddPageMs} ms (+${added.added.length})`);
  const size = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
  return { sqliteBuildMs, pgIngestMs, sqliteAddPageMs, pgAddPageMs, pgDatabaseMb: Math.round(Number(size.rows[0].bytes) / 1e6) };
}

/** The index benchmark's query mix for this archive, timed on both engines. */
async function queries(place: BenchPlace, pool: pg.Pool, count: number): Promise<Figures> {
  const records = (await pool.query<{ record: Article }>('SELECT record FROM articles')).rows.map((r) => r.record);
  const tally: CorpusTally = { keywords: new Map(), regions: new Set() };
  for (const record of records) tallyArticle(tally, record);
  const mix = queryMix(tally, count);
  records.length = 0;
  const sqlite = loadChecked(indexDirOf(place.dataDir));
  const postgres = await PostgresArticleIndex.open(pool);
  // Warm-up: jieba's dictionaries, the place tables, prepared plans.
  await sqlite.search('邵阳 营商环境', { limit: 5 });
  await postgres.search('邵阳 营商环境', { limit: 5 });
  const sqliteQueries = await timeMix({ ...mix }, (query) => sqlite.search(query, { limit: 5 }));
  const pgQueries = await timeMix({ ...mix }, (query) => postgres.search(query, { limit: 5 }));
  await sqlite.close();
  return {
    ...Object.fromEntries(Object.entries(sqliteQueries).map(([k, v]) => [`sqlite_${k}`, v])),
    ...Object.fromEntries(Object.entries(pgQueries).map(([k, v]) => [`pg_${k}`, v])),
  };
}

export interface PostgresBenchOptions {
  /** Keep the pages and snapshot here; with `databaseUrl`, a second run only times queries. */
  keep?: string;
  /** Use this database as it is (never dropped) instead of a fresh one. */
  databaseUrl?: string;
}

export async function benchPostgres(
  count: number,
  log: (line: string) => void = () => {},
  options: PostgresBenchOptions = {},
): Promise<Figures> {
  const place = await benchPlace(count, options.keep, options.databaseUrl);
  const pool = await connect(place.database.url);
  try {
    let built = place.built;
    if (built) log('  kept archive: build figures of the earlier run, queries timed now');
    else {
      built = await build(place, pool, count, log);
      if (options.keep) place.saveBuilt(built);
    }
    return { corpus: `postgres ${count}`, articles: count, ...built, ...(await queries(place, pool, count)) };
  } finally {
    await pool.end();
    await place.database.drop();
    place.cleanUp();
  }
}

if (process.argv[1]?.endsWith('postgres-bench.ts')) {
  const { values } = parseArgs({
    options: { articles: { type: 'string', default: '10000' }, keep: { type: 'string' }, database: { type: 'string' } },
  });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
  for (const size of (values.articles as string).split(',').map(Number)) {
    const keep = values.keep && join(values.keep, String(size));
    console.log(JSON.stringify(await benchPostgres(size, log, { keep, databaseUrl: values.database })));
  }
}
