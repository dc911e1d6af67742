/**
 * Writing the index snapshot under `DATA_DIR/index/`:
 * - `meta.json`: format version, fingerprint of the pages it was built from, build time, counts;
 * - `articles.db`: SQLite with the article records, their regions, the postings of the compact
 *   fields readers search most (title, kicker, subtitle, keywords, regions, authors: see
 *   ./compact-postings.ts), and an FTS5 table of the full text as character bigrams (every body
 *   phrase stays findable without holding bodies in memory).
 * A full build writes a temporary folder and renames it into place, so a crash mid-build never
 * leaves a half-written index; an update (./update.ts) changes articles.db in one transaction and
 * replaces meta.json by a rename. Both share the writer below.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Article } from '../pages/article.ts';
import { atRowid, compactTerms, type TokenizedDocument, tokenizedDocument, tokenizedDocuments } from './compact.ts';
import type { IndexInfo } from './engine.ts';
import { gramsOf } from './grams.ts';
import { normaliseForSearch } from './normalize.ts';
import { POSTINGS_TABLE, PostingsWriter } from './compact-postings.ts';

/** Bump when the snapshot layout or the article pipeline changes meaning. */
export const FORMAT_VERSION = 6;

/**
 * A term in more than this share of articles is "common": the compact pass would score every one
 * of its articles, so it is left to the bounded full-text pass, which ranks only its
 * newest matches.
 */
export const COMMON_TERM_SHARE = 0.005;
/** …but only once the archive is big enough for that to matter. */
export const COMMON_TERM_MIN_DOCS = 500;

/** The full text of an article as FTS5 tokens (normalised character bigrams). */
export function fullTextGrams(article: Article): string {
  const text = [article.title, article.kicker, article.subtitle, ...article.body, ...article.captions, article.authors.join(' ')].join(
    '\n',
  );
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
 * `compact_postings` is the compact index (format 6; see ./compact-postings.ts). `files` is the per-file state an update compares the pages folder with; it lives in the same
 * database as the articles so that both change in one transaction. `term_df` counts, per term of
 * the compact fields, the articles containing it (for `commonTerms`); `state` holds the snapshot's
 * generation, which meta.json repeats so that a mismatch (a crash between their writes) is
 * detected, and the compact index's totals. `articles_fragments` lists the fragments alone, so that ranking can tell
 * them from titled articles without reading the candidates' whole rows (format 5).
 */
/** Lists the fragments alone (format 5); also what upgrades a format-4 snapshot in place (snapshot-upgrade.ts). */
export const FRAGMENTS_INDEX = "CREATE INDEX IF NOT EXISTS articles_fragments ON articles(kind) WHERE kind = 'fragment'";

export const SCHEMA = `
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
  ${FRAGMENTS_INDEX};
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
  ${POSTINGS_TABLE};
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
  /** Incremented by every write; articles.db and meta.json carry the same one. */
  generation: number;
}

/**
 * What an article adds to the index besides its record: its full-text bigrams and its compact
 * tokens (at no particular rowid). Deriving them is most of a build's work, so build workers do it.
 */
export interface IndexedForm {
  grams: string;
  document: TokenizedDocument;
}

/** Derives an article's indexed form (needs jieba). */
export function indexedForm(article: Article): IndexedForm {
  return indexedForms([article])[0];
}

/** The indexed forms of a page's articles, with one call to the segmenter. */
export function indexedForms(articles: readonly Article[]): IndexedForm[] {
  const documents = tokenizedDocuments(articles);
  return articles.map((article, index) => ({ grams: fullTextGrams(article), document: documents[index] }));
}

/**
 * Inserts and deletes articles in every table at once: the records, regions, full text, compact
 * postings and document-frequency counts. The caller owns transactions.
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

  constructor(
    readonly db: Database.Database,
    /** Where the compact postings go (a full build stages them unordered: see ./full-build.ts). */
    readonly compact = new PostingsWriter(db),
  ) {
    this.insertArticle = db.prepare(
      'INSERT INTO articles (rowid, id, date, file, kind, title, regions, summary, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertRegion = db.prepare('INSERT OR IGNORE INTO article_regions (region, rowid, rank) VALUES (?, ?, ?)');
    this.insertText = db.prepare('INSERT INTO fulltext (rowid, grams) VALUES (?, ?)');
    this.deleteArticle = db.prepare('DELETE FROM articles WHERE rowid = ?');
    this.deleteRegion = db.prepare('DELETE FROM article_regions WHERE region = ? AND rowid = ?');
    this.deleteText = db.prepare("INSERT INTO fulltext (fulltext, rowid, grams) VALUES ('delete', ?, ?)");
  }

  /** Inserts an article at `rowid`; `indexed` is its indexed form when already derived. */
  insert(rowid: number, article: Article, record = JSON.stringify(article), indexed = indexedForm(article)): void {
    this.insertArticle.run(
      rowid,
      article.id,
      article.date,
      article.file,
      article.kind,
      article.title,
      JSON.stringify(article.regions),
      article.summary,
      record,
    );
    article.regions.forEach((region, rank) => {
      this.insertRegion.run(region, rowid, rank);
    });
    this.insertText.run(rowid, indexed.grams);
    const document = atRowid(indexed.document, rowid);
    for (const term of compactTerms(document)) this.termDelta.set(term, (this.termDelta.get(term) ?? 0) + 1);
    this.compact.add(document);
  }

  /** Removes the article stored at `rowid` (its stored record says which regions and terms to drop). */
  delete(rowid: number, article: Article): void {
    for (const region of article.regions) this.deleteRegion.run(region, rowid);
    this.deleteText.run(rowid, fullTextGrams(article));
    this.deleteArticle.run(rowid);
    const document = tokenizedDocument(rowid, article);
    for (const term of compactTerms(document)) this.termDelta.set(term, (this.termDelta.get(term) ?? 0) - 1);
    // The document re-derived from the record has the indexed tokens, for the reason given for `fulltext`.
    this.compact.remove(document);
  }

  /** Writes the pending document-frequency and compact-total changes (inside the caller's transaction). */
  flushTermCounts(): void {
    this.compact.flushTotals();
    const add = this.db.prepare('INSERT INTO term_df (term, n) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n');
    // Only terms that lost articles can reach zero: no scan of the whole table per update.
    const forget = this.db.prepare('DELETE FROM term_df WHERE term = ? AND n <= 0');
    for (const [term, delta] of this.termDelta) {
      if (delta !== 0) add.run(term, delta);
      if (delta < 0) forget.run(term);
    }
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

/** Writes `content` to `path` through a temporary file and a rename, so readers see old or new, never half. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

export function metaOf(stamp: SnapshotStamp, articles: number, files: number, generation: number, commonTerms: string[]): SnapshotMeta {
  return {
    formatVersion: FORMAT_VERSION,
    fingerprint: stamp.fingerprint,
    pipeline: stamp.pipeline,
    builtAt: new Date().toISOString(),
    articles,
    files,
    generation,
    commonTerms,
  };
}

/** Where a day's articles go: rowids `base`, `base + 1`, … in page and article order. */
export function slotRowid(base: number, position: number): number {
  if (position >= DAY_SLOTS - 1) throw new Error(`more than ${DAY_SLOTS - 1} articles on one day`);
  return base + position;
}
