/**
 * The one small interface the bot, the CLI and the digest use to find articles. SQLite implements
 * it by default (see ./article-index.ts); a server engine can replace it for very
 * large archives without touching the callers.
 */
import type { Article, ArticleKind } from '../pages/article.ts';

/** What a result list shows: everything comes from the index, never from the page files. */
export interface SearchHit {
  id: string;
  title: string;
  kind: ArticleKind;
  regions: string[];
  summary: string;
  date: string;
  file: string;
  score: number;
  /** Query terms this article contains (all of them for a full match). */
  matched: string[];
}

export interface SearchOptions {
  /** Results per call (default 10). */
  limit?: number;
  /** Results to skip, for paging (default 0). */
  offset?: number;
  /** Only articles about one of these regions (full names; descendants are not expanded here). */
  regions?: string[];
  /** `relevance` (default) or newest first. */
  order?: 'relevance' | 'date';
  /** Only articles published in this range (`YYYY-MM-DD`, inclusive). */
  from?: string;
  to?: string;
  /** Texts every result must contain exactly (not segmented). */
  phrases?: string[];
  /** Words no result may contain. */
  exclude?: string[];
}

export interface SearchResult {
  query: string;
  /** How the query was cut into search terms (after normalisation and stop-word removal). */
  terms: string[];
  /** True when the query held no searchable word (only stop words, punctuation, emoji …). */
  noKeywords: boolean;
  /** Number of matching articles (a lower bound when `capped`). */
  total: number;
  /** True when a very common word made the engine stop counting at its bound. */
  capped: boolean;
  /** Articles containing every term come before partial matches. */
  hits: SearchHit[];
}

export interface RegionResult {
  /** Official full names the lookup covered: the region first, then its sub-regions. */
  covered: string[];
  total: number;
  /** Articles about the region itself first, then about its sub-regions; newest first within each. */
  hits: SearchHit[];
}

/** A plain list of articles, newest first: the latest articles, an author's articles. */
export interface ListResult {
  total: number;
  hits: SearchHit[];
}

export interface IndexInfo {
  formatVersion: number;
  fingerprint: string;
  builtAt: string;
  articles: number;
}

/** One page of {@link ArticleIndex.seenSince}. */
export interface SeenPage {
  /** Oldest first. `firstSeen` is epoch ms when the article first entered the index. */
  items: { id: string; firstSeen: number }[];
  /** Pass back as `after` to get the next page; undefined when there is none. */
  next?: string;
}

/**
 * A loaded article index. Every method is async so that a server engine (PostgreSQL) can
 * implement it as well as the in-process one; callers never learn which engine they hold.
 */
export interface ArticleIndex {
  readonly info: IndexInfo;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  /** Articles tagged with any of `names` (official full names), most specific first. */
  byRegions(names: string[], options?: { limit?: number; offset?: number }): Promise<RegionResult>;
  /** The newest articles (of `regions` when given: official full names), newest first; fragments left out. */
  latest(options?: { regions?: string[]; from?: string; to?: string; limit?: number; offset?: number }): Promise<ListResult>;
  /** Articles one of whose authors is `name` (exactly, as the splitter found it), newest first. */
  byAuthor(name: string, options?: { limit?: number; offset?: number }): Promise<ListResult>;
  /** Article counts per region name (an article counts once under each of its regions). */
  regionCounts(): Promise<Map<string, number>>;
  get(id: string): Promise<Article | undefined>;
  /**
   * Settles once the engine answers as fully as it will (an engine that loads parts in the
   * background answers before, with a plainer ranking); what can wait (examples for /help) waits
   * for it. Engines without such parts leave it out.
   */
  warm?(): Promise<void>;
  /**
   * Articles first seen after `since` (epoch ms), oldest first, `limit` (default 500) per page.
   * Replaces allIds(): the digest asks for what is new since its last cutoff; an article removed
   * from the index is not listed.
   */
  seenSince(since: number, page?: { after?: string; limit?: number }): Promise<SeenPage>;
  close(): Promise<void>;
}

/** Default page size of {@link ArticleIndex.seenSince}. */
export const SEEN_PAGE_SIZE = 500;

/**
 * Every article first seen after `since` and no later than `upTo`, oldest first, read page by page
 * (a helper over the seam, for callers that want the whole window).
 */
export async function* seenBetween(index: ArticleIndex, since: number, upTo = Infinity): AsyncGenerator<{ id: string; firstSeen: number }> {
  let after: string | undefined;
  do {
    const page = await index.seenSince(since, { after });
    for (const item of page.items) {
      if (item.firstSeen > upTo) return;
      yield item;
    }
    after = page.next;
  } while (after !== undefined);
}

/**
 * The engine's server cannot be reached right now (PostgreSQL restarting, the network down): the
 * call did nothing and may succeed later. The bot answers "暂时无法搜索" and goes on; nothing needs
 * rebuilding, the engine reconnects by itself.
 */
export class EngineUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`the search engine cannot be reached: ${reason}`);
    this.name = 'EngineUnavailableError';
  }
}
