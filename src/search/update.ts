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
 * concurrent updates (BEGIN IMMEDIATE is taken before the folder is compared); compact.json and
 * meta.json are written to temporary files before the commit and renamed into place right after
 * it, meta.json last. A reader opening the snapshot in that instant sees a count mismatch and may
 * retry; a reader that already holds the snapshot keeps its in-memory MiniSearch until it reloads.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import type { Article } from '../pages/article.ts';
import { listPageFiles, readPage } from '../pages/read.ts';
import { IndexError, readMeta } from './article-index.ts';
import { prepareArticles } from './prepare.ts';
import {
  byFileName, type CompactDocument, compactJson, compactSearchOptions, DAY_SLOTS, dayBase, type FileState, fileStates,
  FORMAT_VERSION, generationOf, metaOf, type PreparedFile, saveFileStates, slotRowid, type SnapshotMeta, SnapshotWriter, writeFileAtomic,
  writeFullSnapshot,
} from './snapshot.ts';

/** The subset of a logger this module needs (a pino logger fits). */
export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
}

export interface IndexLocation {
  pagesDir: string;
  dataDir: string;
  logger?: LogSink;
}

export interface UpdateOptions extends IndexLocation {
  /** Rebuild from every page even when an incremental update would do. */
  full?: boolean;
}

/** What an update did. */
export interface IndexUpdate {
  /** `unchanged`: nothing to do (at most file times were refreshed). */
  mode: 'full' | 'incremental' | 'unchanged';
  /** Why a full build was made. */
  reason?: string;
  /** Ids of articles that were not in the snapshot before, oldest first (what the digest sends). */
  added: string[];
  /** Ids of articles no longer in the snapshot. */
  removed: string[];
  /** Page files (relative to the pages folder) added, changed or removed. */
  changedFiles: string[];
  meta: SnapshotMeta;
}

/** The pages produced no article at all. */
export class NoArticlesError extends Error {
  constructor(readonly pagesDir: string) {
    super(`no articles found in ${pagesDir}: put newspaper page files (*.txt) there, or set PAGES_DIR`);
    this.name = 'NoArticlesError';
  }
}

/** The snapshot's parts disagree (a crash between their writes): only a full build repairs it. */
class InconsistentSnapshot extends Error {}

const silent: LogSink = { info: () => {}, warn: () => {} };

/** Where the snapshot lives. */
export function indexDirOf(dataDir: string): string {
  return join(dataDir, 'index');
}

const SOURCE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** The code whose output the snapshot stores: a change to it makes the snapshot stale. */
const PIPELINE_FOLDERS = ['pages', 'regions', 'search'];
/**
 * Libraries whose output the snapshot stores too (simplification, segmentation, pinyin). An
 * update deletes full-text rows by re-deriving their tokens, so those must not change unnoticed.
 */
const PIPELINE_PACKAGES = ['opencc-js', 'nodejieba', 'pinyin-pro'];

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(SOURCE_ROOT, '..', 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

let pipelineHash: string | undefined;
/** Fingerprint of the snapshot format and the code that turns pages into articles. */
export function pipelineFingerprint(): string {
  if (!pipelineHash) {
    // NFKC normalisation follows the runtime's Unicode tables.
    const hash = createHash('sha256').update(`format ${FORMAT_VERSION}\nunicode ${process.versions.unicode}\n`);
    for (const name of PIPELINE_PACKAGES) hash.update(`${name} ${packageVersion(name)}\n`);
    for (const folder of PIPELINE_FOLDERS) {
      const dir = join(SOURCE_ROOT, folder);
      for (const name of readdirSync(dir).sort()) {
        if (name.endsWith('.ts') || name.endsWith('.json')) hash.update(name).update(readFileSync(join(dir, name)));
      }
    }
    pipelineHash = hash.digest('hex').slice(0, 32);
  }
  return pipelineHash;
}

/** A page file as listed: what the cheap comparison looks at. */
export interface FileStat {
  file: string;
  size: number;
  mtime: number;
}

/** Every page file under `pagesDir` with its size and modification time (never its content). */
export function scanPages(pagesDir: string): FileStat[] {
  return listPageFiles(pagesDir).flatMap((file) => {
    try {
      const stat = statSync(join(pagesDir, file));
      return [{ file, size: stat.size, mtime: Math.floor(stat.mtimeMs) }];
    } catch {
      return []; // removed between listing and stat
    }
  });
}

/** Fingerprint of a list of page files (names, sizes, times) and of the pipeline. */
export function fingerprintOf(stats: FileStat[]): string {
  const hash = createHash('sha256').update(`${pipelineFingerprint()}\n`);
  for (const { file, size, mtime } of stats) hash.update(`${file}\t${size}\t${mtime}\n`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * A fingerprint of the pages folder: names, sizes and modification times of every page file, plus
 * the format version and the pipeline's code. Cheap: it never reads the pages themselves. Equal to
 * the snapshot's when the snapshot's per-file state matches the folder.
 */
export function pagesFingerprint(pagesDir: string): string {
  return fingerprintOf(scanPages(pagesDir));
}

/**
 * Reads one page file: its content hash, date and (unless `known` shows the same content and
 * date, i.e. the file was only touched) its prepared articles. Unreadable files get a state with
 * no articles and a warning, so they are not re-read until they change.
 */
export function readPageFile(pagesDir: string, stat: FileStat, logger: LogSink, known?: FileState): { state: FileState; articles?: Article[] } {
  let hash = '';
  try {
    hash = createHash('sha256').update(readFileSync(join(pagesDir, stat.file))).digest('hex');
  } catch {
    // readPage below reports why.
  }
  const page = readPage(pagesDir, stat.file);
  if (!('text' in page)) {
    if (!known || known.hash !== hash) logger.warn(`skipped page file ${stat.file}: ${page.reason}`);
    return { state: { ...stat, hash, date: null, articles: 0 }, articles: known?.articles === 0 && known.hash === hash ? undefined : [] };
  }
  // Same bytes and same date (a date can come from the file's time): the stored articles stand.
  if (known && known.hash === hash && known.date === page.date) return { state: { ...known, size: stat.size, mtime: stat.mtime } };
  const articles = prepareArticles(page);
  return { state: { ...stat, hash, date: page.date, articles: articles.length }, articles };
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

/**
 * Builds the snapshot from every page, one page in memory at a time. Throws NoArticlesError when
 * there is nothing to index (and leaves the previous snapshot in place).
 */
export function rebuildIndex({ pagesDir, dataDir, logger = silent }: IndexLocation, reason = 'asked for a full rebuild'): IndexUpdate {
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
  if (!meta) throw new NoArticlesError(pagesDir);
  const after = idsIn(indexDir) ?? [];
  const old = new Set(before ?? []);
  const now = new Set(after);
  logger.info(`index built: ${meta.articles} articles from ${pagesDir} (${reason})`);
  return {
    mode: 'full', reason,
    added: after.filter((id) => !old.has(id)),
    removed: (before ?? []).filter((id) => !now.has(id)),
    changedFiles: stats.map((s) => s.file),
    meta,
  };
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

interface StoredRow {
  rowid: number;
  id: string;
  record: string;
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
  const reason = options.full ? 'asked for a full rebuild' : fullBuildReason(indexDir);
  if (reason !== undefined) return rebuildIndex(options, reason);
  try {
    return await updateIncrementally(options, indexDir, logger);
  } catch (error) {
    if (!(error instanceof InconsistentSnapshot || error instanceof Database.SqliteError || error instanceof SyntaxError)) throw error;
    logger.warn(`rebuilding the index: ${error.message}`);
    return rebuildIndex(options, error.message);
  }
}

async function updateIncrementally({ pagesDir }: UpdateOptions, indexDir: string, logger: LogSink): Promise<IndexUpdate> {
  // A long busy timeout: a second updater waits for the first instead of failing.
  const db = new Database(join(indexDir, 'articles.db'), { fileMustExist: true, timeout: 10 * 60_000 });
  let open = false;
  try {
    db.exec('BEGIN IMMEDIATE');
    open = true;
    // Read under the write lock: another updater may have finished while we waited.
    const meta = readMeta(indexDir);
    const generation = generationOf(db);
    if (meta.generation !== generation) throw new InconsistentSnapshot(`index parts disagree (meta.json generation ${meta.generation}, articles.db ${generation})`);
    const known = fileStates(db);
    const stats = scanPages(pagesDir);
    const fingerprint = fingerprintOf(stats);
    const onDisk = new Set(stats.map((s) => s.file));

    const removedFiles = [...known.keys()].filter((file) => !onDisk.has(file));
    const touched: FileState[] = [];
    const changed = new Map<string, { state: FileState; articles: Article[] }>();
    for (const stat of stats) {
      const old = known.get(stat.file);
      if (old && old.size === stat.size && old.mtime === stat.mtime) continue;
      const { state, articles } = readPageFile(pagesDir, stat, logger, old);
      if (articles) changed.set(stat.file, { state, articles });
      else touched.push(state);
    }

    if (changed.size === 0 && removedFiles.length === 0) {
      if (touched.length === 0 && meta.fingerprint === fingerprint) {
        db.exec('ROLLBACK');
        open = false;
        return { mode: 'unchanged', added: [], removed: [], changedFiles: [], meta };
      }
      // Only file times moved: record them so the next comparison is cheap again.
      saveFileStates(db, touched);
      const next = { ...meta, fingerprint, builtAt: new Date().toISOString(), files: stats.length };
      const metaPath = join(indexDir, 'meta.json');
      db.exec('COMMIT');
      open = false;
      writeFileAtomic(metaPath, JSON.stringify(next, null, 2));
      return { mode: 'unchanged', added: [], removed: [], changedFiles: [], meta: next };
    }

    const compactPath = join(indexDir, 'compact.json');
    const js = JSON.parse(readFileSync(compactPath, 'utf8')) as Parameters<typeof MiniSearch.loadJS>[0] & { generation?: number };
    if (js.generation !== generation) throw new InconsistentSnapshot(`index parts disagree (compact.json generation ${js.generation}, articles.db ${generation})`);
    const compact = MiniSearch.loadJS<CompactDocument>(js, compactSearchOptions());
    const apply = new SnapshotWriter(db, compact);

    // The days whose articles may move: those of removed and changed files, before and after.
    const newStates = new Map(known);
    for (const file of removedFiles) newStates.delete(file);
    for (const state of touched) newStates.set(state.file, state);
    const days = new Set<string>();
    for (const file of removedFiles) if (known.get(file)?.date) days.add(known.get(file)?.date as string);
    for (const [file, { state }] of changed) {
      newStates.set(file, state);
      const before = known.get(file)?.date;
      if (before) days.add(before);
      if (state.date) days.add(state.date);
    }
    const filesByDay = new Map<string, string[]>();
    for (const state of newStates.values()) {
      if (state.date === null || state.articles === 0 || !days.has(state.date)) continue;
      filesByDay.set(state.date, [...(filesByDay.get(state.date) ?? []), state.file]);
    }

    // Plan each day: the sequence a full build would write, slot by slot, against what is stored.
    const storedOfFile = db.prepare('SELECT rowid, id, record FROM articles WHERE file = ? ORDER BY rowid');
    const storedOfDay = db.prepare('SELECT rowid, id, record FROM articles WHERE rowid >= ? AND rowid < ? ORDER BY rowid');
    const deletions: StoredRow[] = [];
    const insertions: { rowid: number; article: Article; record: string }[] = [];
    for (const day of [...days].sort()) {
      const base = dayBase(day);
      const stored = new Map((storedOfDay.all(base, base + DAY_SLOTS - 1) as StoredRow[]).map((row) => [row.rowid, row]));
      const sequence: { id: string; record: string; article?: Article }[] = [];
      for (const file of (filesByDay.get(day) ?? []).sort(byFileName)) {
        const fresh = changed.get(file);
        if (fresh) for (const article of fresh.articles) sequence.push({ id: article.id, record: JSON.stringify(article), article });
        else for (const row of storedOfFile.all(file) as StoredRow[]) sequence.push({ id: row.id, record: row.record });
      }
      sequence.forEach((entry, position) => {
        const rowid = slotRowid(base, position);
        const old = stored.get(rowid);
        if (old && old.id === entry.id && old.record === entry.record) {
          stored.delete(rowid);
          return;
        }
        insertions.push({ rowid, article: entry.article ?? (JSON.parse(entry.record) as Article), record: entry.record });
      });
      deletions.push(...stored.values());
    }

    // Deletions first: an article moving to another slot keeps its (unique) id.
    for (const row of deletions) apply.delete(row.rowid, JSON.parse(row.record) as Article);
    for (const { rowid, article, record } of insertions) apply.insert(rowid, article, record);
    apply.flushTermCounts();
    saveFileStates(db, [...touched, ...[...changed.values()].map((c) => c.state)]);
    const forget = db.prepare('DELETE FROM files WHERE file = ?');
    for (const file of removedFiles) forget.run(file);

    const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    if (articles === 0) throw new NoArticlesError(pagesDir);
    const nextGeneration = generation + 1;
    apply.setGeneration(nextGeneration);
    const next = metaOf({ fingerprint, pipeline: meta.pipeline }, articles, stats.length, nextGeneration, apply.commonTerms(articles));

    const compactTemporary = `${compactPath}.tmp-${process.pid}`;
    const metaPath = join(indexDir, 'meta.json');
    const metaTemporary = `${metaPath}.tmp-${process.pid}`;
    writeFileSync(compactTemporary, compactJson(compact, nextGeneration));
    writeFileSync(metaTemporary, JSON.stringify(next, null, 2));
    db.exec('COMMIT');
    open = false;
    renameSync(compactTemporary, compactPath);
    renameSync(metaTemporary, metaPath);

    const deletedIds = new Set(deletions.map((row) => row.id));
    const insertedIds = new Set(insertions.map((row) => row.article.id));
    const added = insertions.filter((row) => !deletedIds.has(row.article.id)).sort((a, b) => a.rowid - b.rowid).map((row) => row.article.id);
    const removed = deletions.filter((row) => !insertedIds.has(row.id)).map((row) => row.id);
    const changedFiles = [...changed.keys(), ...removedFiles].sort();
    logger.info(`index updated: ${added.length} articles added, ${removed.length} removed, from ${changedFiles.length} changed page files (${articles} articles)`);
    return { mode: 'incremental', added, removed, changedFiles, meta: next };
  } finally {
    if (open) db.exec('ROLLBACK');
    db.close();
  }
}
