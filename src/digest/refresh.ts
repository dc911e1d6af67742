/**
 * Picking up new page files while the bot runs. A change in PAGES_DIR (seen by a folder watcher,
 * a periodic rescan, or SIGHUP) rebuilds the index in a child process (`xiangwen build-index`), so
 * the rebuild never blocks replies; the fresh snapshot is then loaded and swapped in behind a
 * {@link SwappableIndex}, which the bot and the digest hold from start-up. Each index that goes
 * live has its article ids recorded as first seen (./store.ts), which is what makes them "new" for
 * the next digest.
 */
import { spawn } from 'node:child_process';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.ts';
import type { ArticleIndex, IndexInfo, SearchOptions } from '../search/engine.ts';
import type { DigestStore } from './store.ts';

/**
 * An ArticleIndex that forwards to the current snapshot; `swap` replaces it (closing the old one)
 * without the holders noticing.
 */
export class SwappableIndex implements ArticleIndex {
  constructor(private current: ArticleIndex) {}

  get info(): IndexInfo {
    return this.current.info;
  }
  search(query: string, options?: SearchOptions) {
    return this.current.search(query, options);
  }
  byRegions(names: string[], options?: { limit?: number; offset?: number }) {
    return this.current.byRegions(names, options);
  }
  regionCounts() {
    return this.current.regionCounts();
  }
  get(id: string) {
    return this.current.get(id);
  }
  allIds() {
    return this.current.allIds();
  }
  close(): void {
    this.current.close();
  }

  /** Makes `next` the live index and closes the previous one. */
  swap(next: ArticleIndex): void {
    const previous = this.current;
    this.current = next;
    previous.close();
  }
}

/** Records every article of `index` as seen at `now` (old ids keep their first time). Returns how many were new. */
export function recordIndex(store: DigestStore, index: ArticleIndex, now: number = Date.now()): number {
  return store.recordArticles(index.allIds(), now);
}

const CLI = fileURLToPath(new URL('../../bin/xiangwen.mjs', import.meta.url));

/** Runs `xiangwen build-index` in a child process; resolves when it succeeded, rejects otherwise. */
function buildInChild(pagesDir: string, dataDir: string, logger: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'build-index'], {
      env: { ...process.env, PAGES_DIR: pagesDir, DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      logger.debug({ stderr }, 'build-index output');
      reject(new Error(`index rebuild failed (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}

/** Options of {@link watchPages}. */
export interface WatchPagesOptions {
  pagesDir: string;
  dataDir: string;
  index: SwappableIndex;
  store: DigestStore;
  logger: Logger;
  /** Minutes between rescans (PAGES_RESCAN_MINUTES); 0: no timer (the watcher and SIGHUP remain). */
  rescanMinutes: number;
  /** Listen for SIGHUP (default true). */
  sighup?: boolean;
  /** Called after a new index went live (the bot refreshes what it derived from the old one). */
  onRefreshed?: (info: { articles: number; newArticles: number }) => void;
}

/** A running page watcher; `refresh()` checks now, `stop()` ends watching. */
export interface PageWatcher {
  refresh(reason: string): Promise<void>;
  stop(): void;
}

/**
 * Watches PAGES_DIR for new or changed page files and swaps in a rebuilt index. Only one rebuild
 * runs at a time; a change during a rebuild triggers one more check afterwards.
 */
export function watchPages(options: WatchPagesOptions): PageWatcher {
  const { pagesDir, dataDir, index, store, logger } = options;
  let running: Promise<void> | undefined;
  let again = false;
  let debounce: NodeJS.Timeout | undefined;

  let stopped = false;

  const check = async (reason: string): Promise<void> => {
    // Loaded on first use: `xiangwen digest` imports this file but never refreshes.
    const { indexDirOf, staleReason } = await import('../search/open.ts');
    const { SnapshotIndex } = await import('../search/article-index.ts');
    const stale = staleReason({ pagesDir, dataDir });
    if (stale === undefined || stopped) return;
    logger.info({ reason, stale }, 'page files changed; rebuilding the index in the background');
    await buildInChild(pagesDir, dataDir, logger);
    // Shut down meanwhile: the child's snapshot is complete and the next start loads it.
    if (stopped) return;
    // Load what the child wrote, never rebuild here: a file added during the build would make
    // openIndex rebuild in this process and block replies. The loop in refresh() catches it up.
    const next = SnapshotIndex.load(indexDirOf(dataDir));
    index.swap(next);
    const newArticles = recordIndex(store, next);
    logger.info({ articles: next.info.articles, newArticles }, 'new index is live');
    options.onRefreshed?.({ articles: next.info.articles, newArticles });
  };

  const refresh = (reason: string): Promise<void> => {
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await check(reason).catch((error: unknown) => logger.error({ err: error }, 'index refresh failed; the old index stays live'));
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  let watcher: FSWatcher | undefined;
  if (existsSync(pagesDir)) {
    try {
      watcher = watch(pagesDir, () => {
        // Copying a file fires many events: wait for the folder to be quiet for a moment.
        clearTimeout(debounce);
        debounce = setTimeout(() => void refresh('folder changed'), 2000);
      });
      watcher.on('error', (error) => logger.warn({ err: error }, 'page folder watcher failed; rescans continue'));
    } catch (error) {
      logger.warn({ err: error }, 'cannot watch the page folder; relying on rescans and SIGHUP');
    }
  }
  const timer = options.rescanMinutes > 0 ? setInterval(() => void refresh('rescan'), options.rescanMinutes * 60_000) : undefined;
  timer?.unref();
  const onHup = () => void refresh('SIGHUP');
  if (options.sighup !== false) process.on('SIGHUP', onHup);

  return {
    refresh,
    stop() {
      stopped = true;
      watcher?.close();
      clearTimeout(debounce);
      if (timer !== undefined) clearInterval(timer);
      process.off('SIGHUP', onHup);
    },
  };
}
