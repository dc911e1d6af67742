/**
 * /search and free-text search: `/search 营商环境`, `/search@Bot 营商环境` in groups, and in a
 * private chat any plain text. Group mentions (`@Bot 营商环境`) come through ./group.ts.
 */
import { Composer, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import type { BotDeps } from '../deps.ts';
import { searchPage } from '../query.ts';
import { acceptQuery, queryDeps, showOutcome, withinLimit } from '../respond.ts';

/** Checks, rate-limits and runs a typed search, replying with page 1. */
export async function runSearch(ctx: Context, deps: BotDeps, raw: string): Promise<void> {
  const query = await acceptQuery(ctx, raw, (t) => t.searchUsage(deps.examples.keyword));
  if (query === undefined || !(await withinLimit(ctx, deps))) return;
  await showOutcome(ctx, deps, searchPage(queryDeps(deps), query, 0), false);
}

/** The /search command and, in private chats, plain text as a search. */
export function searchCommands(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('search', (ctx) => runSearch(ctx, deps, ctx.payload));
  composer.on(message('text'), async (ctx, next) => {
    if (ctx.chat.type !== 'private' || ctx.message.text.startsWith('/')) return next();
    await runSearch(ctx, deps, ctx.message.text);
  });
  return composer;
}
