/**
 * `xiangwen migrate-to-postgres`: an SQLite deployment (its pages and its bot.db, made the way the
 * bot makes them) is copied into a real PostgreSQL; the articles keep their first-seen times, so
 * a digest after the move sends only what is new since.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MigrationReport, readSqliteFirstSeen } from '../../src/app/migrate-to-postgres.ts';
import { openServices } from '../../src/app/services.ts';
import { loadConfig } from '../../src/config.ts';
import { PostgresDigestStore } from '../../src/digest/postgres/store.ts';
import { createLogger } from '../../src/log.ts';
import { seenBetween } from '../../src/search/engine.ts';
import { openPostgresIndex } from '../../src/search/postgres/open.ts';
import { SEEDS } from '../support/harness.ts';
import { inventedPage } from '../support/invented-pages.ts';
import { postgresAvailable, type TestDatabase, testDatabase } from '../support/postgres.ts';

const CLI = join(import.meta.dirname, '../../bin/xiangwen.mjs');
const DAY = 86_400_000;
const READER = 5101;
const GROUP = -1005102;

describe.runIf(postgresAvailable())('xiangwen migrate-to-postgres', () => {
  let database: TestDatabase;
  let pagesDir: string;
  let dataDir: string;

  beforeAll(async () => {
    database = await testDatabase();
    pagesDir = mkdtempSync(join(tmpdir(), 'xiangwen-migrate-pages-'));
    dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-migrate-data-'));
    cpSync(SEEDS, pagesDir, { recursive: true });
    // The SQLite deployment, as the bot leaves it: an index and bot.db with first-seen times…
    const services = await openServices(loadConfig({ PAGES_DIR: pagesDir, DATA_DIR: dataDir }), { logger: createLogger('silent') });
    await services.close();
    // …subscribers with a digest sent, one half-sent, a language chosen and a long query's paging key…
    const { store } = services;
    const now = Date.now();
    await store.subscribe({ chatId: READER, region: '长沙市', time: '08:00' }, now);
    await store.subscribe({ chatId: READER, keywords: ['乡村振兴'], time: '18:00' }, now);
    await store.subscribe({ chatId: GROUP, threadId: 7, region: '岳阳市', time: '08:00' }, now);
    await store.setLanguage(GROUP, 'en', now);
    const sent = await store.startDelivery(
      { chatId: READER, threadId: 0, time: '08:00', period: '2031-05-01', cutoff: now - DAY, articleIds: ['a'], parts: [{ text: 'one' }] },
      now,
    );
    await store.markPartsSent(sent!, 1, now);
    await store.startDelivery(
      {
        chatId: GROUP,
        threadId: 7,
        time: '08:00',
        period: '2031-05-02',
        cutoff: now,
        articleIds: ['b', 'c'],
        parts: [{ text: 'one' }, { text: 'two' }],
      },
      now,
    );
    await store.queryKeys.save('k1', '一个很长很长的查询');
    await store.close();
    // …which a month of running made old.
    const db = new Database(join(dataDir, 'bot.db'));
    db.prepare('UPDATE article_seen SET first_seen = first_seen - ?').run(30 * DAY);
    db.close();
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(pagesDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const migrate = () =>
    spawnSync(process.execPath, [CLI, 'migrate-to-postgres', '--json'], {
      env: { ...process.env, DATABASE_URL: database.url, PAGES_DIR: pagesDir, DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('ingests the pages and keeps every first-seen time of bot.db; running it again changes nothing', async () => {
    const sqliteTimes = new Map(readSqliteFirstSeen(dataDir).map((item) => [item.id, item.firstSeen]));
    expect(sqliteTimes.size).toBeGreaterThan(10);
    const started = Date.now();
    const first = migrate();
    expect(first.status, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as MigrationReport;
    expect(report).toMatchObject({ firstSeenCopied: sqliteTimes.size, ingest: { mode: 'full', articles: sqliteTimes.size } });
    expect(report.state).toEqual({
      chats: { read: 2, copied: 2 },
      subscriptions: { read: 3, copied: 3 },
      deliveries: { read: 2, copied: 2 },
      queryKeys: { read: 1, copied: 1 },
    });

    const { index, ingest } = await openPostgresIndex(database.url);
    try {
      const seen = new Map<string, number>();
      for await (const item of seenBetween(index, 0)) seen.set(item.id, item.firstSeen);
      expect(seen).toEqual(sqliteTimes);
      // Nothing of the old archive counts as new for a digest after the move.
      expect((await index.seenSince(started)).items).toEqual([]);

      const again = migrate();
      expect(again.status, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({
        ingest: { mode: 'unchanged', articles: sqliteTimes.size },
        state: { chats: { copied: 0 }, subscriptions: { copied: 0 }, deliveries: { copied: 0 }, queryKeys: { copied: 0 } },
      });

      // A page arriving after the move is the only new article.
      writeFileSync(join(pagesDir, '2031-07-01_new.txt'), inventedPage([['青石镇新建一座乡村图书馆', '青石镇', '图书馆里摆满了新书。']]));
      await ingest(pagesDir);
      const fresh = (await index.seenSince(started)).items;
      expect(fresh).toHaveLength(1);
      expect((await index.get(fresh[0].id))?.title).toBe('青石镇新建一座乡村图书馆');
    } finally {
      await index.close();
    }
  });

  it('copies the bot state: subscriptions with their ids, languages, digests sent and in flight, paging keys', async () => {
    const store = await PostgresDigestStore.connect(database.url);
    try {
      const readers = await store.subscriptions(READER);
      expect(readers.map((sub) => [sub.region, sub.keywords, sub.time])).toEqual([
        ['长沙市', [], '08:00'],
        ['', ['乡村振兴'], '18:00'],
      ]);
      expect(await store.language(GROUP)).toBe('en');
      expect((await store.subscriptions(GROUP))[0]).toMatchObject({ region: '岳阳市', threadId: 7 });
      // The period already sent is not sent again; the half-sent digest is claimable and resumes at its second part.
      expect(await store.delivery({ chatId: READER, threadId: 0, time: '08:00' }, '2031-05-01')).toMatchObject({ status: 'sent' });
      const [inFlight] = await store.claimInFlight(Date.now());
      expect(inFlight).toMatchObject({ chatId: GROUP, threadId: 7, articleIds: ['b', 'c'], partsSent: 0 });
      expect(inFlight.parts.map((part) => part.text)).toEqual(['one', 'two']);
      expect(await store.queryKeys.textFor('k1')).toBe('一个很长很长的查询');
      // A new subscription gets an id after the copied ones (unsubscribe buttons carry ids).
      const added = await store.subscribe({ chatId: READER, region: '株洲市', time: '09:00' }, Date.now());
      expect(added.status).toBe('added');
      if (added.status === 'added') expect(added.subscription.id).toBeGreaterThan(Math.max(...readers.map((sub) => sub.id)));
    } finally {
      await store.close();
    }
  });

  it('asks for DATABASE_URL when it is not set', () => {
    const run = spawnSync(process.execPath, [CLI, 'migrate-to-postgres'], {
      env: { ...process.env, DATABASE_URL: '', PAGES_DIR: pagesDir, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('错误 error: DATABASE_URL: must name the PostgreSQL database to copy the archive into');
  });
});
