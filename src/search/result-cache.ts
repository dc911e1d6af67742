/**
 * What a loaded snapshot remembers between searches: the result pages of recent searches (a
 * reader asks the popular words again and again, and pages through them) and which full-text
 * expressions are common (./snapshot-rows.ts probes that for every word of every query,
 * and the same words recur across queries). Both are forgotten whenever another connection
 * changed articles.db (an update in place, before the bot swaps in the updated snapshot), which
 * SQLite's `data_version` tells cheaply.
 */

import type { SearchResult } from './engine.ts';

/** A copy of a result for a caller (which may change what it is handed) or for the memo. */
export function copyOfResult(result: SearchResult): SearchResult {
  return {
    ...result,
    terms: [...result.terms],
    hits: result.hits.map((hit) => ({ ...hit, regions: [...hit.regions], matched: [...hit.matched] })),
  };
}

/** Remembers at most `capacity` values, dropping the least recently used first. */
export class RecentlyUsed<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Memos that hold while the database is unchanged: `current()` reads its version (SQLite's
 * `PRAGMA data_version`, which changes when another connection commits), and every memo made
 * through {@link VersionedMemos.memo} is cleared when it has changed since the last check.
 */
export class VersionedMemos {
  private readonly memos: RecentlyUsed<unknown>[] = [];
  private version: unknown;

  constructor(private readonly current: () => unknown) {}

  memo<V>(capacity: number): RecentlyUsed<V> {
    const made = new RecentlyUsed<V>(capacity);
    this.memos.push(made as RecentlyUsed<unknown>);
    return made;
  }

  /** Clears every memo when the database changed since the last call (call before using them). */
  check(): void {
    const now = this.current();
    if (now === this.version) return;
    this.version = now;
    for (const memo of this.memos) memo.clear();
  }
}
