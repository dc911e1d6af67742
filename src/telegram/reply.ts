/**
 * Small facts about an update and a reply that the bot's and the digest's handlers both need: whose
 * language to answer in, whether the chat is a group, which forum topic the message came from,
 * how a reply points at the asking message, and how buttons are laid out in rows.
 */
import type { Context } from 'telegraf';
import { messages, pickLang, type Lang, type Messages } from './i18n.ts';

/** The language of whoever sent the update. */
export function langOf(ctx: Context): Lang {
  return pickLang(ctx.from?.language_code);
}

/** The catalogue for whoever sent the update. */
export function tr(ctx: Context): Messages {
  return messages(langOf(ctx));
}

/** True in groups and supergroups (compact results, replies quote the asking message). */
export function inGroup(ctx: Context): boolean {
  return ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
}

/** The forum topic a message (or the message under a pressed button) was sent in, 0 for none. */
export function threadOf(ctx: Context): number {
  const message = ctx.callbackQuery?.message ?? ctx.message;
  if (message !== undefined && 'is_topic_message' in message && message.is_topic_message === true) return message.message_thread_id ?? 0;
  return 0;
}

/** Reply parameters that answer the asking message (and so land in its forum topic); none without one. */
export function replyTo(ctx: Context): { reply_parameters?: { message_id: number; allow_sending_without_reply: boolean } } {
  const id = ctx.message?.message_id;
  return id === undefined ? {} : { reply_parameters: { message_id: id, allow_sending_without_reply: true } };
}

/** Lays buttons out `perRow` to a row. */
export function rows<T>(items: readonly T[], perRow: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) out.push(items.slice(i, i + perRow));
  return out;
}
