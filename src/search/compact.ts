/**
 * The compact fields readers search most (title, kicker, subtitle, keywords, regions, authors) as
 * index tokens. Documents arrive already cut (`TokenizedDocument`), so that cutting happens once
 * per article — in a build worker, or in the updater — and never while a reader loads: a reader
 * needs no segmenter until its first query. Their postings live in articles.db
 * (./compact-postings.ts), so nothing of them is held in memory.
 */
import type { Article } from '../pages/article.ts';
import { indexTokensOfEach } from './jieba.ts';

/**
 * The compact fields, in the order of their field numbers in compact_postings. The summary is
 * left out on purpose: it is body text, found through the full-text table anyway.
 */
export const COMPACT_FIELDS = ['title', 'kicker', 'subtitle', 'keywords', 'regions', 'authors'] as const;
export type CompactField = (typeof COMPACT_FIELDS)[number];

/** One article as the compact index sees it: its rowid and each field's index tokens. */
export type TokenizedDocument = { rowid: number } & Record<CompactField, string[]>;

/** Where the compact index's writers (the build, the update) put documents. */
export interface CompactSink {
  add(document: TokenizedDocument): void;
  remove(document: TokenizedDocument): void;
}

/** Never part of an index token (format 5 joined a field's tokens with it; tokens stay as they were). */
const SEPARATOR = '\u0000';

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
