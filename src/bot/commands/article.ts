/**
 * /article ID and the open buttons: the full article (kicker, headline, subtitle, authors, body,
 * captions), split into as many messages as Telegram's 4,096-character limit needs; with the digest
 * mounted, the last part carries a one-tap "订阅此地区" button for the article's place.
 */
import { Composer, type Context } from 'telegraf';
import type { BotDeps } from '../deps.ts';
import { formatArticle } from '../format.ts';
import { escapeHtml } from '../html.ts';
import { langOf, replyHtml, tr, withinLimit } from '../respond.ts';

const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

/** Sends article `id` in full, or says it is gone. Parts go out in order, one after the other. */
export async function sendArticle(ctx: Context, deps: BotDeps, id: string): Promise<void> {
  const t = tr(ctx);
  const article = ID_SHAPE.test(id) ? deps.index.get(id) : undefined;
  if (!article) return replyHtml(ctx, escapeHtml(t.articleNotFound));
  if (!(await withinLimit(ctx, deps))) return;
  const parts = formatArticle(article, t);
  // Under the last part: subscribe to the article's most specific place.
  const place = article.regions[0];
  const subscribe = place === undefined ? undefined : deps.subscribeButton?.({ kind: 'region', name: place }, langOf(ctx));
  for (const [i, part] of parts.entries()) {
    const markup = subscribe && i === parts.length - 1 ? { inline_keyboard: [[subscribe]] } : undefined;
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
