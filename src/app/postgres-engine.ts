/**
 * The PostgreSQL engine as the composition root opens it (DATABASE_URL set). Several bot
 * instances share one database: the one with XIANGWEN_INGEST=1 (the default) brings the articles
 * up to date with PAGES_DIR at start and whenever the pages change, and announces each ingest;
 * every instance listens for the announcements. Searches read the database, so an article an
 * ingest committed is found by every instance at once; what the announcement refreshes is the
 * summary (`info`: counts) and whatever the caller derived from it. The bot's state (subscriptions,
 * deliveries, paging keys) is in the same database, opened by ../digest/start.ts openBotState.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { createIngestRefresher, followIngests, followingRefresher } from '../ingest/postgres-refresh.ts';
import { type PageWatcher, watchPages } from '../ingest/refresh.ts';
import { SwappableIndex } from '../ingest/swappable-index.ts';
import type { ArticleIndex } from '../search/engine.ts';
import type { LogSink } from '../search/open.ts';
import type { IngestListener } from '../search/postgres/announce.ts';
import type { IngestResult } from '../search/postgres/ingest.ts';
import { openPostgresIndex, type PostgresEngine } from '../search/postgres/open.ts';
import type { LiveEngine, LiveEngineOptions } from './engine.ts';

/** The articles in PostgreSQL for reading (the CLI's search, show …): no ingest, no listening. */
export async function openPostgresReader(url: string, logger?: LogSink): Promise<ArticleIndex> {
  return (await openPostgresIndex(url, { logger })).index;
}

/** Log lines of the ingest, as the bot's logger writes them. */
function ingestLog(logger: Logger): LogSink {
  return { info: (message) => logger.info(message), warn: (message) => logger.warn(message) };
}

/** The ingest at start-up; when it fails, the articles already in the database are served. */
async function firstIngest(engine: PostgresEngine, pagesDir: string, logger: Logger): Promise<void> {
  try {
    await engine.ingest(pagesDir);
  } catch (error) {
    logger.error({ err: error, database: engine.database }, 'PostgreSQL ingest failed at start-up; serving the articles already there');
  }
}

/**
 * Opens the PostgreSQL engine for a running bot: ingests first when this instance ingests (a
 * failed first ingest is logged and the articles already there are served), then follows.
 */
export async function openLivePostgres(config: Config, url: string, options: LiveEngineOptions): Promise<LiveEngine> {
  const { logger } = options;
  const engine = await openPostgresIndex(url, { logger: ingestLog(logger) });
  logger.info({ database: engine.database, ingest: config.ingest }, 'articles in PostgreSQL');
  const index = new SwappableIndex(engine.index);
  if (config.ingest) await firstIngest(engine, config.pagesDir, logger);
  const refresher = config.ingest
    ? createIngestRefresher({ engine, pagesDir: config.pagesDir, logger, onRefreshed: options.onRefreshed })
    : followingRefresher(engine, logger);
  let watcher: PageWatcher | undefined;
  let listener: IngestListener | undefined;
  return {
    index,
    refresher,
    start() {
      if (listener !== undefined) return;
      listener = followIngests({ engine, logger, onRefreshed: options.onRefreshed });
      if (config.ingest) watcher = watchPages({ pagesDir: config.pagesDir, logger, rescanMinutes: config.pagesRescanMinutes, refresher });
    },
    async close() {
      refresher.stop();
      watcher?.stop();
      await listener?.stop();
      await index.close();
    },
  };
}

/**
 * `xiangwen build-index` with DATABASE_URL: one ingest into PostgreSQL, announced to the running
 * instances (for deployments that ingest from cron instead of a bot instance).
 */
export async function ingestOnce(url: string, pagesDir: string, logger: LogSink, full: boolean): Promise<IngestResult> {
  const engine = await openPostgresIndex(url, { logger });
  try {
    return await engine.ingest(pagesDir, { full });
  } finally {
    await engine.index.close();
  }
}
