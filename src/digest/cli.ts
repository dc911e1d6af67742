/**
 * `xiangwen digest [--now] [--chat ID] [--json]`: sends digests from the command line, for
 * cron-driven deployments and tests. Without `--now` only digests whose time of day has come are
 * sent (run it every few minutes from cron); with `--now` every subscribed chat not yet served
 * today gets its digest at once. Prints the counts of chats served, failed and skipped; exits 1
 * when any failed.
 */
import { Telegram } from 'telegraf';
import { loadConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';
import { gazetteerLookup } from '../bot/region-lookup.ts';
import type { CallApi } from '../bot/api-retry.ts';
import { openIndex } from '../search/open.ts';
import { databasePath, openDatabase } from './db.ts';
import { runDueDigests, type RunCounts } from './run.ts';
import { createDigestSender } from './sender.ts';
import { DigestStore } from './store.ts';

/** The Bot API `callApi` of a plain telegraf client for the configured token and API root. */
export function telegramCallApi(config: Config): CallApi {
  if (config.botToken === undefined) throw new Error('BOT_TOKEN is not set: digests can only be sent with a bot token');
  const telegram = new Telegram(config.botToken, config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {});
  return telegram.callApi.bind(telegram) as unknown as CallApi;
}

/**
 * Opens the index and the bot database, records the index's articles as seen, and sends the
 * digests (all not yet served today when `ignoreTime`, else only those whose time has come;
 * `chatId` limits it to one chat). Closes everything before returning the counts.
 */
export async function digestNow(options: {
  config: Config;
  logger: Logger;
  chatId?: number;
  ignoreTime?: boolean;
  callApi?: CallApi;
}): Promise<RunCounts> {
  const { config, logger } = options;
  const callApi = options.callApi ?? telegramCallApi(config);
  const store = new DigestStore(openDatabase(databasePath(config.dataDir)), {
    maxSubscriptionsPerChat: config.maxSubscriptionsPerChat,
  });
  const index = await openIndex({
    pagesDir: config.pagesDir,
    dataDir: config.dataDir,
    logger: { info: (message) => logger.info(message), warn: (message) => logger.warn(message) },
  }, { firstSeen: store.firstSeen }).catch((error: unknown) => {
    store.close();
    throw error;
  });
  try {
    const send = createDigestSender({
      callApi,
      store,
      logger,
      limits: {
        perSecond: config.sendPerSecond,
        perChatPerMinute: config.sendPerChatPerMinute,
        perGroupPerMinute: config.sendPerGroupPerMinute,
      },
    });
    const lookup = gazetteerLookup();
    return await runDueDigests({
      sources: { index, expandRegion: (name) => lookup.withDescendants(name) },
      store,
      send,
      now: Date.now(),
      timeZone: config.digestTz,
      chatId: options.chatId,
      ignoreTime: options.ignoreTime ?? true,
      logger,
    });
  } finally {
    store.close();
    await index.close();
  }
}

/** The `digest` subcommand as src/cli.ts calls it; returns the exit code. */
export async function digestCommand(args: { now: boolean; chat?: string; json: boolean }): Promise<number> {
  const config = loadConfig();
  let chatId: number | undefined;
  if (args.chat !== undefined) {
    if (!/^-?\d+$/.test(args.chat)) {
      process.stderr.write(`--chat: expected a numeric chat id, got "${args.chat}"\n`);
      return 2;
    }
    chatId = Number(args.chat);
  }
  const logger = createLogger(config.logLevel);
  const counts = await digestNow({ config, logger, chatId, ignoreTime: args.now });
  process.stdout.write(
    args.json ? `${JSON.stringify(counts)}\n` : `served ${counts.served}  failed ${counts.failed}  skipped ${counts.skipped}\n`,
  );
  return counts.failed > 0 ? 1 : 0;
}
