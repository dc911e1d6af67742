/**
 * The composition root's first half: config → storage → engine. Opens the bot's state (the digest
 * store: `DATA_DIR/bot.db` with the first-seen ledger in the same file, or PostgreSQL when
 * DATABASE_URL is set, shared by every instance), the search engine behind the live
 * {@link SwappableIndex}, and the ingest stage that keeps it current (./engine.ts: page watcher,
 * background rebuilds, healing, the full integrity check; or PostgreSQL's ingest and announcements).
 * The bot, the console, the CLI and the digest get what they need from here; none of them opens an
 * engine or a database itself.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { gazetteerLookup, type RegionLookup } from '../regions/region-lookup.ts';
import { SqliteDigestStore } from '../digest/sqlite-store.ts';
import { openBotState } from '../digest/start.ts';
import type { DigestStore } from '../digest/store.ts';
import { type LiveEngine, type LiveEngineOptions, openLiveEngine } from './engine.ts';

/**
 * What the parts of the program share: the live engine's index, refresher and close (see
 * ./engine.ts LiveEngine), with the config, logger, bot state and place lookup beside them.
 */
export interface Services extends Pick<LiveEngine, 'index' | 'refresher' | 'close'> {
  config: Config;
  logger: Logger;
  /** The bot's state: subscriptions, deliveries, first-seen times, paging keys. */
  store: DigestStore;
  regions: RegionLookup;
  /**
   * Starts the ingest stage (only for an index opened here): watching PAGES_DIR and the full
   * integrity check of the snapshot, or, on PostgreSQL, ingesting and following the other
   * instances' ingests. Call once the program is up. The store is closed by its owner (the digest).
   */
  startIngest(signal?: AbortSignal): void;
}

/** The live engine's options (an index already open in tests, the refresh hook), and the place lookup. */
export interface ServiceOptions extends Pick<LiveEngineOptions, 'logger' | 'index' | 'onRefreshed'> {
  regions?: RegionLookup;
}

/**
 * Opens the bot's state first (`DATA_DIR/bot.db`, or PostgreSQL with DATABASE_URL; a corrupt file
 * stops start-up before the possibly long index build: DatabaseOpenError), then the engine
 * (NoArticlesError when there are no pages).
 */
export async function openServices(config: Config, options: ServiceOptions): Promise<Services> {
  const { logger } = options;
  const store = await openBotState(config, config.databaseUrl);
  // bot.db keeps the snapshot engine's first-seen times; PostgreSQL keeps its own, beside the articles.
  const firstSeen = store instanceof SqliteDigestStore ? store.firstSeen : undefined;
  let engine: Awaited<ReturnType<typeof openLiveEngine>>;
  try {
    engine = await openLiveEngine(config, { logger, firstSeen, index: options.index, onRefreshed: options.onRefreshed });
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    config,
    logger,
    store,
    index: engine.index,
    regions: options.regions ?? gazetteerLookup(),
    refresher: engine.refresher,
    startIngest: (signal) => engine.start(signal),
    close: () => engine.close(),
  };
}
