/**
 * `xiangwen build-index` as a user runs it: incremental by default, `--full` on request.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'xiangwen-build-cli-'));
const pagesDir = join(work, 'pages');
mkdirSync(pagesDir);
copyFileSync('seeds/002_57c19a390998e31f.txt', join(pagesDir, '002_57c19a390998e31f.txt'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildIndex(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/xiangwen.mjs', 'build-index', '--json', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: join(work, 'data'), PAGES_DIR: pagesDir, LOG_LEVEL: 'warn' },
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { mode: string; articles: number; added: string[]; removed: string[]; changedFiles: string[] };
}

describe('xiangwen build-index', () => {
  it('builds in full first, then reads only the pages that changed, and rebuilds on --full', () => {
    const first = buildIndex();
    expect(first.mode).toBe('full');
    expect(first.added).toHaveLength(first.articles);

    expect(buildIndex()).toMatchObject({ mode: 'unchanged', added: [], changedFiles: [] });

    writeFileSync(
      join(pagesDir, '2024-05-06_new.txt'),
      '# 某县新建学校投入使用\n本报讯（记者 张三）近日，某县第一中学新校区正式投入使用，可容纳学生三千人。\n',
    );
    const added = buildIndex();
    expect(added).toMatchObject({ mode: 'incremental', changedFiles: ['2024-05-06_new.txt'], removed: [], articles: first.articles + 1 });
    expect(added.added).toHaveLength(1);

    expect(buildIndex('--full')).toMatchObject({ mode: 'full', added: [], removed: [], articles: first.articles + 1 });
    // Four child processes, each loading jieba's dictionaries: minutes on a busy two-core machine.
  }, 240_000);
});
