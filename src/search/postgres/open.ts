/**
 * Opening the PostgreSQL engine: what the composition root calls when DATABASE_URL is set.
 */
import type { LogSink } from '../update.ts';
import { PostgresArticleIndex } from './index.ts';
import { ingestPages, type IngestResult } from './ingest.ts';
import { connect } from './pool.ts';

export interface OpenPostgresOptions {
  /** Bring the articles up to date with this pages folder before serving (one instance or a worker should). */
  pagesDir?: string;
  logger?: LogSink;
  /** Connections at most in the pool. */
  maxConnections?: number;
}

/**
 * Connects to `url` (a `postgres://` URL), migrates the schema, ingests `pagesDir` when given,
 * and returns the index; its `close` ends the pool. `ingest` runs another ingest on the same pool.
 */
export async function openPostgresIndex(
  url: string,
  options: OpenPostgresOptions = {},
): Promise<{
  index: PostgresArticleIndex;
  ingest(pagesDir: string, extra?: { full?: boolean; now?: () => number }): Promise<IngestResult>;
}> {
  const pool = await connect(url, {
    max: options.maxConnections,
    onIdleError: (error) => options.logger?.warn(`PostgreSQL connection lost: ${error.message}`),
  });
  try {
    if (options.pagesDir) await ingestPages(pool, { pagesDir: options.pagesDir, logger: options.logger });
    const index = await PostgresArticleIndex.open(pool, { ownsPool: true });
    return {
      index,
      async ingest(pagesDir, extra = {}) {
        const result = await ingestPages(pool, { pagesDir, logger: options.logger, ...extra });
        await index.refresh();
        return result;
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
