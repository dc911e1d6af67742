/**
 * The compact index: MiniSearch over the fields readers search most (title, kicker, subtitle,
 * keywords, regions, authors), held in memory. Its documents arrive already cut into index tokens
 * (`TokenizedDocument`), so that cutting happens once per article — in a build worker, or in the
 * updater — and never while a reader loads or applies changes: a reader needs no segmenter until
 * its first query, and jieba's dictionaries can load beside the snapshot (see ./warm-up.ts).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import MiniSearch from 'minisearch';
import type { Article } from '../pages/article.ts';
import { indexTokensOfEach } from './jieba.ts';

/**
 * Fields MiniSearch holds in memory. The summary is left out on purpose: it is body text (found
 * through the full-text table anyway) and would double the in-memory index and its load time.
 */
export const COMPACT_FIELDS = ['title', 'kicker', 'subtitle', 'keywords', 'regions', 'authors'] as const;
export type CompactField = (typeof COMPACT_FIELDS)[number];

/** One article as the compact index sees it: its rowid and each field's index tokens. */
export type TokenizedDocument = { rowid: number } & Record<CompactField, string[]>;

/** The compact index in memory. */
export type CompactIndex = MiniSearch<TokenizedDocument>;

/** What a MiniSearch of tokenized documents is to its writers (the build, the update, the delta). */
export interface CompactSink {
  add(document: TokenizedDocument): void;
  remove(document: TokenizedDocument): void;
}

/** Joins a field's tokens for MiniSearch's string pipeline; no index token contains it. */
const SEPARATOR = '\u0000';

/**
 * The MiniSearch options used both when building and when loading (they must match). Fields are
 * token lists: joined by `stringifyField` and split again by `tokenize`, so MiniSearch indexes
 * exactly the tokens it was given. Queries pass their own `tokenize` (see ./article-index.ts).
 */
export function compactSearchOptions() {
  return {
    idField: 'rowid',
    fields: [...COMPACT_FIELDS],
    storeFields: [] as string[],
    extractField: (document: TokenizedDocument, field: string) => (document as unknown as Record<string, unknown>)[field],
    stringifyField: (tokens: string[]) => tokens.join(SEPARATOR),
    tokenize: (text: string) => (text === '' ? [] : text.split(SEPARATOR)),
    // Tokens arrive normalised from jieba.ts; MiniSearch's default would lower-case again.
    processTerm: (term: string) => term,
  };
}

/** A compact index with no documents yet. */
export function emptyCompact(): CompactIndex {
  return new MiniSearch<TokenizedDocument>(compactSearchOptions());
}

/** The field texts of an article for the compact index. */
function compactTexts(article: Article): Record<CompactField, string> {
  return {
    // A fragment's label is not a headline: search it as body only.
    title: article.kind === 'fragment' ? '' : article.title,
    kicker: article.kicker,
    subtitle: article.subtitle,
    keywords: article.keywords.join(' '),
    regions: article.regions.join(' '),
    authors: article.authors.join(' '),
  };
}

/** Cuts an article's compact fields into index tokens (needs jieba). */
export function tokenizedDocument(rowid: number, article: Article): TokenizedDocument {
  return atRowid(tokenizedDocuments([article])[0], rowid);
}

/**
 * tokenizedDocument of each article at rowid 0 (see atRowid), in one call to the segmenter: a
 * page's articles together.
 */
export function tokenizedDocuments(articles: readonly Article[]): TokenizedDocument[] {
  const texts = articles.flatMap((article) => {
    const fields = compactTexts(article);
    return COMPACT_FIELDS.map((field) => fields[field]);
  });
  const tokens = indexTokensOfEach(texts);
  return articles.map((_, index) => {
    const document = { rowid: 0 } as TokenizedDocument;
    COMPACT_FIELDS.forEach((field, f) => {
      document[field] = tokens[index * COMPACT_FIELDS.length + f].map((token) => token.replaceAll(SEPARATOR, '')).filter(Boolean);
    });
    return document;
  });
}

/** The same document at another rowid (an article that moves slot keeps its tokens). */
export function atRowid(document: TokenizedDocument, rowid: number): TokenizedDocument {
  return { ...document, rowid };
}

/** The distinct terms a document contributes (for the document-frequency counts). */
export function compactTerms(document: TokenizedDocument): Set<string> {
  const terms = new Set<string>();
  for (const field of COMPACT_FIELDS) for (const term of document[field]) terms.add(term);
  return terms;
}

/** compact.json: MiniSearch's own JSON plus the generation (MiniSearch ignores the extra field). */
export function compactJson(compact: CompactIndex, generation: number): string {
  return JSON.stringify({ ...compact.toJSON(), generation });
}

/** Index terms serialised per write by writeCompactJson. */
const TERMS_PER_WRITE = 2000;

/**
 * Writes exactly the text of compactJson to `path`, without ever holding it whole: at 100 000
 * articles it is about 30 MB (twice that as a JavaScript string, and again as the bytes written)
 * on top of MiniSearch and its toJSON copy, at the full build's memory peak. The index's terms go
 * out a slice at a time (JSON.stringify of an array is its elements' texts joined by commas).
 */
export function writeCompactJson(path: string, compact: CompactIndex, generation: number): void {
  const json: Record<string, unknown> = { ...compact.toJSON(), generation };
  const fd = openSync(path, 'w');
  try {
    const put = (text: string) => writeSync(fd, text);
    let separator = '{';
    for (const [key, value] of Object.entries(json)) {
      if (value === undefined) continue; // as JSON.stringify leaves it out
      put(`${separator}${JSON.stringify(key)}:`);
      separator = ',';
      if (Array.isArray(value)) {
        put('[');
        for (let i = 0; i < value.length; i += TERMS_PER_WRITE) {
          put(
            `${i === 0 ? '' : ','}${value
              .slice(i, i + TERMS_PER_WRITE)
              .map((entry) => JSON.stringify(entry) ?? 'null')
              .join(',')}`,
          );
        }
        put(']');
      } else {
        put(JSON.stringify(value));
      }
    }
    put(separator === '{' ? '{}' : '}');
  } finally {
    closeSync(fd);
  }
}

type CompactJs = Parameters<typeof MiniSearch.loadJS>[0] & { generation?: number };

/** Parses compact.json; returns the index and the generation it was written at. */
export function parseCompact(json: string): { compact: CompactIndex; generation: number | undefined } {
  const js = JSON.parse(json) as CompactJs;
  return { compact: MiniSearch.loadJS<TokenizedDocument>(js, compactSearchOptions()), generation: js.generation };
}

/** {@link parseCompact} with MiniSearch loading in slices (it yields to the event loop every 1 000 terms). */
export async function parseCompactAsync(json: string): Promise<{ compact: CompactIndex; generation: number | undefined }> {
  const js = JSON.parse(json) as CompactJs;
  return { compact: await MiniSearch.loadJSAsync<TokenizedDocument>(js, compactSearchOptions()), generation: js.generation };
}
