/**
 * The seed pages indexed with publication dates spread over two years (given by their file names),
 * for tests of time ranges, newest-first lists and trends. On the SQLite snapshot, or with
 * XIANGWEN_TEST_BACKEND=postgres on the PostgreSQL engine (./engines.ts), as the e2e suites choose.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ArticleIndex } from '../../src/search/engine.ts';
import { openIndex } from '../../src/search/open.ts';

/** The date each seed page (in name order) is published on. */
export const SEED_DATES = ['2022-11-20', '2023-03-05', '2023-03-28', '2024-01-10', '2024-06-01'];

export async function openDatedSeeds(): Promise<{ index: ArticleIndex; close(): void }> {
  const work = mkdtempSync(join(tmpdir(), 'xiangwen-dated-'));
  const pagesDir = join(work, 'pages');
  mkdirSync(pagesDir);
  readdirSync('seeds')
    .sort()
    .forEach((file, i) => {
      copyFileSync(join('seeds', file), join(pagesDir, `${SEED_DATES[i]}_${file}`));
    });
  const index = await openIndex({ pagesDir, dataDir: join(work, 'data') });
  return {
    index,
    close() {
      void index.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The dated seeds for the tests of one file: opened before them, closed after. Call the result for the index. */
export function datedSeedsForSuite(): () => ArticleIndex {
  let seeds: { index: ArticleIndex; close(): unknown } | undefined;
  beforeAll(async () => {
    // Imported here: ./engines.ts takes SEED_DATES from this module.
    if (process.env.XIANGWEN_TEST_BACKEND === 'postgres') seeds = await (await import('./engines.ts')).openEngine('postgres', {}, 0);
    else seeds = await openDatedSeeds();
  });
  afterAll(() => seeds?.close());
  return () => {
    if (!seeds) throw new Error('the dated seed index is opened in beforeAll');
    return seeds.index;
  };
}
