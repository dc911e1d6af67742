/**
 * Per-chat isolation of update handling, after grammY runner's `sequentialize`: updates with the
 * same chat key (./updates.ts) are handled one after the other, in the order they arrived; updates
 * of different chats run concurrently, so a chat whose replies wait (a 429, a Bot API answering
 * 5xx) never delays another chat. Telegraf's own polling loop awaits every update of a batch before
 * fetching the next one, which is exactly the head-of-line blocking this replaces.
 *
 * Bounds keep a flood from exhausting memory: at most `maxPending` updates are queued or running in
 * all (the polling loop waits for room before fetching more), and a single chat may queue at most
 * `maxPerChat`; beyond that its updates are dropped, with a log line at a limited rate.
 *
 * Each update runs inside an AsyncLocalStorage context holding its id, so the process-wide guard
 * (./guard.ts) can name the update behind an unhandled rejection.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Update } from 'telegraf/types';
import type { Logger } from '../log.ts';

/** The update being handled, for log lines written far from the handler. */
export const currentUpdate = new AsyncLocalStorage<{ updateId: number; key: string }>();

export interface DispatcherOptions {
  /** Handles one update; its rejection is logged, never rethrown. */
  handle: (update: Update) => Promise<void>;
  logger: Logger;
  /** Updates queued or running in all before {@link Dispatcher.room} waits (default 1 000). */
  maxPending?: number;
  /** Updates one chat may have queued or running (default 100); more are dropped. */
  maxPerChat?: number;
}

interface Lane {
  /** Updates queued or running in this lane. */
  size: number;
  tail: Promise<void>;
}

/** Runs updates concurrently across chats and sequentially within one. */
export class Dispatcher {
  private readonly lanes = new Map<string, Lane>();
  private pending = 0;
  private waiters: (() => void)[] = [];
  private dropped = 0;
  private lastDropLog = 0;
  private readonly maxPending: number;
  private readonly maxPerChat: number;

  constructor(private readonly options: DispatcherOptions) {
    this.maxPending = options.maxPending ?? 1000;
    this.maxPerChat = options.maxPerChat ?? 100;
  }

  /** Updates queued or running now. */
  get size(): number {
    return this.pending;
  }

  /** Queues an update behind the earlier ones of its chat. Returns false when it was dropped. */
  push(update: Update, key: string): boolean {
    let lane = this.lanes.get(key);
    if (lane === undefined) {
      lane = { size: 0, tail: Promise.resolve() };
      this.lanes.set(key, lane);
    }
    if (lane.size >= this.maxPerChat) {
      this.dropped++;
      const now = Date.now();
      if (now - this.lastDropLog > 60_000) {
        this.options.logger.warn({ key, dropped: this.dropped }, 'a chat sends faster than it can be answered; dropping its updates');
        this.lastDropLog = now;
        this.dropped = 0;
      }
      return false;
    }
    lane.size++;
    this.pending++;
    const run = () =>
      currentUpdate.run({ updateId: update.update_id, key }, async () => {
        try {
          await this.options.handle(update);
        } catch (error) {
          this.options.logger.error({ err: error, update: update.update_id }, 'error while handling an update');
        }
      });
    const current = lane;
    current.tail = current.tail.then(run).finally(() => {
      current.size--;
      this.pending--;
      if (current.size === 0 && this.lanes.get(key) === current) this.lanes.delete(key);
      if (this.pending < this.maxPending) for (const wake of this.waiters.splice(0)) wake();
    });
    return true;
  }

  /** Resolves when fewer than `maxPending` updates are queued or running. */
  room(): Promise<void> {
    if (this.pending < this.maxPending) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Resolves when every queued update has been handled (for shutdown). */
  async idle(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all([...this.lanes.values()].map((lane) => lane.tail));
  }
}
