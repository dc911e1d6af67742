/**
 * The paging keys of long queries, kept in the bot database (table `query_keys`) so that buttons
 * still work after a restart: the backing of ./query-store.ts. Keys unused for `keepDays` are
 * forgotten. Statements are prepared once.
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

/** The `query_keys` table as a {@link QueryKeyBacking}. */
export class QueryKeyTable implements QueryKeyBacking {
  private readonly statements;
  private readonly keepMs: number;
  private readonly beforeWrite: () => void;
  private readonly now: () => number;

  constructor(db: Database.Database, options: QueryKeyTableOptions = {}) {
    this.keepMs = (options.keepDays ?? 30) * 86_400_000;
    this.beforeWrite = options.beforeWrite ?? (() => {});
    this.now = options.now ?? Date.now;
    this.statements = {
      save: db.prepare(
        'INSERT INTO query_keys (key, text, used_at) VALUES (?, ?, ?) ON CONFLICT (text) DO UPDATE SET used_at = excluded.used_at',
      ),
      forget: db.prepare('DELETE FROM query_keys WHERE used_at < ?'),
      textFor: db.prepare('SELECT text FROM query_keys WHERE key = ?').pluck(),
      keyFor: db.prepare('SELECT key FROM query_keys WHERE text = ?').pluck(),
    };
  }

  /** Remembers the key a long query got in its buttons, and forgets keys unused for too long. */
  save(key: string, text: string): void {
    const now = this.now();
    this.beforeWrite();
    this.statements.save.run(key, text, now);
    this.statements.forget.run(now - this.keepMs);
  }

  /** The query stored under `key`, if any. */
  textFor(key: string): string | undefined {
    return this.statements.textFor.get(key) as string | undefined;
  }

  /** The key a query was stored under, if any. */
  keyFor(text: string): string | undefined {
    return this.statements.keyFor.get(text) as string | undefined;
  }
}
