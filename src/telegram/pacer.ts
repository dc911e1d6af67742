/**
 * Paces outgoing messages under Telegram's flood limits before Telegram has to refuse them: an
 * overall rate (about 30 messages per second), and a minimum gap per chat (about one message per
 * second to a private chat, 20 per minute to a group). Callers `await pacer.acquire(chatId)` right
 * before each send; the pacer releases waiters one at a time, oldest first among those whose chat
 * is ready, so one busy group never holds up everyone else.
 */

/** Telegram's published overall limit for one token: about 30 messages a second. */
const DEFAULT_PER_SECOND = 30;

/** Rates of a {@link SendPacer}; defaults are Telegram's published limits. */
export interface PacerLimits {
  /** Messages per second overall (default 30). */
  perSecond?: number;
  /** Messages per minute to one private chat (default 60). */
  perChatPerMinute?: number;
  /** Messages per minute to one group or channel, i.e. a negative chat id (default 20). */
  perGroupPerMinute?: number;
}

interface Waiter {
  chatId: number;
  release: () => void;
}

/** What {@link SendPacer.acquire} rejects with when its signal aborts the wait. */
export class PacerAbortedError extends Error {
  constructor() {
    super('stopped while waiting for a send slot');
    this.name = 'PacerAbortedError';
  }
}

/** The rate limiter of the digest sender; see the top of this file. */
export class SendPacer {
  /** The overall gap between two messages, in ms (1000 / perSecond). */
  readonly globalGapMs: number;
  private readonly perSecond: number;
  /** Release times within the last second, oldest first: a hard cap however late timers fire. */
  private readonly recent: number[] = [];
  private readonly chatGapMs: number;
  private readonly groupGapMs: number;
  private readonly waiters: Waiter[] = [];
  private readonly chatReadyAt = new Map<number, number>();
  private nextGlobalAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  constructor(
    limits: PacerLimits = {},
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.perSecond = Math.max(1, Math.floor(limits.perSecond ?? DEFAULT_PER_SECOND));
    this.globalGapMs = 1000 / (limits.perSecond ?? DEFAULT_PER_SECOND);
    this.chatGapMs = 60_000 / (limits.perChatPerMinute ?? 60);
    this.groupGapMs = 60_000 / (limits.perGroupPerMinute ?? 20);
  }

  /**
   * Resolves when a message to `chatId` may be sent now, and counts it as sent. Aborting `signal`
   * (shutdown) gives up the wait: it rejects with {@link PacerAbortedError} and takes no slot.
   */
  acquire(chatId: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new PacerAbortedError());
      const onAbort = () => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(new PacerAbortedError());
      };
      const waiter: Waiter = {
        chatId,
        release: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /**
   * Keeps `chatId` quiet for `ms` (Telegram answered 429 with `retry_after` for it): no message to
   * it is released before then.
   */
  pause(chatId: number, ms: number): void {
    const until = this.clock() + ms;
    if ((this.chatReadyAt.get(chatId) ?? 0) < until) this.chatReadyAt.set(chatId, until);
  }

  /** Messages waiting for a slot. */
  get waiting(): number {
    return this.waiters.length;
  }

  private gapFor(chatId: number): number {
    return chatId < 0 ? this.groupGapMs : this.chatGapMs;
  }

  private pump(): void {
    const now = this.clock();
    if (this.waiters.length === 0) return;
    if (now < this.nextGlobalAt) {
      this.wake(this.nextGlobalAt - now);
      return;
    }
    while (this.recent.length > 0 && now - this.recent[0] >= 1000) this.recent.shift();
    if (this.recent.length >= this.perSecond) {
      this.wake(1000 - (now - this.recent[0]));
      return;
    }
    let soonest = Infinity;
    for (let at = 0; at < this.waiters.length; at++) {
      const waiter = this.waiters[at];
      const readyAt = this.chatReadyAt.get(waiter.chatId) ?? 0;
      if (readyAt <= now) {
        this.waiters.splice(at, 1);
        this.chatReadyAt.set(waiter.chatId, now + this.gapFor(waiter.chatId));
        // Keep the overall schedule on its grid, but never bank more than one late slot: a timer
        // that fired late may release one extra message, never a burst.
        this.nextGlobalAt = Math.max(this.nextGlobalAt + this.globalGapMs, now);
        this.recent.push(now);
        if (this.chatReadyAt.size > 50_000) this.forgetIdleChats(now);
        waiter.release();
        this.wake(Math.max(0, this.nextGlobalAt - now));
        return;
      }
      soonest = Math.min(soonest, readyAt);
    }
    this.wake(soonest - now);
  }

  private wake(inMs: number): void {
    const at = this.clock() + inMs;
    if (this.timer !== undefined && this.timerAt <= at) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, Math.ceil(inMs)),
    );
  }

  private forgetIdleChats(now: number): void {
    for (const [chatId, readyAt] of this.chatReadyAt) if (readyAt <= now) this.chatReadyAt.delete(chatId);
  }
}
