/**
 * Builds the Telegraf bot: routes every Bot API call through the per-chat outbox (./outbox.ts:
 * retries, retry_after per chat, the 60 s bound, the length guard), then composes the
 * command modules (one file per command family under ./commands/) in the order they must see an
 * update, and turns an error in one update into a log line and a short apology.
 */
import { Context, Telegraf, TelegramError, type Middleware, type Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Logger } from '../log.ts';
import type { ArticleIndex } from '../search/engine.ts';
import { IndexUnavailableError } from '../search/open.ts';
import { EngineUnavailableError } from '../search/engine.ts';
import { oneLine } from './guard.ts';
import { Outbox, ReplyDroppedError } from './outbox.ts';
import type { RetryOptions } from '../telegram/api-retry.ts';
import { articleCommands } from './commands/article.ts';
import { buttonHandlers } from './commands/buttons.ts';
import { groupHandlers } from './commands/group.ts';
import { helpCommands, unknownCommand } from './commands/help.ts';
import { inlineHandlers } from './commands/inline.ts';
import { latestCommands } from './commands/latest.ts';
import { trendCommands } from './commands/trend.ts';
import { type UploadOptions, uploadHandlers } from './commands/upload.ts';
import { regionCommands } from './commands/region.ts';
import { searchCommands } from './commands/search.ts';
import type { BotDeps, SubscribeButtonFor } from './deps.ts';
import { FALLBACK_EXAMPLES, pickExamples } from './examples.ts';
import { escapeHtml } from '../telegram/html.ts';
import { type HelpExamples, messages, type Lang } from '../telegram/i18n.ts';
import { type QueryKeyBacking, QueryStore } from '../telegram/query-store.ts';
import { RateLimiter } from './rate-limit.ts';
import { gazetteerLookup, type RegionLookup } from '../regions/region-lookup.ts';
import { RegionTree } from './region-tree.ts';
import { answerCallback, replyHtml } from './respond.ts';
import { tr } from '../telegram/reply.ts';

export interface BotOptions {
  /** Bot token (console mode passes a placeholder). */
  token: string;
  /** Bot API root, e.g. the test emulator; Telegram's when unset. */
  apiRoot?: string;
  index: ArticleIndex;
  /** Examples for /help, picked from the index beforehand (`pickExamples`); picked in the background otherwise. */
  examples?: HelpExamples;
  logger: Logger;
  /** Searches one user may make per minute. */
  userQueriesPerMinute: number;
  /** The gazetteer lookup (default: src/regions). */
  regions?: RegionLookup;
  /** Backoff and shutdown signal of every Bot API call (see ./outbox.ts and ./api-retry.ts). */
  retry?: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'signal'>;
  /** A reply not delivered within this many ms is dropped with one log line (default 60 000). */
  replyDeadlineMs?: number;
  /**
   * Told when a group moved to a supergroup id: by the service message in the group, or when a
   * Bot API call answered `migrate_to_chat_id`.
   */
  onChatMigrated?: (fromChatId: number, toChatId: number) => void | Promise<void>;
  /**
   * More handlers (e.g. the digest's subscription commands), composed after the bot's commands but
   * before its own button handler — which answers every callback it does not know as "expired", so
   * an extension's buttons must be seen first — and before the catch-all for unknown commands.
   */
  extensions?: Middleware<Context>[];
  /** Keeps the keys of long queries beyond a restart (the bot database); in memory only when unset. */
  queryKeys?: QueryKeyBacking;
  /** The one-tap subscribe button under result lists and articles (only with the digest mounted). */
  subscribeButton?: SubscribeButtonFor;
  /** The newspapers' time zone, for time words in queries and trends (default Asia/Shanghai). */
  timeZone?: string;
  /** Page uploads from the newsroom's chats (ADMIN_CHAT_IDS); without it every document is refused. */
  uploads?: UploadOptions;
}

/** The menu's commands, in the order Telegram shows them. */
const MENU_COMMANDS = [
  'search',
  'region',
  'regions',
  'latest',
  'author',
  'trend',
  'article',
  'subscribe',
  'subscriptions',
  'unsubscribe',
  'digest',
  'help',
  'start',
] as const;

/** The command menu for one language (setMyCommands). */
export function commandMenu(lang: Lang): BotCommand[] {
  const descriptions = messages(lang).commands;
  return MENU_COMMANDS.map((command) => ({ command, description: descriptions[command] }));
}

/**
 * Registers the command menu: Chinese by default, English for `en` clients. A failure is only
 * logged — the bot works without a menu (and some Bot API emulators lack the method).
 */
export async function registerCommands(telegram: Telegram, logger: Logger): Promise<void> {
  const calls: [string, Promise<unknown>][] = [
    ['default', telegram.setMyCommands(commandMenu('zh'))],
    ['en', telegram.setMyCommands(commandMenu('en'), { language_code: 'en' })],
  ];
  // Each call gets its handler at once: awaiting them one by one would leave the second's
  // rejection unhandled while the first is still retrying.
  await Promise.all(
    calls.map(([scope, call]) =>
      call.catch((error: unknown) => logger.warn({ err: error, scope }, 'setMyCommands failed; continuing without a command menu')),
    ),
  );
}

/** Builds the bot around a loaded index. Nothing is sent until it is launched or fed updates. */
export function createBot(options: BotOptions): Telegraf<Context> {
  const { logger } = options;
  const outbox = new Outbox({
    logger,
    deadlineMs: options.replyDeadlineMs,
    baseDelayMs: options.retry?.baseDelayMs,
    maxDelayMs: options.retry?.maxDelayMs,
    signal: options.retry?.signal,
    onChatMigrated: (from, to) => options.onChatMigrated?.(Number(from), to),
  });
  // telegraf gives every update a Telegram client of its own (for webhook replies): the context
  // class it builds them with routes each one through the outbox as it is made.
  class OutboxContext extends Context {
    constructor(...args: ConstructorParameters<typeof Context>) {
      outbox.install(args[1]);
      super(...args);
    }
  }
  const bot = new Telegraf<Context>(options.token, {
    contextType: OutboxContext,
    telegram: options.apiRoot ? { apiRoot: options.apiRoot } : {},
  });
  outbox.install(bot.telegram);

  const regions = options.regions ?? gazetteerLookup();
  let tree: { fingerprint: string; tree: Promise<RegionTree> } | undefined;
  const deps: BotDeps = {
    index: options.index,
    regions,
    logger,
    limiter: new RateLimiter(options.userQueriesPerMinute),
    store: new QueryStore(2000, options.queryKeys),
    examples: options.examples ?? FALLBACK_EXAMPLES,
    tree: () => {
      // The index may be swapped for a rebuilt one while the bot runs: rebuild the tree then.
      const { fingerprint, builtAt } = options.index.info;
      const key = `${fingerprint}/${builtAt}`;
      if (tree?.fingerprint !== key) tree = { fingerprint: key, tree: RegionTree.of(options.index) };
      return tree.tree;
    },
    onChatMigrated: options.onChatMigrated,
    subscribeButton: options.subscribeButton,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
  // Examples picked from the index replace the general ones once the index is warm (picking them
  // searches, which must not hold up the first answers of a start, nor rank by a plainer pass).
  if (options.examples === undefined)
    void Promise.resolve(options.index.warm?.())
      .catch(() => {})
      .then(() => pickExamples(options.index, regions))
      .then((examples) => (deps.examples = examples));

  bot.use((ctx, next) => {
    logger.debug({ update: ctx.update.update_id, chat: ctx.chat?.id, user: ctx.from?.id }, 'update');
    return next();
  });
  bot.use(helpCommands(deps), searchCommands(deps), regionCommands(deps), latestCommands(deps), trendCommands(deps), articleCommands(deps));
  for (const extension of options.extensions ?? []) bot.use(extension);
  bot.use(buttonHandlers(deps), inlineHandlers(deps), uploadHandlers(deps, options.uploads), groupHandlers(deps));
  bot.use(unknownCommand(deps));

  bot.catch((error, ctx) => answerFailure(error, ctx, deps));
  return bot;
}

/**
 * What a user is told, and what is logged, when handling an update failed. Never reads anything
 * of the update that could throw (`ctx.updateType` throws on an update of unknown shape), and never
 * throws itself: the apology is best effort.
 */
export async function answerFailure(error: unknown, ctx: Context, deps: Pick<BotDeps, 'logger'>): Promise<void> {
  const { logger } = deps;
  const update = ctx.update?.update_id;
  const chat = ctx.chat?.id;
  // Already logged by the outbox; an apology would wait for the same chat again.
  if (error instanceof ReplyDroppedError) return;
  if (error instanceof TelegramError && error.code === 403) {
    logger.info({ update, chat, reason: error.description }, 'the user blocked the bot or it was removed from the chat');
    return;
  }
  let text: string;
  if (error instanceof IndexUnavailableError) {
    logger.info({ update, chat }, 'search while the index is being rebuilt');
    text = tr(ctx).indexRebuilding;
  } else if (error instanceof EngineUnavailableError) {
    logger.warn({ update, chat, reason: error.reason }, 'search while the article database is unreachable');
    text = tr(ctx).engineUnavailable;
  } else {
    logger.error({ err: error, update, chat }, 'error while handling an update');
    text = tr(ctx).apology;
  }
  try {
    if (ctx.callbackQuery) await answerCallback(ctx, { logger }, text);
    else if (ctx.chat) await replyHtml(ctx, escapeHtml(text));
  } catch (apologyError) {
    logger.warn({ error: oneLine(apologyError), update, chat }, 'could not send the apology');
  }
}
