/**
 * jieba on a worker thread (what openIndex starts so that the dictionaries load beside the
 * snapshot) cuts exactly as jieba in this thread: the same query words, index tokens and keywords,
 * place names kept whole.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { localSegmenter } from '../../src/search/jieba.ts';
import { SegmenterWorker } from '../../src/search/segmenter-worker.ts';

const worker = new SegmenterWorker();
afterAll(() => worker.close());

const TEXTS = ['邵东市打火机产业升级，产品销往海外', '桂东县茶叶喜获丰收', '十八洞村的乡村振兴工作会议在湘西州举行'];

describe('segmenter worker', () => {
  it('cuts, cuts for search and extracts keywords as jieba in this thread does', { timeout: 120_000 }, () => {
    const local = localSegmenter();
    for (const text of TEXTS) {
      expect(worker.call({ method: 'cut', text })).toEqual(local.cut(text, true));
      expect(worker.call({ method: 'cutForSearch', text })).toEqual(local.cutForSearch(text, true));
      expect(worker.call({ method: 'extract', text, top: 5 })).toEqual(local.extract(text, 5));
    }
    expect(worker.call<string[]>({ method: 'cut', text: TEXTS[0] })).toContain('邵东市');
  });
});
