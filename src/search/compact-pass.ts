/**
 * The compact-field pass of a search (title, kicker, subtitle, keywords, regions, authors), read
 * from the postings in articles.db (./compact-postings.ts): a query reads its terms' postings and
 * those of the longer terms they prefix, nothing else, and nothing needs loading first. The
 * scores are MiniSearch 7's, which held this index in memory until format 5, so answers stay
 * what they were: per query term, the term itself and (from two characters on) every longer term
 * it starts, weighted down by the extra length; per field, its boost times BM25; summed over the
 * query's terms, times the number of query terms matched.
 */
import type Database from 'better-sqlite3';
import type { Candidates } from './candidates.ts';
import { COMPACT_FIELDS } from './compact.ts';
import { compactTotals } from './compact-postings.ts';

/** Field weights of the compact pass: a headline match counts most. */
const BOOST = { title: 4, kicker: 2, subtitle: 2, regions: 2, keywords: 1.5, authors: 1 };
const FIELD_BOOST = COMPACT_FIELDS.map((field) => BOOST[field]);
/** MiniSearch's BM25 parameters and prefix weight (its defaults, which this index always used). */
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
/** Above every code point: `term >= t AND term < t || LAST` is every term starting with t (SQLite compares UTF-8 bytes). */
const LAST = '\u{10FFFF}';

/** A posting as read: term, article rowid, field number, count in the field, field length. */
type PostingRow = [string, number, number, number, number];

/** What one article gathered in the pass. */
interface Gathered {
  score: number;
  terms: string[];
}

/** The compact pass over one snapshot's articles.db. */
export class CompactPass {
  private readonly exact: Database.Statement;
  private readonly prefixed: Database.Statement;
  private readonly documents: number;
  private readonly averages: number[];

  private readonly after: Database.Statement;
  private readonly common: readonly string[];

  /**
   * `common`: the snapshot's common terms (in more than 0.5 % of the articles: SnapshotMeta's
   * commonTerms), which the pass never reads, whether asked for or reached through a prefix.
   * Throws SQLite's error when the snapshot has no postings table (the caller reports damage).
   */
  constructor(db: Database.Database, common: readonly string[] = []) {
    const columns = 'SELECT term, rowid, field, tf, len FROM compact_postings';
    this.exact = db.prepare(`${columns} WHERE term = ?`).raw();
    this.prefixed = db.prepare(`${columns} WHERE term >= ? AND term < ?`).raw();
    this.after = db.prepare(`${columns} WHERE term > ? AND term < ?`).raw();
    this.common = common;
    const totals = compactTotals(db);
    this.documents = totals.documents;
    this.averages = totals.lengths.map((sum) => (totals.documents > 0 ? sum / totals.documents : 0));
  }

  /** Adds the compact-field matches of `terms` (prefix matching, never fuzzy) to `candidates`. */
  match(terms: string[], candidates: Candidates): void {
    if (terms.length === 0) return;
    const found = new Map<number, Gathered>();
    for (const term of terms) {
      if ([...term].length < 2) this.gather(term, this.exact.all(term) as PostingRow[], candidates.allowed, found);
      else for (const rows of this.prefixRows(term)) this.gather(term, rows, candidates.allowed, found);
    }
    let top = 0;
    for (const gathered of found.values()) {
      gathered.score *= gathered.terms.length;
      top = Math.max(top, gathered.score);
    }
    // One words array per combination of terms: Candidates shares a set per array.
    const shared = new Map<string, string[]>();
    for (const [rowid, { score, terms: matched }] of found) {
      const key = matched.join('\u0000');
      const words = shared.get(key) ?? matched;
      shared.set(key, words);
      candidates.addCompact(rowid, words, score / top, true);
    }
  }

  /**
   * The postings of `term` and of every longer term it starts, in term order, except those of
   * common longer terms: a prefix of a word that is no common term itself can start one (经开 →
   * 经开区, in one article of forty), and reading its postings scored every one of its articles,
   * 20 000 rows and 60 ms at 1 000 000 articles. Those articles are found by the full text (the
   * query word is in their text), as those of a common term asked for are.
   */
  private *prefixRows(term: string): Generator<PostingRow[]> {
    // In SQLite's order (UTF-8 bytes), which JavaScript's string order is not beyond U+FFFF.
    const skipped = this.common
      .filter((common) => common.length > term.length && common.startsWith(term))
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    let from: string | undefined;
    for (const common of skipped) {
      yield (from === undefined ? this.prefixed.all(term, common) : this.after.all(from, common)) as PostingRow[];
      from = common;
    }
    const end = term + LAST;
    yield (from === undefined ? this.prefixed.all(term, end) : this.after.all(from, end)) as PostingRow[];
  }

  /** Scores the postings of query term `term` (rows in term order) into `found`. */
  private gather(term: string, rows: PostingRow[], allowed: Set<number> | undefined, found: Map<number, Gathered>): void {
    const df = COMPACT_FIELDS.map(() => 0);
    for (let start = 0; start < rows.length; ) {
      const derived = rows[start][0];
      let end = start;
      df.fill(0);
      for (; end < rows.length && rows[end][0] === derived; end++) df[rows[end][2]]++;
      const weight = derived === term ? 1 : (PREFIX_WEIGHT * derived.length) / (derived.length + 0.3 * (derived.length - term.length));
      for (let i = start; i < end; i++) {
        const [, rowid, field, tf, length] = rows[i];
        if (allowed && !allowed.has(rowid)) continue;
        const idf = Math.log(1 + (this.documents - df[field] + 0.5) / (df[field] + 0.5));
        const bm25 = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / this.averages[field])));
        const score = weight * FIELD_BOOST[field] * bm25;
        const gathered = found.get(rowid);
        if (!gathered) found.set(rowid, { score, terms: [term] });
        else {
          gathered.score += score;
          if (!gathered.terms.includes(term)) gathered.terms.push(term);
        }
      }
      start = end;
    }
  }
}
