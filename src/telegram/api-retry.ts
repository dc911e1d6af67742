/**
 * The retry policy under every outgoing Bot API call: the bot's per-chat outbox (./outbox.ts)
 * builds on it, and so does the digest sender. telegraf rejects at once on a 429
 * ("Too Many Requests: retry after N") or a 5xx and only retries `getUpdates` itself; this wrapper
 * waits and tries again, bounded, like grammY's auto-retry plugin:
 *
 * - 429: waits `parameters.retry_after` seconds (unless that exceeds `maxRetryAfterSeconds`, then
 *   rejects so a caller with a deadline is not held hostage);
 * - 5xx and network errors (connection refused or reset, timeouts, DNS): exponential backoff from
 *   `baseDelayMs`, capped at `maxDelayMs`, with jitter;
 * - 400 with `parameters.migrate_to_chat_id` (a group became a supergroup): repeats the call once
 *   with the new chat id and reports the move through `onChatMigrated`;
 * - anything else (400 Bad Request, 401, 403 …): rejects at once.
 *
 * At most `maxAttempts` tries in all. A network retry may deliver a message twice if the first
 * request reached Telegram before the connection broke; that is the accepted price of not losing it.
 *
 * Use {@link installRetry} on a telegraf `Telegram` instance (the bot does this for its own instance
 * and, in a middleware, for the per-update instance telegraf creates), or {@link withRetry} on any
 * function shaped like `callApi` — the digest sender queue builds on that.
 */
import { TelegramError, type Telegram } from 'telegraf';
import { sleep } from './sleep.ts';

/** The shape of telegraf's `Telegram#callApi`, reduced to what the wrapper needs. */
export type CallApi = (method: string, payload: Record<string, unknown>, options?: { signal?: AbortSignal }) => Promise<unknown>;

/** Why a call is being retried. */
export type RetryReason = 'rate-limit' | 'server-error' | 'network' | 'chat-migrated';

export interface RetryOptions {
  /** Tries in all, the first included (default 5). */
  maxAttempts?: number;
  /** First backoff delay for 5xx and network errors (default 1,000 ms); doubles each time. */
  baseDelayMs?: number;
  /** Longest backoff delay (default 30,000 ms). */
  maxDelayMs?: number;
  /** A 429 asking to wait longer than this rejects at once (default 300 s). */
  maxRetryAfterSeconds?: number;
  /** Aborting it stops every pending wait (the call then rejects with its last error). */
  signal?: AbortSignal;
  /** Called before each wait, for logging. */
  onRetry?: (info: { method: string; attempt: number; delayMs: number; reason: RetryReason; error: unknown }) => void;
  /** Called when Telegram reports that a group moved to a supergroup id. */
  onChatMigrated?: (fromChatId: number | string, toChatId: number) => void | Promise<void>;
}

/** Methods the wrapper leaves alone: telegraf's polling loop retries `getUpdates` itself. */
const PASS_THROUGH = new Set(['getUpdates']);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);

/** True for errors that mean "the request may not have reached Telegram": worth another try. */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error) || error.name === 'AbortError') return false;
  const code = (error as { code?: unknown }).code;
  return error.name === 'FetchError' || (typeof code === 'string' && NETWORK_CODES.has(code));
}

/** Wraps a `callApi`-shaped function with the retry policy described at the top of this file. */
export function withRetry(callApi: CallApi, options: RetryOptions = {}): CallApi {
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 300;

  return async function retryingCallApi(method, payload, callOptions) {
    if (PASS_THROUGH.has(method)) return callApi(method, payload, callOptions);
    let current = payload;
    let migrated = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await callApi(method, current, callOptions);
      } catch (error) {
        let reason: RetryReason;
        let delayMs: number;
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        if (error instanceof TelegramError && error.code === 429) {
          const seconds = error.parameters?.retry_after ?? Math.ceil(backoff / 1000);
          if (seconds > maxRetryAfterSeconds) throw error;
          reason = 'rate-limit';
          delayMs = seconds * 1000;
        } else if (error instanceof TelegramError && error.code >= 500) {
          reason = 'server-error';
          delayMs = backoff * (0.75 + Math.random() * 0.5);
        } else if (isNetworkError(error)) {
          reason = 'network';
          delayMs = backoff * (0.75 + Math.random() * 0.5);
        } else if (
          error instanceof TelegramError &&
          error.parameters?.migrate_to_chat_id !== undefined &&
          'chat_id' in current &&
          !migrated
        ) {
          const to = error.parameters.migrate_to_chat_id;
          // Awaited: the store has moved the chat's rows before the message goes to the new id.
          await options.onChatMigrated?.(current.chat_id as number | string, to);
          options.onRetry?.({ method, attempt, delayMs: 0, reason: 'chat-migrated', error });
          current = { ...current, chat_id: to };
          migrated = true;
          attempt--; // the move is not a failure: it does not use up an attempt
          continue;
        } else {
          throw error;
        }
        if (attempt >= maxAttempts || callOptions?.signal?.aborted) throw error;
        options.onRetry?.({ method, attempt, delayMs, reason, error });
        // Either the wrapper's signal (shutdown) or the call's own ends the wait.
        const signal =
          callOptions?.signal && options.signal
            ? AbortSignal.any([options.signal, callOptions.signal])
            : (callOptions?.signal ?? options.signal);
        if (!(await sleep(delayMs, signal))) throw error;
      }
    }
  };
}

/** Marks a Telegram instance already wrapped (telegraf reuses none, but a caller may wrap twice). */
const WRAPPED = Symbol('xiangwen.retry');

/**
 * Routes every call of a telegraf `Telegram` instance through {@link withRetry}. Idempotent: an
 * instance already wrapped is left as it is.
 */
export function installRetry(telegram: Telegram, options: RetryOptions = {}): void {
  const marked = telegram as Telegram & { [WRAPPED]?: true };
  if (marked[WRAPPED]) return;
  const raw = telegram.callApi.bind(telegram) as unknown as CallApi;
  telegram.callApi = withRetry(raw, options) as unknown as Telegram['callApi'];
  marked[WRAPPED] = true;
}
