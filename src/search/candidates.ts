/**
 * The articles one search has found so far, with what each matched and how well: the full-text
 * pass, the place pass and the compact-field pass of ./article-index.ts add to it, then it ranks.
 * Articles containing every query word come before partial matches; within a group, relevance
 * (see {@link Candidates.score}), then the newest first.
 */

/** One article a search found. */
export interface Candidate {
  rowid: number;
  matched: Set<string>;
  compactScore: number;
  fullTextScore: number;
}

/** The candidates of one search, limited to `allowed` rows when given (region and date filters). */
export class Candidates {
  private readonly found = new Map<number, Candidate>();
  /** True when some pass stopped at its bound (the totals are then lower bounds). */
  capped = false;

  constructor(readonly allowed: Set<number> | undefined) {}

  /**
   * Relevance within a group of equally complete matches. Fragments have no title in the compact
   * fields, so they naturally score below headlined articles with the same words.
   */
  static score(c: Candidate): number {
    return c.compactScore * 2 + c.fullTextScore;
  }

  /** A candidate with no match yet (a plain list shows its rows in this shape). */
  static of(rowid: number): Candidate {
    return { rowid, matched: new Set(), compactScore: 0, fullTextScore: 0 };
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
    for (const term of terms) found.matched.add(term);
    // Fold bm25() into 0…1.
    found.fullTextScore = Math.max(found.fullTextScore, -rank / (1 - rank));
  }

  /** A compact-field or place match of `terms`, worth `score`; `filtered` when the pass applied `allowed` itself. */
  addCompact(rowid: number, terms: readonly string[], score: number, filtered = false): void {
    const found = this.candidate(rowid, filtered);
    if (!found) return;
    for (const term of terms) found.matched.add(term);
    found.compactScore += score;
  }

  /** Drops the `excluded` rows and those missing a required phrase, then ranks the rest. */
  ranked(excluded: Set<number>, phrases: readonly string[], order: 'relevance' | 'date'): Candidate[] {
    const kept = [...this.found.values()].filter((c) => !excluded.has(c.rowid) && phrases.every((p) => c.matched.has(p)));
    return kept.sort(
      order === 'date'
        ? (a, b) => b.matched.size - a.matched.size || b.rowid - a.rowid
        : (a, b) => b.matched.size - a.matched.size || Candidates.score(b) - Candidates.score(a) || b.rowid - a.rowid,
    );
  }
}
