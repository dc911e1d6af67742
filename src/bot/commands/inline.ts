/**
 * Inline mode: `@Bot 营商环境` typed in any chat offers matching articles (headline and summary);
 * choosing one posts headline, summary and regions, with a button that opens the full article in
 * the private chat. Up to 50 results per answer, further ones through `next_offset`.
 */
import { Composer, type Context } from 'telegraf';
import type { InlineQueryResultArticle } from 'telegraf/types';
import { INLINE_PAGE_SIZE, type BotDeps } from '../deps.ts';
import { MAX_QUERY_CHARS } from '../../telegram/length-guard.ts';
import { formatInlineMessage } from '../format.ts';
import { snippet } from '../../telegram/html.ts';
import { articleLink } from '../respond.ts';
import { tr } from '../../telegram/reply.ts';

/** Telegram keeps offering "load more" only this far into a result list. */
const MAX_INLINE_OFFSET = 1000;

/** The inline_query handler. */
export function inlineHandlers(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('inline_query', async (ctx) => {
    const t = tr(ctx);
    const query = Array.from(ctx.inlineQuery.query.replace(/\s+/g, ' ').trim()).slice(0, MAX_QUERY_CHARS).join('');
    const offset = /^\d{1,4}$/.test(ctx.inlineQuery.offset) ? Number(ctx.inlineQuery.offset) : 0;
    const hint = { button: { text: t.inlineHint, start_parameter: 'help' }, cache_time: 300 };
    if (query === '' || offset > MAX_INLINE_OFFSET) return ctx.answerInlineQuery([], hint);
    const result = await deps.index.search(query, { limit: INLINE_PAGE_SIZE, offset });
    if (result.noKeywords) return ctx.answerInlineQuery([], hint);
    const answers = result.hits.map((hit): InlineQueryResultArticle => {
      const url = articleLink(ctx, hit.id);
      return {
        type: 'article',
        id: hit.id.slice(0, 64),
        title: hit.title,
        description: snippet(hit.summary, result.terms, 80),
        input_message_content: {
          message_text: formatInlineMessage(hit, t),
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        },
        ...(url ? { reply_markup: { inline_keyboard: [[{ text: t.readInBot, url }]] } } : {}),
      };
    });
    const next = offset + answers.length;
    await ctx.answerInlineQuery(answers, {
      cache_time: 300,
      next_offset: answers.length > 0 && next < result.total && next <= MAX_INLINE_OFFSET ? String(next) : '',
      ...(answers.length === 0 && offset === 0 ? { button: { text: t.inlineEmpty, start_parameter: 'help' } } : {}),
    });
  });
  return composer;
}
