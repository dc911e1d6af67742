/**
 * The full build on worker threads: each worker reads, splits, tags, summarises and segments page
 * files (./prepare-task.ts) while this thread stages their results and then writes the snapshot
 * (./full-build.ts), which needs no segmenter. Files are handed out a few at a time per worker, so
 * memory holds a bounded number of pages in flight, never the archive.
 *
 * The workers share one jieba on a segmenter worker of their own (./segmenter-worker.ts): nodejieba
 * keeps its dictionaries per thread (about 350 MB each, and memory a thread frees is not given
 * back to the system), so a jieba per worker took the build past 1 GB. jieba is about a third of
 * the preparing work, so two preparing workers keep it busy for less than one core. Starting the
 * workers and loading the dictionaries takes seconds, so threads pay off only past a few hundred
 * files, and more threads than cores gain nothing.
 */
import { availableParallelism } from 'node:os';
import { FullBuild } from './full-build.ts';
import type { FileStat, LogSink } from './page-files.ts';
import type { PrepareJob, PreparedPage } from './prepare-task.ts';
import type { SnapshotMeta, SnapshotStamp } from './snapshot.ts';
import { SegmenterWorker, segmenterLine } from './segmenter-worker.ts';
import { WorkerPool } from './worker-pool.ts';

/** Below this many page files a full build stays in one thread (workers cost seconds to start). */
export const PARALLEL_MIN_FILES = 300;
/** Pages in flight per worker: enough to keep it busy while this thread stages the last one. */
const IN_FLIGHT_PER_WORKER = 4;

/** Worker threads a full build of `files` page files uses (0: none, build in this thread). */
export function buildThreads(files: number): number {
  return files < PARALLEL_MIN_FILES ? 0 : Math.max(1, Math.min(2, availableParallelism()));
}

/** The pages prepared by `threads` workers, in the order of `stats`, a bounded number in flight. */
async function* preparedPages(pagesDir: string, stats: FileStat[], threads: number): AsyncGenerator<PreparedPage> {
  const lines = Array.from({ length: threads }, segmenterLine);
  const segmenter = new SegmenterWorker(lines.map((line) => line.server));
  const pool = new WorkerPool<PrepareJob, PreparedPage>(new URL('./prepare-task.ts', import.meta.url), threads, (index) => ({
    data: { segmenterLine: lines[index].caller },
    transfer: [lines[index].caller.port],
  }));
  try {
    const inFlight: Promise<PreparedPage>[] = [];
    let next = 0;
    while (next < stats.length || inFlight.length > 0) {
      while (next < stats.length && inFlight.length < threads * IN_FLIGHT_PER_WORKER) {
        const job = pool.run({ pagesDir, stat: stats[next++] });
        job.catch(() => {}); // awaited in turn below; this only keeps an early failure from being "unhandled"
        inFlight.push(job);
      }
      yield await (inFlight.shift() as Promise<PreparedPage>);
    }
  } finally {
    await pool.close();
    await segmenter.close();
  }
}

/**
 * Writes a complete snapshot of the page files `stats` into `indexDir` with `threads` build
 * workers. Undefined when the files hold no article (the previous snapshot stays).
 */
export async function writeFullSnapshotInWorkers(
  indexDir: string,
  pagesDir: string,
  stats: FileStat[],
  stamp: SnapshotStamp,
  threads: number,
  logger: LogSink,
): Promise<SnapshotMeta | undefined> {
  const build = new FullBuild(indexDir);
  try {
    for await (const { file, warnings } of preparedPages(pagesDir, stats, threads)) {
      for (const warning of warnings) logger.warn(warning);
      build.stage(file);
    }
    return build.finish(stamp);
  } catch (error) {
    build.abandon();
    throw error;
  }
}
