/**
 * /region 地名 (articles about a place and its sub-regions; unknown places get suggestion buttons)
 * and /regions (the region tree with article counts, each region a button).
 */
import { Composer, type Context } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { encodeCallback } from '../../telegram/callback-data.ts';
import type { BotDeps } from '../deps.ts';
import { regionLabel } from '../format.ts';
import { escapeHtml } from '../../telegram/html.ts';
import { regionButtons } from '../keyboards.ts';
import { regionPage } from '../query.ts';
import { acceptQuery, answerCallback, queryDeps, replyHtml, showOutcome, withinLimit } from '../respond.ts';
import { tr } from '../../telegram/reply.ts';

/** Checks, rate-limits and lists a typed region, replying with page 1. */
export async function runRegion(ctx: Context, deps: BotDeps, raw: string): Promise<void> {
  const name = await acceptQuery(ctx, raw, (t) => t.regionUsage(deps.examples.region));
  if (name === undefined || !(await withinLimit(ctx, deps))) return;
  await showOutcome(ctx, deps, await regionPage(queryDeps(deps), name, 0), false);
}

/**
 * The tree one level below `name` ('' = top): text with counts, a button per region (one with
 * sub-regions opens the next level; a leaf lists its articles), and "all articles" for `name`.
 */
export async function treeView(
  ctx: Context,
  deps: BotDeps,
  name: string,
): Promise<{ html: string; keyboard: InlineKeyboardButton[][] } | undefined> {
  const t = tr(ctx);
  const tree = await deps.tree();
  const entries = tree.below(name).slice(0, 60);
  if (name === '' && entries.length === 0) return undefined;
  const keyboard = regionButtons(
    entries.map((e) => ({
      name: e.name,
      label: regionLabel(e.name, e.count),
      action: e.hasChildren ? ('tree' as const) : ('region' as const),
    })),
    deps.store,
  );
  const title = name === '' ? t.regionsTitle : regionLabel(name, tree.count(name));
  if (name !== '') {
    keyboard.unshift([
      { text: `📰 ${regionLabel(name, tree.count(name))}`, callback_data: encodeCallback({ kind: 'region', name, page: 0 }, deps.store) },
    ]);
    keyboard.push([{ text: '⬆', callback_data: encodeCallback({ kind: 'tree', name: '' }, deps.store) }]);
  }
  // The buttons' keys must be saved before anyone can press them (on any instance).
  await deps.store.settle();
  return { html: escapeHtml(title), keyboard };
}

/** The /region and /regions commands. */
export function regionCommands(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('region', (ctx) => runRegion(ctx, deps, ctx.payload));
  composer.command('regions', async (ctx) => {
    const view = await treeView(ctx, deps, '');
    if (!view) return replyHtml(ctx, escapeHtml(tr(ctx).regionsEmpty));
    await replyHtml(ctx, view.html, { inline_keyboard: view.keyboard });
  });
  return composer;
}

/** Shows the tree below `name` by editing the message whose button was pressed. */
export async function editTree(ctx: Context, deps: BotDeps, name: string): Promise<void> {
  const view = await treeView(ctx, deps, name);
  if (!view || (name !== '' && deps.regions.resolve(name).region === null)) return answerCallback(ctx, deps, tr(ctx).expired);
  await answerCallback(ctx, deps);
  await ctx.editMessageText(view.html, { parse_mode: 'HTML', reply_markup: { inline_keyboard: view.keyboard } });
}
