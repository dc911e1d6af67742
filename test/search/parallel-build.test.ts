/**
 * The full build on worker threads writes the same snapshot as the build in one thread: the same
 * rowids, full-text tokens, per-file state, document counts and region rows, and the same answers
 * to every question; a page a worker cannot read is skipped with the same warning.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SnapshotIndex } from '../../src/search/article-index.ts';
import { indexDirOf } from '../../src/search/open.ts';
import { rebuildIndexInWorkers } from '../../src/search/update.ts';
import { answers, page, stored } from '../support/snapshot-compare.ts';

const work = mkdtempSync(join(tmpdir(), 'xiangwen-parallel-'));
const pagesDir = join(work, 'pages');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('full build on worker threads', () => {
  // Each worker loads jieba's dictionaries (seconds on a busy machine): a longer time limit.
  it('writes the snapshot a build in one thread writes', { timeout: 180_000 }, async () => {
    mkdirSync(pagesDir);
    for (const name of ['000_a0e9c727c4644766.txt', '001_b17ddf1131039e0b.txt', '002_57c19a390998e31f.txt', '003_dddf51ff3723c7fd.txt']) {
      copyFileSync(join('seeds', name), join(pagesDir, name));
    }
    writeFileSync(
      join(pagesDir, '2024-05-06_county.txt'),
      page([
        ['浏阳市新建三所乡村学校', '浏阳市', '三所乡村学校建成投入使用，新增学位两千个。'],
        ['桂东县茶叶喜获丰收', '桂东县', '茶园面积扩大到十万亩，茶农收入明显增加。'],
      ]),
    );
    writeFileSync(join(pagesDir, '2024-05-06_a_first.txt'), page([['安仁县举办赶分社', '安仁县', '传统药材交易会吸引了各地客商。']]));
    writeFileSync(join(pagesDir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));

    const logs = { one: [] as string[], two: [] as string[] };
    const logger = (lines: string[]) => ({ info: () => {}, warn: (line: string) => lines.push(line) });
    const inOne = await rebuildIndexInWorkers({ pagesDir, dataDir: join(work, 'one'), logger: logger(logs.one) }, 'test', 0);
    const inTwo = await rebuildIndexInWorkers({ pagesDir, dataDir: join(work, 'two'), logger: logger(logs.two) }, 'test', 2);
    expect(inTwo.added).toEqual(inOne.added);
    expect(inTwo.meta).toMatchObject({ articles: inOne.meta.articles, files: inOne.meta.files, commonTerms: inOne.meta.commonTerms });
    expect(logs.two).toEqual(logs.one);
    expect(logs.two.join('\n')).toMatch(/skipped page file broken\.txt/);
    expect(stored(join(work, 'two'))).toEqual(stored(join(work, 'one')));
    const one = SnapshotIndex.load(indexDirOf(join(work, 'one')));
    const two = SnapshotIndex.load(indexDirOf(join(work, 'two')));
    try {
      expect(await answers(two)).toEqual(await answers(one));
    } finally {
      await one.close();
      await two.close();
    }
  });
});
