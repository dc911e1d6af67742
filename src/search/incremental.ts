/**
 * The incremental update (see ./update.ts for when it runs and its atomicity rules): compare the
 * pages folder with the per-file state in articles.db, re-read only added and changed files, and
 * rewrite only the days they (and removed files) belong to. Every table, the compact postings
 * with them, changes in one transaction; meta.json is written before the commit and renamed into
 * place after it.
 */
import { join } from 'node:path';
import { renameSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Article } from '../pages/article.ts';
import { readMeta } from './index-meta.ts';
import { fingerprintOf, type LogSink, readPageFile, scanPages } from './page-files.ts';
import {
  byFileName,
  DAY_SLOTS,
  dayBase,
  type FileState,
  fileStates,
  generationOf,
  metaOf,
  saveFileStates,
  slotRowid,
  type SnapshotMeta,
  SnapshotWriter,
  writeFileAtomic,
} from './snapshot.ts';

/** The snapshot's parts disagree (a crash between their writes): only a full build repairs it. */
export class InconsistentSnapshot extends Error {}

/** The pages produced no article at all. */
export class NoArticlesError extends Error {
  constructor(readonly pagesDir: string) {
    super(`no articles found in ${pagesDir}: put newspaper page files (*.txt) there, or set PAGES_DIR`);
    this.name = 'NoArticlesError';
  }
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

interface StoredRow {
  rowid: number;
  id: string;
  record: string;
}

/** How the folder differs from the per-file state. */
interface FolderChanges {
  known: Map<string, FileState>;
  removedFiles: string[];
  /** Files whose times moved but whose content did not. */
  touched: FileState[];
  changed: Map<string, { state: FileState; articles: Article[] }>;
}

function compareFolder(db: Database.Database, pagesDir: string, stats: ReturnType<typeof scanPages>, logger: LogSink): FolderChanges {
  const known = fileStates(db);
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
  return { known, removedFiles, touched, changed };
}

/** The days whose articles may move, each with its files (in the new state): those of removed and changed files, before and after. */
function daysToRewrite({ known, removedFiles, touched, changed }: FolderChanges): Map<string, string[]> {
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
  const filesByDay = new Map<string, string[]>([...days].sort().map((day) => [day, []]));
  for (const state of newStates.values()) {
    if (state.date === null || state.articles === 0 || !days.has(state.date)) continue;
    filesByDay.get(state.date)?.push(state.file);
  }
  return filesByDay;
}

/** Plans each day: the sequence a full build would write, slot by slot, against what is stored. */
function planDays(db: Database.Database, filesByDay: Map<string, string[]>, changed: FolderChanges['changed']) {
  const storedOfFile = db.prepare('SELECT rowid, id, record FROM articles WHERE file = ? ORDER BY rowid');
  const storedOfDay = db.prepare('SELECT rowid, id, record FROM articles WHERE rowid >= ? AND rowid < ? ORDER BY rowid');
  const deletions: StoredRow[] = [];
  const insertions: { rowid: number; article: Article; record: string }[] = [];
  for (const [day, files] of filesByDay) {
    const base = dayBase(day);
    const stored = new Map((storedOfDay.all(base, base + DAY_SLOTS - 1) as StoredRow[]).map((row) => [row.rowid, row]));
    const sequence: { id: string; record: string; article?: Article }[] = [];
    for (const file of files.sort(byFileName)) {
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
  return { deletions, insertions };
}

/** Brings the snapshot up to date with the pages folder without a full build (see the top of this file). */
export async function updateIncrementally(pagesDir: string, indexDir: string, logger: LogSink): Promise<IndexUpdate> {
  // A long busy timeout: a second updater waits for the first instead of failing.
  const db = new Database(join(indexDir, 'articles.db'), { fileMustExist: true, timeout: 10 * 60_000 });
  let open = false;
  try {
    db.exec('BEGIN IMMEDIATE');
    open = true;
    // Read under the write lock: another updater may have finished while we waited.
    const meta = readMeta(indexDir);
    const generation = generationOf(db);
    if (meta.generation !== generation)
      throw new InconsistentSnapshot(`index parts disagree (meta.json generation ${meta.generation}, articles.db ${generation})`);
    const stats = scanPages(pagesDir);
    const fingerprint = fingerprintOf(stats);
    const changes = compareFolder(db, pagesDir, stats, logger);
    const { removedFiles, touched, changed } = changes;
    if (changed.size === 0 && removedFiles.length === 0) {
      if (touched.length === 0 && meta.fingerprint === fingerprint)
        return { mode: 'unchanged', added: [], removed: [], changedFiles: [], meta };
      // Only file times moved: record them so the next comparison is cheap again.
      saveFileStates(db, touched);
      const next = { ...meta, fingerprint, builtAt: new Date().toISOString(), files: stats.length };
      db.exec('COMMIT');
      open = false;
      writeFileAtomic(join(indexDir, 'meta.json'), JSON.stringify(next, null, 2));
      return { mode: 'unchanged', added: [], removed: [], changedFiles: [], meta: next };
    }

    const apply = new SnapshotWriter(db);
    const { deletions, insertions } = planDays(db, daysToRewrite(changes), changed);
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
    const metaFile = join(indexDir, 'meta.json');
    const staged = `${metaFile}.tmp-${process.pid}`;
    writeFileSync(staged, JSON.stringify(next, null, 2));
    db.exec('COMMIT');
    open = false;
    renameSync(staged, metaFile);

    const deletedIds = new Set(deletions.map((row) => row.id));
    const insertedIds = new Set(insertions.map((row) => row.article.id));
    const added = insertions
      .filter((row) => !deletedIds.has(row.article.id))
      .sort((a, b) => a.rowid - b.rowid)
      .map((row) => row.article.id);
    const removed = deletions.filter((row) => !insertedIds.has(row.id)).map((row) => row.id);
    const changedFiles = [...changed.keys(), ...removedFiles].sort();
    logger.info(
      `index updated: ${added.length} articles added, ${removed.length} removed, from ${changedFiles.length} changed page files (${articles} articles)`,
    );
    return { mode: 'incremental', added, removed, changedFiles, meta: next };
  } finally {
    if (open) db.exec('ROLLBACK');
    db.close();
  }
}
