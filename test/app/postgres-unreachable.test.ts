/**
 * A DATABASE_URL whose server is not there stops `npm start` and the CLI with one line naming host
 * and database, never the password, and no stack trace. Needs no PostgreSQL: nothing listens on
 * the port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, TEST_TOKEN } from '../support/emulator.ts';
import { SEEDS } from '../support/harness.ts';

const BIN = join(import.meta.dirname, '../../bin');
const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-pg-down-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs a program of bin/ to its end; resolves with its exit code and stderr. */
function run(program: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(BIN, program), ...args], {
    env: { ...process.env, PAGES_DIR: SEEDS, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, stderr })));
}

describe('an unreachable PostgreSQL at start', () => {
  it('stops npm start and the CLI with one line naming host and database, not the password', async () => {
    const port = await freePort();
    const env = { DATABASE_URL: `postgres://xiangwen:s3cret-pass@127.0.0.1:${port}/archive`, BOT_TOKEN: TEST_TOKEN };
    const started = await run('main.mjs', [], { ...env, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
    const searched = await run('xiangwen.mjs', ['search', '电商'], env);
    for (const { status, stderr } of [started, searched]) {
      expect(status).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`cannot use the PostgreSQL database at 127.0.0.1:${port}/archive (DATABASE_URL): connect ECONNREFUSED`);
      expect(stderr).not.toContain('s3cret');
    }
  });

  it('refuses a DATABASE_URL that is no postgres:// URL, without echoing it', async () => {
    const { status, stderr } = await run('xiangwen.mjs', ['search', '电商'], { DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(status).toBe(1);
    expect(stderr).toContain('DATABASE_URL: expected a postgres:// URL');
    expect(stderr).not.toContain('hunter2');
  });
});
