/**
 * Claims on in-flight digests, on both backends (see src/digest/claims.ts): a delivery is sent by
 * the instance that recorded it until its lease runs out; then exactly one other instance takes
 * it over, and the old owner can no longer move it on.
 */
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DigestStore, NewDelivery } from '../../src/digest/store.ts';
import { type StoreBackend, storeBackendForSuite, storeBackends } from '../support/stores.ts';

const T = 1_000_000;
const LEASE = 1_000;

function digestFor(chatId: number): NewDelivery {
  return {
    chatId,
    threadId: 0,
    time: '08:00',
    period: '2026-01-02',
    cutoff: T,
    articleIds: ['a'],
    parts: [{ text: '一' }, { text: '二' }],
  };
}

async function subscribed(store: DigestStore, chatIds: number[]): Promise<void> {
  for (const chatId of chatIds) await store.subscribe({ chatId, keywords: ['水利'], time: '08:00' }, 1);
}

describe.each(storeBackends())('claims on %s', (name) => {
  const backend: StoreBackend = storeBackendForSuite(name);
  let a: DigestStore;
  let b: DigestStore;
  beforeEach(async () => {
    a = await backend.open({ leaseMs: LEASE });
    b = await backend.open({ leaseMs: LEASE });
  });

  it('leaves a delivery to its owner while the lease runs; the owner resumes its own', async () => {
    await subscribed(a, [1]);
    const started = (await a.startDelivery(digestFor(1), T))!;
    expect(started.status).toBe('in_flight');
    expect(await b.claimInFlight(T + LEASE - 1)).toEqual([]);
    expect((await a.claimInFlight(T + 10)).map((d) => d.chatId)).toEqual([1]);
  });

  it('lets another instance take over once the lease ran out; the old owner then cannot move it', async () => {
    await subscribed(a, [1]);
    const started = (await a.startDelivery(digestFor(1), T))!;
    expect(await a.markPartsSent(started, 1, T + 100)).toBe(true); // renews the lease to T + 1100
    expect(await b.claimInFlight(T + 1_050)).toEqual([]);
    const [taken] = await b.claimInFlight(T + 1_101);
    expect(taken).toMatchObject({ chatId: 1, partsSent: 1 });
    expect(await a.markPartsSent(taken, 2, T + 1_200)).toBe(false);
    expect(await b.markPartsSent(taken, 2, T + 1_200)).toBe(true);
    expect(await a.delivery(taken, taken.period)).toMatchObject({ status: 'sent', partsSent: 2 });
  });

  it('lets another instance take a released delivery at once', async () => {
    await subscribed(a, [1]);
    const started = (await a.startDelivery(digestFor(1), T))!;
    await a.releaseDelivery(started);
    expect((await b.claimInFlight(T + 1)).map((d) => d.chatId)).toEqual([1]);
    expect(await a.claimInFlight(T + 2)).toEqual([]);
  });

  it('records a digest for one instance only when two record the same period at once', async () => {
    await subscribed(a, [1]);
    const results = await Promise.all([
      a.startDelivery({ ...digestFor(1), since: -1 }, T),
      b.startDelivery({ ...digestFor(1), since: -1 }, T),
    ]);
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
  });

  it('splits stale deliveries between instances claiming at once, never giving one to both', async () => {
    const chats = Array.from({ length: 40 }, (_, i) => 100 + i);
    await subscribed(a, chats);
    for (const chatId of chats) await a.startDelivery(digestFor(chatId), T);
    const c = await backend.open({ leaseMs: LEASE });
    const [byB, byC] = await Promise.all([b.claimInFlight(T + LEASE + 1), c.claimInFlight(T + LEASE + 1)]);
    const ids = [...byB, ...byC].map((d) => d.chatId).sort((x, y) => x - y);
    expect(ids).toEqual(chats);
  });

  it.runIf(name === 'sqlite')('takes over at once from a process that is gone (the file is local: same host)', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const dead = await backend.open({ leaseMs: LEASE, owner: `${hostname()}/${gone}/dead` });
    await subscribed(dead, [1]);
    await dead.startDelivery(digestFor(1), T);
    expect((await b.claimInFlight(T + 1)).map((d) => d.chatId)).toEqual([1]);
  });
});
