/**
 * Structured logging (pino). The bot token must never reach a log line: besides redacting known
 * fields, every message is scrubbed of anything shaped like a token, because telegraf puts the
 * token into request URLs and those can surface in error messages.
 */
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.ts';

const TOKEN_SHAPE = /\d{5,}:[A-Za-z0-9_-]{20,}/g;

/** Replaces anything shaped like a bot token with `<token>`. */
export function scrubToken(text: string): string {
  return text.replace(TOKEN_SHAPE, '<token>');
}

export function createLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', 'botToken', '*.token', '*.botToken', 'config.botToken'], censor: '<token>' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubToken(arg) : arg)) as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (err: unknown) => {
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
