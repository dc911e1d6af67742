/** A result row as both engines hand it out: the stored fields, the relevance and the matched words. */
import type { SearchHit } from './engine.ts';

/** The stored fields of a result (regions already parsed). */
export type StoredHit = Pick<SearchHit, 'id' | 'title' | 'kind' | 'regions' | 'summary' | 'date' | 'file'>;

/** A search hit from its stored fields; scores are rounded so both engines report them alike. */
export function searchHit(row: StoredHit, score: number, matched: Iterable<string>): SearchHit {
  const { id, title, kind, regions, summary, date, file } = row;
  return { id, title, kind, regions, summary, date, file, score: Math.round(score * 1000) / 1000, matched: [...matched] };
}
