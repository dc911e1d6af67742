/**
 * The live index swaps engines under running calls: a call that started on the old engine
 * finishes there, and the old engine closes only once its last call has ended.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleIndex, SearchResult } from '../../src/search/engine.ts';
import { SwappableIndex } from '../../src/ingest/swappable-index.ts';

/** An engine whose searches wait until released, and which records whether it was closed. */
function slowEngine(name: string) {
  const waiting: (() => void)[] = [];
  const state = { closed: false };
  const result = (query: string): SearchResult => ({
    query: `${name}:${query}`,
    terms: [query],
    noKeywords: false,
    total: 0,
    capped: false,
    hits: [],
  });
  const engine: ArticleIndex = {
    info: { formatVersion: 1, fingerprint: name, builtAt: '2026-01-01T00:00:00Z', articles: 0 },
    search: (query) => new Promise((resolve) => waiting.push(() => resolve(result(query)))),
    byRegions: async () => ({ covered: [], total: 0, hits: [] }),
    latest: async () => ({ total: 0, hits: [] }),
    byAuthor: async () => ({ total: 0, hits: [] }),
    regionCounts: async () => new Map(),
    get: async () => undefined,
    seenSince: async () => ({ items: [] }),
    close: async () => {
      state.closed = true;
    },
  };
  return {
    engine,
    state,
    release: () => {
      for (const go of waiting.splice(0)) go();
    },
  };
}

describe('SwappableIndex', () => {
  it('finishes a running call on the old engine and closes it only afterwards', async () => {
    const old = slowEngine('old');
    const fresh = slowEngine('new');
    const index = new SwappableIndex(old.engine);
    const running = index.search('x');
    index.swap(fresh.engine);
    expect(index.info.fingerprint).toBe('new');
    expect(old.state.closed).toBe(false);
    old.release();
    expect((await running).query).toBe('old:x');
    await new Promise((resolve) => setImmediate(resolve));
    expect(old.state.closed).toBe(true);
    const next = index.search('y');
    fresh.release();
    expect((await next).query).toBe('new:y');
    await index.close();
    expect(fresh.state.closed).toBe(true);
  });

  it('closes a swapped-out engine at once when nothing runs on it', async () => {
    const old = slowEngine('old');
    const index = new SwappableIndex(old.engine);
    index.swap(slowEngine('new').engine);
    await new Promise((resolve) => setImmediate(resolve));
    expect(old.state.closed).toBe(true);
  });
});
