/**
 * The SQLite side of a loaded snapshot: prepared statements (each prepared once) and the row
 * lookups the engine's ranking and lists are built from — filters, bounded full-text matches,
 * result rows and region counts. Kept apart from ./article-index.ts, which decides the ranking.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../pages/article.ts';
import { type Candidate, Candidates } from './candidates.ts';
import type { SearchHit } from './engine.ts';
import { gramPhrase } from './grams.ts';
import { searchHit } from './hit.ts';
import { normaliseForSearch } from './normalize.ts';
import { VersionedMemos } from './result-cache.ts';

/** Full-text matches considered per query part, newest first. */
export const MATCH_CAP = 1000;

/**
 * An expression in at least this share of the articles it spans is too common for BM25 to be
 * worth its cost (its idf, ln((N − n + 0.5) / (n + 0.5)), is below 1.4, against 7–9 for a word in
 * a few dozen articles of 100 000): see {@link SnapshotRows.isCommon}.
 */
export const COMMON_MATCH_SHARE = 0.2;
/** Newest matches that estimate an expression's share (a sample: about 250 articles at the threshold). */
export const COMMON_PROBE = 50;
/** Expressions whose commonness a loaded snapshot remembers (a few bytes each). */
const COMMONNESS_MEMO = 4096;

/** A full-text match: FTS5's bm25() rank (negative, more negative is better), 0 when not scored. */
export interface FullTextRow {
  rowid: number;
  rank: number;
  /** Set when bm25() was left out for this row alone (see SnapshotRows.fullText's `scoredOnly`). */
  unscored?: true;
}

interface HitRow {
  rowid: number;
  id: string;
  date: string;
  file: string;
  kind: SearchHit['kind'];
  title: string;
  regions: string;
  summary: string;
}

/** Row lookups over one snapshot's articles.db. */
export class SnapshotRows {
  private readonly statements = new Map<string, Database.Statement>();
  /** What this connection remembers between searches; `memos.check()` before each (see ./result-cache.ts). */
  readonly memos = new VersionedMemos(() => this.plucked('PRAGMA data_version').get());
  private readonly commonness = this.memos.memo<boolean>(COMMONNESS_MEMO);
  private readonly fewness = this.memos.memo<boolean>(COMMONNESS_MEMO);

  constructor(readonly db: Database.Database) {}

  statement(sql: string): Database.Statement {
    return this.cached(sql, () => this.db.prepare(sql));
  }

  /**
   * The same statement returning each row's first column alone. better-sqlite3 builds an object
   * per row otherwise, which cost more than FTS5's own work for a list of 1 000 rowids (0.7–1.0
   * against 0.2–0.45 ms at 100 000 articles).
   */
  plucked(sql: string): Database.Statement {
    return this.cached(`pluck ${sql}`, () => this.db.prepare(sql).pluck());
  }

  /** The same statement returning each row as an array of its columns (see {@link SnapshotRows.plucked}). */
  private rawStatement(sql: string): Database.Statement {
    return this.cached(`raw ${sql}`, () => this.db.prepare(sql).raw());
  }

  private cached(key: string, prepare: () => Database.Statement): Database.Statement {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = prepare();
      this.statements.set(key, statement);
    }
    return statement;
  }

  /**
   * Reads a sample of every table start-up depends on; throws whatever SQLite or JSON.parse throws
   * on damage. Cheap: only the newest records and a sample of the region rows are read (the ids are read by
   * SnapshotIndex.recordIn, when a ledger has not recorded this snapshot yet).
   */
  check(sample = 1000): void {
    const rows = this.statement('SELECT record FROM articles ORDER BY rowid DESC LIMIT ?').all(sample) as { record: string }[];
    for (const row of rows) {
      const article = JSON.parse(row.record) as Partial<Article>;
      if (typeof article !== 'object' || article === null || typeof article.id !== 'string') throw new Error('an article record has no id');
    }
    // A sample of the region rows, not every one: counting them all cost 0.1–0.25 s of each start.
    this.statement('SELECT region, rowid FROM article_regions LIMIT ?').all(sample);
    this.statement('SELECT rowid FROM fulltext ORDER BY rowid DESC LIMIT 1').all();
  }

  /** True when some article's compact fields hold `term` (the vocabulary of the early query cut, ./early-cut.ts). */
  hasTerm(term: string): boolean {
    return this.statement('SELECT 1 FROM term_df WHERE term = ?').get(term) !== undefined;
  }

  /** The rows a search may return: of the regions asked for, in the date range asked for. */
  allowedRows(options: { regions?: string[]; from?: string; to?: string }): Set<number> | undefined {
    const inRegions = options.regions?.length ? this.rowidsInRegions(options.regions) : undefined;
    if (options.from === undefined && options.to === undefined) return inRegions;
    const rowids = this.plucked('SELECT rowid FROM articles WHERE date BETWEEN ? AND ?').all(
      options.from ?? '0000-00-00',
      options.to ?? '9999-99-99',
    ) as number[];
    return new Set(inRegions ? rowids.filter((rowid) => inRegions.has(rowid)) : rowids);
  }

  /** Rowids of every article whose text holds one of `words` (no bound: an exclusion must be exact). */
  rowidsContaining(words: string[]): Set<number> {
    const found = new Set<number>();
    for (const word of words) {
      const phrase = gramPhrase(normaliseForSearch(word));
      if (!phrase) continue;
      for (const rowid of this.plucked('SELECT rowid FROM fulltext WHERE fulltext MATCH ?').all(phrase) as number[]) found.add(rowid);
    }
    return found;
  }

  /**
   * Of `rowids`, how many of `words` each article's text holds as written (articles holding none
   * left out). Bounded like every full-text part: the newest MATCH_CAP articles holding a word.
   */
  holdingAsTyped(words: string[], rowids: number[]): Map<number, number> {
    const held = new Map<number, number>();
    if (rowids.length === 0 || words.length === 0) return held;
    const among = new Set(rowids);
    for (const word of words) {
      const phrase = gramPhrase(word);
      if (!phrase) continue;
      for (const { rowid } of this.fullText([phrase], false).rows) if (among.has(rowid)) held.set(rowid, (held.get(rowid) ?? 0) + 1);
    }
    return held;
  }

  /**
   * The fragments among `rowids` (articles whose headline the page did not print; other fragments
   * of their span may come with them), read from the partial index of fragments (SCHEMA in
   * ./snapshot.ts) over the rowids' span. Probing the articles table, whose rows hold whole
   * records, cost 1–3.5 ms for 1 000–2 000 candidates at 100 000 articles, and even a probe of that
   * small index per candidate 0.7–1.2 ms; only where the span holds more fragments than twice the
   * candidates are they probed one by one.
   */
  fragmentsAmong(rowids: number[]): Set<number> {
    if (rowids.length === 0) return new Set();
    let low = rowids[0];
    let high = rowids[0];
    for (const rowid of rowids) {
      if (rowid < low) low = rowid;
      else if (rowid > high) high = rowid;
    }
    const bound = 2 * rowids.length;
    const inSpan = this.plucked(
      "SELECT rowid FROM articles INDEXED BY articles_fragments WHERE kind = 'fragment' AND rowid BETWEEN ? AND ? LIMIT ?",
    ).all(low, high, bound) as number[];
    if (inSpan.length < bound) return new Set(inSpan);
    const probe = this.plucked(
      "SELECT rowid FROM articles INDEXED BY articles_fragments WHERE kind = 'fragment' AND rowid IN (SELECT value FROM json_each(?))",
    );
    return new Set(probe.all(JSON.stringify(rowids)) as number[]);
  }

  /** Rowids of articles tagged with any of `regions`. */
  rowidsInRegions(regions: string[]): Set<number> {
    const marks = regions.map(() => '?').join(',');
    return new Set(this.plucked(`SELECT rowid FROM article_regions WHERE region IN (${marks})`).all(...regions) as number[]);
  }

  /**
   * Full-text matches of all `phrases` (FTS5 phrase expressions), newest first, bounded. BM25
   * costs several times the match itself, so it is computed only where it ranks (`scored`), and
   * not when one of the phrases is common (see {@link SnapshotRows.isCommon}): bm25() would count
   * every row of that phrase before scoring one, so the rows come back with rank 0 and the
   * caller ranks them by its other signals, then newest first.
   *
   * `few`: the caller knows there are fewer than MATCH_CAP matches (one of the phrases alone has
   * fewer), so every match is read, oldest first, which comes to the same rows. For a descending
   * scan FTS5 reads a common bigram's whole list before the first match; ascending, it skips
   * through it to the rarer phrase's rows: a place name and a common word, 0.5–0.8 ms newest
   * first against 0.3–0.4 ms at 100 000 articles.
   *
   * `scoredOnly`: bm25() is computed for these rowids alone, and the other rows come back
   * `unscored` (the caller knows they cannot reach its page as they stand: see
   * Candidates.unsettled). bm25() has the same value in either statement, as it reads the counts
   * of the whole archive whichever rows it scores; a row costs 0.5–0.7 µs, the counts a fixed 0.03–2 ms.
   */
  fullText(phrases: string[], scored: boolean, few = false, scoredOnly?: number[]): { rows: FullTextRow[]; capped: boolean } {
    const expression = phrases.join(' AND ');
    const order = few ? 'ASC' : 'DESC';
    let rows: FullTextRow[];
    if (scored && scoredOnly && !phrases.some((phrase) => this.isCommon(phrase))) {
      const raw = this.rawStatement(
        `SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(?)) THEN bm25(fulltext) END FROM fulltext WHERE fulltext MATCH ? ORDER BY rowid ${order} LIMIT ?`,
      ).all(JSON.stringify(scoredOnly), expression, MATCH_CAP) as [number, number | null][];
      rows = raw.map(([rowid, rank]): FullTextRow => (rank === null ? { rowid, rank: 0, unscored: true } : { rowid, rank }));
    } else if (scored && !phrases.some((phrase) => this.isCommon(phrase))) {
      const raw = this.rawStatement(
        `SELECT rowid, bm25(fulltext) FROM fulltext WHERE fulltext MATCH ? ORDER BY rowid ${order} LIMIT ?`,
      ).all(expression, MATCH_CAP) as [number, number][];
      rows = raw.map(([rowid, rank]) => ({ rowid, rank }));
    } else {
      const rowids = few
        ? (this.plucked('SELECT rowid FROM fulltext WHERE fulltext MATCH ? ORDER BY rowid ASC LIMIT ?').all(
            expression,
            MATCH_CAP,
          ) as number[])
        : this.newestMatches(expression, MATCH_CAP);
      rows = rowids.map((rowid) => ({ rowid, rank: 0 }));
    }
    return { rows, capped: rows.length >= MATCH_CAP };
  }

  /**
   * A guess (remembered) whether an expression has fewer than MATCH_CAP matches, from the span of
   * its newest COMMON_PROBE: rowids grow with the date (see DAY_SLOTS in ./snapshot.ts), so that
   * span's share of the archive's span is about their share of its matches. Only what is worth
   * reading first depends on it, never an answer.
   */
  likelyFew(phrase: string): boolean {
    let known = this.fewness.get(phrase);
    if (known === undefined) {
      const probe = this.newestMatches(phrase, COMMON_PROBE);
      const oldest = (this.plucked('SELECT min(rowid) FROM articles').get() as number | null) ?? 0;
      const span = probe.length > 0 ? probe[0] - probe[probe.length - 1] : 0;
      known = probe.length < COMMON_PROBE || (COMMON_PROBE * (probe[0] - oldest + 1)) / Math.max(1, span) < MATCH_CAP;
      this.fewness.set(phrase, known);
    }
    return known;
  }

  /** True when the expression is common (see {@link SnapshotRows.isCommon}); remembered. */
  common(phrase: string): boolean {
    return this.isCommon(phrase);
  }

  /** Rowids of the newest `limit` articles matching an FTS5 expression, newest first. */
  private newestMatches(expression: string, limit: number): number[] {
    return this.plucked('SELECT rowid FROM fulltext WHERE fulltext MATCH ? ORDER BY rowid DESC LIMIT ?').all(expression, limit) as number[];
  }

  /**
   * True when a phrase's newest COMMON_PROBE matches are at least COMMON_MATCH_SHARE of the
   * articles published since the oldest of them. FTS5's bm25() counts every matching row of every
   * phrase before it scores one (a word in most of a 100 000-article archive: a scan of 90 000
   * rows, 5–6 ms of CPU on this machine, against under 1 ms for its newest 1 000 matches), and
   * for such a word the inverse document frequency is near zero, so the scan buys almost no
   * ranking. Beside a rarer word it costs the same (bm25() counts each phrase of the expression),
   * and tried otherwise (BM25 of the rarer words alone, within the span of the matches) it cost
   * as much again. The articles are counted in FTS5's own docsize table (one narrow row per article,
   * keyed by rowid), at most COMMON_PROBE / share of them.
   */
  private isCommon(phrase: string): boolean {
    let known = this.commonness.get(phrase);
    if (known === undefined) {
      known = this.probeCommon(phrase);
      this.commonness.set(phrase, known);
    }
    return known;
  }

  /** {@link SnapshotRows.isCommon}, probed. */
  private probeCommon(phrase: string): boolean {
    // A phrase's matches hold each of its bigrams, so a bigram that is not common says the phrase
    // is not either. Its probe is cheap, where a rare phrase of common bigrams (a place name of
    // four, found 24 times in 1 000 000 articles) reads their lists in full, 6–8 ms.
    const grams = /^"([^"*]+)"$/.exec(phrase)?.[1].split(' ') ?? [];
    if (grams.length > 1 && grams.some((gram) => !this.isCommon(`"${gram}"`))) return false;
    const probe = this.newestMatches(phrase, COMMON_PROBE);
    if (probe.length < COMMON_PROBE) return false;
    const bound = Math.ceil(COMMON_PROBE / COMMON_MATCH_SHARE);
    const since = this.plucked('SELECT count(*) FROM (SELECT 1 FROM fulltext_docsize WHERE id >= ? LIMIT ?)');
    return (since.get(probe[COMMON_PROBE - 1], bound) as number) < bound;
  }

  /** Result rows for a page of candidates, in the candidates' order. */
  hits(page: Candidate[]): SearchHit[] {
    if (page.length === 0) return [];
    const rows = this.statement(
      `SELECT rowid, id, date, file, kind, title, regions, summary FROM articles WHERE rowid IN (${page.map(() => '?').join(',')})`,
    ).all(...page.map((c) => c.rowid)) as HitRow[];
    const byRowid = new Map(rows.map((row) => [row.rowid, row]));
    return page.flatMap((c) => {
      const row = byRowid.get(c.rowid);
      return row ? [searchHit({ ...row, regions: JSON.parse(row.regions) as string[] }, Candidates.score(c), c.matched)] : [];
    });
  }

  countRegions(): Map<string, number> {
    const rows = this.statement('SELECT region, count(*) AS n FROM article_regions GROUP BY region').all() as {
      region: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.region, r.n]));
  }
}
