/**
 * Inline-button presses. The callback data is decoded and validated (./callback-data.ts); anything
 * malformed, forged or from before a restart answers "此列表已过期，请重新搜索" instead of failing.
 */
import { Composer, type Context } from 'telegraf';
import { decodeCallbackLoading } from '../../telegram/callback-data.ts';
import type { BotDeps } from '../deps.ts';
import { authorPage, latestPage, regionPage, searchPage } from '../query.ts';
import { answerCallback, articleLink, queryDeps, showOutcome, withinLimit } from '../respond.ts';
import { tr } from '../../telegram/reply.ts';
import { sendArticle } from './article.ts';
import { editTree } from './region.ts';

/** The callback-query handler for every button the bot makes. */
export function buttonHandlers(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('callback_query', async (ctx) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
    const action = await decodeCallbackLoading(data, deps.store);
    // Paging edits the list: without the list's message there is nothing to edit.
    const canEdit = ctx.callbackQuery.message !== undefined || ctx.callbackQuery.inline_message_id !== undefined;
    const edits = action !== null && ['search', 'region', 'latest', 'author', 'tree'].includes(action.kind);
    if (action === null || (!canEdit && edits)) {
      deps.logger.info({ data }, 'expired or forged callback data');
      return answerCallback(ctx, deps, tr(ctx).expired);
    }
    switch (action.kind) {
      case 'noop':
        return answerCallback(ctx, deps);
      case 'article': {
        if (!(await deps.index.get(action.id))) return answerCallback(ctx, deps, tr(ctx).expired);
        if (ctx.chat === undefined) {
          // A button under an inline message (or one whose message Telegram no longer sends) has
          // no chat to post into: open the article in the private chat with the bot instead.
          const url = articleLink(ctx, action.id);
          if (url === undefined) return answerCallback(ctx, deps, tr(ctx).chatOnly);
          try {
            await ctx.answerCbQuery(undefined, { url });
          } catch (error) {
            deps.logger.debug({ err: error }, 'answerCallbackQuery with a URL failed');
          }
          return;
        }
        await answerCallback(ctx, deps);
        return sendArticle(ctx, deps, action.id);
      }
      case 'tree':
        return editTree(ctx, deps, action.name);
      case 'search':
        if (!(await withinLimit(ctx, deps))) return;
        return showOutcome(ctx, deps, await searchPage(queryDeps(deps), action.query, action.page, action.order ?? 'relevance'), true);
      case 'region':
        if (!(await withinLimit(ctx, deps))) return;
        return showOutcome(ctx, deps, await regionPage(queryDeps(deps), action.name, action.page), true);
      case 'latest':
        if (!(await withinLimit(ctx, deps))) return;
        return showOutcome(ctx, deps, await latestPage(queryDeps(deps), action.name, action.page), true);
      case 'author':
        if (!(await withinLimit(ctx, deps))) return;
        return showOutcome(ctx, deps, await authorPage(queryDeps(deps), action.name, action.page), true);
      case 'unsubscribe':
      case 'subscribe-region':
      case 'subscribe-search':
        // The digest's buttons, answered by its handlers before these; without the digest they are stale.
        return answerCallback(ctx, deps, tr(ctx).expired);
    }
  });
  return composer;
}
