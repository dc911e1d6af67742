/**
 * `xiangwen digest [--now] [--chat ID] [--json]`: sends digests from the command line, for
 * cron-driven deployments and tests. Without `--now` only digests whose time of day has come are
 * sent (run it every few minutes from cron); with `--now` every subscribed chat not yet served
 * today gets its digest at once. Prints the counts of chats served, failed and skipped; exits 1
 * when any failed. Built from the same services (./services.ts) and client as the running bot.
 */
import { loadConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';
import { runDueDigests, type RunCounts } from '../digest/run.ts';
import { configuredSender } from '../digest/start.ts';
import type { CallApi } from '../telegram/api-retry.ts';
import { telegramCallApi } from '../telegram/client.ts';
import { openServices } from './services.ts';

/**
 * Opens the index and the bot database (the index records its articles' first-seen times), and
 * sends the digests (all not yet served today when `ignoreTime`, else only those whose time has
 * come; `chatId` limits it to one chat). Closes everything before returning the counts.
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
  const services = await openServices(config, { logger });
  const { store, index, regions } = services;
  try {
    const send = configuredSender({ config, store, logger, callApi });
    return await runDueDigests({
      sources: { index, expandRegion: (name) => regions.withDescendants(name) },
      store,
      send,
      now: Date.now(),
      timeZone: config.digestTz,
      chatId: options.chatId,
      ignoreTime: options.ignoreTime ?? true,
      logger,
    });
  } finally {
    await services.close();
    await store.close();
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
