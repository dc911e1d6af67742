/**
 * Two real bot instances in webhook mode on one PostgreSQL (issue #13), behind a round-robin proxy
 * as behind a load balancer; their replies go to the Bot API emulator. The emulator pushes no
 * webhooks, so the test posts updates to the proxy itself, in the Bot API's update format. A
 * ingests PAGES_DIR; B does not, and reaches PostgreSQL through a gate the test can shut.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app/start.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { freePort, startEmulator, TEST_TOKEN, waitFor, type Emulator } from '../support/emulator.ts';
import { SEEDS } from '../support/harness.ts';
import { inventedPage } from '../support/invented-pages.ts';
import { postgresAvailable, type TestDatabase, testDatabase } from '../support/postgres.ts';
import { startRoundRobin, type RoundRobin } from '../support/round-robin.ts';
import { startTcpGate, type TcpGate } from '../support/tcp-gate.ts';
import { pagedKeyword, zh } from './bot-rig.ts';
import { type BotMessage, buttonData, plain, repliesAfter, sentTo } from './helpers.ts';

const SECRET = 'two-instances_secret';
let nextUpdate = 1;
let nextChat = 8100;

describe.runIf(postgresAvailable())('two instances behind a round-robin proxy', () => {
  let database: TestDatabase;
  let gate: TcpGate;
  let emu: Emulator;
  let proxy: RoundRobin;
  let pagesDir: string;
  const dataDirs: string[] = [];
  const bots: RunningBot[] = [];
  const ports: number[] = [];
  let keyword: string;

  /** One instance in webhook mode on `url` (articles and bot state), with its own data folder. */
  const startInstance = async (url: string, ingest: boolean) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-two-'));
    dataDirs.push(dataDir);
    const port = await freePort();
    ports.push(port);
    const config = loadConfig({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emu.apiRoot,
      DATA_DIR: dataDir,
      PAGES_DIR: pagesDir,
      DATABASE_URL: url,
      XIANGWEN_INGEST: ingest ? '1' : '0',
      WEBHOOK_URL: 'https://bot.example.org/hook',
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      USER_QUERIES_PER_MINUTE: '1000',
      PAGES_RESCAN_MINUTES: '0',
    });
    bots.push(await startBot(config, { logger: createLogger('silent') }));
  };

  beforeAll(async () => {
    database = await testDatabase();
    gate = await startTcpGate(database.url);
    emu = await startEmulator({ record: true });
    pagesDir = mkdtempSync(join(tmpdir(), 'xiangwen-two-pages-'));
    cpSync(SEEDS, pagesDir, { recursive: true });
    await startInstance(database.url, true);
    await startInstance(gate.url, false);
    proxy = await startRoundRobin(ports.map((port) => `http://127.0.0.1:${port}`));
    keyword = (await pagedKeyword(bots[0].index))!;
  });
  afterAll(async () => {
    for (const bot of bots) await bot.stop();
    await proxy?.close();
    await emu?.stop();
    await gate?.close();
    await database?.drop();
    for (const dir of [pagesDir, ...dataDirs]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const user = (chatId: number) => ({ id: chatId, is_bot: false, first_name: '读者' });
  const chatOf = (chatId: number) => ({ id: chatId, type: 'private', first_name: '读者' });
  /** Posts one update to `base` (the proxy unless told otherwise) as Telegram would. */
  const post = async (update: Record<string, unknown>, base = proxy.url) => {
    const answer = await fetch(`${base}/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({ update_id: nextUpdate++, ...update }),
    });
    expect(answer.status).toBe(200);
  };
  /** A reader writes `text` in their private chat; resolves with the bot's replies. */
  const say = async (chatId: number, text: string, base?: string): Promise<BotMessage[]> => {
    const before = sentTo(emu, chatId).length;
    await post(
      {
        message: {
          message_id: nextUpdate,
          date: Math.floor(Date.now() / 1000),
          chat: chatOf(chatId),
          from: user(chatId),
          text,
          // Telegram marks a leading /command as an entity; telegraf's command() routes by it.
          ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] } : {}),
        },
      },
      base,
    );
    return repliesAfter(emu, chatId, before);
  };
  /** The reader presses a button under `message`; resolves with the message once it was edited. */
  const press = async (message: BotMessage, data: string): Promise<BotMessage> => {
    const chat = chatOf(message.chatId);
    await post({
      callback_query: {
        id: `cb${nextUpdate}`,
        from: user(message.chatId),
        chat_instance: 'ci',
        data,
        message: { message_id: message.messageId, date: 0, chat, text: '' },
      },
    });
    return waitFor(() => {
      const now = sentTo(emu, message.chatId).find((m) => m.messageId === message.messageId);
      return now && now.text !== message.text ? now : undefined;
    });
  };
  const targetsSince = (start: number) => proxy.forwarded.slice(start).map((f) => f.target);

  it('answers searches from both instances alike', async () => {
    const start = proxy.forwarded.length;
    const chat = nextChat++;
    const first = await say(chat, keyword);
    const second = await say(chat, keyword);
    expect(targetsSince(start)).toEqual([0, 1]);
    expect(first[0].text.split('\n')[0]).toContain(zh.understood([keyword]));
    expect(second.map((m) => m.text)).toEqual(first.map((m) => m.text));
    expect(buttonData(second[0], zh.next)).toBeDefined();
  });

  it('pages a result list whichever instance receives the click', async () => {
    const start = proxy.forwarded.length;
    const [list] = await say(nextChat++, keyword);
    const page2 = await press(list, buttonData(list, zh.next)!);
    expect(page2.text).toMatch(/· 2\/\d+/);
    const page3 = await press(page2, buttonData(page2, zh.next)!);
    expect(page3.text).toMatch(/· 3\/\d+/);
    const back = await press(page3, buttonData(page3, zh.prev)!);
    expect(back.text).toBe(page2.text);
    // The search and the three clicks alternated between the instances: each click reached the
    // instance that did not draw the page it was pressed under.
    const targets = targetsSince(start);
    expect(targets).toHaveLength(4);
    expect(targets.every((target, i) => i === 0 || target !== targets[i - 1])).toBe(true);
    expect(proxy.forwarded.slice(start).every((f) => f.status === 200)).toBe(true);
  });

  it('pages a long query (its paging key kept in PostgreSQL) whichever instance receives the click', async () => {
    // The same word twice more than 64 bytes' worth: the same results, but too long for Telegram's
    // callback data, so the buttons carry a key that the other instance must find in the database.
    const long = Array.from({ length: 12 }, () => keyword).join(' ');
    expect(Buffer.byteLength(long)).toBeGreaterThan(64);
    const start = proxy.forwarded.length;
    const [list] = await say(nextChat++, long);
    const next = buttonData(list, zh.next)!;
    expect(next).not.toContain(keyword);
    const page2 = await press(list, next);
    expect(page2.text).toMatch(/· 2\/\d+/);
    const back = await press(page2, buttonData(page2, zh.prev)!);
    expect(back.text).toBe(list.text);
    const targets = targetsSince(start);
    expect(targets).toHaveLength(3);
    expect(new Set(targets).size).toBe(2);
  });

  it('keeps one subscription list for both instances', async () => {
    const chat = nextChat++;
    const start = proxy.forwarded.length;
    const [subscribed] = await say(chat, `/subscribe ${keyword}`);
    expect(subscribed.text).toContain('已订阅');
    const [listed] = await say(chat, '/subscriptions');
    expect(listed.text).toContain(keyword);
    const [again] = await say(chat, `/subscribe ${keyword}`);
    expect(again.text).toContain('已有这个订阅');
    expect(new Set(targetsSince(start)).size).toBe(2);
  });

  it('finds a page ingested by one instance from both, and the other hears of it within seconds', async () => {
    const before = bots[1].index.info.articles;
    writeFileSync(
      join(pagesDir, '2031-06-01_orchard.txt'),
      inventedPage([['青石镇蓝莓采摘节开幕', '青石镇', '蓝莓采摘园迎来第一批游客。']]),
    );
    // SIGHUP makes the ingesting instance read PAGES_DIR now (the others do not watch it).
    process.kill(process.pid, 'SIGHUP');
    await waitFor(() => (bots[1].index.info.articles === before + 1 ? true : undefined), 15_000, 'B to hear the ingest');
    const chat = nextChat++;
    const start = proxy.forwarded.length;
    for (let i = 0; i < 2; i++) expect(plain((await say(chat, '蓝莓采摘'))[0].text)).toContain('青石镇蓝莓采摘节开幕');
    expect(targetsSince(start)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(new Set(targetsSince(start)).size).toBe(2);
  });

  it('answers politely while its database is unreachable, and serves again once it is back', async () => {
    const b = `http://127.0.0.1:${ports[1]}`;
    const chat = nextChat++;
    await gate.shut();
    try {
      const [refused] = await say(chat, keyword, b);
      expect(refused.text).toBe(zh.engineUnavailable);
    } finally {
      await gate.open();
    }
    const [served] = await say(chat, keyword, b);
    expect(served.text.split('\n')[0]).toContain(zh.understood([keyword]));
  });
});
