/**
 * The loaded index: article records, the compact fields' postings and the full-text bigram table,
 * all in SQLite on disk (nothing grows in memory with the archive). Implements `ArticleIndex`.
 *
 * Ranking: articles containing every query word come first, then partial matches; within a group,
 * compact-field relevance (title weighs most) plus full-text BM25. The work one query can cause
 * is bounded: full-text matches are taken newest first up to MATCH_CAP, and compact-field terms
 * found in very many articles are left to that bounded full-text pass.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../pages/article.ts';
import {
  type ArticleIndex,
  type IndexInfo,
  type ListResult,
  type RegionResult,
  SEEN_PAGE_SIZE,
  type SearchOptions,
  type SearchResult,
  type SeenPage,
} from './engine.ts';
import { decodeSeenCursor, encodeSeenCursor, type FirstSeenLedger, presentPage, type SeenItem } from './first-seen.ts';
import { Candidates, REGION_MATCH } from './candidates.ts';
import { gramPhrase } from './grams.ts';
import { normaliseForSearch } from './normalize.ts';
import { placesAmong, type QueryPlace } from './query-parse.ts';
import { searchTerms } from './search-terms.ts';
import { MATCH_CAP, SnapshotRows } from './snapshot-rows.ts';
import { FullTextPass } from './full-text-pass.ts';
import { CompactPass } from './compact-pass.ts';
import { cutByVocabulary } from './early-cut.ts';
import { cutQueriesEarlyWith, cutsEarly, segmenterReady } from './jieba.ts';
import type { SnapshotMeta } from './snapshot.ts';
import { IdsUnreadable, IndexError, readMeta } from './index-meta.ts';
import { SEARCHES_REMEMBERED, type SnapshotLoadOptions } from './load-options.ts';
import { copyOfResult, type RecentlyUsed } from './result-cache.ts';

export { IdsUnreadable, IndexError, readMeta } from './index-meta.ts';

export type { ReaderStart, SnapshotLoadOptions } from './load-options.ts';

/** The SQLite index, read-only. */
export class SnapshotIndex implements ArticleIndex {
  readonly info: IndexInfo;
  private readonly db: Database.Database;
  private readonly compact: CompactPass;
  private readonly commonTerms: Set<string>;
  /** What names this snapshot's content: every update or rebuild changes its generation or build time. */
  private readonly contentKey: string;
  private readonly rows: SnapshotRows;
  /** Results of recent searches, by query and options (forgotten when articles.db changes). */
  private readonly results: RecentlyUsed<SearchResult>;
  private firstSeen: FirstSeenLedger | undefined;
  /** Articles this snapshot brought into the first-seen ledger when it was loaded (0 without one). */
  newlySeen = 0;

  private constructor(meta: SnapshotMeta, db: Database.Database, compact: CompactPass, searchesRemembered: number) {
    const { commonTerms, ...info } = meta;
    this.info = info;
    this.commonTerms = new Set(commonTerms);
    this.contentKey = `${meta.builtAt} ${meta.generation} ${meta.articles} ${meta.fingerprint}`;
    this.db = db;
    this.rows = new SnapshotRows(db);
    this.results = this.rows.memos.memo(searchesRemembered);
    this.compact = compact;
  }

  /** Loads a snapshot; throws IndexError when it is missing, old or corrupt. */
  static load(indexDir: string, options: SnapshotLoadOptions = {}): SnapshotIndex {
    const index = SnapshotIndex.open(indexDir, options.searchesRemembered ?? SEARCHES_REMEMBERED);
    if (options.start === 'background') cutQueriesEarlyWith((text) => cutByVocabulary(text, (word) => index.rows.hasTerm(word)));
    if (options.firstSeen) index.recordIn(options.firstSeen, options.now ?? Date.now());
    return index;
  }

  /** Settles once the index answers as fully as it can: once jieba is ready (at once in a process whose jieba is loaded). */
  async warm(): Promise<void> {
    await segmenterReady();
  }

  /** Records every article of this snapshot in `ledger` and reports first-seen times from it from now on. */
  recordIn(ledger: FirstSeenLedger, now: number): number {
    this.firstSeen = ledger;
    this.newlySeen = ledger.recordSnapshot(this.contentKey, () => this.ids(), now);
    return this.newlySeen;
  }

  /**
   * Every article id, in rowid order (streamed: a large archive is never held as one array); a
   * failure to read them is an IdsUnreadable, told apart from the ledger's own errors.
   */
  private *ids(): Generator<string> {
    try {
      // A consumer's own error (the ledger's) ends the loop through return(), never through here.
      for (const row of this.rows.statement('SELECT id FROM articles ORDER BY rowid').iterate() as IterableIterator<{ id: string }>)
        yield row.id;
    } catch (error) {
      throw new IdsUnreadable(error);
    }
  }

  private static open(indexDir: string, searchesRemembered: number): SnapshotIndex {
    const meta = readMeta(indexDir);
    let db: Database.Database | undefined;
    try {
      db = new Database(join(indexDir, 'articles.db'), { readonly: true, fileMustExist: true });
      const count = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      if (count !== meta.articles) throw new Error(`${count} articles, meta says ${meta.articles}`);
      const compact = new CompactPass(db, meta.commonTerms);
      return new SnapshotIndex(meta, db, compact, searchesRemembered);
    } catch (error) {
      db?.close();
      throw new IndexError(
        'corrupt',
        `index file ${join(indexDir, 'articles.db')} is corrupt or missing (${(error as Error).message.slice(0, 80)})`,
      );
    }
  }

  /** Reads a sample of every table start-up depends on (see SnapshotRows.check). */
  check(sample = 1000): void {
    this.rows.check(sample);
  }

  /**
   * Results of a recent search are remembered (see ./result-cache.ts), except while queries are
   * cut early: jieba's cut of the same query, once it is ready, may differ.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    this.rows.memos.check();
    const key = cutsEarly() ? undefined : JSON.stringify([query, options]);
    const known = key === undefined ? undefined : this.results.get(key);
    if (known) return copyOfResult(known);
    const result = this.searchNow(query, options);
    if (key !== undefined) this.results.set(key, copyOfResult(result));
    return result;
  }

  private searchNow(query: string, options: SearchOptions): SearchResult {
    const { limit, offset, phraseTerms, terms, fullText, asTyped, empty } = searchTerms(query, options);
    if (terms.length === 0) return { ...empty, noKeywords: true };

    const candidates = new Candidates(this.rows.allowedRows(options));
    const places = placesAmong(terms);
    const placeTerms = new Set(places.map((place) => place.word));
    this.matchPlaces(places, candidates);
    // Place words were matched through the regions; common words through the full text.
    this.matchCompact(
      terms.filter((term) => !this.commonTerms.has(term) && !placeTerms.has(term)),
      candidates,
    );
    const byRelevance = options.order !== 'date';
    const depth = offset + limit;
    const fullTextPass = new FullTextPass(this.rows, candidates);
    fullTextPass.match(fullText, placeTerms, byRelevance ? depth : 0);
    if (byRelevance) {
      const found = candidates.rowids();
      candidates.mark(this.rows.holdingAsTyped(asTyped, found), this.rows.fragmentsAmong(found));
    }
    // Every phrase is required; excluded words remove an article whatever else it matches.
    const excluded = this.rows.rowidsContaining(options.exclude ?? []);
    fullTextPass.scoreUnsettled(excluded, phraseTerms, depth);
    const { total, page } = candidates.rankedPage(excluded, phraseTerms, options.order ?? 'relevance', { offset, limit });
    // The words each hit matched, in the query's order (as the PostgreSQL engine lists them).
    const inOrder = page.map((c) => ({ ...c, matched: new Set(terms.filter((term) => c.matched.has(term))) }));
    return { ...empty, noKeywords: false, total, capped: candidates.capped, hits: this.rows.hits(inOrder) };
  }

  /**
   * Place names: an article about the place (or a place under it) matches the word even where the
   * text names only a county (邵东 for 邵阳), so `邵阳 营商环境` puts 邵阳's articles first. The
   * tagger lists every county with its prefecture, so the place's own name covers the places under
   * it; the province as a whole is no filter at all (placesAmong leaves it out).
   */
  private matchPlaces(places: QueryPlace[], candidates: Candidates): void {
    for (const place of places) {
      const rowids = this.rows
        .plucked('SELECT rowid FROM article_regions WHERE region = ? ORDER BY rowid DESC LIMIT ?')
        .all(place.name, MATCH_CAP) as number[];
      candidates.capped ||= rowids.length >= MATCH_CAP;
      const words = [place.word];
      for (const rowid of rowids) candidates.addCompact(rowid, words, REGION_MATCH);
    }
  }

  /** Compact fields: headline, keywords, regions… (prefix matching, never fuzzy; see ./compact-pass.ts). */
  private matchCompact(terms: string[], candidates: Candidates): void {
    this.compact.match(terms, candidates);
  }

  async byRegions(names: string[], options: { limit?: number; offset?: number } = {}): Promise<RegionResult> {
    const limit = Math.max(1, options.limit ?? 10);
    const offset = Math.max(0, options.offset ?? 0);
    if (names.length === 0) return { covered: [], total: 0, hits: [] };
    const marks = names.map(() => '?').join(',');
    // Articles whose most specific region is the asked one first, then those about its sub-regions;
    // within each, titled articles before fragments (text whose headline the page did not print).
    const rows = this.rows
      .statement(
        `SELECT r.rowid AS rowid, MIN(CASE WHEN r.region = ? AND r.rank = 0 THEN 0 ELSE 1 END) AS grp, MAX(a.kind = 'fragment') AS untitled
       FROM article_regions r JOIN articles a ON a.rowid = r.rowid WHERE r.region IN (${marks})
       GROUP BY r.rowid ORDER BY grp, untitled, r.rowid DESC`,
      )
      .all(names[0], ...names) as { rowid: number; grp: number }[];
    const page = rows.slice(offset, offset + limit).map((r) => Candidates.of(r.rowid));
    return { covered: names, total: rows.length, hits: this.rows.hits(page) };
  }

  async latest(options: { regions?: string[]; from?: string; to?: string; limit?: number; offset?: number } = {}): Promise<ListResult> {
    const limit = Math.max(1, options.limit ?? 10);
    const offset = Math.max(0, options.offset ?? 0);
    const regions = options.regions ?? [];
    const dates = [options.from ?? '0000-00-00', options.to ?? '9999-99-99'];
    const inRegions =
      regions.length === 0 ? '' : ` AND rowid IN (SELECT rowid FROM article_regions WHERE region IN (${regions.map(() => '?').join(',')}))`;
    const from = `FROM articles WHERE kind != 'fragment' AND date BETWEEN ? AND ?${inRegions}`;
    const total = (this.rows.statement(`SELECT count(*) AS n ${from}`).get(...dates, ...regions) as { n: number }).n;
    const rows = this.rows
      .statement(`SELECT rowid ${from} ORDER BY date DESC, rowid DESC LIMIT ? OFFSET ?`)
      .all(...dates, ...regions, limit, offset) as { rowid: number }[];
    return { total, hits: this.rows.hits(rows.map((r) => Candidates.of(r.rowid))) };
  }

  async byAuthor(name: string, options: { limit?: number; offset?: number } = {}): Promise<ListResult> {
    const limit = Math.max(1, options.limit ?? 10);
    const offset = Math.max(0, options.offset ?? 0);
    const wanted = name.replace(/\s+/g, '');
    const phrase = gramPhrase(normaliseForSearch(wanted));
    if (!phrase || wanted.length > 40) return { total: 0, hits: [] };
    // The full text holds the author line, so its bigrams find the candidates (bounded, newest
    // first); the record then says whether the name is an author or just mentioned.
    const { rows } = this.rows.fullText([phrase], false);
    const records = this.rows.statement('SELECT record FROM articles WHERE rowid = ?');
    const matching = rows.filter((row) => {
      const record = records.get(row.rowid) as { record: string } | undefined;
      return record !== undefined && (JSON.parse(record.record) as Article).authors.some((a) => a.replace(/\s+/g, '') === wanted);
    });
    const page = matching.slice(offset, offset + limit).map((r) => Candidates.of(r.rowid));
    return { total: matching.length, hits: this.rows.hits(page) };
  }

  async regionCounts(): Promise<Map<string, number>> {
    return this.rows.countRegions();
  }

  async get(id: string): Promise<Article | undefined> {
    const row = this.rows.statement('SELECT record FROM articles WHERE id = ?').get(id) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as Article) : undefined;
  }

  async seenSince(since: number, page: { after?: string; limit?: number } = {}): Promise<SeenPage> {
    const limit = Math.max(1, Math.floor(page.limit ?? SEEN_PAGE_SIZE));
    const after = decodeSeenCursor(page.after);
    if (!this.firstSeen) return this.seenAtBuild(since, after, limit);
    // The ledger remembers articles a removed page had, and those are no longer news.
    return presentPage(
      this.firstSeen,
      { since, after, limit },
      (ids) =>
        new Set(
          (
            this.rows.statement(`SELECT id FROM articles WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as { id: string }[]
          ).map((r) => r.id),
        ),
    );
  }

  /**
   * Without a ledger every article was first seen when the snapshot was built; they are listed in
   * rowid order (oldest page first), the cursor naming the last id listed.
   */
  private seenAtBuild(since: number, after: SeenItem | undefined, limit: number): SeenPage {
    const firstSeen = Date.parse(this.info.builtAt);
    if (!(firstSeen > since)) return { items: [] };
    const rows = this.rows
      .statement(
        'SELECT id FROM articles WHERE rowid > coalesce((SELECT rowid FROM articles WHERE id = ?), (SELECT min(rowid) - 1 FROM articles)) ORDER BY rowid LIMIT ?',
      )
      .all(after?.firstSeen === firstSeen ? after.id : '', limit + 1) as { id: string }[];
    const items = rows.slice(0, limit).map((r) => ({ id: r.id, firstSeen }));
    return rows.length > limit ? { items, next: encodeSeenCursor(items[limit - 1]) } : { items };
  }

  async close(): Promise<void> {
    this.closeNow();
  }

  /** Closes the database at once (the synchronous form, for error paths while loading). */
  closeNow(): void {
    if (this.db.open) this.db.close();
  }
}
