/**
 * /start and /help. In a private chat they explain the bot with examples taken from the loaded
 * index; in a group, how to use it there. `/start <payload>` (deep links from t.me/<bot>?start=…)
 * opens a search (`q_<base64url>`) or an article (`a_<id>`).
 */
import { Composer, type Context } from 'telegraf';
import { decodeDeepLink } from '../deep-link.ts';
import type { BotDeps } from '../deps.ts';
import { escapeHtml } from '../../telegram/html.ts';
import { replyHtml } from '../respond.ts';
import { inGroup, tr } from '../../telegram/reply.ts';
import { sendArticle } from './article.ts';
import { runSearch } from './search.ts';

/** Replies with the help that fits the chat. */
export async function sendHelp(ctx: Context, deps: BotDeps): Promise<void> {
  const t = tr(ctx);
  const username = ctx.me ?? 'bot';
  const digest = deps.subscribeButton !== undefined;
  const text = inGroup(ctx) ? t.helpGroup(deps.examples, username, digest) : t.helpPrivate(deps.examples, username, digest);
  await replyHtml(ctx, escapeHtml(text));
}

/** /start (with deep-link payloads), /help, and a hint for unknown commands in private chats. */
export function helpCommands(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('start', async (ctx) => {
    const link = ctx.payload ? decodeDeepLink(ctx.payload) : undefined;
    if (link?.kind === 'search') return runSearch(ctx, deps, link.query);
    if (link?.kind === 'article') return sendArticle(ctx, deps, link.id);
    await sendHelp(ctx, deps);
  });
  composer.command('help', (ctx) => sendHelp(ctx, deps));
  return composer;
}

/** Runs last: an unknown /command in a private chat, or one addressed to this bot in a group. */
export function unknownCommand(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message', async (ctx, next) => {
    const text = 'text' in ctx.message ? ctx.message.text : '';
    if (!text.startsWith('/')) return next();
    const addressed = new RegExp(`^/[^\\s@]+@${ctx.me}\\b`, 'i').test(text);
    if (ctx.chat.type === 'private' || addressed) return sendHelp(ctx, deps);
    return next();
  });
  return composer;
}
