/**
 * Picking up new page files while the bot runs. A change in PAGES_DIR (seen by a folder watcher,
 * a periodic rescan, or SIGHUP) rebuilds the index in a child process (`xiangwen build-index`), so
 * the rebuild never blocks replies; the fresh snapshot is then loaded and swapped in behind a
 * {@link SwappableIndex} (./swappable-index.ts), which the bot and the digest hold from start-up.
 * Each index that goes live records its articles' first-seen times (../search/first-seen.ts),
 * which is what makes them "new" for the next digest.
 */
import { spawn } from 'node:child_process';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.ts';
import type { FirstSeenLedger } from '../search/first-seen.ts';
import type { SwappableIndex } from './swappable-index.ts';

const CLI = fileURLToPath(new URL('../../bin/xiangwen.mjs', import.meta.url));

/** Runs `xiangwen build-index` (`--full` with `full`) in a child process; resolves when it succeeded, rejects otherwise. */
function buildInChild(pagesDir: string, dataDir: string, logger: Logger, full: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'build-index', ...(full ? ['--full'] : [])], {
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

/** What {@link watchPages} needs besides how to refresh. */
interface WatchBase {
  pagesDir: string;
  logger: Logger;
  /** Minutes between rescans (PAGES_RESCAN_MINUTES); 0: no timer (the watcher and SIGHUP remain). */
  rescanMinutes: number;
  /** Listen for SIGHUP (default true). */
  sighup?: boolean;
}

/**
 * Options of {@link watchPages}: refreshes through `refresher` (any engine's: the PostgreSQL one
 * ingests), or through a new snapshot refresher made from the options.
 */
export type WatchPagesOptions = WatchBase & ({ refresher: Refresher } | (RefresherOptions & { refresher?: undefined }));

/** Options of {@link createRefresher}. */
export interface RefresherOptions {
  pagesDir: string;
  dataDir: string;
  index: SwappableIndex;
  /** Where each new index records its articles' first-seen times. */
  firstSeen: FirstSeenLedger;
  logger: Logger;
  /** Called after a new index went live (the bot refreshes what it derived from the old one). */
  onRefreshed?: (info: { articles: number; newArticles: number }) => void;
}

/**
 * Rebuilds the index in a child process and swaps it in: when the pages changed, or (`force`)
 * because the live index is damaged. One rebuild at a time; a request during a rebuild makes one
 * more check afterwards.
 */
export interface Refresher {
  refresh(reason: string, force?: boolean): Promise<void>;
  stop(): void;
}

/** A running page watcher; `refresh()` checks now, `stop()` ends watching. */
export interface PageWatcher {
  refresh(reason: string): Promise<void>;
  stop(): void;
}

/**
 * Runs `check` one at a time: a request while one runs makes one more run afterwards (forced if
 * any request was). A failure is logged and passed to the callers of that run; the live index
 * is never touched by a failed run.
 */
export function oneAtATime(
  check: (reason: string, force: boolean) => Promise<void>,
  logger: Logger,
  stopped: () => boolean,
): Refresher['refresh'] {
  let running: Promise<void> | undefined;
  let again = false;
  let forced = false;
  let failure: unknown;
  return (reason: string, force = false): Promise<void> => {
    forced ||= force;
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      failure = undefined;
      try {
        do {
          again = false;
          const now = forced;
          forced = false;
          await check(reason, now).catch((error: unknown) => {
            failure = error;
            logger.error(
              { err: error },
              now ? 'index rebuild failed; trying again later' : 'index refresh failed; the old index stays live',
            );
          });
        } while (again && !stopped());
      } finally {
        running = undefined;
      }
      if (failure !== undefined) throw failure;
    })();
    return running;
  };
}

export function createRefresher(options: RefresherOptions): Refresher {
  const { pagesDir, dataDir, index, firstSeen, logger } = options;
  let stopped = false;

  const check = async (reason: string, force: boolean): Promise<void> => {
    // Loaded on first use: `xiangwen digest` imports this file but never refreshes.
    const { indexDirOf, staleReason, loadChecked } = await import('../search/open.ts');
    const stale = force ? reason : staleReason({ pagesDir, dataDir });
    if (stale === undefined || stopped) return;
    if (force) logger.warn({ reason }, 'rebuilding the index in the background');
    else logger.info({ reason, stale }, 'page files changed; rebuilding the index in the background');
    // Damage (force) is rebuilt in full: an update would not repair a damaged table it never rewrites.
    await buildInChild(pagesDir, dataDir, logger, force);
    // Shut down meanwhile: the child's snapshot is complete and the next start loads it.
    if (stopped) return;
    // Load what the child wrote, never rebuild here: a file added during the build would make
    // openIndex rebuild in this process and block replies. The loop in refresh() catches it up.
    const next = loadChecked(indexDirOf(dataDir), { firstSeen });
    index.swap(next);
    const newArticles = next.newlySeen;
    logger.info({ articles: next.info.articles, newArticles }, 'new index is live');
    options.onRefreshed?.({ articles: next.info.articles, newArticles });
  };

  const refresh = oneAtATime(check, logger, () => stopped);
  return {
    refresh,
    stop() {
      stopped = true;
    },
  };
}

/**
 * Watches PAGES_DIR for new or changed page files and swaps in a rebuilt index. Only one rebuild
 * runs at a time; a change during a rebuild triggers one more check afterwards.
 */
export function watchPages(options: WatchPagesOptions): PageWatcher {
  const { pagesDir, logger } = options;
  const refresher = options.refresher !== undefined ? options.refresher : createRefresher(options);
  const refresh = (reason: string) => refresher.refresh(reason).catch(() => {});
  let debounce: NodeJS.Timeout | undefined;

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
      if (options.refresher === undefined) refresher.stop();
      watcher?.close();
      clearTimeout(debounce);
      if (timer !== undefined) clearInterval(timer);
      process.off('SIGHUP', onHup);
    },
  };
}
