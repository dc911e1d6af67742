/** The start of every engine's search: what a query's terms are. */
import type { SearchHit, SearchOptions } from './engine.ts';
import { queryCut } from './jieba.ts';
import { normaliseForSearch } from './normalize.ts';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from './query-parse.ts';

/**
 * One lookup of the full text: an article matches when its text holds any of `texts` (each as the
 * phrase of its bigrams); its matches are credited with `terms`.
 */
export interface FullTextPart {
  texts: string[];
  terms: string[];
}

/**
 * What every engine's search starts from: paging, the query's terms (jieba's cut of the query,
 * then the quoted phrases, which are terms of their own and never cut), what the full text looks
 * up for them (see {@link fullTextParts}), the words as typed that jieba cut into several terms
 * (see {@link cutWords}) and the empty result.
 */
export function searchTerms(query: string, options: SearchOptions) {
  const limit = Math.max(1, options.limit ?? 10);
  const offset = Math.max(0, options.offset ?? 0);
  const phraseTerms = (options.phrases ?? []).map((p) => normaliseForSearch(p).replace(/\s+/g, '')).filter(Boolean);
  const typed = query.slice(0, MAX_QUERY_LENGTH);
  const cut = queryCut(typed);
  const terms = [...new Set([...cut.words, ...phraseTerms])].slice(0, MAX_QUERY_WORDS);
  const fullText = fullTextParts(cut.text, cut.pieces, terms, phraseTerms);
  const asTyped = cutWords(typed, terms);
  return {
    limit,
    offset,
    phraseTerms,
    terms,
    fullText,
    asTyped,
    empty: { query, terms, total: 0, capped: false, hits: [] as SearchHit[] },
  };
}

/** A Chinese character, as the full text's bigrams read them (./grams.ts). */
const HAN = /^[\u3400-\u9fff\uf900-\ufaff]$/;

/**
 * What the full text looks up for each term: the term itself, except a single character jieba cut
 * out of a longer run of Chinese (乡从 → 乡 + 从, 道县 → 道 + 县, 大通湖 → 大通 + 湖). The full text
 * holds bigrams, so a character alone can only be looked up as a prefix: every bigram it starts,
 * which in a large archive is most of it, merged in full before the first match comes back (at
 * 1 000 000 articles 0.2 s for one query), and mostly text that has nothing to do with the query.
 * Such a character is looked up with the characters typed beside it instead (乡从, 道县, 通湖: a
 * character in the middle of a run with both of its neighbours), which is what the reader asked
 * for. A character typed as a word of its own, or in quotes, is still looked up as a prefix.
 * Terms looked up by the same texts share one part (道 and 县 of 道县).
 *
 * `text` is the normalised query and `pieces` every piece the segmenter cut it into, in order.
 */
export function fullTextParts(
  text: string,
  pieces: readonly string[],
  terms: readonly string[],
  phraseTerms: readonly string[],
): FullTextPart[] {
  const beside = new Map<string, Set<string>>();
  const typedAlone = new Set<string>(phraseTerms);
  let at = 0;
  for (const piece of pieces) {
    const start = piece === '' ? -1 : text.indexOf(piece, at);
    if (start < 0) continue;
    at = start + piece.length;
    if (!HAN.test(piece)) continue;
    const from = start > 0 && HAN.test(text[start - 1]) ? start - 1 : start;
    const to = HAN.test(text[start + 1] ?? '') ? start + 2 : start + 1;
    if (to - from === 1) typedAlone.add(piece);
    else beside.set(piece, (beside.get(piece) ?? new Set()).add(text.slice(from, to)));
  }
  const parts = new Map<string, FullTextPart>();
  for (const term of terms) {
    const texts = !typedAlone.has(term) && beside.has(term) ? [...(beside.get(term) ?? [])] : [term];
    const key = texts.join(' ');
    const part = parts.get(key);
    if (part) part.terms.push(term);
    else parts.set(key, { texts, terms: [term] });
  }
  return [...parts.values()];
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
