/**
 * The embedded implementation of the bot's state (./store.ts) over `DATA_DIR/bot.db` (./db.ts):
 * chats and their language, subscriptions, one delivery row per digest (./records.ts says what
 * they look like, ./store-sql.ts holds the statements, prepared once). When each article first
 * entered the index is kept in the same database by ../search/first-seen.ts; the paging keys by
 * ../telegram/query-keys.ts. better-sqlite3 is synchronous: every method has done its work, in
 * one transaction where it touches several rows, by the time it returns its promise.
 */
import { FirstSeenLedger, type FirstSeenTimes, ledgerTimes } from '../search/first-seen.ts';
import type { Lang } from '../telegram/i18n.ts';
import { QueryKeyTable } from '../telegram/query-keys.ts';
import { DEFAULT_LEASE_MS, mayClaim, newOwnerId } from './claims.ts';
import type { Db } from './db.ts';
import {
  normaliseKeywords,
  subscriptionKeyOf,
  type Delivery,
  type DigestTarget,
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
import type { DigestStore, NewDelivery, SubscribeInput } from './store.ts';

/** Options of {@link SqliteDigestStore}. */
export interface SqliteDigestStoreOptions {
  /** Active subscriptions one chat may hold (default 20). */
  maxSubscriptionsPerChat?: number;
  /**
   * Run before every write; throws (a StorageError) when the database file was deleted, replaced
   * or made read-only under the bot (see ./db.ts databaseFileGuard).
   */
  beforeWrite?: () => void;
  /** How long a claim on an in-flight delivery lasts without a confirmed message (see ./claims.ts). */
  leaseMs?: number;
  /** This instance's name in the claims (default: host, process id and a random tail). */
  owner?: string;
}

/** The bot's state in one SQLite file. */
export class SqliteDigestStore implements DigestStore {
  readonly maxSubscriptionsPerChat: number;
  /** The file check run before every write (see SqliteDigestStoreOptions.beforeWrite), if any. */
  readonly checkFile: (() => void) | undefined;
  /** The synchronous ledger (table `article_seen`), which the embedded search engine records into. */
  readonly firstSeen: FirstSeenLedger;
  readonly firstSeenTimes: FirstSeenTimes;
  readonly queryKeys: QueryKeyTable;
  /** This instance's name in the claims of deliveries. */
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly statements: StoreStatements;

  constructor(
    readonly db: Db,
    options: SqliteDigestStoreOptions = {},
  ) {
    this.maxSubscriptionsPerChat = options.maxSubscriptionsPerChat ?? 20;
    this.checkFile = options.beforeWrite;
    this.firstSeen = new FirstSeenLedger(db, { beforeWrite: options.beforeWrite });
    this.firstSeenTimes = ledgerTimes(this.firstSeen);
    this.queryKeys = new QueryKeyTable(db, { beforeWrite: options.beforeWrite });
    this.owner = options.owner ?? newOwnerId();
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.statements = prepareStatements(db);
    if (options.beforeWrite !== undefined) guardWrites(this.statements, options.beforeWrite);
  }

  /** Runs `fn` in one SQLite transaction (nested calls join the outer one). */
  private transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  private ensureChat(chatId: number, now: number): void {
    this.statements.ensureChat.run(chatId, now);
  }

  async language(chatId: number): Promise<Lang> {
    const row = this.statements.chat.get(chatId) as { language: Lang } | undefined;
    return row?.language ?? 'zh';
  }

  async setLanguage(chatId: number, language: Lang, now: number): Promise<void> {
    this.transaction(() => {
      this.ensureChat(chatId, now);
      this.statements.setLanguage.run(language, chatId);
    });
  }

  async isChatActive(chatId: number): Promise<boolean> {
    const row = this.statements.chat.get(chatId) as { active: number } | undefined;
    return row?.active === 1;
  }

  async subscribe(input: SubscribeInput, now: number): Promise<SubscribeResult> {
    const { region, keywords, threadId } = subscriptionKeyOf(input);
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

  async findSubscription(chatId: number, key: SubscriptionKey): Promise<Subscription | undefined> {
    const row = this.statements.findSubscription.get(chatId, key.region ?? '', normaliseKeywords(key.keywords ?? []).join(' ')) as
      | SubscriptionRow
      | undefined;
    return row !== undefined && row.active === 1 ? toSubscription(row) : undefined;
  }

  async subscriptions(chatId: number): Promise<Subscription[]> {
    return (this.statements.activeSubscriptions.all(chatId) as SubscriptionRow[]).map(toSubscription);
  }

  async unsubscribe(chatId: number, id: number): Promise<boolean> {
    return this.statements.deactivateSubscription.run(chatId, id).changes > 0;
  }

  async unsubscribeAll(chatId: number): Promise<number> {
    return this.statements.deactivateAll.run(chatId).changes;
  }

  async deactivateChat(chatId: number, why: string): Promise<void> {
    this.transaction(() => {
      this.statements.deactivateChat.run(why, chatId);
      this.statements.deactivateAll.run(chatId);
    });
  }

  async migrateChat(fromChatId: number, toChatId: number, now: number): Promise<void> {
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

  async targets(): Promise<DigestTarget[]> {
    return (this.statements.targets.all() as { chat_id: number; thread_id: number; time: string }[]).map((row) => ({
      chatId: row.chat_id,
      threadId: row.thread_id,
      time: row.time,
    }));
  }

  async targetSubscriptions(target: DigestTarget): Promise<Subscription[]> {
    return (this.statements.targetSubscriptions.all(target.chatId, target.threadId, target.time) as SubscriptionRow[]).map(toSubscription);
  }

  async delivery(target: DigestTarget, period: string): Promise<Delivery | undefined> {
    return this.deliveryNow(target, period);
  }

  private deliveryNow(target: DigestTarget, period: string): Delivery | undefined {
    const row = this.statements.delivery.get(target.chatId, target.threadId, target.time, period) as DeliveryRow | undefined;
    return row && toDelivery(row);
  }

  async lastCutoff(target: DigestTarget): Promise<number | undefined> {
    return this.lastCutoffNow(target);
  }

  private lastCutoffNow(target: DigestTarget): number | undefined {
    return (this.statements.lastCutoff.get(target.chatId, target.threadId, target.time) as number | null) ?? undefined;
  }

  async startDelivery(delivery: NewDelivery, now: number): Promise<Delivery | undefined> {
    const empty = delivery.parts.length === 0;
    // Immediate: the write lock first, so another process cannot record the period between the checks and the insert.
    return this.db
      .transaction(() => {
        if (delivery.since !== undefined && (this.lastCutoffNow(delivery) ?? -1) !== delivery.since) return undefined;
        const { changes } = this.statements.insertDelivery.run({
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
          owner: this.owner,
          leaseUntil: empty ? null : now + this.leaseMs,
        });
        return changes === 0 ? undefined : this.deliveryNow(delivery, delivery.period);
      })
      .immediate();
  }

  async markPartsSent(delivery: Delivery, partsSent: number, now: number): Promise<boolean> {
    const done = partsSent >= delivery.parts.length;
    const { changes } = this.statements.markPart.run({
      ...keyOf(delivery),
      partsSent,
      status: done ? 'sent' : 'in_flight',
      sentAt: done ? now : null,
      leaseUntil: now + this.leaseMs,
      owner: this.owner,
    });
    return changes > 0;
  }

  async abandonDelivery(delivery: Delivery, now: number): Promise<void> {
    this.statements.markPart.run({
      ...keyOf(delivery),
      partsSent: delivery.partsSent,
      status: 'abandoned',
      sentAt: now,
      leaseUntil: null,
      owner: this.owner,
    });
  }

  async releaseDelivery(delivery: Delivery): Promise<void> {
    this.statements.release.run({ ...keyOf(delivery), owner: this.owner });
  }

  async claimInFlight(now: number): Promise<Delivery[]> {
    return this.db
      .transaction(() => {
        const claimed: Delivery[] = [];
        for (const row of this.statements.inFlight.all() as DeliveryRow[]) {
          if (!mayClaim({ owner: row.owner, leaseUntil: row.lease_until }, this.owner, now, true)) continue;
          const delivery = toDelivery(row);
          this.statements.claim.run({ ...keyOf(delivery), owner: this.owner, leaseUntil: now + this.leaseMs, previous: row.owner });
          claimed.push(delivery);
        }
        return claimed;
      })
      .immediate();
  }

  async inFlightDeliveries(): Promise<Delivery[]> {
    return (this.statements.inFlight.all() as DeliveryRow[]).map(toDelivery);
  }

  async deliveriesOf(chatId: number): Promise<Delivery[]> {
    return (this.statements.deliveriesOf.all(chatId) as DeliveryRow[]).map(toDelivery);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** The primary key of a delivery row, as named parameters. */
function keyOf(delivery: DigestTarget & { period: string }) {
  return { chatId: delivery.chatId, threadId: delivery.threadId, time: delivery.time, period: delivery.period };
}
