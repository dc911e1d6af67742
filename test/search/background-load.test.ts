/**
 * An index whose compact fields load in the background (the bot's start): it answers at once from
 * the full text and the places, then, once warm, exactly as an index loaded in full; a damaged
 * compact.json found that way makes every search fail with IndexError (which heals the live index).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexError, SnapshotIndex } from '../../src/search/article-index.ts';
import { indexDirOf, openIndex } from '../../src/search/open.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const QUERIES = ['邵阳 营商环境', '乡村振兴', '湘西州', '禁毒'];

describe('loading the compact fields in the background', () => {
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

  it('answers before the compact index is loaded, and as the full load does once warm', async () => {
    const early = SnapshotIndex.load(indexDir, { compact: 'background' });
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

  it('fails every search with IndexError when compact.json turns out damaged', async () => {
    const copy = join(work, 'damaged');
    cpSync(indexDir, copy, { recursive: true });
    writeFileSync(join(copy, 'compact.json'), '{"not": "minisearch"');
    const damaged = SnapshotIndex.load(copy, { compact: 'background' });
    try {
      await expect(damaged.warm()).rejects.toBeInstanceOf(IndexError);
      await expect(damaged.search('营商环境')).rejects.toThrow(/compact\.json is corrupt/);
    } finally {
      await damaged.close();
    }
  });
});
