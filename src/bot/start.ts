/**
 * Starting and stopping the real bot — what `npm start` runs, and what the end-to-end tests and the
 * latency benchmark run in-process. Opens the bot database (an unusable one is a
 * DatabaseOpenError, and the file is left alone) and the index (rebuilding it when needed, and
 * healing it later when it turns out damaged), mounts the daily digest (../digest/start.ts:
 * subscription commands, one-tap subscribe buttons), connects to the Bot API (a rejected token is a
 * {@link TokenRejectedError}; network errors and 5xx at getMe, deleteWebhook and setWebhook are
 * retried with backoff until it answers or the bot is stopped), registers the command menu in the
 * background, starts the digest schedule and the page watcher (new page files are indexed in a
 * child process and swapped in while the bot answers), then long-polls (./polling.ts) or, with
 * `WEBHOOK_URL`, serves a webhook (./webhook.ts; a port in use is a PortInUseError). Either way
 * updates go to the per-chat dispatcher (./runner.ts). Stopping stops all of it, lets running
 * handlers finish, and closes the database.
 */
import { createHash, randomBytes } from 'node:crypto';
import { TelegramError, type Context, type Middleware, type Telegraf } from 'telegraf';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ArticleIndex } from '../search/engine.ts';
import { indexDirOf, openIndex } from '../search/open.ts';
import { SnapshotIndex } from '../search/article-index.ts';
import { checkIndexFile } from '../digest/index-check.ts';
import { openDigest, openDigestStore, type Digest } from '../digest/start.ts';
import { SwappableIndex } from '../digest/refresh.ts';
import { isNetworkError } from './api-retry.ts';
import { createBot, registerCommands } from './app.ts';
import { pickExamples } from './examples.ts';
import { oneLine } from './guard.ts';
import { pollUpdates } from './polling.ts';
import { Dispatcher } from './runner.ts';
import { startWebhookServer, type WebhookServer } from './webhook.ts';
import { gazetteerLookup, type RegionLookup } from './region-lookup.ts';
import { sleep } from './sleep.ts';

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

export interface StartOptions {
  logger: Logger;
  /**
   * An index already open (the bot then neither closes it nor watches PAGES_DIR for it); opened
   * from the config otherwise, and swapped for a rebuilt one when page files change.
   */
  index?: ArticleIndex;
  regions?: RegionLookup;
  /** More handlers for the bot, mounted after the digest's. */
  extensions?: Middleware<Context>[];
  /** Told when a group became a supergroup, after its subscriptions moved. */
  onChatMigrated?: (fromChatId: number, toChatId: number) => void;
  /** Aborting it gives up starting (e.g. SIGINT while the Bot API is unreachable): startBot rejects. */
  signal?: AbortSignal;
  /** A reply not delivered within this many ms is dropped (default 60 000; tests shorten it). */
  replyDeadlineMs?: number;
  /** First retry delay after a failed getUpdates (default 1 000 ms; tests shorten it). */
  pollRetryMs?: number;
}

/** A started bot. */
export interface RunningBot {
  bot: Telegraf<Context>;
  /** The live index (a rebuilt one takes its place when page files change). */
  index: ArticleIndex;
  /** The daily digest: its store, schedule and page watcher. */
  digest: Digest;
  /** The bot's username from getMe. */
  username: string;
  mode: 'polling' | 'webhook';
  /** The per-chat update queues. */
  dispatcher: Dispatcher;
  /** The webhook server (webhook mode only). */
  webhook?: WebhookServer;
  /** Settles when the bot stops: resolves on {@link RunningBot.stop}, rejects on a fatal error. */
  stopped: Promise<void>;
  /** Stops polling or the webhook server, pending retries, the digest (closing its database) and (if it opened it) the index. */
  stop(reason?: string): Promise<void>;
}

/**
 * A start-up call to the Bot API, repeated until it answers: 401 throws TokenRejectedError, network
 * trouble, 5xx and 429 wait (backoff up to a minute, or `retry_after`) and try again, each outage
 * logged once; anything else throws.
 */
async function untilAnswered<T>(what: string, call: () => Promise<T>, logger: Logger, signal: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await call();
      if (attempt > 1) logger.info({ call: what, attempts: attempt }, 'the Bot API answers again');
      return result;
    } catch (error) {
      if (error instanceof TelegramError && error.code === 401) throw new TokenRejectedError();
      const transient = isNetworkError(error) || (error instanceof TelegramError && (error.code >= 500 || error.code === 429));
      if (!transient || signal.aborted) throw error;
      const retryAfter = error instanceof TelegramError ? error.parameters?.retry_after : undefined;
      const delayMs = retryAfter !== undefined ? retryAfter * 1000 : Math.min(60_000, 1000 * 2 ** Math.min(attempt - 1, 6));
      // One line per failed try would flood the log during a long outage: the first, then every tenth.
      if (attempt === 1 || attempt % 10 === 0) logger.warn({ call: what, attempt, delayMs, error: oneLine(error) }, 'cannot reach the Bot API; retrying');
      await sleep(delayMs, signal);
      if (signal.aborted) throw error;
    }
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

/**
 * Starts the bot described by `config` (which must hold a token). Resolves once the bot is
 * receiving updates.
 */
export async function startBot(config: Config, options: StartOptions): Promise<RunningBot> {
  const { logger } = options;
  if (!config.botToken) throw new Error('startBot needs BOT_TOKEN (console mode runs without one)');
  const token = config.botToken;
  const ownIndex = options.index === undefined;
  const regions = options.regions ?? gazetteerLookup();
  // The database first: a corrupt one stops start-up before the (possibly long) index build.
  const store = openDigestStore(config);
  let index: SwappableIndex;
  try {
    // Opening the index records its articles' first-seen times in the bot database.
    if (options.index instanceof SnapshotIndex) options.index.recordIn(store.firstSeen, Date.now());
    index = new SwappableIndex(options.index ?? (await openIndex({ pagesDir: config.pagesDir, dataDir: config.dataDir, logger }, { firstSeen: store.firstSeen })));
  } catch (error) {
    store.close();
    throw error;
  }
  const digest = openDigest({ config, logger, store, index, regions, watch: ownIndex });
  if (ownIndex) index.healWith((reason) => digest.rebuildIndex(reason));
  const abort = new AbortController();
  if (options.signal?.aborted) abort.abort();
  options.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  const examples = await pickExamples(index, regions);
  const bot = createBot({
    token,
    apiRoot: config.telegramApiRoot,
    index,
    examples,
    logger,
    userQueriesPerMinute: config.userQueriesPerMinute,
    regions,
    retry: { signal: abort.signal },
    replyDeadlineMs: options.replyDeadlineMs,
    extensions: [digest.commands, ...(options.extensions ?? [])],
    subscribeButton: digest.subscribeButton,
    timeZone: config.digestTz,
    uploads: config.adminChatIds.length > 0
      ? { adminChatIds: config.adminChatIds, pagesDir: config.pagesDir, maxBytes: config.uploadMaxBytes, onPageSaved: () => void digest.refreshPages('a page was uploaded') }
      : undefined,
    queryKeys: {
      save: (key, text) => digest.store.saveQueryKey(key, text, Date.now()),
      textFor: (key) => digest.store.queryForKey(key),
      keyFor: (text) => digest.store.keyForQuery(text),
    },
    onChatMigrated: (from, to) => {
      digest.store.migrateChat(from, to, Date.now());
      options.onChatMigrated?.(from, to);
    },
  });
  const dispatcher = new Dispatcher({ handle: (update) => bot.handleUpdate(update), logger });
  let released = false;
  const releaseAll = async () => {
    if (released) return;
    released = true;
    await digest.stop();
    if (ownIndex) await index.close();
  };

  try {
    bot.botInfo = await untilAnswered('getMe', () => bot.telegram.getMe(), logger, abort.signal);
  } catch (error) {
    await releaseAll();
    throw error;
  }
  const username = bot.botInfo.username;
  void registerCommands(bot.telegram, logger);
  if (ownIndex) {
    // Damage the start-up probe did not read is found here, off the main thread, and healed.
    void checkIndexFile(indexDirOf(config.dataDir)).then((problem) => {
      if (problem !== undefined && !abort.signal.aborted) index.markBroken(problem);
    });
  }
  // Only now: digests must not go out (and be given up) while the token is still unproven.
  digest.start();

  let loop: Promise<void>;
  let server: WebhookServer | undefined;
  let mode: RunningBot['mode'];
  try {
    if (config.webhookUrl) {
      mode = 'webhook';
      const secretToken = config.webhookSecret ?? randomBytes(32).toString('base64url');
      const path = webhookPath(config.webhookUrl, token);
      // Listen first: Telegram may post as soon as setWebhook answered.
      server = await startWebhookServer({ port: config.port, path, secretToken, dispatcher, logger });
      const url = webhookPublicUrl(config.webhookUrl, path);
      await untilAnswered('setWebhook', () => bot.telegram.setWebhook(url, { secret_token: secretToken }), logger, abort.signal);
      loop = new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve(), { once: true }));
      logger.info({ username, port: config.port, path: new URL(config.webhookUrl).pathname === '/' ? '(secret default)' : path }, 'bot started with a webhook');
    } else {
      mode = 'polling';
      // A webhook left from an earlier run would make getUpdates answer 409.
      await untilAnswered('deleteWebhook', () => bot.telegram.deleteWebhook(), logger, abort.signal);
      loop = pollUpdates({ telegram: bot.telegram, dispatcher, logger, signal: abort.signal, baseDelayMs: options.pollRetryMs }).catch((error: unknown) => {
        if (error instanceof TelegramError && error.code === 401) throw new TokenRejectedError();
        if (error instanceof TelegramError && error.code === 409) throw new PollingConflictError();
        throw error;
      });
      logger.info({ username }, 'bot started with long polling');
    }
  } catch (error) {
    // The webhook port was taken, or start-up was given up (SIGINT): nothing may stay open.
    abort.abort();
    await server?.close();
    await releaseAll();
    throw error;
  }
  const stopped = loop.finally(async () => {
    abort.abort();
    await server?.close();
    // Handlers still running finish (their waits for Telegram were cut short by the abort).
    await dispatcher.idle();
    await releaseAll();
  });
  // A fatal polling error is reported through `stopped`; keep it from counting as unhandled here.
  stopped.catch(() => {});

  return {
    bot,
    index,
    digest,
    username,
    mode,
    stopped,
    dispatcher,
    webhook: server,
    async stop(reason = 'stop') {
      logger.info({ reason }, 'stopping the bot');
      abort.abort();
      await stopped.catch(() => {});
    },
  };
}
