/**
 * The Bot API client of the parts that send on their own (the digest sender): a plain telegraf
 * client for BOT_TOKEN and TELEGRAM_API_ROOT, as a `callApi` function. The sender wraps it in the
 * retry policy (./api-retry.ts) behind its pacer; the bot's own client is wrapped by its outbox.
 */
import { Telegram } from 'telegraf';
import type { Config } from '../config.ts';
import type { CallApi } from './api-retry.ts';

/** The Bot API `callApi` of a plain telegraf client for the configured token and API root. */
export function telegramCallApi(config: Pick<Config, 'botToken' | 'telegramApiRoot'>): CallApi {
  if (config.botToken === undefined) throw new Error('BOT_TOKEN is not set: digests can only be sent with a bot token');
  const telegram = new Telegram(config.botToken, config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {});
  return telegram.callApi.bind(telegram) as unknown as CallApi;
}
