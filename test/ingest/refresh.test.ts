import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Telegram } from 'telegraf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallApi } from '../../src/telegram/api-retry.ts';
import { watchPages } from '../../src/ingest/refresh.ts';
import { SwappableIndex } from '../../src/ingest/swappable-index.ts';
import { runDueDigests } from '../../src/digest/run.ts';
import { startDigestSchedule } from '../../src/digest/schedule.ts';
import { createDigestSender } from '../../src/digest/sender.ts';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.ts';
import { openDatabase } from '../../src/digest/db.ts';
import { createLogger } from '../../src/log.ts';
import { waitFor } from '../support/emulator.ts';
import {
  SEEDS,
  TEST_TOKEN,
  busiestRegions,
  listable,
  openSeedIndex,
  received,
  seedFiles,
  startEmulator,
  type Emulator,
  type SeedIndex,
} from '../digest/fixture.ts';
import { allArticles } from '../support/all-articles.ts';

const logger = createLogger('silent');
const DAY = 86_400_000;
/** The index over all seed pages. */
let seed: SeedIndex;

let dir: string;
let emulator: Emulator;
let store: SqliteDigestStore;

beforeAll(async () => {
  seed = await openSeedIndex();
});
afterAll(() => seed.close());

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiangwen-refresh-'));
  emulator = await startEmulator();
  store = new SqliteDigestStore(openDatabase(join(dir, 'bot.db')));
});
afterEach(async () => {
  await store.close();
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

function sender() {
  const telegram = new Telegram(TEST_TOKEN, { apiRoot: emulator.config.apiURL });
  return createDigestSender({
    callApi: telegram.callApi.bind(telegram) as unknown as CallApi,
    store,
    logger,
    limits: { perSecond: 500, perChatPerMinute: 6000 },
  });
}

describe('new pages while the bot runs', () => {
  it('rebuilds in a child process on SIGHUP, swaps the index in, and the next digest holds only the new page’s articles', async () => {
    // The last seed page "arrives" while the bot runs on the others.
    const held = seedFiles(seed).at(-1)!;
    const partial = await openSeedIndex({ without: [held] });
    const index = new SwappableIndex(partial.index);
    try {
      await refreshAndDigest(held, partial, index);
    } finally {
      await index.close();
      partial.close();
    }
  }, 120_000);

  async function refreshAndDigest(held: string, partial: SeedIndex, index: SwappableIndex): Promise<void> {
    const start = Date.now() - 2 * DAY;
    partial.index.recordIn(store.firstSeen, start);
    const regions = busiestRegions(partial, 3);
    for (const region of regions) await store.subscribe({ chatId: 1, region, time: '08:00' }, start);
    const sources = { index, expandRegion: partial.expandRegion };
    const send = sender();

    // Two days ago: the first digest (the latest few of each region).
    await runDueDigests({ sources, store, send, now: start + 1000, timeZone: 'Asia/Shanghai', ignoreTime: true });
    const before = received(emulator).length;
    expect(before).toBeGreaterThanOrEqual(1);

    const refreshed: { articles: number; newArticles: number }[] = [];
    // The watcher's own log says why it rebuilt.
    const lines: { reason?: string; msg: string }[] = [];
    const watchLog = createLogger('info', {
      write: (line: string) => void lines.push(JSON.parse(line) as { reason?: string; msg: string }),
    });
    const watcher = watchPages({
      pagesDir: partial.pagesDir,
      dataDir: partial.dataDir,
      index,
      firstSeen: store.firstSeen,
      logger: watchLog,
      rescanMinutes: 0,
      onRefreshed: (info) => refreshed.push(info),
    });
    try {
      // Nothing changed: a refresh rebuilds nothing, and recording the same index again adds nothing.
      await watcher.refresh('test');
      expect(refreshed).toEqual([]);
      expect(partial.index.recordIn(store.firstSeen, Date.now())).toBe(0);

      // The page arrives. A real SIGHUP (the listener keeps it from ending this process) starts the rebuild.
      const oldCount = index.info.articles;
      copyFileSync(join(SEEDS, held), join(partial.pagesDir, held));
      process.kill(process.pid, 'SIGHUP');
      await waitFor(() => (refreshed.length > 0 ? true : undefined), 90_000, 'the rebuilt index to go live');
      const fresh = (await allArticles(index)).filter((a) => a.file === held);
      expect(fresh.length).toBeGreaterThan(0);
      expect(index.info.articles).toBe(oldCount + fresh.length);
      expect(refreshed[0]).toEqual({ articles: oldCount + fresh.length, newArticles: fresh.length });
      expect(lines.find((line) => line.msg.startsWith('page files changed'))?.reason).toBe('SIGHUP');
    } finally {
      watcher.stop();
    }

    await runDueDigests({ sources, store, send, now: Date.now() + 1000, timeZone: 'Asia/Shanghai', ignoreTime: true });
    const delivery = (await store.deliveriesOf(1)).at(-1)!;
    expect(delivery.status).toBe('sent');
    const names = new Set(regions.flatMap((region) => partial.expandRegion(region)));
    const expected = (await allArticles(index)).filter((a) => a.file === held && listable(a) && a.regions.some((r) => names.has(r)));
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(delivery.articleIds)).toEqual(new Set(expected.map((a) => a.id)));
    expect(received(emulator).length).toBe(before + delivery.parts.length);
  }
});

describe('startDigestSchedule', () => {
  it('keeps one job per subscription time, and its start-up run serves what is due', async () => {
    const [first, second] = busiestRegions(seed, 2);
    seed.index.recordIn(store.firstSeen, Date.now() - DAY);
    await store.subscribe({ chatId: 1, region: first, time: '00:00' }, Date.now() - 2 * DAY);
    await store.subscribe({ chatId: 2, region: second, time: '23:59' }, Date.now() - 1000);
    const schedule = startDigestSchedule({
      store,
      sources: { index: seed.index, expandRegion: seed.expandRegion },
      send: sender(),
      timeZone: 'Asia/Shanghai',
      logger,
      runAtStart: false,
    });
    try {
      await schedule.sync();
      expect(schedule.times).toEqual(['00:00', '23:59']);
      await store.subscribe({ chatId: 3, region: second, time: '12:30' }, Date.now());
      await store.unsubscribeAll(2);
      await schedule.sync();
      expect(schedule.times).toEqual(['00:00', '12:30']);
      const counts = await schedule.runNow();
      // 00:00 has always passed by now; chat 1 is served, chat 3 only if 12:30 has passed in Shanghai.
      expect(counts.served).toBeGreaterThanOrEqual(1);
      expect(new Set(received(emulator).map((m) => m.chatId)).has(1)).toBe(true);
    } finally {
      await schedule.stop();
    }
  });

  it('stops a run in progress between messages when stopped; the next run finishes what it left', async () => {
    const regions = busiestRegions(seed, 3);
    seed.index.recordIn(store.firstSeen, Date.now() - DAY);
    const chats = Array.from({ length: 6 }, (_, i) => 300 + i);
    for (const chatId of chats)
      for (const region of regions) await store.subscribe({ chatId, region, time: '00:00' }, Date.now() - 2 * DAY);
    // A slow sender: one message per chat every 2 s, so the run is still going when stopped.
    const telegram = new Telegram(TEST_TOKEN, { apiRoot: emulator.config.apiURL });
    const slow = createDigestSender({
      callApi: telegram.callApi.bind(telegram) as unknown as CallApi,
      store,
      logger,
      limits: { perSecond: 2, perChatPerMinute: 30 },
    });
    const sources = { index: seed.index, expandRegion: seed.expandRegion };
    const schedule = startDigestSchedule({ store, sources, send: slow, timeZone: 'Asia/Shanghai', logger, runAtStart: true });
    await waitFor(() => (received(emulator).length >= 1 ? true : undefined), 30_000, 'the first digest message');
    await schedule.stop();
    const sentAtStop = received(emulator).length;
    const unfinished = await store.inFlightDeliveries();
    expect(unfinished.length).toBeGreaterThan(0);
    expect(await schedule.runNow()).toEqual({ served: 0, failed: 0, skipped: 0 });
    expect(received(emulator).length).toBe(sentAtStop);

    // The next start resumes exactly the rest.
    const again = startDigestSchedule({ store, sources, send: sender(), timeZone: 'Asia/Shanghai', logger, runAtStart: false });
    try {
      const counts = await again.runNow();
      expect(counts.failed).toBe(0);
      expect(await store.inFlightDeliveries()).toEqual([]);
      const expected = (await Promise.all(chats.map(async (chatId) => (await store.deliveriesOf(chatId)).map((d) => ({ chatId, d })))))
        .flat()
        .flatMap(({ chatId, d }) => d.parts.map((p) => `${chatId}|${p.text}`))
        .sort();
      expect(
        received(emulator)
          .map((m) => `${m.chatId}|${m.text}`)
          .sort(),
      ).toEqual(expected);
    } finally {
      await again.stop();
    }
  }, 90_000);
});
