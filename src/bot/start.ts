/**
 * Starting and stopping the real bot — what `npm start` runs, and what the end-to-end tests and the
 * latency benchmark run in-process. Opens the bot database (an unusable one is a
 * DatabaseOpenError, and the file is left alone) and the index (rebuilding it when needed),
 * mounts the daily digest (../digest/start.ts: subscription commands, one-tap subscribe buttons),
 * connects to the Bot API (a rejected token is a {@link TokenRejectedError}; network errors are
 * retried with backoff until it answers or the bot is stopped), registers the command menu in the
 * background, starts the digest schedule and the page watcher (new page files are indexed in a
 * child process and swapped in while the bot answers), then long-polls or, with `WEBHOOK_URL`,
 * serves a webhook whose secret token telegraf checks on every request. Stopping stops all of it
 * and closes the database.
 */
import { randomBytes } from 'node:crypto';
import { TelegramError, type Context, type Middleware, type Telegraf } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ArticleIndex } from '../search/engine.ts';
import { openIndex } from '../search/open.ts';
import { openDigest, openDigestStore, type Digest } from '../digest/start.ts';
import { SwappableIndex } from '../digest/refresh.ts';
import { isNetworkError } from './api-retry.ts';
import { createBot, registerCommands } from './app.ts';
import { gazetteerLookup, type RegionLookup } from './region-lookup.ts';

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
  /** Settles when the bot stops: resolves on {@link RunningBot.stop}, rejects on a fatal error. */
  stopped: Promise<void>;
  /** Stops polling or the webhook server, pending retries, the digest (closing its database) and (if it opened it) the index. */
  stop(reason?: string): Promise<void>;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** getMe until it answers: 401 throws, network trouble and 5xx wait and try again (up to a minute apart). */
async function connect(bot: Telegraf<Context>, logger: Logger, signal: AbortSignal): Promise<UserFromGetMe> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await bot.telegram.getMe();
    } catch (error) {
      if (error instanceof TelegramError && error.code === 401) throw new TokenRejectedError();
      const transient = isNetworkError(error) || (error instanceof TelegramError && (error.code >= 500 || error.code === 429));
      if (!transient || signal.aborted) throw error;
      const delayMs = Math.min(60_000, 1000 * 2 ** Math.min(attempt, 6));
      logger.warn({ err: error, attempt, delayMs }, 'cannot reach the Bot API; retrying');
      await wait(delayMs, signal);
      if (signal.aborted) throw error;
    }
  }
}

/** The path and domain of a webhook URL; the root path gets telegraf's secret default path. */
function webhookTarget(webhookUrl: string): { domain: string; path?: string } {
  const url = new URL(webhookUrl);
  return { domain: url.host, path: url.pathname === '/' ? undefined : url.pathname };
}

/**
 * Starts the bot described by `config` (which must hold a token). Resolves once the bot is
 * receiving updates.
 */
export async function startBot(config: Config, options: StartOptions): Promise<RunningBot> {
  const { logger } = options;
  if (!config.botToken) throw new Error('startBot needs BOT_TOKEN (console mode runs without one)');
  const ownIndex = options.index === undefined;
  const regions = options.regions ?? gazetteerLookup();
  // The database first: a corrupt one stops start-up before the (possibly long) index build.
  const store = openDigestStore(config);
  let index: SwappableIndex;
  try {
    index = new SwappableIndex(options.index ?? (await openIndex({ pagesDir: config.pagesDir, dataDir: config.dataDir, logger })));
  } catch (error) {
    store.close();
    throw error;
  }
  const digest = openDigest({ config, logger, store, index, regions, watch: ownIndex });
  const abort = new AbortController();
  if (options.signal?.aborted) abort.abort();
  options.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  const bot = createBot({
    token: config.botToken,
    apiRoot: config.telegramApiRoot,
    index,
    logger,
    userQueriesPerMinute: config.userQueriesPerMinute,
    regions,
    retry: { signal: abort.signal },
    extensions: [digest.commands, ...(options.extensions ?? [])],
    subscribeButton: digest.subscribeButton,
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
  const releaseAll = async () => {
    await digest.stop();
    if (ownIndex) index.close();
  };

  let running = false;
  const shutdown = async () => {
    abort.abort();
    if (running) {
      running = false;
      try {
        bot.stop('stop');
      } catch {
        // already stopped (e.g. polling ended with an error)
      }
    }
  };
  try {
    bot.botInfo = await connect(bot, logger, abort.signal);
  } catch (error) {
    await releaseAll();
    throw error;
  }
  const username = bot.botInfo.username;
  void registerCommands(bot.telegram, logger);
  // Only now: digests must not go out (and be given up) while the token is still unproven.
  digest.start();

  let stopped: Promise<void>;
  let mode: RunningBot['mode'];
  try {
    if (config.webhookUrl) {
      mode = 'webhook';
      const secretToken = config.webhookSecret ?? randomBytes(32).toString('base64url');
      const target = webhookTarget(config.webhookUrl);
      await bot.launch({ webhook: { ...target, port: config.port, secretToken } });
      running = true;
      let release = () => {};
      stopped = new Promise<void>((resolve) => (release = resolve));
      abort.signal.addEventListener('abort', () => release(), { once: true });
      logger.info({ username, port: config.port, path: target.path ?? '(secret default)' }, 'bot started with a webhook');
    } else {
      mode = 'polling';
      let launched = () => {};
      const started = new Promise<void>((resolve) => (launched = resolve));
      stopped = bot.launch(() => launched()).catch((error: unknown) => {
        running = false;
        if (error instanceof TelegramError && error.code === 401) throw new TokenRejectedError();
        if (error instanceof TelegramError && error.code === 409) throw new PollingConflictError();
        throw error;
      });
      running = true;
      await Promise.race([started, stopped]);
      logger.info({ username }, 'bot started with long polling');
    }
  } catch (error) {
    // The webhook port was taken, or polling failed at once (409): nothing may stay open.
    await shutdown();
    await releaseAll();
    throw error;
  }
  stopped = stopped.finally(async () => {
    abort.abort();
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
    async stop(reason = 'stop') {
      logger.info({ reason }, 'stopping the bot');
      await shutdown();
      await stopped.catch(() => {});
    },
  };
}
