/** A page that never names its outlet, whose tagged articles are all about one county (src/search/page-regions.ts). Invented articles. */
import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../src/pages/article.ts';
import { pageRegions } from '../../src/search/page-regions.ts';

const item = (title: string, body: string[]): ParsedArticle => ({
  title,
  body,
  kicker: '',
  subtitle: '',
  captions: [],
  authors: [],
  kind: 'brief',
});
const placeless = item('篮球友谊赛助力乡村振兴', ['8月28日晚']);

describe("a page's own county from its articles", () => {
  it('tags a placeless item as the county of every other tagged article on the page', () => {
    const page = [
      item('吉首市新修三条产业路', ['吉首市今年新修产业路三条。']),
      item('吉首黄桃迎来丰收', ['吉首市的黄桃熟了。']),
      placeless,
    ];
    expect(pageRegions(page, undefined)).toEqual([
      ['吉首市', '湘西土家族苗族自治州'],
      ['吉首市', '湘西土家族苗族自治州'],
      ['吉首市', '湘西土家族苗族自治州'],
    ]);
  });

  it('leaves it untagged beside one article only, or articles about different places', () => {
    expect(pageRegions([item('吉首市新修三条产业路', ['吉首市今年新修产业路三条。']), placeless], undefined)[1]).toEqual([]);
    const mixed = [
      item('吉首市新修三条产业路', ['吉首市今年新修产业路三条。']),
      item('凤凰县古城夜游开放', ['凤凰县古城推出夜游。']),
      placeless,
    ];
    expect(pageRegions(mixed, undefined)[2]).toEqual([]);
  });
});
