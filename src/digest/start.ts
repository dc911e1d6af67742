/**
 * Everything the digest adds to a running bot, started in one call from src/main.ts: the bot
 * database, the sender, the schedule, the page watcher and the command Composer.
 *
 * ```ts
 * const index = new SwappableIndex(await openIndex({ pagesDir, dataDir, logger }));
 * const digest = startDigest({ config, logger, index, regions: gazetteerLookup() });
 * bot.use(digest.commands);           // before the bot's own callback_query handler
 * // … on SIGINT/SIGTERM:
 * await digest.stop();
 * ```
 */
import { Telegram } from 'telegraf';
import type { Composer, Context } from 'telegraf';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { CallApi } from '../bot/api-retry.ts';
import type { RegionLookup } from '../bot/region-lookup.ts';
import { digestCommands } from './commands.ts';
import { databasePath, openDatabase } from './db.ts';
import { recordIndex, watchPages, type PageWatcher, type SwappableIndex } from './refresh.ts';
import { startDigestSchedule, type DigestSchedule } from './schedule.ts';
import { createDigestSender } from './sender.ts';
import { DigestStore } from './store.ts';

/** The running digest. */
export interface RunningDigest {
  commands: Composer<Context>;
  store: DigestStore;
  schedule: DigestSchedule;
  watcher: PageWatcher;
  /** Stops the jobs and the watcher, waits for a run in progress, closes the database. */
  stop(): Promise<void>;
}

/**
 * Starts the digest. `callApi` defaults to a separate telegraf client for BOT_TOKEN and
 * TELEGRAM_API_ROOT, deliberately not the bot's own (which the bot wraps in the retry policy
 * already; the sender adds the same policy once, behind its pacer). Throws DatabaseOpenError when
 * `DATA_DIR/bot.db` is unusable.
 */
export function startDigest(options: {
  config: Config;
  logger: Logger;
  index: SwappableIndex;
  regions: RegionLookup;
  callApi?: CallApi;
  /** Watch PAGES_DIR (default true). */
  watch?: boolean;
}): RunningDigest {
  const { config, logger, index, regions } = options;
  const store = new DigestStore(openDatabase(databasePath(config.dataDir)), { maxSubscriptionsPerChat: config.maxSubscriptionsPerChat });
  recordIndex(store, index);
  let callApi = options.callApi;
  if (callApi === undefined) {
    if (config.botToken === undefined) throw new Error('BOT_TOKEN is not set: the digest sender needs a bot token');
    const telegram = new Telegram(config.botToken, config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {});
    callApi = telegram.callApi.bind(telegram) as unknown as CallApi;
  }
  const send = createDigestSender({
    callApi,
    store,
    logger,
    limits: { perSecond: config.sendPerSecond, perChatPerMinute: config.sendPerChatPerMinute, perGroupPerMinute: config.sendPerGroupPerMinute },
  });
  const sources = { index, expandRegion: (name: string) => regions.withDescendants(name) };
  const schedule = startDigestSchedule({ store, sources, send, timeZone: config.digestTz, logger });
  const watcher =
    options.watch === false
      ? { refresh: async () => {}, stop: () => {} }
      : watchPages({ pagesDir: config.pagesDir, dataDir: config.dataDir, index, store, logger, rescanMinutes: config.pagesRescanMinutes });
  const commands = digestCommands({
    store,
    index,
    regions,
    defaultTime: config.digestTime,
    timeZone: config.digestTz,
    logger,
    onChange: () => schedule.sync(),
  });
  return {
    commands,
    store,
    schedule,
    watcher,
    async stop() {
      watcher.stop();
      await schedule.stop();
      store.close();
    },
  };
}
