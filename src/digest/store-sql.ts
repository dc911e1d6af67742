/**
 * The SQL of the digest store (./store.ts): every statement, prepared once per database, and the
 * mapping of rows to the plain objects of ./records.ts.
 */
import type Database from 'better-sqlite3';
import type { Db } from './db.ts';
import type { Delivery, DeliveryStatus, StoredMessage, Subscription } from './records.ts';

export interface SubscriptionRow {
  id: number;
  chat_id: number;
  thread_id: number;
  region: string;
  keywords: string;
  time: string;
  active: number;
  created_at: number;
}

export interface DeliveryRow {
  chat_id: number;
  thread_id: number;
  time: string;
  period: string;
  status: DeliveryStatus;
  cutoff: number;
  article_ids: string;
  parts: string;
  parts_sent: number;
  started_at: number;
  sent_at: number | null;
  owner: string | null;
  lease_until: number | null;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    chatId: row.chat_id,
    threadId: row.thread_id,
    region: row.region,
    keywords: row.keywords === '' ? [] : row.keywords.split(' '),
    time: row.time,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    chatId: row.chat_id,
    threadId: row.thread_id,
    time: row.time,
    period: row.period,
    status: row.status,
    cutoff: row.cutoff,
    articleIds: JSON.parse(row.article_ids) as string[],
    parts: JSON.parse(row.parts) as StoredMessage[],
    partsSent: row.parts_sent,
    startedAt: row.started_at,
    sentAt: row.sent_at ?? undefined,
  };
}

/** Every statement the store runs, prepared once. */
export function prepareStatements(db: Db) {
  return {
    ensureChat: db.prepare('INSERT INTO chats (chat_id, created_at) VALUES (?, ?) ON CONFLICT (chat_id) DO NOTHING'),
    activateChat: db.prepare('UPDATE chats SET active = 1, inactive_why = NULL WHERE chat_id = ?'),
    chat: db.prepare('SELECT chat_id, language, active, inactive_why FROM chats WHERE chat_id = ?'),
    setLanguage: db.prepare('UPDATE chats SET language = ? WHERE chat_id = ?'),
    findSubscription: db.prepare('SELECT * FROM subscriptions WHERE chat_id = ? AND region = ? AND keywords = ?'),
    subscriptionById: db.prepare('SELECT * FROM subscriptions WHERE id = ?'),
    countActive: db.prepare('SELECT COUNT(*) FROM subscriptions WHERE chat_id = ? AND active = 1').pluck(),
    insertSubscription: db.prepare(
      'INSERT INTO subscriptions (chat_id, thread_id, region, keywords, time, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    reviveSubscription: db.prepare(
      // A subscription that was inactive starts afresh: its next digest is again "the latest few".
      `UPDATE subscriptions SET thread_id = ?, time = ?, active = 1,
         created_at = CASE WHEN active = 1 THEN created_at ELSE ? END WHERE id = ?`,
    ),
    activeSubscriptions: db.prepare('SELECT * FROM subscriptions WHERE chat_id = ? AND active = 1 ORDER BY id'),
    deactivateSubscription: db.prepare('UPDATE subscriptions SET active = 0 WHERE chat_id = ? AND id = ? AND active = 1'),
    deactivateAll: db.prepare('UPDATE subscriptions SET active = 0 WHERE chat_id = ? AND active = 1'),
    deactivateChat: db.prepare('UPDATE chats SET active = 0, inactive_why = ? WHERE chat_id = ?'),
    targets: db.prepare(
      `SELECT DISTINCT s.chat_id, s.thread_id, s.time FROM subscriptions s JOIN chats c USING (chat_id)
       WHERE s.active = 1 AND c.active = 1 ORDER BY s.time, s.chat_id, s.thread_id`,
    ),
    targetSubscriptions: db.prepare(
      'SELECT * FROM subscriptions WHERE chat_id = ? AND thread_id = ? AND time = ? AND active = 1 ORDER BY id',
    ),
    delivery: db.prepare('SELECT * FROM deliveries WHERE chat_id = ? AND thread_id = ? AND time = ? AND period = ?'),
    lastCutoff: db.prepare('SELECT MAX(cutoff) FROM deliveries WHERE chat_id = ? AND thread_id = ? AND time = ?').pluck(),
    insertDelivery: db.prepare(
      `INSERT INTO deliveries (chat_id, thread_id, time, period, status, cutoff, article_ids, parts, parts_sent, started_at, sent_at,
         owner, lease_until)
       VALUES (@chatId, @threadId, @time, @period, @status, @cutoff, @articleIds, @parts, 0, @now, @sentAt, @owner, @leaseUntil)
       ON CONFLICT DO NOTHING`,
    ),
    // Only the owner moves its delivery on: a taken-over row is the new owner's.
    markPart: db.prepare(
      `UPDATE deliveries SET parts_sent = @partsSent, status = @status, sent_at = @sentAt, lease_until = @leaseUntil
       WHERE chat_id = @chatId AND thread_id = @threadId AND time = @time AND period = @period AND status = 'in_flight'
         AND owner IS @owner`,
    ),
    claim: db.prepare(
      `UPDATE deliveries SET owner = @owner, lease_until = @leaseUntil
       WHERE chat_id = @chatId AND thread_id = @threadId AND time = @time AND period = @period AND status = 'in_flight'
         AND owner IS @previous`,
    ),
    release: db.prepare(
      `UPDATE deliveries SET lease_until = 0
       WHERE chat_id = @chatId AND thread_id = @threadId AND time = @time AND period = @period AND owner IS @owner`,
    ),
    inFlight: db.prepare("SELECT * FROM deliveries WHERE status = 'in_flight' ORDER BY started_at"),
    deliveriesOf: db.prepare('SELECT * FROM deliveries WHERE chat_id = ? ORDER BY period, time, thread_id'),
    moveSubscriptionsCopy: db.prepare(
      `INSERT INTO subscriptions (chat_id, thread_id, region, keywords, time, active, created_at)
       SELECT ?, 0, region, keywords, time, active, created_at FROM subscriptions WHERE chat_id = ?
       ON CONFLICT (chat_id, region, keywords) DO NOTHING`,
    ),
    moveDeliveries: db.prepare(
      `INSERT INTO deliveries SELECT ?, 0, time, period, status, cutoff, article_ids, parts, parts_sent, started_at, sent_at,
         owner, lease_until
       FROM deliveries WHERE chat_id = ? ON CONFLICT DO NOTHING`,
    ),
    copyLanguage: db.prepare('UPDATE chats SET language = (SELECT language FROM chats WHERE chat_id = ?) WHERE chat_id = ?'),
    deleteChat: db.prepare('DELETE FROM chats WHERE chat_id = ?'),
  };
}

/** The store's statements. */
export type StoreStatements = ReturnType<typeof prepareStatements>;

/** Makes every writing statement run `beforeWrite` first (the database file guard). */
export function guardWrites(statements: StoreStatements, beforeWrite: () => void): void {
  // Every write goes through a statement that returns no rows: check before each one runs.
  for (const statement of Object.values(statements) as Database.Statement[]) {
    if (statement.reader) continue;
    const run = statement.run.bind(statement);
    statement.run = ((...args: unknown[]) => {
      beforeWrite();
      return run(...args);
    }) as Database.Statement['run'];
  }
}
