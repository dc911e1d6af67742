/**
 * Bringing the snapshot up to date with the pages folder. A full build reads every page; an
 * incremental update compares the folder with the per-file state kept in articles.db (name, size,
 * modification time, content hash), re-reads only the files that were added or changed, and
 * rewrites only the articles of the days those files (and removed ones) belong to: rowids encode
 * date order (see DAY_SLOTS in ./snapshot.ts), so the result is the snapshot a full build of the
 * same pages gives. A full build happens when the snapshot is missing, of another format, built by
 * other pipeline code, inconsistent or corrupt, or when asked for.
 *
 * Atomicity for readers: articles.db changes in one SQLite transaction, which also serialises
 * concurrent updates (BEGIN IMMEDIATE is taken before the folder is compared); meta.json is
 * written to a temporary file before the commit and renamed into place right after it. A reader
 * opening the snapshot in that instant sees a count mismatch and may retry; a reader that already
 * holds the snapshot reads the new rows from the commit on. The incremental path is ./incremental.ts.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { IndexError, readMeta } from './index-meta.ts';
import { InconsistentSnapshot, type IndexUpdate, NoArticlesError, updateIncrementally } from './incremental.ts';
import { buildThreads, writeFullSnapshotInWorkers } from './build-workers.ts';
import { writeFullSnapshot } from './full-build.ts';
import { type FileStat, fingerprintOf, type LogSink, pipelineFingerprint, readPageFile, scanPages } from './page-files.ts';
import type { PreparedFile, SnapshotMeta } from './snapshot.ts';
import { upgradeInPlace } from './snapshot-upgrade.ts';

export { type IndexUpdate, NoArticlesError } from './incremental.ts';
export { type FileStat, fingerprintOf, type LogSink, pagesFingerprint, pipelineFingerprint, scanPages } from './page-files.ts';

export interface IndexLocation {
  pagesDir: string;
  dataDir: string;
  logger?: LogSink;
}

export interface UpdateOptions extends IndexLocation {
  /** Rebuild from every page even when an incremental update would do. */
  full?: boolean;
  /** Worker threads of a full build (default: see buildThreads in ./build-workers.ts; 0: none). */
  buildThreads?: number;
}

const silent: LogSink = { info: () => {}, warn: () => {} };

/** Where the snapshot lives. */
export function indexDirOf(dataDir: string): string {
  return join(dataDir, 'index');
}

/** The ids in a snapshot's articles.db, or undefined when there is none readable. */
function idsIn(indexDir: string): string[] | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(join(indexDir, 'articles.db'), { readonly: true, fileMustExist: true });
    return (db.prepare('SELECT id FROM articles ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

/** What a full build reports: every id that appeared or disappeared against the snapshot before. */
function fullBuildReport(
  location: IndexLocation,
  before: string[] | undefined,
  stats: FileStat[],
  meta: SnapshotMeta | undefined,
  reason: string,
): IndexUpdate {
  if (!meta) throw new NoArticlesError(location.pagesDir);
  const after = idsIn(indexDirOf(location.dataDir)) ?? [];
  const old = new Set(before ?? []);
  const now = new Set(after);
  location.logger?.info(`index built: ${meta.articles} articles from ${location.pagesDir} (${reason})`);
  return {
    mode: 'full',
    reason,
    added: after.filter((id) => !old.has(id)),
    removed: (before ?? []).filter((id) => !now.has(id)),
    changedFiles: stats.map((s) => s.file),
    meta,
  };
}

/**
 * Builds the snapshot from every page in this thread, one page in memory at a time. Throws
 * NoArticlesError when there is nothing to index (and leaves the previous snapshot in place).
 */
export function rebuildIndex(location: IndexLocation, reason = 'asked for a full rebuild'): IndexUpdate {
  const { pagesDir, dataDir, logger = silent } = location;
  const indexDir = indexDirOf(dataDir);
  const before = idsIn(indexDir);
  const stats = scanPages(pagesDir);
  // A generator: pages are read and prepared one at a time, as the build consumes them.
  const files = function* (): Generator<PreparedFile> {
    for (const stat of stats) {
      const { state, articles = [] } = readPageFile(pagesDir, stat, logger);
      yield { ...state, articles };
    }
  };
  const meta = writeFullSnapshot(indexDir, files(), { fingerprint: fingerprintOf(stats), pipeline: pipelineFingerprint() });
  return fullBuildReport(location, before, stats, meta, reason);
}

/**
 * The full build as updates make it: on worker threads when the archive is large enough for them
 * to pay off (see ./build-workers.ts; `threads` overrides the choice, 0 meaning this thread).
 */
export async function rebuildIndexInWorkers(
  location: IndexLocation,
  reason = 'asked for a full rebuild',
  threads?: number,
): Promise<IndexUpdate> {
  const stats = scanPages(location.pagesDir);
  const count = threads ?? buildThreads(stats.length);
  if (count === 0) return rebuildIndex(location, reason);
  const indexDir = indexDirOf(location.dataDir);
  const before = idsIn(indexDir);
  const stamp = { fingerprint: fingerprintOf(stats), pipeline: pipelineFingerprint() };
  const meta = await writeFullSnapshotInWorkers(indexDir, location.pagesDir, stats, stamp, count, location.logger ?? silent);
  return fullBuildReport(location, before, stats, meta, reason);
}

/** Why the snapshot cannot be updated incrementally, or undefined when it can. */
function fullBuildReason(indexDir: string): string | undefined {
  try {
    const meta = readMeta(indexDir);
    if (meta.pipeline !== pipelineFingerprint()) return 'the code that reads the pages changed since it was built';
    return undefined;
  } catch (error) {
    if (error instanceof IndexError) return error.reason === 'missing' ? 'there is no index yet' : error.message;
    throw error;
  }
}

/**
 * Brings the snapshot in `DATA_DIR/index/` up to date with the page files: incrementally when it
 * can, with a full build otherwise (see the top of this file). Returns the ids of added and
 * removed articles and the files that changed; the caller reloads the index (SnapshotIndex.load)
 * to serve the new articles. Throws NoArticlesError when the pages hold no article.
 */
export async function updateIndex(options: UpdateOptions): Promise<IndexUpdate> {
  const logger = options.logger ?? silent;
  const indexDir = indexDirOf(options.dataDir);
  if (!options.full) upgradeInPlace(indexDir, logger);
  const reason = options.full ? 'asked for a full rebuild' : fullBuildReason(indexDir);
  if (reason !== undefined) return rebuildIndexInWorkers(options, reason, options.buildThreads);
  try {
    return await updateIncrementally(options.pagesDir, indexDir, logger);
  } catch (error) {
    const damaged = error instanceof InconsistentSnapshot || error instanceof Database.SqliteError || error instanceof SyntaxError;
    if (!damaged) throw error;
    logger.warn(`rebuilding the index: ${error.message}`);
    return rebuildIndexInWorkers(options, error.message, options.buildThreads);
  }
}
