/**
 * The subscription commands, as a telegraf Composer the composition root mounts in the bot (before
 * the bot's own callback handler, so the buttons below reach it): `/subscribe 地名或关键词 [HH:MM]`,
 * `/unsubscribe …|all`, `/subscriptions` (with a remove button per entry), `/digest` (a preview
 * that marks nothing). In groups only administrators may subscribe or unsubscribe; anyone may list
 * and preview. The buttons (remove `u:`, one-tap subscribe `+r:` / `+k:`) are actions of the one
 * button codec, ../telegram/callback-data.ts; a `+k:` search is read the way /subscribe reads its
 * words (./subscription-input.ts).
 */
import { Composer, type Context } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Logger } from '../log.ts';
import type { RegionLookup } from '../regions/region-lookup.ts';
import type { ArticleIndex } from '../search/engine.ts';
import { decodeCallback, encodeCallback, type CallbackAction } from '../telegram/callback-data.ts';
import { messages, type Lang } from '../telegram/i18n.ts';
import { CALLBACK_TEXT_LIMIT, MAX_QUERY_CHARS, shorten } from '../telegram/length-guard.ts';
import { inGroup, langOf, replyTo, rows, threadOf } from '../telegram/reply.ts';
import { DigestMatcher, composeDigest, describeSubscription } from './compose.ts';
import { StorageError } from './db.ts';
import { localDateTime } from './run.ts';
import type { DigestStore, StoredMessage, Subscription, SubscriptionKey } from './store.ts';
import { parseSubscription, type ParsedSubscription } from './subscription-input.ts';
import { describeWhen, parseWhen, storedWhen } from './when.ts';

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

/** Longest echo of a user's words in a reply: enough to recognise them, never a wall of text. */
const ECHO_CHARS = 40;
/** Longest description of one subscription in a list or a confirmation. */
const DESCRIPTION_CHARS = 120;
/** Remove buttons under /subscriptions (Telegram allows 100 buttons; a list this long is rare). */
const MAX_REMOVE_BUTTONS = 48;
/** Remove buttons per keyboard row. */
const REMOVE_BUTTONS_PER_ROW = 4;

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
  const texts = messages(lang);
  if (subscriptions.length === 0) return { text: texts.listEmpty, keyboard: [] };
  const lines = subscriptions.map((s, i) =>
    texts.listEntry(i + 1, describeWhen(s.time, lang), shorten(describeSubscription(s, lang), DESCRIPTION_CHARS)),
  );
  const buttons = subscriptions
    .slice(0, MAX_REMOVE_BUTTONS)
    .map((s, i) => ({ text: texts.removeButton(i + 1), callback_data: encodeCallback({ kind: 'unsubscribe', id: s.id }) }));
  return { text: [texts.listTitle(subscriptions.length), ...lines].join('\n'), keyboard: rows(buttons, REMOVE_BUTTONS_PER_ROW) };
}

/** Says something to whoever asked: a toast under a pressed button, else a reply. */
async function tell(ctx: Context, text: string, alert = false): Promise<void> {
  if (ctx.callbackQuery !== undefined) await ctx.answerCbQuery(shorten(text, CALLBACK_TEXT_LIMIT), alert ? { show_alert: true } : {});
  else if (ctx.chat !== undefined) await ctx.reply(text, replyTo(ctx));
}

/** The two steps every changing handler shares: the admin check and subscribing itself. */
interface SubscriptionActions {
  /** In groups, only admins may change subscriptions; tells a non-admin politely and returns false. */
  mayChange(ctx: Context): Promise<boolean>;
  /** Subscribes the chat of `ctx` and returns the confirmation to show. */
  subscribe(ctx: Context, key: SubscriptionKey & { time?: string; weekday?: number }, suggestions: string[]): Promise<string>;
}

function subscriptionActions(deps: DigestCommandDeps): SubscriptionActions {
  const { store, logger } = deps;
  const isAdmin = deps.isAdmin ?? memberIsAdmin;
  return {
    async mayChange(ctx) {
      if (ctx.chat === undefined) return false;
      if (!inGroup(ctx)) return true;
      let admin = false;
      try {
        admin = await isAdmin(ctx);
      } catch (error) {
        logger.warn({ err: error, chatId: ctx.chat.id }, 'cannot check group admin status');
      }
      if (!admin) await tell(ctx, messages(langOf(ctx)).adminsOnly, true);
      return admin;
    },
    async subscribe(ctx, key, suggestions) {
      const lang = langOf(ctx);
      const texts = messages(lang);
      const chatId = ctx.chat!.id;
      const now = Date.now();
      const time = storedWhen({ ...(key.weekday !== undefined ? { weekday: key.weekday } : {}), time: key.time ?? deps.defaultTime });
      if (!inGroup(ctx) || (await store.subscriptions(chatId)).length === 0) await store.setLanguage(chatId, lang, now);
      const result = await store.subscribe({ chatId, threadId: threadOf(ctx), region: key.region, keywords: key.keywords, time }, now);
      if (result.status === 'limit') return texts.subscriptionLimit(result.max);
      deps.onChange?.();
      const what = shorten(describeSubscription(result.subscription, lang), DESCRIPTION_CHARS);
      const when = describeWhen(time, lang);
      const reply = result.status === 'added' ? texts.subscribed(when, what) : texts.subscriptionUpdated(when, what);
      return suggestions.length > 0 ? `${reply}\n${texts.unknownRegionHint(suggestions)}` : reply;
    },
  };
}

/** Why a /subscribe argument was refused, in the asker's words. */
function refusal(parsed: Extract<ParsedSubscription, { ok: false }>, lang: Lang, defaultTime: string): string {
  const texts = messages(lang);
  if (parsed.error === 'bad-time') return texts.badTime(shorten(parsed.text ?? '', ECHO_CHARS));
  if (parsed.error === 'no-keywords') return texts.nothingToSubscribe;
  if (parsed.error === 'too-long') return texts.subscriptionTooLong(MAX_QUERY_CHARS);
  return texts.subscribeUsage(defaultTime);
}

async function subscribeCommand(ctx: Context, payload: string, deps: DigestCommandDeps, actions: SubscriptionActions): Promise<void> {
  const parsed = parseSubscription(payload, deps.regions);
  if (!parsed.ok) return void (await ctx.reply(refusal(parsed, langOf(ctx), deps.defaultTime), replyTo(ctx)));
  if (!(await actions.mayChange(ctx))) return;
  await ctx.reply(await actions.subscribe(ctx, parsed, parsed.suggestions), replyTo(ctx));
}

async function unsubscribeCommand(ctx: Context, payload: string, deps: DigestCommandDeps, actions: SubscriptionActions): Promise<void> {
  const { store } = deps;
  const lang = langOf(ctx);
  const texts = messages(lang);
  const arg = payload.trim();
  if (arg === '') return void (await ctx.reply(texts.unsubscribeUsage, replyTo(ctx)));
  if (!(await actions.mayChange(ctx))) return;
  const chatId = ctx.chat!.id;
  if (/^(all|全部|所有)$/i.test(arg)) {
    const count = await store.unsubscribeAll(chatId);
    deps.onChange?.();
    return void (await ctx.reply(texts.unsubscribedAll(count), replyTo(ctx)));
  }
  const parsed = parseSubscription(arg, deps.regions);
  const found = parsed.ok ? await store.findSubscription(chatId, { region: parsed.region, keywords: parsed.keywords }) : undefined;
  if (found === undefined) return void (await ctx.reply(texts.notSubscribed(shorten(arg.replace(/\s+/g, ' '), ECHO_CHARS)), replyTo(ctx)));
  await store.unsubscribe(chatId, found.id);
  deps.onChange?.();
  await ctx.reply(texts.unsubscribed(shorten(describeSubscription(found, lang), DESCRIPTION_CHARS)), replyTo(ctx));
}

async function listCommand(ctx: Context, deps: DigestCommandDeps): Promise<void> {
  if (ctx.chat === undefined) return;
  const { text, keyboard } = listReply(await deps.store.subscriptions(ctx.chat.id), langOf(ctx));
  await ctx.reply(text, { ...replyTo(ctx), ...(keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}) });
}

async function previewCommand(ctx: Context, deps: DigestCommandDeps): Promise<void> {
  if (ctx.chat === undefined) return;
  const texts = messages(langOf(ctx));
  const preview = await previewDigest(deps, ctx.chat.id, Date.now());
  if (preview.length === 0) {
    const none = (await deps.store.subscriptions(ctx.chat.id)).length === 0;
    return void (await ctx.reply(none ? texts.listEmpty : texts.previewEmpty, replyTo(ctx)));
  }
  for (const [at, message] of preview.entries()) {
    const text = at === 0 ? `<i>${texts.previewNote}</i>\n${message.text}` : message.text;
    await ctx.reply(text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(message.buttons ? { reply_markup: { inline_keyboard: message.buttons } } : {}),
    });
  }
}

/** The remove button under /subscriptions: removes one and shows the list again. */
async function removeButton(ctx: Context, id: number, deps: DigestCommandDeps, actions: SubscriptionActions): Promise<void> {
  const lang = langOf(ctx);
  const texts = messages(lang);
  if (!(await actions.mayChange(ctx))) return;
  const chatId = ctx.chat!.id;
  const removed = await deps.store.unsubscribe(chatId, id);
  if (removed) deps.onChange?.();
  await ctx.answerCbQuery(removed ? texts.removedToast : texts.goneToast);
  const { text, keyboard } = listReply(await deps.store.subscriptions(chatId), lang);
  await ctx.editMessageText(text, keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}).catch(() => undefined);
}

/** The one-tap subscribe buttons: a region by name, or a search read as /subscribe reads its words. */
async function subscribeButtonPressed(
  ctx: Context,
  action: CallbackAction,
  deps: DigestCommandDeps,
  actions: SubscriptionActions,
): Promise<void> {
  const parsed = action.kind === 'subscribe-search' ? parseSubscription(action.query, deps.regions) : undefined;
  const key: SubscriptionKey | undefined =
    action.kind === 'subscribe-region'
      ? { region: deps.regions.resolve(action.name).region?.name }
      : parsed?.ok
        ? { region: parsed.region, keywords: parsed.keywords }
        : undefined;
  if (key === undefined || (key.region === undefined && (key.keywords ?? []).length === 0)) {
    return void (await ctx.answerCbQuery(messages(langOf(ctx)).goneToast));
  }
  if (!(await actions.mayChange(ctx))) return;
  await ctx.answerCbQuery(shorten(await actions.subscribe(ctx, key, []), CALLBACK_TEXT_LIMIT));
}

/** Builds the Composer with the digest commands and buttons. */
export function digestCommands(deps: DigestCommandDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const actions = subscriptionActions(deps);
  // A write the database refused (deleted, replaced or read-only file) is said, never confirmed.
  composer.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      deps.logger.error({ error: error.message, chat: ctx.chat?.id }, 'cannot save to the bot database');
      await tell(ctx, messages(langOf(ctx)).storageFailed, true);
    }
  });
  composer.command('subscribe', (ctx) => subscribeCommand(ctx, ctx.payload, deps, actions));
  composer.command('unsubscribe', (ctx) => unsubscribeCommand(ctx, ctx.payload, deps, actions));
  composer.command('subscriptions', (ctx) => listCommand(ctx, deps));
  composer.command('digest', (ctx) => previewCommand(ctx, deps));
  composer.on('callback_query', async (ctx, next) => {
    const action = decodeCallback('data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined);
    if (action === null || !['unsubscribe', 'subscribe-region', 'subscribe-search'].includes(action.kind)) return next();
    // A button under an inline message, or whose message Telegram no longer sends: no chat to change.
    if (ctx.chat === undefined) return void (await ctx.answerCbQuery(messages(langOf(ctx)).subscribeChatOnly));
    if (action.kind === 'unsubscribe') return removeButton(ctx, action.id, deps, actions);
    return subscribeButtonPressed(ctx, action, deps, actions);
  });
  return composer;
}

/**
 * This chat's digest as it would be sent now, for every topic and time it has, without recording
 * anything (`/digest`).
 */
export async function previewDigest(
  deps: Pick<DigestCommandDeps, 'store' | 'index' | 'regions' | 'timeZone'>,
  chatId: number,
  now: number,
): Promise<StoredMessage[]> {
  const { store } = deps;
  const { date } = localDateTime(now, deps.timeZone);
  const sources = { index: deps.index, expandRegion: (name: string) => deps.regions.withDescendants(name) };
  const preview: StoredMessage[] = [];
  for (const target of (await store.targets()).filter((t) => t.chatId === chatId)) {
    const since = (await store.lastCutoff(target)) ?? -1;
    const digest = await composeDigest({
      matcher: new DigestMatcher(sources, { since, upTo: now }),
      subscriptions: await store.targetSubscriptions(target),
      isFirst: (s) => since < 0 || s.createdAt > since,
      date,
      lang: await store.language(chatId),
      weekly: parseWhen(target.time)?.weekday !== undefined,
    });
    preview.push(...digest.messages);
  }
  return preview;
}
