/**
 * What the digest and `npm start` e2e suites share: the seed page held back to "arrive" later,
 * a time zone in which today's digest time has passed, temporary folders and running bin/ scripts.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/pages/article.ts';
import { gazetteerLookup } from '../../src/regions/region-lookup.ts';

export const ROOT = join(import.meta.dirname, '../..');
export const SEEDS = join(ROOT, 'seeds');

/**
 * A time zone whose clock reads about 16:00 now: the default 08:00 digest time has passed today,
 * so the running schedule never serves a subscription made during the test (its first digest is
 * due tomorrow), and only `xiangwen digest --now` sends, when the test says so.
 */
export function afternoonZone(): string {
  const offset = ((16 - new Date().getUTCHours() + 36) % 24) - 12; // hours east of UTC, -12 … 11
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
export const TZ = afternoonZone();

export const listable = (a: Pick<Article, 'kind'>) => a.kind === 'feature' || a.kind === 'brief';

/** The last seed page with a news article whose region (with sub-regions) other pages report on too. */
export function pickHeldPage(articles: Article[]): { held: string; region: string } {
  const lookup = gazetteerLookup();
  const files = [...new Set(articles.map((a) => a.file))].sort().reverse();
  for (const file of files) {
    for (const article of articles.filter((a) => a.file === file && listable(a))) {
      for (const name of [...article.regions].reverse()) {
        const names = new Set(lookup.withDescendants(name));
        if (names.size < 2) continue;
        if (articles.some((a) => a.file !== file && listable(a) && a.regions.some((r) => names.has(r))))
          return { held: file, region: name };
      }
    }
  }
  throw new Error('no seed page shares a region with another');
}

/** A new temporary folder, remembered in `folders` for the suite to remove. */
export function tempFolder(folders: string[], name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `xiangwen-e2e-digest-${name}-`));
  folders.push(dir);
  return dir;
}

/** Copies the seed pages except `held` into `dir`; returns `dir`. */
export function seedsWithout(held: string, dir: string): string {
  cpSync(SEEDS, dir, { recursive: true, filter: (source) => !source.endsWith(`/${held}`) });
  return dir;
}

/** Runs a command of bin/ in a child process with `env` on top of this one's; resolves when it exits. */
export function runBin(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
