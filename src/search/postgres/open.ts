/**
 * Opening the PostgreSQL engine: what the composition root calls when DATABASE_URL is set. A
 * server that cannot be reached (or refuses us) at start-up is a PostgresUnreachableError naming
 * host and database, never the URL (it holds the password).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { LogSink } from '../update.ts';
import { announceIngest, type IngestListener, type ListenOptions, listenForIngests } from './announce.ts';
import { describeDatabase } from './connection.ts';
import { importFirstSeen } from './first-seen-import.ts';
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

/** An open PostgreSQL engine. */
export interface PostgresEngine {
  index: PostgresArticleIndex;
  /** Host and database, for log lines (no user, no password). */
  database: string;
  /**
   * Runs an ingest on the same pool, announces it to the other instances when it changed
   * anything (./announce.ts), and re-reads the index's `info`.
   */
  ingest(pagesDir: string, extra?: { full?: boolean; now?: () => number }): Promise<IngestResult>;
  /** Records first-seen times brought from elsewhere (./first-seen-import.ts); call before the ingest. */
  importFirstSeen(items: readonly { id: string; firstSeen: number }[]): Promise<number>;
  /** Starts listening for other processes' ingests on a connection of its own (its own are skipped). */
  listen(options: ListenOptions): IngestListener;
}

/** A pool on `url` with the schema up to date; an unusable server is a PostgresUnreachableError. */
function reach(url: string, options: OpenPostgresOptions): Promise<pg.Pool> {
  return connect(url, {
    max: options.maxConnections,
    onIdleError: (error) => options.logger?.warn(`PostgreSQL connection lost: ${error.message}`),
  });
}

/**
 * Connects to `url` (a `postgres://` URL), migrates the schema, ingests `pagesDir` when given,
 * and returns the engine; its index's `close` ends the pool.
 */
export async function openPostgresIndex(url: string, options: OpenPostgresOptions = {}): Promise<PostgresEngine> {
  const pool = await reach(url, options);
  try {
    const index = await PostgresArticleIndex.open(pool, { ownsPool: true });
    const instance = randomUUID();
    const ingest: PostgresEngine['ingest'] = async (pagesDir, extra = {}) => {
      const result = await ingestPages(pool, { pagesDir, logger: options.logger, ...extra });
      // The ingest has committed: a failed announcement must not make it look failed. The other
      // instances then learn of it at their listener's next reconnection or the next ingest.
      await announceIngest(pool, result, instance).catch((error: Error) =>
        options.logger?.warn(`could not announce the ingest to the other instances: ${error.message}`),
      );
      await index.refresh();
      return result;
    };
    if (options.pagesDir) await ingest(options.pagesDir);
    return {
      index,
      database: describeDatabase(url),
      ingest,
      importFirstSeen: (items) => importFirstSeen(pool, items),
      listen: (listenOptions) => listenForIngests(url, { ignoreFrom: instance, ...listenOptions }),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
