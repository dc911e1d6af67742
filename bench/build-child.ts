/**
 * Child process of the update benchmark: one full build of a pages folder, as `updateIndex` makes
 * it (worker threads past PARALLEL_MIN_FILES files). Prints one JSON line: the build time and
 * this process's peak resident memory (VmHWM: main thread, workers and SQLite together).
 *
 * `node bin/run-ts.mjs bench/build-child.ts PAGES_DIR DATA_DIR [THREADS]`
 */
import { rebuildIndexInWorkers } from '../src/search/update.ts';
import { peakRssMb } from './peak-rss.ts';

const [pagesDir, dataDir, threads] = process.argv.slice(2);
const started = performance.now();
const built = await rebuildIndexInWorkers({ pagesDir, dataDir }, 'benchmark', threads === undefined ? undefined : Number(threads));
process.stdout.write(
  `${JSON.stringify({ ms: Math.round(performance.now() - started), peakRssMb: peakRssMb(), articles: built.meta.articles, files: built.meta.files })}\n`,
);
