/**
 * /latest [地名] (the newest articles, of a place and its sub-regions or of all Hunan) and
 * /author 名字 (the articles a reporter signed, newest first): lists by time and by person, paged
 * like every result list.
 */
import { Composer, type Context } from 'telegraf';
import { type BotDeps, MAX_QUERY_CHARS } from '../deps.ts';
import { escapeHtml } from '../html.ts';
import { authorPage, latestPage } from '../query.ts';
import { acceptQuery, queryDeps, replyHtml, showOutcome, tr, withinLimit } from '../respond.ts';

/** The /latest and /author commands. */
export function latestCommands(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('latest', async (ctx) => {
    const place = ctx.payload.replace(/\s+/g, ' ').trim();
    if (Array.from(place).length > MAX_QUERY_CHARS) return replyHtml(ctx, escapeHtml(tr(ctx).tooLong(MAX_QUERY_CHARS)));
    if (!(await withinLimit(ctx, deps))) return;
    await showOutcome(ctx, deps, latestPage(queryDeps(deps), place, 0), false);
  });
  composer.command('author', async (ctx) => {
    const name = await acceptQuery(ctx, ctx.payload, (t) => t.authorUsage(deps.examples.author ?? '张三'));
    if (name === undefined || !(await withinLimit(ctx, deps))) return;
    await showOutcome(ctx, deps, authorPage(queryDeps(deps), name, 0), false);
  });
  return composer;
}
