/**
 * The token's send rate shared by every instance (issue #13): on PostgreSQL each message takes a
 * slot of one schedule in the database, so two instances together stay under Telegram's overall
 * limit; bot.db, used by one process, leaves the rate to the sender's own pacer.
 */
import { describe, expect, it } from 'vitest';
import { createDigestSender } from '../../src/digest/sender.ts';
import type { DigestStore } from '../../src/digest/store.ts';
import { createLogger } from '../../src/log.ts';
import type { CallApi } from '../../src/telegram/api-retry.ts';
import { postgresAvailable } from '../support/postgres.ts';
import { type StoreBackend, storeBackendForSuite } from '../support/stores.ts';

describe('the send schedule on bot.db', () => {
  const backend: StoreBackend = storeBackendForSuite('sqlite');
  it('is absent: one process sends, its pacer holds the rate', async () => {
    expect((await backend.open()).sendSlots).toBeUndefined();
  });
});

describe.runIf(postgresAvailable())('the send schedule on PostgreSQL', () => {
  const backend: StoreBackend = storeBackendForSuite('postgres');

  const slotsOf = (store: DigestStore) => {
    if (store.sendSlots === undefined) throw new Error('a PostgreSQL store shares its send schedule');
    return store.sendSlots;
  };

  it('spaces the slots two instances reserve at once by the gap, never giving one slot twice', async () => {
    const [a, b] = [slotsOf(await backend.open()), slotsOf(await backend.open())];
    const gap = 20;
    const taken = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).reserve(gap)));
    const times = taken.map((slot) => slot.at).sort((x, y) => x - y);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(gap - 1e-6);
    // The 60 slots cover at least 59 gaps, however the instances interleaved.
    expect(times.at(-1)! - times[0]).toBeGreaterThanOrEqual(59 * gap - 1e-6);
    expect(Math.max(...taken.map((slot) => slot.waitMs))).toBeGreaterThan(0);
  });

  it('banks no burst: after a quiet spell the next slot is now, the ones after it a gap apart', async () => {
    const slots = slotsOf(await backend.open());
    await slots.reserve(5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const first = await slots.reserve(5);
    const second = await slots.reserve(5);
    expect(first.waitMs).toBe(0);
    expect(second.at - first.at).toBeGreaterThanOrEqual(5 - 1e-6);
  });

  it('holds the overall rate of two instances sending digests at once', async () => {
    const sentAt: number[] = [];
    const callApi: CallApi = async (_method, payload) => {
      sentAt.push(performance.now());
      return { chat: { id: Number(payload.chat_id) } };
    };
    const senders = await Promise.all(
      [0, 1].map(async () =>
        createDigestSender({ callApi, store: await backend.open(), logger: createLogger('silent'), limits: { perSecond: 20 } }),
      ),
    );
    // Different chats, so no per-chat gap is involved: only the overall 20 a second (50 ms apart).
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => senders[i % 2]({ chatId: 7000 + i, threadId: 0 }, { text: `第${i}条` })),
    );
    expect(outcomes.every((outcome) => outcome.status === 'sent')).toBe(true);
    // Each instance alone would send 20 a second; together they still send at most 20 a second, so
    // the tenth send waits for the tenth slot. Measured from the start, not from the first send: on
    // a loaded machine the first send can run late, which shortens first-to-last but never this.
    expect(Math.max(...sentAt) - started).toBeGreaterThanOrEqual(9 * 50 - 15);
  });
});
