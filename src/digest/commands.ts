/**
 * The subscription commands, as a telegraf Composer the bot mounts (before its own callback
 * handler, so the buttons below reach it): `/subscribe 地名或关键词 [HH:MM]`, `/unsubscribe …|all`,
 * `/subscriptions` (with a remove button per entry), `/digest` (a preview that marks nothing).
 * In groups only administrators may subscribe or unsubscribe; anyone may list and preview.
 *
 * Buttons (callback data, outside the letters of ../bot/callback-data.ts):
 * - `u:<id>`        remove subscription `id` of this chat;
 * - `+r:<region>`   subscribe this chat to a region (the one-tap "订阅此地区" under results);
 * - `+k:<search>`   subscribe this chat to a search as typed ("订阅此关键词"), read like `/subscribe`
 *                   reads its words: a leading place name becomes the region, the rest keywords.
 */
import { Composer, type Context } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { CALLBACK_DATA_MAX_BYTES } from '../bot/callback-data.ts';
import { MAX_QUERY_CHARS } from '../bot/deps.ts';
import { shorten } from '../bot/length-guard.ts';
import { pickLang, type Lang } from '../bot/i18n.ts';
import type { RegionLookup } from '../bot/region-lookup.ts';
import type { Logger } from '../log.ts';
import type { ArticleIndex } from '../search/engine.ts';
import { queryWords } from '../search/jieba.ts';
import { placesAmong } from '../search/query-parse.ts';
import { DigestMatcher, composeDigest, describeSubscription } from './compose.ts';
import { parseWhen, storedWhen, weekdayWord } from './when.ts';
import { StorageError } from './db.ts';
import { localDateTime } from './run.ts';
import type { DigestStore, StoredMessage, Subscription, SubscriptionKey } from './store.ts';
import { digestTexts } from './texts.ts';

/** What the commands need. */
export interface DigestCommandDeps {
  store: DigestStore;
  index: ArticleIndex;
  regions: RegionLookup;
  /** DIGEST_TIME, used when /subscribe names no time. */
  defaultTime: string;
  /** DIGEST_TZ. */
  timeZone: string;
  logger: Logger;
  /** Called after subscriptions changed (the schedule re-reads its times). */
  onChange?: () => void;
  /** Whether the sender may change this group's subscriptions (default: getChatMember says admin). */
  isAdmin?: (ctx: Context) => Promise<boolean>;
}

const TIME = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/;

/** A parsed `/subscribe` or `/unsubscribe` argument. */
export type ParsedSubscription =
  | { ok: true; region?: string; keywords: string[]; time?: string; weekday?: number; suggestions: string[] }
  | { ok: false; error: 'empty' | 'bad-time' | 'no-keywords' | 'too-long'; text?: string };

/** Longest echo of a user's words in a reply: enough to recognise them, never a wall of text. */
const ECHO_CHARS = 40;
/** Longest description of one subscription in a list or a confirmation. */
const DESCRIPTION_CHARS = 120;
/** Remove buttons under /subscriptions (Telegram allows 100 buttons; a list this long is rare). */
const MAX_REMOVE_BUTTONS = 48;

/**
 * Reads `地名或关键词 [每周一] [HH:MM]`: a trailing time (07:30, 7:30, 7：30), before it a weekday for a
 * weekly digest (每周一, 周三, 星期五); the first word that names a place becomes the region (邵阳,
 * 邵阳市 and shaoyang alike, by the rule searches use: ../search/query-parse.ts); the other words
 * are keywords. A word that names no prefecture or county stays a keyword.
 */
export function parseSubscription(text: string, regions: RegionLookup): ParsedSubscription {
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return { ok: false, error: 'empty' };
  // Capped like searches: a subscription is a search run every day.
  if (Array.from(words.join(' ')).length > MAX_QUERY_CHARS + 6) return { ok: false, error: 'too-long' };
  let time: string | undefined;
  const last = words.at(-1)!;
  if (/^\d{1,2}[:：]\d{1,2}$/.test(last)) {
    const match = TIME.exec(last);
    if (match === null) return { ok: false, error: 'bad-time', text: last };
    time = `${match[1].padStart(2, '0')}:${match[2]}`;
    words.pop();
    if (words.length === 0) return { ok: false, error: 'empty' };
  }
  // `每周一 08:00`, `每周一`: a weekly digest (at the default time when none is given).
  const weekday = words.length > 0 ? weekdayWord(words.at(-1)!) : undefined;
  if (weekday !== undefined) {
    words.pop();
    if (words.length === 0) return { ok: false, error: 'empty' };
  }
  // The first word that names a place is the region, read by the search's own rule; the other
  // words are keywords, kept as typed (they name the subscription).
  const place = placesAmong(words)[0];
  const region = place?.name;
  const keywords = words.filter((word) => word !== place?.word);
  // A first word that is no place but looks like one earns a hint ("did you mean 邵阳市?").
  const suggestions = region === undefined ? regions.resolve(words[0]).suggestions.slice(0, 3).map((s) => s.name) : [];
  // The words the search would look for (the engine cuts a query with the same function).
  if (keywords.length > 0 && queryWords(keywords.join(' ')).length === 0) {
    if (region === undefined) return { ok: false, error: 'no-keywords' };
    keywords.length = 0; // only stop words or emoji next to a place: subscribe to the place
  }
  return { ok: true, region, keywords, time, ...(weekday !== undefined ? { weekday } : {}), suggestions };
}

/** What a one-tap subscribe button is offered for: a search as typed, or a region by its full name. */
export type SubscribeTarget = { kind: 'search'; query: string } | { kind: 'region'; name: string };

/**
 * Makes the one-tap "订阅此地区/订阅此关键词" buttons the bot puts under result lists and articles
 * (given to the bot as `subscribeButton` by ../bot/start.ts). A search that names only a place
 * becomes a region button; a search with words, a keyword button (its place, if any, goes along).
 * Undefined when there is nothing to subscribe to or the data would not fit in 64 bytes.
 */
export function subscribeButtons(regions: RegionLookup): (target: SubscribeTarget, lang: Lang) => InlineKeyboardButton | undefined {
  return (target, lang) => {
    if (target.kind === 'region') return subscribeButton('region', target.name, lang);
    const parsed = parseSubscription(target.query, regions);
    if (!parsed.ok || parsed.time !== undefined) return undefined;
    if (parsed.keywords.length === 0) return parsed.region === undefined ? undefined : subscribeButton('region', parsed.region, lang);
    return subscribeButton('keywords', target.query, lang);
  };
}

/** The one-tap subscribe button for a region or keywords under a result list; undefined when it does not fit. */
export function subscribeButton(kind: 'region' | 'keywords', text: string, lang: Lang): InlineKeyboardButton | undefined {
  const data = `+${kind === 'region' ? 'r' : 'k'}:${text.trim()}`;
  if (text.trim() === '' || Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) return undefined;
  const texts = digestTexts(lang);
  return { text: kind === 'region' ? texts.subscribeRegionButton : texts.subscribeKeywordButton, callback_data: data };
}

function chatOf(ctx: Context): { chatId: number; group: boolean } | undefined {
  const chat = ctx.chat;
  if (chat === undefined) return undefined;
  return { chatId: chat.id, group: chat.type === 'group' || chat.type === 'supergroup' };
}

/** The forum topic a message was sent in, 0 for none. */
function threadOf(ctx: Context): number {
  const message = ctx.callbackQuery?.message ?? ctx.message;
  if (message !== undefined && 'is_topic_message' in message && message.is_topic_message === true) return message.message_thread_id ?? 0;
  return 0;
}

/** Default admin check: getChatMember; the anonymous admin (posting as the group) counts as admin. */
async function memberIsAdmin(ctx: Context): Promise<boolean> {
  const message = ctx.message;
  if (message !== undefined && message.sender_chat?.id === ctx.chat?.id) return true;
  if (ctx.chat === undefined || ctx.from === undefined) return false;
  const member = await ctx.telegram.getChatMember(ctx.chat.id, ctx.from.id);
  return member.status === 'creator' || member.status === 'administrator';
}

/** The list shown by /subscriptions, with one remove button per entry. */
function listReply(subscriptions: Subscription[], lang: Lang): { text: string; keyboard: InlineKeyboardButton[][] } {
  const texts = digestTexts(lang);
  if (subscriptions.length === 0) return { text: texts.listEmpty, keyboard: [] };
  const lines = subscriptions.map((s, i) => texts.listEntry(i + 1, s.time, shorten(describeSubscription(s, lang), DESCRIPTION_CHARS)));
  const buttons = subscriptions.slice(0, MAX_REMOVE_BUTTONS).map((s, i) => ({ text: texts.removeButton(i + 1), callback_data: `u:${s.id}` }));
  const keyboard: InlineKeyboardButton[][] = [];
  for (let at = 0; at < buttons.length; at += 4) keyboard.push(buttons.slice(at, at + 4));
  return { text: [texts.listTitle(subscriptions.length), ...lines].join('\n'), keyboard };
}

/** Builds the Composer with the digest commands and buttons. */
export function digestCommands(deps: DigestCommandDeps): Composer<Context> {
  const { store, logger } = deps;
  const isAdmin = deps.isAdmin ?? memberIsAdmin;
  const composer = new Composer<Context>();
  const langOf = (ctx: Context): Lang => pickLang(ctx.from?.language_code);

  // A write the database refused (deleted, replaced or read-only file) is said, never confirmed.
  composer.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      logger.error({ error: error.message, chat: ctx.chat?.id }, 'cannot save to the bot database');
      const text = digestTexts(langOf(ctx)).storageFailed;
      if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery(text.slice(0, 200), { show_alert: true });
      else if (ctx.chat !== undefined) await ctx.reply(text, replyTo(ctx));
    }
  });

  /** In groups, only admins may change subscriptions; tells a non-admin politely and returns false. */
  const mayChange = async (ctx: Context, lang: Lang): Promise<boolean> => {
    const where = chatOf(ctx);
    if (where === undefined) return false;
    if (!where.group) return true;
    let admin = false;
    try {
      admin = await isAdmin(ctx);
    } catch (error) {
      logger.warn({ err: error, chatId: where.chatId }, 'cannot check group admin status');
    }
    if (!admin) {
      if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery(digestTexts(lang).adminsOnly.slice(0, 200), { show_alert: true });
      else await ctx.reply(digestTexts(lang).adminsOnly, replyTo(ctx));
    }
    return admin;
  };

  const subscribe = async (ctx: Context, key: SubscriptionKey & { time?: string; weekday?: number }, suggestions: string[]): Promise<string> => {
    const lang = langOf(ctx);
    const texts = digestTexts(lang);
    const { chatId, group } = chatOf(ctx)!;
    const now = Date.now();
    const time = storedWhen({ ...(key.weekday !== undefined ? { weekday: key.weekday } : {}), time: key.time ?? deps.defaultTime });
    if (!group || store.subscriptions(chatId).length === 0) store.setLanguage(chatId, lang, now);
    const result = store.subscribe({ chatId, threadId: threadOf(ctx), region: key.region, keywords: key.keywords, time }, now);
    if (result.status === 'limit') return texts.subscriptionLimit(result.max);
    deps.onChange?.();
    const what = shorten(describeSubscription(result.subscription, lang), DESCRIPTION_CHARS);
    const reply = result.status === 'added' ? texts.subscribed(time, what) : texts.subscriptionUpdated(time, what);
    return suggestions.length > 0 ? `${reply}\n${texts.unknownRegionHint(suggestions)}` : reply;
  };

  composer.command('subscribe', async (ctx) => {
    const lang = langOf(ctx);
    const texts = digestTexts(lang);
    const parsed = parseSubscription(ctx.payload, deps.regions);
    if (!parsed.ok) {
      const message =
        parsed.error === 'bad-time'
          ? texts.badTime(shorten(parsed.text ?? '', ECHO_CHARS))
          : parsed.error === 'no-keywords'
            ? texts.nothingToSubscribe
            : parsed.error === 'too-long'
              ? texts.subscriptionTooLong(MAX_QUERY_CHARS)
              : texts.subscribeUsage(deps.defaultTime);
      await ctx.reply(message, replyTo(ctx));
      return;
    }
    if (!(await mayChange(ctx, lang))) return;
    await ctx.reply(await subscribe(ctx, parsed, parsed.suggestions), replyTo(ctx));
  });

  composer.command('unsubscribe', async (ctx) => {
    const lang = langOf(ctx);
    const texts = digestTexts(lang);
    const arg = ctx.payload.trim();
    if (arg === '') {
      await ctx.reply(texts.unsubscribeUsage, replyTo(ctx));
      return;
    }
    if (!(await mayChange(ctx, lang))) return;
    const { chatId } = chatOf(ctx)!;
    if (/^(all|全部|所有)$/i.test(arg)) {
      const count = store.unsubscribeAll(chatId);
      deps.onChange?.();
      await ctx.reply(texts.unsubscribedAll(count), replyTo(ctx));
      return;
    }
    const parsed = parseSubscription(arg, deps.regions);
    const found = parsed.ok ? store.findSubscription(chatId, { region: parsed.region, keywords: parsed.keywords }) : undefined;
    if (found === undefined) {
      await ctx.reply(texts.notSubscribed(shorten(arg.replace(/\s+/g, ' '), ECHO_CHARS)), replyTo(ctx));
      return;
    }
    store.unsubscribe(chatId, found.id);
    deps.onChange?.();
    await ctx.reply(texts.unsubscribed(shorten(describeSubscription(found, lang), DESCRIPTION_CHARS)), replyTo(ctx));
  });

  composer.command('subscriptions', async (ctx) => {
    const { text, keyboard } = listReply(store.subscriptions(ctx.chat.id), langOf(ctx));
    await ctx.reply(text, { ...replyTo(ctx), ...(keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}) });
  });

  composer.command('digest', async (ctx) => {
    const lang = langOf(ctx);
    const texts = digestTexts(lang);
    const messages = await previewDigest(deps, ctx.chat.id, Date.now());
    if (messages.length === 0) {
      const none = store.subscriptions(ctx.chat.id).length === 0;
      await ctx.reply(none ? texts.listEmpty : texts.previewEmpty, replyTo(ctx));
      return;
    }
    for (const [at, message] of messages.entries()) {
      const text = at === 0 ? `<i>${texts.previewNote}</i>\n${message.text}` : message.text;
      await ctx.reply(text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(message.buttons ? { reply_markup: { inline_keyboard: message.buttons } } : {}),
      });
    }
  });

  composer.action(/^u:(\d{1,12})$/, async (ctx) => {
    const lang = langOf(ctx);
    const texts = digestTexts(lang);
    // A button under an inline message, or whose message Telegram no longer sends: no chat to change.
    if (ctx.chat === undefined) return void (await ctx.answerCbQuery(texts.chatOnly));
    if (!(await mayChange(ctx, lang))) return;
    const chatId = ctx.chat!.id;
    const removed = store.unsubscribe(chatId, Number(ctx.match[1]));
    if (removed) deps.onChange?.();
    await ctx.answerCbQuery(removed ? texts.removedToast : texts.goneToast);
    const { text, keyboard } = listReply(store.subscriptions(chatId), lang);
    await ctx.editMessageText(text, keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}).catch(() => undefined);
  });

  composer.action(/^\+([rk]):(.+)$/s, async (ctx) => {
    const lang = langOf(ctx);
    if (ctx.chat === undefined) return void (await ctx.answerCbQuery(digestTexts(lang).chatOnly));
    const [, kind, text] = ctx.match;
    // `+k:` carries a search as typed; it is understood the way /subscribe understands its words.
    const parsed = kind === 'k' ? parseSubscription(text, deps.regions) : undefined;
    const key: SubscriptionKey | undefined =
      kind === 'r' ? { region: deps.regions.resolve(text).region?.name } : parsed?.ok ? { region: parsed.region, keywords: parsed.keywords } : undefined;
    if (key === undefined || (key.region === undefined && (key.keywords ?? []).length === 0)) {
      await ctx.answerCbQuery(digestTexts(lang).goneToast);
      return;
    }
    if (!(await mayChange(ctx, lang))) return;
    const reply = await subscribe(ctx, key, []);
    await ctx.answerCbQuery(reply.slice(0, 200));
  });

  return composer;
}

/** Replies go to the asking message (and so to its forum topic). */
function replyTo(ctx: Context): { reply_parameters?: { message_id: number; allow_sending_without_reply: boolean } } {
  const id = ctx.message?.message_id;
  return id === undefined ? {} : { reply_parameters: { message_id: id, allow_sending_without_reply: true } };
}

/**
 * This chat's digest as it would be sent now, for every topic and time it has, without recording
 * anything (`/digest`).
 */
export async function previewDigest(deps: Pick<DigestCommandDeps, 'store' | 'index' | 'regions' | 'timeZone'>, chatId: number, now: number): Promise<StoredMessage[]> {
  const { store } = deps;
  const { date } = localDateTime(now, deps.timeZone);
  const sources = { index: deps.index, expandRegion: (name: string) => deps.regions.withDescendants(name) };
  const messages: StoredMessage[] = [];
  for (const target of store.targets().filter((t) => t.chatId === chatId)) {
    const since = store.lastCutoff(target) ?? -1;
    const digest = await composeDigest({
      matcher: new DigestMatcher(sources, { since, upTo: now }),
      subscriptions: store.targetSubscriptions(target),
      isFirst: (s) => since < 0 || s.createdAt > since,
      date,
      lang: store.language(chatId),
      weekly: parseWhen(target.time)?.weekday !== undefined,
    });
    messages.push(...digest.messages);
  }
  return messages;
}
