/**
 * The live index the bot and the digest hold from start-up: an ArticleIndex that forwards to the
 * current engine, swaps in a rebuilt one without the holders noticing, and heals itself when the
 * engine's files turn out damaged (see {@link SwappableIndex}).
 */
import type { Article } from '../pages/article.ts';
import type { ArticleIndex, IndexInfo, ListResult, RegionResult, SearchOptions, SearchResult, SeenPage } from '../search/engine.ts';
import { IndexUnavailableError } from '../search/open.ts';

/**
 * True for errors that mean the index's files are damaged or unreadable (SQLite's errors, a record
 * that is no longer JSON, a file error), not a bug in the caller: these make it rebuild.
 */
export function isIndexFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    error.name === 'SqliteError' ||
    error.name === 'IndexError' ||
    error instanceof SyntaxError ||
    (typeof code === 'string' && /^E[A-Z]+$/.test(code))
  );
}

/**
 * An ArticleIndex that forwards to the current snapshot; `swap` replaces it (closing the old one)
 * without the holders noticing. With {@link SwappableIndex.healWith} it also heals: the first
 * call that fails because the snapshot is damaged marks it broken and starts a rebuild; until a
 * rebuilt index is swapped in, every call throws IndexUnavailableError at once (the bot answers
 * "暂时无法搜索，正在重建索引"). A rebuild that fails is tried again after a pause that grows
 * from 30 s to 10 minutes.
 */
export class SwappableIndex implements ArticleIndex {
  private broken: string | undefined;
  private rebuild: ((reason: string) => Promise<void>) | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failedRebuilds = 0;
  private closed = false;
  /** Calls running per index: a swapped-out index is closed only once they have ended. */
  private readonly inFlight = new Map<ArticleIndex, number>();
  private readonly retired = new Set<ArticleIndex>();

  constructor(private current: ArticleIndex) {}

  /** Makes damage heal through `rebuild`, which must end by calling {@link swap} with a fresh index. */
  healWith(rebuild: (reason: string) => Promise<void>): void {
    this.rebuild = rebuild;
  }

  /** Why the index is broken right now, or undefined when it works. */
  get brokenReason(): string | undefined {
    return this.broken;
  }

  private async guard<T>(call: (index: ArticleIndex) => Promise<T>): Promise<T> {
    if (this.broken !== undefined) throw new IndexUnavailableError(this.broken);
    const index = this.current;
    this.inFlight.set(index, (this.inFlight.get(index) ?? 0) + 1);
    try {
      return await call(index);
    } catch (error) {
      if (this.rebuild === undefined || !isIndexFailure(error)) throw error;
      this.markBroken(`${(error as Error).name}: ${(error as Error).message}`.split('\n')[0].slice(0, 200));
      throw new IndexUnavailableError(this.broken ?? 'the index is damaged');
    } finally {
      this.settle(index);
    }
  }

  /** One call on `index` ended; a swapped-out index closes when its last call has. */
  private settle(index: ArticleIndex): void {
    const left = (this.inFlight.get(index) ?? 1) - 1;
    if (left > 0) return void this.inFlight.set(index, left);
    this.inFlight.delete(index);
    if (this.retired.delete(index)) void index.close();
  }

  /** Marks the index broken and starts healing it (once). */
  markBroken(reason: string): void {
    if (this.broken !== undefined || this.rebuild === undefined) return;
    this.broken = reason;
    this.startRebuild();
  }

  private startRebuild(): void {
    const rebuild = this.rebuild;
    if (rebuild === undefined || this.closed) return;
    rebuild(`the index is damaged: ${this.broken}`).then(
      () => {
        if (this.broken !== undefined) this.retryLater();
      },
      () => this.retryLater(),
    );
  }

  private retryLater(): void {
    if (this.closed || this.broken === undefined) return;
    this.failedRebuilds++;
    const delay = Math.min(600_000, 30_000 * 2 ** Math.min(this.failedRebuilds - 1, 5));
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.startRebuild(), delay);
    this.retryTimer.unref();
  }

  get info(): IndexInfo {
    return this.current.info;
  }
  async warm(): Promise<void> {
    await this.current.warm?.();
  }
  search(query: string, options?: SearchOptions): Promise<SearchResult> {
    return this.guard((index) => index.search(query, options));
  }
  byRegions(names: string[], options?: { limit?: number; offset?: number }): Promise<RegionResult> {
    return this.guard((index) => index.byRegions(names, options));
  }
  latest(options?: { regions?: string[]; from?: string; to?: string; limit?: number; offset?: number }): Promise<ListResult> {
    return this.guard((index) => index.latest(options));
  }
  byAuthor(name: string, options?: { limit?: number; offset?: number }): Promise<ListResult> {
    return this.guard((index) => index.byAuthor(name, options));
  }
  regionCounts(): Promise<Map<string, number>> {
    return this.guard((index) => index.regionCounts());
  }
  get(id: string): Promise<Article | undefined> {
    return this.guard((index) => index.get(id));
  }
  seenSince(since: number, page?: { after?: string; limit?: number }): Promise<SeenPage> {
    return this.guard((index) => index.seenSince(since, page));
  }
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.current.close();
  }

  /** Makes `next` the live index and closes the previous one; a broken index is healed by it. */
  swap(next: ArticleIndex): void {
    const previous = this.current;
    this.current = next;
    this.broken = undefined;
    this.failedRebuilds = 0;
    clearTimeout(this.retryTimer);
    if (this.inFlight.has(previous)) this.retired.add(previous);
    else void previous.close();
  }
}
