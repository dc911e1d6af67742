/**
 * Structured logging (pino). The bot token must never reach a log line: besides redacting known
 * fields, every message is scrubbed of anything shaped like a token, because telegraf puts the
 * token into request URLs and those can surface in error messages.
 */
import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.ts';

const TOKEN_SHAPE = /\d{5,}:[A-Za-z0-9_-]{20,}/g;

/** Replaces anything shaped like a bot token with `<token>`. */
export function scrubToken(text: string): string {
  return text.replace(TOKEN_SHAPE, '<token>');
}

/** pino's number for `error`. */
const ERROR_LEVEL = 50;

/**
 * Below error level an `err` is logged as its type and message only: a warning about an expected
 * failure (a 5xx being retried, a method the server lacks) is one line to read, not a stack trace.
 * Errors that are bugs are logged at error level and keep their stack.
 */
function withoutStack(arg: unknown): unknown {
  if (typeof arg !== 'object' || arg === null || !('err' in arg)) return arg;
  const { err, ...rest } = arg as { err: unknown };
  if (!(err instanceof Error)) return arg;
  return { ...rest, err: { type: err.name, message: scrubToken(err.message) } };
}

/**
 * A readable stream for people at a terminal: pino-pretty, one coloured line per entry. Loaded
 * lazily (services never need it) and synchronously (so createLogger stays synchronous); when it is
 * not installed the logs stay JSON, and the caller is told.
 */
function prettyStream(): pino.DestinationStream | undefined {
  try {
    const require = createRequire(import.meta.url);
    const build = require('pino-pretty') as (options: Record<string, unknown>) => pino.DestinationStream;
    // pino-pretty prints an error as an indented block; here it stays on the entry's line (bugs,
    // logged at error level, keep their stack below it).
    const messageFormat = (log: Record<string, unknown>, messageKey: string): string => {
      let line = String(log[messageKey] ?? '');
      const err = log.err as { type?: string; message?: string; stack?: string } | undefined;
      if (err && typeof err === 'object') line += ` — ${err.type ?? 'Error'}: ${err.message ?? ''}${err.stack ? `\n${err.stack}` : ''}`;
      if (typeof log.error === 'string') line += ` — ${log.error}`;
      return line;
    };
    return build({
      destination: 2,
      sync: true,
      colorize: true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,err,error',
      messageFormat,
    });
  } catch {
    return undefined;
  }
}

/** `LOG_FORMAT`: JSON for services (the default off a terminal), readable lines for a person. */
export type LogFormat = 'auto' | 'json' | 'pretty';

/** Whether logs should be pretty: `auto` means "stderr is a terminal". */
export function wantsPretty(format: LogFormat, stderrIsTty: boolean | undefined): boolean {
  return format === 'pretty' || (format === 'auto' && stderrIsTty === true);
}

/**
 * The logger of `npm start`: pretty lines when {@link wantsPretty}, JSON otherwise. Returns
 * whether pretty output was wanted but pino-pretty is missing (then the logs are JSON).
 */
export function createAppLogger(
  level: LogLevel,
  format: LogFormat,
  stderrIsTty: boolean | undefined = process.stderr.isTTY,
): { logger: Logger; prettyMissing: boolean } {
  if (!wantsPretty(format, stderrIsTty)) return { logger: createLogger(level), prettyMissing: false };
  const stream = prettyStream();
  return { logger: createLogger(level, stream), prettyMissing: stream === undefined };
}

export function createLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', 'botToken', '*.token', '*.botToken', 'config.botToken'], censor: '<token>' },
      hooks: {
        logMethod(args, method, level) {
          const scrubbed = args.map((arg, i) =>
            typeof arg === 'string' ? scrubToken(arg) : i === 0 && level < ERROR_LEVEL ? withoutStack(arg) : arg,
          );
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (err: unknown) => {
          // Already reduced to type and message (below error level, see withoutStack).
          if (!(err instanceof Error)) return err;
          const serialized = pino.stdSerializers.err(err as Error);
          if (serialized.message) serialized.message = scrubToken(serialized.message);
          if (serialized.stack) serialized.stack = scrubToken(serialized.stack);
          return serialized;
        },
      },
    },
    destination ?? pino.destination(2),
  );
}

export type { Logger };
