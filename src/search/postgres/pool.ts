/**
 * The connection pool and the schema. `connect` opens a pg Pool on a `postgres://` URL and brings
 * the schema up to date: numbered migrations (./migrations.ts), each applied once, in one
 * transaction under an advisory lock, so several instances starting at once apply each exactly
 * once and none reads a half-migrated schema. A database migrated by newer code is refused with a
 * message rather than misread.
 */
import pg from 'pg';
import { describeDatabase, isConnectionLoss, PostgresSchemaError, PostgresUnreachableError } from './connection.ts';
import { type Migration, MIGRATIONS } from './migrations.ts';

/** Advisory lock keys (any fixed numbers; they only need to differ from each other). */
export const LOCKS = { migrate: 7_311_001, ingest: 7_311_002 } as const;

export { PostgresSchemaError } from './connection.ts';

export interface PoolOptions {
  /** Connections at most (default 4: the bot's queries are short). */
  max?: number;
  /** Called when an idle connection fails (the server restarted…); the pool replaces it. */
  onIdleError?: (error: Error) => void;
}

/**
 * Runs one migration's SQL. A failure is a PostgresSchemaError in one line: the tables it creates
 * are there already but the ledger does not say so (a migration run by hand half-way, a partial
 * restore, another program's tables of the same name). The caller's transaction is rolled back, so
 * the database is left exactly as it was found.
 */
async function applyOne(client: pg.PoolClient, migration: Migration, ledger: string): Promise<void> {
  try {
    await client.query(migration.sql);
  } catch (error) {
    if (isConnectionLoss(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new PostgresSchemaError(
      `cannot bring the database schema to version ${migration.version} (${ledger}: ${migration.description}): ${reason}; nothing was changed: restore the database or give the bot an empty one`,
    );
  }
}

/** Applies the migrations not yet recorded in `ledger`, in order, inside the caller's transaction. */
async function applyMissing(client: pg.PoolClient, migrations: readonly Migration[], ledger: string): Promise<number[]> {
  // The ledger's name comes from our own code, never from input; still, only a plain identifier goes into the SQL.
  if (!/^[a-z_]+$/.test(ledger)) throw new Error(`bad migration ledger name ${ledger}`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${ledger} (
    version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${ledger}`);
  const done = new Set(rows.map((row) => row.version));
  const newest = Math.max(0, ...done);
  const known = migrations[migrations.length - 1]?.version ?? 0;
  if (newest > known)
    throw new PostgresSchemaError(
      `the database schema is at version ${newest}, this program knows only up to ${known}: update the program`,
    );
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await applyOne(client, migration, ledger);
    await client.query(`INSERT INTO ${ledger} (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
    applied.push(migration.version);
  }
  return applied;
}

/**
 * Brings a schema up to date; returns the versions applied now (none when it was current). The
 * engine's schema (./migrations.ts) is the default; another part of the program with tables of its
 * own in the same database (the bot's state) passes its migrations and a `ledger` table of its own,
 * so the two version sequences never mix.
 */
export async function migrate(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
  ledger = 'schema_migrations',
): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrate]);
    return applyMissing(client, migrations, ledger);
  });
}

/** True for errors that mean "this server or database cannot be used" rather than a bug. */
function refusesUs(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  // 28xxx: authentication failed; 3D000: no such database.
  return isConnectionLoss(error) || (typeof code === 'string' && (code.startsWith('28') || code === '3D000'));
}

/**
 * A pool on `url` with the schema brought up to date. A server that cannot be used (refused,
 * unknown host, wrong password, no such database) is a PostgresUnreachableError naming host and
 * database only, so every opener (engine, bot state, migration) reports it in the same one line.
 */
export async function connect(url: string, options: PoolOptions = {}): Promise<pg.Pool> {
  // A server that does not answer at all (a dropped network) fails a call after 10 s instead of hanging it.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, connectionTimeoutMillis: 10_000 });
  // Without a listener an idle connection's error would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    await migrate(pool);
    return pool;
  } catch (error) {
    await pool.end();
    if (refusesUs(error)) throw new PostgresUnreachableError(describeDatabase(url), error);
    throw error;
  }
}

/** Runs `work` in a transaction on one pooled connection (rolled back if it throws). */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
