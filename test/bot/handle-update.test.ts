/**
 * What the emulator cannot show, through the real bot against a recording Bot API stub (a local
 * HTTP server that records every call): inline mode, the command menu, the webhook's secret-token
 * check, the apology after a failing update, a rejected token, and console mode.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort, waitFor } from '../support/emulator.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Update, UserFromGetMe } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, registerCommands } from '../../src/bot/app.ts';
import { runConsole } from '../../src/bot/console.ts';
import { CHART, pngSize } from '../../src/trend/trend.ts';
import { messages } from '../../src/telegram/i18n.ts';
import { ApiFailure, startLocalApi, type LocalApi } from '../../src/bot/local-api.ts';
import { startBot } from '../../src/app/start.ts';
import { TokenRejectedError } from '../../src/bot/connect.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { ArticleIndex } from '../../src/search/engine.ts';
import { openIndex } from '../../src/search/open.ts';
import { allArticles } from '../support/all-articles.ts';
import { openEngine } from '../support/engines.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const TOKEN = '42:stub-token';
const logger = createLogger('silent');
const zh = messages('zh');
const ME: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: '湘闻',
  username: 'StubBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

interface Call {
  method: string;
  payload: Record<string, unknown>;
}

/** A stub answering ok to everything (getMe with StubBot) unless `fail` says otherwise. */
async function recordingStub(
  fail: (call: Call, calls: Call[]) => ApiFailure | undefined = () => undefined,
): Promise<LocalApi & { calls: Call[] }> {
  const calls: Call[] = [];
  let messageId = 0;
  const api = await startLocalApi((method, payload) => {
    const call = { method, payload };
    calls.push(call);
    const failure = fail(call, calls);
    if (failure) throw failure;
    if (method === 'getMe') return ME;
    if (method === 'sendMessage')
      return { message_id: ++messageId, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: payload.text };
    return true;
  });
  return Object.assign(api, { calls });
}

let index: ArticleIndex;
let closeIndex: (() => Promise<void>) | undefined;
let dataDir: string;
let keyword: string;
const stubs: LocalApi[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-stub-'));
  // With XIANGWEN_TEST_BACKEND=postgres the bot searches the PostgreSQL engine (over the dated seeds).
  if (process.env.XIANGWEN_TEST_BACKEND === 'postgres') {
    const engine = await openEngine('postgres', {}, Date.now());
    index = engine.index;
    closeIndex = () => engine.close();
  } else index = await openIndex({ pagesDir: SEEDS, dataDir });
  keyword = (await allArticles(index))[0].keywords[0];
});
afterAll(async () => {
  for (const stub of stubs) await stub.close();
  await (closeIndex ?? (() => index.close()))();
  rmSync(dataDir, { recursive: true, force: true });
});

async function botOn(stub: LocalApi) {
  const bot = createBot({
    token: TOKEN,
    apiRoot: stub.url,
    index,
    logger,
    userQueriesPerMinute: 100,
    retry: { baseDelayMs: 5, maxDelayMs: 10 },
  });
  bot.botInfo = ME;
  return bot;
}

const user = { id: 7, is_bot: false, first_name: '读者' };

describe('inline mode', () => {
  it('offers up to 50 article results whose message is headline, summary and regions', async () => {
    const stub = await recordingStub();
    stubs.push(stub);
    const bot = await botOn(stub);
    await bot.handleUpdate({
      update_id: 1,
      inline_query: { id: 'q1', from: user, query: keyword, offset: '', chat_type: 'private' },
    } as Update);
    const answer = stub.calls.find((c) => c.method === 'answerInlineQuery')!;
    const results = answer.payload.results as {
      type: string;
      id: string;
      title: string;
      input_message_content: { message_text: string; parse_mode: string };
    }[];
    const total = (await index.search(keyword, { limit: 1 })).total;
    expect(results.length).toBe(Math.min(50, total));
    for (const r of results) {
      expect(r.type).toBe('article');
      expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
      expect(r.input_message_content.parse_mode).toBe('HTML');
      expect(r.input_message_content.message_text.startsWith('<b>')).toBe(true);
    }
    expect(answer.payload.next_offset).toBe(total > 50 ? '50' : '');

    await bot.handleUpdate({ update_id: 2, inline_query: { id: 'q2', from: user, query: keyword, offset: '1' } } as Update);
    const second = stub.calls.filter((c) => c.method === 'answerInlineQuery')[1];
    expect((second.payload.results as unknown[]).length).toBe(Math.min(50, total - 1));

    await bot.handleUpdate({ update_id: 3, inline_query: { id: 'q3', from: user, query: '   ', offset: '' } } as Update);
    const empty = stub.calls.filter((c) => c.method === 'answerInlineQuery')[2];
    expect(empty.payload.results).toEqual([]);
    expect(empty.payload.button).toMatchObject({ start_parameter: 'help' });
  });
});

describe('command menu', () => {
  it('registers Chinese commands by default and English ones for en', async () => {
    const stub = await recordingStub();
    stubs.push(stub);
    const bot = await botOn(stub);
    await registerCommands(bot.telegram, logger);
    const menus = stub.calls.filter((c) => c.method === 'setMyCommands');
    expect(menus.length).toBe(2);
    expect(menus[0].payload.language_code).toBeUndefined();
    expect(menus[1].payload.language_code).toBe('en');
    expect((menus[0].payload.commands as { description: string }[])[0].description).toMatch(/\p{Script=Han}/u);
  });

  it('only logs a failing setMyCommands', async () => {
    const stub = await recordingStub((call) => (call.method === 'setMyCommands' ? new ApiFailure(400, 'Bad Request: no') : undefined));
    stubs.push(stub);
    const bot = await botOn(stub);
    await expect(registerCommands(bot.telegram, logger)).resolves.toBeUndefined();
  });
});

describe('errors', () => {
  it('answers an update whose handling fails with a short apology', async () => {
    // The first sendMessage fails with a non-retryable error; the apology goes through.
    const stub = await recordingStub((call, calls) =>
      call.method === 'sendMessage' && calls.filter((c) => c.method === 'sendMessage').length === 1
        ? new ApiFailure(400, 'Bad Request: broken')
        : undefined,
    );
    stubs.push(stub);
    const bot = await botOn(stub);
    await bot.handleUpdate({
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 7, type: 'private', first_name: '读者' }, from: user, text: keyword },
    } as Update);
    const sent = stub.calls.filter((c) => c.method === 'sendMessage');
    expect(sent.length).toBe(2);
    expect(sent[1].payload.text).toBe(zh.apology);
  });

  it('stops with a clear error when Telegram rejects the token', async () => {
    const stub = await recordingStub((call) => (call.method === 'getMe' ? new ApiFailure(401, 'Unauthorized') : undefined));
    stubs.push(stub);
    const config = loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: stub.url, PAGES_DIR: SEEDS, DATA_DIR: dataDir });
    await expect(startBot(config, { logger, index })).rejects.toBeInstanceOf(TokenRejectedError);
  });
});

describe('webhook mode', () => {
  it('registers the webhook with a secret token and refuses requests without it', async () => {
    const stub = await recordingStub();
    stubs.push(stub);
    const port = await freePort();
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: stub.url,
      PAGES_DIR: SEEDS,
      DATA_DIR: dataDir,
      WEBHOOK_URL: 'https://bot.example.org/tg/hook',
      WEBHOOK_SECRET: 'the-secret_1',
      PORT: String(port),
    });
    const running = await startBot(config, { logger, index });
    try {
      expect(running.mode).toBe('webhook');
      const set = stub.calls.find((c) => c.method === 'setWebhook')!;
      expect(set.payload).toMatchObject({ url: 'https://bot.example.org/tg/hook', secret_token: 'the-secret_1' });

      const update = JSON.stringify({
        update_id: 9,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: 7, type: 'private', first_name: '读者' },
          from: user,
          text: '/help',
          entities: [{ type: 'bot_command', offset: 0, length: 5 }],
        },
      });
      const post = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${port}/tg/hook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: update,
        });
      expect((await post({})).status).toBe(403);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(403);
      expect(stub.calls.some((c) => c.method === 'sendMessage')).toBe(false);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'the-secret_1' })).status).toBe(200);
      // The webhook answers at once; the update is handled right after.
      await waitFor(() => (stub.calls.some((c) => c.method === 'sendMessage') ? true : undefined));
      expect(stub.calls.filter((c) => c.method === 'sendMessage').length).toBe(1);
    } finally {
      await running.stop();
    }
  });
});

describe('console mode', () => {
  it('answers typed lines with readable text and numbered buttons that can be pressed', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => (text += String(chunk)));
    const config = loadConfig({ PAGES_DIR: SEEDS, DATA_DIR: dataDir });
    const done = runConsole(config, { logger, index, input, output });
    input.write(`/help\n${keyword}\n1\n`);
    input.end('/quit\n');
    await done;
    expect(text).toContain('BOT_TOKEN');
    expect(text).toContain(zh.understood([keyword]));
    expect(text).toMatch(/\[1\] 1/);
    expect(text).not.toMatch(/<b>|&lt;/);
    // Pressing 1 opened the first result: its headline is printed after the list.
    const first = (await index.search(keyword, { limit: 1 })).hits[0];
    expect(text.split(zh.understood([keyword]))[1]).toContain(first.title);
  });

  it('saves a trend chart as a PNG file and prints its caption', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => (text += String(chunk)));
    const done = runConsole(loadConfig({ PAGES_DIR: SEEDS, DATA_DIR: dataDir }), { logger, index, input, output });
    input.end(`/trend ${keyword}\n`);
    await done;
    const path = /（图表 chart → (\S+\.png)）/.exec(text)?.[1];
    expect(path).toBeDefined();
    // A real chart, drawn at the chart's scale: not an empty or placeholder image.
    expect(pngSize(readFileSync(path!))?.width).toBeGreaterThanOrEqual(CHART.width * CHART.scale * 0.9);
    expect(text).toContain(`「${keyword}」`);
    rmSync(path!, { force: true });
  });
});
