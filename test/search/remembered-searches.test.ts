/**
 * A loaded snapshot remembers the results of recent searches: asked again, it answers the same,
 * whatever the caller did with the first answer, and it forgets them as soon as articles.db is
 * changed under it (an update in place, before the bot swaps in the updated snapshot).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotIndex } from '../../src/search/article-index.ts';
import { inventedArticle } from '../support/invented-article.ts';
import { FullBuild, indexedFile } from '../../src/search/full-build.ts';
import { RecentlyUsed } from '../../src/search/result-cache.ts';

let work: string;
let indexDir: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'xiangwen-remembered-'));
  indexDir = join(work, 'index');
  const build = new FullBuild(indexDir);
  const articles = [
    inventedArticle('2024-04-02.txt', '2024-04-02', '河畔新修步道迎客', '沿河步道全线贯通，晨练的居民多了起来。'),
    inventedArticle('2024-04-02.txt', '2024-04-02', '步道旁添了座书亭', '书亭每天开放到晚上九点，借书不用押金。'),
  ];
  build.stage(indexedFile({ file: '2024-04-02.txt', size: 0, mtime: 0, hash: '', date: '2024-04-02', articles }));
  build.finish({ fingerprint: 'test', pipeline: 'test' });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('remembered searches', () => {
  it('answers a repeated search the same, even after the caller changed the first answer', async () => {
    const index = SnapshotIndex.load(indexDir);
    try {
      const first = await index.search('步道', { limit: 5 });
      expect(first.hits.map((hit) => hit.title)).toHaveLength(2);
      const copy = structuredClone(first);
      first.hits[0].title = '改过的标题';
      first.hits[0].matched.push('别的词');
      first.hits.pop();
      expect(await index.search('步道', { limit: 5 })).toEqual(copy);
      // Other options are another search.
      expect((await index.search('步道', { limit: 1 })).hits).toHaveLength(1);
    } finally {
      await index.close();
    }
  });

  it('forgets them when another connection changes articles.db', async () => {
    const index = SnapshotIndex.load(indexDir);
    const writer = new Database(join(indexDir, 'articles.db'));
    try {
      const before = await index.search('书亭', { limit: 5 });
      expect(before.hits.map((hit) => hit.title)).toEqual(['步道旁添了座书亭']);
      writer.prepare("UPDATE articles SET title = '步道旁的书亭开张' WHERE title = '步道旁添了座书亭'").run();
      expect((await index.search('书亭', { limit: 5 })).hits.map((hit) => hit.title)).toEqual(['步道旁的书亭开张']);
    } finally {
      writer.close();
      await index.close();
    }
  });

  it('answers alike with nothing remembered', async () => {
    const remembering = SnapshotIndex.load(indexDir);
    const forgetting = SnapshotIndex.load(indexDir, { searchesRemembered: 0 });
    try {
      for (let i = 0; i < 2; i++) expect(await forgetting.search('步道 书亭')).toEqual(await remembering.search('步道 书亭'));
    } finally {
      await remembering.close();
      await forgetting.close();
    }
  });

  it('drops the least recently used result first', () => {
    const memo = new RecentlyUsed<number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    expect(memo.get('a')).toBe(1);
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c'), memo.size]).toEqual([1, undefined, 3, 2]);
  });
});
