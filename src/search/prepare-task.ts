/**
 * The job of a build worker (./build-workers.ts): read one page file and derive everything the
 * full build stages for it — split, tag, summarise, keywords, full-text bigrams and compact
 * tokens. Runs in a worker thread, so its warnings travel back with the result; its jieba calls go
 * to the build's one segmenter worker.
 */
import { workerData } from 'node:worker_threads';
import { type IndexedFile, indexedFile } from './full-build.ts';
import { useSegmenterLine } from './jieba.ts';
import { type FileStat, readPageFile } from './page-files.ts';
import type { LineEnd } from './segmenter-worker.ts';

/** The build's shared segmenter worker, when it gave this worker a line (see ./build-workers.ts). */
const line = (workerData as { segmenterLine?: LineEnd } | null)?.segmenterLine;
if (line) useSegmenterLine(line);

export interface PrepareJob {
  pagesDir: string;
  stat: FileStat;
}

export interface PreparedPage {
  file: IndexedFile;
  warnings: string[];
}

export function handle({ pagesDir, stat }: PrepareJob): PreparedPage {
  const warnings: string[] = [];
  const { state, articles = [] } = readPageFile(pagesDir, stat, { info: () => {}, warn: (message) => warnings.push(message) });
  return { file: indexedFile({ ...state, articles }), warnings };
}
