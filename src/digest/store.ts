/**
 * The bot's own state behind one async seam: chats and their language, subscriptions, one delivery
 * row per digest with its progress and its claim, when each article first entered the index, and
 * the paging keys of long queries. Two implementations: ./sqlite-store.ts (the embedded default,
 * `DATA_DIR/bot.db`) and ./postgres/store.ts (a server shared by several bot instances).
 *
 * Transactions: the seam has none to hand out. Every method that changes several rows does it in
 * one transaction of its own (subscribe, migrateChat, startDelivery, claimInFlight …). A callback
 * transaction on an async seam would hold a pooled connection (PostgreSQL) or the write lock
 * (SQLite, where better-sqlite3 cannot span an `await` at all) for as long as the caller awaits
 * something else, such as the index while a digest is composed; coarse methods keep both honest.
 *
 * Claims: a delivery row belongs to the instance that recorded it (its `owner`) until its lease
 * runs out. See ./claims.ts for the design.
 */
import type { FirstSeenTimes } from '../search/first-seen.ts';
import type { Lang } from '../telegram/i18n.ts';
import type { QueryKeyBacking } from '../telegram/query-store.ts';
import type { Delivery, DigestTarget, StoredMessage, SubscribeResult, Subscription, SubscriptionKey } from './records.ts';

export { normaliseKeywords } from './records.ts';
export type { Delivery, DeliveryStatus, DigestTarget, StoredMessage, SubscribeResult, Subscription, SubscriptionKey } from './records.ts';

/** What a subscribe request carries. */
export interface SubscribeInput {
  chatId: number;
  threadId?: number;
  region?: string;
  keywords?: string[];
  time: string;
}

/** A composed digest to record (see {@link DigestStore.startDelivery}). */
export interface NewDelivery extends DigestTarget {
  period: string;
  /** The digest covers articles first seen up to this instant. */
  cutoff: number;
  articleIds: string[];
  parts: StoredMessage[];
  /**
   * The target's last cutoff the digest was composed after (-1 for none). When given, the
   * delivery is recorded only if that is still the last cutoff: nobody served the target meanwhile.
   */
  since?: number;
}

/** A shared send schedule (see {@link DigestStore.sendSlots}). */
export interface SendSlots {
  /**
   * Takes the next slot of the schedule, at least `gapMs` after the one taken before it by any
   * instance and never in the past. Resolves when that slot is, on the server's clock, and how long
   * to wait for it from now (so instances' own clocks need not agree).
   */
  reserve(gapMs: number): Promise<{ at: number; waitMs: number }>;
}

/** The bot's state. Every write rejects with a StorageError when it cannot be saved. */
export interface DigestStore {
  /** Active subscriptions one chat may hold. */
  readonly maxSubscriptionsPerChat: number;
  /** When each article first entered the index. */
  readonly firstSeenTimes: FirstSeenTimes;
  /** The paging keys of long queries, so buttons work after a restart and on any instance. */
  readonly queryKeys: QueryKeyBacking;
  /**
   * The token's overall send rate, shared by every instance on this store (a server database):
   * reserves the next free slot `gapMs` after the previous one. Absent where one process sends
   * (bot.db), since the sender's own pacer then holds the rate.
   */
  readonly sendSlots?: SendSlots;

  /** The chat's language, 'zh' for a chat the store has never seen. */
  language(chatId: number): Promise<Lang>;
  /** Remembers the chat's language (creating the chat's row if needed). */
  setLanguage(chatId: number, language: Lang, now: number): Promise<void>;
  /** Whether the chat may receive digests (false after Telegram answered 403). */
  isChatActive(chatId: number): Promise<boolean>;

  /**
   * Subscribes a chat. The same region and keywords again update the existing subscription's time
   * and topic (and revive it if it was off); a new one beyond the per-chat maximum is refused.
   * Subscribing also reactivates a chat that had blocked the bot.
   */
  subscribe(input: SubscribeInput, now: number): Promise<SubscribeResult>;
  /** The chat's active subscription with exactly this region and keywords, if any. */
  findSubscription(chatId: number, key: SubscriptionKey): Promise<Subscription | undefined>;
  /** The chat's active subscriptions, oldest first. */
  subscriptions(chatId: number): Promise<Subscription[]>;
  /** Turns one subscription off; false when the chat has no such active subscription. */
  unsubscribe(chatId: number, id: number): Promise<boolean>;
  /** Turns all of the chat's subscriptions off; resolves how many there were. */
  unsubscribeAll(chatId: number): Promise<number>;
  /** After Telegram's 403: the chat gets no more digests until someone subscribes there again. */
  deactivateChat(chatId: number, why: string): Promise<void>;
  /**
   * A group became a supergroup: its subscriptions, language and delivery history move to the new
   * chat id (merged with anything already there; forum topics do not survive), the old id is gone.
   */
  migrateChat(fromChatId: number, toChatId: number, now: number): Promise<void>;

  /** Every (chat, topic, time) that has active subscriptions in an active chat. */
  targets(): Promise<DigestTarget[]>;
  /** Active subscriptions of one target, oldest first. */
  targetSubscriptions(target: DigestTarget): Promise<Subscription[]>;
  /** The target's delivery for a period, if one was started. */
  delivery(target: DigestTarget, period: string): Promise<Delivery | undefined>;
  /** Where the target's previous digest stopped (its cutoff), or undefined before the first one. */
  lastCutoff(target: DigestTarget): Promise<number | undefined>;

  /**
   * Records a composed digest before its first message is sent (`in_flight`, claimed by this
   * instance), or one with nothing new (`empty`, done at once). Resolves the recorded delivery, or
   * undefined when the period already has one (another run, perhaps on another instance, won) or
   * the last cutoff is no longer `since`. This is the claim of a new digest: exactly one wins.
   */
  startDelivery(delivery: NewDelivery, now: number): Promise<Delivery | undefined>;
  /**
   * Marks `partsSent` messages as delivered and renews this instance's claim; the last one turns
   * the delivery `sent`. False when the delivery is no longer this instance's (its lease ran out
   * and another instance took it over): the caller stops sending it.
   */
  markPartsSent(delivery: Delivery, partsSent: number, now: number): Promise<boolean>;
  /** Gives up an in-flight delivery whose chat refused it (403); it is never resent. */
  abandonDelivery(delivery: Delivery, now: number): Promise<void>;
  /** Lets go of this instance's claim on an in-flight delivery (a run stopping), so another may finish it at once. */
  releaseDelivery(delivery: Delivery): Promise<void>;
  /**
   * Claims the in-flight deliveries this instance may finish: its own, those nobody holds, and
   * those whose holder's lease ran out (the holder died). Oldest first. Two instances calling it
   * at once never get the same delivery.
   */
  claimInFlight(now: number): Promise<Delivery[]>;
  /** Every delivery left `in_flight`, whoever holds it (diagnostics and tests). */
  inFlightDeliveries(): Promise<Delivery[]>;
  /** All deliveries of one chat (diagnostics and tests). */
  deliveriesOf(chatId: number): Promise<Delivery[]>;

  /** Closes the database (or the pool, when the store owns it). */
  close(): Promise<void>;
}
