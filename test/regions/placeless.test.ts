/** An article naming no place on a county outlet's page is the county's (src/regions/placeless.ts). Invented articles only. */
import { describe, expect, it } from 'vitest';
import { tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

function article(title: string, body: string[], more: Partial<TaggableArticle> = {}): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [], ...more };
}

describe('a placeless article', () => {
  const item = article('老街书院修缮完工', ['11月29日，老街书院修缮完工，引进书店和茶馆12家。']);

  it("is the county's own news on the county outlet's page", () => {
    expect(tagRegions(item)).toEqual([]);
    expect(tagRegions({ ...item, home: '湘乡市' })).toEqual(['湘乡市', '湘潭市']);
    // …cut off after its first words, too.
    expect(tagRegions({ ...article('篮球友谊赛助力乡村振兴', ['8月28日晚']), home: '吉首市' })).toEqual(['吉首市', '湘西土家族苗族自治州']);
  });

  it("is nobody's on a prefecture's or the province's pages, which print national news too", () => {
    expect(tagRegions({ ...item, home: '湘潭市' })).toEqual([]);
    expect(tagRegions({ ...item, home: '湖南省' })).toEqual([]);
  });

  it('keeps its places when it names any: elsewhere, an unsafe town, another level’s committee', () => {
    expect(tagRegions({ ...article('老街书院迎来访客', ['来自江西的游客走进老街书院。']), home: '湘乡市' })).toEqual([]);
    expect(tagRegions({ ...article('老街书院迎来访客', ['来自北京市的游客走进老街书院。']), home: '湘乡市' })).toEqual([]);
    // (A city's stem elsewhere that is a word, 樟树 of 樟树市, is not read as that city.)
    expect(tagRegions({ ...article('老街书院种下樟树', ['老街书院里新栽了十棵樟树。']), home: '湘乡市' })).toEqual(['湘乡市', '湘潭市']);
    expect(tagRegions({ ...article('清泉镇：高山茶园迎来采摘季', ['连日来，清泉镇的高山茶园里一片忙碌。']), home: '汝城县' })).toEqual([]);
    expect(tagRegions({ ...article('州委组织部发布公告', ['州委组织部发布干部任前公示。']), home: '桂东县' })).toEqual([]);
  });
});
