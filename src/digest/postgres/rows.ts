/**
 * Rows of the PostgreSQL state tables (./migrations.ts) and their plain objects (../records.ts).
 * node-postgres returns bigint columns as strings (they may pass 2^53); every id and instant the
 * bot stores is far below that, so they are read back as numbers here.
 */
import type { Delivery, DeliveryStatus, StoredMessage, Subscription } from '../records.ts';

export interface PgSubscriptionRow {
  id: string;
  chat_id: string;
  thread_id: string;
  region: string;
  keywords: string;
  time: string;
  active: boolean;
  created_at: string;
}

export interface PgDeliveryRow {
  chat_id: string;
  thread_id: string;
  time: string;
  period: string;
  status: DeliveryStatus;
  cutoff: string;
  article_ids: string[];
  parts: StoredMessage[];
  parts_sent: number;
  started_at: string;
  sent_at: string | null;
  owner: string | null;
  lease_until: string | null;
}

export function subscriptionOf(row: PgSubscriptionRow): Subscription {
  return {
    id: Number(row.id),
    chatId: Number(row.chat_id),
    threadId: Number(row.thread_id),
    region: row.region,
    keywords: row.keywords === '' ? [] : row.keywords.split(' '),
    time: row.time,
    active: row.active,
    createdAt: Number(row.created_at),
  };
}

export function deliveryOf(row: PgDeliveryRow): Delivery {
  return {
    chatId: Number(row.chat_id),
    threadId: Number(row.thread_id),
    time: row.time,
    period: row.period,
    status: row.status,
    cutoff: Number(row.cutoff),
    articleIds: row.article_ids,
    parts: row.parts,
    partsSent: row.parts_sent,
    startedAt: Number(row.started_at),
    sentAt: row.sent_at === null ? undefined : Number(row.sent_at),
  };
}

/** The primary key of a delivery row as the first four parameters ($1 … $4) of a statement. */
export function deliveryKey(delivery: {
  chatId: number;
  threadId: number;
  time: string;
  period: string;
}): [number, number, string, string] {
  return [delivery.chatId, delivery.threadId, delivery.time, delivery.period];
}

/** `WHERE` of one delivery row, its key in $1 … $4. */
export const DELIVERY_KEY_IS = 'chat_id = $1 AND thread_id = $2 AND time = $3 AND period = $4';
