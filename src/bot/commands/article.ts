/**
 * /article ID and the open buttons: the full article (kicker, headline, subtitle, authors, body,
 * captions), split into as many messages as Telegram's 4,096-character limit needs. The last part
 * carries up to five 相关报道 buttons (same place, shared keywords, newest first) and, with the
 * digest mounted, a one-tap "订阅此地区" button for the article's place.
 */
import { Composer, type Context } from 'telegraf';
import type { BotDeps } from '../deps.ts';
import { formatArticle } from '../format.ts';
import { escapeHtml } from '../../telegram/html.ts';
import type { InlineKeyboardButton } from 'telegraf/types';
import { encodeCallback } from '../../telegram/callback-data.ts';
import { relatedArticles } from '../query.ts';
import { articleLink, queryDeps, replyHtml, withinLimit } from '../respond.ts';
import { inGroup, langOf, tr } from '../../telegram/reply.ts';

const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;
/** Button labels stay on one line on a phone. */
const BUTTON_TITLE_MAX = 22;

function shortTitle(title: string): string {
  return Array.from(title).length > BUTTON_TITLE_MAX
    ? `${Array.from(title)
        .slice(0, BUTTON_TITLE_MAX - 1)
        .join('')}…`
    : title;
}

/** Sends article `id` in full, or says it is gone. Parts go out in order, one after the other. */
export async function sendArticle(ctx: Context, deps: BotDeps, id: string): Promise<void> {
  const t = tr(ctx);
  const article = ID_SHAPE.test(id) ? await deps.index.get(id) : undefined;
  if (!article) return replyHtml(ctx, escapeHtml(t.articleNotFound));
  if (!(await withinLimit(ctx, deps))) return;
  const parts = formatArticle(article, t);
  // Under the last part: subscribe to the article's most specific place.
  const place = article.regions[0];
  const subscribe = place === undefined ? undefined : deps.subscribeButton?.({ kind: 'region', name: place }, langOf(ctx));
  const keyboard: InlineKeyboardButton[][] = (await relatedArticles(queryDeps(deps), article)).map((hit) => {
    const text = `${t.related} ${shortTitle(hit.title)}`;
    // In a group the article opens in the private chat with the bot, as result lists do.
    const url = inGroup(ctx) ? articleLink(ctx, hit.id) : undefined;
    return [url ? { text, url } : { text, callback_data: encodeCallback({ kind: 'article', id: hit.id }, deps.store) }];
  });
  if (subscribe) keyboard.push([subscribe]);
  for (const [i, part] of parts.entries()) {
    const markup = keyboard.length > 0 && i === parts.length - 1 ? { inline_keyboard: keyboard } : undefined;
    await replyHtml(ctx, part, markup, i === 0);
  }
}

/** The /article command. */
export function articleCommands(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('article', async (ctx) => {
    const id = ctx.payload.trim();
    if (id === '') return replyHtml(ctx, escapeHtml(tr(ctx).articleUsage));
    await sendArticle(ctx, deps, id);
  });
  return composer;
}
