/** The start of every engine's search: what a query's terms are. */
import type { SearchHit, SearchOptions } from './engine.ts';
import { queryWords } from './jieba.ts';
import { normaliseForSearch } from './normalize.ts';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from './query-parse.ts';

/**
 * What every engine's search starts from: paging, the query's terms (jieba's cut of the query,
 * then the quoted phrases, which are terms of their own and never cut), the words as typed that
 * jieba cut into several terms (see {@link cutWords}) and the empty result.
 */
export function searchTerms(query: string, options: SearchOptions) {
  const limit = Math.max(1, options.limit ?? 10);
  const offset = Math.max(0, options.offset ?? 0);
  const phraseTerms = (options.phrases ?? []).map((p) => normaliseForSearch(p).replace(/\s+/g, '')).filter(Boolean);
  const typed = query.slice(0, MAX_QUERY_LENGTH);
  const terms = [...new Set([...queryWords(typed), ...phraseTerms])].slice(0, MAX_QUERY_WORDS);
  const asTyped = cutWords(typed, terms);
  return { limit, offset, phraseTerms, terms, asTyped, empty: { query, terms, total: 0, capped: false, hits: [] as SearchHit[] } };
}

/**
 * The words of a query as the reader typed them (between spaces) that are not terms themselves:
 * jieba cut them (榆树湾 → 榆树 + 湾, 十村蹲点 → 十村 + 蹲点). An article holding such a word as
 * written ranks before one holding only its pieces, apart or in another order.
 */
export function cutWords(query: string, terms: readonly string[]): string[] {
  const words = normaliseForSearch(query)
    .split(/\s+/)
    .map((w) => w.replace(/["“”'‘’]/g, ''))
    .filter((w) => [...w].length >= 2 && !terms.includes(w));
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}
