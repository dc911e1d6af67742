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
import { readSqliteFirstSeen } from '../../src/app/migrate-to-postgres.ts';
import { openServices } from '../../src/app/services.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { seenBetween } from '../../src/search/engine.ts';
import { openPostgresIndex } from '../../src/search/postgres/open.ts';
import { SEEDS } from '../support/harness.ts';
import { inventedPage } from '../support/invented-pages.ts';
import { postgresAvailable, type TestDatabase, testDatabase } from '../support/postgres.ts';

const CLI = join(import.meta.dirname, '../../bin/xiangwen.mjs');
const DAY = 86_400_000;

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
    services.store.close();
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
    const report = JSON.parse(first.stdout) as { firstSeenCopied: number; ingest: { mode: string; articles: number }; notCopied: string };
    expect(report).toMatchObject({ firstSeenCopied: sqliteTimes.size, ingest: { mode: 'full', articles: sqliteTimes.size } });
    expect(report.notCopied).toContain('subscriptions');

    const { index, ingest } = await openPostgresIndex(database.url);
    try {
      const seen = new Map<string, number>();
      for await (const item of seenBetween(index, 0)) seen.set(item.id, item.firstSeen);
      expect(seen).toEqual(sqliteTimes);
      // Nothing of the old archive counts as new for a digest after the move.
      expect((await index.seenSince(started)).items).toEqual([]);

      const again = migrate();
      expect(again.status, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ ingest: { mode: 'unchanged', articles: sqliteTimes.size } });

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

  it('asks for DATABASE_URL when it is not set', () => {
    const run = spawnSync(process.execPath, [CLI, 'migrate-to-postgres'], {
      env: { ...process.env, DATABASE_URL: '', PAGES_DIR: pagesDir, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('错误 error: DATABASE_URL: must name the PostgreSQL database to copy the archive into');
  });
});
