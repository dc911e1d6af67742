/**
 * A single character jieba cuts out of a longer run of Chinese is looked up in the full text with
 * the characters typed beside it (fullTextParts in src/search/search-terms.ts), not as a prefix of
 * every bigram it starts; a character typed as a word of its own keeps the prefix. On SQLite and,
 * where it is installed, PostgreSQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullTextParts, searchTerms } from '../../src/search/search-terms.ts';
import { type EngineName, type EngineUnderTest, openEngine } from '../support/engines.ts';
import { inventedPage } from '../support/invented-pages.ts';
import { postgresAvailable } from '../support/postgres.ts';

describe('what the full text looks up for a query', () => {
  it('looks a single character up with the characters typed beside it', () => {
    expect(fullTextParts('坳栗', ['坳', '栗'], ['坳', '栗'], [])).toEqual([{ texts: ['坳栗'], terms: ['坳', '栗'] }]);
    expect(fullTextParts('青石湾', ['青石', '湾'], ['青石', '湾'], [])).toEqual([
      { texts: ['青石'], terms: ['青石'] },
      { texts: ['石湾'], terms: ['湾'] },
    ]);
    // In the middle of a run: with both neighbours; a stop word beside it still counts as typed.
    expect(fullTextParts('青石湾渡口', ['青石', '湾', '渡口'], ['青石', '湾', '渡口'], [])[1]).toEqual({
      texts: ['石湾渡'],
      terms: ['湾'],
    });
    expect(fullTextParts('坳的', ['坳', '的'], ['坳'], [])).toEqual([{ texts: ['坳的'], terms: ['坳'] }]);
    // Two runs holding the same character: either will do.
    expect(fullTextParts('坳栗 坳口', ['坳', '栗', ' ', '坳口'], ['坳', '栗', '坳口'], [])[0]).toEqual({
      texts: ['坳栗'],
      terms: ['坳', '栗'],
    });
  });

  it('keeps a character typed on its own, or quoted, as itself', () => {
    expect(fullTextParts('坳 栗', ['坳', ' ', '栗'], ['坳', '栗'], [])).toEqual([
      { texts: ['坳'], terms: ['坳'] },
      { texts: ['栗'], terms: ['栗'] },
    ]);
    expect(fullTextParts('青石湾，湾', ['青石', '湾', '，', '湾'], ['青石', '湾'], [])[1]).toEqual({ texts: ['湾'], terms: ['湾'] });
    expect(fullTextParts('坳栗', ['坳', '栗'], ['坳', '栗'], ['栗'])).toEqual([
      { texts: ['坳栗'], terms: ['坳'] },
      { texts: ['栗'], terms: ['栗'] },
    ]);
  });

  it('reads the query as jieba cuts it', () => {
    // The premise of the searches below: jieba cuts this invented word into its two characters.
    expect(searchTerms('坳栗', {}).terms).toEqual(['坳', '栗']);
    expect(searchTerms('坳栗', {}).fullText).toEqual([{ texts: ['坳栗'], terms: ['坳', '栗'] }]);
  });
});

/** Three articles naming the invented 坳栗, and two holding both characters apart (山坳口, 栗树). */
const PAGES = {
  '2024-09-02_ridge.txt': inventedPage([
    ['坳栗合作社扩种新苗', '汝城县', '坳栗合作社又扩种了两百亩新苗，'],
    ['山坳口修起蓄水池', '桂东县', '山坳口的蓄水池修好了，栗树林也浇上了水，'],
    ['坳栗丰收进城', '双牌县', '今年的坳栗个头大，'],
  ]),
  '2024-09-03_ridge.txt': inventedPage([
    ['栗树下的山坳口', '宁乡市', '栗树下新修了步道，通到山坳口，'],
    ['坳栗加工车间投产', '祁阳市', '坳栗加工车间投产后，'],
  ]),
};
const NAMING = ['坳栗合作社扩种新苗', '坳栗丰收进城', '坳栗加工车间投产'];
const APART = ['山坳口修起蓄水池', '栗树下的山坳口'];

const engines: EngineName[] = postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite'];
const opened = new Map<EngineName, EngineUnderTest>();

beforeAll(async () => {
  for (const name of engines) opened.set(name, await openEngine(name, PAGES, Date.UTC(2024, 11, 1)));
});
afterAll(async () => {
  for (const engine of opened.values()) await engine.close();
});

describe('a word jieba cuts into single characters', () => {
  it.each(engines)('finds on %s the articles holding it as typed, not those holding its characters apart', async (name) => {
    const { hits } = await opened.get(name)!.index.search('坳栗', { limit: 20 });
    expect(hits.map((hit) => hit.title).sort()).toEqual([...NAMING].sort());
    expect(hits.every((hit) => hit.matched.length === 2)).toBe(true);
  });

  it.each(engines)('still finds on %s every bigram a character typed on its own starts', async (name) => {
    const { hits } = await opened.get(name)!.index.search('坳 栗', { limit: 20 });
    const titles = hits.filter((hit) => hit.matched.length === 2).map((hit) => hit.title);
    expect(titles).toEqual(expect.arrayContaining([...NAMING, ...APART]));
  });
});
