/**
 * The bot's own database, `DATA_DIR/bot.db` (SQLite through better-sqlite3): subscriptions, chat
 * settings, when each article first entered the index, and digest deliveries. Opening it checks the
 * file before SQLite may write to it, applies the schema migrations in order, and never replaces a
 * file it cannot read: a corrupt database is the operator's data and is reported, not "repaired".
 */
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The database handle type the rest of src/digest uses. */
export type Db = Database.Database;

/**
 * The database file exists but cannot be used (not SQLite, corrupt, unreadable, or written by a
 * newer version of the bot). The file is left exactly as it was; `path` says which file to inspect.
 */
export class DatabaseOpenError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: { cause?: unknown /** What the operator should do, when the default advice does not fit. */; hint?: string },
  ) {
    super(
      `cannot open the bot database ${path}: ${reason}${options?.hint ? `; ${options.hint}` : ' (the file was left untouched; move it away or restore a backup)'}`,
      { cause: options?.cause },
    );
    this.name = 'DatabaseOpenError';
  }
}

/**
 * The bot database cannot be written any more while the bot runs: the file was deleted or
 * replaced under it, or made read-only. Every write then throws this, so nothing is confirmed to a
 * user that was not stored.
 */
export class StorageError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot save to the bot database ${path}: ${reason}`);
    this.name = 'StorageError';
  }
}

/** True when this process may write `path` (also for root, who ignores permission bits). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return false;
  }
  // root passes access() whatever the mode says; an operator's chmod a-w still means "read-only".
  if (process.getuid?.() === 0) return (statSync(path).mode & 0o222) !== 0;
  return true;
}

const READ_ONLY_HINT = 'make it writable for the bot, or set DATA_DIR to a writable folder';

/** Refuses a read-only database file or data folder, before SQLite reports it as "unable to open". */
function checkWritable(path: string): void {
  const dir = dirname(path);
  if (existsSync(path) && !writable(path)) throw new DatabaseOpenError(path, 'the file is read-only', { hint: READ_ONLY_HINT });
  // SQLite needs the folder too, for its -wal and -shm files.
  if (existsSync(dir) && !writable(dir)) throw new DatabaseOpenError(path, `the folder ${dir} is read-only`, { hint: READ_ONLY_HINT });
}

/**
 * Returns a check, run before every write, that the database file is still the one opened and
 * still writable. SQLite would go on writing into a deleted file (lost at restart) without a word.
 */
export function databaseFileGuard(path: string): () => void {
  const opened = statSync(path);
  // A synchronous batch (thousands of article ids in one transaction) needs one check, not one
  // stat per row: a check stays valid until the event loop turns.
  let checkedThisTurn = false;
  return () => {
    if (checkedThisTurn) return;
    check();
    checkedThisTurn = true;
    setImmediate(() => (checkedThisTurn = false));
  };
  function check(): void {
    let now: Stats;
    try {
      now = statSync(path);
    } catch {
      throw new StorageError(
        path,
        'the file was deleted while the bot was running; restore it from a backup, or restart the bot to start afresh',
      );
    }
    if (now.ino !== opened.ino || now.dev !== opened.dev)
      throw new StorageError(path, 'the file was replaced while the bot was running; restart the bot to use the new file');
    if (!writable(path)) throw new StorageError(path, 'the file became read-only while the bot was running');
  }
}

/** One step of the schema: applied once, in order, inside a transaction, then `user_version` = `version`. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The schema, oldest first. Never edit a migration that has shipped: add a new one. Chat ids are
 * Telegram's (negative for groups); `thread_id` 0 means "no forum topic"; times are `HH:MM` in
 * DIGEST_TZ; instants are milliseconds since the epoch.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'chats, subscriptions, article first-seen times, digest deliveries',
    sql: `
      CREATE TABLE chats (
        chat_id      INTEGER PRIMARY KEY,
        language     TEXT    NOT NULL DEFAULT 'zh',
        active       INTEGER NOT NULL DEFAULT 1,
        inactive_why TEXT,
        created_at   INTEGER NOT NULL
      );
      CREATE TABLE subscriptions (
        id         INTEGER PRIMARY KEY,
        chat_id    INTEGER NOT NULL REFERENCES chats(chat_id) ON UPDATE CASCADE ON DELETE CASCADE,
        thread_id  INTEGER NOT NULL DEFAULT 0,
        region     TEXT    NOT NULL DEFAULT '',
        keywords   TEXT    NOT NULL DEFAULT '',
        time       TEXT    NOT NULL,
        active     INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        CHECK (region <> '' OR keywords <> ''),
        UNIQUE (chat_id, region, keywords)
      );
      CREATE INDEX subscriptions_by_time ON subscriptions (active, time);
      CREATE TABLE article_seen (
        article_id TEXT PRIMARY KEY,
        first_seen INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX article_seen_by_time ON article_seen (first_seen);
      CREATE TABLE deliveries (
        chat_id     INTEGER NOT NULL REFERENCES chats(chat_id) ON UPDATE CASCADE ON DELETE CASCADE,
        thread_id   INTEGER NOT NULL,
        time        TEXT    NOT NULL,
        period      TEXT    NOT NULL,
        status      TEXT    NOT NULL CHECK (status IN ('in_flight', 'sent', 'empty', 'abandoned')),
        cutoff      INTEGER NOT NULL,
        article_ids TEXT    NOT NULL,
        parts       TEXT    NOT NULL,
        parts_sent  INTEGER NOT NULL DEFAULT 0,
        started_at  INTEGER NOT NULL,
        sent_at     INTEGER,
        PRIMARY KEY (chat_id, thread_id, time, period)
      );
      CREATE INDEX deliveries_in_flight ON deliveries (status) WHERE status = 'in_flight';
    `,
  },
  {
    version: 2,
    description: 'keys of queries too long for callback data, so their buttons survive a restart',
    sql: `
      CREATE TABLE query_keys (
        key     TEXT    PRIMARY KEY,
        text    TEXT    NOT NULL UNIQUE,
        used_at INTEGER NOT NULL
      );
      CREATE INDEX query_keys_by_use ON query_keys (used_at);
    `,
  },
  {
    version: 3,
    description: 'claims on deliveries (owner and lease); a query text may have several paging keys',
    sql: `
      ALTER TABLE deliveries ADD COLUMN owner TEXT;
      ALTER TABLE deliveries ADD COLUMN lease_until INTEGER;
      CREATE TABLE query_keys_v3 (
        key     TEXT    PRIMARY KEY,
        text    TEXT    NOT NULL,
        used_at INTEGER NOT NULL
      );
      INSERT INTO query_keys_v3 (key, text, used_at) SELECT key, text, used_at FROM query_keys;
      DROP TABLE query_keys;
      ALTER TABLE query_keys_v3 RENAME TO query_keys;
      CREATE INDEX query_keys_by_use ON query_keys (used_at);
    `,
  },
];

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Reads the first 16 bytes; a non-empty file that does not start with SQLite's header is refused. */
function checkHeader(path: string): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new DatabaseOpenError(path, 'it is not a regular file');
    size = stat.size;
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new DatabaseOpenError(path, (error as Error).message, { cause: error });
  }
  // SQLite would take an empty file for a new database: subscriptions silently gone.
  if (size === 0) throw new DatabaseOpenError(path, 'bot.db is empty', { hint: 'restore it or delete it to start afresh' });
  const header = Buffer.alloc(16);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new DatabaseOpenError(path, (error as Error).message, { cause: error });
  }
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) throw new DatabaseOpenError(path, 'it is not an SQLite database');
}

/** Path of the bot database inside a data folder. */
export function databasePath(dataDir: string): string {
  return join(dataDir, 'bot.db');
}

/**
 * Opens (creating if absent) the database at `path`: WAL journal, foreign keys on, schema migrated
 * to the newest version. Throws DatabaseOpenError, without writing to the file, when it is not a
 * usable SQLite database or was made by a newer schema than this code knows.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  checkHeader(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
      throw new DatabaseOpenError(path, `cannot create the folder ${dirname(path)} (read-only)`, { hint: READ_ONLY_HINT, cause: error });
    throw new DatabaseOpenError(path, (error as Error).message, { cause: error });
  }
  checkWritable(path);
  let db: Db;
  try {
    db = new Database(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
      throw new DatabaseOpenError(path, `${(error as Error).message} (read-only?)`, { hint: READ_ONLY_HINT, cause: error });
    }
    throw new DatabaseOpenError(path, (error as Error).message, { cause: error });
  }
  try {
    // Read-only checks first: a damaged file must fail here, before any pragma writes to it.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseOpenError(path, `integrity check failed: ${String(check)}`);
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current === 0) {
      // Every database this bot made has a schema version; tables without one belong to someone else.
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 5")
        .pluck()
        .all() as string[];
      if (tables.length > 0)
        throw new DatabaseOpenError(path, `it is not this bot's database (it holds the tables ${tables.join(', ')})`, {
          hint: 'restore bot.db, or delete it to start afresh',
        });
    }
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new DatabaseOpenError(path, `its schema version ${current} is newer than this program knows (${newest})`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL is durable across application crashes (SIGKILL) in WAL mode; only an OS crash may lose
    // the last commits, which the delivery design tolerates (see ./run.ts).
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, current, migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(path, (error as Error).message, { cause: error });
  }
}

function migrate(db: Db, current: number, migrations: readonly Migration[]): void {
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
  }
}
