/**
 * Shared ways of answering: the user's language, HTML replies that in groups quote the asking
 * message (and stay in its forum topic), the query checks every search shares (empty, too long,
 * rate limit), and showing a result page as a new message or by editing the list being paged.
 */
import type { Context } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { deepLinkUrl, encodeDeepLink } from './deep-link.ts';
import { todayIn } from '../search/query-parse.ts';
import { PAGE_SIZE, type BotDeps } from './deps.ts';
import { MAX_QUERY_CHARS } from '../telegram/length-guard.ts';
import { formatResultPage } from './format.ts';
import { escapeHtml } from '../telegram/html.ts';
import { shorten } from '../telegram/length-guard.ts';
import type { Messages } from '../telegram/i18n.ts';
import { inGroup, langOf, tr } from '../telegram/reply.ts';
import { regionButtons, resultKeyboard } from './keyboards.ts';
import type { QueryDeps, QueryOutcome } from './query.ts';

/** The query-running dependencies for this bot. */
export function queryDeps(deps: BotDeps): QueryDeps {
  return { index: deps.index, regions: deps.regions, pageSize: PAGE_SIZE, today: () => todayIn(deps.timeZone) };
}

/**
 * Sends `html`. In a group it replies to the asking message (telegraf adds the forum topic of that
 * message itself); `allow_sending_without_reply` keeps the answer when that message was deleted.
 */
export async function replyHtml(ctx: Context, html: string, markup?: InlineKeyboardMarkup, quote = true): Promise<void> {
  const asking = ctx.message?.message_id;
  await ctx.reply(html, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(inGroup(ctx) && quote && asking !== undefined
      ? { reply_parameters: { message_id: asking, allow_sending_without_reply: true } }
      : {}),
    ...(markup && markup.inline_keyboard.length > 0 ? { reply_markup: markup } : {}),
  });
}

/** Answers a callback query, swallowing errors: a late answer (after ~15 s) is refused by Telegram. */
export async function answerCallback(ctx: Context, deps: Pick<BotDeps, 'logger'>, text?: string): Promise<void> {
  try {
    await ctx.answerCbQuery(text);
  } catch (error) {
    deps.logger.debug({ err: error }, 'answerCallbackQuery failed');
  }
}

/**
 * Normalises a typed query (whitespace collapsed, trimmed) and rejects the unusable ones with a
 * helpful reply. Returns undefined when the query was answered here.
 */
export async function acceptQuery(ctx: Context, raw: string, usage: (t: Messages) => string): Promise<string | undefined> {
  const t = tr(ctx);
  const query = raw.replace(/\s+/g, ' ').trim();
  if (query === '') {
    await replyHtml(ctx, escapeHtml(usage(t)));
    return undefined;
  }
  if (Array.from(query).length > MAX_QUERY_CHARS) {
    await replyHtml(ctx, escapeHtml(t.tooLong(MAX_QUERY_CHARS)));
    return undefined;
  }
  return query;
}

/**
 * Counts one query against the user's per-minute limit. When over it, tells the user once per
 * window (as a toast for a button press) and returns false.
 */
export async function withinLimit(ctx: Context, deps: BotDeps): Promise<boolean> {
  const user = ctx.from?.id;
  if (user === undefined) return true;
  const verdict = deps.limiter.take(user);
  if (verdict.allowed) return true;
  const text = tr(ctx).rateLimited(deps.limiter.perWindow);
  if (ctx.callbackQuery) await answerCallback(ctx, deps, text);
  else if (verdict.notify) await replyHtml(ctx, escapeHtml(text));
  deps.logger.info({ user, retryAfterSeconds: verdict.retryAfterSeconds }, 'rate limited');
  return false;
}

/** Deep-link URL opening an article in the private chat with the bot, when one can be made. */
export function articleLink(ctx: Context, id: string): string | undefined {
  const payload = encodeDeepLink({ kind: 'article', id });
  return payload && ctx.me ? deepLinkUrl(ctx.me, payload) : undefined;
}

/**
 * Shows a query outcome: as a new message, or (`edit`) by editing the list whose button was
 * pressed. A page past the end — the index changed, or the data was forged — answers "expired".
 */
export async function showOutcome(ctx: Context, deps: BotDeps, outcome: QueryOutcome, edit: boolean): Promise<void> {
  const t = tr(ctx);
  if (outcome.kind === 'no-keywords') {
    if (edit) return answerCallback(ctx, deps, t.expired);
    return replyHtml(ctx, escapeHtml(t.noKeywords(deps.examples.keyword)));
  }
  if (outcome.kind === 'bad-range') {
    if (edit) return answerCallback(ctx, deps, t.expired);
    return replyHtml(ctx, escapeHtml(t.badRange(shorten(outcome.word, 40))));
  }
  if (outcome.kind === 'exclusion-only') {
    if (edit) return answerCallback(ctx, deps, t.expired);
    return replyHtml(ctx, escapeHtml(t.exclusionOnly(outcome.exclude.join('、'), deps.examples.keyword)));
  }
  if (outcome.kind === 'unknown-region') {
    if (edit) return answerCallback(ctx, deps, t.expired);
    if (outcome.outside) return replyHtml(ctx, escapeHtml(t.regionOutside(shorten(outcome.query, 40))));
    const suggestions = outcome.suggestions.slice(0, 9).map((r) => ({ name: r.name, label: r.name, action: 'region' as const }));
    const text = escapeHtml(t.regionUnknown(outcome.query) + (suggestions.length > 0 ? ` ${t.regionSuggest}` : ''));
    const buttons = regionButtons(suggestions, deps.store);
    await deps.store.settle();
    return replyHtml(ctx, text, { inline_keyboard: buttons });
  }
  const view = outcome.result;
  if (view.total > 0 && view.hits.length === 0) {
    if (edit) return answerCallback(ctx, deps, t.expired);
  }
  const group = inGroup(ctx);
  const html = formatResultPage(view, t, group);
  // A list of a place (its articles, its latest) subscribes to the place; an author list to nothing.
  const target =
    view.kind === 'search'
      ? { kind: 'search' as const, query: view.source }
      : view.kind === 'author' || view.source === ''
        ? undefined
        : { kind: 'region' as const, name: view.source };
  const subscribe = target ? deps.subscribeButton?.(target, langOf(ctx)) : undefined;
  const keyboard = resultKeyboard(view, t, deps.store, group ? (id) => articleLink(ctx, id) : undefined, subscribe);
  // The buttons' keys must be saved before anyone can press them (on any instance).
  await deps.store.settle();
  if (!edit) return replyHtml(ctx, html, keyboard);
  await answerCallback(ctx, deps);
  try {
    await ctx.editMessageText(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: keyboard });
  } catch (error) {
    // Pressing the button of the page already shown: Telegram refuses an edit that changes nothing.
    if (!String((error as Error).message).includes('message is not modified')) throw error;
  }
}
