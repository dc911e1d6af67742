/**
 * Both implementations of the bot's state behind the async seam (src/digest/store.ts): SQLite (a
 * `bot.db` in a temporary folder) and PostgreSQL (a throwaway server per test file, see
 * ./postgres.ts). Each `open` is one more bot instance on the same state: another connection to
 * the same file, or a store on a pool of its own to the same database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openDatabase } from '../../src/digest/db.ts';
import { PostgresDigestStore } from '../../src/digest/postgres/store.ts';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.ts';
import type { DigestStore } from '../../src/digest/store.ts';
import { postgresAvailable, type TestDatabase, testDatabase } from './postgres.ts';

export type StoreName = 'sqlite' | 'postgres';

/** The backends to run a suite on: both when PostgreSQL can be had, else SQLite alone. */
export const storeBackends = (): StoreName[] => (postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite']);

/** What a test may set on a store it opens. */
export interface StoreOptions {
  maxSubscriptionsPerChat?: number;
  leaseMs?: number;
  owner?: string;
}

export interface StoreBackend {
  readonly name: StoreName;
  /** One more instance on this test's state (empty at the start of every test). */
  open(options?: StoreOptions): Promise<DigestStore>;
  /** The PostgreSQL database's URL, for a child process to open its own store (undefined on SQLite). */
  readonly databaseUrl: string | undefined;
}

/**
 * A backend for the tests of one suite: the server (if any) is started before them and removed
 * after; after every test its stores are closed and the state is emptied.
 */
export function storeBackendForSuite(name: StoreName): StoreBackend {
  const opened: DigestStore[] = [];
  let dir: string | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (name === 'postgres') database = await testDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
    if (database !== undefined) await emptyState(database.url);
  });
  return {
    name,
    get databaseUrl() {
      return database?.url;
    },
    async open(options = {}) {
      let store: DigestStore;
      if (name === 'sqlite') {
        dir ??= mkdtempSync(join(tmpdir(), 'xiangwen-state-'));
        store = new SqliteDigestStore(openDatabase(join(dir, 'bot.db')), options);
      } else {
        if (database === undefined) throw new Error('the test database is made in beforeAll');
        store = await PostgresDigestStore.connect(database.url, options);
      }
      opened.push(store);
      return store;
    },
  };
}

async function emptyState(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('TRUNCATE chats, subscriptions, deliveries, query_keys, article_seen RESTART IDENTITY CASCADE');
    // An idle schedule: a test's reservations do not make the next test wait.
    await client.query('UPDATE send_schedule SET next_at = 0');
  } finally {
    await client.end();
  }
}
