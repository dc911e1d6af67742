/**
 * What the command modules share: the index, the gazetteer lookup, the limits and the small
 * in-memory stores. Built once in ./app.ts and passed to every module, so a test can build the
 * bot around any index.
 */
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Logger } from '../log.ts';
import type { ArticleIndex } from '../search/engine.ts';
import type { HelpExamples, Lang } from '../telegram/i18n.ts';
import type { QueryStore } from '../telegram/query-store.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { RegionLookup } from '../regions/region-lookup.ts';
import type { RegionTree } from './region-tree.ts';

/** Results per page. */
export const PAGE_SIZE = 5;
/** Inline mode answers at most 50 results per call (Telegram's limit). */
export const INLINE_PAGE_SIZE = 50;

/**
 * Makes the one-tap "订阅此地区/订阅此关键词" button for a search as typed or a region (full name);
 * undefined when there is nothing to offer. The digest supplies it (../digest/commands.ts), together
 * with the handler for the button.
 */
export type SubscribeButtonFor = (
  target: { kind: 'search'; query: string } | { kind: 'region'; name: string },
  lang: Lang,
) => InlineKeyboardButton | undefined;

export interface BotDeps {
  index: ArticleIndex;
  regions: RegionLookup;
  logger: Logger;
  limiter: RateLimiter;
  store: QueryStore;
  /** Examples for /help and usage lines: general ones until those of the loaded index are picked. */
  examples: HelpExamples;
  /** The /regions tree, built on first use. */
  tree(): Promise<RegionTree>;
  /** Told when a group became a supergroup (the digest moves its subscriptions). */
  onChatMigrated?: (fromChatId: number, toChatId: number) => void | Promise<void>;
  /** Present when the digest is mounted: result lists and articles then offer one-tap subscribing. */
  subscribeButton?: SubscribeButtonFor;
  /** The newspapers' time zone: what "today" and 本月 mean (DIGEST_TZ; default Asia/Shanghai). */
  timeZone?: string;
}
