/**
 * DATABASE_URL selects the PostgreSQL engine (issue #13): two instances of the composition root on
 * one real PostgreSQL, as two bot processes would open them. A ingests (XIANGWEN_INGEST=1), B does
 * not and reaches the server through a TCP gate the test can shut, as a server going away.
 */
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../src/app/services.ts';
import { loadConfig } from '../../src/config.ts';
import { EngineUnavailableError } from '../../src/search/engine.ts';
import { waitFor } from '../support/emulator.ts';
import { memoryLogger, SEEDS } from '../support/harness.ts';
import { inventedPage } from '../support/invented-pages.ts';
import { postgresAvailable, type TestDatabase, testDatabase } from '../support/postgres.ts';
import { startTcpGate, type TcpGate } from '../support/tcp-gate.ts';

type Refreshed = { articles: number; newArticles: number };

/** One instance: its own data folder (the bot's SQLite state), the shared pages and database. */
async function instance(url: string, pagesDir: string, ingest: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-pg-app-'));
  const log = memoryLogger('info');
  const refreshed: Refreshed[] = [];
  const config = loadConfig({
    DATABASE_URL: url,
    XIANGWEN_INGEST: ingest ? '1' : '0',
    PAGES_DIR: pagesDir,
    DATA_DIR: dataDir,
    PAGES_RESCAN_MINUTES: '0',
  });
  const services = await openServices(config, { logger: log.logger, onRefreshed: (info) => refreshed.push(info) });
  services.startIngest();
  return {
    services,
    log,
    refreshed,
    async close() {
      await services.close();
      await services.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const titles = async (services: Services, query: string) => (await services.index.search(query)).hits.map((hit) => hit.title);
const messages = (log: ReturnType<typeof memoryLogger>) => log.lines.map((line) => line.msg);

describe.runIf(postgresAvailable())('the PostgreSQL engine behind the composition root', () => {
  let database: TestDatabase;
  let gate: TcpGate;
  let pagesDir: string;
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;

  beforeAll(async () => {
    database = await testDatabase();
    gate = await startTcpGate(database.url);
    pagesDir = mkdtempSync(join(tmpdir(), 'xiangwen-pg-app-pages-'));
    cpSync(SEEDS, pagesDir, { recursive: true });
    a = await instance(database.url, pagesDir, true);
    b = await instance(gate.url, pagesDir, false);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await gate?.close();
    await database?.drop();
    rmSync(pagesDir, { recursive: true, force: true });
  });

  it('ingests the pages on the ingesting instance at start; the other serves the same articles without ingesting', async () => {
    expect(a.services.index.info.articles).toBeGreaterThan(10);
    expect(b.services.index.info.articles).toBe(a.services.index.info.articles);
    expect(await titles(b.services, '电商')).toEqual(await titles(a.services, '电商'));
    expect((await titles(b.services, '电商')).length).toBeGreaterThan(0);
    expect(messages(a.log)).toContain('articles in PostgreSQL');
    expect(a.log.lines.find((l) => l.msg === 'articles in PostgreSQL')).toMatchObject({ ingest: true });
    expect(b.log.lines.find((l) => l.msg === 'articles in PostgreSQL')).toMatchObject({ ingest: false });
    // The URL is never logged, only where it points.
    expect(a.log.raw.join('\n')).not.toContain(database.url);
  });

  it('a page ingested by one instance is found by the other, which hears the announcement within seconds', async () => {
    const before = a.services.index.info.articles;
    writeFileSync(
      join(pagesDir, '2031-05-02_blueberries.txt'),
      inventedPage([['青石镇蓝莓合作社迎来丰收季', '青石镇', '蓝莓种植户的收入比去年明显增加。']]),
    );
    await a.services.refresher.refresh('a page arrived');
    expect(a.services.index.info.articles).toBe(before + 1);
    expect(await titles(b.services, '蓝莓')).toEqual(['青石镇蓝莓合作社迎来丰收季']);
    await waitFor(() => (b.refreshed.length > 0 ? true : undefined), 10_000, 'the announcement to reach B');
    expect(b.refreshed).toEqual([{ articles: before + 1, newArticles: 1 }]);
    expect(b.services.index.info.articles).toBe(before + 1);
    expect(messages(b.log)).toContain('another instance ingested new articles');
    // A does not take its own announcement for another instance's.
    expect(messages(a.log)).not.toContain('another instance ingested new articles');
    expect(a.refreshed).toEqual([{ articles: before + 1, newArticles: 1 }]);
  });

  it('answers EngineUnavailableError while the server is gone, serves again when it is back, and the listener reconnects', async () => {
    await gate.shut();
    await expect(b.services.index.search('蓝莓')).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(b.services.index.get('anything')).rejects.toBeInstanceOf(EngineUnavailableError);
    await waitFor(() => (messages(b.log).some((m) => m.startsWith('the connection that listens')) ? true : undefined));
    await gate.open();
    expect(await titles(b.services, '蓝莓')).toEqual(['青石镇蓝莓合作社迎来丰收季']);
    await waitFor(
      () => (messages(b.log).includes('listening for new articles again') ? true : undefined),
      20_000,
      'the listener to reconnect',
    );

    const heard = b.refreshed.length;
    writeFileSync(
      join(pagesDir, '2031-05-03_bamboo.txt'),
      inventedPage([['青石镇竹编作坊接到新订单', '青石镇', '竹编艺人忙着赶制一批新货。']]),
    );
    await a.services.refresher.refresh('a page arrived');
    await waitFor(
      () => (b.refreshed.length > heard && b.refreshed.at(-1)!.newArticles === 1 ? true : undefined),
      10_000,
      'B to hear the next ingest',
    );
    expect(b.services.index.info.articles).toBe(a.services.index.info.articles);
  });

  it('a failed ingest is logged and leaves the served articles as they were, even when the folder is gone or empty', async () => {
    const count = a.services.index.info.articles;
    const away = `${pagesDir}.away`;
    renameSync(pagesDir, away);
    try {
      await expect(a.services.refresher.refresh('rescan')).rejects.toThrow(/ENOENT/);
      mkdirSync(pagesDir);
      await expect(a.services.refresher.refresh('rescan')).rejects.toThrow(/holds no page files/);
      expect(a.log.lines.filter((l) => l.msg === 'index refresh failed; the old index stays live')).toHaveLength(2);
      expect(a.services.index.info.articles).toBe(count);
      expect(await titles(a.services, '竹编')).toEqual(['青石镇竹编作坊接到新订单']);
    } finally {
      rmSync(pagesDir, { recursive: true, force: true });
      renameSync(away, pagesDir);
    }
  });
});
