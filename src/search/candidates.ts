/**
 * The articles one search has found so far, with what each matched and how well: the full-text
 * pass, the place pass and the compact-field pass of ./article-index.ts add to it, then it ranks.
 * Articles containing every query word come before partial matches; within a group, those holding
 * the words as typed (see cutWords in ./search-terms.ts), then titled articles before fragments,
 * then relevance (see {@link Candidates.score}), then the newest first.
 */

/** Relevance an article gains from being about a place the query names (a strong title match is 1). */
export const REGION_MATCH = 0.5;

/** One article a search found. */
export interface Candidate {
  rowid: number;
  /** The query words it matched (possibly a set shared with other candidates: never changed in place). */
  matched: ReadonlySet<string>;
  compactScore: number;
  fullTextScore: number;
  /** How many of the query's cut words the article holds as typed. */
  asTyped?: number;
  /** True for a fragment (text whose headline the page did not print). */
  untitled?: boolean;
  /** A full-text match whose BM25 was not computed yet: its relevance lies below score + 1 (see unsettled). */
  unscored?: boolean;
}

/** The matched words of a candidate that matched none yet. */
const NONE: ReadonlySet<string> = new Set();

/** The candidates of one search, limited to `allowed` rows when given (region and date filters). */
export class Candidates {
  private readonly found = new Map<number, Candidate>();
  /**
   * One set per words array a pass hands in (a pass gives every one of its rows the same array),
   * shared by the candidates that matched just those words: a set of their own for each of 1 000–2 000
   * candidates cost 0.3–0.5 ms a query at 100 000 articles.
   */
  private readonly shared = new Map<readonly string[], ReadonlySet<string>>();
  /** The sets made for one candidate alone, which may grow in place. */
  private readonly own = new WeakSet<ReadonlySet<string>>();
  /** True when some pass stopped at its bound (the totals are then lower bounds). */
  capped = false;

  constructor(readonly allowed: Set<number> | undefined) {}

  /**
   * Relevance within a group of equally complete matches. Fragments have no title in the compact
   * fields, but a short one can outscore a long article through its keywords: they are ordered
   * after titled articles before relevance counts (as in lists by region).
   */
  static score(c: Candidate): number {
    return c.compactScore * 2 + c.fullTextScore;
  }

  /** A candidate with no match yet (a plain list shows its rows in this shape). */
  static of(rowid: number): Candidate {
    return { rowid, matched: NONE, compactScore: 0, fullTextScore: 0 };
  }

  /** The candidate of `rowid`, made on first use; undefined when the filters rule it out (unless already `checked`). */
  private candidate(rowid: number, checked = false): Candidate | undefined {
    if (!checked && this.allowed && !this.allowed.has(rowid)) return undefined;
    let found = this.found.get(rowid);
    if (!found) {
      found = Candidates.of(rowid);
      this.found.set(rowid, found);
    }
    return found;
  }

  /** A full-text match of `terms`; `rank` is FTS5's bm25() (negative, more negative is better). */
  addFullText(rowid: number, terms: readonly string[], rank: number): void {
    const found = this.candidate(rowid);
    if (!found) return;
    this.addWords(found, terms);
    // Fold bm25() into 0…1 (below 1: bm25() is a sum over a query's few phrases of at most 2.2 × ln N).
    found.fullTextScore = Math.max(found.fullTextScore, -rank / (1 - rank));
    // A rank of 0 is an unscored pass's (bm25() is never 0: FTS5 keeps every idf above 0).
    if (rank !== 0) found.unscored = undefined;
  }

  /**
   * A full-text match of `terms` whose BM25 is left until it is known to matter (see
   * {@link Candidates.unsettled}); {@link Candidates.addFullText} gives it later.
   */
  addUnscored(rowid: number, terms: readonly string[]): void {
    const found = this.candidate(rowid);
    if (!found) return;
    this.addWords(found, terms);
    found.unscored = true;
  }

  /** Candidates from the passes so far worth at least `score` in the compact fields (a place match: REGION_MATCH). */
  countAtLeast(score: number): number {
    let count = 0;
    for (const c of this.found.values()) if (c.compactScore >= score) count++;
    return count;
  }

  /**
   * Rowids of the unscored matches whose BM25 could change the first `depth` of the ranking: all
   * but those that at least `depth` candidates rank before whatever their BM25 (a candidate's
   * relevance only grows with it, and by less than 1: see addFullText). Ranked by what is known
   * (unscored as 0), the depth-th candidate is such a one for every candidate it surely beats,
   * and so are the candidates before it.
   */
  unsettled(excluded: Set<number>, phrases: readonly string[], depth: number): number[] {
    const kept = this.kept(excluded, phrases);
    const unscored = kept.filter((c) => c.unscored);
    if (unscored.length === 0) return [];
    const known = firstRanked(kept, depth, byRelevance);
    if (known.length < depth) return unscored.map((c) => c.rowid);
    const bar = known[depth - 1];
    const barScore = Candidates.score(bar);
    return unscored
      .filter((c) => {
        const before = beforeRelevance(bar, c);
        return !(before < 0 || (before === 0 && barScore >= Candidates.score(c) + 1));
      })
      .map((c) => c.rowid);
  }

  /** A compact-field or place match of `terms`, worth `score`; `filtered` when the pass applied `allowed` itself. */
  addCompact(rowid: number, terms: readonly string[], score: number, filtered = false): void {
    const found = this.candidate(rowid, filtered);
    if (!found) return;
    this.addWords(found, terms);
    found.compactScore += score;
  }

  /** Adds `words` to what `found` matched: the pass's shared set, or a set of its own once it differs. */
  private addWords(found: Candidate, words: readonly string[]): void {
    const matched = found.matched;
    if (matched === NONE) {
      let shared = this.shared.get(words);
      if (!shared) {
        shared = new Set(words);
        this.shared.set(words, shared);
      }
      found.matched = shared;
      return;
    }
    if (words.every((word) => matched.has(word))) return;
    // Only sets in `own` are ever changed, and those are Sets made here.
    const mine = this.own.has(matched) ? (matched as Set<string>) : new Set(matched);
    for (const word of words) mine.add(word);
    this.own.add(mine);
    found.matched = mine;
  }

  /** Rowids found so far. */
  rowids(): number[] {
    return [...this.found.keys()];
  }

  /** Marks what ranks before relevance: the cut words each article holds as typed, and the fragments. */
  mark(asTyped: ReadonlyMap<number, number>, fragments: ReadonlySet<number>): void {
    for (const c of this.found.values()) {
      c.asTyped = asTyped.get(c.rowid) ?? 0;
      c.untitled = fragments.has(c.rowid);
    }
  }

  /**
   * Drops the `excluded` rows and those missing a required phrase; says how many are left and
   * ranks the page `offset`…`offset + limit` of them (only that page is put in order: sorting
   * every candidate of a 1 000-match query cost 0.2–0.6 ms at 100 000 articles).
   */
  rankedPage(
    excluded: Set<number>,
    phrases: readonly string[],
    order: 'relevance' | 'date',
    page: { offset: number; limit: number },
  ): { total: number; page: Candidate[] } {
    const kept = this.kept(excluded, phrases);
    const compare = order === 'date' ? byDate : byRelevance;
    return { total: kept.length, page: firstRanked(kept, page.offset + page.limit, compare).slice(page.offset) };
  }

  /** The candidates not `excluded` that hold every required phrase. */
  private kept(excluded: Set<number>, phrases: readonly string[]): Candidate[] {
    return [...this.found.values()].filter((c) => !excluded.has(c.rowid) && phrases.every((p) => c.matched.has(p)));
  }
}

const byDate = (a: Candidate, b: Candidate) => b.matched.size - a.matched.size || b.rowid - a.rowid;
const byRelevance = (a: Candidate, b: Candidate) => beforeRelevance(a, b) || Candidates.score(b) - Candidates.score(a) || b.rowid - a.rowid;

/**
 * The first `count` of `items` in the order of `compare` (a total order: both end on the rowid),
 * the same as sorting them all and taking the head, kept in a sorted array of `count`.
 */
export function firstRanked<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  if (count * 4 >= items.length) return [...items].sort(compare).slice(0, count);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === count && compare(item, best[count - 1]) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(item, best[middle]) < 0) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}

/** What ranks a candidate before its relevance score. */
export interface RankedMatch {
  matched: ReadonlySet<string>;
  asTyped?: number;
  untitled?: boolean;
}

/**
 * The order before relevance, shared by both engines: more query words matched, then more cut
 * words held as typed, then titled articles before fragments; 0 when two candidates tie on all.
 */
export function beforeRelevance(a: RankedMatch, b: RankedMatch): number {
  return (
    b.matched.size - a.matched.size || (b.asTyped ?? 0) - (a.asTyped ?? 0) || Number(a.untitled ?? false) - Number(b.untitled ?? false)
  );
}
