/**
 * Building the index from the page files and opening it at start-up. The snapshot carries a
 * fingerprint of the pages (and of the code that turns pages into articles); when it is missing,
 * of an older format, stale or corrupt, it is rebuilt, with one log line saying why.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Article } from '../pages/article.ts';
import { type PageWarning, readPage, readPages } from '../pages/read.ts';
import { IdsUnreadable, IndexError, readMeta, SnapshotIndex, type SnapshotLoadOptions } from './article-index.ts';
import { startSegmenterWorker } from './jieba.ts';
import { prepareArticles } from './prepare.ts';
import type { SnapshotMeta } from './snapshot.ts';
import { upgradeInPlace } from './snapshot-upgrade.ts';
import {
  type IndexLocation,
  indexDirOf,
  type LogSink,
  NoArticlesError,
  pagesFingerprint,
  pipelineFingerprint,
  rebuildIndex,
  rebuildIndexInWorkers,
  updateIndex,
} from './update.ts';

/**
 * The index is broken and being rebuilt: searches cannot be answered for a moment. Thrown by the
 * healing index (../digest/refresh.ts) instead of the underlying error; the bot answers it with
 * "暂时无法搜索，正在重建索引".
 */
export class IndexUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`the index is being rebuilt: ${reason}`);
    this.name = 'IndexUnavailableError';
  }
}

export { type IndexLocation, indexDirOf, type LogSink, NoArticlesError, pagesFingerprint } from './update.ts';

const silent: LogSink = { info: () => {}, warn: () => {} };

/**
 * Reads, splits and prepares the pages (all of them, or the given files: paths relative to
 * `pagesDir` or anywhere else); bad files are skipped with a warning naming them.
 */
export function collectArticles(pagesDir: string, logger: LogSink = silent, files?: string[]): Article[] {
  const warn = (w: PageWarning) => logger.warn(`skipped page file ${w.file}: ${w.reason}`);
  if (!files) return readPages(pagesDir, warn).flatMap(prepareArticles);
  return files.flatMap((file) => {
    const path = existsSync(file) ? resolve(file) : resolve(pagesDir, file);
    const page = readPage(dirname(path), basename(path));
    if ('text' in page) return prepareArticles(page);
    warn({ file, reason: page.reason });
    return [];
  });
}

/**
 * Builds the snapshot from every page (a full build; `updateIndex` in ./update.ts is the
 * incremental one). Throws NoArticlesError when there is nothing to index.
 */
export function buildIndex(location: IndexLocation): SnapshotMeta {
  return rebuildIndex(location).meta;
}

/**
 * Why the snapshot is not current, or undefined when it is. Stale pages mean the folder differs
 * from the snapshot's per-file state (names, sizes, times): `updateIndex` brings it up to date
 * incrementally. Other reasons need a full build, which `updateIndex` also makes. `not compared`
 * leaves the pages folder out (0.2–0.5 s at 13 000 page files).
 */
export function staleReason(location: IndexLocation, pages: 'compared' | 'not compared' = 'compared'): string | undefined {
  try {
    const meta = readMeta(indexDirOf(location.dataDir));
    if (meta.pipeline !== pipelineFingerprint()) return 'the code that reads the pages changed since it was built';
    if (pages === 'compared' && meta.fingerprint !== pagesFingerprint(location.pagesDir))
      return 'the page files changed since it was built';
    return undefined;
  } catch (error) {
    if (error instanceof IndexError) return error.reason === 'missing' ? 'there is no index yet' : error.message;
    throw error;
  }
}

/**
 * Opens the index, rebuilding it first when it is missing, old, stale or corrupt (one log line says
 * why). Throws NoArticlesError when a rebuild finds no article, and IndexError if a freshly built
 * snapshot still cannot be read.
 */
export async function openIndex(location: IndexLocation, load: SnapshotLoadOptions = {}): Promise<SnapshotIndex> {
  // The first query needs jieba: its dictionaries load on the other core while the snapshot loads.
  startSegmenterWorker();
  const logger = location.logger ?? silent;
  const indexDir = indexDirOf(location.dataDir);
  upgradeInPlace(indexDir, logger);
  const reason = staleReason(location, load.pagesCheck === 'later' ? 'not compared' : 'compared');
  if (reason === undefined) {
    try {
      return loadChecked(indexDir, load);
    } catch (error) {
      if (!(error instanceof IndexError)) throw error;
      logger.warn(`rebuilding the index: ${error.message}`);
      await rebuildIndexInWorkers(location, error.message);
      return loadChecked(indexDir, load);
    }
  } else {
    logger.info(`building the index: ${reason}`);
  }
  try {
    // Incremental when only page files changed; a full build when the snapshot is missing or old.
    await updateIndex(location);
  } catch (error) {
    if (error instanceof NoArticlesError) throw error;
    // A damaged snapshot cannot be updated in place; it is derived data, so it is built anew.
    const message = error instanceof Error ? error.message.split('\n')[0].slice(0, 160) : String(error);
    logger.warn(`rebuilding the index: updating it failed (${message})`);
    await rebuildIndexInWorkers(location, message);
  }
  return loadChecked(indexDir, load);
}

/**
 * Loads the snapshot and reads a little of everything start-up reads (the newest records, the
 * region counts, the full-text table, and every id when the first-seen ledger has not recorded
 * this snapshot yet), so that damage there is an IndexError — and a rebuild — rather than a
 * "database disk image is malformed" or a JSON SyntaxError escaping from start-up. Damage
 * elsewhere is found by the first query that touches it, or by the full check the bot runs in the
 * background (../ingest/index-check.ts), and healed then.
 */
export function loadChecked(indexDir: string, load: SnapshotLoadOptions = {}): SnapshotIndex {
  const index = SnapshotIndex.load(indexDir, { start: load.start });
  try {
    index.check();
  } catch (error) {
    index.closeNow();
    throw damagedAt(indexDir, error);
  }
  try {
    // The ledger is the bot's state, not the index: only a failure to read the ids is damage here.
    if (load.firstSeen) index.recordIn(load.firstSeen, load.now ?? Date.now());
  } catch (error) {
    index.closeNow();
    throw error instanceof IdsUnreadable ? damagedAt(indexDir, error.cause) : error;
  }
  return index;
}

function damagedAt(indexDir: string, error: unknown): IndexError {
  const message = error instanceof Error ? error.message : String(error);
  return new IndexError('corrupt', `index at ${indexDir} is damaged (${message.split('\n')[0].slice(0, 120)})`);
}
