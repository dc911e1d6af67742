/**
 * The composition root's first half: config → storage → engine. Opens the bot database (the digest
 * store, with the first-seen ledger in the same file), the search engine behind the live
 * {@link SwappableIndex}, and the ingest stage that keeps it current (page watcher, background
 * rebuilds, healing, the full integrity check). The bot, the console, the CLI and the digest get
 * what they need from here; none of them opens an engine or a database itself.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { gazetteerLookup, type RegionLookup } from '../regions/region-lookup.ts';
import { openDigestStore } from '../digest/start.ts';
import type { DigestStore } from '../digest/store.ts';
import { checkIndexFile } from '../ingest/index-check.ts';
import { createRefresher, type PageWatcher, type Refresher, watchPages } from '../ingest/refresh.ts';
import { SwappableIndex } from '../ingest/swappable-index.ts';
import type { ArticleIndex } from '../search/engine.ts';
import { indexDirOf } from '../search/open.ts';
import { adoptEngine, openEngine } from './engine.ts';

/** What the parts of the program share. */
export interface Services {
  config: Config;
  logger: Logger;
  /** The bot database: subscriptions, deliveries, first-seen times, paging keys. */
  store: DigestStore;
  /** The live index (a rebuilt one takes its place when page files change). */
  index: SwappableIndex;
  regions: RegionLookup;
  /** Brings the index up to date now (after an upload, or when it is damaged). */
  refresher: Refresher;
  /**
   * Starts watching PAGES_DIR and the full integrity check of the index file (only for an index
   * opened here). Call once the program is up.
   */
  startIngest(signal?: AbortSignal): void;
  /** Stops ingesting and closes the index (if opened here). The store is closed by its owner (the digest). */
  close(): Promise<void>;
}

export interface ServiceOptions {
  logger: Logger;
  /** An index already open (tests): neither watched nor closed here. */
  index?: ArticleIndex;
  regions?: RegionLookup;
  /** Called after a rebuilt index went live. */
  onRefreshed?: (info: { articles: number; newArticles: number }) => void;
}

/**
 * Opens the bot database first (a corrupt one stops start-up before the possibly long index
 * build: DatabaseOpenError), then the engine (NoArticlesError when there are no pages).
 */
export async function openServices(config: Config, options: ServiceOptions): Promise<Services> {
  const { logger } = options;
  const store = openDigestStore(config);
  const ownIndex = options.index === undefined;
  let index: SwappableIndex;
  try {
    if (options.index) adoptEngine(options.index, store.firstSeen);
    index = new SwappableIndex(options.index ?? (await openEngine(config, { logger, firstSeen: store.firstSeen })));
  } catch (error) {
    await store.close();
    throw error;
  }
  const location = { pagesDir: config.pagesDir, dataDir: config.dataDir };
  const refresher = createRefresher({ ...location, index, firstSeen: store.firstSeen, logger, onRefreshed: options.onRefreshed });
  if (ownIndex) index.healWith((reason) => refresher.refresh(reason, true));
  let watcher: PageWatcher | undefined;
  return {
    config,
    logger,
    store,
    index,
    regions: options.regions ?? gazetteerLookup(),
    refresher,
    startIngest(signal) {
      if (!ownIndex || watcher !== undefined) return;
      watcher = watchPages({ ...location, index, firstSeen: store.firstSeen, logger, rescanMinutes: config.pagesRescanMinutes, refresher });
      // Damage the start-up probe did not read is found here, off the main thread, and healed.
      void checkIndexFile(indexDirOf(config.dataDir)).then((problem) => {
        if (problem !== undefined && signal?.aborted !== true) index.markBroken(problem);
      });
    },
    async close() {
      refresher.stop();
      watcher?.stop();
      if (ownIndex) await index.close();
    },
  };
}
