/**
 * The article index on PostgreSQL: implements the async engine seam (../engine.ts) over the tables
 * that ./ingest.ts fills. Stateless apart from the pool, so any number of processes can serve
 * from one database; `refresh` re-reads the summary (`info`) after an ingest. A call made while
 * the server cannot be reached rejects with EngineUnavailableError (the pool connects afresh on
 * the next call, so serving resumes by itself once the server is back).
 */
import type pg from 'pg';
import type { Article } from '../../pages/article.ts';
import type { IndexInfo, ListResult, RegionResult, SearchOptions, SearchResult } from '../engine.ts';
import { normaliseForSearch } from '../normalize.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { hitsFor, unscored } from './rows.ts';
import { type ArticleIndex, EngineUnavailableError, type SeenPage } from '../engine.ts';
import { isConnectionLoss } from './connection.ts';
import { hasOrderedGrams } from './newest.ts';
import { searchArticles } from './search.ts';

type Paging = { limit?: number; offset?: number };

function paging(options: Paging): { limit: number; offset: number } {
  return { limit: Math.max(1, options.limit ?? 10), offset: Math.max(0, options.offset ?? 0) };
}

/** `since` as a bigint PostgreSQL accepts: callers pass -Infinity for "from the start", and fractions. */
function bigintBound(since: number): number {
  if (Number.isNaN(since) || since === -Infinity) return -1;
  return Math.min(Math.floor(since), Number.MAX_SAFE_INTEGER);
}

/** Reads what `info` reports. */
async function readInfo(db: pg.Pool): Promise<IndexInfo> {
  const { rows } = await db.query<{ key: string; value: string }>(
    "SELECT key, value FROM index_state WHERE key IN ('fingerprint', 'builtAt')",
  );
  const state = new Map(rows.map((row) => [row.key, row.value]));
  const count = await db.query<{ n: string }>('SELECT count(*) AS n FROM articles');
  return {
    formatVersion: SCHEMA_VERSION,
    fingerprint: state.get('fingerprint') ?? '',
    builtAt: state.get('builtAt') ?? '',
    articles: Number(count.rows[0].n),
  };
}

export class PostgresArticleIndex implements ArticleIndex {
  private constructor(
    private readonly db: pg.Pool,
    private current: IndexInfo,
    private readonly ownsPool: boolean,
    private readonly orderedGrams: boolean,
  ) {}

  /**
   * An index over `db` (already migrated). With `ownsPool`, `close` ends the pool. Full-text
   * lookups use the RUM index when the database has one (`orderedGrams: false` keeps them on the
   * GIN index, for comparisons).
   */
  static async open(db: pg.Pool, options: { ownsPool?: boolean; orderedGrams?: boolean } = {}): Promise<PostgresArticleIndex> {
    const ordered = options.orderedGrams ?? (await hasOrderedGrams(db));
    return new PostgresArticleIndex(db, await readInfo(db), options.ownsPool ?? false, ordered);
  }

  get info(): IndexInfo {
    return this.current;
  }

  /** Re-reads `info` (after an ingest, by this process or another). */
  async refresh(): Promise<void> {
    this.current = await this.reach(() => readInfo(this.db));
  }

  /** Runs one call's queries; a lost or refused connection becomes EngineUnavailableError. */
  private async reach<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isConnectionLoss(error)) throw error;
      throw new EngineUnavailableError(error instanceof Error ? error.message.split('\n')[0] : String(error));
    }
  }

  search(query: string, options?: SearchOptions): Promise<SearchResult> {
    return this.reach(() => searchArticles(this.db, query, options, this.orderedGrams));
  }

  byRegions(names: string[], options: Paging = {}): Promise<RegionResult> {
    return this.reach(async () => {
      const { limit, offset } = paging(options);
      if (names.length === 0) return { covered: [], total: 0, hits: [] };
      // Articles whose most specific region is the asked one first, then those about its sub-regions.
      const count = await this.db.query<{ n: string }>('SELECT count(*) AS n FROM articles WHERE regions && $1::text[]', [names]);
      const { rows } = await this.db.query<{ id: string; seq: string }>(
        `SELECT id, seq FROM articles WHERE regions && $1::text[]
         ORDER BY CASE WHEN regions[1] = $2 THEN 0 ELSE 1 END, seq DESC LIMIT $3 OFFSET $4`,
        [names, names[0], limit, offset],
      );
      return {
        covered: names,
        total: Number(count.rows[0].n),
        hits: await hitsFor(
          this.db,
          rows.map((r) => unscored(r.id, r.seq)),
        ),
      };
    });
  }

  latest(options: { regions?: string[]; from?: string; to?: string } & Paging = {}): Promise<ListResult> {
    return this.reach(async () => {
      const { limit, offset } = paging(options);
      const regions = options.regions ?? [];
      const where = `kind <> 'fragment' AND date BETWEEN $1 AND $2${regions.length ? ' AND regions && $3::text[]' : ''}`;
      const params: unknown[] = [options.from ?? '0000-00-00', options.to ?? '9999-99-99', ...(regions.length ? [regions] : [])];
      const count = await this.db.query<{ n: string }>(`SELECT count(*) AS n FROM articles WHERE ${where}`, params);
      const n = params.length;
      const { rows } = await this.db.query<{ id: string; seq: string }>(
        `SELECT id, seq FROM articles WHERE ${where} ORDER BY date DESC, seq DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, limit, offset],
      );
      return {
        total: Number(count.rows[0].n),
        hits: await hitsFor(
          this.db,
          rows.map((r) => unscored(r.id, r.seq)),
        ),
      };
    });
  }

  byAuthor(name: string, options: Paging = {}): Promise<ListResult> {
    return this.reach(async () => {
      const { limit, offset } = paging(options);
      const wanted = name.replace(/\s+/g, '');
      if (!normaliseForSearch(wanted) || wanted.length > 40) return { total: 0, hits: [] };
      const count = await this.db.query<{ n: string }>('SELECT count(*) AS n FROM articles WHERE author_keys @> ARRAY[$1::text]', [wanted]);
      const { rows } = await this.db.query<{ id: string; seq: string }>(
        'SELECT id, seq FROM articles WHERE author_keys @> ARRAY[$1::text] ORDER BY seq DESC LIMIT $2 OFFSET $3',
        [wanted, limit, offset],
      );
      return {
        total: Number(count.rows[0].n),
        hits: await hitsFor(
          this.db,
          rows.map((r) => unscored(r.id, r.seq)),
        ),
      };
    });
  }

  regionCounts(): Promise<Map<string, number>> {
    return this.reach(async () => {
      const { rows } = await this.db.query<{ region: string; n: string }>(
        'SELECT region, count(*) AS n FROM articles, unnest(regions) AS region GROUP BY region',
      );
      return new Map(rows.map((row) => [row.region, Number(row.n)]));
    });
  }

  get(id: string): Promise<Article | undefined> {
    return this.reach(async () => {
      const { rows } = await this.db.query<{ record: Article }>('SELECT record FROM articles WHERE id = $1', [id]);
      return rows[0]?.record;
    });
  }

  /**
   * Articles in the index first seen after `since`, oldest first (ties in id order); `next` is the
   * last id of a full page, to pass back as `after`. An `after` that names no article ends the list.
   */
  seenSince(since: number, page: { after?: string; limit?: number } = {}): Promise<SeenPage> {
    return this.reach(async () => {
      const limit = Math.max(1, Math.min(page.limit ?? 500, 10_000));
      const { rows } = await this.db.query<{ id: string; first_seen: string }>(
        `SELECT s.id, s.first_seen FROM article_seen s JOIN articles a ON a.id = s.id
         WHERE s.first_seen > $1 AND ($2::text IS NULL OR (s.first_seen, s.id) > (SELECT first_seen, id FROM article_seen WHERE id = $2))
         ORDER BY s.first_seen, s.id LIMIT $3`,
        [bigintBound(since), page.after ?? null, limit + 1],
      );
      const items = rows.slice(0, limit).map((row) => ({ id: row.id, firstSeen: Number(row.first_seen) }));
      return rows.length > limit ? { items, next: items[items.length - 1].id } : { items };
    });
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.db.end();
  }
}
