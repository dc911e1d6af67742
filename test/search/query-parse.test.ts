import { describe, expect, it } from 'vitest';
import { parseQuery, rangeOf } from '../../src/search/query-parse.ts';

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
      text: '邵阳 企业', phrases: ['营商环境'], exclude: ['疫情'], range: { from: '2022-11-01', to: '2022-11-30', label: '2022年11月' },
    });
    expect(parseQuery('“乡村振兴”', TODAY)).toEqual({ text: '', phrases: ['乡村振兴'], exclude: [] });
    expect(parseQuery('-疫情', TODAY)).toEqual({ text: '', phrases: [], exclude: ['疫情'] });
    expect(parseQuery('营商环境 2022年13月', TODAY)).toMatchObject({ text: '营商环境', badRange: '2022年13月' });
    expect(parseQuery('2022-02-30', TODAY)).toMatchObject({ text: '', badRange: '2022-02-30' });
  });
});
