/**
 * Everything the digest remembers, on top of ./db.ts: chats and their language, subscriptions,
 * and one delivery row per digest (./records.ts says what they look like, ./store-sql.ts holds the
 * statements, prepared once). When each article first entered the index is kept in the same
 * database by ../search/first-seen.ts; the paging keys of the bot by ../telegram/query-keys.ts.
 */
import { FirstSeenLedger } from '../search/first-seen.ts';
import type { Lang } from '../telegram/i18n.ts';
import type { Db } from './db.ts';
import {
  normaliseKeywords,
  type Delivery,
  type DigestTarget,
  type StoredMessage,
  type SubscribeResult,
  type Subscription,
  type SubscriptionKey,
} from './records.ts';
import {
  guardWrites,
  prepareStatements,
  toDelivery,
  toSubscription,
  type DeliveryRow,
  type StoreStatements,
  type SubscriptionRow,
} from './store-sql.ts';
import { parseWhen } from './when.ts';

export { normaliseKeywords } from './records.ts';
export type { Delivery, DeliveryStatus, DigestTarget, StoredMessage, SubscribeResult, Subscription, SubscriptionKey } from './records.ts';

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
  private readonly statements: StoreStatements;

  constructor(
    readonly db: Db,
    options: DigestStoreOptions = {},
  ) {
    this.maxSubscriptionsPerChat = options.maxSubscriptionsPerChat ?? 20;
    this.checkFile = options.beforeWrite;
    this.firstSeen = new FirstSeenLedger(db, { beforeWrite: options.beforeWrite });
    this.statements = prepareStatements(db);
    if (options.beforeWrite !== undefined) guardWrites(this.statements, options.beforeWrite);
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
    return (this.statements.targetSubscriptions.all(target.chatId, target.threadId, target.time) as SubscriptionRow[]).map(toSubscription);
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
