import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, MIGRATIONS, openDatabase } from '../../src/digest/db.ts';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xiangwen-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function expectRefused(path: string, reason: RegExp): void {
  const before = readFileSync(path);
  let error: unknown;
  try {
    openDatabase(path).close();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(DatabaseOpenError);
  expect((error as DatabaseOpenError).path).toBe(path);
  expect((error as Error).message).toMatch(reason);
  expect((error as Error).message).toContain(path);
  expect(readFileSync(path).equals(before)).toBe(true);
}

describe('openDatabase', () => {
  it('creates the schema in WAL mode with foreign keys and records the schema version', () => {
    const path = join(dir, 'nested', 'bot.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['article_seen', 'chats', 'deliveries', 'query_keys', 'subscriptions']);
    db.close();
  });

  it('upgrades a database of the first schema version, keeping its rows', () => {
    const path = join(dir, 'v1.db');
    const v1 = openDatabase(path, MIGRATIONS.slice(0, 1));
    v1.prepare('INSERT INTO chats (chat_id, created_at) VALUES (42, 0)').run();
    v1.close();
    const upgraded = openDatabase(path);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(upgraded.prepare('SELECT chat_id FROM chats').pluck().all()).toEqual([42]);
    expect(upgraded.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'query_keys'").pluck().get()).toBe(1);
    upgraded.close();
  });

  it('upgrades a second-version database: its paging keys still resolve, its unfinished digest is claimable', async () => {
    const path = join(dir, 'v2.db');
    const v2 = openDatabase(path, MIGRATIONS.slice(0, 2));
    v2.prepare('INSERT INTO chats (chat_id, created_at) VALUES (42, 0)').run();
    v2.prepare("INSERT INTO query_keys (key, text, used_at) VALUES ('k1abc', '很长的查询', ?)").run(Date.now());
    v2.prepare(
      `INSERT INTO deliveries (chat_id, thread_id, time, period, status, cutoff, article_ids, parts, started_at)
       VALUES (42, 0, '08:00', '2026-01-02', 'in_flight', 5, '[]', '[{"text":"一"}]', 5)`,
    ).run();
    v2.close();
    const store = new SqliteDigestStore(openDatabase(path));
    expect(await store.queryKeys.textFor('k1abc')).toBe('很长的查询');
    await store.queryKeys.save('k2abc', '很长的查询'); // a second key for the same text (another process)
    expect(await store.queryKeys.textFor('k2abc')).toBe('很长的查询');
    expect((await store.claimInFlight(10)).map((d) => d.chatId)).toEqual([42]);
    await store.close();
  });

  it('keeps data across reopening and applies only the migrations not yet applied', () => {
    const path = join(dir, 'bot.db');
    const first = openDatabase(path);
    first.prepare('INSERT INTO chats (chat_id, created_at) VALUES (?, ?)').run(42, 1);
    first.close();
    const extra = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, description: 'test column', sql: 'ALTER TABLE chats ADD COLUMN note TEXT' },
    ];
    const second = openDatabase(path, extra);
    expect(second.prepare('SELECT chat_id FROM chats').pluck().all()).toEqual([42]);
    expect(second.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    second.close();
    // Opening again with the same list changes nothing (the ALTER would fail if it ran twice).
    openDatabase(path, extra).close();
  });

  it('refuses a file of random bytes and leaves it untouched', () => {
    const path = join(dir, 'bot.db');
    writeFileSync(path, randomBytes(8192));
    expectRefused(path, /not an SQLite database/);
  });

  it('refuses a text file and leaves it untouched', () => {
    const path = join(dir, 'bot.db');
    writeFileSync(path, '这不是数据库\n');
    expectRefused(path, /not an SQLite database/);
  });

  it('refuses an SQLite file whose pages are damaged and leaves it untouched', () => {
    const path = join(dir, 'bot.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`);
    db.close();
    const bytes = readFileSync(path);
    // Keep the 100-byte header, overwrite the rest of the first page and the second with noise.
    randomBytes(8000).copy(bytes, 100);
    writeFileSync(path, bytes);
    expectRefused(path, /cannot open the bot database/);
  });

  it('refuses a database written by a newer schema', () => {
    const path = join(dir, 'bot.db');
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    expectRefused(path, /newer than this program knows/);
  });

  it('refuses a directory in the way with an error naming the path', () => {
    const path = join(dir, 'bot.db');
    mkdirSync(path);
    expect(() => openDatabase(path)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(path)).toThrow(path);
  });
});
