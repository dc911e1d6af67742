/**
 * The delivery rows of the PostgreSQL state store (./store.ts): recording a composed digest (the
 * claim of a new digest), confirming its parts, and claiming in-flight digests nobody is sending
 * any more. The design of the claims is in ../claims.ts.
 */
import type pg from 'pg';
import type { Delivery, DeliveryStatus } from '../records.ts';
import type { NewDelivery } from '../store.ts';
import { DELIVERY_KEY_IS, deliveryKey, deliveryOf, type PgDeliveryRow } from './rows.ts';

/** An instance's claim: who holds the row, and until when (epoch ms). */
export interface Claim {
  owner: string;
  leaseUntil: number;
}

/** Deliveries matching `where` (with its parameters), mapped to plain objects. */
export async function deliveriesWhere(db: pg.Pool | pg.ClientBase, where: string, params: unknown[]): Promise<Delivery[]> {
  const { rows } = await db.query<PgDeliveryRow>(`SELECT * FROM deliveries WHERE ${where}`, params);
  return rows.map(deliveryOf);
}

/**
 * Records a composed digest inside the caller's transaction. The chat's row is locked first, so
 * two instances recording the same target queue here: the second then finds the period taken (the
 * primary key) or the cutoff moved (`since`), and records nothing.
 */
export async function recordDelivery(
  client: pg.ClientBase,
  delivery: NewDelivery,
  now: number,
  claim: Claim,
): Promise<Delivery | undefined> {
  await client.query('SELECT 1 FROM chats WHERE chat_id = $1 FOR UPDATE', [delivery.chatId]);
  if (delivery.since !== undefined) {
    const { rows } = await client.query<{ cutoff: string | null }>(
      'SELECT max(cutoff) AS cutoff FROM deliveries WHERE chat_id = $1 AND thread_id = $2 AND time = $3',
      [delivery.chatId, delivery.threadId, delivery.time],
    );
    if ((rows[0].cutoff === null ? -1 : Number(rows[0].cutoff)) !== delivery.since) return undefined;
  }
  const empty = delivery.parts.length === 0;
  const { rows } = await client.query<PgDeliveryRow>(
    `INSERT INTO deliveries (chat_id, thread_id, time, period, status, cutoff, article_ids, parts, parts_sent, started_at, sent_at,
       owner, lease_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $11, $12) ON CONFLICT DO NOTHING RETURNING *`,
    [
      ...deliveryKey(delivery),
      empty ? 'empty' : 'in_flight',
      delivery.cutoff,
      JSON.stringify(delivery.articleIds),
      JSON.stringify(delivery.parts),
      now,
      empty ? now : null,
      claim.owner,
      empty ? null : claim.leaseUntil,
    ],
  );
  return rows.length === 0 ? undefined : deliveryOf(rows[0]);
}

/** Moves an in-flight delivery on (progress, state, lease) if `owner` still holds it; true when it did. */
export async function markDelivery(
  pool: pg.Pool,
  delivery: Delivery,
  change: { partsSent: number; status: DeliveryStatus; sentAt: number | null; owner: string; leaseUntil: number | null },
): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE deliveries SET parts_sent = $5, status = $6, sent_at = $7, lease_until = $8
     WHERE ${DELIVERY_KEY_IS} AND status = 'in_flight' AND owner IS NOT DISTINCT FROM $9`,
    [...deliveryKey(delivery), change.partsSent, change.status, change.sentAt, change.leaseUntil, change.owner],
  );
  return (rowCount ?? 0) > 0;
}

/** Ends `owner`'s lease on a delivery at once, so any instance may take it over. */
export async function releaseDelivery(pool: pg.Pool, delivery: Delivery, owner: string): Promise<void> {
  await pool.query(`UPDATE deliveries SET lease_until = 0 WHERE ${DELIVERY_KEY_IS} AND owner IS NOT DISTINCT FROM $5`, [
    ...deliveryKey(delivery),
    owner,
  ]);
}

/**
 * Claims, in one statement, every in-flight delivery that is the claimant's own, unheld, or held
 * under a lease that ran out. SKIP LOCKED: rows another instance is claiming (or confirming) at
 * this moment are left to it, so two claimants never wait for each other nor get the same row.
 */
export async function claimInFlight(pool: pg.Pool, now: number, claim: Claim): Promise<Delivery[]> {
  const { rows } = await pool.query<PgDeliveryRow>(
    `UPDATE deliveries d SET owner = $1, lease_until = $2
     FROM (SELECT chat_id, thread_id, time, period FROM deliveries
           WHERE status = 'in_flight' AND (owner IS NULL OR owner = $1 OR lease_until IS NULL OR lease_until <= $3)
           FOR UPDATE SKIP LOCKED) stale
     WHERE d.chat_id = stale.chat_id AND d.thread_id = stale.thread_id AND d.time = stale.time AND d.period = stale.period
     RETURNING d.*`,
    [claim.owner, claim.leaseUntil, now],
  );
  return rows.map(deliveryOf).sort((a, b) => a.startedAt - b.startedAt);
}
