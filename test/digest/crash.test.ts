import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DigestStore } from '../../src/digest/store.ts';
import { type StoreBackend, storeBackendForSuite, storeBackends } from '../support/stores.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/emulator.ts';
import type { Fault } from '../support/fault-proxy.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import {
  CRASH_LEASE_MS,
  CRASH_NOW,
  busiestRegions,
  openSeedIndex,
  received,
  seedStore,
  startEmulator,
  type Emulator,
  type SeedIndex,
} from './fixture.ts';

const ROOT = join(import.meta.dirname, '../..');
const CHATS = Array.from({ length: 12 }, (_, i) => 500 + i);
const DAY = 86_400_000;

let seed: SeedIndex;
let dir: string;
let emulator: Emulator;
let proxy: FaultProxy;

beforeAll(async () => {
  seed = await openSeedIndex();
});
afterAll(() => seed.close());

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiangwen-crash-'));
  emulator = await startEmulator();
  proxy = await startFaultProxy(emulator.config.apiURL);
});
afterEach(async () => {
  await proxy.close();
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The backend of the describe block running (SQLite: bot.db in `dir`; PostgreSQL: its test database). */
let backend: StoreBackend;

/** A store on the test's state, as the child opens it. */
async function openState(): Promise<DigestStore> {
  return backend.name === 'sqlite' ? seedStore(dir, CRASH_NOW - DAY, seed.index) : backend.open();
}

async function seedState(): Promise<void> {
  const store = await openState();
  for (const chatId of CHATS) {
    // Subscribed long ago, last digest two days ago: today's digest lists every new article of the
    // busiest regions, in several parts.
    for (const region of busiestRegions(seed, 3)) await store.subscribe({ chatId, region, time: '08:00' }, CRASH_NOW - 10 * DAY);
    await store.startDelivery(
      { chatId, threadId: 0, time: '08:00', period: '2026-11-21', cutoff: CRASH_NOW - 2 * DAY, articleIds: [], parts: [] },
      CRASH_NOW - 2 * DAY,
    );
  }
  await store.close();
}

function startChild(): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> } {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/run-ts.mjs'),
      join(ROOT, 'test/digest/crash-child.ts'),
      dir,
      proxy.url,
      seed.pagesDir,
      seed.dataDir,
      ...(backend.databaseUrl ? [backend.databaseUrl] : []),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) process.stderr.write(stderr);
      resolve({ code, signal, stdout });
    }),
  );
  return { child, done };
}

/** Messages the child has recorded as delivered (committed `parts_sent`), read beside it. */
async function committedParts(): Promise<number> {
  const sql = 'SELECT COALESCE(SUM(parts_sent), 0)::int AS n FROM deliveries';
  if (backend.databaseUrl !== undefined) {
    const client = new pg.Client({ connectionString: backend.databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ n: number }>(sql)).rows[0].n;
    } finally {
      await client.end();
    }
  }
  const db = new Database(join(dir, 'bot.db'), { readonly: true });
  try {
    return (db.prepare(sql.replace('::int', '')).pluck().get() as number) ?? 0;
  } finally {
    db.close();
  }
}

/**
 * Runs the child; from its `nth` sendMessage on, every request gets `fault`. Once a request is
 * caught in the fault and the child has committed the confirmations of the first `nth - 1`
 * messages (polled in the database, however slow the machine), it is SIGKILLed.
 */
async function crashAt(nth: number, fault: Fault): Promise<void> {
  const { child, done } = startChild();
  let count = 0;
  let faulting = false;
  proxy.onCall = (call) => {
    if (call.method !== 'sendMessage' || ++count !== nth - 1) return;
    proxy.rules.push({ method: 'sendMessage', fault });
    faulting = true;
  };
  // Killed once a message is caught in the fault and everything before it is on record.
  const caught = () => proxy.calls.some((c) => c.fault === fault.kind);
  await waitFor(
    async () => (faulting && caught() && (await committedParts()) >= nth - 1 ? true : undefined),
    60_000,
    'the first messages to be recorded',
  );
  child.kill('SIGKILL');
  const result = await done;
  expect(result.signal).toBe('SIGKILL');
  proxy.onCall = undefined;
  proxy.rules.length = 0;
}

async function restart(): Promise<{ served: number; failed: number; skipped: number }> {
  // On a server database the new process is another instance: it takes the dead one's digest once the lease ran out.
  if (backend.name === 'postgres') await new Promise((resolve) => setTimeout(resolve, CRASH_LEASE_MS + 200));
  const { done } = startChild();
  const result = await done;
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { served: number; failed: number; skipped: number };
}

async function deliveredAndExpected() {
  const store = await openState();
  const expected = (await Promise.all(CHATS.map((chatId) => store.deliveriesOf(chatId)))).flatMap((deliveries, at) =>
    deliveries
      .filter((d) => d.period === '2026-11-23')
      .flatMap((d) => {
        expect(d.status).toBe('sent');
        return d.parts.map((part) => `${CHATS[at]}|${part.text}`);
      }),
  );
  await store.close();
  const got = received(emulator).map((m) => `${m.chatId}|${m.text}`);
  return { expected: expected.sort(), got: got.sort() };
}

describe.each(storeBackends())('a sending process killed mid-run, the state on %s', (name) => {
  const suiteBackend = storeBackendForSuite(name);
  beforeEach(async () => {
    backend = suiteBackend;
    await seedState();
  });

  it('delivers every message exactly once after a restart when the kill hits before Telegram got the message', async () => {
    await crashAt(15, { kind: 'hold' });
    const before = received(emulator).length;
    expect(before).toBe(14);
    const counts = await restart();
    expect(counts.failed).toBe(0);
    expect(counts.served + counts.skipped).toBe(CHATS.length);
    const { expected, got } = await deliveredAndExpected();
    expect(expected.length).toBeGreaterThan(CHATS.length * 2);
    expect(got).toEqual(expected);
  });

  it('loses nothing when the kill hits after Telegram accepted a message; only the unconfirmed messages repeat', async () => {
    await crashAt(15, { kind: 'hold-after-forward' });
    const unconfirmed = proxy.calls.filter((c) => c.fault === 'hold-after-forward').length;
    expect(unconfirmed).toBeGreaterThan(0);
    await restart();
    const { expected, got } = await deliveredAndExpected();
    // Every expected message arrived; the extra ones are exactly the messages whose confirmation the crash lost.
    const counts = new Map<string, number>();
    for (const key of got) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const key of expected) expect(counts.get(key) ?? 0).toBeGreaterThanOrEqual(1);
    expect(got.length - expected.length).toBe(unconfirmed);
    expect([...counts.values()].every((n) => n <= 2)).toBe(true);
  });
});
