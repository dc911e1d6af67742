/**
 * `xiangwen migrate-to-postgres [--json]`: moves an SQLite deployment's archive into the database
 * of DATABASE_URL. The articles are not copied from the snapshot but ingested again from
 * PAGES_DIR (the snapshot is derived data; ingesting gives PostgreSQL its own vectors and file
 * states), after the first-seen times of `DATA_DIR/bot.db` were written, so the next digest does
 * not take the whole archive for new. Safe to run again: nothing is ingested twice, and an
 * article keeps its earliest first-seen time.
 *
 * Then the bot's state is copied (../digest/postgres/import-sqlite.ts): chats, subscriptions,
 * digest deliveries and paging keys, rows already in PostgreSQL winning, in one transaction.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ConfigError, type Config } from '../config.ts';
import { databasePath, openDatabase } from '../digest/db.ts';
import { copySqliteState, type StateCopyReport } from '../digest/postgres/import-sqlite.ts';
import { PostgresDigestStore } from '../digest/postgres/store.ts';
import type { LogSink } from '../search/open.ts';
import type { IngestResult } from '../search/postgres/ingest.ts';
import { openPostgresIndex } from '../search/postgres/open.ts';

/** What a migration did. */
export interface MigrationReport {
  /** Host and database written to. */
  database: string;
  /** First-seen times read from bot.db (0 when there is no bot.db). */
  firstSeenCopied: number;
  ingest: Pick<IngestResult, 'mode' | 'articles' | 'changedFiles'> & { added: number; removed: number };
  /** The bot's state (absent when there is no bot.db). */
  state?: StateCopyReport;
}

/** Copies bot.db's chats, subscriptions, deliveries and paging keys, when there is a bot.db. */
async function copyState(config: Config & { databaseUrl: string }): Promise<StateCopyReport | undefined> {
  const path = databasePath(config.dataDir);
  if (!existsSync(path)) return undefined;
  const sqlite = openDatabase(path);
  try {
    const store = await PostgresDigestStore.connect(config.databaseUrl, { maxConnections: 1 });
    try {
      return await copySqliteState(sqlite, store.pool);
    } finally {
      await store.close();
    }
  } finally {
    sqlite.close();
  }
}

/**
 * The first-seen times of an SQLite deployment, read-only and through this one query only (the
 * digest store's modules are not involved): `article_seen (article_id, first_seen)`.
 */
export function readSqliteFirstSeen(dataDir: string): { id: string; firstSeen: number }[] {
  const path = databasePath(dataDir);
  if (!existsSync(path)) return [];
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_seen'").get();
    if (table === undefined) return [];
    return db.prepare('SELECT article_id AS id, first_seen AS firstSeen FROM article_seen ORDER BY first_seen').all() as {
      id: string;
      firstSeen: number;
    }[];
  } finally {
    db.close();
  }
}

/** Copies the archive of `config` (PAGES_DIR, DATA_DIR/bot.db's first-seen times) into DATABASE_URL. */
export async function migrateToPostgres(config: Config, logger: LogSink): Promise<MigrationReport> {
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', 'must name the PostgreSQL database to copy the archive into');
  const seen = readSqliteFirstSeen(config.dataDir);
  const engine = await openPostgresIndex(config.databaseUrl, { logger });
  try {
    await engine.importFirstSeen(seen);
    const result = await engine.ingest(config.pagesDir);
    const state = await copyState({ ...config, databaseUrl: config.databaseUrl });
    return {
      database: engine.database,
      firstSeenCopied: seen.length,
      ingest: {
        mode: result.mode,
        articles: result.articles,
        added: result.added.length,
        removed: result.removed.length,
        changedFiles: result.changedFiles,
      },
      state,
    };
  } finally {
    await engine.index.close();
  }
}

/** The subcommand as src/cli.ts calls it: prints the report (JSON with `json`). */
export async function migrateCommand(config: Config, logger: LogSink, json: boolean): Promise<void> {
  const report = await migrateToPostgres(config, logger);
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const { ingest } = report;
  const lines = [
    `PostgreSQL ${report.database}: ${ingest.articles} articles (${ingest.mode}: ${ingest.added} added, ${ingest.removed} removed)`,
    `first-seen times kept from bot.db: ${report.firstSeenCopied}`,
    report.state === undefined
      ? 'no bot.db: no subscriptions to copy'
      : `bot state copied (new / read): ${Object.entries(report.state)
          .map(([table, count]) => `${table} ${count.copied}/${count.read}`)
          .join(', ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
