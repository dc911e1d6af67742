/**
 * Configuration from the environment (and `.env`, loaded by the entry points through dotenv).
 * Every setting has an embedded default, so `npm start` works on a fresh machine; an invalid value
 * raises a ConfigError whose message is one line naming the variable.
 */
import { resolve } from 'node:path';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  /** Folder of page files (`*.txt`). */
  pagesDir: string;
  /** Folder for the index snapshot and the SQLite database. */
  dataDir: string;
  logLevel: LogLevel;
  /** `auto` (readable lines when stderr is a terminal, JSON otherwise), `json` or `pretty`. */
  logFormat: 'auto' | 'json' | 'pretty';
  /** Telegram bot token; undefined means console mode (or exit when not on a terminal). */
  botToken?: string;
  /** Bot API root, e.g. a self-hosted Bot API server or the test emulator. */
  telegramApiRoot?: string;
  /** Public HTTPS URL for webhook mode; unset means long polling. */
  webhookUrl?: string;
  /** Port of the webhook server. */
  port: number;
  /** Secret token Telegram sends with every webhook request. */
  webhookSecret?: string;
  /** Searches one user may make per minute. */
  userQueriesPerMinute: number;
  /** Daily digest default time `HH:MM` and time zone. */
  digestTime: string;
  digestTz: string;
  /** Messages the digest sender sends per second overall (Telegram allows about 30). */
  sendPerSecond: number;
  /** Messages per minute to one private chat (Telegram allows about 1 per second). */
  sendPerChatPerMinute: number;
  /** Messages per minute to one group (Telegram allows about 20). */
  sendPerGroupPerMinute: number;
  /** Subscriptions one chat may hold. */
  maxSubscriptionsPerChat: number;
  /** Minutes between rescans of PAGES_DIR for new page files while the bot runs; 0 turns rescans off. */
  pagesRescanMinutes: number;
  /** Chats whose documents are stored as page files (editors' uploads); none by default. */
  adminChatIds: number[];
  /** Largest page file an editor may upload, in bytes. */
  uploadMaxBytes: number;
  /**
   * `postgres://` URL of the article database (DATABASE_URL); unset: the embedded engine under
   * DATA_DIR. It holds a password: never log it (../search/postgres/url.ts describes it safely).
   */
  databaseUrl?: string;
  /**
   * Whether this process brings the PostgreSQL articles up to date with PAGES_DIR (XIANGWEN_INGEST,
   * default on). With several instances, one ingests and the others follow its announcements.
   */
  ingest: boolean;
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** A comma- or space-separated list of Telegram chat ids (groups are negative). */
function chatIds(env: Env, name: string): number[] {
  const value = text(env, name);
  if (value === undefined) return [];
  const ids = value.split(/[\s,，]+/).filter(Boolean);
  const bad = ids.find((id) => !/^-?\d{1,16}$/.test(id));
  if (bad !== undefined) throw new ConfigError(name, `expected chat ids separated by commas, got "${bad}"`);
  return ids.map(Number);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function url(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError(name, `expected an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/** A `postgres://` or `postgresql://` URL; the value is never echoed (it may hold a password). */
function databaseUrl(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  if (!/^postgres(ql)?:\/\/./i.test(raw))
    throw new ConfigError(name, 'expected a postgres:// URL (postgres://user:password@host:5432/database)');
  return raw;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected 1 or 0, got "${raw}"`);
}

/** Reads the configuration from `env` (default: process.env). Throws ConfigError on a bad value. */
export function loadConfig(env: Env = process.env): Config {
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const logFormat = (text(env, 'LOG_FORMAT') ?? 'auto').toLowerCase();
  if (logFormat !== 'auto' && logFormat !== 'json' && logFormat !== 'pretty') {
    throw new ConfigError('LOG_FORMAT', `expected auto, json or pretty, got "${logFormat}"`);
  }
  const botToken = text(env, 'BOT_TOKEN');
  if (botToken !== undefined && !/^\d+:[\w-]+$/.test(botToken)) {
    // Never echo the value: it may be a real token with a typo.
    throw new ConfigError('BOT_TOKEN', 'does not look like a token from @BotFather (digits, a colon, then letters)');
  }
  const digestTime = text(env, 'DIGEST_TIME') ?? '08:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(digestTime)) {
    throw new ConfigError('DIGEST_TIME', `expected HH:MM (24-hour), got "${digestTime}"`);
  }
  const digestTz = text(env, 'DIGEST_TZ') ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: digestTz });
  } catch {
    throw new ConfigError('DIGEST_TZ', `unknown time zone "${digestTz}"`);
  }
  const webhookSecret = text(env, 'WEBHOOK_SECRET');
  if (webhookSecret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(webhookSecret)) {
    throw new ConfigError('WEBHOOK_SECRET', 'may hold only A-Z, a-z, 0-9, _ and - (1–256 characters)');
  }
  return {
    pagesDir: resolve(text(env, 'PAGES_DIR') ?? 'seeds'),
    dataDir: resolve(text(env, 'DATA_DIR') ?? 'data'),
    logLevel: logLevel as LogLevel,
    logFormat,
    botToken,
    telegramApiRoot: url(env, 'TELEGRAM_API_ROOT'),
    webhookUrl: url(env, 'WEBHOOK_URL'),
    port: integer(env, 'PORT', 8443, 1, 65535),
    webhookSecret,
    userQueriesPerMinute: integer(env, 'USER_QUERIES_PER_MINUTE', 20, 1, 10_000),
    digestTime,
    digestTz,
    sendPerSecond: integer(env, 'SEND_PER_SECOND', 30, 1, 1000),
    sendPerChatPerMinute: integer(env, 'SEND_PER_CHAT_PER_MINUTE', 60, 1, 6000),
    sendPerGroupPerMinute: integer(env, 'SEND_PER_GROUP_PER_MINUTE', 20, 1, 6000),
    maxSubscriptionsPerChat: integer(env, 'MAX_SUBSCRIPTIONS_PER_CHAT', 20, 1, 1000),
    pagesRescanMinutes: integer(env, 'PAGES_RESCAN_MINUTES', 10, 0, 1440),
    adminChatIds: chatIds(env, 'ADMIN_CHAT_IDS'),
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_KB', 2048, 1, 51_200) * 1024,
    databaseUrl: databaseUrl(env, 'DATABASE_URL'),
    ingest: flag(env, 'XIANGWEN_INGEST', true),
  };
}
