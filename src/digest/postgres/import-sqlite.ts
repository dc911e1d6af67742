/**
 * Copies the bot's state from an SQLite deployment (`DATA_DIR/bot.db`) into PostgreSQL, for
 * `xiangwen migrate-to-postgres`: chats with their language, subscriptions (with their ids, which
 * the unsubscribe buttons already sent carry), digest deliveries (so a period already sent is not
 * sent again, and one in flight is finished by whichever instance claims it) and paging keys (so
 * buttons already sent keep paging). First-seen times are the engine's and copied with the archive.
 *
 * The two schemas are the same tables (../db.ts, ./migrations.ts); rows already in PostgreSQL win,
 * so running the migration again copies nothing twice. Everything goes in one transaction: an
 * interrupted copy leaves PostgreSQL as it was.
 */
import type pg from 'pg';
import { inTransaction } from '../../search/postgres/pool.ts';
import type { Db } from '../db.ts';

/** How many rows of each table were read from bot.db and how many were new to PostgreSQL. */
export interface StateCopyReport {
  chats: { read: number; copied: number };
  subscriptions: { read: number; copied: number };
  deliveries: { read: number; copied: number };
  queryKeys: { read: number; copied: number };
}

/** One table's copy: the SQLite query, and how each row is written to PostgreSQL. */
interface TableCopy {
  select: string;
  insert: string;
  values: (row: Record<string, unknown>) => unknown[];
}

const TABLES: Record<keyof StateCopyReport, TableCopy> = {
  chats: {
    select: 'SELECT chat_id, language, active, inactive_why, created_at FROM chats',
    insert: `INSERT INTO chats (chat_id, language, active, inactive_why, created_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (chat_id) DO NOTHING`,
    values: (row) => [row.chat_id, row.language, row.active === 1, row.inactive_why, row.created_at],
  },
  subscriptions: {
    select: 'SELECT id, chat_id, thread_id, region, keywords, time, active, created_at FROM subscriptions',
    // The ids are kept (buttons carry them): OVERRIDING SYSTEM VALUE lets them into the identity column.
    insert: `INSERT INTO subscriptions (id, chat_id, thread_id, region, keywords, time, active, created_at)
             OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    values: (row) => [row.id, row.chat_id, row.thread_id, row.region, row.keywords, row.time, row.active === 1, row.created_at],
  },
  deliveries: {
    // A claim names an SQLite process: it means nothing on the server, so the copy is unclaimed.
    select: `SELECT chat_id, thread_id, time, period, status, cutoff, article_ids, parts, parts_sent, started_at, sent_at
             FROM deliveries`,
    insert: `INSERT INTO deliveries (chat_id, thread_id, time, period, status, cutoff, article_ids, parts, parts_sent, started_at, sent_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11) ON CONFLICT DO NOTHING`,
    values: (row) => [
      row.chat_id,
      row.thread_id,
      row.time,
      row.period,
      row.status,
      row.cutoff,
      row.article_ids,
      row.parts,
      row.parts_sent,
      row.started_at,
      row.sent_at,
    ],
  },
  queryKeys: {
    select: 'SELECT key, text, used_at FROM query_keys',
    insert: 'INSERT INTO query_keys (key, text, used_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING',
    values: (row) => [row.key, row.text, row.used_at],
  },
};

/**
 * Copies every table of `sqlite` (a bot.db opened and migrated by ../db.ts openDatabase) into the
 * state tables on `pool` (migrated by ./store.ts PostgresDigestStore.open).
 */
export async function copySqliteState(sqlite: Db, pool: pg.Pool): Promise<StateCopyReport> {
  return inTransaction(pool, async (client) => {
    const copy = async (table: TableCopy) => {
      const rows = sqlite.prepare(table.select).all() as Record<string, unknown>[];
      let copied = 0;
      for (const row of rows) copied += (await client.query(table.insert, table.values(row))).rowCount ?? 0;
      return { read: rows.length, copied };
    };
    // Chats first: subscriptions and deliveries refer to them.
    const report: StateCopyReport = {
      chats: await copy(TABLES.chats),
      subscriptions: await copy(TABLES.subscriptions),
      deliveries: await copy(TABLES.deliveries),
      queryKeys: await copy(TABLES.queryKeys),
    };
    // New subscriptions continue after the highest id copied.
    await client.query("SELECT setval(pg_get_serial_sequence('subscriptions', 'id'), GREATEST((SELECT max(id) FROM subscriptions), 1))");
    return report;
  });
}
