/**
 * Group chats beyond commands: a message mentioning the bot (`@Bot 营商环境`) is a search, other
 * chatter is ignored, and a group that became a supergroup (`migrate_to_chat_id`) is reported so
 * stored chat ids can move (sending itself follows the move in ../api-retry.ts).
 */
import { Composer, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import type { MessageEntity } from 'telegraf/types';
import type { BotDeps } from '../deps.ts';
import { sendHelp } from './help.ts';
import { runSearch } from './search.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The query in a group message addressed to the bot by `@username` (as text or as a mention
 * entity), or undefined when the message does not mention the bot.
 */
export function mentionQuery(text: string, username: string, entities: MessageEntity[] = [], botId?: number): string | undefined {
  const byName = new RegExp(`@${escapeRegExp(username)}(?![A-Za-z0-9_])`, 'gi');
  const byEntity = entities.some((e) => e.type === 'text_mention' && botId !== undefined && e.user.id === botId);
  if (!byName.test(text) && !byEntity) return undefined;
  let rest = text.replace(byName, ' ');
  for (const e of entities)
    if (e.type === 'text_mention' && e.user.id === botId) rest = rest.replace(text.slice(e.offset, e.offset + e.length), ' ');
  return rest.replace(/\s+/g, ' ').trim();
}

/** Mentions as searches, migrations reported, everything else in groups ignored. */
export function groupHandlers(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on(message('migrate_to_chat_id'), async (ctx) => {
    const from = ctx.chat.id;
    const to = ctx.message.migrate_to_chat_id;
    deps.logger.info({ from, to }, 'group migrated to a supergroup');
    await deps.onChatMigrated?.(from, to);
  });
  composer.on(message('text'), async (ctx, next) => {
    if (ctx.chat.type !== 'group' && ctx.chat.type !== 'supergroup') return next();
    if (ctx.message.text.startsWith('/')) return next();
    const query = mentionQuery(ctx.message.text, ctx.me, ctx.message.entities, ctx.botInfo.id);
    if (query === undefined) return; // ordinary group chatter: not for us
    if (query === '') return sendHelp(ctx, deps);
    await runSearch(ctx, deps, query);
  });
  return composer;
}
