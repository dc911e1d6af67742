/**
 * Several bot instances on one state (issue #13): digest runs on two stores (two pools, or two
 * connections to one file) at the same time deliver each (chat, article) exactly once, and a run
 * that stops or dies mid-digest is finished by another with no duplicate except, for a death,
 * the one message that was in flight. Both backends; the messages go to an in-process recorder.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueDigests, type RunCounts } from '../../src/digest/run.ts';
import type { SendMessage, SendOutcome } from '../../src/digest/sender.ts';
import type { DigestStore } from '../../src/digest/store.ts';
import { FirstSeenLedger } from '../../src/search/first-seen.ts';
import { type StoreBackend, storeBackendForSuite, storeBackends } from '../support/stores.ts';
import { busiestRegions, MESSAGE_LIMIT, openSeedIndex, type SeedIndex } from './fixture.ts';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const DAY = 86_400_000;
const CHATS = Array.from({ length: 24 }, (_, i) => 700 + i);
const sent = (chatId: number, text: string) => `${chatId}|${text}`;

let seed: SeedIndex;
beforeAll(async () => {
  seed = await openSeedIndex();
  // Every seed article is new since yesterday (the ledger here stands for the engine's).
  seed.index.recordIn(new FirstSeenLedger(new Database(':memory:')), NOW - DAY);
});
afterAll(() => seed.close());

/**
 * A Bot API stand-in: records every message (chat and text), after a short wait so runs
 * interleave. `before` sees the number of the call (1, 2 …) and may answer instead.
 */
function recorder(log: string[], before?: (call: number) => Promise<SendOutcome | undefined>): SendMessage {
  let calls = 0;
  return async (target, message) => {
    const early = await before?.(++calls);
    if (early) return early;
    await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 4));
    log.push(sent(target.chatId, message.text));
    return { status: 'sent', ...target };
  };
}

function run(store: DigestStore, send: SendMessage, signal?: AbortSignal): Promise<RunCounts> {
  const sources = { index: seed.index, expandRegion: seed.expandRegion };
  return runDueDigests({
    sources,
    store,
    send,
    now: NOW,
    timeZone: 'Asia/Shanghai',
    ignoreTime: true,
    messageLimit: MESSAGE_LIMIT,
    signal,
  });
}

async function subscribeAll(store: DigestStore): Promise<void> {
  for (const chatId of CHATS)
    for (const region of busiestRegions(seed, 2)) await store.subscribe({ chatId, region, time: '08:00' }, NOW - 10 * DAY);
}

/** Every message the recorded deliveries hold, one per part. */
async function expectedMessages(store: DigestStore): Promise<string[]> {
  const all: string[] = [];
  for (const chatId of CHATS)
    for (const delivery of await store.deliveriesOf(chatId)) {
      expect(delivery.status).toBe('sent');
      all.push(...delivery.parts.map((part) => sent(chatId, part.text)));
    }
  return all.sort();
}

/** The messages of `got` beyond one each of `want` (duplicates). */
function extras(got: string[], want: string[]): string[] {
  const left = new Map<string, number>();
  for (const message of want) left.set(message, (left.get(message) ?? 0) + 1);
  return got.filter((message) => {
    const n = left.get(message) ?? 0;
    left.set(message, n - 1);
    return n <= 0;
  });
}

describe.each(storeBackends())('digest runs of two instances on %s', (name) => {
  const backend: StoreBackend = storeBackendForSuite(name);

  it('deliver each chat its digest exactly once when both run at the same time', async () => {
    const [a, b] = [await backend.open(), await backend.open()];
    await subscribeAll(a);
    const log: string[] = [];
    const [byA, byB] = await Promise.all([run(a, recorder(log)), run(b, recorder(log))]);
    expect(byA.served + byB.served).toBe(CHATS.length);
    expect(byA.failed + byB.failed).toBe(0);
    const want = await expectedMessages(b);
    expect(want.length).toBeGreaterThan(CHATS.length); // several parts per digest
    expect(log.sort()).toEqual(want);
    // Each article at most once per chat, across all the messages it got.
    for (const chatId of CHATS) {
      const ids = (await a.deliveriesOf(chatId)).flatMap((d) => d.articleIds);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('finish a run stopped between messages on the other instance, with no duplicate', async () => {
    const [a, b] = [await backend.open(), await backend.open()];
    await subscribeAll(a);
    const log: string[] = [];
    const stop = new AbortController();
    const stopAfter = async (count: number) => {
      if (count > 15) stop.abort();
      return undefined;
    };
    const first = await run(a, recorder(log, stopAfter), stop.signal);
    expect(first.served).toBeLessThan(CHATS.length);
    const rest = await run(b, recorder(log));
    expect(rest.failed).toBe(0);
    expect(log.sort()).toEqual(await expectedMessages(b));
  });

  it('take over a digest whose instance died mid-send once its lease ran out, resending only the message in flight', async () => {
    const lease = 400;
    const [a, b] = [await backend.open({ leaseMs: lease }), await backend.open({ leaseMs: lease })];
    await subscribeAll(a);
    const log: string[] = [];
    // The 10th message reaches Telegram, then the instance hangs for good before it can record it.
    let wake: (outcome: SendOutcome) => void = () => {};
    let frozen = false;
    const freezeAt = async (count: number) => {
      if (count !== 10 || frozen) return undefined;
      frozen = true;
      return new Promise<SendOutcome>((resolve) => (wake = resolve));
    };
    const dying = run(a, recorder(log, freezeAt));
    await waitUntil(() => frozen);
    const deadTarget = await frozenDelivery(a);
    log.push(sent(deadTarget.chatId, deadTarget.parts[deadTarget.partsSent].text)); // it did arrive
    await new Promise((resolve) => setTimeout(resolve, lease + 100));
    const rescue = await run(b, recorder(log));
    expect(rescue.served).toBeGreaterThanOrEqual(1);
    // The dead instance comes back: its record of the message is refused, and it sends nothing more.
    const before = log.length;
    wake({ status: 'sent', chatId: deadTarget.chatId, threadId: deadTarget.threadId });
    await dying;
    expect(log.length).toBe(before);
    const want = await expectedMessages(b);
    expect(extras(log.sort(), want)).toEqual([sent(deadTarget.chatId, deadTarget.parts[deadTarget.partsSent].text)]);
    expect(extras(want, log)).toEqual([]);
  });
});

async function waitUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 3000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error('timed out');
}

/** The one delivery left in flight by the frozen instance (the others it finished). */
async function frozenDelivery(store: DigestStore) {
  for (let i = 0; i < 500; i++) {
    const inFlight = await store.inFlightDeliveries();
    if (inFlight.length === 1) return inFlight[0];
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('expected exactly one delivery left in flight');
}
