/**
 * A full build: a complete snapshot from page files delivered one at a time, written in a
 * temporary folder and renamed into place.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../pages/article.ts';
import { compactJson, emptyCompact } from './compact.ts';
import { COMPACT_FILE, DELTA_FILE, emptyDelta } from './compact-delta.ts';
import {
  byFileName, dayBase, type FileState, metaOf, type PreparedFile, SCHEMA, saveFileStates, slotRowid, type SnapshotMeta, type SnapshotStamp, SnapshotWriter,
} from './snapshot.ts';

/**
 * Writes a complete snapshot into `indexDir` (replacing what was there) from page files delivered
 * one at a time: each file's articles go to a staging database as they come, so memory holds one
 * page's articles (plus the MiniSearch index, which is the snapshot itself), never the archive.
 * Articles are then written day by day in rowid order, in batched transactions. The whole is built
 * in a temporary folder and renamed into place, so a crash mid-build never leaves a half index.
 * `onProgress` is called every 1 000 articles written. When the files hold no article at all,
 * nothing is written (the previous snapshot stays) and the result is undefined.
 */
export function writeFullSnapshot(indexDir: string, files: Iterable<PreparedFile>, stamp: SnapshotStamp, onProgress?: (done: number) => void): SnapshotMeta | undefined {
  const building = `${indexDir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const db = new Database(join(building, 'articles.db'));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(SCHEMA);
  const stagingPath = join(building, 'staging.db');
  db.prepare('ATTACH DATABASE ? AS staging').run(stagingPath);
  db.exec('PRAGMA staging.journal_mode = OFF; PRAGMA staging.synchronous = OFF');
  db.exec('CREATE TABLE staging.staged (file TEXT NOT NULL, position INTEGER NOT NULL, record TEXT NOT NULL, PRIMARY KEY (file, position)) WITHOUT ROWID');
  const compact = emptyCompact();
  const writer = new SnapshotWriter(db, compact);
  const BATCH = 1000;

  // 1. Stage every page's articles as they are prepared; keep only the file states in memory.
  const states: FileState[] = [];
  const stage = db.prepare('INSERT INTO staging.staged (file, position, record) VALUES (?, ?, ?)');
  let pending = 0;
  db.exec('BEGIN');
  for (const file of files) {
    file.articles.forEach((article, position) => stage.run(file.file, position, JSON.stringify(article)));
    states.push({ file: file.file, size: file.size, mtime: file.mtime, hash: file.hash, date: file.date, articles: file.articles.length });
    pending += file.articles.length;
    if (pending >= BATCH) {
      db.exec('COMMIT; BEGIN');
      pending = 0;
    }
  }
  saveFileStates(db, states);
  db.exec('COMMIT');

  // 2. Day by day, oldest first: rowids in date, file-name and page order.
  const byDay = new Map<string, FileState[]>();
  for (const state of states) {
    if (state.date === null || state.articles === 0) continue;
    const day = byDay.get(state.date) ?? [];
    day.push(state);
    byDay.set(state.date, day);
  }
  const staged = db.prepare('SELECT record FROM staging.staged WHERE file = ? ORDER BY position');
  let done = 0;
  let sinceCommit = 0;
  db.exec('BEGIN');
  for (const date of [...byDay.keys()].sort()) {
    const base = dayBase(date);
    let position = 0;
    for (const state of (byDay.get(date) ?? []).sort((a, b) => byFileName(a.file, b.file))) {
      // .all(), not .iterate(): better-sqlite3 allows no other statement while one iterates.
      for (const { record } of staged.all(state.file) as { record: string }[]) {
        writer.insert(slotRowid(base, position++), JSON.parse(record) as Article, record);
        done++;
        if (++sinceCommit >= BATCH) {
          db.exec('COMMIT; BEGIN');
          sinceCommit = 0;
          onProgress?.(done);
        }
      }
    }
  }
  writer.flushTermCounts();
  const generation = 1;
  writer.setGeneration(generation);
  db.exec('COMMIT');
  db.exec('DETACH DATABASE staging');
  rmSync(stagingPath, { force: true });
  db.exec("INSERT INTO fulltext(fulltext) VALUES('optimize')");
  const meta = metaOf(stamp, done, states.length, generation, writer.commonTerms(done));
  db.close();
  if (done === 0) {
    rmSync(building, { recursive: true, force: true });
    return undefined;
  }

  writeFileSync(join(building, COMPACT_FILE), compactJson(compact, generation));
  writeFileSync(join(building, DELTA_FILE), JSON.stringify(emptyDelta(generation)));
  writeFileSync(join(building, 'meta.json'), JSON.stringify(meta, null, 2));
  rmSync(indexDir, { recursive: true, force: true });
  renameSync(building, indexDir);
  return meta;
}

/**
 * Writes a complete snapshot of ready-made `articles` (the benchmark's synthetic corpora): they are
 * grouped into their files, which get placeholder file states.
 */
export function writeSnapshot(indexDir: string, articles: Article[], fingerprint: string, onProgress?: (done: number) => void): SnapshotMeta {
  const byFile = new Map<string, Article[]>();
  for (const article of articles) {
    const list = byFile.get(article.file) ?? [];
    list.push(article);
    byFile.set(article.file, list);
  }
  const files = [...byFile].map(([file, list]): PreparedFile => ({ file, size: 0, mtime: 0, hash: '', date: list[0].date, articles: list }));
  const meta = writeFullSnapshot(indexDir, files, { fingerprint, pipeline: fingerprint }, onProgress);
  if (!meta) throw new Error('writeSnapshot: no articles');
  return meta;
}
