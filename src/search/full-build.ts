/**
 * A full build: a complete snapshot from page files delivered one at a time (in this thread, or
 * prepared by build workers: ./build-workers.ts), written in a temporary folder and renamed into
 * place.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../pages/article.ts';
import type { TokenizedDocument } from './compact.ts';
import { POSTINGS_COLUMNS, PostingsWriter } from './compact-postings.ts';
import {
  byFileName,
  dayBase,
  type FileState,
  indexedForms,
  metaOf,
  type PreparedFile,
  SCHEMA,
  saveFileStates,
  slotRowid,
  type SnapshotMeta,
  type SnapshotStamp,
  SnapshotWriter,
} from './snapshot.ts';

/** An article as staged for the second pass: its record and its indexed form (see indexedForm). */
export interface StagedArticle {
  record: string;
  grams: string;
  document: TokenizedDocument;
}

/** One page file ready to be staged: its state and its articles' indexed forms, in page order. */
export interface IndexedFile extends Omit<FileState, 'articles'> {
  articles: StagedArticle[];
}

/** Derives what the build stages for a prepared file (the work build workers do; needs jieba). */
export function indexedFile({ articles, ...state }: PreparedFile): IndexedFile {
  const forms = indexedForms(articles);
  return { ...state, articles: articles.map((article, index) => ({ record: JSON.stringify(article), ...forms[index] })) };
}

/** Articles per transaction, both passes. */
const BATCH = 1000;

/**
 * FTS5's settings while a full build writes: no incremental merging (the build ends with one
 * 'optimize', which merges every segment once; merging along the way only redoes that work) and
 * a 64 MB buffer of pending tokens instead of 1 MB (fewer, larger segments to merge). Measured at
 * 10 000 articles: 40 % less CPU for the full-text inserts. They are persistent settings of the
 * table, so the defaults are put back before the snapshot is handed over: updates and readers
 * see the same table as before.
 */
const FTS_BUILD_SETTINGS = { automerge: 0, hashsize: 64 * 1024 * 1024 };
/** FTS5's defaults (SQLite's fts5 documentation), restored after the build. */
const FTS_DEFAULT_SETTINGS = { automerge: 4, hashsize: 1024 * 1024 };

function configureFullText(db: Database.Database, settings: Record<string, number>): void {
  // FTS5 takes only SQL integers here, and better-sqlite3 binds a number as a real: BigInt.
  const set = db.prepare('INSERT INTO fulltext(fulltext, rank) VALUES(?, ?)');
  for (const [name, value] of Object.entries(settings)) set.run(name, BigInt(value));
}

/**
 * A complete snapshot written into a temporary folder beside `indexDir` and renamed into place by
 * `finish`, so a crash mid-build never leaves a half index. Pass 1 (`stage`): each file's staged
 * articles go to a staging database as they come, in batched transactions, so memory holds only
 * the file states, never the archive; files may come in any order. Pass 2 (`finish`): articles
 * are written day by day in rowid order, in batched transactions, with the tokens derived in
 * pass 1 — no segmenter needed. Their compact postings go to an unordered staging table first and
 * into compact_postings in one sorted insert at the end: SQLite sorts them in bounded memory
 * (spilling to temporary files), where inserting them as they come would write the term-ordered
 * table in random places.
 */
export class FullBuild {
  private readonly building: string;
  private readonly db: Database.Database;
  private readonly states: FileState[] = [];
  private readonly stageArticle: Database.Statement;
  private pending = 0;

  constructor(private readonly indexDir: string) {
    this.building = `${indexDir}.building-${process.pid}`;
    rmSync(this.building, { recursive: true, force: true });
    mkdirSync(this.building, { recursive: true });
    const db = new Database(join(this.building, 'articles.db'));
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
    configureFullText(db, FTS_BUILD_SETTINGS);
    db.prepare('ATTACH DATABASE ? AS staging').run(join(this.building, 'staging.db'));
    db.exec('PRAGMA staging.journal_mode = OFF; PRAGMA staging.synchronous = OFF');
    db.exec(`CREATE TABLE staging.staged (file TEXT NOT NULL, position INTEGER NOT NULL, record TEXT NOT NULL, grams TEXT NOT NULL,
      document TEXT NOT NULL, PRIMARY KEY (file, position)) WITHOUT ROWID`);
    db.exec(`CREATE TABLE staging.postings (${POSTINGS_COLUMNS})`);
    this.stageArticle = db.prepare('INSERT INTO staging.staged (file, position, record, grams, document) VALUES (?, ?, ?, ?, ?)');
    this.db = db;
    db.exec('BEGIN');
  }

  /** Pass 1: stages one file's articles. */
  stage({ articles, ...state }: IndexedFile): void {
    articles.forEach((article, position) => {
      this.stageArticle.run(state.file, position, article.record, article.grams, JSON.stringify(article.document));
    });
    this.states.push({ ...state, articles: articles.length });
    this.pending += articles.length;
    if (this.pending >= BATCH) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
  }

  /**
   * Pass 2 and the rename. `onProgress` is called every 1 000 articles written. When no file held
   * an article, nothing is written (the previous snapshot stays) and the result is undefined.
   */
  finish(stamp: SnapshotStamp, onProgress?: (done: number) => void): SnapshotMeta | undefined {
    const { db, states } = this;
    saveFileStates(db, states);
    db.exec('COMMIT');
    const writer = new SnapshotWriter(db, new PostingsWriter(db, 'staging.postings'));
    const staged = db.prepare('SELECT record, grams, document FROM staging.staged WHERE file = ? ORDER BY position');
    let done = 0;
    db.exec('BEGIN');
    for (const [date, files] of filesByDay(states)) {
      const base = dayBase(date);
      let position = 0;
      for (const state of files) {
        // .all(), not .iterate(): better-sqlite3 allows no other statement while one iterates.
        for (const { record, grams, document } of staged.all(state.file) as { record: string; grams: string; document: string }[]) {
          writer.insert(slotRowid(base, position++), JSON.parse(record) as Article, record, {
            grams,
            document: JSON.parse(document) as TokenizedDocument,
          });
          if (++done % BATCH === 0) {
            db.exec('COMMIT; BEGIN');
            onProgress?.(done);
          }
        }
      }
    }
    writer.flushTermCounts();
    const generation = 1;
    writer.setGeneration(generation);
    db.exec('COMMIT');
    db.exec('INSERT INTO compact_postings SELECT term, rowid, field, tf, len FROM staging.postings ORDER BY term, rowid, field');
    db.exec('DETACH DATABASE staging');
    rmSync(join(this.building, 'staging.db'), { force: true });
    db.exec("INSERT INTO fulltext(fulltext) VALUES('optimize')");
    configureFullText(db, FTS_DEFAULT_SETTINGS);
    const meta = metaOf(stamp, done, states.length, generation, writer.commonTerms(done));
    db.close();
    if (done === 0) {
      this.abandon();
      return undefined;
    }
    writeFileSync(join(this.building, 'meta.json'), JSON.stringify(meta, null, 2));
    rmSync(this.indexDir, { recursive: true, force: true });
    renameSync(this.building, this.indexDir);
    return meta;
  }

  /** Drops the half-built snapshot (the previous one stays). */
  abandon(): void {
    if (this.db.open) this.db.close();
    rmSync(this.building, { recursive: true, force: true });
  }
}

/** Days in date order, each with its files in name order (what a full build numbers rowids by). */
function filesByDay(states: FileState[]): [string, FileState[]][] {
  const byDay = new Map<string, FileState[]>();
  for (const state of states) {
    if (state.date === null || state.articles === 0) continue;
    byDay.set(state.date, [...(byDay.get(state.date) ?? []), state]);
  }
  return [...byDay.keys()].sort().map((date) => [date, (byDay.get(date) ?? []).sort((a, b) => byFileName(a.file, b.file))]);
}

/**
 * Writes a complete snapshot into `indexDir` (replacing what was there) from page files delivered
 * one at a time, in this thread (see FullBuild). Undefined when the files hold no article.
 */
export function writeFullSnapshot(
  indexDir: string,
  files: Iterable<PreparedFile>,
  stamp: SnapshotStamp,
  onProgress?: (done: number) => void,
): SnapshotMeta | undefined {
  const build = new FullBuild(indexDir);
  try {
    for (const file of files) build.stage(indexedFile(file));
    return build.finish(stamp, onProgress);
  } catch (error) {
    build.abandon();
    throw error;
  }
}

/**
 * Writes a complete snapshot of ready-made `articles` (the benchmark's synthetic corpora): they are
 * grouped into their files, which get placeholder file states.
 */
export function writeSnapshot(
  indexDir: string,
  articles: Article[],
  fingerprint: string,
  onProgress?: (done: number) => void,
): SnapshotMeta {
  const byFile = new Map<string, Article[]>();
  for (const article of articles) {
    const list = byFile.get(article.file) ?? [];
    list.push(article);
    byFile.set(article.file, list);
  }
  const files = [...byFile].map(
    ([file, list]): PreparedFile => ({ file, size: 0, mtime: 0, hash: '', date: list[0].date, articles: list }),
  );
  const meta = writeFullSnapshot(indexDir, files, { fingerprint, pipeline: fingerprint }, onProgress);
  if (!meta) throw new Error('writeSnapshot: no articles');
  return meta;
}
