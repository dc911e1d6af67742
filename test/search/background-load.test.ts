/**
 * An index loaded for the bot's start (`background`): it answers at once, its queries cut against
 * the index's vocabulary until jieba is ready, then exactly as an index loaded `now`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotIndex } from '../../src/search/article-index.ts';
import { indexDirOf, openIndex } from '../../src/search/open.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const QUERIES = ['邵阳 营商环境', '乡村振兴', '湘西州', '禁毒'];

describe('loading the index for a quick start', () => {
  const work = mkdtempSync(join(tmpdir(), 'xiangwen-background-'));
  let indexDir: string;
  let full: SnapshotIndex;

  beforeAll(async () => {
    full = await openIndex({ pagesDir: SEEDS, dataDir: join(work, 'data') });
    indexDir = indexDirOf(join(work, 'data'));
  });
  afterAll(async () => {
    await full.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('answers at once, and as the full load does once warm', async () => {
    const early = SnapshotIndex.load(indexDir, { start: 'background' });
    try {
      const first = await early.search('营商环境', { limit: 5 });
      expect(first.total).toBeGreaterThan(0);
      await early.warm();
      for (const query of QUERIES) {
        const [got, want] = await Promise.all([early.search(query, { limit: 10 }), full.search(query, { limit: 10 })]);
        expect(got, query).toEqual(want);
      }
    } finally {
      await early.close();
    }
  });
});
