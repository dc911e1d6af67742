/**
 * The bot's state on PostgreSQL (../store.ts), for several bot instances on one database: the
 * tables of ./migrations.ts on the pool the engine uses (../../search/postgres/pool.ts). Multi-row
 * changes run in one transaction each; what two instances may do to the same chat at once
 * (subscribe past the limit, record the same digest) is serialised by locking the chat's row
 * (`FOR UPDATE`); in-flight digests are claimed with `FOR UPDATE SKIP LOCKED` (../claims.ts).
 * A write the server refuses or cannot receive rejects with a StorageError, so the bot says so
 * instead of confirming it.
 */
import type pg from 'pg';
import type { FirstSeenTimes } from '../../search/first-seen.ts';
import { connect, inTransaction, migrate } from '../../search/postgres/pool.ts';
import type { Lang } from '../../telegram/i18n.ts';
import type { QueryKeyBacking } from '../../telegram/query-store.ts';
import { DEFAULT_LEASE_MS, newOwnerId } from '../claims.ts';
import { StorageError } from '../db.ts';
import {
  normaliseKeywords,
  subscriptionKeyOf,
  type Delivery,
  type DigestTarget,
  type SubscribeResult,
  type Subscription,
  type SubscriptionKey,
} from '../records.ts';
import type { DigestStore, NewDelivery, SendSlots, SubscribeInput } from '../store.ts';
import { claimInFlight, deliveriesWhere, markDelivery, recordDelivery, releaseDelivery } from './deliveries.ts';
import { STATE_LEDGER, STATE_MIGRATIONS } from './migrations.ts';
import { type PgSubscriptionRow, subscriptionOf } from './rows.ts';
import { postgresFirstSeen, postgresQueryKeys, postgresSendSlots } from './side-tables.ts';
import { MIGRATIONS as ENGINE_MIGRATIONS } from '../../search/postgres/migrations.ts';

/** Options of {@link PostgresDigestStore.open}. */
export interface PostgresDigestStoreOptions {
  /** Active subscriptions one chat may hold (default 20). */
  maxSubscriptionsPerChat?: number;
  /** How long a claim on an in-flight delivery lasts without a confirmed message (see ../claims.ts). */
  leaseMs?: number;
  /** This instance's name in the claims (default: host, process id and a random tail). */
  owner?: string;
  /** End the pool on close (when the store made it). */
  ownsPool?: boolean;
}

/** What the operator reads when a write does not reach the server. */
const WHERE = 'PostgreSQL (DATABASE_URL)';

/** Runs a write; any failure becomes a StorageError naming the server, so nothing is confirmed that was not stored. */
async function saving<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(WHERE, (error as Error).message);
  }
}

const SUBSCRIPTION_BY_KEY = 'SELECT * FROM subscriptions WHERE chat_id = $1 AND region = $2 AND keywords = $3';

/** The bot's state in a PostgreSQL database shared by every instance. */
export class PostgresDigestStore implements DigestStore {
  readonly maxSubscriptionsPerChat: number;
  readonly firstSeenTimes: FirstSeenTimes;
  readonly queryKeys: QueryKeyBacking;
  readonly sendSlots: SendSlots;
  /** This instance's name in the claims of deliveries. */
  readonly owner: string;
  private readonly leaseMs: number;
  private closed = false;

  private constructor(
    readonly pool: pg.Pool,
    private readonly options: PostgresDigestStoreOptions,
  ) {
    this.maxSubscriptionsPerChat = options.maxSubscriptionsPerChat ?? 20;
    this.owner = options.owner ?? newOwnerId();
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.firstSeenTimes = postgresFirstSeen(pool, saving);
    this.queryKeys = postgresQueryKeys(pool, saving);
    this.sendSlots = postgresSendSlots(pool, saving);
  }

  /** The store over `pool`, with the engine's and the state's schemas brought up to date. */
  static async open(pool: pg.Pool, options: PostgresDigestStoreOptions = {}): Promise<PostgresDigestStore> {
    // The engine's schema holds `article_seen`, the one first-seen ledger of both.
    await migrate(pool, ENGINE_MIGRATIONS);
    await migrate(pool, STATE_MIGRATIONS, STATE_LEDGER);
    return new PostgresDigestStore(pool, options);
  }

  /** A store on its own pool to `url` (a `postgres://` URL), ended with the store. */
  static async connect(url: string, options: Omit<PostgresDigestStoreOptions, 'ownsPool'> & { maxConnections?: number } = {}) {
    const pool = await connect(url, { max: options.maxConnections });
    try {
      return await PostgresDigestStore.open(pool, { ...options, ownsPool: true });
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  private async chatRow(chatId: number): Promise<{ language: Lang; active: boolean } | undefined> {
    const { rows } = await this.pool.query<{ language: Lang; active: boolean }>('SELECT language, active FROM chats WHERE chat_id = $1', [
      chatId,
    ]);
    return rows[0];
  }

  async language(chatId: number): Promise<Lang> {
    return (await this.chatRow(chatId))?.language ?? 'zh';
  }

  async setLanguage(chatId: number, language: Lang, now: number): Promise<void> {
    await saving(() =>
      this.pool.query(
        `INSERT INTO chats (chat_id, language, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language`,
        [chatId, language, now],
      ),
    );
  }

  async isChatActive(chatId: number): Promise<boolean> {
    return (await this.chatRow(chatId))?.active === true;
  }

  async subscribe(input: SubscribeInput, now: number): Promise<SubscribeResult> {
    const { region, keywords, threadId } = subscriptionKeyOf(input);
    return saving(() =>
      inTransaction(this.pool, async (client): Promise<SubscribeResult> => {
        await lockChat(client, input.chatId, now);
        await client.query('UPDATE chats SET active = true, inactive_why = NULL WHERE chat_id = $1', [input.chatId]);
        const existing = (await client.query<PgSubscriptionRow>(SUBSCRIPTION_BY_KEY, [input.chatId, region, keywords])).rows[0];
        if (existing === undefined || !existing.active) {
          const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM subscriptions WHERE chat_id = $1 AND active', [
            input.chatId,
          ]);
          if (rows[0].n >= this.maxSubscriptionsPerChat) return { status: 'limit', max: this.maxSubscriptionsPerChat };
        }
        if (existing !== undefined) {
          // A subscription that was inactive starts afresh: its next digest is again "the latest few".
          const { rows } = await client.query<PgSubscriptionRow>(
            `UPDATE subscriptions SET thread_id = $1, time = $2, active = true,
               created_at = CASE WHEN active THEN created_at ELSE $3 END WHERE id = $4 RETURNING *`,
            [threadId, input.time, now, existing.id],
          );
          return { status: 'updated', subscription: subscriptionOf(rows[0]) };
        }
        const { rows } = await client.query<PgSubscriptionRow>(
          `INSERT INTO subscriptions (chat_id, thread_id, region, keywords, time, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
          [input.chatId, threadId, region, keywords, input.time, now],
        );
        return { status: 'added', subscription: subscriptionOf(rows[0]) };
      }),
    );
  }

  async findSubscription(chatId: number, key: SubscriptionKey): Promise<Subscription | undefined> {
    const keywords = normaliseKeywords(key.keywords ?? []).join(' ');
    const { rows } = await this.pool.query<PgSubscriptionRow>(SUBSCRIPTION_BY_KEY, [chatId, key.region ?? '', keywords]);
    return rows[0]?.active ? subscriptionOf(rows[0]) : undefined;
  }

  async subscriptions(chatId: number): Promise<Subscription[]> {
    const { rows } = await this.pool.query<PgSubscriptionRow>('SELECT * FROM subscriptions WHERE chat_id = $1 AND active ORDER BY id', [
      chatId,
    ]);
    return rows.map(subscriptionOf);
  }

  async unsubscribe(chatId: number, id: number): Promise<boolean> {
    const result = await saving(() =>
      this.pool.query('UPDATE subscriptions SET active = false WHERE chat_id = $1 AND id = $2 AND active', [chatId, id]),
    );
    return (result.rowCount ?? 0) > 0;
  }

  async unsubscribeAll(chatId: number): Promise<number> {
    const result = await saving(() => this.pool.query('UPDATE subscriptions SET active = false WHERE chat_id = $1 AND active', [chatId]));
    return result.rowCount ?? 0;
  }

  async deactivateChat(chatId: number, why: string): Promise<void> {
    await saving(() =>
      inTransaction(this.pool, async (client) => {
        await client.query('UPDATE chats SET active = false, inactive_why = $2 WHERE chat_id = $1', [chatId, why]);
        await client.query('UPDATE subscriptions SET active = false WHERE chat_id = $1 AND active', [chatId]);
      }),
    );
  }

  async migrateChat(fromChatId: number, toChatId: number, now: number): Promise<void> {
    if (fromChatId === toChatId) return;
    await saving(() => inTransaction(this.pool, (client) => moveChat(client, fromChatId, toChatId, now)));
  }

  async targets(): Promise<DigestTarget[]> {
    const { rows } = await this.pool.query<{ chat_id: string; thread_id: string; time: string }>(
      `SELECT DISTINCT s.chat_id, s.thread_id, s.time FROM subscriptions s JOIN chats c USING (chat_id)
       WHERE s.active AND c.active ORDER BY s.time, s.chat_id, s.thread_id`,
    );
    return rows.map((row) => ({ chatId: Number(row.chat_id), threadId: Number(row.thread_id), time: row.time }));
  }

  async targetSubscriptions(target: DigestTarget): Promise<Subscription[]> {
    const { rows } = await this.pool.query<PgSubscriptionRow>(
      'SELECT * FROM subscriptions WHERE chat_id = $1 AND thread_id = $2 AND time = $3 AND active ORDER BY id',
      [target.chatId, target.threadId, target.time],
    );
    return rows.map(subscriptionOf);
  }

  async delivery(target: DigestTarget, period: string): Promise<Delivery | undefined> {
    const [row] = await deliveriesWhere(this.pool, 'chat_id = $1 AND thread_id = $2 AND time = $3 AND period = $4', [
      target.chatId,
      target.threadId,
      target.time,
      period,
    ]);
    return row;
  }

  async lastCutoff(target: DigestTarget): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ cutoff: string | null }>(
      'SELECT max(cutoff) AS cutoff FROM deliveries WHERE chat_id = $1 AND thread_id = $2 AND time = $3',
      [target.chatId, target.threadId, target.time],
    );
    return rows[0].cutoff === null ? undefined : Number(rows[0].cutoff);
  }

  async startDelivery(delivery: NewDelivery, now: number): Promise<Delivery | undefined> {
    return saving(() => inTransaction(this.pool, (client) => recordDelivery(client, delivery, now, this.claim(now))));
  }

  async markPartsSent(delivery: Delivery, partsSent: number, now: number): Promise<boolean> {
    const done = partsSent >= delivery.parts.length;
    return saving(() =>
      markDelivery(this.pool, delivery, { partsSent, status: done ? 'sent' : 'in_flight', sentAt: done ? now : null, ...this.claim(now) }),
    );
  }

  async abandonDelivery(delivery: Delivery, now: number): Promise<void> {
    await saving(() =>
      markDelivery(this.pool, delivery, {
        partsSent: delivery.partsSent,
        status: 'abandoned',
        sentAt: now,
        owner: this.owner,
        leaseUntil: null,
      }),
    );
  }

  async releaseDelivery(delivery: Delivery): Promise<void> {
    await saving(() => releaseDelivery(this.pool, delivery, this.owner));
  }

  async claimInFlight(now: number): Promise<Delivery[]> {
    return saving(() => claimInFlight(this.pool, now, this.claim(now)));
  }

  async inFlightDeliveries(): Promise<Delivery[]> {
    return deliveriesWhere(this.pool, "status = 'in_flight' ORDER BY started_at", []);
  }

  async deliveriesOf(chatId: number): Promise<Delivery[]> {
    return deliveriesWhere(this.pool, 'chat_id = $1 ORDER BY period, time, thread_id', [chatId]);
  }

  async close(): Promise<void> {
    if (!this.options.ownsPool || this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** This instance's claim, valid from `now` for the lease. */
  private claim(now: number): { owner: string; leaseUntil: number } {
    return { owner: this.owner, leaseUntil: now + this.leaseMs };
  }
}

/** Creates the chat's row if needed and locks it for the transaction: one writer per chat at a time. */
async function lockChat(client: pg.ClientBase, chatId: number, now: number): Promise<void> {
  await client.query('INSERT INTO chats (chat_id, created_at) VALUES ($1, $2) ON CONFLICT (chat_id) DO NOTHING', [chatId, now]);
  await client.query('SELECT 1 FROM chats WHERE chat_id = $1 FOR UPDATE', [chatId]);
}

/** The supergroup move of {@link PostgresDigestStore.migrateChat}, inside its transaction. */
async function moveChat(client: pg.ClientBase, fromChatId: number, toChatId: number, now: number): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM chats WHERE chat_id = $1 FOR UPDATE', [fromChatId]);
  if (!rowCount) return;
  const isNew = ((await client.query('SELECT 1 FROM chats WHERE chat_id = $1', [toChatId])).rowCount ?? 0) === 0;
  await lockChat(client, toChatId, now);
  if (isNew)
    await client.query('UPDATE chats SET language = (SELECT language FROM chats WHERE chat_id = $1) WHERE chat_id = $2', [
      fromChatId,
      toChatId,
    ]);
  // Forum topics do not survive the move: everything goes to the main chat (thread 0).
  await client.query(
    `INSERT INTO subscriptions (chat_id, thread_id, region, keywords, time, active, created_at)
     SELECT $1, 0, region, keywords, time, active, created_at FROM subscriptions WHERE chat_id = $2 ORDER BY id
     ON CONFLICT (chat_id, region, keywords) DO NOTHING`,
    [toChatId, fromChatId],
  );
  await client.query(
    `INSERT INTO deliveries (chat_id, thread_id, time, period, status, cutoff, article_ids, parts, parts_sent, started_at, sent_at, owner, lease_until)
     SELECT $1, 0, time, period, status, cutoff, article_ids, parts, parts_sent, started_at, sent_at, owner, lease_until
     FROM deliveries WHERE chat_id = $2 ON CONFLICT DO NOTHING`,
    [toChatId, fromChatId],
  );
  await client.query('DELETE FROM chats WHERE chat_id = $1', [fromChatId]);
}
