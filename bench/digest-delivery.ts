/**
 * Digest delivery benchmark: N subscribed chats (default 10 000), one digest each, sent through the
 * telegram-test-api emulator by the real sender (pacer + retry) at the configured overall rate
 * (SEND_PER_SECOND, default 30). Reports messages per second achieved against that limit (target
 * ≥ 90 %) and peak memory (resident set of this process, which also hosts the emulator).
 * Runnable alone: `node --expose-gc bin/run-ts.mjs bench/digest-delivery.ts [chats]`.
 * The index is the real one over a copy of the seed pages (built by a child process before the
 * clock starts): composing is not what this measures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Telegram } from 'telegraf';
import type { CallApi } from '../src/telegram/api-retry.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/digest/db.ts';
import { runDueDigests } from '../src/digest/run.ts';
import { createDigestSender, type SendMessage } from '../src/digest/sender.ts';
import type { DigestStore } from '../src/digest/store.ts';
import { SqliteDigestStore } from '../src/digest/sqlite-store.ts';
import { createLogger } from '../src/log.ts';
import { type Emulator, TEST_TOKEN, busiestRegions, openSeedIndex, received, startEmulator } from '../test/digest/fixture.ts';

/** The real digest sender over a Bot API client of the emulator, at `perSecond` overall. */
export function emulatorSender(emulator: Emulator, store: DigestStore, perSecond: number): SendMessage {
  const config = loadConfig();
  const telegram = new Telegram(TEST_TOKEN, { apiRoot: emulator.config.apiURL });
  return createDigestSender({
    callApi: telegram.callApi.bind(telegram) as unknown as CallApi,
    store,
    logger: createLogger('silent'),
    limits: { perSecond, perChatPerMinute: config.sendPerChatPerMinute, perGroupPerMinute: config.sendPerGroupPerMinute },
  });
}

/** Runs the benchmark; `perSecond` overrides SEND_PER_SECOND. */
export async function benchDigestDelivery(options: { chats?: number; perSecond?: number }): Promise<Record<string, number | string>> {
  const config = loadConfig();
  const chats = options.chats ?? 10_000;
  const perSecond = options.perSecond ?? config.sendPerSecond;
  const dir = mkdtempSync(join(tmpdir(), 'xiangwen-bench-digest-'));
  // Built in a child process: the peak memory below is the sender's, not the index builder's.
  const seed = await openSeedIndex({ buildInChild: true });
  const emulator = await startEmulator();
  const store = new SqliteDigestStore(openDatabase(join(dir, 'bot.db')), { maxSubscriptionsPerChat: 20 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  try {
    const { index } = seed;
    const now = Date.now();
    index.recordIn(store.firstSeen, now - 1000);
    const regions = busiestRegions(seed, 4);
    for (let i = 0; i < chats; i++)
      await store.subscribe({ chatId: 10_000_000 + i, region: regions[i % regions.length], time: '08:00' }, now - 1000);
    const send = emulatorSender(emulator, store, perSecond);
    const started = performance.now();
    const counts = await runDueDigests({
      sources: { index, expandRegion: seed.expandRegion },
      store,
      send,
      now,
      timeZone: config.digestTz,
      ignoreTime: true,
    });
    const seconds = (performance.now() - started) / 1000;
    const messages = received(emulator).length;
    const rate = messages / seconds;
    return {
      chats,
      served: counts.served,
      failed: counts.failed,
      messages,
      seconds: Number(seconds.toFixed(1)),
      'limit msg/s': perSecond,
      'achieved msg/s': Number(rate.toFixed(2)),
      'share of limit %': Number(((100 * rate) / perSecond).toFixed(1)),
      'peak RSS MB': Math.round(peakRss / 1_048_576),
    };
  } finally {
    clearInterval(sampler);
    await store.close();
    seed.close();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const chats = process.argv[2] ? Number(process.argv[2]) : undefined;
  console.log(JSON.stringify(await benchDigestDelivery({ chats })));
}
