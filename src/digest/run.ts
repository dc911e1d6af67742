/**
 * One digest run: resume digests a previous run left half-sent, then compose and send every due
 * digest. The delivery row is the progress mark, so a crash at any point loses nothing:
 *
 * 1. Composing writes the whole digest (every message, the article ids and the `cutoff` up to which
 *    it reports new articles) as an `in_flight` row, in one transaction, BEFORE the first send.
 * 2. After each message Telegram confirms, `parts_sent` goes up by one; the last confirmation
 *    turns the row `sent` in the same statement.
 * 3. A restart resends an `in_flight` row's remaining messages, exactly as stored.
 * 4. With several instances on one database, the instance that records a row owns it; the others
 *    leave it alone until its lease runs out (its owner died), then one of them takes it over and
 *    sends the rest (./claims.ts).
 *
 * The one window left open is between Telegram accepting a message and the commit of its
 * `parts_sent` (microseconds, or a lost HTTP response). Telegram offers no idempotency key, so a
 * restart cannot tell whether that one message arrived; it resends it. Delivery is therefore
 * at-least-once for the single message in flight at a crash and exactly-once for everything else;
 * no digest is ever lost or composed twice. We chose a possible duplicate of one message over a
 * possibly lost one. (A network retry inside ../bot/api-retry.ts has the same property.)
 *
 * A digest with nothing new is recorded as `empty` (progress advances, no message is sent).
 */
import { dueAt, parseWhen } from './when.ts';
import type { Logger } from '../log.ts';
import { DigestMatcher, composeDigest, type DigestSources } from './compose.ts';
import type { Delivery, DigestStore, DigestTarget, Subscription } from './store.ts';
import type { SendMessage } from './sender.ts';

/** Counts of one run, by target (a chat, topic and time). */
export interface RunCounts {
  /** Digests completely delivered in this run (resumed ones included). */
  served: number;
  /** Digests that could not be delivered: chat blocked the bot, message rejected, retries ran out. */
  failed: number;
  /** Due targets that needed nothing: already served this period, or nothing new. */
  skipped: number;
}

/** Options of {@link runDueDigests}. */
export interface RunOptions {
  sources: DigestSources;
  store: DigestStore;
  send: SendMessage;
  /** The run's instant (ms): its period, which targets are due, and the cutoff of new articles. */
  now: number;
  /** DIGEST_TZ: periods are local dates, times local `HH:MM`. */
  timeZone: string;
  /** Only this chat. */
  chatId?: number;
  /** Serve every target now, whatever its time of day (`xiangwen digest --now`). */
  ignoreTime?: boolean;
  /** Longest message in characters (default Telegram's 4,096; tests use less to get several parts). */
  messageLimit?: number;
  /** Digests sent in parallel (default 120): enough chats to keep the overall rate busy. */
  concurrency?: number;
  /**
   * Aborting it (shutdown) stops the run between messages: nothing new is started, and a digest
   * cut short stays in flight for the next run to finish.
   */
  signal?: AbortSignal;
  logger?: Logger;
}

/** The local date `YYYY-MM-DD` and time `HH:MM` of an instant in a time zone. */
export function localDateTime(instant: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

type Result = 'served' | 'failed' | 'skipped';

/** Sends a delivery's remaining messages, recording each confirmation. */
async function finish(delivery: Delivery, options: RunOptions): Promise<Result> {
  const { store, send, logger } = options;
  let current = delivery;
  for (let part = current.partsSent; part < current.parts.length; part++) {
    if (options.signal?.aborted) {
      // Stays in flight; let go of it so that another instance can finish it without waiting out the lease.
      await store.releaseDelivery(current);
      return 'failed';
    }
    const outcome = await send({ chatId: current.chatId, threadId: current.threadId }, current.parts[part], options.signal);
    if (outcome.status === 'sent') {
      // A migrated group: the store already moved the row; follow it to its new key.
      if (outcome.chatId !== current.chatId || outcome.threadId !== current.threadId) {
        current = { ...current, chatId: outcome.chatId, threadId: outcome.threadId };
      }
      // False: this instance's lease ran out and another took the digest over; it sends the rest.
      if (!(await store.markPartsSent(current, part + 1, Date.now()))) {
        logger?.warn({ chatId: current.chatId, period: current.period, part }, 'digest taken over by another instance; stopping here');
        return 'failed';
      }
      current = { ...current, partsSent: part + 1 };
      continue;
    }
    if (outcome.status === 'failed') return 'failed'; // stays in flight: the next run resumes it
    await store.abandonDelivery(current, Date.now());
    logger?.warn({ chatId: current.chatId, period: current.period, status: outcome.status }, 'digest abandoned');
    return 'failed';
  }
  return 'served';
}

/** Runs `work` over `items` with at most `limit` in progress. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && signal?.aborted !== true) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Resumes unfinished digests, then composes and sends the due ones (a target is due when its local
 * time has come today — on its weekday, for a weekly one — and it has no delivery for today yet). Returns counts by target. Safe to run
 * again at any time, in the same or another process: a period is served once.
 */
export async function runDueDigests(options: RunOptions): Promise<RunCounts> {
  const { store, now, timeZone, logger } = options;
  const counts: RunCounts = { served: 0, failed: 0, skipped: 0 };
  const concurrency = options.concurrency ?? 120;
  const { date: period, time: clock } = localDateTime(now, timeZone);
  const wanted = (chatId: number) => options.chatId === undefined || options.chatId === chatId;

  // Claimed, not just read: an in-flight digest another live instance is sending is not touched.
  const claimed = await store.claimInFlight(Date.now());
  const pending = claimed.filter((delivery) => wanted(delivery.chatId));
  // A run for one chat (`--chat`) lets go of the others at once, for whichever run serves them.
  for (const other of claimed) if (!wanted(other.chatId)) await store.releaseDelivery(other);
  const resumed = new Set(pending.map((d) => `${d.chatId}/${d.threadId}/${d.time}`));
  await pool(
    pending,
    concurrency,
    async (delivery) => {
      if (!(await store.isChatActive(delivery.chatId))) {
        await store.abandonDelivery(delivery, Date.now());
        counts.failed++;
        return;
      }
      logger?.info({ chatId: delivery.chatId, period: delivery.period, partsSent: delivery.partsSent }, 'resuming an unfinished digest');
      counts[await finish(delivery, options)]++;
    },
    options.signal,
  );

  const targets = (await store.targets())
    .filter((target) => wanted(target.chatId) && (options.ignoreTime === true || dueAt(target.time, period, clock)))
    .filter((target) => !resumed.has(`${target.chatId}/${target.threadId}/${target.time}`));
  const matchers = new Map<number, DigestMatcher>();
  const matcherSince = (since: number) => {
    let matcher = matchers.get(since);
    if (matcher === undefined) {
      matcher = new DigestMatcher(options.sources, { since, upTo: now });
      matchers.set(since, matcher);
    }
    return matcher;
  };

  await pool(
    targets,
    concurrency,
    async (target) => {
      if (options.ignoreTime !== true && subscribedAfterTodaysTime(await store.targetSubscriptions(target), target, period, timeZone))
        return;
      const delivery = await composeAndRecord(target, period, matcherSince, options);
      if (delivery === undefined) {
        counts.skipped++;
        return;
      }
      counts[await finish(delivery, options)]++;
    },
    options.signal,
  );
  logger?.info({ period, ...counts }, 'digest run finished');
  return counts;
}

/**
 * True when every subscription of the target was made today after its time (subscribing at 10:00
 * for 08:00): its first digest is due tomorrow, not at the next catch-up run.
 */
function subscribedAfterTodaysTime(subscriptions: Subscription[], target: DigestTarget, period: string, timeZone: string): boolean {
  return subscriptions.every((subscription) => {
    const made = localDateTime(subscription.createdAt, timeZone);
    return made.date === period && made.time >= (parseWhen(target.time)?.time ?? target.time);
  });
}

/**
 * Composes a target's digest, then records it (in flight, or empty). Returns the delivery to send,
 * or undefined when the period is already served or there is nothing new. Composing awaits the
 * index, so it runs outside any transaction: recording checks again, atomically, that nobody
 * (another run, another instance) served the period or moved the cutoff meanwhile, and the one
 * that records the row is the one that sends it.
 */
async function composeAndRecord(
  target: DigestTarget,
  period: string,
  matcherSince: (since: number) => DigestMatcher,
  options: RunOptions,
): Promise<Delivery | undefined> {
  const { store, now } = options;
  if ((await store.delivery(target, period)) !== undefined) return undefined;
  const subscriptions = await store.targetSubscriptions(target);
  if (subscriptions.length === 0) return undefined;
  const since = (await store.lastCutoff(target)) ?? -1;
  const digest = await composeDigest({
    matcher: matcherSince(since),
    subscriptions,
    isFirst: (subscription: Subscription) => since < 0 || subscription.createdAt > since,
    date: period,
    lang: await store.language(target.chatId),
    limit: options.messageLimit,
    weekly: parseWhen(target.time)?.weekday !== undefined,
  });
  const recorded = await store.startDelivery(
    { ...target, period, cutoff: now, since, articleIds: digest.articleIds, parts: digest.messages },
    now,
  );
  return recorded?.status === 'in_flight' ? recorded : undefined;
}
