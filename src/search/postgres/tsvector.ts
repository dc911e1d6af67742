/**
 * tsvector and tsquery values written in Node, in PostgreSQL's literal syntax, from the same jieba
 * tokens and character bigrams the SQLite engine indexes. PostgreSQL's own parser never sees
 * Chinese text, so what is indexed and what is asked are cut by one piece of code.
 */
import type { Article } from '../../pages/article.ts';
import { gramsOf } from '../grams.ts';
import { indexTokens } from '../jieba.ts';
import { fullTextGrams } from '../snapshot.ts';

/**
 * tsvector positions stop at 16383 (PostgreSQL clamps later ones, which breaks phrases there), so
 * an article's tokens past that many are left out: about its first 16 000 characters are
 * searchable. It also keeps every vector far below tsvector's 1 MB limit.
 */
export const MAX_POSITION = 16_383;

/** PostgreSQL's limit on one lexeme. */
const MAX_LEXEME_BYTES = 2048;

type Weight = 'A' | 'B' | 'C' | 'D';

/**
 * Weights of the compact fields, as in the SQLite engine's boosts (title 4, kicker, subtitle and
 * regions 2, keywords 1.5, authors 1), divided by the title's: ts_rank's weight array is
 * `{D, C, B, A}`.
 */
export const WORD_WEIGHTS = [1 / 4, 1.5 / 4, 2 / 4, 1] as const;

/** A lexeme quoted for tsvector/tsquery input: `'` doubled, `\` escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A tsvector literal of tokens in order, each with its position and weight. */
function vectorOf(fields: { tokens: string[]; weight: Weight }[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const { tokens, weight } of fields) {
    for (const token of tokens) {
      if (position === MAX_POSITION) break;
      // PostgreSQL refuses a lexeme of 2 KB or more (a pasted URL or data blob); nobody searches it.
      if (Buffer.byteLength(token) >= MAX_LEXEME_BYTES) continue;
      position++;
      const list = positions.get(token) ?? [];
      list.push(weight === 'D' ? `${position}` : `${position}${weight}`);
      positions.set(token, list);
    }
  }
  return [...positions].map(([token, list]) => `${quoteLexeme(token)}:${list.join(',')}`).join(' ');
}

/** jieba tokens of the fields the SQLite engine keeps in MiniSearch, weighted by field. */
export function wordsVector(article: Article): string {
  // A fragment's label is no headline: it is found through the full text only.
  const title = article.kind === 'fragment' ? '' : article.title;
  return vectorOf([
    { tokens: indexTokens(title), weight: 'A' },
    { tokens: indexTokens([article.kicker, article.subtitle, article.regions.join(' ')].join('\n')), weight: 'B' },
    { tokens: indexTokens(article.keywords.join(' ')), weight: 'C' },
    { tokens: indexTokens(article.authors.join(' ')), weight: 'D' },
  ]);
}

/** Character bigrams of the whole text (headline, body, captions, authors) with positions. */
export function gramsVector(article: Article): string {
  const grams = fullTextGrams(article);
  return vectorOf([{ tokens: grams ? grams.split(' ') : [], weight: 'D' }]);
}

/** A query term as a compact-field tsquery: a prefix match from two characters on, as in MiniSearch. */
export function wordQuery(term: string): string {
  return [...term].length >= 2 ? `${quoteLexeme(term)}:*` : quoteLexeme(term);
}

/**
 * A query term as a phrase of bigrams; a single Chinese character matches any bigram starting
 * with it (single characters are not indexed). Undefined when the term has no searchable text
 * (a word too long to be indexed is none).
 */
export function gramQuery(term: string): string | undefined {
  const grams = gramsOf(term).filter((gram) => Buffer.byteLength(gram) < MAX_LEXEME_BYTES);
  if (grams.length === 0) return undefined;
  if (grams.length === 1 && [...grams[0]].length === 1 && /[\u3400-\u9fff]/.test(grams[0])) return `${quoteLexeme(grams[0])}:*`;
  return grams.map(quoteLexeme).join(' <-> ');
}

/** Several tsqueries that must all match. */
export function allOf(queries: string[]): string {
  return queries.map((q) => `(${q})`).join(' & ');
}

/** Several tsqueries of which one must match. */
export function anyOf(queries: string[]): string {
  return queries.map((q) => `(${q})`).join(' | ');
}
