/**
 * The segmenter worker's side (see ./segmenter-worker.ts): jieba with the place names, loaded as
 * soon as the worker starts, answering one call at a time.
 */
import { localSegmenter, type SegmenterCall } from './jieba.ts';

const jieba = localSegmenter(); // loads the dictionaries now, beside the snapshot load

function run({ method, text, top }: SegmenterCall): unknown {
  if (method === 'extract') return jieba.extract(text, top ?? 8);
  return method === 'cut' ? jieba.cut(text, true) : jieba.cutForSearch(text, true);
}

/** One call, or a list of them (one round trip for a page's articles), answered in order. */
export function handle(input: SegmenterCall | SegmenterCall[]): unknown {
  return Array.isArray(input) ? input.map(run) : run(input);
}
