/**
 * Issue #10, item 5 (state): bot.db is never lost silently. An empty or foreign bot.db stops
 * start-up with one line; a read-only one says "read-only"; a bot.db deleted or made read-only
 * while the bot runs makes writes fail loudly, and the user is not told "已订阅".
 * The embedded file only (the suite runs on SQLite whatever XIANGWEN_TEST_BACKEND says); the same
 * promise on PostgreSQL is postgres-state.test.ts.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/app/start.ts';
import { DatabaseOpenError } from '../../src/digest/db.ts';
import { messages } from '../../src/telegram/i18n.ts';
import { say } from '../e2e/helpers.ts';
import { TEST_TOKEN } from '../support/emulator.ts';
import { LEVEL, memoryLogger, rigConfig, rigForSuite, startRigBot } from '../support/harness.ts';

const suite = rigForSuite({ embedded: true });
const botDb = () => join(suite.data.dataDir, 'bot.db');
const texts = messages('zh');

afterEach(() => {
  chmodSync(suite.data.dataDir, 0o755);
  for (const suffix of ['', '-wal', '-shm']) rmSync(botDb() + suffix, { force: true });
});

async function startFails(): Promise<DatabaseOpenError> {
  const error = await startRigBot(rigConfig(suite.rig.proxy.url, suite.data), memoryLogger().logger).then(
    async (bot) => {
      await bot.stop();
      throw new Error('the bot started');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseOpenError);
  return error as DatabaseOpenError;
}

describe('at start-up', () => {
  it('refuses an empty bot.db with one line, through npm start as well', async () => {
    writeFileSync(botDb(), '');
    expect((await startFails()).message).toContain('bot.db is empty; restore it or delete it to start afresh');
    const child = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/main.mjs')], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
        DATA_DIR: suite.data.dataDir,
        PAGES_DIR: suite.data.pagesDir,
        LOG_LEVEL: 'warn',
      },
    });
    expect(child.status).toBe(1);
    const lines = child.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('bot.db is empty; restore it or delete it to start afresh');
  });

  it('refuses a database of another program', async () => {
    const db = new Database(botDb());
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    db.close();
    expect((await startFails()).message).toMatch(/not this bot's database.*invoices/);
  });

  it('says "read-only" for a read-only bot.db or DATA_DIR, not "restore a backup"', async () => {
    const bot = await startRigBot(rigConfig(suite.rig.proxy.url, suite.data), memoryLogger().logger);
    await bot.stop();
    chmodSync(botDb(), 0o444);
    const file = await startFails();
    expect(file.message).toContain('read-only');
    expect(file.message).not.toContain('restore a backup');
    chmodSync(botDb(), 0o644);
    chmodSync(suite.data.dataDir, 0o555);
    expect((await startFails()).message).toContain('read-only');
  });
});

describe('while running', () => {
  let running: RunningBot | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  for (const [what, damage] of [
    ['deleted', () => rmSync(botDb())],
    ['made read-only', () => chmodSync(botDb(), 0o444)],
    [
      'replaced',
      () => {
        rmSync(botDb());
        writeFileSync(botDb(), '');
      },
    ],
  ] as const) {
    it(`refuses to confirm a subscription once bot.db was ${what}, and logs it`, async () => {
      const log = memoryLogger();
      running = await startRigBot(rigConfig(suite.rig.proxy.url, suite.data), log.logger);
      const chatId = 900 + what.length;
      const client = suite.rig.emu.client({ userId: chatId, chatId, type: 'private' });
      const [first] = await say(suite.rig.emu, client, chatId, '/subscribe 长沙');
      expect(first.text).toContain('已订阅');
      damage();
      const [second] = await say(suite.rig.emu, client, chatId, '/subscribe 邵阳');
      expect(second.text).toBe(texts.storageFailed);
      expect(log.lines.some((l) => l.level === LEVEL.error && l.msg === 'cannot save to the bot database')).toBe(true);
      if (existsSync(botDb())) chmodSync(botDb(), 0o644);
    });
  }
});
