/**
 * Writing the index snapshot under `DATA_DIR/index/`:
 * - `meta.json`: format version, fingerprint of the pages it was built from, build time, counts;
 * - `compact.json`: MiniSearch over the compact fields readers search most (title, kicker,
 *   subtitle, keywords, regions, authors), a few dozen terms per article;
 * - `articles.db`: SQLite with the article records, their regions, and an FTS5 table of the full
 *   text as character bigrams (every body phrase stays findable without holding bodies in memory).
 * The snapshot is written to a temporary folder and renamed into place, so a crash mid-build never
 * leaves a half-written index.
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
export const FORMAT_VERSION = 2;

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

export interface SnapshotMeta extends IndexInfo {
  /** Terms of the compact fields found in very many articles (see COMMON_TERM_SHARE). */
  commonTerms: string[];
}

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
  CREATE TABLE article_regions (
    region TEXT NOT NULL,
    rowid INTEGER NOT NULL REFERENCES articles(rowid),
    rank INTEGER NOT NULL,
    PRIMARY KEY (region, rowid)
  ) WITHOUT ROWID;
  CREATE VIRTUAL TABLE fulltext USING fts5(grams, content='', detail=full);
`;

/** Orders articles oldest page first, so that a larger rowid means a newer article. */
export function byDate(a: Article, b: Article): number {
  return a.date.localeCompare(b.date) || a.file.localeCompare(b.file);
}

/**
 * Writes a complete snapshot of `articles` into `indexDir` (replacing what was there).
 * `onProgress` is called every 1 000 articles (for long builds).
 */
export function writeSnapshot(indexDir: string, articles: Article[], fingerprint: string, onProgress?: (done: number) => void): SnapshotMeta {
  const building = `${indexDir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const sorted = [...articles].sort(byDate);

  const db = new Database(join(building, 'articles.db'));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(SCHEMA);
  const insertArticle = db.prepare('INSERT INTO articles (rowid, id, date, file, kind, title, regions, summary, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertRegion = db.prepare('INSERT OR IGNORE INTO article_regions (region, rowid, rank) VALUES (?, ?, ?)');
  const insertText = db.prepare('INSERT INTO fulltext (rowid, grams) VALUES (?, ?)');

  const compact = new MiniSearch<CompactDocument>(compactSearchOptions());
  const documentFrequency = new Map<string, number>();
  const insertAll = db.transaction((batch: Article[], first: number) => {
    batch.forEach((article, offset) => {
      const rowid = first + offset;
      insertArticle.run(rowid, article.id, article.date, article.file, article.kind, article.title,
        JSON.stringify(article.regions), article.summary, JSON.stringify(article));
      article.regions.forEach((region, rank) => insertRegion.run(region, rowid, rank));
      insertText.run(rowid, fullTextGrams(article));
      const document = compactDocument(rowid, article);
      const terms = new Set<string>();
      for (const field of COMPACT_FIELDS) for (const term of indexTokens(document[field])) terms.add(term);
      for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      compact.add(document);
    });
  });
  const BATCH = 1000;
  for (let i = 0; i < sorted.length; i += BATCH) {
    insertAll(sorted.slice(i, i + BATCH), i + 1);
    onProgress?.(Math.min(i + BATCH, sorted.length));
  }
  db.exec("INSERT INTO fulltext(fulltext) VALUES('optimize')");
  db.close();

  const limit = Math.max(COMMON_TERM_MIN_DOCS, sorted.length * COMMON_TERM_SHARE);
  const meta: SnapshotMeta = {
    formatVersion: FORMAT_VERSION,
    fingerprint,
    builtAt: new Date().toISOString(),
    articles: sorted.length,
    commonTerms: [...documentFrequency].filter(([, count]) => count > limit).map(([term]) => term),
  };
  writeFileSync(join(building, 'compact.json'), JSON.stringify(compact));
  writeFileSync(join(building, 'meta.json'), JSON.stringify(meta, null, 2));

  rmSync(indexDir, { recursive: true, force: true });
  renameSync(building, indexDir);
  return meta;
}
