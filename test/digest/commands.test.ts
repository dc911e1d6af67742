import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RegionLookup } from '../../src/regions/region-lookup.ts';
import { digestCommands } from '../../src/digest/commands.ts';
import { parseSubscription, subscribeButton, subscribeButtons } from '../../src/digest/subscription-input.ts';
import type { DigestStore } from '../../src/digest/store.ts';
import { createLogger } from '../../src/log.ts';
import type { ArticleIndex } from '../../src/search/engine.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { type DigestBackend, openDigestBackend } from './backend.ts';
import { TEST_TOKEN, received, startEmulator, type Emulator } from './fixture.ts';

let seed: DigestBackend;
let index: ArticleIndex;
let regions: RegionLookup;
let emulator: Emulator;
let proxy: FaultProxy;
let store: DigestStore;
let bot: Telegraf;
let updateId = 1;
let messageId = 1;

beforeAll(async () => {
  seed = await openDigestBackend();
  ({ index, regions } = seed);
});
afterAll(() => seed?.close());

beforeEach(async () => {
  emulator = await startEmulator();
  proxy = await startFaultProxy(emulator.config.apiURL);
  store = await seed.freshStore(Date.now() - 86_400_000);
  bot = new Telegraf(TEST_TOKEN, { telegram: { apiRoot: proxy.url } });
  bot.botInfo = {
    id: 42,
    is_bot: true,
    first_name: 'Test',
    username: 'TestNameBot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
  };
  bot.use(digestCommands({ store, index, regions, defaultTime: '08:00', timeZone: 'Asia/Shanghai', logger: createLogger('silent') }));
});
afterEach(async () => {
  await store.close();
  await proxy.close();
  await emulator.stop();
});

type ChatKind = { id: number; type: 'private' } | { id: number; type: 'supergroup'; thread?: number };

async function say(text: string, chat: ChatKind = { id: 100, type: 'private' }, from = 100): Promise<void> {
  const command = /^\/\w+(@\w+)?/.exec(text)?.[0];
  const message = {
    message_id: messageId++,
    date: Math.floor(Date.now() / 1000),
    from: { id: from, is_bot: false, first_name: 'Reader', language_code: 'zh-hans' },
    chat:
      chat.type === 'private'
        ? { id: chat.id, type: 'private', first_name: 'Reader' }
        : { id: chat.id, type: 'supergroup', title: '群', is_forum: chat.thread !== undefined },
    text,
    ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    ...(chat.type === 'supergroup' && chat.thread !== undefined ? { is_topic_message: true, message_thread_id: chat.thread } : {}),
  };
  await bot.handleUpdate({ update_id: updateId++, message } as unknown as Update);
}

async function press(data: string, chat: ChatKind = { id: 100, type: 'private' }, from = 100): Promise<void> {
  await bot.handleUpdate({
    update_id: updateId++,
    callback_query: {
      id: String(updateId),
      chat_instance: '1',
      from: { id: from, is_bot: false, first_name: 'Reader' },
      data,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: chat.id, type: chat.type === 'private' ? 'private' : 'supergroup', title: '群', first_name: 'R' },
        text: 'list',
      },
    },
  } as unknown as Update);
}

const lastReply = () => received(emulator).at(-1)?.text ?? '';
const member = (status: string) => ({ kind: 'answer' as const, result: { status, user: { id: 7, is_bot: false, first_name: 'U' } } });

describe('parseSubscription', () => {
  it('reads a region, keywords and a trailing time', async () => {
    expect(parseSubscription('永州 党建 7:30', regions)).toMatchObject({ ok: true, region: '永州市', keywords: ['党建'], time: '07:30' });
    expect(parseSubscription('永州市', regions)).toMatchObject({ ok: true, region: '永州市', keywords: [] });
    expect(parseSubscription('党建', regions)).toMatchObject({ ok: true, keywords: ['党建'] });
    expect(parseSubscription('永州 25:00', regions)).toEqual({ ok: false, error: 'bad-time', text: '25:00' });
    expect(parseSubscription('   ', regions)).toEqual({ ok: false, error: 'empty' });
    expect(parseSubscription('🎉🎉', regions)).toEqual({ ok: false, error: 'no-keywords' });
    expect(parseSubscription('永州 每周一 07:30', regions)).toMatchObject({ ok: true, region: '永州市', weekday: 1, time: '07:30' });
    expect(parseSubscription('党建 星期天', regions)).toMatchObject({ ok: true, keywords: ['党建'], weekday: 7 });
    expect(parseSubscription('每周三', regions)).toEqual({ ok: false, error: 'empty' });
  });

  it('makes a one-tap subscribe button only when its data fits in 64 bytes', async () => {
    expect(subscribeButton('region', '永州市', 'zh')).toEqual({ text: '订阅此地区', callback_data: '+r:永州市' });
    expect(subscribeButton('keywords', '很长'.repeat(20), 'zh')).toBeUndefined();
  });

  it('offers a region button for a search that names only a place, a keyword button for one with words', async () => {
    const button = subscribeButtons(regions);
    expect(button({ kind: 'search', query: '永州' }, 'zh')).toEqual({ text: '订阅此地区', callback_data: '+r:永州市' });
    expect(button({ kind: 'search', query: '永州 党建' }, 'zh')).toEqual({ text: '订阅此关键词', callback_data: '+k:永州 党建' });
    expect(button({ kind: 'search', query: '党建' }, 'en')).toEqual({ text: 'Subscribe to these words', callback_data: '+k:党建' });
    expect(button({ kind: 'region', name: '郴州市' }, 'zh')).toEqual({ text: '订阅此地区', callback_data: '+r:郴州市' });
    expect(button({ kind: 'search', query: '🎉' }, 'zh')).toBeUndefined();
    expect(button({ kind: 'search', query: '营商环境'.repeat(6) }, 'zh')).toBeUndefined();
  });
});

describe('subscription commands', () => {
  it('subscribes a private chat, confirms what was understood, and merges a duplicate', async () => {
    await say('/subscribe 永州 07:30');
    expect(lastReply()).toBe('已订阅。每天 07:30 推送：永州市（含下辖区县）');
    await say('/subscribe 永州市');
    expect(lastReply()).toBe('已有这个订阅，已更新为每天 08:00 推送：永州市（含下辖区县）');
    expect((await store.subscriptions(100)).map((s) => [s.region, s.time])).toEqual([['永州市', '08:00']]);
    await say('/subscribe 永州 25:61');
    expect(lastReply()).toContain('不是有效的时间');
  });

  it('subscribes to a weekly digest and lists its schedule', async () => {
    await say('/subscribe 永州 每周一 07:30');
    expect(lastReply()).toBe('已订阅。每周一 07:30 推送：永州市（含下辖区县）');
    expect((await store.subscriptions(100)).map((s) => s.time)).toEqual(['W1 07:30']);
    await say('/subscribe 党建 每周五');
    await say('/subscriptions');
    expect(lastReply()).toContain('1. 每周一 07:30：永州市（含下辖区县）');
    expect(lastReply()).toContain('2. 每周五 08:00：党建');
  });

  it('lets a group administrator subscribe from a forum topic and the digest target is that topic', async () => {
    proxy.rules.push({ method: 'getChatMember', fault: member('administrator') });
    await say('/subscribe@TestNameBot 郴州 党建', { id: -1001, type: 'supergroup', thread: 9 });
    const reply = received(emulator).at(-1)!;
    expect(reply.text).toBe('已订阅。每天 08:00 推送：郴州市（含下辖区县） · 党建');
    expect(reply.threadId).toBe(9);
    expect(await store.targets()).toEqual([{ chatId: -1001, threadId: 9, time: '08:00' }]);
  });

  it('tells a group member who is not an administrator politely, and changes nothing; anyone may list', async () => {
    proxy.rules.push({ method: 'getChatMember', fault: member('member') });
    await say('/subscribe 郴州', { id: -1002, type: 'supergroup' }, 7);
    expect(lastReply()).toContain('只有群管理员');
    expect(await store.subscriptions(-1002)).toEqual([]);
    await store.subscribe({ chatId: -1002, region: '郴州市', time: '08:00' }, 1);
    await say('/subscriptions', { id: -1002, type: 'supergroup' }, 7);
    expect(lastReply()).toContain('1. 每天 08:00：郴州市（含下辖区县）');
    await say('/unsubscribe all', { id: -1002, type: 'supergroup' }, 7);
    expect(lastReply()).toContain('只有群管理员');
    expect(await store.subscriptions(-1002)).toHaveLength(1);
  });

  it('lists subscriptions with a remove button each, and the button removes one', async () => {
    await say('/subscribe 永州');
    await say('/subscribe 党建 18:00');
    await say('/subscriptions');
    const list = emulator.storage.botMessages.at(-1)!.message as {
      text: string;
      reply_markup?: { inline_keyboard: { callback_data: string }[][] } | string;
    };
    const markup = typeof list.reply_markup === 'string' ? JSON.parse(list.reply_markup) : list.reply_markup;
    const buttons = markup.inline_keyboard.flat() as { callback_data: string }[];
    expect(buttons.map((b) => b.callback_data)).toEqual((await store.subscriptions(100)).map((s) => `u:${s.id}`));
    await press(buttons[0].callback_data);
    expect((await store.subscriptions(100)).map((s) => s.keywords)).toEqual([['党建']]);
  });

  it('unsubscribes by name and all at once', async () => {
    await say('/subscribe 永州');
    await say('/subscribe 党建');
    await say('/unsubscribe 永州市');
    expect(lastReply()).toBe('已取消订阅：永州市（含下辖区县）');
    await say('/unsubscribe 不存在');
    expect(lastReply()).toContain('没有找到订阅');
    await say('/unsubscribe all');
    expect(lastReply()).toBe('已取消全部 1 个订阅。');
    expect(await store.subscriptions(100)).toEqual([]);
  });

  it('previews the digest with /digest without marking anything as sent', async () => {
    await say('/subscribe 永州');
    const before = received(emulator).length;
    await say('/digest');
    const preview = received(emulator).slice(before);
    expect(preview.length).toBeGreaterThanOrEqual(1);
    expect(preview[0].text).toContain('预览');
    expect(preview[0].text).toContain('永州市（含下辖区县）');
    expect(await store.deliveriesOf(100)).toEqual([]);
  });

  it('subscribes with the one-tap button under results, reading a search as /subscribe does', async () => {
    await press('+r:永州');
    await press('+k:党建');
    await press('+k:郴州 党建');
    expect((await store.subscriptions(100)).map((s) => [s.region, s.keywords.join(' ')])).toEqual([
      ['永州市', ''],
      ['', '党建'],
      ['郴州市', '党建'],
    ]);
    await press('+r:不存在的地方');
    expect(await store.subscriptions(100)).toHaveLength(3);
  });

  it('asks a group member who is not an administrator before a one-tap subscription, and changes nothing', async () => {
    proxy.rules.push({ method: 'getChatMember', fault: member('member') });
    await press('+r:永州', { id: -1003, type: 'supergroup' }, 7);
    expect(await store.subscriptions(-1003)).toEqual([]);
    expect(proxy.calls.some((c) => c.method === 'getChatMember')).toBe(true);
  });
});
