/**
 * The paging keys of long queries, kept in the bot database (table `query_keys`) so that buttons
 * still work after a restart: the SQLite backing of ./query-store.ts. Keys unused for `keepDays`
 * are forgotten. Statements are prepared once; better-sqlite3 is synchronous, so each method has
 * done its work by the time it returns its promise.
 */
import type Database from 'better-sqlite3';
import type { QueryKeyBacking } from './query-store.ts';

/** Options of {@link QueryKeyTable}. */
export interface QueryKeyTableOptions {
  /** Days a key is kept after its last use (default 30). */
  keepDays?: number;
  /** Run before every write (the database's file guard). */
  beforeWrite?: () => void;
  /** The clock (default Date.now). */
  now?: () => number;
}

/** Days a paging key is kept after its last use, unless told otherwise. */
export const QUERY_KEY_KEEP_DAYS = 30;

/** The `query_keys` table as a {@link QueryKeyBacking}. */
export class QueryKeyTable implements QueryKeyBacking {
  private readonly statements;
  private readonly keepMs: number;
  private readonly beforeWrite: () => void;
  private readonly now: () => number;

  constructor(db: Database.Database, options: QueryKeyTableOptions = {}) {
    this.keepMs = (options.keepDays ?? QUERY_KEY_KEEP_DAYS) * 86_400_000;
    this.beforeWrite = options.beforeWrite ?? (() => {});
    this.now = options.now ?? Date.now;
    this.statements = {
      save: db.prepare(
        'INSERT INTO query_keys (key, text, used_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET used_at = excluded.used_at',
      ),
      forget: db.prepare('DELETE FROM query_keys WHERE used_at < ?'),
      textFor: db.prepare('SELECT text FROM query_keys WHERE key = ?').pluck(),
    };
  }

  /** Remembers the key a long query got in its buttons, and forgets keys unused for too long. */
  async save(key: string, text: string): Promise<void> {
    const now = this.now();
    this.beforeWrite();
    this.statements.save.run(key, text, now);
    this.statements.forget.run(now - this.keepMs);
  }

  /** The query stored under `key`, if any. */
  async textFor(key: string): Promise<string | undefined> {
    return this.statements.textFor.get(key) as string | undefined;
  }
}
