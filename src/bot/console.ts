/**
 * Console mode (`npm start` without BOT_TOKEN, on a terminal): the same bot, fed lines typed in
 * the terminal as private-chat messages. The bot talks to a local stand-in for the Bot API
 * (./local-api.ts) that prints its replies as plain text and numbers their buttons; typing a
 * number presses that button.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { InlineKeyboardButton, Update } from 'telegraf/types';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ArticleIndex } from '../search/engine.ts';
import { createBot } from './app.ts';
import { unescapeHtml } from '../telegram/html.ts';
import { type ApiHandler, startLocalApi } from './local-api.ts';

export interface ConsoleOptions {
  logger: Logger;
  /** The index to search (opened by the composition root, which also closes it). */
  index: ArticleIndex;
  input?: Readable;
  output?: Writable;
  /** Telegram language code of the pretend user (default zh). */
  languageCode?: string;
}

const BANNER = `湘闻 · 控制台模式 (console mode)
没有设置 BOT_TOKEN，所以在终端里演示：输入关键词或命令（/help、/search 词、/region 地名、/regions、/latest、/author 名字），
输入按钮前的数字来按按钮，/quit 或 Ctrl-D 退出。
连接 Telegram：在 @BotFather 创建机器人，把令牌写进 .env 的 BOT_TOKEN=…，再运行 npm start。
(No BOT_TOKEN: type keywords or commands; a number presses a button; /quit leaves.
 To connect to Telegram, put the token from @BotFather into BOT_TOKEN in .env and run npm start.)`;

/** Telegram HTML as terminal text: tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return unescapeHtml(html.replace(/<[^>]+>/g, ''));
}

/** A bot message as terminal text, buttons numbered from `firstNumber`. */
function render(text: string, buttons: InlineKeyboardButton[][], firstNumber: number): string {
  let n = firstNumber;
  const rows = buttons.map((row) => row.map((b) => ('url' in b ? `[${b.text} → ${b.url}]` : `[${n++}] ${b.text}`)).join('  '));
  return [htmlToText(text), ...rows].join('\n');
}

function keyboardOf(payload: Record<string, unknown>): InlineKeyboardButton[][] {
  const markup = payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
  return markup?.inline_keyboard ?? [];
}

/** Runs console mode until the input ends or the user types /quit. */
export async function runConsole(config: Config, options: ConsoleOptions): Promise<void> {
  const { logger } = options;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const write = (text: string) => output.write(`${text}\n`);
  const { index } = options;

  const screen = consoleScreen(write, options.languageCode ?? 'zh');
  const api = await startLocalApi(screen.answer);

  const bot = createBot({ token: '1:console', apiRoot: api.url, index, logger, userQueriesPerMinute: config.userQueriesPerMinute });
  bot.botInfo = await bot.telegram.getMe();
  write(BANNER);
  write('');

  let updateId = 0;
  const feed = async (update: Omit<Update.MessageUpdate, 'update_id'> | Omit<Update.CallbackQueryUpdate, 'update_id'>) => {
    try {
      await bot.handleUpdate({ update_id: ++updateId, ...update } as Update);
    } catch (error) {
      logger.error({ err: error }, 'console update failed');
    }
  };

  const lines = createInterface({ input, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line === '') continue;
    await feed(screen.updateFor(line, updateId + 1));
  }
  lines.close();
  await api.close();
}

/** A pretend private chat on the terminal: what the local Bot API answers, and the update each typed line makes. */
function consoleScreen(write: (text: string) => void, languageCode: string) {
  // Buttons pressable by number: callback data and the message they sit under.
  let pressable: { data: string; messageId: number }[] = [];
  let messageId = 1;
  const user = { id: 1, is_bot: false, first_name: '读者', language_code: languageCode };
  const chat = { id: 1, type: 'private' as const, first_name: '读者' };

  const show = (text: string, payload: Record<string, unknown>, id: number, edited: boolean) => {
    const buttons = keyboardOf(payload);
    // Numbers always refer to the buttons of the latest message that has any (1, 2, 3 …).
    const fresh = buttons.flat().flatMap((b) => ('callback_data' in b ? [{ data: b.callback_data, messageId: id }] : []));
    if (fresh.length > 0) pressable = fresh;
    write(`${edited ? '（已更新 edited）\n' : ''}${render(text, buttons, 1)}\n`);
  };
  const answer: ApiHandler = (method, payload, file) => {
    switch (method) {
      case 'sendPhoto': {
        // A chart cannot be drawn in a terminal: it is saved, and its caption says what it shows.
        const id = ++messageId;
        const path = join(tmpdir(), `xiangwen-chart-${process.pid}-${id}.png`);
        if (file) writeFileSync(path, file);
        write(`（图表 chart → ${path}）\n${String(payload.caption ?? '')}\n`);
        return { message_id: id, date: Math.floor(Date.now() / 1000), chat, photo: [] };
      }
      case 'getMe':
        return {
          id: 7,
          is_bot: true,
          first_name: '湘闻',
          username: 'xiangwen_console_bot',
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: true,
        };
      case 'sendMessage': {
        const id = ++messageId;
        show(String(payload.text ?? ''), payload, id, false);
        return { message_id: id, date: Math.floor(Date.now() / 1000), chat, text: payload.text };
      }
      case 'editMessageText':
        show(String(payload.text ?? ''), payload, Number(payload.message_id), true);
        return true;
      case 'answerCallbackQuery':
        if (payload.text) write(`（提示）${String(payload.text)}\n`);
        return true;
      default:
        return true;
    }
  };

  /** A typed number presses that button of the latest keyboard; anything else is a message. */
  const updateFor = (
    line: string,
    queryId: number,
  ): Omit<Update.MessageUpdate, 'update_id'> | Omit<Update.CallbackQueryUpdate, 'update_id'> => {
    const number = /^\d{1,3}$/.test(line) ? Number(line) : 0;
    const button = pressable[number - 1];
    const date = Math.floor(Date.now() / 1000);
    if (number > 0 && button) {
      return {
        callback_query: {
          id: String(queryId),
          from: user,
          chat_instance: '1',
          data: button.data,
          message: { message_id: button.messageId, date, chat, text: '' },
        },
      };
    }
    const command = /^\/[A-Za-z0-9_]+(?:@\w+)?/.exec(line)?.[0];
    return {
      message: {
        message_id: ++messageId,
        date,
        chat,
        from: user,
        text: line,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
      },
    };
  };
  return { answer, updateFor };
}
