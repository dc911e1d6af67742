/**
 * `npm start` itself, as a process: a corrupt bot database stops start-up with one clear line;
 * SIGHUP re-reads PAGES_DIR without stopping; SIGTERM stops with the database closed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectArticles } from '../../src/search/open.ts';
import { startEmulator, TEST_TOKEN, waitFor } from '../support/emulator.ts';
import { pickHeldPage, ROOT, runBin, SEEDS, seedsWithout, tempFolder, TZ } from './digest-support.ts';

const folders: string[] = [];
const tempDir = (name: string) => tempFolder(folders, name);
let held: string;
const pagesWithoutHeld = () => seedsWithout(held, tempDir('pages'));

beforeAll(() => {
  ({ held } = pickHeldPage(collectArticles(SEEDS)));
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('stops start-up with one clear line when the bot database is corrupt, and leaves the file as it was', async () => {
    const data = tempDir('corrupt');
    const garbage = Buffer.from('这不是数据库 — not an SQLite file at all\n'.repeat(40));
    writeFileSync(join(data, 'bot.db'), garbage);
    const result = await runBin('main.mjs', [], {
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      PAGES_DIR: SEEDS,
      DATA_DIR: data,
      LOG_LEVEL: 'silent',
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(join(data, 'bot.db'));
    expect(lines[0]).toContain('not an SQLite database');
    expect(readFileSync(join(data, 'bot.db')).equals(garbage)).toBe(true);
  }, 60_000);

  it('re-reads PAGES_DIR on SIGHUP without stopping, and stops on SIGTERM with the database closed', async () => {
    const own = await startEmulator();
    try {
      const pages = pagesWithoutHeld();
      const data = tempDir('npm-start');
      const child = spawn(process.execPath, [join(ROOT, 'bin/main.mjs')], {
        cwd: ROOT,
        env: {
          ...process.env,
          BOT_TOKEN: TEST_TOKEN,
          TELEGRAM_API_ROOT: own.apiRoot,
          PAGES_DIR: pages,
          DATA_DIR: data,
          DIGEST_TZ: TZ,
          LOG_LEVEL: 'info',
          PAGES_RESCAN_MINUTES: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      const logged = (text: string) => (log.includes(text) ? true : undefined);
      await waitFor(() => logged('bot started with long polling'), 90_000, 'the bot to start');

      copyFileSync(join(SEEDS, held), join(pages, held));
      child.kill('SIGHUP');
      await waitFor(() => logged('new index is live'), 90_000, 'the rebuilt index');
      expect(log).toMatch(/"reason":"SIGHUP"[^\n]*page files changed/);
      expect(child.exitCode).toBeNull();

      child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(existsSync(join(data, 'bot.db'))).toBe(true);
      expect(existsSync(join(data, 'bot.db-wal'))).toBe(false);
    } finally {
      await own.stop();
    }
  }, 150_000);
});
