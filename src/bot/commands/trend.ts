/**
 * /trend 词或地名 [范围]: a chart of how many articles match per month (per week for ranges under
 * three months) with the places reported most beside it, sent as a photo whose caption says it in
 * one line. Drawn by src/trend/ from the index.
 */
import { Composer, type Context } from 'telegraf';
import { todayIn } from '../../search/query-parse.ts';
import type { BotDeps } from '../deps.ts';
import { escapeHtml } from '../../telegram/html.ts';
import { acceptQuery, replyHtml, withinLimit } from '../respond.ts';
import { inGroup, langOf, tr } from '../../telegram/reply.ts';

/** Sends the trend chart of `query`, or says why there is none. */
export async function sendTrend(ctx: Context, deps: BotDeps, query: string): Promise<void> {
  const t = tr(ctx);
  // Vega and resvg load on the first chart, not at start-up: most runs of the bot draw none.
  const [{ computeTrend, renderTrendPng }, { trendTexts }] = await Promise.all([
    import('../../trend/trend.ts'),
    import('../../trend/texts.ts'),
  ]);
  const outcome = await computeTrend(deps.index, query, todayIn(deps.timeZone));
  if (outcome.kind === 'bad-range') return replyHtml(ctx, escapeHtml(t.badRange(outcome.word)));
  if (outcome.kind === 'no-subject') return replyHtml(ctx, escapeHtml(t.trendUsage(deps.examples.keyword)));
  if (outcome.kind === 'nothing') return replyHtml(ctx, escapeHtml(t.trendNothing(outcome.subject, outcome.range?.label)));
  const texts = trendTexts(langOf(ctx));
  const png = await renderTrendPng(outcome.trend, texts);
  const asking = ctx.message?.message_id;
  // An upload goes out as multipart form data, where telegraf JSON-encodes only a few known fields
  // (reply_markup …) and silently drops other objects: reply_parameters must travel as JSON text.
  const replyTo =
    inGroup(ctx) && asking !== undefined ? JSON.stringify({ message_id: asking, allow_sending_without_reply: true }) : undefined;
  await ctx.replyWithPhoto(
    { source: png, filename: 'trend.png' },
    {
      caption: texts.summary(outcome.trend),
      ...(replyTo ? { reply_parameters: replyTo as unknown as { message_id: number } } : {}),
    },
  );
}

/** The /trend command. */
export function trendCommands(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('trend', async (ctx) => {
    const query = await acceptQuery(ctx, ctx.payload, (t) => t.trendUsage(deps.examples.keyword));
    if (query === undefined || !(await withinLimit(ctx, deps))) return;
    await sendTrend(ctx, deps, query);
  });
  return composer;
}
