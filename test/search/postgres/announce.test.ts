/**
 * The announcement listener (LISTEN/NOTIFY) on a real PostgreSQL, reached through a TCP gate: it
 * hears announcements, skips its own process's, and comes back after the connection was closed
 * and after the network died silently (the heartbeat finds it), catching up once each time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceIngest, type IngestAnnouncement, type IngestListener, listenForIngests } from '../../../src/search/postgres/announce.ts';
import type { IngestResult } from '../../../src/search/postgres/ingest.ts';
import { waitFor } from '../../support/emulator.ts';
import { migratedDatabaseForSuite, postgresAvailable } from '../../support/postgres.ts';
import { startTcpGate, type TcpGate } from '../../support/tcp-gate.ts';

const ingest = (added: number): IngestResult => ({
  mode: 'incremental',
  added: Array.from({ length: added }, (_, i) => `id${i}`),
  removed: [],
  changedFiles: ['a.txt'],
  articles: 40 + added,
});

describe.runIf(postgresAvailable())('listening for ingest announcements', () => {
  const suite = migratedDatabaseForSuite();
  let gate: TcpGate;
  let listener: IngestListener;
  const heard: IngestAnnouncement[] = [];
  const log: string[] = [];
  beforeAll(async () => {
    gate = await startTcpGate(suite.database().url);
    listener = listenForIngests(gate.url, {
      onAnnouncement: (announcement) => heard.push(announcement),
      logger: { info: (m) => log.push(m), warn: (m) => log.push(m) },
      ignoreFrom: 'me',
      heartbeatMs: 3000,
      retryMs: 100,
    });
    await listener.connected();
  });
  afterAll(async () => {
    await listener?.stop();
    await gate?.close();
  });

  const heardAfter = (count: number) => waitFor(() => (heard.length > count ? heard.slice(count) : undefined), 15_000, 'an announcement');

  it('hears another process announce an ingest, never its own, and nothing for an ingest that changed nothing', async () => {
    await announceIngest(suite.pool(), ingest(3), 'me');
    await announceIngest(suite.pool(), { ...ingest(0), mode: 'unchanged' }, 'other');
    await announceIngest(suite.pool(), ingest(2), 'other');
    await heardAfter(0);
    // (A heartbeat answered late on a busy machine may add a reconnection's catch-up: not counted here.)
    expect(heard.filter((a) => !a.missed)).toEqual([{ articles: 42, added: 2, removed: 0, from: 'other' }]);
  });

  it('reconnects after the connection was closed, catches up once, then hears announcements again', async () => {
    const before = heard.length;
    await gate.shut();
    await waitFor(() => (log.some((m) => m.includes('is down; reconnecting')) ? true : undefined));
    await gate.open();
    await listener.connected();
    expect((await heardAfter(before))[0]).toEqual({ articles: 0, added: 0, removed: 0, missed: true });
    await announceIngest(suite.pool(), ingest(1), 'other');
    await waitFor(() => (heard.some((a) => a.added === 1 && a.from === 'other') ? true : undefined));
  });

  it('finds a connection that died silently by its heartbeat and opens a new one', async () => {
    const before = heard.length;
    const lines = log.length;
    gate.freeze();
    expect((await heardAfter(before))[0]).toEqual({ articles: 0, added: 0, removed: 0, missed: true });
    expect(log.slice(lines).some((m) => m.includes('is down; reconnecting'))).toBe(true);
    await announceIngest(suite.pool(), ingest(4), 'other');
    await waitFor(() => (heard.some((a) => a.added === 4 && a.from === 'other') ? true : undefined));
  });
});
