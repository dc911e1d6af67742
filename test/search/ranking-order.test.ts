/**
 * What ranks before relevance, in both engines: a word the reader typed and jieba cut (杉木湾 →
 * 杉木 + 湾) is better matched as written than in pieces, and a titled article comes before a
 * fragment holding the same words. The page is the invented layout fixture dev/44.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutWords } from '../../src/search/search-terms.ts';
import { type EngineName, type EngineUnderTest, openEngine } from '../support/engines.ts';
import { postgresAvailable } from '../support/postgres.ts';

const PAGE = readFileSync('test/fixtures/layouts/dev/44-city-page-places-ranking.txt', 'utf8');
const engines: EngineName[] = postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite'];

describe('the words of a query as typed', () => {
  it('are the words jieba cut into several terms', () => {
    expect(cutWords('杉木湾', ['杉木', '湾'])).toEqual(['杉木湾']);
    expect(cutWords('百村蹲点 调研', ['百村', '蹲点', '调研'])).toEqual(['百村蹲点']);
    expect(cutWords('口袋公园', ['口袋公园'])).toEqual([]);
    expect(cutWords('“杉木湾” 湾', ['杉木', '湾'])).toEqual(['杉木湾']);
  });
});

describe.each(engines)('the %s engine', (name) => {
  let engine: EngineUnderTest;
  const titles = async (query: string) => (await engine.index.search(query, { limit: 5 })).hits.map((h) => h.title);
  beforeAll(async () => {
    engine = await openEngine(name, { '2031-05-20_city.txt': PAGE }, Date.UTC(2031, 4, 20));
  });
  afterAll(() => engine?.close());

  it('ranks the article holding a cut word as written before one holding its pieces apart', async () => {
    const found = await titles('百村蹲点');
    expect(found[0]).toBe('驻村三个月 写下四十篇民情日记');
    expect(found).toContain('百村行：记者蹲点笔记选登');
  });

  it('ranks a titled article before a fragment with the same words', async () => {
    const found = await titles('杉木湾');
    expect(found[0]).toBe('古镇夜游带火乡村文旅');
    expect(found[1]).toMatch(/^（续）赛道从杉木湾出发/);
  });
});
