/**
 * Both article engines, built from the same pages, behind the async engine seam: SQLite
 * (MiniSearch + FTS5, synchronous on main, wrapped in a small async adapter here) and PostgreSQL.
 * Each backend gets its own copy of the pages, so a test may add and remove page files and then
 * call `update` with the clock the new articles are first seen at.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleIndex } from '../../src/search/engine.ts';
import { loadChecked, openIndex } from '../../src/search/open.ts';
import { openPostgresIndex } from '../../src/search/postgres/open.ts';
import type { AsyncArticleIndex, SeenPage } from '../../src/search/postgres/seam.ts';
import { indexDirOf, updateIndex } from '../../src/search/update.ts';
import { SEED_DATES } from './dated-seeds.ts';
import { testDatabase } from './postgres.ts';

export interface EngineUnderTest {
  index: AsyncArticleIndex;
  pagesDir: string;
  /** Brings the index up to date with the pages folder; new articles are first seen at `now`. */
  update(now: number): Promise<void>;
  close(): Promise<void>;
}

export type EngineName = 'sqlite' | 'postgres';

/** The seed pages dated over two years by their file names, plus `extra` pages, in a new folder. */
export function datedPages(extra: Record<string, string> = {}): string {
  const pagesDir = mkdtempSync(join(tmpdir(), 'xiangwen-engine-pages-'));
  readdirSync('seeds').sort().forEach((file, i) => copyFileSync(join('seeds', file), join(pagesDir, `${SEED_DATES[i]}_${file}`)));
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(join(pagesDir, file, '..'), { recursive: true });
    writeFileSync(join(pagesDir, file), text);
  }
  return pagesDir;
}

/**
 * The synchronous SQLite index behind the async seam. First-seen times are what the digest store
 * records for it on main (every id of each index that goes live, earliest time kept); here a map.
 */
class SqliteAdapter implements AsyncArticleIndex {
  constructor(public current: ArticleIndex, private readonly seen: Map<string, number>) {}
  get info() {
    return this.current.info;
  }
  search: AsyncArticleIndex['search'] = async (query, options) => this.current.search(query, options);
  byRegions: AsyncArticleIndex['byRegions'] = async (names, options) => this.current.byRegions(names, options);
  latest: AsyncArticleIndex['latest'] = async (options) => this.current.latest(options);
  byAuthor: AsyncArticleIndex['byAuthor'] = async (name, options) => this.current.byAuthor(name, options);
  regionCounts = async () => this.current.regionCounts();
  get = async (id: string) => this.current.get(id);
  async seenSince(since: number, page: { after?: string; limit?: number } = {}): Promise<SeenPage> {
    const limit = page.limit ?? 500;
    const order = (a: { id: string; firstSeen: number }, b: { id: string; firstSeen: number }) => a.firstSeen - b.firstSeen || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const all = this.current.allIds().map((id) => ({ id, firstSeen: this.seen.get(id) ?? 0 })).filter((item) => item.firstSeen > since).sort(order);
    const afterSeen = page.after === undefined ? undefined : this.seen.get(page.after);
    if (page.after !== undefined && afterSeen === undefined) return { items: [] };
    const start = page.after === undefined ? 0 : all.findIndex((item) => order(item, { id: page.after!, firstSeen: afterSeen! }) > 0);
    const items = start < 0 ? [] : all.slice(start, start + limit);
    return start >= 0 && start + limit < all.length ? { items, next: items[items.length - 1].id } : { items };
  }
  async close() {
    this.current.close();
  }
}

async function openSqlite(pagesDir: string, now: number): Promise<EngineUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-engine-sqlite-'));
  const seen = new Map<string, number>();
  const record = (index: ArticleIndex, at: number) => index.allIds().forEach((id) => seen.has(id) || seen.set(id, at));
  const first = await openIndex({ pagesDir, dataDir });
  record(first, now);
  const index = new SqliteAdapter(first, seen);
  return {
    index, pagesDir,
    async update(at) {
      await updateIndex({ pagesDir, dataDir });
      index.current.close();
      index.current = loadChecked(indexDirOf(dataDir));
      record(index.current, at);
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
    index, pagesDir,
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
