/**
 * The one place that knows which search engine runs: MiniSearch + SQLite over DATA_DIR today
 * (../search/article-index.ts). A server engine (PostgreSQL, chosen by DATABASE_URL) is opened
 * here too; nothing else in the program names an engine.
 */
import type { Config } from '../config.ts';
import { SnapshotIndex } from '../search/article-index.ts';
import type { ArticleIndex } from '../search/engine.ts';
import type { FirstSeenLedger } from '../search/first-seen.ts';
import { type LogSink, openIndex } from '../search/open.ts';

/** What opening an engine needs besides the config. */
export interface EngineOptions {
  logger?: LogSink;
  /** Where the engine keeps first-seen times (the bot database); without it, the build time stands in. */
  firstSeen?: FirstSeenLedger;
}

/**
 * Opens the configured engine, building or updating the SQLite snapshot first when the pages
 * changed. Throws NoArticlesError when there is nothing to index.
 */
export async function openEngine(config: Pick<Config, 'pagesDir' | 'dataDir'>, options: EngineOptions = {}): Promise<ArticleIndex> {
  return openIndex({ pagesDir: config.pagesDir, dataDir: config.dataDir, logger: options.logger }, { firstSeen: options.firstSeen });
}

/**
 * An engine opened elsewhere (a test's, a benchmark's) starts keeping first-seen times in
 * `firstSeen`, as one opened by {@link openEngine} does. A server engine keeps its own.
 */
export function adoptEngine(index: ArticleIndex, firstSeen: FirstSeenLedger, now = Date.now()): void {
  if (index instanceof SnapshotIndex) index.recordIn(firstSeen, now);
}

/** Runs `work` with the configured engine open (no first-seen ledger: the CLI only reads). */
export async function withEngine<T>(
  config: Pick<Config, 'pagesDir' | 'dataDir'>,
  logger: LogSink,
  work: (index: ArticleIndex) => Promise<T>,
): Promise<T> {
  const index = await openEngine(config, { logger });
  try {
    return await work(index);
  } finally {
    await index.close();
  }
}
