/**
 * Everything the digest remembers, on top of ./db.ts: chats and their language, subscriptions,
 * and one delivery row per digest (when each article first entered the index is kept in the same
 * database by ../search/first-seen.ts). Every query is a
 * prepared statement made once; callers get plain objects, never rows.
 */
import { parseWhen } from './when.ts';
import type Database from 'better-sqlite3';
import type { Db } from './db.ts';
import type { Lang } from '../telegram/i18n.ts';
import { FirstSeenLedger } from '../search/first-seen.ts';


/** A daily digest subscription: a region (official full name), keywords, or both. */
export interface Subscription {
  id: number;
  chatId: number;
  /** Forum topic the digest goes to; 0 for none. */
  threadId: number;
  /** Official full region name, '' when the subscription is by keywords only. */
  region: string;
  /** Normalised keywords (lower case, unique, sorted); empty when by region only. */
  keywords: string[];
  /** Local delivery time in DIGEST_TZ: `HH:MM` every day, `W1 HH:MM` on Mondays … (see ./when.ts). */
  time: string;
  active: boolean;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** Where and when one digest goes: a chat, a forum topic (0 = none) and a time of day. */
export interface DigestTarget {
  chatId: number;
  threadId: number;
  time: string;
}

/** One message of a digest as stored: text (HTML) and an optional inline keyboard. */
export interface StoredMessage {
  text: string;
  buttons?: { text: string; callback_data: string }[][];
}

/**
 * - `in_flight`: composed and being sent; `partsSent` says how far it got.
 * - `sent`: every part delivered. `empty`: nothing new, no message (progress still advances).
 * - `abandoned`: the chat refused (blocked the bot, left the group); never resent.
 */
export type DeliveryStatus = 'in_flight' | 'sent' | 'empty' | 'abandoned';

/** The record of one digest for one target and period (the local date). */
export interface Delivery extends DigestTarget {
  period: string;
  status: DeliveryStatus;
  /** The digest covers articles first seen up to this instant; the next one starts after it. */
  cutoff: number;
  articleIds: string[];
  parts: StoredMessage[];
  partsSent: number;
  startedAt: number;
  sentAt?: number;
}

/** Result of a subscribe request. */
export type SubscribeResult =
  | { status: 'added' | 'updated'; subscription: Subscription }
  | { status: 'limit'; max: number };

/** What identifies a subscription for the user: same region and keywords = same subscription. */
export interface SubscriptionKey {
  region?: string;
  keywords?: string[];
}

/** Lower-cases, splits on white space, drops duplicates and sorts, so word order does not matter. */
export function normaliseKeywords(words: readonly string[]): string[] {
  const all = words.flatMap((word) => word.normalize('NFKC').toLowerCase().split(/\s+/)).filter((word) => word !== '');
  return [...new Set(all)].sort();
}

interface SubscriptionRow {
  id: number;
  chat_id: number;
  thread_id: number;
  region: string;
  keywords: string;
  time: string;
  active: number;
  created_at: number;
}

interface DeliveryRow {
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
}

function toSubscription(row: SubscriptionRow): Subscription {
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

function toDelivery(row: DeliveryRow): Delivery {
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

/** Options of {@link DigestStore}. */
export interface DigestStoreOptions {
  /** Active subscriptions one chat may hold (default 20). */
  maxSubscriptionsPerChat?: number;
  /**
   * Run before every write; throws (a StorageError) when the database file was deleted, replaced
   * or made read-only under the bot (see ./db.ts databaseFileGuard).
   */
  beforeWrite?: () => void;
}

/**
 * The digest's storage API over an open database (see ./db.ts). Methods that change several rows
 * run in one transaction; `transaction(fn)` lets callers group their own steps the same way.
 */
export class DigestStore {
  /** Active subscriptions one chat may hold. */
  readonly maxSubscriptionsPerChat: number;
  /** The file check run before every write (see DigestStoreOptions.beforeWrite), if any. */
  readonly checkFile: (() => void) | undefined;
  /** When each article first entered the index (same database, table `article_seen`). */
  readonly firstSeen: FirstSeenLedger;
  private readonly statements;

  constructor(
    readonly db: Db,
    options: DigestStoreOptions = {},
  ) {
    this.maxSubscriptionsPerChat = options.maxSubscriptionsPerChat ?? 20;
    this.checkFile = options.beforeWrite;
    this.firstSeen = new FirstSeenLedger(db, { beforeWrite: options.beforeWrite });
    this.statements = {
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
        `INSERT INTO deliveries (chat_id, thread_id, time, period, status, cutoff, article_ids, parts, parts_sent, started_at, sent_at)
         VALUES (@chatId, @threadId, @time, @period, @status, @cutoff, @articleIds, @parts, 0, @now, @sentAt)`,
      ),
      markPart: db.prepare(
        `UPDATE deliveries SET parts_sent = @partsSent, status = @status, sent_at = @sentAt
         WHERE chat_id = @chatId AND thread_id = @threadId AND time = @time AND period = @period AND status = 'in_flight'`,
      ),
      inFlight: db.prepare("SELECT * FROM deliveries WHERE status = 'in_flight' ORDER BY started_at"),
      deliveriesOf: db.prepare('SELECT * FROM deliveries WHERE chat_id = ? ORDER BY period, time, thread_id'),
      moveSubscriptionsCopy: db.prepare(
        `INSERT INTO subscriptions (chat_id, thread_id, region, keywords, time, active, created_at)
         SELECT ?, 0, region, keywords, time, active, created_at FROM subscriptions WHERE chat_id = ?
         ON CONFLICT (chat_id, region, keywords) DO NOTHING`,
      ),
      moveDeliveries: db.prepare(
        `INSERT INTO deliveries SELECT ?, 0, time, period, status, cutoff, article_ids, parts, parts_sent, started_at, sent_at
         FROM deliveries WHERE chat_id = ? ON CONFLICT DO NOTHING`,
      ),
      copyLanguage: db.prepare(
        'UPDATE chats SET language = (SELECT language FROM chats WHERE chat_id = ?) WHERE chat_id = ?',
      ),
      deleteChat: db.prepare('DELETE FROM chats WHERE chat_id = ?'),
    };
    const beforeWrite = options.beforeWrite;
    if (beforeWrite !== undefined) {
      // Every write goes through a statement that returns no rows: check before each one runs.
      for (const statement of Object.values(this.statements) as Database.Statement[]) {
        if (statement.reader) continue;
        const run = statement.run.bind(statement);
        statement.run = ((...args: unknown[]) => {
          beforeWrite();
          return run(...args);
        }) as Database.Statement['run'];
      }
    }
  }

  /** Runs `fn` in one SQLite transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Creates the chat's row if it has none. */
  ensureChat(chatId: number, now: number): void {
    this.statements.ensureChat.run(chatId, now);
  }

  /** The chat's language, 'zh' for a chat the store has never seen. */
  language(chatId: number): Lang {
    const row = this.statements.chat.get(chatId) as { language: Lang } | undefined;
    return row?.language ?? 'zh';
  }

  /** Remembers the chat's language (e.g. from the subscriber's Telegram language code). */
  setLanguage(chatId: number, language: Lang, now: number): void {
    this.transaction(() => {
      this.ensureChat(chatId, now);
      this.statements.setLanguage.run(language, chatId);
    });
  }

  /** Whether the chat may receive digests (false after Telegram answered 403). */
  isChatActive(chatId: number): boolean {
    const row = this.statements.chat.get(chatId) as { active: number } | undefined;
    return row?.active === 1;
  }

  /**
   * Subscribes a chat. The same region and keywords again update the existing subscription's time
   * and topic (and revive it if it was off) instead of adding a second one; a new one beyond the
   * per-chat maximum is refused. Subscribing also reactivates a chat that had blocked the bot.
   */
  subscribe(
    input: { chatId: number; threadId?: number; region?: string; keywords?: string[]; time: string },
    now: number,
  ): SubscribeResult {
    const region = input.region ?? '';
    const keywords = normaliseKeywords(input.keywords ?? []).join(' ');
    if (region === '' && keywords === '') throw new Error('a subscription needs a region or keywords');
    if (parseWhen(input.time) === undefined) throw new Error(`bad time "${input.time}"`);
    const threadId = input.threadId ?? 0;
    return this.transaction((): SubscribeResult => {
      this.ensureChat(input.chatId, now);
      this.statements.activateChat.run(input.chatId);
      const existing = this.statements.findSubscription.get(input.chatId, region, keywords) as SubscriptionRow | undefined;
      if (existing === undefined || existing.active === 0) {
        const count = this.statements.countActive.get(input.chatId) as number;
        if (count >= this.maxSubscriptionsPerChat) return { status: 'limit', max: this.maxSubscriptionsPerChat };
      }
      if (existing !== undefined) {
        this.statements.reviveSubscription.run(threadId, input.time, now, existing.id);
        const row = this.statements.subscriptionById.get(existing.id) as SubscriptionRow;
        return { status: 'updated', subscription: toSubscription(row) };
      }
      const { lastInsertRowid } = this.statements.insertSubscription.run(input.chatId, threadId, region, keywords, input.time, now);
      const row = this.statements.subscriptionById.get(lastInsertRowid) as SubscriptionRow;
      return { status: 'added', subscription: toSubscription(row) };
    });
  }

  /** The chat's active subscription with exactly this region and keywords, if any. */
  findSubscription(chatId: number, key: SubscriptionKey): Subscription | undefined {
    const row = this.statements.findSubscription.get(chatId, key.region ?? '', normaliseKeywords(key.keywords ?? []).join(' ')) as
      | SubscriptionRow
      | undefined;
    return row !== undefined && row.active === 1 ? toSubscription(row) : undefined;
  }

  /** The chat's active subscriptions, oldest first. */
  subscriptions(chatId: number): Subscription[] {
    return (this.statements.activeSubscriptions.all(chatId) as SubscriptionRow[]).map(toSubscription);
  }

  /** Turns one subscription off; false when the chat has no such active subscription. */
  unsubscribe(chatId: number, id: number): boolean {
    return this.statements.deactivateSubscription.run(chatId, id).changes > 0;
  }

  /** Turns all of the chat's subscriptions off; returns how many there were. */
  unsubscribeAll(chatId: number): number {
    return this.statements.deactivateAll.run(chatId).changes;
  }

  /** After Telegram's 403: the chat gets no more digests until someone subscribes there again. */
  deactivateChat(chatId: number, why: string): void {
    this.transaction(() => {
      this.statements.deactivateChat.run(why, chatId);
      this.statements.deactivateAll.run(chatId);
    });
  }

  /**
   * A group became a supergroup (`migrate_to_chat_id`): its subscriptions, language and delivery
   * history move to the new chat id (merged with anything already there), and the old id is gone.
   * Forum topics do not survive the move, so the moved subscriptions go to the main chat.
   */
  migrateChat(fromChatId: number, toChatId: number, now: number): void {
    if (fromChatId === toChatId) return;
    this.transaction(() => {
      if (this.statements.chat.get(fromChatId) === undefined) return;
      const isNew = this.statements.chat.get(toChatId) === undefined;
      this.ensureChat(toChatId, now);
      if (isNew) this.statements.copyLanguage.run(fromChatId, toChatId);
      this.statements.moveSubscriptionsCopy.run(toChatId, fromChatId);
      this.statements.moveDeliveries.run(toChatId, fromChatId);
      this.statements.deleteChat.run(fromChatId);
    });
  }

  /** Every (chat, topic, time) that has active subscriptions in an active chat. */
  targets(): DigestTarget[] {
    return (this.statements.targets.all() as { chat_id: number; thread_id: number; time: string }[]).map((row) => ({
      chatId: row.chat_id,
      threadId: row.thread_id,
      time: row.time,
    }));
  }

  /** Active subscriptions of one target, oldest first. */
  targetSubscriptions(target: DigestTarget): Subscription[] {
    return (this.statements.targetSubscriptions.all(target.chatId, target.threadId, target.time) as SubscriptionRow[]).map(
      toSubscription,
    );
  }

  /** The target's delivery for a period, if one was started. */
  delivery(target: DigestTarget, period: string): Delivery | undefined {
    const row = this.statements.delivery.get(target.chatId, target.threadId, target.time, period) as DeliveryRow | undefined;
    return row && toDelivery(row);
  }

  /** Where the target's previous digest stopped (its cutoff), or undefined before the first one. */
  lastCutoff(target: DigestTarget): number | undefined {
    return (this.statements.lastCutoff.get(target.chatId, target.threadId, target.time) as number | null) ?? undefined;
  }

  /**
   * Records a composed digest before its first message is sent (`in_flight`), or a digest with
   * nothing new (`empty`, done at once). Either way the progress mark (`cutoff`) is in the same row.
   */
  startDelivery(
    delivery: DigestTarget & { period: string; cutoff: number; articleIds: string[]; parts: StoredMessage[] },
    now: number,
  ): void {
    const empty = delivery.parts.length === 0;
    this.statements.insertDelivery.run({
      chatId: delivery.chatId,
      threadId: delivery.threadId,
      time: delivery.time,
      period: delivery.period,
      status: empty ? 'empty' : 'in_flight',
      cutoff: delivery.cutoff,
      articleIds: JSON.stringify(delivery.articleIds),
      parts: JSON.stringify(delivery.parts),
      now,
      sentAt: empty ? now : null,
    });
  }

  /**
   * Marks `partsSent` messages of an in-flight delivery as delivered; when that is all of them the
   * delivery becomes `sent` in the same statement.
   */
  markPartsSent(delivery: Delivery, partsSent: number, now: number): void {
    const done = partsSent >= delivery.parts.length;
    this.statements.markPart.run({
      chatId: delivery.chatId,
      threadId: delivery.threadId,
      time: delivery.time,
      period: delivery.period,
      partsSent,
      status: done ? 'sent' : 'in_flight',
      sentAt: done ? now : null,
    });
  }

  /** Gives up an in-flight delivery whose chat refused it (403); it is never resent. */
  abandonDelivery(delivery: Delivery, now: number): void {
    this.statements.markPart.run({
      chatId: delivery.chatId,
      threadId: delivery.threadId,
      time: delivery.time,
      period: delivery.period,
      partsSent: delivery.partsSent,
      status: 'abandoned',
      sentAt: now,
    });
  }

  /** Deliveries left `in_flight` (by a crash or a failed send), oldest first. */
  inFlightDeliveries(): Delivery[] {
    return (this.statements.inFlight.all() as DeliveryRow[]).map(toDelivery);
  }

  /** All deliveries of one chat (for tests and diagnostics). */
  deliveriesOf(chatId: number): Delivery[] {
    return (this.statements.deliveriesOf.all(chatId) as DeliveryRow[]).map(toDelivery);
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}
