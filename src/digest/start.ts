/**
 * Everything the digest adds to a running bot: the subscription commands, the one-tap subscribe
 * buttons, the sender and the schedule. The composition root (../app/start.ts) opens the bot
 * database and the live index, hands them here, mounts `commands` in the bot, and calls `start()`
 * once the Bot API has accepted the token (nothing is sent before) and `stop()` at shutdown.
 * The digest only reads the index: picking up new pages is the ingest stage's work (../ingest/).
 */
import type { Composer, Context } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Config } from '../config.ts';
import type { ArticleIndex } from '../search/engine.ts';
import type { Logger } from '../log.ts';
import type { CallApi } from '../telegram/api-retry.ts';
import type { Lang } from '../telegram/i18n.ts';
import type { RegionLookup } from '../regions/region-lookup.ts';
import { digestCommands } from './commands.ts';
import { subscribeButtons, type SubscribeTarget } from './subscription-input.ts';
import { databaseFileGuard, databasePath, openDatabase } from './db.ts';
import { startDigestSchedule, type DigestSchedule } from './schedule.ts';
import { createDigestSender, type SendMessage } from './sender.ts';
import { SqliteDigestStore } from './sqlite-store.ts';
import type { DigestStore } from './store.ts';

/** The digest of a bot: ready to mount after {@link openDigest}, running after `start()`. */
export interface Digest {
  /** The subscription commands and buttons; mount before the bot's own callback handler. */
  commands: Composer<Context>;
  /** The one-tap "订阅此地区/订阅此关键词" button for a result list or an article. */
  subscribeButton: (target: SubscribeTarget, lang: Lang) => InlineKeyboardButton | undefined;
  store: DigestStore;
  /** The schedule, once started. */
  readonly schedule: DigestSchedule | undefined;
  /** Starts the schedule (with its catch-up run). Call once. */
  start(): void;
  /**
   * Stops the schedule (a run in progress stops between messages; what it did not
   * send stays in flight and is finished by the next start), then closes the database.
   */
  stop(): Promise<void>;
}

/** Opens `DATA_DIR/bot.db`. Throws DatabaseOpenError, leaving the file untouched, when it is unusable. */
export function openDigestStore(config: Pick<Config, 'dataDir' | 'maxSubscriptionsPerChat'>): SqliteDigestStore {
  const path = databasePath(config.dataDir);
  const db = openDatabase(path);
  return new SqliteDigestStore(db, { maxSubscriptionsPerChat: config.maxSubscriptionsPerChat, beforeWrite: databaseFileGuard(path) });
}

/**
 * The bot's state: in the PostgreSQL database at `databaseUrl` when one is given (shared by every
 * instance; its own pool, ended by the store's close), else `DATA_DIR/bot.db` as {@link openDigestStore}.
 */
export async function openBotState(
  config: Pick<Config, 'dataDir' | 'maxSubscriptionsPerChat'>,
  databaseUrl?: string,
): Promise<DigestStore> {
  if (databaseUrl === undefined || databaseUrl === '') return openDigestStore(config);
  // Loaded only when asked for: the embedded default never loads the PostgreSQL driver.
  const { PostgresDigestStore } = await import('./postgres/store.ts');
  return PostgresDigestStore.connect(databaseUrl, { maxSubscriptionsPerChat: config.maxSubscriptionsPerChat });
}

/**
 * Prepares the digest over an open store and the live index and builds the commands. `callApi` is
 * the digest's own Bot API client, deliberately not the bot's (which the bot wraps in its per-chat
 * outbox); the sender adds the retry policy once, behind its pacer.
 */
export function openDigest(options: {
  config: Config;
  logger: Logger;
  store: DigestStore;
  index: ArticleIndex;
  regions: RegionLookup;
  callApi: CallApi;
}): Digest {
  const { config, logger, store, index, regions } = options;
  let schedule: DigestSchedule | undefined;
  let stopped = false;
  let fileWatch: NodeJS.Timeout | undefined;
  // Aborting it cuts short the sender's retry waits at shutdown.
  const abort = new AbortController();

  const commands = digestCommands({
    store,
    index,
    regions,
    defaultTime: config.digestTime,
    timeZone: config.digestTz,
    logger,
    onChange: () => void schedule?.sync(),
  });

  return {
    commands,
    subscribeButton: subscribeButtons(regions),
    store,
    get schedule() {
      return schedule;
    },
    start() {
      if (schedule !== undefined || stopped) return;
      fileWatch = watchDatabaseFile(store, logger);
      const send = configuredSender({ config, store, logger, callApi: options.callApi, signal: abort.signal });
      const sources = { index, expandRegion: (name: string) => regions.withDescendants(name) };
      schedule = startDigestSchedule({ store, sources, send, timeZone: config.digestTz, logger });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      abort.abort();
      clearInterval(fileWatch);
      await schedule?.stop();
      await store.close();
    },
  };
}

/** The digest sender paced by the configured limits (SEND_PER_SECOND …), for the bot and for `xiangwen digest`. */
export function configuredSender(options: {
  config: Config;
  store: DigestStore;
  logger: Logger;
  callApi: CallApi;
  signal?: AbortSignal;
}): SendMessage {
  const { config } = options;
  return createDigestSender({
    callApi: options.callApi,
    store: options.store,
    logger: options.logger,
    limits: {
      perSecond: config.sendPerSecond,
      perChatPerMinute: config.sendPerChatPerMinute,
      perGroupPerMinute: config.sendPerGroupPerMinute,
    },
    ...(options.signal ? { retry: { signal: options.signal } } : {}),
  });
}

/** Says loudly, as soon as it happens, that the database file is gone or read-only (not only at the next write, which may be hours away). */
function watchDatabaseFile(store: DigestStore, logger: Logger): NodeJS.Timeout | undefined {
  // Only a file can be deleted under the bot; a server database reports its own failures.
  const fileCheck = store instanceof SqliteDigestStore ? store.checkFile : undefined;
  if (fileCheck === undefined) return undefined;
  let reported = false;
  const timer = setInterval(() => {
    try {
      fileCheck();
      reported = false;
    } catch (error) {
      if (!reported) logger.error({ error: (error as Error).message }, 'the bot database is gone or read-only; nothing more can be saved');
      reported = true;
    }
  }, 30_000);
  timer.unref();
  return timer;
}
