/**
 * The job of a build worker (./build-workers.ts): read one page file and derive everything the
 * full build stages for it — split, tag, summarise, keywords, full-text bigrams and compact
 * tokens. Runs in a worker thread, so its warnings travel back with the result.
 */
import { type IndexedFile, indexedFile } from './full-build.ts';
import { type FileStat, readPageFile } from './page-files.ts';

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
