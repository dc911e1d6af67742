/**
 * Upgrading a snapshot in place when its format moved by a change that needs no page re-read.
 * Format 4 → 5 added the partial index `articles_fragments`; 5 → 6 moved the compact index from
 * compact.json (MiniSearch in memory) into articles.db's `compact_postings`. Both are derived from
 * what articles.db already holds: SQLite builds the index from the rows, and the postings come from
 * the article records' compact fields, cut again by the same code that cut them for the index (the
 * pipeline fingerprint covers it: the reason deletions re-derive tokens, ./snapshot.ts). A full
 * rebuild reads and splits every page (most of ten minutes on two cores at 100 000 articles); the
 * upgrade cuts only the short compact fields, a page of records at a time (bounded memory).
 * Older formats, and any failure here, are left to the full rebuild that readMeta's 'old-format'
 * leads to.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../pages/article.ts';
import { atRowid, tokenizedDocuments } from './compact.ts';
import { POSTINGS_COLUMNS, POSTINGS_TABLE, PostingsWriter } from './compact-postings.ts';
import { FORMAT_VERSION, FRAGMENTS_INDEX, writeFileAtomic } from './snapshot.ts';
import type { LogSink } from './page-files.ts';

/** The formats this code can bring up to FORMAT_VERSION without rebuilding. */
const UPGRADABLE = new Set([4, 5]);
/** Records cut per call to the segmenter while the postings are derived. */
const RECORDS_PER_BATCH = 1000;

/** Brings a format-4 or format-5 snapshot to the current format; true when it did. Never throws. */
export function upgradeInPlace(indexDir: string, logger: LogSink): boolean {
  const metaFile = join(indexDir, 'meta.json');
  const dbFile = join(indexDir, 'articles.db');
  if (FORMAT_VERSION !== 6 || !existsSync(metaFile) || !existsSync(dbFile)) return false;
  try {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { formatVersion?: unknown };
    if (typeof meta.formatVersion !== 'number' || !UPGRADABLE.has(meta.formatVersion)) return false;
    const db = new Database(dbFile, { fileMustExist: true, timeout: 10 * 60_000 });
    try {
      db.exec(FRAGMENTS_INDEX);
      addCompactPostings(db);
    } finally {
      db.close();
    }
    // meta.json last: until it says 6, a crash leaves the old format with a harmless extra table.
    writeFileAtomic(metaFile, JSON.stringify({ ...meta, formatVersion: FORMAT_VERSION }, null, 2));
    for (const old of ['compact.json', 'compact-delta.json']) rmSync(join(indexDir, old), { force: true });
    logger.info(`index upgraded in place from format ${meta.formatVersion} to ${FORMAT_VERSION}`);
    return true;
  } catch (error) {
    logger.warn(`could not upgrade the index in place (${error instanceof Error ? error.message : String(error)}); it will be rebuilt`);
    return false;
  }
}

/**
 * Derives compact_postings and its totals from the article records, in one transaction (a crash
 * leaves the snapshot as it was). The postings are staged unordered and inserted sorted, as a
 * full build does (./full-build.ts).
 */
function addCompactPostings(db: Database.Database): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('DROP TABLE IF EXISTS compact_postings');
    db.exec("DELETE FROM state WHERE key = 'compact_totals'");
    db.exec(POSTINGS_TABLE);
    db.exec(`CREATE TEMP TABLE staged_postings (${POSTINGS_COLUMNS})`);
    const writer = new PostingsWriter(db, 'temp.staged_postings');
    const batch = db.prepare('SELECT rowid, record FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?');
    for (let after = -1; ; ) {
      const rows = batch.all(after, RECORDS_PER_BATCH) as { rowid: number; record: string }[];
      if (rows.length === 0) break;
      const documents = tokenizedDocuments(rows.map((row) => JSON.parse(row.record) as Article));
      documents.forEach((document, index) => {
        writer.add(atRowid(document, rows[index].rowid));
      });
      after = rows[rows.length - 1].rowid;
    }
    writer.flushTotals();
    db.exec('INSERT INTO compact_postings SELECT term, rowid, field, tf, len FROM temp.staged_postings ORDER BY term, rowid, field');
    db.exec('DROP TABLE temp.staged_postings');
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
