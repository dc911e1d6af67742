/**
 * Writing the index snapshot under `DATA_DIR/index/`:
 * - `meta.json`: format version, fingerprint of the pages it was built from, build time, counts;
 * - `compact.json`: MiniSearch over the compact fields readers search most (title, kicker,
 *   subtitle, keywords, regions, authors), a few dozen terms per article;
 * - `articles.db`: SQLite with the article records, their regions, and an FTS5 table of the full
 *   text as character bigrams (every body phrase stays findable without holding bodies in memory).
 * A full build writes a temporary folder and renames it into place, so a crash mid-build never
 * leaves a half-written index; an update (./update.ts) changes articles.db in one transaction and
 * replaces compact.json and meta.json by renames. Both share the writer below.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import type { Article } from '../pages/article.ts';
import type { IndexInfo } from './engine.ts';
import { gramsOf } from './grams.ts';
import { indexTokens } from './jieba.ts';
import { normaliseForSearch } from './normalize.ts';

/** Bump when the snapshot layout or the article pipeline changes meaning. */
export const FORMAT_VERSION = 3;

/**
 * Fields MiniSearch holds in memory. The summary is left out on purpose: it is body text (found
 * through the full-text table anyway) and would double the in-memory index and its load time.
 */
export const COMPACT_FIELDS = ['title', 'kicker', 'subtitle', 'keywords', 'regions', 'authors'] as const;

/**
 * A term in more than this share of articles is "common": MiniSearch would score every one of its
 * articles (10–20 µs each), so it is left to the bounded full-text pass, which ranks only its
 * newest matches.
 */
export const COMMON_TERM_SHARE = 0.005;
/** …but only once the archive is big enough for that to matter. */
export const COMMON_TERM_MIN_DOCS = 500;

/** The MiniSearch options used both when building and when loading (they must match). */
export function compactSearchOptions() {
  return {
    idField: 'rowid',
    fields: [...COMPACT_FIELDS],
    storeFields: [] as string[],
    tokenize: (text: string) => indexTokens(text),
    // Tokens arrive normalised from jieba.ts; MiniSearch's default would lower-case again.
    processTerm: (term: string) => term,
  };
}

export interface CompactDocument {
  rowid: number;
  title: string;
  kicker: string;
  subtitle: string;
  keywords: string;
  regions: string;
  authors: string;
}

function compactDocument(rowid: number, article: Article): CompactDocument {
  return {
    rowid,
    // A fragment's label is not a headline: search it as body only.
    title: article.kind === 'fragment' ? '' : article.title,
    kicker: article.kicker,
    subtitle: article.subtitle,
    keywords: article.keywords.join(' '),
    regions: article.regions.join(' '),
    authors: article.authors.join(' '),
  };
}

/** The full text of an article as FTS5 tokens (normalised character bigrams). */
export function fullTextGrams(article: Article): string {
  const text = [article.title, article.kicker, article.subtitle, ...article.body, ...article.captions, article.authors.join(' ')].join('\n');
  return gramsOf(normaliseForSearch(text)).join(' ');
}


/**
 * Article rowids encode their order: `day × DAY_SLOTS + position`, where the day counts from
 * 1900-01-01 and the position runs over that day's pages (file name order) and their articles
 * (page order). Readers rely on "a larger rowid is a newer article" (newest-first full-text cap,
 * tie-breaks, region lists). Because a rowid depends only on its own day, an update renumbers at
 * most the days whose pages changed, and an incrementally updated snapshot has exactly the rowids
 * a full build of the same pages would give it.
 */
export const DAY_SLOTS = 2 ** 20;
const DAY_ZERO = Date.UTC(1900, 0, 1);

/** The first rowid of the day of `date` (`YYYY-MM-DD`); an unreadable or earlier date counts as day 0. */
export function dayBase(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const day = match ? Math.floor((Date.UTC(+match[1], +match[2] - 1, +match[3]) - DAY_ZERO) / 86_400_000) : 0;
  return (Number.isFinite(day) && day > 0 ? day : 0) * DAY_SLOTS + 1;
}

/** Order of pages within one day (the same comparison a full build has always used). */
export function byFileName(a: string, b: string): number {
  return a.localeCompare(b);
}

/**
 * `fulltext` is contentless (bodies are not stored twice). An update deletes a row with FTS5's
 * 'delete' command, given the tokens the row was indexed with; they are re-derived from the
 * article record stored beside it, through the same code, which the pipeline fingerprint covers
 * (with the versions of the libraries that normalise text), so they are the same tokens.
 * `contentless_delete=1` (SQLite ≥ 3.43) was tried first, as it deletes by rowid alone, but it
 * never takes deleted rows out of the statistics BM25 uses (row count, total tokens: measured on
 * SQLite 3.53), so scores would drift from a full build's with every update. An external-content
 * table would store every body a second time, as bigrams.
 *
 * `files` is the per-file state an update compares the pages folder with; it lives in the same
 * database as the articles so that both change in one transaction. `term_df` counts, per term of
 * the compact fields, the articles containing it (for `commonTerms`); `state` holds the snapshot's
 * generation, which compact.json and meta.json repeat so that a mismatch (a crash between their
 * writes) is detected.
 */
const SCHEMA = `
  CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    file TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    regions TEXT NOT NULL,
    summary TEXT NOT NULL,
    record TEXT NOT NULL
  );
  CREATE INDEX articles_by_file ON articles(file, rowid);
  CREATE TABLE article_regions (
    region TEXT NOT NULL,
    rowid INTEGER NOT NULL REFERENCES articles(rowid),
    rank INTEGER NOT NULL,
    PRIMARY KEY (region, rowid)
  ) WITHOUT ROWID;
  CREATE VIRTUAL TABLE fulltext USING fts5(grams, content='', detail=full);
  CREATE TABLE files (
    file TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash TEXT NOT NULL,
    date TEXT,
    articles INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE term_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

/** What the snapshot remembers of one page file. */
export interface FileState {
  /** Path relative to the pages folder, `/`-separated. */
  file: string;
  size: number;
  /** Modification time, whole milliseconds. */
  mtime: number;
  /** sha256 of the file's bytes. */
  hash: string;
  /** The page's date, or null when the file held no readable page. */
  date: string | null;
  articles: number;
}

/** One page file with its prepared articles (in page order), as the full build consumes them. */
export interface PreparedFile extends Omit<FileState, 'articles'> {
  articles: Article[];
}

/** What meta.json records besides the counts the readers use. */
export interface SnapshotStamp {
  /** pagesFingerprint() of the files the snapshot holds (see open.ts). */
  fingerprint: string;
  /** Fingerprint of the format and of the code that turns pages into articles. */
  pipeline: string;
}

export interface SnapshotMeta extends IndexInfo {
  /** Terms of the compact fields found in very many articles (see COMMON_TERM_SHARE). */
  commonTerms: string[];
  pipeline: string;
  /** Page files the snapshot holds state for (including files that held no article). */
  files: number;
  /** Incremented by every write; articles.db, compact.json and meta.json carry the same one. */
  generation: number;
}

/** The terms an article contributes to the compact index (for the document-frequency counts). */
function compactTerms(document: CompactDocument): Set<string> {
  const terms = new Set<string>();
  for (const field of COMPACT_FIELDS) for (const term of indexTokens(document[field])) terms.add(term);
  return terms;
}

/**
 * Inserts and deletes articles in all three stores at once: the SQLite tables, the MiniSearch
 * index and the document-frequency counts. The caller owns transactions.
 */
export class SnapshotWriter {
  private readonly insertArticle: Database.Statement;
  private readonly insertRegion: Database.Statement;
  private readonly insertText: Database.Statement;
  private readonly deleteArticle: Database.Statement;
  private readonly deleteRegion: Database.Statement;
  private readonly deleteText: Database.Statement;
  /** Changes to term_df not yet written (flushed by flushTermCounts). */
  private readonly termDelta = new Map<string, number>();

  constructor(readonly db: Database.Database, readonly compact: MiniSearch<CompactDocument>) {
    this.insertArticle = db.prepare('INSERT INTO articles (rowid, id, date, file, kind, title, regions, summary, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertRegion = db.prepare('INSERT OR IGNORE INTO article_regions (region, rowid, rank) VALUES (?, ?, ?)');
    this.insertText = db.prepare('INSERT INTO fulltext (rowid, grams) VALUES (?, ?)');
    this.deleteArticle = db.prepare('DELETE FROM articles WHERE rowid = ?');
    this.deleteRegion = db.prepare('DELETE FROM article_regions WHERE region = ? AND rowid = ?');
    this.deleteText = db.prepare("INSERT INTO fulltext (fulltext, rowid, grams) VALUES ('delete', ?, ?)");
  }

  insert(rowid: number, article: Article, record = JSON.stringify(article)): void {
    this.insertArticle.run(rowid, article.id, article.date, article.file, article.kind, article.title,
      JSON.stringify(article.regions), article.summary, record);
    article.regions.forEach((region, rank) => {
      this.insertRegion.run(region, rowid, rank);
    });
    this.insertText.run(rowid, fullTextGrams(article));
    const document = compactDocument(rowid, article);
    for (const term of compactTerms(document)) this.termDelta.set(term, (this.termDelta.get(term) ?? 0) + 1);
    this.compact.add(document);
  }

  /** Removes the article stored at `rowid` (its stored record says which regions and terms to drop). */
  delete(rowid: number, article: Article): void {
    for (const region of article.regions) this.deleteRegion.run(region, rowid);
    this.deleteText.run(rowid, fullTextGrams(article));
    this.deleteArticle.run(rowid);
    const document = compactDocument(rowid, article);
    for (const term of compactTerms(document)) this.termDelta.set(term, (this.termDelta.get(term) ?? 0) - 1);
    // remove(), not discard(): discard leaves postings that skew document frequencies until a
    // vacuum, which walks every posting of the index (seconds at 100 000 articles). The document
    // re-derived from the record has the indexed tokens, for the reason given for `fulltext`.
    this.compact.remove(document);
  }

  /** Writes the pending document-frequency changes (inside the caller's transaction). */
  flushTermCounts(): void {
    const add = this.db.prepare('INSERT INTO term_df (term, n) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n');
    for (const [term, delta] of this.termDelta) if (delta !== 0) add.run(term, delta);
    this.db.exec('DELETE FROM term_df WHERE n <= 0');
    this.termDelta.clear();
  }

  /** Terms of the compact fields in more than COMMON_TERM_SHARE of the articles. */
  commonTerms(articles: number): string[] {
    const limit = Math.max(COMMON_TERM_MIN_DOCS, articles * COMMON_TERM_SHARE);
    return (this.db.prepare('SELECT term FROM term_df WHERE n > ? ORDER BY term').all(limit) as { term: string }[]).map((r) => r.term);
  }

  setGeneration(generation: number): void {
    this.db.prepare("INSERT OR REPLACE INTO state (key, value) VALUES ('generation', ?)").run(String(generation));
  }
}

/** Records (or replaces) the state of these page files. */
export function saveFileStates(db: Database.Database, files: Iterable<FileState>): void {
  const upsert = db.prepare('INSERT OR REPLACE INTO files (file, size, mtime, hash, date, articles) VALUES (?, ?, ?, ?, ?, ?)');
  for (const f of files) upsert.run(f.file, f.size, f.mtime, f.hash, f.date, f.articles);
}

/** The snapshot generation recorded in articles.db (0 when none is). */
export function generationOf(db: Database.Database): number {
  const row = db.prepare("SELECT value FROM state WHERE key = 'generation'").get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

/** The per-file state recorded in articles.db. */
export function fileStates(db: Database.Database): Map<string, FileState> {
  const rows = db.prepare('SELECT file, size, mtime, hash, date, articles FROM files').all() as FileState[];
  return new Map(rows.map((row) => [row.file, row]));
}

/** compact.json: MiniSearch's own JSON plus the generation (MiniSearch ignores the extra field). */
export function compactJson(compact: MiniSearch<CompactDocument>, generation: number): string {
  return JSON.stringify({ ...compact.toJSON(), generation });
}

/** Writes `content` to `path` through a temporary file and a rename, so readers see old or new, never half. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

export function metaOf(stamp: SnapshotStamp, articles: number, files: number, generation: number, commonTerms: string[]): SnapshotMeta {
  return {
    formatVersion: FORMAT_VERSION, fingerprint: stamp.fingerprint, pipeline: stamp.pipeline,
    builtAt: new Date().toISOString(), articles, files, generation, commonTerms,
  };
}

/** Where a day's articles go: rowids `base`, `base + 1`, … in page and article order. */
export function slotRowid(base: number, position: number): number {
  if (position >= DAY_SLOTS - 1) throw new Error(`more than ${DAY_SLOTS - 1} articles on one day`);
  return base + position;
}

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
  const compact = new MiniSearch<CompactDocument>(compactSearchOptions());
  const writer = new SnapshotWriter(db, compact);
  const BATCH = 1000;

  // 1. Stage every page's articles as they are prepared; keep only the file states in memory.
  const states: FileState[] = [];
  const stage = db.prepare('INSERT INTO staging.staged (file, position, record) VALUES (?, ?, ?)');
  let pending = 0;
  db.exec('BEGIN');
  for (const file of files) {
    file.articles.forEach((article, position) => {
      stage.run(file.file, position, JSON.stringify(article));
    });
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

  writeFileSync(join(building, 'compact.json'), compactJson(compact, generation));
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
