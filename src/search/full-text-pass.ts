/**
 * The full-text pass of a search (./article-index.ts): the query's parts as phrases of bigrams
 * in the FTS5 table, bounded to the newest MATCH_CAP matches, BM25 where it ranks.
 */
import { type Candidates, REGION_MATCH } from './candidates.ts';
import { anyGramPhrase } from './grams.ts';
import type { FullTextPart } from './search-terms.ts';
import type { FullTextRow, SnapshotRows } from './snapshot-rows.ts';

/** Full-text matches as SnapshotRows.fullText reads them. */
type FullTextRows = { rows: FullTextRow[]; capped: boolean };
/** A query part whose BM25 was computed only where it was known to matter, and the terms it matches. */
type Deferred = { phrase: string; terms: string[] };

/** The full-text pass of one search, adding to its candidates. */
export class FullTextPass {
  private deferred: Deferred | undefined;

  constructor(
    private readonly rows: SnapshotRows,
    private readonly candidates: Candidates,
  ) {}

  /**
   * Full text: every part (a word, or the characters typed beside a single character: see
   * fullTextParts in ./search-terms.ts) as a phrase of bigrams; all parts together first, then
   * each alone. When the parts together already fill MATCH_CAP, a part alone would add only
   * partial matches, which rank after all of those, so it is not looked up, except a word beside
   * a place word (`placeWords`): with the place's region rows (SnapshotIndex.matchPlaces) it completes articles
   * about the place that do not name it.
   *
   * A query of one part, ranked for a page `depth` deep: when the places and compact fields have
   * already found that many articles worth a place match, an article found by its text alone ranks
   * after them (its relevance stays below 1), so bm25() scores only theirs; the part is remembered,
   * and scoreUnsettled scores whatever else turns out to matter. bm25() of 800 matches of a
   * county's name, of which 100 are tagged with it: 0.65 against 0.35 ms at 100 000 articles.
   */
  match(parts: FullTextPart[], placeWords: Set<string>, depth: number): void {
    const phrases = parts
      .map((part) => [part.terms, anyGramPhrase(part.texts)] as const)
      .filter((p): p is readonly [string[], string] => p[1] !== undefined);
    if (phrases.length === 0) return;
    // Only the query as a whole is ranked by BM25; single words of a longer query find partial matches.
    const wholeTerms = phrases.flatMap((p) => p[0]);
    if (phrases.length === 1) {
      const phrase = phrases[0][1];
      const only = depth > 0 && this.candidates.countAtLeast(REGION_MATCH) >= depth ? this.candidates.rowids() : undefined;
      this.addFullText(this.rows.fullText([phrase], true, false, only), wholeTerms);
      if (only) this.deferred = { phrase, terms: wholeTerms };
      return;
    }
    // The rarer parts alone first: one found in fewer than MATCH_CAP articles bounds the whole,
    // which is then read oldest first (see SnapshotRows.fullText), and every part alone is added.
    // A part that likely has more is left (were the whole to fill MATCH_CAP, it might not be needed).
    const partRows = new Map<string, FullTextRows>();
    for (const [, phrase] of phrases) {
      if (this.rows.common(phrase) || !this.rows.likelyFew(phrase)) continue;
      const rows = this.rows.fullText([phrase], false);
      partRows.set(phrase, rows);
      if (!rows.capped) break;
    }
    const few = [...partRows.values()].some((rows) => !rows.capped);
    const whole = this.rows.fullText(
      phrases.map((p) => p[1]),
      true,
      few,
    );
    this.addFullText(whole, wholeTerms);
    const alone = whole.capped ? phrases.filter(([terms]) => placeWords.size > 0 && !terms.some((term) => placeWords.has(term))) : phrases;
    for (const [terms, phrase] of alone) this.addFullText(partRows.get(phrase) ?? this.rows.fullText([phrase], false), terms);
  }

  /**
   * Scores the unscored matches of a deferred part that could change the first `depth` of the
   * ranking (see Candidates.unsettled); call once every pass and mark is in.
   */
  scoreUnsettled(excluded: Set<number>, phrases: readonly string[], depth: number): void {
    const deferred = this.deferred;
    if (!deferred) return;
    const rowids = this.candidates.unsettled(excluded, phrases, depth);
    if (rowids.length === 0) return;
    for (const row of this.rows.fullText([deferred.phrase], true, false, rowids).rows)
      if (!row.unscored) this.candidates.addFullText(row.rowid, deferred.terms, row.rank);
  }

  /** Adds the full-text matches of one query part to `candidates`. */
  private addFullText(found: FullTextRows, terms: string[]): void {
    this.candidates.capped ||= found.capped;
    for (const row of found.rows) {
      if (row.unscored) this.candidates.addUnscored(row.rowid, terms);
      else this.candidates.addFullText(row.rowid, terms, row.rank);
    }
  }
}
