/**
 * The digest suites' articles and bot state on the backend of XIANGWEN_TEST_BACKEND, as the e2e
 * suites choose theirs (../support/postgres.ts): the SQLite snapshot over the seeds with a
 * `bot.db` per store (the default), or, with XIANGWEN_TEST_BACKEND=postgres, the PostgreSQL engine
 * over the same seeds and the PostgreSQL state in the same database, first-seen times in the one
 * `article_seen` ledger both read. `.ci/run` runs the suites that use it once more that way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/digest/db.ts';
import { PostgresDigestStore } from '../../src/digest/postgres/store.ts';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.ts';
import type { DigestStore } from '../../src/digest/store.ts';
import type { ArticleIndex } from '../../src/search/engine.ts';
import { openPostgresIndex } from '../../src/search/postgres/open.ts';
import { allArticles } from '../support/all-articles.ts';
import { e2eBackend } from '../support/postgres.ts';
import { openSeedIndex, type SeedIndex } from './fixture.ts';

/** When each article was first seen: one time for all, or per article. */
export type FirstSeenAt = number | ((articleId: string) => number);

/** The seed articles on one backend, and fresh bot states over them. */
export interface DigestBackend extends Omit<SeedIndex, 'index' | 'dataDir' | 'close'> {
  name: 'sqlite' | 'postgres';
  index: ArticleIndex;
  /** An empty bot state (no chats, subscriptions, deliveries) in which the articles were first seen at `seen`. */
  freshStore(seen: FirstSeenAt): Promise<DigestStore>;
  close(): Promise<void>;
}

const timeOf = (seen: FirstSeenAt, id: string) => (typeof seen === 'number' ? seen : seen(id));

/** The seeds' snapshot; each store is a new `bot.db` whose ledger the index then reports from. */
async function sqliteBackend(): Promise<DigestBackend> {
  const seed = await openSeedIndex();
  const dirs: string[] = [];
  return {
    ...seed,
    name: 'sqlite',
    async freshStore(seen) {
      const dir = mkdtempSync(join(tmpdir(), 'xiangwen-digest-state-'));
      dirs.push(dir);
      const store = new SqliteDigestStore(openDatabase(join(dir, 'bot.db')));
      const times = seed.articles.map((article) => timeOf(seen, article.id));
      for (const [i, article] of seed.articles.entries()) store.firstSeen.record([article.id], times[i]);
      // Every article is recorded already; at the latest time (an earlier one would replace later ones).
      seed.index.recordIn(store.firstSeen, Math.max(...times));
      return store;
    },
    async close() {
      seed.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Empties the bot state of the database at `url` and sets every article's first-seen time. */
async function resetState(url: string, ids: string[], seen: FirstSeenAt): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('TRUNCATE chats, subscriptions, deliveries, query_keys RESTART IDENTITY CASCADE');
    await client.query('UPDATE send_schedule SET next_at = 0');
    await client.query('UPDATE article_seen s SET first_seen = t.at FROM unnest($1::text[], $2::bigint[]) AS t(id, at) WHERE s.id = t.id', [
      ids,
      ids.map((id) => timeOf(seen, id)),
    ]);
  } finally {
    await client.end();
  }
}

/** The seeds ingested into a fresh database; each store is a new pool on the same database. */
async function postgresBackend(): Promise<DigestBackend> {
  const backend = await e2eBackend();
  const url = backend.env.DATABASE_URL;
  if (url === undefined) throw new Error('no PostgreSQL database for the digest suites');
  // The SQLite seed index gives the folder and the helpers; the articles are PostgreSQL's own.
  const seed = await openSeedIndex();
  const engine = await openPostgresIndex(url);
  await engine.ingest(seed.pagesDir, { now: () => 0 });
  const articles = await allArticles(engine.index);
  return {
    ...seed,
    name: 'postgres',
    index: engine.index,
    articles,
    async freshStore(seen) {
      // Connected first: the store's migrations make the tables the reset empties.
      const store = await PostgresDigestStore.connect(url);
      await resetState(
        url,
        articles.map((a) => a.id),
        seen,
      );
      return store;
    },
    async close() {
      await engine.index.close();
      seed.close();
      await backend.drop();
    },
  };
}

/** The digest suites' backend (SQLite unless XIANGWEN_TEST_BACKEND=postgres). Call in beforeAll. */
export function openDigestBackend(): Promise<DigestBackend> {
  return process.env.XIANGWEN_TEST_BACKEND === 'postgres' ? postgresBackend() : sqliteBackend();
}
