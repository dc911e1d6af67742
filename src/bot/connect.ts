/**
 * Getting a bot onto the Bot API: the start-up calls that must wait out an outage (getMe,
 * deleteWebhook, setWebhook — retried through the one retry policy of ./api-retry.ts, without a
 * limit on attempts), and serving updates by long polling (./polling.ts) or, with `WEBHOOK_URL`,
 * a webhook (./webhook.ts; a port in use is a PortInUseError). Either way updates go to the
 * per-chat dispatcher (./runner.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { TelegramError, type Telegram } from 'telegraf';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { withRetry } from '../telegram/api-retry.ts';
import { oneLine } from './guard.ts';
import { pollUpdates } from './polling.ts';
import type { Dispatcher } from './runner.ts';
import { startWebhookServer, type WebhookServer } from './webhook.ts';

/** Telegram refused the token (401): it is wrong or was revoked. */
export class TokenRejectedError extends Error {
  constructor() {
    super('Telegram rejected BOT_TOKEN (401 Unauthorized): check the token from @BotFather, or create a new one with /token');
    this.name = 'TokenRejectedError';
  }
}

/** Another process is polling with the same token (409 Conflict). */
export class PollingConflictError extends Error {
  constructor() {
    super('another bot process is already receiving updates with this BOT_TOKEN (409 Conflict): stop it, or remove its webhook');
    this.name = 'PollingConflictError';
  }
}

/**
 * A start-up call to the Bot API, repeated until it answers: 401 throws TokenRejectedError; network
 * trouble, 5xx and 429 wait (backoff up to a minute, or `retry_after`) and try again, each outage
 * logged once (then every tenth try); anything else throws. Aborting `signal` gives up.
 */
export async function untilAnswered<T>(what: string, call: () => Promise<T>, logger: Logger, signal: AbortSignal): Promise<T> {
  let retries = 0;
  const patient = withRetry(() => call(), {
    maxAttempts: Infinity,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    maxRetryAfterSeconds: Infinity,
    signal,
    onRetry: ({ attempt, delayMs, error }) => {
      retries = attempt;
      // One line per failed try would flood the log during a long outage: the first, then every tenth.
      if (attempt === 1 || attempt % 10 === 0)
        logger.warn({ call: what, attempt, delayMs, error: oneLine(error) }, 'cannot reach the Bot API; retrying');
    },
  });
  try {
    const result = (await patient(what, {})) as T;
    if (retries > 0) logger.info({ call: what, attempts: retries + 1 }, 'the Bot API answers again');
    return result;
  } catch (error) {
    if (error instanceof TelegramError && error.code === 401) throw new TokenRejectedError();
    throw error;
  }
}

/**
 * The path the webhook server listens on: the URL's own path, or (for a bare domain) a path
 * derived from the token that nobody can guess, as telegraf does.
 */
function webhookPath(webhookUrl: string, token: string): string {
  const url = new URL(webhookUrl);
  if (url.pathname !== '/') return url.pathname;
  return `/telegraf/${createHash('sha3-256').update(token).update(process.version).digest('hex')}`;
}

/** The public URL Telegram posts to. */
function webhookPublicUrl(webhookUrl: string, path: string): string {
  const url = new URL(webhookUrl);
  return `https://${url.host}${path}`;
}

/** How a started bot receives updates. */
export interface Serving {
  mode: 'polling' | 'webhook';
  /** Settles when serving ends: resolves once `signal` aborts, rejects on a fatal polling error. */
  loop: Promise<void>;
  /** The webhook server (webhook mode only). */
  server?: WebhookServer;
}

/** Starts receiving updates for `telegram`'s bot: a webhook when `WEBHOOK_URL` is set, long polling otherwise. */
export async function serveUpdates(options: {
  config: Pick<Config, 'webhookUrl' | 'webhookSecret' | 'port'>;
  token: string;
  telegram: Telegram;
  username: string;
  dispatcher: Dispatcher;
  logger: Logger;
  signal: AbortSignal;
  /** First retry delay after a failed getUpdates. */
  pollRetryMs?: number;
}): Promise<Serving> {
  const { config, telegram, username, dispatcher, logger, signal } = options;
  if (!config.webhookUrl) {
    // A webhook left from an earlier run would make getUpdates answer 409.
    await untilAnswered('deleteWebhook', () => telegram.deleteWebhook(), logger, signal);
    const loop = pollUpdates({ telegram, dispatcher, logger, signal, baseDelayMs: options.pollRetryMs }).catch((error: unknown) => {
      if (error instanceof TelegramError && error.code === 401) throw new TokenRejectedError();
      if (error instanceof TelegramError && error.code === 409) throw new PollingConflictError();
      throw error;
    });
    logger.info({ username }, 'bot started with long polling');
    return { mode: 'polling', loop };
  }
  const secretToken = config.webhookSecret ?? randomBytes(32).toString('base64url');
  const path = webhookPath(config.webhookUrl, options.token);
  // Listen first: Telegram may post as soon as setWebhook answered.
  const server = await startWebhookServer({ port: config.port, path, secretToken, dispatcher, logger });
  try {
    const url = webhookPublicUrl(config.webhookUrl, path);
    await untilAnswered('setWebhook', () => telegram.setWebhook(url, { secret_token: secretToken }), logger, signal);
  } catch (error) {
    await server.close();
    throw error;
  }
  const loop = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  logger.info(
    { username, port: config.port, path: new URL(config.webhookUrl).pathname === '/' ? '(secret default)' : path },
    'bot started with a webhook',
  );
  return { mode: 'webhook', loop, server };
}
