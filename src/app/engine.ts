/**
 * The one place that knows which search engine runs: SQLite over DATA_DIR by default
 * (../search/article-index.ts), PostgreSQL when DATABASE_URL is set (./postgres-engine.ts).
 * Nothing else in the program names an engine. Besides the engine itself, a *live* engine comes
 * with its ingest stage: how it is kept current while the bot runs (../ingest/).
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { checkIndexFile } from '../ingest/index-check.ts';
import { createRefresher, type PageWatcher, type Refresher, watchPages } from '../ingest/refresh.ts';
import { SwappableIndex } from '../ingest/swappable-index.ts';
import { SnapshotIndex } from '../search/article-index.ts';
import type { ReaderStart } from '../search/article-index.ts';
import type { ArticleIndex } from '../search/engine.ts';
import type { FirstSeenLedger } from '../search/first-seen.ts';
import { indexDirOf, type LogSink, openIndex } from '../search/open.ts';

/** What opening an engine needs besides the config. */
export interface EngineOptions {
  logger?: LogSink;
  /** Where the engine keeps first-seen times (the bot database); without it, the build time stands in. */
  firstSeen?: FirstSeenLedger;
  /** `background`: answer while jieba still loads, compare the pages later (the bot; see SnapshotLoadOptions). */
  start?: ReaderStart;
}

type EngineConfig = Pick<Config, 'pagesDir' | 'dataDir' | 'databaseUrl'>;

/**
 * Opens the configured engine for reading: the SQLite snapshot (built or updated first when the
 * pages changed; NoArticlesError when there is nothing to index), or the PostgreSQL articles as
 * they are (the ingest stage fills them).
 */
export async function openEngine(config: EngineConfig, options: EngineOptions = {}): Promise<ArticleIndex> {
  // Loaded only when asked for: the embedded default never loads the PostgreSQL driver.
  if (config.databaseUrl) return (await import('./postgres-engine.ts')).openPostgresReader(config.databaseUrl, options.logger);
  return openIndex(
    { pagesDir: config.pagesDir, dataDir: config.dataDir, logger: options.logger },
    { firstSeen: options.firstSeen, start: options.start, pagesCheck: options.start === 'background' ? 'later' : 'now' },
  );
}

/**
 * An engine opened elsewhere (a test's, a benchmark's) starts keeping first-seen times in
 * `firstSeen`, as one opened by {@link openEngine} does. A server engine keeps its own.
 */
export function adoptEngine(index: ArticleIndex, firstSeen: FirstSeenLedger, now = Date.now()): void {
  if (index instanceof SnapshotIndex) index.recordIn(firstSeen, now);
}

/** Runs `work` with the configured engine open (no first-seen ledger: the CLI only reads). */
export async function withEngine<T>(config: EngineConfig, logger: LogSink, work: (index: ArticleIndex) => Promise<T>): Promise<T> {
  const index = await openEngine(config, { logger });
  try {
    return await work(index);
  } finally {
    await index.close();
  }
}

/** The live index and the ingest stage that keeps it current. */
export interface LiveEngine {
  /** The index the bot and the digest hold from start-up. */
  index: SwappableIndex;
  /** Brings the index up to date now (after an upload, or when it is damaged). */
  refresher: Refresher;
  /** Starts following changes (page watcher, integrity check, announcements). Call once the program is up. */
  start(signal?: AbortSignal): void;
  /** Stops following changes and closes the index (if opened here). */
  close(): Promise<void>;
}

export interface LiveEngineOptions {
  logger: Logger;
  /** Where the snapshot engine keeps first-seen times (bot.db); PostgreSQL keeps its own. */
  firstSeen?: FirstSeenLedger;
  /** An index already open (tests): neither watched nor closed here. */
  index?: ArticleIndex;
  /** Called after new articles went live. */
  onRefreshed?: (info: { articles: number; newArticles: number }) => void;
}

/** Opens the configured engine with its ingest stage. */
export async function openLiveEngine(config: Config, options: LiveEngineOptions): Promise<LiveEngine> {
  if (config.databaseUrl && options.index === undefined)
    return (await import('./postgres-engine.ts')).openLivePostgres(config, config.databaseUrl, options);
  return openLiveSnapshot(config, options);
}

/**
 * The embedded engine: page changes rebuild the snapshot in a child process and swap it in;
 * damage found while serving (or by the full integrity check) heals the same way.
 */
async function openLiveSnapshot(config: Config, options: LiveEngineOptions): Promise<LiveEngine> {
  const { logger, firstSeen } = options;
  if (firstSeen === undefined) throw new Error('the snapshot engine keeps first-seen times in bot.db: open the SQLite bot state with it');
  const ownIndex = options.index === undefined;
  if (options.index) adoptEngine(options.index, firstSeen);
  const index = new SwappableIndex(
    options.index ?? (await openEngine({ ...config, databaseUrl: undefined }, { logger, firstSeen, start: 'background' })),
  );
  const location = { pagesDir: config.pagesDir, dataDir: config.dataDir };
  const refresher = createRefresher({ ...location, index, firstSeen, logger, onRefreshed: options.onRefreshed });
  if (ownIndex) index.healWith((reason) => refresher.refresh(reason, true));
  let watcher: PageWatcher | undefined;
  return {
    index,
    refresher,
    start(signal) {
      if (!ownIndex || watcher !== undefined) return;
      watcher = watchPages({ pagesDir: config.pagesDir, logger, rescanMinutes: config.pagesRescanMinutes, refresher });
      // Opened without comparing the pages folder (a start's first answers come first): compared
      // now (once jieba is ready, so the comparison does not compete with its load).
      const { refresh } = watcher;
      void index.warm().then(
        () => refresh('the page files are compared after the start'),
        (error: unknown) => index.markBroken(error instanceof Error ? error.message.slice(0, 200) : String(error)),
      );
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
