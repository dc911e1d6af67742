/**
 * `npm start`: the Telegram bot. Reads `.env` and the environment, opens the index, then
 * - with BOT_TOKEN: long-polls Telegram (or serves a webhook when WEBHOOK_URL is set);
 * - without it, on a terminal: console mode, the same bot answering lines typed there;
 * - without it and without a terminal: exits 1 saying what is missing.
 * SIGINT/SIGTERM stop polling, the digest schedule and the page watcher, and close the database and
 * the index; SIGHUP re-reads PAGES_DIR. Errors a user can fix (a rejected token, an unusable bot
 * database, no page files, a PostgreSQL server that cannot be reached) are one line, exit 1.
 */
import 'dotenv/config';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { runConsole } from './bot/console.ts';
import { installProcessGuard } from './bot/guard.ts';
import { PollingConflictError, TokenRejectedError } from './bot/connect.ts';
import { withEngine } from './app/engine.ts';
import { startBot, type RunningBot } from './app/start.ts';
import { PortInUseError } from './bot/webhook.ts';
import { DatabaseOpenError } from './digest/db.ts';
import { createAppLogger, scrubToken } from './log.ts';
import { NoArticlesError } from './search/open.ts';
import { PostgresSchemaError, PostgresUnreachableError } from './search/postgres/connection.ts';

function fail(message: string): never {
  process.stderr.write(`${scrubToken(message)}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(`配置错误 configuration error: ${error.message}`);
  throw error;
}
const { logger, prettyMissing } = createAppLogger(config.logLevel, config.logFormat);
if (prettyMissing) logger.warn('pino-pretty is not installed (run npm ci): logging JSON');
// From here on, no stray rejection or exception ends the process: it is logged in one line.
installProcessGuard(logger);

try {
  if (!config.botToken) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      fail(
        'BOT_TOKEN is not set: put the token from @BotFather into .env or the environment (without a token, npm start on a terminal opens console mode)',
      );
    }
    await withEngine(config, logger, (index) => runConsole(config, { logger, index }));
    process.exit(0);
  }
  // Signals count from the start: SIGINT while the Bot API is still unreachable gives up cleanly.
  const starting = new AbortController();
  let running: RunningBot | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping');
    starting.abort();
    void (running ? running.stop(signal) : Promise.resolve()).then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    running = await startBot(config, { logger, signal: starting.signal });
  } catch (error) {
    if (starting.signal.aborted) process.exit(0);
    throw error;
  }
  await running.stopped;
} catch (error) {
  if (
    error instanceof TokenRejectedError ||
    error instanceof PollingConflictError ||
    error instanceof NoArticlesError ||
    error instanceof DatabaseOpenError ||
    error instanceof PortInUseError ||
    error instanceof PostgresUnreachableError ||
    error instanceof PostgresSchemaError
  ) {
    fail(error.message);
  }
  logger.fatal({ err: error }, 'the bot stopped');
  fail(`the bot stopped: ${error instanceof Error ? error.message : String(error)}`);
}
