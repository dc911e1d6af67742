/**
 * Shared set-up of the digest delivery tests: a telegram-test-api emulator on a free port, the
 * messages it received, and a digest store over the seed articles.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { TelegramServer as TelegramServerClass } from 'telegram-test-api/lib/telegramServer.js';
import { openDatabase } from '../../src/digest/db.ts';
import { DigestStore } from '../../src/digest/store.ts';
import { MemoryIndex, seedArticles, testTag } from '../support/memory-index.ts';

/** A token of the shape telegraf and the config accept. */
export const TEST_TOKEN = '123456:TEST-digest-token_abcdefghijklmnop';
export const SEEDS = join(import.meta.dirname, '../../seeds');

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// The package is CommonJS whose module.exports is the class; its typings describe an ES default.
const TelegramServer = createRequire(import.meta.url)('telegram-test-api') as typeof TelegramServerClass;
/** The emulator. */
export type Emulator = TelegramServerClass;

/** Starts the emulator on 127.0.0.1; messages are kept for ten minutes. */
export async function startEmulator(): Promise<Emulator> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await server.start();
  return server;
}

/** What the emulator received from the bot: chat id, topic and text of every sendMessage. */
export function received(server: Emulator): { chatId: number; threadId: number; text: string }[] {
  return server.storage.botMessages.map((update: { message: unknown }) => {
    const message = update.message as { chat_id: number | string; text: string; message_thread_id?: number | string };
    return { chatId: Number(message.chat_id), threadId: Number(message.message_thread_id ?? 0), text: message.text };
  });
}

/** A store at `dir/bot.db` with every seed article recorded as seen at `seenAt`, and the seed index. */
export function seedStore(dir: string, seenAt: number): { store: DigestStore; index: MemoryIndex } {
  const store = new DigestStore(openDatabase(join(dir, 'bot.db')));
  const index = new MemoryIndex(seedArticles(SEEDS, testTag));
  store.recordArticles(index.allIds(), seenAt);
  return { store, index };
}

/** The crash test's clock (10:00 in Asia/Shanghai) and message length (small: several parts per digest). */
export const CRASH_NOW = Date.parse('2026-11-23T02:00:00Z');
export const MESSAGE_LIMIT = 600;
