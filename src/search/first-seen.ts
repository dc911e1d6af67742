/**
 * When each article first entered the index: the ledger that makes an article "new" for the
 * digest. It lives in the program's state database (the digest's SQLite file, table
 * `article_seen`), not in the index snapshot, because the snapshot is derived data that a full
 * rebuild replaces; an article keeps its first time across rebuilds as long as its id is stable.
 * The SQLite engine (./article-index.ts) records every article it loads and reports the times
 * through `ArticleIndex.seenSince`; a server engine keeps the same column beside its articles.
 */
import type Database from 'better-sqlite3';

/** One ledger row. */
export interface SeenItem {
  id: string;
  firstSeen: number;
}

/**
 * The first-seen times as the bot's state seam offers them (../digest/store.ts): the same three
 * operations as {@link FirstSeenLedger}, async, so a server database can stand behind them.
 */
export interface FirstSeenTimes {
  /** Records ids as in the index at `now` (an earlier time is kept); resolves how many were new. */
  record(ids: Iterable<string>, now: number): Promise<number>;
  /** When the article first entered the index, if it ever did. */
  firstSeen(id: string): Promise<number | undefined>;
  /** Up to `limit` rows first seen after `since`, oldest first, strictly after the row `after`. */
  page(since: number, after: SeenItem | undefined, limit: number): Promise<SeenItem[]>;
}

/** Options of {@link FirstSeenLedger}. */
export interface FirstSeenLedgerOptions {
  /** Run before every write (the state database's file guard, see ../digest/db.ts). */
  beforeWrite?: () => void;
}

/** The first-seen times of articles, keyed by article id; the earliest time recorded wins. */
export class FirstSeenLedger {
  private readonly statements;
  private readonly beforeWrite: () => void;

  constructor(
    private readonly db: Database.Database,
    options: FirstSeenLedgerOptions = {},
  ) {
    this.beforeWrite = options.beforeWrite ?? (() => {});
    // Same shape as the digest schema's version 1, so a standalone database (a CLI, a test) works too.
    db.exec(`CREATE TABLE IF NOT EXISTS article_seen (article_id TEXT PRIMARY KEY, first_seen INTEGER NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS article_seen_by_time ON article_seen (first_seen);
      CREATE TABLE IF NOT EXISTS article_seen_snapshot (one INTEGER PRIMARY KEY CHECK (one = 1), key TEXT NOT NULL, recorded_at INTEGER NOT NULL);`);
    this.statements = {
      count: db.prepare('SELECT count(*) FROM article_seen').pluck(),
      // An earlier time replaces a later one (a back-dated import); a later one never does.
      record: db.prepare(
        `INSERT INTO article_seen (article_id, first_seen) VALUES (?, ?)
         ON CONFLICT (article_id) DO UPDATE SET first_seen = excluded.first_seen WHERE excluded.first_seen < first_seen`,
      ),
      firstSeen: db.prepare('SELECT first_seen FROM article_seen WHERE article_id = ?').pluck(),
      lastSnapshot: db.prepare('SELECT key, recorded_at AS recordedAt FROM article_seen_snapshot'),
      markSnapshot: db.prepare(
        'INSERT INTO article_seen_snapshot (one, key, recorded_at) VALUES (1, ?, ?) ON CONFLICT (one) DO UPDATE SET key = excluded.key, recorded_at = excluded.recorded_at',
      ),
      page: db.prepare(
        `SELECT article_id AS id, first_seen AS firstSeen FROM article_seen
         WHERE first_seen > @since AND (first_seen > @afterTime OR (first_seen = @afterTime AND article_id > @afterId))
         ORDER BY first_seen, article_id LIMIT @limit`,
      ),
    };
  }

  /**
   * Records that these articles are in the index at `now`; an id seen before keeps its earlier
   * time, so rebuilding the index never makes old articles new again. Returns how many ids were new.
   */
  record(ids: Iterable<string>, now: number): number {
    this.beforeWrite();
    return this.db.transaction(() => this.recordNow(ids, now))();
  }

  private recordNow(ids: Iterable<string>, now: number): number {
    const before = this.statements.count.get() as number;
    for (const id of ids) this.statements.record.run(id, now);
    return (this.statements.count.get() as number) - before;
  }

  /**
   * {@link record} for every article of a snapshot, unless this ledger recorded the same snapshot
   * (`key`: what identifies its content) last, at or before `now`: recording it again could change
   * nothing, and reading 100 000 ids cost 0.5–1.4 s of every start. `ids` is read only when needed.
   */
  recordSnapshot(key: string, ids: () => Iterable<string>, now: number): number {
    const last = this.statements.lastSnapshot.get() as { key: string; recordedAt: number } | undefined;
    if (last !== undefined && last.key === key && last.recordedAt <= now) return 0;
    this.beforeWrite();
    return this.db.transaction(() => {
      const added = this.recordNow(ids(), now);
      this.statements.markSnapshot.run(key, now);
      return added;
    })();
  }

  /** When the article first entered the index, if it ever did. */
  firstSeen(id: string): number | undefined {
    return (this.statements.firstSeen.get(id) as number | undefined) ?? undefined;
  }

  /** Up to `limit` rows first seen after `since`, oldest first, strictly after the row `after`. */
  page(since: number, after: SeenItem | undefined, limit: number): SeenItem[] {
    return this.statements.page.all({
      since: finite(since),
      afterTime: after?.firstSeen ?? -Number.MAX_SAFE_INTEGER,
      afterId: after?.id ?? '',
      limit,
    }) as SeenItem[];
  }
}

/** A synchronous ledger behind the async {@link FirstSeenTimes} (the embedded state store). */
export function ledgerTimes(ledger: FirstSeenLedger): FirstSeenTimes {
  return {
    record: async (ids, now) => ledger.record(ids, now),
    firstSeen: async (id) => ledger.firstSeen(id),
    page: async (since, after, limit) => ledger.page(since, after, limit),
  };
}

/** SQLite compares numbers, but cannot bind ±Infinity as an integer bound the way callers mean it. */
function finite(time: number): number {
  return Number.isFinite(time) ? time : time > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/**
 * A page of the ledger's rows first seen after `since`, keeping only those `present` says are in
 * the index: reads the ledger in pages until `limit` present rows (and one more, to know whether
 * a next page exists) are found.
 */
export function presentPage(
  ledger: FirstSeenLedger,
  page: { since: number; after: SeenItem | undefined; limit: number },
  present: (ids: string[]) => Set<string>,
): { items: SeenItem[]; next?: string } {
  const { since, limit } = page;
  const items: SeenItem[] = [];
  let cursor = page.after;
  for (;;) {
    const rows = ledger.page(since, cursor, limit);
    if (rows.length === 0) return { items };
    const found = present(rows.map((r) => r.id));
    for (const row of rows) {
      cursor = row;
      if (!found.has(row.id)) continue;
      if (items.length === limit) return { items, next: encodeSeenCursor(items[limit - 1]) };
      items.push(row);
    }
    if (rows.length < limit) return { items };
  }
}

/** The `next` token of a seen page: the last row's time and id. */
export function encodeSeenCursor(item: SeenItem): string {
  return `${item.firstSeen}:${item.id}`;
}

/** Reads a `next` token back; undefined for anything that is not one (a page from the start). */
export function decodeSeenCursor(token: string | undefined): SeenItem | undefined {
  if (token === undefined) return undefined;
  const colon = token.indexOf(':');
  const firstSeen = Number(token.slice(0, colon));
  if (colon < 1 || !Number.isSafeInteger(firstSeen)) return undefined;
  return { firstSeen, id: token.slice(colon + 1) };
}
