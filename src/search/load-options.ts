/** How a snapshot is loaded (see SnapshotIndex.load in ./article-index.ts). */
import type { FirstSeenLedger } from './first-seen.ts';

/** Options of {@link SnapshotIndex.load}. */
export interface SnapshotLoadOptions {
  /**
   * Where first-seen times are kept. Loading records every article of the snapshot in it (at
   * `now`), so the ids a snapshot brings in become new. Without one, every article counts as
   * first seen when the snapshot was built (enough for the CLI and tests).
   */
  firstSeen?: FirstSeenLedger;
  now?: number;
  /**
   * `background`: queries are cut against the index's vocabulary until jieba is ready — for a
   * process that must answer within a second or two of starting (the bot). Default `now`.
   */
  start?: ReaderStart;
  /**
   * Read by openIndex (./open.ts) only. `later`: a snapshot built by this code is opened without
   * comparing the pages folder with it; the caller compares later (the bot, once warm: a page
   * changed while it was stopped goes live seconds after the start). Default `now`.
   */
  pagesCheck?: 'now' | 'later';
  /**
   * How many recent searches the index remembers the results of (default SEARCHES_REMEMBERED;
   * 0: none, for timing the searches themselves). See ./result-cache.ts.
   */
  searchesRemembered?: number;
}

/** Recent searches a loaded snapshot remembers the results of (a result page is a few kilobytes). */
export const SEARCHES_REMEMBERED = 256;

/**
 * When a reader answers: once jieba is loaded (`now`), or at once, cutting queries against the
 * index's vocabulary while jieba still loads (`background`, see ./early-cut.ts).
 */
export type ReaderStart = 'now' | 'background';
