import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Telegram } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallApi } from '../../src/bot/api-retry.ts';
import { SwappableIndex, recordIndex } from '../../src/digest/refresh.ts';
import { runDueDigests } from '../../src/digest/run.ts';
import { startDigestSchedule } from '../../src/digest/schedule.ts';
import { createDigestSender } from '../../src/digest/sender.ts';
import { DigestStore } from '../../src/digest/store.ts';
import { openDatabase } from '../../src/digest/db.ts';
import { createLogger } from '../../src/log.ts';
import { MemoryIndex, seedArticles, testExpand, testTag } from '../support/memory-index.ts';
import { SEEDS, TEST_TOKEN, received, startEmulator, type Emulator } from './fixture.ts';

const logger = createLogger('silent');
const DAY = 86_400_000;
const T0 = Date.parse('2026-11-20T02:00:00Z');

let dir: string;
let emulator: Emulator;
let store: DigestStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiangwen-refresh-'));
  emulator = await startEmulator();
  store = new DigestStore(openDatabase(join(dir, 'bot.db')));
});
afterEach(async () => {
  store.close();
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

function sender() {
  const telegram = new Telegram(TEST_TOKEN, { apiRoot: emulator.config.apiURL });
  return createDigestSender({ callApi: telegram.callApi.bind(telegram) as unknown as CallApi, store, logger, limits: { perSecond: 500, perChatPerMinute: 6000 } });
}

describe('new pages while the bot runs', () => {
  it('after a rebuild, the next digest holds only the articles of the new page, and a rebuild of the same pages adds nothing', async () => {
    const all = seedArticles(SEEDS, testTag);
    const lastFile = [...new Set(all.map((a) => a.file))].sort().at(-1)!;
    const index = new SwappableIndex(new MemoryIndex(all.filter((a) => a.file !== lastFile)));
    recordIndex(store, index, T0);
    store.subscribe({ chatId: 1, keywords: ['的'], time: '08:00' }, T0);
    const sources = { index, expandRegion: testExpand };
    const send = sender();

    // Day 1: the first digest (latest few).
    await runDueDigests({ sources, store, send, now: T0 + 1000, timeZone: 'Asia/Shanghai', ignoreTime: true });
    const day1 = received(emulator).length;
    expect(day1).toBe(1);

    // A rebuild from the same pages (e.g. a restart) makes nothing new.
    index.swap(new MemoryIndex(all.filter((a) => a.file !== lastFile)));
    expect(recordIndex(store, index, T0 + DAY / 2)).toBe(0);
    // The new page arrives; the rebuilt index goes live.
    index.swap(new MemoryIndex(all));
    const fresh = all.filter((a) => a.file === lastFile);
    expect(recordIndex(store, index, T0 + DAY / 2)).toBe(fresh.length);

    await runDueDigests({ sources, store, send, now: T0 + DAY, timeZone: 'Asia/Shanghai', ignoreTime: true });
    const delivery = store.deliveriesOf(1).at(-1)!;
    expect(delivery.status).toBe('sent');
    const listable = fresh.filter((a) => (a.kind === 'feature' || a.kind === 'brief') && a.body.join('').includes('的'));
    expect(new Set(delivery.articleIds)).toEqual(new Set(listable.map((a) => a.id)));
    expect(received(emulator).length).toBe(day1 + delivery.parts.length);
  });
});

describe('startDigestSchedule', () => {
  it('keeps one job per subscription time, and its start-up run serves what is due', async () => {
    const index = new MemoryIndex(seedArticles(SEEDS, testTag));
    recordIndex(store, index, Date.now() - DAY);
    store.subscribe({ chatId: 1, region: '永州市', time: '00:00' }, Date.now() - 2 * DAY);
    store.subscribe({ chatId: 2, region: '郴州市', time: '23:59' }, Date.now() - 1000);
    const schedule = startDigestSchedule({ store, sources: { index, expandRegion: testExpand }, send: sender(), timeZone: 'Asia/Shanghai', logger, runAtStart: false });
    try {
      expect(schedule.times).toEqual(['00:00', '23:59']);
      store.subscribe({ chatId: 3, region: '郴州市', time: '12:30' }, Date.now());
      store.unsubscribeAll(2);
      schedule.sync();
      expect(schedule.times).toEqual(['00:00', '12:30']);
      const counts = await schedule.runNow();
      // 00:00 has always passed by now; chat 1 is served, chat 3 only if 12:30 has passed in Shanghai.
      expect(counts.served).toBeGreaterThanOrEqual(1);
      expect(new Set(received(emulator).map((m) => m.chatId)).has(1)).toBe(true);
    } finally {
      await schedule.stop();
    }
  });
});
