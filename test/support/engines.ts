/**
 * Both article engines, built from the same pages, behind the async engine seam: SQLite
 * (MiniSearch + FTS5, behind the live index's swap as the bot holds it) and PostgreSQL.
 * Each backend gets its own copy of the pages, so a test may add and remove page files and then
 * call `update` with the clock the new articles are first seen at.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SwappableIndex } from '../../src/ingest/swappable-index.ts';
import type { ArticleIndex } from '../../src/search/engine.ts';
import { FirstSeenLedger } from '../../src/search/first-seen.ts';
import { loadChecked, openIndex } from '../../src/search/open.ts';
import { openPostgresIndex } from '../../src/search/postgres/open.ts';
import { indexDirOf, updateIndex } from '../../src/search/update.ts';
import { SEED_DATES } from './dated-seeds.ts';
import { testDatabase } from './postgres.ts';

export interface EngineUnderTest {
  index: ArticleIndex;
  pagesDir: string;
  /** Brings the index up to date with the pages folder; new articles are first seen at `now`. */
  update(now: number): Promise<void>;
  close(): Promise<void>;
}

export type EngineName = 'sqlite' | 'postgres';

/** The seed pages dated over two years by their file names, plus `extra` pages, in a new folder. */
export function datedPages(extra: Record<string, string> = {}): string {
  const pagesDir = mkdtempSync(join(tmpdir(), 'xiangwen-engine-pages-'));
  for (const [i, file] of readdirSync('seeds').sort().entries())
    copyFileSync(join('seeds', file), join(pagesDir, `${SEED_DATES[i]}_${file}`));
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(join(pagesDir, file, '..'), { recursive: true });
    writeFileSync(join(pagesDir, file), text);
  }
  return pagesDir;
}

/**
 * The SQLite engine as the bot holds it: behind the live index's swap, with first-seen times in
 * a ledger (the bot database's `article_seen` table, here in memory) recorded as each snapshot
 * goes live.
 */
async function openSqlite(pagesDir: string, now: number): Promise<EngineUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-engine-sqlite-'));
  const ledger = new FirstSeenLedger(new Database(':memory:'));
  const index = new SwappableIndex(await openIndex({ pagesDir, dataDir }, { firstSeen: ledger, now }));
  return {
    index,
    pagesDir,
    async update(at) {
      await updateIndex({ pagesDir, dataDir });
      index.swap(loadChecked(indexDirOf(dataDir), { firstSeen: ledger, now: at }));
    },
    async close() {
      await index.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(pagesDir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(pagesDir: string, now: number): Promise<EngineUnderTest> {
  const database = await testDatabase();
  const { index, ingest } = await openPostgresIndex(database.url);
  await ingest(pagesDir, { now: () => now });
  return {
    index,
    pagesDir,
    async update(at) {
      await ingest(pagesDir, { now: () => at });
    },
    async close() {
      await index.close();
      await database.drop();
      rmSync(pagesDir, { recursive: true, force: true });
    },
  };
}

/** Opens one engine over its own copy of the dated seeds plus `extra` pages, first seen at `now`. */
export function openEngine(name: EngineName, extra: Record<string, string>, now: number): Promise<EngineUnderTest> {
  const pagesDir = datedPages(extra);
  return name === 'sqlite' ? openSqlite(pagesDir, now) : openPostgres(pagesDir, now);
}
