/**
 * Ranked search over PostgreSQL, on the SQLite engine's principles (../article-index.ts):
 * articles holding every query word first, then partial matches; within a group, compact-field
 * relevance (title weighs most, prefix matches, a place word matched through the region tags)
 * plus full-text rank; newest first on ties. Every lookup is bounded (./newest.ts). Filters (date
 * range, regions) are part of each lookup, so the bound counts only articles that may be shown.
 */
import type pg from 'pg';
import { REGION_MATCH } from '../candidates.ts';
import { MATCH_CAP } from '../snapshot-rows.ts';
import { type FullTextPart, searchTerms } from '../search-terms.ts';
import type { SearchOptions, SearchResult } from '../engine.ts';
import { normaliseForSearch } from '../normalize.ts';
import { placesAmong } from '../query-parse.ts';
import { beforeRelevance } from '../candidates.ts';
import { COMMON_MATCH_SHARE, COMMON_PROBE } from '../snapshot-rows.ts';
import { newestByGrams, newestMatching, Params, seqSpan, type SeqSpan } from './newest.ts';
import { type Candidate, hitsFor, score, unscored } from './rows.ts';
import { allOf, anyOf, gramQuery, WORD_WEIGHTS, wordQuery } from './tsvector.ts';

/**
 * Full-text rank: cover density (ts_rank_cd) divided by the document length (normalisation 2),
 * the two things BM25 weighs in the SQLite engine, folded into 0…1 as rank / (rank + HALF): a
 * rank of HALF scores 0.5. HALF is about the rank of one phrase match in a typical article.
 */
const FULL_TEXT_HALF = 0.001;

/** The search's filters as SQL over `articles`, with their parameters added to `params`. */
function filterSql(options: SearchOptions, params: Params): string {
  const parts: string[] = [];
  if (options.from !== undefined || options.to !== undefined) {
    parts.push(`date BETWEEN ${params.add(options.from ?? '0000-00-00')} AND ${params.add(options.to ?? '9999-99-99')}`);
  }
  if (options.regions?.length) parts.push(`regions && ${params.add(options.regions)}::text[]`);
  return parts.length ? ` AND ${parts.join(' AND ')}` : '';
}

interface Lookup {
  db: pg.Pool;
  span: SeqSpan;
  /** Full-text matches come newest first from the RUM index (./newest.ts newestByGrams). */
  orderedGrams: boolean;
  options: SearchOptions;
  candidate(id: string, seq: string): Candidate;
  capped: boolean;
}

/**
 * Newest full-text matches: for a part made only of common words through the RUM index where
 * there is one, else in windows of time over the GIN index. The RUM index walks its posting lists
 * in `seq` order and stops at the cap, which is quick where matches are dense (a common word's
 * newest 1 000 in a few hundred index pages, against reading each match's vector to check it);
 * where they are sparse it walks the common bigrams' long lists to find a few (measured at 10 000
 * articles: 46 000 pages for one such query against 4 000 through the windows).
 */
function fullTextMatches<Row extends { seq: string }>(
  lookup: Lookup,
  dense: boolean,
  select: string,
  where: string,
  params: Params,
  cap: number,
) {
  const newest = dense && lookup.orderedGrams ? newestByGrams : newestMatching;
  return newest<Row>(lookup.db, lookup.span, select, where, params, cap);
}

/**
 * True when a phrase's newest COMMON_PROBE matches are at least COMMON_MATCH_SHARE of the articles
 * published since the oldest of them: the SQLite engine's bound (../snapshot-rows.ts isCommon).
 * Such a word's inverse document frequency is near zero, so ranking its matches by the full text
 * buys almost nothing, while ts_rank_cd reads every matching article's bigram vector (about 12 KB,
 * compressed) to score it. Filters are left out, as in the SQLite engine: the share is the word's.
 */
async function isCommon(lookup: Lookup, query: string): Promise<boolean> {
  const params = new Params();
  const where = `grams @@ ${params.add(query)}::tsquery`;
  const { rows } = await fullTextMatches<{ seq: string }>(lookup, false, 'id', where, params, COMMON_PROBE);
  if (rows.length < COMMON_PROBE) return false;
  const bound = Math.ceil(COMMON_PROBE / COMMON_MATCH_SHARE);
  const { rows: since } = await lookup.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM (SELECT 1 FROM articles WHERE seq >= $1 LIMIT $2) AS newer',
    [rows[rows.length - 1].seq, bound],
  );
  return since[0].n < bound;
}

/** One full-text lookup: `query` over the bigram vectors, its matches credited with `terms`. */
async function addFullText(
  lookup: Lookup,
  part: { query: string; terms: string[]; scored: boolean; dense: boolean },
): Promise<{ capped: boolean }> {
  const params = new Params();
  const q = params.add(part.query);
  const rank = part.scored ? `ts_rank_cd(grams, ${q}::tsquery, 2)` : '0';
  const where = `grams @@ ${q}::tsquery${filterSql(lookup.options, params)}`;
  const select = `id, ${rank} AS rank`;
  const { rows, capped } = await fullTextMatches<{ seq: string; id: string; rank: number }>(
    lookup,
    part.dense,
    select,
    where,
    params,
    MATCH_CAP,
  );
  lookup.capped ||= capped;
  for (const row of rows) {
    const found = lookup.candidate(row.id, row.seq);
    for (const term of part.terms) found.matched.add(term);
    found.fullTextScore = Math.max(found.fullTextScore, row.rank / (row.rank + FULL_TEXT_HALF));
  }
  return { capped };
}

/**
 * Full text: all words together (ranked), then each word alone (partial matches, unranked). As in
 * the SQLite engine (../article-index.ts matchFullText): when the words together already fill
 * MATCH_CAP, a word alone would add only partial matches, which rank after all of those, so it is
 * not looked up, except a word beside a place word (with the place's region rows it completes
 * articles about the place that do not name it).
 */
async function matchFullText(lookup: Lookup, parts: FullTextPart[], placeWords: Set<string>): Promise<void> {
  const phrases = parts.flatMap((part) => {
    const queries = part.texts.flatMap((text) => gramQuery(text) ?? []);
    if (queries.length === 0) return [];
    return [{ terms: part.terms, query: queries.length === 1 ? queries[0] : anyOf(queries) }];
  });
  if (phrases.length === 0) return;
  // As in the SQLite engine, a query holding a common word is not ranked by the full text.
  const common = await Promise.all(phrases.map((p) => isCommon(lookup, p.query)));
  const whole = await addFullText(lookup, {
    query: allOf(phrases.map((p) => p.query)),
    terms: phrases.flatMap((p) => p.terms),
    scored: !common.includes(true),
    dense: !common.includes(false),
  });
  if (phrases.length === 1) return;
  const alone = whole.capped ? phrases.filter((p) => placeWords.size > 0 && !p.terms.some((term) => placeWords.has(term))) : phrases;
  await Promise.all(
    alone.map((p) => addFullText(lookup, { query: p.query, terms: p.terms, scored: false, dense: common[phrases.indexOf(p)] })),
  );
}

/**
 * The query's place words and the region each names. The tagger lists a county with its
 * prefecture, so the place's own name covers the places under it; the province is no filter.
 */
function placesOf(terms: string[]): Map<string, string> {
  return new Map(placesAmong(terms).map((place) => [place.word, place.name]));
}

/** Place words: an article about the place matches the word even where its text names only a county. */
async function matchPlaces(lookup: Lookup, places: Map<string, string>): Promise<void> {
  await Promise.all(
    [...places].map(async ([term, name]) => {
      const params = new Params();
      const where = `regions @> ARRAY[${params.add(name)}::text]${filterSql(lookup.options, params)}`;
      const { rows, capped } = await newestMatching<{ seq: string; id: string }>(lookup.db, lookup.span, 'id', where, params, MATCH_CAP);
      lookup.capped ||= capped;
      for (const row of rows) {
        const found = lookup.candidate(row.id, row.seq);
        found.matched.add(term);
        found.compactScore += REGION_MATCH;
      }
    }),
  );
}

/** Compact fields (headline, kicker, keywords, regions, authors): prefix matches, weighted by field. */
async function matchWords(lookup: Lookup, terms: string[]): Promise<void> {
  if (terms.length === 0) return;
  const params = new Params();
  const any = params.add(anyOf(terms.map(wordQuery)));
  const each = terms.map((term) => `words @@ ${params.add(wordQuery(term))}::tsquery`);
  const select = `id, ts_rank(${params.add(WORD_WEIGHTS)}::float4[], words, ${any}::tsquery) AS rank, ARRAY[${each.join(', ')}] AS hits`;
  const where = `words @@ ${any}::tsquery${filterSql(lookup.options, params)}`;
  const { rows, capped } = await newestMatching<{ seq: string; id: string; rank: number; hits: boolean[] }>(
    lookup.db,
    lookup.span,
    select,
    where,
    params,
    MATCH_CAP,
  );
  lookup.capped ||= capped;
  const top = Math.max(...rows.map((row) => row.rank), Number.MIN_VALUE);
  for (const row of rows) {
    const found = lookup.candidate(row.id, row.seq);
    for (const [i, hit] of row.hits.entries()) if (hit) found.matched.add(terms[i]);
    found.compactScore += row.rank / top;
  }
}

/** Ids among `ids` whose text holds one of `words` (exact: an exclusion has no bound). */
async function idsContaining(db: pg.Pool, ids: string[], words: string[]): Promise<Set<string>> {
  const queries = words.flatMap((word) => gramQuery(normaliseForSearch(word)) ?? []);
  if (queries.length === 0 || ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1) AND grams @@ $2::tsquery', [
    ids,
    anyOf(queries),
  ]);
  return new Set(rows.map((row) => row.id));
}

/**
 * Marks what ranks before relevance (see beforeRelevance): the fragments among the candidates,
 * and how many of the query's cut words (`asTyped`) each one's text holds as written.
 */
async function markRanking(db: pg.Pool, candidates: Candidate[], asTyped: string[]): Promise<void> {
  if (candidates.length === 0) return;
  const params = new Params();
  const ids = params.add(candidates.map((c) => c.id));
  const typed = asTyped.flatMap((word) => gramQuery(word) ?? []).map((q) => `grams @@ ${params.add(q)}::tsquery`);
  const { rows } = await db.query<{ id: string; untitled: boolean; typed: boolean[] }>(
    `SELECT id, kind = 'fragment' AS untitled, ARRAY[${['false', ...typed].join(', ')}] AS typed FROM articles WHERE id = ANY(${ids})`,
    params.values,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const c of candidates) {
    const row = byId.get(c.id);
    c.untitled = row?.untitled ?? false;
    c.asTyped = row ? row.typed.filter(Boolean).length : 0;
  }
}

export async function searchArticles(db: pg.Pool, query: string, options: SearchOptions = {}, orderedGrams = false): Promise<SearchResult> {
  const { limit, offset, phraseTerms, terms, fullText, asTyped, empty } = searchTerms(query, options);
  if (terms.length === 0) return { ...empty, noKeywords: true };
  const span = await seqSpan(db);
  if (!span) return { ...empty, noKeywords: false };

  const candidates = new Map<string, Candidate>();
  const lookup: Lookup = {
    db,
    span,
    orderedGrams,
    options,
    capped: false,
    candidate(id, seq) {
      let found = candidates.get(id);
      if (!found) {
        found = unscored(id, seq);
        candidates.set(id, found);
      }
      return found;
    },
  };
  // Independent lookups, run at once on the pool's connections.
  const places = placesOf(terms);
  await Promise.all([
    matchFullText(lookup, fullText, new Set(places.keys())),
    matchPlaces(lookup, places),
    matchWords(
      lookup,
      terms.filter((term) => !places.has(term)),
    ),
  ]);

  // Every phrase is required; excluded words remove an article whatever else it matches.
  const excluded = await idsContaining(db, [...candidates.keys()], options.exclude ?? []);
  const kept = [...candidates.values()].filter((c) => !excluded.has(c.id) && phraseTerms.every((p) => c.matched.has(p)));
  if (options.order !== 'date') await markRanking(db, kept, asTyped);
  kept.sort(
    options.order === 'date'
      ? (a, b) => b.matched.size - a.matched.size || b.seq - a.seq
      : (a, b) => beforeRelevance(a, b) || score(b) - score(a) || b.seq - a.seq,
  );
  const page = kept.slice(offset, offset + limit);
  // Lookups ran at once: give the matched words in query order, whatever finished first.
  for (const c of page) c.matched = new Set(terms.filter((term) => c.matched.has(term)));
  const hits = await hitsFor(db, page);
  return { ...empty, noKeywords: false, total: kept.length, capped: lookup.capped, hits };
}
