/**
 * The async engine interface the callers will use (being made async on another branch). A copy,
 * so that this engine can be written against it now; it is pointed at ../engine.ts on merge.
 */
import type { Article } from '../../pages/article.ts';
import type { IndexInfo, ListResult, RegionResult, SearchOptions, SearchResult } from '../engine.ts';

export interface SeenPage { items: { id: string; firstSeen: number }[]; next?: string }

export interface AsyncArticleIndex {
  readonly info: IndexInfo;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  byRegions(names: string[], options?: { limit?: number; offset?: number }): Promise<RegionResult>;
  latest(options?: { regions?: string[]; from?: string; to?: string; limit?: number; offset?: number }): Promise<ListResult>;
  byAuthor(name: string, options?: { limit?: number; offset?: number }): Promise<ListResult>;
  regionCounts(): Promise<Map<string, number>>;
  get(id: string): Promise<Article | undefined>;
  /** Articles first seen after `since` (epoch ms), oldest first, `limit` (default 500) per page. */
  seenSince(since: number, page?: { after?: string; limit?: number }): Promise<SeenPage>;
  close(): Promise<void>;
}
