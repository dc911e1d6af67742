/**
 * The per-chat outbox every reply goes through. A 429 names a chat's flood limit, so its
 * `retry_after` holds back that chat alone: later sends to the same chat wait for the same moment
 * instead of each drawing its own 429, and every other chat goes on at once. 5xx answers and
 * network errors are retried with backoff. Nothing waits without bound: a reply that cannot be
 * delivered within `deadlineMs` (60 s) of being sent is given up with one log line and a
 * {@link ReplyDroppedError}, so a chat's queue of updates (./runner.ts) moves on.
 *
 * Every text also passes the length guard (./length-guard.ts) here, so nothing over Telegram's
 * limits is ever sent.
 *
 * Calls without a chat (answerCallbackQuery, answerInlineQuery, setMyCommands …) keep the short,
 * bounded retry of ./api-retry.ts: their answers are worthless after a few seconds anyway.
 */
import { TelegramError, type Telegram } from 'telegraf';
import type { Logger } from '../log.ts';
import { isNetworkError, withRetry, type CallApi } from '../telegram/api-retry.ts';
import { fitPayload } from '../telegram/length-guard.ts';
import { sleep } from '../telegram/sleep.ts';

/** A reply given up after the outbox's deadline; already logged. */
export class ReplyDroppedError extends Error {
  constructor(
    readonly chatId: string,
    readonly method: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`${method} to chat ${chatId} not delivered within the deadline (${attempts} attempts)`, options);
    this.name = 'ReplyDroppedError';
  }
}

export interface OutboxOptions {
  logger: Logger;
  /** A reply not delivered this long after it was first sent is dropped (default 60 000 ms). */
  deadlineMs?: number;
  /** First backoff after a 5xx or network error (default 500 ms), doubling up to `maxDelayMs` (10 000). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Aborting it (shutdown) ends every wait: the reply is dropped. */
  signal?: AbortSignal;
  /** Told when Telegram reports that a group moved to a supergroup id. */
  onChatMigrated?: (fromChatId: number | string, toChatId: number) => void | Promise<void>;
}

const WRAPPED = Symbol('xiangwen.outbox');

/** Per-chat send gates shared by every Telegram instance the bot creates (one per update). */
export class Outbox {
  /** Chat id → the moment before which Telegram asked not to send to it. */
  private readonly gates = new Map<string, number>();
  private readonly deadlineMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: OutboxOptions) {
    this.deadlineMs = options.deadlineMs ?? 60_000;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
  }

  /** Chats currently held back by a 429, for tests and diagnostics. */
  get heldChats(): number {
    const now = Date.now();
    for (const [chat, until] of this.gates) if (until <= now) this.gates.delete(chat);
    return this.gates.size;
  }

  /** Wraps a raw `callApi` (telegraf's own) with the outbox. */
  wrap(raw: CallApi): CallApi {
    const { logger, signal, onChatMigrated } = this.options;
    // One try each, so that waits happen here, per chat; it still follows a group's migration.
    const once = withRetry(raw, { maxAttempts: 1, onChatMigrated });
    const chatless = withRetry(raw, {
      maxAttempts: 3,
      baseDelayMs: this.baseDelayMs,
      maxDelayMs: 2000,
      maxRetryAfterSeconds: 10,
      signal,
      onChatMigrated,
      onRetry: (info) => logger.debug({ method: info.method, attempt: info.attempt, reason: info.reason }, 'Bot API call failed; retrying'),
    });
    const deliver: CallApi = async (method, payload, callOptions) => {
      const chat = payload.chat_id;
      if (method === 'getUpdates' || (typeof chat !== 'number' && typeof chat !== 'string')) return chatless(method, payload, callOptions);
      const key = String(chat);
      const deadline = Date.now() + this.deadlineMs;
      let attempts = 0;
      let lastError: unknown;
      const drop = (): never => {
        logger.warn(
          { chat: key, method, attempts, err: lastError },
          `reply dropped: not delivered within ${Math.round(this.deadlineMs / 1000)} s`,
        );
        throw new ReplyDroppedError(key, method, attempts, { cause: lastError });
      };
      for (;;) {
        const gate = this.gates.get(key) ?? 0;
        const now = Date.now();
        if (gate > now) {
          if (gate > deadline) drop();
          if (!(await sleep(gate - now, signal))) drop();
        } else if (gate !== 0) {
          this.gates.delete(key); // passed: forget it, so the map holds only chats held back now
        }
        attempts++;
        try {
          return await once(method, payload, callOptions);
        } catch (error) {
          lastError = error;
          let until: number;
          if (error instanceof TelegramError && error.code === 429) {
            until = Date.now() + (error.parameters?.retry_after ?? 1) * 1000;
            this.gates.set(key, Math.max(this.gates.get(key) ?? 0, until));
          } else if ((error instanceof TelegramError && error.code >= 500) || isNetworkError(error)) {
            const backoff = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempts - 1)) * (0.75 + Math.random() * 0.5);
            until = Date.now() + backoff;
            if (until > deadline) drop();
            if (!(await sleep(backoff, signal))) drop();
            continue;
          } else {
            throw error;
          }
          if (until > deadline) drop();
        }
      }
    };
    // Every outgoing text passes the length guard; a long message goes out as several, in order.
    return async (method, payload, callOptions) => {
      const calls = fitPayload(method, payload);
      let result: unknown;
      for (const call of calls) result = await deliver(method, call, callOptions);
      return result;
    };
  }

  /** Routes every call of a telegraf `Telegram` instance through the outbox (idempotent). */
  install(telegram: Telegram): void {
    const marked = telegram as Telegram & { [WRAPPED]?: true };
    if (marked[WRAPPED]) return;
    const raw = telegram.callApi.bind(telegram) as unknown as CallApi;
    telegram.callApi = this.wrap(raw) as unknown as Telegram['callApi'];
    marked[WRAPPED] = true;
  }
}
