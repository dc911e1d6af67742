import { describe, expect, it } from 'vitest';
import { parseQuery, placesAmong, rangeOf, understandQuery } from '../../src/search/query-parse.ts';

const TODAY = '2024-03-14'; // a Thursday

describe('time words in a query', () => {
  it.each([
    ['近一周', '2024-03-08', '2024-03-14'],
    ['最近7天', '2024-03-08', '2024-03-14'],
    ['本月', '2024-03-01', '2024-03-14'],
    ['上个月', '2024-02-01', '2024-02-29'],
    ['今年', '2024-01-01', '2024-03-14'],
    ['去年', '2023-01-01', '2023-12-31'],
    ['本周', '2024-03-11', '2024-03-14'],
    ['2022年11月', '2022-11-01', '2022-11-30'],
    ['2022年', '2022-01-01', '2022-12-31'],
    ['2022年11月5日', '2022-11-05', '2022-11-05'],
    ['2022-11-01..2022-11-30', '2022-11-01', '2022-11-30'],
    ['2022-11-30至2022-11-01', '2022-11-01', '2022-11-30'],
    ['3月以来', '2024-03-01', '2024-03-14'],
    ['11月以来', '2023-11-01', '2024-03-14'],
    ['2023年6月以来', '2023-06-01', '2024-03-14'],
  ])('%s is %s to %s', (word, from, to) => {
    expect(rangeOf(word, TODAY)).toMatchObject({ from, to });
  });

  it.each(['2022年13月', '营商环境', '近零天', '2030年1月以来'])('%s is no range', (word) => {
    expect(rangeOf(word, TODAY)).toBeUndefined();
  });
});

describe('parsing a query', () => {
  it('takes apart words, a range, quoted phrases and exclusions', () => {
    expect(parseQuery('邵阳 "营商环境" 2022年11月 -疫情 企业', TODAY)).toEqual({
      text: '邵阳 企业',
      phrases: ['营商环境'],
      exclude: ['疫情'],
      range: { from: '2022-11-01', to: '2022-11-30', label: '2022年11月' },
    });
    expect(parseQuery('“乡村振兴”', TODAY)).toEqual({ text: '', phrases: ['乡村振兴'], exclude: [] });
    expect(parseQuery('-疫情', TODAY)).toEqual({ text: '', phrases: [], exclude: ['疫情'] });
    expect(parseQuery('营商环境 2022年13月', TODAY)).toMatchObject({ text: '营商环境', badRange: '2022年13月' });
    expect(parseQuery('2022-02-30', TODAY)).toMatchObject({ text: '', badRange: '2022-02-30' });
  });
});

describe('places among the words: the one rule of search, subscribe and the engine', () => {
  it('reads a prefecture or county by name, short name, traditional characters or pinyin', () => {
    expect(placesAmong(['邵阳', '营商环境'])).toEqual([{ word: '邵阳', name: '邵阳市' }]);
    expect(placesAmong(['桂东县']).map((p) => p.name)).toEqual(['桂东县']);
    expect(placesAmong(['邵陽']).map((p) => p.name)).toEqual(['邵阳市']);
    expect(placesAmong(['shaoyang']).map((p) => p.name)).toEqual(['邵阳市']);
  });

  it('leaves the province, plain words and unknown names to the text search', () => {
    expect(placesAmong(['湖南', '湖南省', '营商环境', '发展', 'xyz'])).toEqual([]);
  });

  it('cuts the free text as the engine does and keeps time, phrases and exclusions apart', () => {
    const understood = understandQuery('邵阳营商环境 “乡村振兴” -疫情 本月', TODAY);
    expect(understood.words[0]).toBe('邵阳');
    expect(understood.places).toEqual([{ word: '邵阳', name: '邵阳市' }]);
    expect(understood).toMatchObject({ phrases: ['乡村振兴'], exclude: ['疫情'], range: { from: '2024-03-01', to: '2024-03-14' } });
    expect(understandQuery('的 了 🚓', TODAY).words).toEqual([]);
  });
});
