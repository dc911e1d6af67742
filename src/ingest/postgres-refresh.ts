/**
 * Keeping a PostgreSQL engine current while the bot runs. The ingesting instance (XIANGWEN_INGEST)
 * ingests PAGES_DIR on the same triggers as the embedded engine (folder watcher, rescans,
 * SIGHUP, uploads: ./refresh.ts's watchPages over the refresher made here); the ingest announces
 * itself, and every instance, ingesting or not, follows the announcements: it re-reads what it
 * derived from the articles (the index's `info`). Searches always read the database itself, so
 * new articles are found at once; a failed ingest rolls back its batch and leaves the articles
 * served as they were.
 */
import type { Logger } from '../log.ts';
import type { IngestListener } from '../search/postgres/announce.ts';
import type { IngestResult } from '../search/postgres/ingest.ts';
import type { PostgresEngine } from '../search/postgres/open.ts';
import { oneAtATime, type Refresher } from './refresh.ts';

/** What is told after new articles went live (the same shape as the embedded engine's). */
export type OnRefreshed = (info: { articles: number; newArticles: number }) => void;

/** A refresher that ingests `pagesDir` into PostgreSQL, one ingest at a time. */
export function createIngestRefresher(options: {
  engine: Pick<PostgresEngine, 'ingest' | 'database'>;
  pagesDir: string;
  logger: Logger;
  onRefreshed?: OnRefreshed;
}): Refresher {
  const { engine, pagesDir, logger } = options;
  let stopped = false;
  const check = async (reason: string): Promise<void> => {
    if (stopped) return;
    const result: IngestResult = await engine.ingest(pagesDir);
    if (result.mode === 'unchanged') return;
    logger.info(
      { reason, database: engine.database, articles: result.articles, newArticles: result.added.length, removed: result.removed.length },
      'PostgreSQL ingest committed; new articles are live',
    );
    options.onRefreshed?.({ articles: result.articles, newArticles: result.added.length });
  };
  return {
    refresh: oneAtATime(check, logger, () => stopped),
    stop() {
      stopped = true;
    },
  };
}

/**
 * A refresher for an instance that does not ingest: an upload or SIGHUP re-reads the articles'
 * summary only (the ingesting instance indexes the page and announces it).
 */
export function followingRefresher(engine: Pick<PostgresEngine, 'index'>, logger: Logger): Refresher {
  let stopped = false;
  return {
    refresh: oneAtATime(
      () => (stopped ? Promise.resolve() : engine.index.refresh()),
      logger,
      () => stopped,
    ),
    stop() {
      stopped = true;
    },
  };
}

/**
 * Follows other processes' ingests: on each announcement (and after the listening connection came
 * back, when some may have been missed) the index re-reads its summary and `onRefreshed` is told.
 */
export function followIngests(options: {
  engine: Pick<PostgresEngine, 'index' | 'listen'>;
  logger: Logger;
  onRefreshed?: OnRefreshed;
}): IngestListener {
  const { engine, logger } = options;
  return engine.listen({
    logger: { info: (message) => logger.info(message), warn: (message) => logger.warn(message) },
    onAnnouncement: (announcement) => {
      void engine.index.refresh().then(
        () => {
          const { articles } = engine.index.info;
          if (announcement.missed) logger.info({ articles }, 'caught up with ingests announced while not listening');
          else logger.info({ ...announcement, articles }, 'another instance ingested new articles');
          options.onRefreshed?.({ articles: engine.index.info.articles, newArticles: announcement.added });
        },
        (error: unknown) => logger.warn({ err: error }, 'could not re-read the articles after an announcement; the next one will'),
      );
    },
  });
}
