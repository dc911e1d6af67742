/** The start of every engine's search: what a query's terms are. */
import type { SearchHit, SearchOptions } from './engine.ts';
import { queryWords } from './jieba.ts';
import { normaliseForSearch } from './normalize.ts';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from './query-parse.ts';

/**
 * What every engine's search starts from: paging, the query's terms (jieba's cut of the query,
 * then the quoted phrases, which are terms of their own and never cut) and the empty result.
 */
export function searchTerms(query: string, options: SearchOptions) {
  const limit = Math.max(1, options.limit ?? 10);
  const offset = Math.max(0, options.offset ?? 0);
  const phraseTerms = (options.phrases ?? []).map((p) => normaliseForSearch(p).replace(/\s+/g, '')).filter(Boolean);
  const terms = [...new Set([...queryWords(query.slice(0, MAX_QUERY_LENGTH)), ...phraseTerms])].slice(0, MAX_QUERY_WORDS);
  return { limit, offset, phraseTerms, terms, empty: { query, terms, total: 0, capped: false, hits: [] as SearchHit[] } };
}
