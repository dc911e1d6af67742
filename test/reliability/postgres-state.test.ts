/**
 * The promise of storage.test.ts and index-healing.test.ts (state is never lost silently, damage
 * never ends in a crash or a stack) for a bot on PostgreSQL, whose state and articles are no files
 * to restore or rebuild: a database migrated by newer code, or holding a migration's tables that
 * its ledger does not record (a migration run half-way by hand, a partial restore), stops
 * `npm start` with one line and is left as it was, and stops it again the same way on the next
 * start; a database that goes away while the bot runs makes it refuse to confirm changes and say
 * why, and once the database is back the bot serves again by itself with nothing lost.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDigestStore } from '../../src/digest/postgres/store.ts';
import { connect } from '../../src/search/postgres/pool.ts';
import { messages } from '../../src/telegram/i18n.ts';
import { say } from '../e2e/helpers.ts';
import { TEST_TOKEN } from '../support/emulator.ts';
import { LEVEL, memoryLogger, rigConfig, SEEDS, startRig, startRigBot, type Rig } from '../support/harness.ts';
import { postgresAvailable, type TestDatabase, testDatabase } from '../support/postgres.ts';
import { startTcpGate } from '../support/tcp-gate.ts';

const zh = messages('zh');

/** `npm start` on `url` to its end (the Bot API is never reached: the database is opened first). */
function startBotProcess(url: string, dirs: { pagesDir: string; dataDir: string }): Promise<{ status: number | null; lines: string[] }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/main.mjs')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      PAGES_DIR: dirs.pagesDir,
      DATA_DIR: dirs.dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, lines: stderr.trim().split('\n') })));
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.runIf(postgresAvailable())('the bot on PostgreSQL', () => {
  let database: TestDatabase;
  let rig: Rig;
  const dirs = { pagesDir: '', dataDir: '' };
  beforeAll(async () => {
    database = await testDatabase();
    rig = await startRig();
    dirs.pagesDir = mkdtempSync(join(tmpdir(), 'xiangwen-pg-state-pages-'));
    dirs.dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-pg-state-'));
    cpSync(SEEDS, dirs.pagesDir, { recursive: true });
  });
  afterAll(async () => {
    await rig?.close();
    await database?.drop();
    for (const dir of Object.values(dirs)) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the bot twice on `url`: the same one line and exit 1 both times. */
  async function refusedTwice(url: string, expected: RegExp): Promise<void> {
    for (const attempt of [1, 2]) {
      const { status, lines } = await startBotProcess(url, dirs);
      expect(status, `start ${attempt}`).toBe(1);
      expect(lines, `start ${attempt}`).toEqual([expect.stringMatching(expected)]);
    }
  }

  it('refuses a database migrated by newer code (articles or bot state) with one line, and leaves it as it was', async () => {
    for (const ledger of ['schema_migrations', 'state_migrations']) {
      const url = await database.another();
      await (await PostgresDigestStore.connect(url)).close();
      await query(url, `INSERT INTO ${ledger} (version, description) VALUES (999, 'from a newer program')`);
      await refusedTwice(url, /schema is at version 999.*update the program/);
      expect(await query(url, `SELECT version FROM ${ledger} WHERE version = 999`)).toHaveLength(1);
      expect(await query(url, 'SELECT id FROM articles'), 'nothing ingested meanwhile').toEqual([]);
    }
  });

  it('refuses a migration that was applied half-way (its table there, unrecorded) with one line, and changes nothing', async () => {
    const url = await database.another();
    await query(url, "CREATE TABLE articles (id text PRIMARY KEY, note text); INSERT INTO articles VALUES ('a1', '手工建的表')");
    await refusedTwice(url, /cannot bring the database schema to version 1 .*articles.*already exists.*nothing was changed/);
    expect(await query(url, 'SELECT id, note FROM articles')).toEqual([{ id: 'a1', note: '手工建的表' }]);
    expect(await query(url, "SELECT to_regclass('schema_migrations') AS ledger")).toEqual([{ ledger: null }]);
  });

  it('refuses to confirm while the database is gone, says why, and serves again once it is back, with nothing lost', async () => {
    await (await connect(database.url)).end();
    const gate = await startTcpGate(database.url);
    const log = memoryLogger();
    const running = await startRigBot(rigConfig(rig.proxy.url, { ...dirs, env: { DATABASE_URL: gate.url } }), log.logger);
    try {
      const chatId = 950;
      const client = rig.emu.client({ userId: chatId, chatId, type: 'private' });
      expect((await say(rig.emu, client, chatId, '/subscribe 长沙'))[0].text).toContain('已订阅');
      await gate.shut();
      expect((await say(rig.emu, client, chatId, '/subscribe 邵阳'))[0].text).toBe(zh.storageFailed);
      expect((await say(rig.emu, client, chatId, '营商环境'))[0].text).toBe(zh.engineUnavailable);
      expect(log.lines.some((l) => l.level === LEVEL.error && l.msg === 'cannot save to the bot database')).toBe(true);
      await gate.open();
      expect((await say(rig.emu, client, chatId, '/subscribe 邵阳'))[0].text).toContain('已订阅');
      const regions = (await running.digest.store.subscriptions(chatId)).map((s) => s.region);
      expect(regions.sort()).toEqual(['邵阳市', '长沙市']);
      expect(log.lines.filter((l) => l.level >= LEVEL.fatal)).toEqual([]);
      expect(
        log.raw.filter((line) => line.includes('    at ')),
        'no stack trace',
      ).toEqual([]);
    } finally {
      await running.stop();
      await gate.close();
    }
  });
});
