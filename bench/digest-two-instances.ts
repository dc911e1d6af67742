/**
 * Digest delivery from two instances on one PostgreSQL (issue #13): N subscribed chats (default
 * 10 000), one digest each, sent through the telegram-test-api emulator by two real senders, each
 * on its own store (own pool) of the same database, running `runDueDigests` at the same time.
 * Reports the total rate against the token's limit (SEND_PER_SECOND: both instances together),
 * how the digests split between the instances, and duplicates (chats that got a message twice).
 * Runnable alone: `node bin/run-ts.mjs bench/digest-two-instances.ts [chats]`; uses DATABASE_URL's
 * server when set, else a throwaway server (test/support/postgres.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { PostgresDigestStore } from '../src/digest/postgres/store.ts';
import { runDueDigests } from '../src/digest/run.ts';
import { busiestRegions, openSeedIndex, received, seedStore, startEmulator } from '../test/digest/fixture.ts';
import { testDatabase } from '../test/support/postgres.ts';
import { emulatorSender } from './digest-delivery.ts';

/** Runs the benchmark; `perSecond` overrides SEND_PER_SECOND (the limit of both together). */
export async function benchDigestTwoInstances(options: { chats?: number; perSecond?: number }): Promise<Record<string, number | string>> {
  if (process.env.DATABASE_URL) process.env.XIANGWEN_TEST_DATABASE_URL ??= process.env.DATABASE_URL;
  const config = loadConfig();
  const chats = options.chats ?? 10_000;
  const perSecond = options.perSecond ?? config.sendPerSecond;
  const dir = mkdtempSync(join(tmpdir(), 'xiangwen-bench-two-'));
  const seed = await openSeedIndex({ buildInChild: true });
  const emulator = await startEmulator();
  const database = await testDatabase();
  // The seed index keeps its first-seen times in a bot.db of its own: composing is not measured.
  const ledger = seedStore(dir, Date.now() - 1000, seed.index);
  const stores = [await PostgresDigestStore.connect(database.url), await PostgresDigestStore.connect(database.url)];
  try {
    const now = Date.now();
    const regions = busiestRegions(seed, 4);
    for (let i = 0; i < chats; i++)
      await stores[0].subscribe({ chatId: 10_000_000 + i, region: regions[i % regions.length], time: '08:00' }, now - 1000);
    const run = (store: PostgresDigestStore) => {
      const send = emulatorSender(emulator, store, perSecond);
      const sources = { index: seed.index, expandRegion: seed.expandRegion };
      return runDueDigests({ sources, store, send, now, timeZone: config.digestTz, ignoreTime: true });
    };
    const started = performance.now();
    const [a, b] = await Promise.all(stores.map(run));
    const seconds = (performance.now() - started) / 1000;
    const messages = received(emulator);
    // A duplicate is the same message twice in one chat (a digest of several parts is no duplicate).
    const seen = new Set<string>();
    const duplicated = new Set<number>();
    for (const message of messages) {
      const key = `${message.chatId}\n${message.text}`;
      if (seen.has(key)) duplicated.add(message.chatId);
      seen.add(key);
    }
    const reached = new Set(messages.map((message) => message.chatId));
    const rate = messages.length / seconds;
    return {
      chats,
      'served by A': a.served,
      'served by B': b.served,
      failed: a.failed + b.failed,
      messages: messages.length,
      'chats reached': reached.size,
      duplicates: duplicated.size,
      seconds: Number(seconds.toFixed(1)),
      'limit msg/s (both together)': perSecond,
      'achieved msg/s': Number(rate.toFixed(2)),
      'share of limit %': Number(((100 * rate) / perSecond).toFixed(1)),
    };
  } finally {
    for (const store of stores) await store.close();
    await ledger.close();
    seed.close();
    await emulator.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const chats = process.argv[2] ? Number(process.argv[2]) : undefined;
  console.log(JSON.stringify(await benchDigestTwoInstances({ chats })));
}
