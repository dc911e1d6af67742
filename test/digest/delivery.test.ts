import { Telegram } from 'telegraf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallApi } from '../../src/telegram/api-retry.ts';
import { runDueDigests } from '../../src/digest/run.ts';
import { createDigestSender } from '../../src/digest/sender.ts';
import type { DigestStore } from '../../src/digest/store.ts';
import { createLogger } from '../../src/log.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { type DigestBackend, openDigestBackend } from './backend.ts';
import { TEST_TOKEN, busiestRegions, received, startEmulator, type Emulator } from './fixture.ts';

const logger = createLogger('silent');
const NOW = Date.parse('2026-11-23T02:00:00Z'); // 10:00 in Asia/Shanghai
const TZ = 'Asia/Shanghai';

let seed: DigestBackend;
/** Regions with sub-regions, most articles first (taken from the index). */
let busy: string[];
/** A keyword that finds several seed articles. */
let word: string;
let emulator: Emulator;
let proxy: FaultProxy;
let store: DigestStore;

beforeAll(async () => {
  seed = await openDigestBackend();
  busy = busiestRegions(seed, 3);
  const counts = new Map<string, number>();
  for (const article of seed.articles) for (const k of article.keywords.slice(0, 3)) counts.set(k, (counts.get(k) ?? 0) + 1);
  word = [...counts.entries()]
    .filter(([k]) => /^\p{Script=Han}{2,}$/u.test(k) && seed.regions.resolve(k).region === null)
    .sort((a, b) => b[1] - a[1])[0][0];
});
afterAll(() => seed?.close());

beforeEach(async () => {
  emulator = await startEmulator();
  proxy = await startFaultProxy(emulator.config.apiURL);
  store = await seed.freshStore(NOW - 86_400_000);
});
afterEach(async () => {
  await store.close();
  await proxy.close();
  await emulator.stop();
});

function callApi(): CallApi {
  const telegram = new Telegram(TEST_TOKEN, { apiRoot: proxy.url });
  return telegram.callApi.bind(telegram) as unknown as CallApi;
}

function sender(limits = { perSecond: 200, perChatPerMinute: 600, perGroupPerMinute: 600 }) {
  return createDigestSender({ callApi: callApi(), store, logger, limits, retry: { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 8 } });
}

/** Every (chat, topic, text) the digests of this run should have delivered, from the store's records. */
async function expectedMessages(chatIds: number[], period: string) {
  const deliveries = await Promise.all(chatIds.map((chatId) => store.deliveriesOf(chatId)));
  return deliveries.flatMap((ofChat, at) =>
    ofChat
      .filter((d) => d.period === period && d.status === 'sent')
      .flatMap((d) => d.parts.map((p) => ({ chatId: chatIds[at], threadId: d.threadId, text: p.text }))),
  );
}

/** One digest run over the seed index, every target regardless of its time unless `ignoreTime` is false. */
function run(now: number, extra: Partial<Parameters<typeof runDueDigests>[0]> = {}) {
  return runDueDigests({
    sources: { index: seed.index, expandRegion: seed.expandRegion },
    store,
    send: sender(),
    now,
    timeZone: TZ,
    ignoreTime: true,
    logger,
    ...extra,
  });
}

const key = (m: { chatId: number; threadId: number; text: string }) => `${m.chatId}/${m.threadId}/${m.text}`;

describe('digest delivery through a faulty Bot API', () => {
  it('delivers every digest exactly once despite 429, 500 and dropped connections, and honours retry_after', async () => {
    const privateChats = Array.from({ length: 40 }, (_, i) => 1000 + i);
    for (const chatId of privateChats) {
      await store.subscribe({ chatId, region: busy[0], time: '08:00' }, NOW - 1000);
      await store.subscribe({ chatId, keywords: [word], time: '08:00' }, NOW - 1000);
    }
    await store.subscribe({ chatId: -3001, threadId: 5, region: busy[1], time: '09:00' }, NOW - 1000);
    proxy.rules.push(
      { method: 'sendMessage', every: 7, fault: { kind: '429', retryAfter: 1 } },
      { method: 'sendMessage', every: 5, fault: { kind: '500' } },
      { method: 'sendMessage', every: 11, fault: { kind: 'drop' } },
    );
    const counts = await run(NOW);
    expect(counts).toEqual({ served: 41, failed: 0, skipped: 0 });
    expect(proxy.calls.filter((c) => c.fault === '429').length).toBeGreaterThan(3);
    expect(proxy.calls.filter((c) => c.fault === 'drop').length).toBeGreaterThan(1);

    const got = received(emulator).map(key).sort();
    const want = (await expectedMessages([...privateChats, -3001], '2026-11-23')).map(key).sort();
    expect(want.length).toBeGreaterThanOrEqual(41);
    expect(got).toEqual(want);
    // The forum topic's digest went to its topic.
    expect(
      received(emulator)
        .filter((m) => m.chatId === -3001)
        .every((m) => m.threadId === 5),
    ).toBe(true);

    // After a 429 with retry_after 1, the next request for that chat waited at least a second.
    for (const [at, call] of proxy.calls.entries()) {
      if (call.fault !== '429') continue;
      const next = proxy.calls.slice(at + 1).find((c) => c.chatId === call.chatId);
      expect(next).toBeDefined();
      expect(next!.at - call.at).toBeGreaterThanOrEqual(990);
    }

    // A second run in the same period sends nothing.
    const before = received(emulator).length;
    const again = await run(NOW + 60_000);
    expect(again).toEqual({ served: 0, failed: 0, skipped: 41 });
    expect(received(emulator).length).toBe(before);
  });

  it('deactivates a chat that answers 403 and sends it nothing, while the others get their digests', async () => {
    for (const chatId of [11, 12, 13]) await store.subscribe({ chatId, region: busy[0], time: '08:00' }, NOW - 1000);
    proxy.rules.push({ method: 'sendMessage', chatIds: [12], fault: { kind: '403' } });
    const counts = await run(NOW);
    expect(counts).toEqual({ served: 2, failed: 1, skipped: 0 });
    expect(await store.isChatActive(12)).toBe(false);
    expect(await store.subscriptions(12)).toEqual([]);
    expect((await store.deliveriesOf(12)).map((d) => d.status)).toEqual(['abandoned']);
    expect(new Set(received(emulator).map((m) => m.chatId))).toEqual(new Set([11, 13]));
    // Next day: the blocked chat is not even tried.
    proxy.calls.length = 0;
    await run(NOW + 86_400_000);
    expect(proxy.calls.some((c) => c.chatId === 12)).toBe(false);
  });

  it('follows a group that became a supergroup: subscriptions move and the digest arrives at the new id', async () => {
    await store.subscribe({ chatId: -2001, region: busy[0], time: '08:00' }, NOW - 1000);
    proxy.rules.push({ method: 'sendMessage', chatIds: [-2001], fault: { kind: 'migrate', to: -1002001 } });
    const counts = await run(NOW);
    expect(counts).toEqual({ served: 1, failed: 0, skipped: 0 });
    expect(await store.subscriptions(-2001)).toEqual([]);
    expect((await store.subscriptions(-1002001)).map((s) => s.region)).toEqual([busy[0]]);
    const delivery = (await store.deliveriesOf(-1002001))[0];
    expect(delivery.status).toBe('sent');
    expect(received(emulator).map(key).sort()).toEqual(
      delivery.parts.map((p) => key({ chatId: -1002001, threadId: 0, text: p.text })).sort(),
    );
  });

  it('leaves a digest in flight when retries run out, and the next run finishes it without resending what arrived', async () => {
    // A long digest (several messages) for one chat; the emulator is "down" after the first message.
    for (const region of busy) await store.subscribe({ chatId: 77, region, time: '08:00' }, NOW - 3 * 86_400_000);
    // A previous digest, so this one lists the new articles (many), not just the latest few.
    await store.startDelivery(
      { chatId: 77, threadId: 0, time: '08:00', period: '2026-11-22', cutoff: NOW - 2 * 86_400_000, articleIds: [], parts: [] },
      NOW - 2 * 86_400_000,
    );
    // Let the first message through, then fail everything: the API is down.
    proxy.onCall = () => {
      if (proxy.rules.length === 0) proxy.rules.push({ method: 'sendMessage', fault: { kind: '500' } });
    };
    const send = createDigestSender({
      callApi: callApi(),
      store,
      logger,
      limits: { perSecond: 200, perChatPerMinute: 6000 },
      retry: { baseDelayMs: 5, maxDelayMs: 10, maxAttempts: 3 },
    });
    const first = await run(NOW, { send, messageLimit: 600 });
    expect(first).toEqual({ served: 0, failed: 1, skipped: 0 });
    const [delivery] = await store.inFlightDeliveries();
    expect(delivery.parts.length).toBeGreaterThan(1);
    expect(delivery.partsSent).toBe(1);
    expect(received(emulator)).toHaveLength(1);

    proxy.rules.length = 0;
    proxy.onCall = undefined;
    const second = await run(NOW + 60_000, { send, messageLimit: 600 });
    expect(second).toEqual({ served: 1, failed: 0, skipped: 0 });
    expect(received(emulator).map((m) => m.text)).toEqual(delivery.parts.map((p) => p.text));
  });

  it('sends a weekly digest on its weekday only, titled as weekly', async () => {
    const weekAgo = NOW - 7 * 86_400_000;
    await store.subscribe({ chatId: 2001, region: busy[0], time: 'W1 08:00' }, weekAgo); // NOW is a Monday
    await store.subscribe({ chatId: 2002, region: busy[0], time: 'W2 08:00' }, weekAgo);
    expect(await run(NOW, { ignoreTime: false })).toMatchObject({ served: 1, failed: 0 });
    expect(received(emulator).filter((m) => m.chatId === 2001)[0]?.text).toContain('湘闻每周摘要');
    expect(received(emulator).some((m) => m.chatId === 2002)).toBe(false);
    expect(await run(NOW + 86_400_000, { ignoreTime: false })).toMatchObject({ served: 1 });
    expect(received(emulator).some((m) => m.chatId === 2002)).toBe(true);
  });

  it('sends nothing when there is nothing new, and says so in the counts', async () => {
    await store.subscribe({ chatId: 5, region: busy[0], time: '08:00' }, NOW - 3 * 86_400_000);
    await store.startDelivery(
      { chatId: 5, threadId: 0, time: '08:00', period: '2026-11-22', cutoff: NOW - 3600_000, articleIds: [], parts: [] },
      NOW - 3600_000,
    );
    const counts = await run(NOW);
    expect(counts).toEqual({ served: 0, failed: 0, skipped: 1 });
    expect(proxy.calls).toEqual([]);
    expect((await store.delivery({ chatId: 5, threadId: 0, time: '08:00' }, '2026-11-23'))?.status).toBe('empty');
  });

  it('serves a chat only once its time of day has come (without --now)', async () => {
    await store.subscribe({ chatId: 6, region: busy[0], time: '11:00' }, NOW - 1000);
    const early = await run(NOW, { ignoreTime: false });
    expect(early).toEqual({ served: 0, failed: 0, skipped: 0 });
    const due = await run(NOW + 3600_000, { ignoreTime: false });
    expect(due).toEqual({ served: 1, failed: 0, skipped: 0 });
  });

  it('does not send a first digest the same day to a chat that subscribed after its time had passed', async () => {
    await store.subscribe({ chatId: 8, region: busy[0], time: '09:00' }, NOW); // 10:00 local, for 09:00
    expect(await run(NOW + 3600_000, { ignoreTime: false })).toEqual({ served: 0, failed: 0, skipped: 0 });
    expect(await run(NOW + 86_400_000 - 3600_000, { ignoreTime: false })).toEqual({ served: 1, failed: 0, skipped: 0 });
  });
});
