/**
 * Starting and stopping the real bot — what `npm start` runs, and what the end-to-end tests and the
 * latency benchmark run in-process. The composition root's second half: over the services of
 * ./services.ts (bot database, live index, ingest) it mounts the daily digest in the bot, connects
 * to the Bot API (a rejected token is a TokenRejectedError; network errors and 5xx at getMe,
 * deleteWebhook and setWebhook are retried until it answers or the bot is stopped), registers the
 * command menu in the background, starts the digest schedule and the page watcher, then serves
 * updates (../bot/connect.ts). Stopping stops all of it, lets running handlers finish, and closes
 * the database. The only module that knows both the bot and the digest.
 */
import type { Context, Middleware, Telegraf } from 'telegraf';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ArticleIndex } from '../search/engine.ts';
import { createBot, registerCommands } from '../bot/app.ts';
import { serveUpdates, untilAnswered } from '../bot/connect.ts';
import type { RegionLookup } from '../regions/region-lookup.ts';
import { Dispatcher } from '../bot/runner.ts';
import type { WebhookServer } from '../bot/webhook.ts';
import { openDigest, type Digest } from '../digest/start.ts';
import { telegramCallApi } from '../telegram/client.ts';
import { openServices, type Services } from './services.ts';

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
  /** The daily digest: its store and schedule. */
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
 * Starts the bot described by `config` (which must hold a token). Resolves once the bot is
 * receiving updates.
 */
export async function startBot(config: Config, options: StartOptions): Promise<RunningBot> {
  const { logger } = options;
  if (!config.botToken) throw new Error('startBot needs BOT_TOKEN (console mode runs without one)');
  const token = config.botToken;
  const services = await openServices(config, { logger, index: options.index, regions: options.regions });
  const { store, index, regions } = services;
  const digest = openDigest({ config, logger, store, index, regions, callApi: telegramCallApi(config) });
  const abort = new AbortController();
  if (options.signal?.aborted) abort.abort();
  options.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  const bot = createAppBot(services, digest, options, abort.signal);
  const dispatcher = new Dispatcher({ handle: (update) => bot.handleUpdate(update), logger });
  let released = false;
  const releaseAll = async () => {
    if (released) return;
    released = true;
    await services.close();
    await digest.stop();
  };

  try {
    bot.botInfo = await untilAnswered('getMe', () => bot.telegram.getMe(), logger, abort.signal);
  } catch (error) {
    await releaseAll();
    throw error;
  }
  const username = bot.botInfo.username;
  void registerCommands(bot.telegram, logger);
  services.startIngest(abort.signal);
  // Only now: digests must not go out (and be given up) while the token is still unproven.
  digest.start();

  if (config.databaseUrl && config.webhookUrl && !config.webhookSecret)
    // Each instance would make up its own secret and the last setWebhook would lock the others out.
    logger.warn('several instances behind one webhook need the same WEBHOOK_SECRET; without it each makes up its own');
  let serving: Awaited<ReturnType<typeof serveUpdates>>;
  try {
    serving = await serveUpdates({
      config,
      token,
      telegram: bot.telegram,
      username,
      dispatcher,
      logger,
      signal: abort.signal,
      pollRetryMs: options.pollRetryMs,
    });
  } catch (error) {
    // The webhook port was taken, or start-up was given up (SIGINT): nothing may stay open.
    abort.abort();
    await releaseAll();
    throw error;
  }
  const stopped = serving.loop.finally(async () => {
    abort.abort();
    await serving.server?.close();
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
    mode: serving.mode,
    stopped,
    dispatcher,
    webhook: serving.server,
    async stop(reason = 'stop') {
      logger.info({ reason }, 'stopping the bot');
      abort.abort();
      await stopped.catch(() => {});
    },
  };
}

/** The bot of the app: its handlers over the services, with the digest's commands and buttons mounted. */
function createAppBot(services: Services, digest: Digest, options: StartOptions, signal: AbortSignal): Telegraf<Context> {
  const { config, logger, store, index, regions } = services;
  return createBot({
    token: config.botToken!,
    apiRoot: config.telegramApiRoot,
    index,
    // Picked once the index is warm (see createBot): a start answers before.
    logger,
    userQueriesPerMinute: config.userQueriesPerMinute,
    regions,
    retry: { signal },
    replyDeadlineMs: options.replyDeadlineMs,
    extensions: [digest.commands, ...(options.extensions ?? [])],
    subscribeButton: digest.subscribeButton,
    timeZone: config.digestTz,
    uploads:
      config.adminChatIds.length > 0
        ? {
            adminChatIds: config.adminChatIds,
            pagesDir: config.pagesDir,
            maxBytes: config.uploadMaxBytes,
            onPageSaved: () => void services.refresher.refresh('a page was uploaded').catch(() => {}),
          }
        : undefined,
    queryKeys: store.queryKeys,
    onChatMigrated: async (from, to) => {
      await store.migrateChat(from, to, Date.now());
      options.onChatMigrated?.(from, to);
    },
  });
}
