/**
 * Conversation helpers for the end-to-end tests: send as a user through the emulator's client,
 * then read what the bot sent from the emulator's store.
 */
import type { TelegramClient } from 'telegram-test-api/lib/modules/telegramClient.js';
import type { InlineKeyboardButton } from 'telegraf/types';
import { waitFor, type Emulator } from '../support/emulator.ts';

/** A message the bot sent, as the emulator stored it (edits applied). */
export interface BotMessage {
  messageId: number;
  chatId: number;
  text: string;
  keyboard: InlineKeyboardButton[][];
  raw: Record<string, unknown>;
}

/** Everything the bot sent to `chatId` so far, oldest first. */
export function sentTo(emu: Emulator, chatId: number): BotMessage[] {
  return emu.server.storage.botMessages
    .filter((u) => Number(u.message.chat_id) === chatId)
    .map((u) => {
      const raw = u.message as unknown as Record<string, unknown>;
      const markup = raw.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
      return { messageId: u.messageId, chatId, text: String(raw.text ?? ''), keyboard: markup?.inline_keyboard ?? [], raw };
    });
}

/** Waits until the bot has sent `chatId` more messages than `before`, and they stop coming (150 ms). */
export async function repliesAfter(emu: Emulator, chatId: number, before: number, timeoutMs = 10_000): Promise<BotMessage[]> {
  await waitFor(() => (sentTo(emu, chatId).length > before ? true : undefined), timeoutMs, `a reply in chat ${chatId}`);
  let count = -1;
  while (sentTo(emu, chatId).length !== count) {
    count = sentTo(emu, chatId).length;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return sentTo(emu, chatId).slice(before);
}

/** Sends `text` as a message (a command when it starts with `/`) and returns the bot's replies. */
export async function say(
  emu: Emulator,
  client: TelegramClient,
  chatId: number,
  text: string,
  extra: Record<string, unknown> = {},
): Promise<BotMessage[]> {
  const before = sentTo(emu, chatId).length;
  if (text.startsWith('/')) await client.sendCommand(client.makeCommand(text, extra));
  else await client.sendMessage(client.makeMessage(text, extra));
  return repliesAfter(emu, chatId, before);
}

/** The id the emulator gave the user's latest message in `chatId`. */
export function lastUserMessageId(emu: Emulator, chatId: number): number {
  const mine = emu.server.storage.userMessages.filter(
    (u) => 'message' in u && Number((u.message as { chat?: { id?: number } }).chat?.id) === chatId,
  );
  return mine[mine.length - 1].messageId;
}

/** Presses an inline button of a bot message. */
export async function press(client: TelegramClient, message: BotMessage, data: string): Promise<void> {
  await client.sendCallback(client.makeCallbackQuery(data, { message: { message_id: message.messageId } } as never));
}

/** Callback data of the button whose text matches. */
export function buttonData(message: BotMessage, text: RegExp | string): string | undefined {
  for (const row of message.keyboard) {
    for (const b of row)
      if ((typeof text === 'string' ? b.text === text : text.test(b.text)) && 'callback_data' in b) return b.callback_data;
  }
  return undefined;
}

/** Text without tags and entities, for content checks. */
export function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
