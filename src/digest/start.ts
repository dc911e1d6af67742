/**
 * Everything the digest adds to a running bot: the bot database, the sender, the schedule, the page
 * watcher, the command Composer and the one-tap subscribe buttons. ../bot/start.ts uses it in three
 * steps, so that a bad database stops start-up at once and nothing is sent before the Bot API has
 * accepted the token:
 *
 * ```ts
 * const store = openDigestStore(config);                  // throws DatabaseOpenError
 * const index = new SwappableIndex(await openIndex({ pagesDir, dataDir, logger }));
 * const digest = openDigest({ config, logger, store, index, regions });
 * createBot({ …, extensions: [digest.commands], subscribeButton: digest.subscribeButton });
 * // … once getMe answered:
 * digest.start();
 * // … on SIGINT/SIGTERM:
 * await digest.stop();
 * ```
 */
import { Telegram } from 'telegraf';
import type { Composer, Context } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { CallApi } from '../bot/api-retry.ts';
import type { Lang } from '../bot/i18n.ts';
import type { RegionLookup } from '../bot/region-lookup.ts';
import { digestCommands, subscribeButtons, type SubscribeTarget } from './commands.ts';
import { databaseFileGuard, databasePath, openDatabase } from './db.ts';
import { createRefresher, watchPages, type PageWatcher, type SwappableIndex } from './refresh.ts';
import { startDigestSchedule, type DigestSchedule } from './schedule.ts';
import { createDigestSender } from './sender.ts';
import { DigestStore } from './store.ts';

/** The digest of a bot: ready to mount after {@link openDigest}, running after `start()`. */
export interface Digest {
  /** The subscription commands and buttons; mount before the bot's own callback handler. */
  commands: Composer<Context>;
  /** The one-tap "订阅此地区/订阅此关键词" button for a result list or an article. */
  subscribeButton: (target: SubscribeTarget, lang: Lang) => InlineKeyboardButton | undefined;
  store: DigestStore;
  /** The schedule, once started. */
  readonly schedule: DigestSchedule | undefined;
  /** The page watcher, once started (absent when watching is off). */
  readonly watcher: PageWatcher | undefined;
  /**
   * Rebuilds the index in a child process and swaps it in, whatever the pages' fingerprint says
   * (the live index is damaged). Rejects when the rebuild failed.
   */
  rebuildIndex(reason: string): Promise<void>;
  /** Checks the pages folder now and brings the index up to date if a page changed (an upload). */
  refreshPages(reason: string): Promise<void>;
  /** Starts the schedule (with its catch-up run) and the page watcher. Call once. */
  start(): void;
  /**
   * Stops the watcher and the schedule (a run in progress stops between messages; what it did not
   * send stays in flight and is finished by the next start), then closes the database.
   */
  stop(): Promise<void>;
}

/** Opens `DATA_DIR/bot.db`. Throws DatabaseOpenError, leaving the file untouched, when it is unusable. */
export function openDigestStore(config: Pick<Config, 'dataDir' | 'maxSubscriptionsPerChat'>): DigestStore {
  const path = databasePath(config.dataDir);
  const db = openDatabase(path);
  return new DigestStore(db, { maxSubscriptionsPerChat: config.maxSubscriptionsPerChat, beforeWrite: databaseFileGuard(path) });
}

/**
 * Prepares the digest over an open store and the live index and builds the commands. `callApi` defaults to a separate telegraf client for BOT_TOKEN and
 * TELEGRAM_API_ROOT, deliberately not the bot's own (which the bot wraps in the retry policy
 * already; the sender adds the same policy once, behind its pacer).
 */
export function openDigest(options: {
  config: Config;
  logger: Logger;
  store: DigestStore;
  index: SwappableIndex;
  regions: RegionLookup;
  callApi?: CallApi;
  /** Watch PAGES_DIR and swap in rebuilt indexes (default true). */
  watch?: boolean;
  /** Called after a rebuilt index went live. */
  onRefreshed?: (info: { articles: number; newArticles: number }) => void;
}): Digest {
  const { config, logger, store, index, regions } = options;
  let schedule: DigestSchedule | undefined;
  let watcher: PageWatcher | undefined;
  let stopped = false;
  let fileWatch: NodeJS.Timeout | undefined;
  // Aborting it cuts short the sender's retry waits at shutdown.
  const abort = new AbortController();

  // Ready before start(): a damaged index can be found (and healed) by the first search.
  const refresher = createRefresher({ pagesDir: config.pagesDir, dataDir: config.dataDir, index, firstSeen: store.firstSeen, logger, onRefreshed: options.onRefreshed });

  const commands = digestCommands({
    store,
    index,
    regions,
    defaultTime: config.digestTime,
    timeZone: config.digestTz,
    logger,
    onChange: () => schedule?.sync(),
  });

  return {
    commands,
    subscribeButton: subscribeButtons(regions),
    store,
    get schedule() {
      return schedule;
    },
    get watcher() {
      return watcher;
    },
    rebuildIndex: (reason) => refresher.refresh(reason, true),
    refreshPages: (reason) => refresher.refresh(reason).catch(() => {}),
    start() {
      if (schedule !== undefined || stopped) return;
      // Said loudly as soon as it happens, not only at the next write (which may be hours away).
      const fileCheck = store.checkFile;
      if (fileCheck !== undefined) {
        let reported = false;
        fileWatch = setInterval(() => {
          try {
            fileCheck();
            reported = false;
          } catch (error) {
            if (!reported) logger.error({ error: (error as Error).message }, 'the bot database is gone or read-only; nothing more can be saved');
            reported = true;
          }
        }, 30_000);
        fileWatch.unref();
      }
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
        retry: { signal: abort.signal },
      });
      const sources = { index, expandRegion: (name: string) => regions.withDescendants(name) };
      schedule = startDigestSchedule({ store, sources, send, timeZone: config.digestTz, logger });
      if (options.watch !== false) {
        watcher = watchPages({
          pagesDir: config.pagesDir,
          dataDir: config.dataDir,
          index,
          firstSeen: store.firstSeen,
          logger,
          rescanMinutes: config.pagesRescanMinutes,
          onRefreshed: options.onRefreshed,
          refresher,
        });
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      abort.abort();
      clearInterval(fileWatch);
      refresher.stop();
      watcher?.stop();
      await schedule?.stop();
      store.close();
    },
  };
}
