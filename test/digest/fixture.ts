/**
 * Shared set-up of the digest tests: the real index over a temporary copy of the seed pages (built
 * by openIndex, as the bot builds it, with regions from the real tagger), a telegram-test-api
 * emulator on a free port, the messages it received, and a digest store over the seed articles.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TelegramServer as TelegramServerClass } from 'telegram-test-api/lib/telegramServer.js';
import { gazetteerLookup, type RegionLookup } from '../../src/regions/region-lookup.ts';
import { openDatabase } from '../../src/digest/db.ts';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.ts';
import type { Article } from '../../src/pages/article.ts';
import type { SnapshotIndex } from '../../src/search/article-index.ts';
import { openIndex } from '../../src/search/open.ts';
import { startEmulator as startTestEmulator } from '../support/emulator.ts';
import { allArticles } from '../support/all-articles.ts';

/** A token of the shape telegraf and the config accept. */
export const TEST_TOKEN = '123456:TEST-digest-token_abcdefghijklmnop';
export const SEEDS = join(import.meta.dirname, '../../seeds');

/** The emulator. */
export type Emulator = TelegramServerClass;

/** Starts the emulator on 127.0.0.1; messages are kept for ten minutes. */
export async function startEmulator(): Promise<Emulator> {
  return (await startTestEmulator()).server;
}

/** What the emulator received from the bot: chat id, topic and text of every sendMessage. */
export function received(server: Emulator): { chatId: number; threadId: number; text: string }[] {
  return server.storage.botMessages.map((update: { message: unknown }) => {
    const message = update.message as { chat_id: number | string; text: string; message_thread_id?: number | string };
    return { chatId: Number(message.chat_id), threadId: Number(message.message_thread_id ?? 0), text: message.text };
  });
}

/** The real index over a copy of the seed pages, with what tests need around it. */
export interface SeedIndex {
  /** The copy of the seed pages (tests may add page files). */
  pagesDir: string;
  /** DATA_DIR of the index snapshot. */
  dataDir: string;
  index: SnapshotIndex;
  /** Every article of the index, oldest page first. */
  articles: Article[];
  /** The real gazetteer lookup. */
  regions: RegionLookup;
  /** A region and its sub-regions (the digest's `expandRegion`). */
  expandRegion: (name: string) => string[];
  /** Closes the index and removes both folders. */
  close(): void;
}

/**
 * Builds the real index (openIndex) over a temporary copy of the seed pages, leaving out the page
 * files named in `without`. Takes a few seconds: call it once per test file, in beforeAll. With
 * `buildInChild` the snapshot is built by `xiangwen build-index` in a child process and only
 * loaded here, so this process never holds jieba's dictionaries (for memory benchmarks).
 */
export async function openSeedIndex(options: { without?: string[]; buildInChild?: boolean } = {}): Promise<SeedIndex> {
  const pagesDir = mkdtempSync(join(tmpdir(), 'xiangwen-digest-pages-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-digest-index-'));
  cpSync(SEEDS, pagesDir, { recursive: true, filter: (source) => !(options.without ?? []).some((file) => source.endsWith(`/${file}`)) });
  if (options.buildInChild) {
    const cli = join(import.meta.dirname, '../../bin/xiangwen.mjs');
    const built = spawnSync(process.execPath, [cli, 'build-index'], {
      env: { ...process.env, PAGES_DIR: pagesDir, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`xiangwen build-index failed: ${built.stderr}`);
  }
  const index = await openIndex({ pagesDir, dataDir });
  const regions = gazetteerLookup();
  return {
    pagesDir,
    dataDir,
    index,
    articles: await allArticles(index),
    regions,
    expandRegion: (name) => regions.withDescendants(name),
    close() {
      void index.close();
      rmSync(pagesDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Page files of the seeds, sorted. */
export function seedFiles(seed: Pick<SeedIndex, 'articles'>): string[] {
  return [...new Set(seed.articles.map((a) => a.file))].sort();
}

/** Only news goes into a digest (features and briefs; not fragments or notices). */
export function listable(article: Pick<Article, 'kind'>): boolean {
  return article.kind === 'feature' || article.kind === 'brief';
}

/**
 * The `n` regions with sub-regions (prefectures, usually) that most listable articles are about,
 * most first: subscriptions that give long digests, taken from the index, not named by the test.
 */
export function busiestRegions(seed: Pick<SeedIndex, 'articles' | 'expandRegion'>, n: number): string[] {
  const counts = new Map<string, number>();
  for (const article of seed.articles) {
    if (!listable(article)) continue;
    for (const region of article.regions) if (seed.expandRegion(region).length > 1) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([name]) => name);
}

/**
 * A store at `dir/bot.db` with every article of `index` recorded as first seen at `seenAt`; the
 * index reports first-seen times from that store from now on.
 */
export function seedStore(dir: string, seenAt: number, index: SnapshotIndex): SqliteDigestStore {
  const store = new SqliteDigestStore(openDatabase(join(dir, 'bot.db')));
  index.recordIn(store.firstSeen, seenAt);
  return store;
}

/** The crash test's clock (10:00 in Asia/Shanghai) and message length (small: several parts per digest). */
export const CRASH_NOW = Date.parse('2026-11-23T02:00:00Z');
export const MESSAGE_LIMIT = 600;
/** The crash test's lease on PostgreSQL (a restarted process there waits it out; on SQLite it sees the dead pid). */
export const CRASH_LEASE_MS = 1_000;
