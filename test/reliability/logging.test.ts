/**
 * Issue #10, item 5 (operators): JSON logs for services, readable lines for a person at a terminal
 * (pino-pretty when stderr is a TTY, or LOG_FORMAT=pretty). Run in a child process, whose stderr
 * is what an operator would see.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wantsPretty } from '../../src/log.ts';

function logAs(env: Record<string, string>) {
  const child = spawnSync(
    process.execPath,
    [join(import.meta.dirname, '../../bin/run-ts.mjs'), join(import.meta.dirname, 'log-child.ts')],
    {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ...env },
    },
  );
  return { stdout: child.stdout.trim(), lines: child.stderr.trim().split('\n') };
}

let prettyInstalled = true;
try {
  createRequire(import.meta.url).resolve('pino-pretty');
} catch {
  prettyInstalled = false;
}

describe('log format', () => {
  it('is pretty only for a terminal (auto) or when asked for', () => {
    expect(wantsPretty('auto', true)).toBe(true);
    expect(wantsPretty('auto', false)).toBe(false);
    expect(wantsPretty('auto', undefined)).toBe(false);
    expect(wantsPretty('json', true)).toBe(false);
    expect(wantsPretty('pretty', false)).toBe(true);
  });

  it('stays one JSON object per line for services, warnings without a stack', () => {
    const { lines } = logAs({ LOG_FORMAT: 'auto', FAKE_TTY: '0' });
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((l) => l.msg)).toEqual([
      'bot started with long polling',
      'cannot fetch updates from Telegram; retrying until it answers',
    ]);
    expect(parsed[1].err).toEqual({ type: 'Error', message: 'boom' });
  });

  it('writes readable lines on a terminal (JSON, with a warning, where pino-pretty is not installed)', () => {
    const { stdout, lines } = logAs({ LOG_FORMAT: 'auto', FAKE_TTY: '1' });
    if (!prettyInstalled) {
      expect(stdout).toBe('pretty-missing');
      return;
    }
    expect(stdout).toBe('ok');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(() => JSON.parse(line)).toThrow();
    expect(lines[0]).toMatch(/INFO.*bot started with long polling/);
    expect(lines[1]).toMatch(/WARN.*cannot fetch updates.*Error: boom/);
  });
});
