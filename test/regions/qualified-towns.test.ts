/** A town's name several Hunan towns share, written right after its own county or prefecture (place-terms.ts: qualifiedTown). Invented articles only. */
import { describe, expect, it } from 'vitest';
import { tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

function article(title: string, body: string[]): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [] };
}

describe('a shared town name after the place that says which', () => {
  const body = ['记者昨日获悉,白沙洲街道今年启动的老旧小区改造项目已全部完工。'];

  it('counts for its county after its prefecture (two cities have a 白沙洲街道)', () => {
    expect(tagRegions(article('衡阳白沙洲街道老旧小区完成改造', body))).toEqual(['雁峰区', '衡阳市']);
    expect(tagRegions(article('长沙白沙洲街道老旧小区完成改造', body))).toEqual(['望城区', '长沙市']);
  });

  it('counts nothing bare, and nothing after a prefecture with two towns of that name', () => {
    expect(tagRegions(article('白沙洲街道老旧小区完成改造', body))).toEqual([]);
    // 岳阳 has two 五里牌街道 (岳阳楼区, 临湘市): only the county says which.
    expect(tagRegions(article('岳阳五里牌街道老旧小区完成改造', ['五里牌街道的改造项目已全部完工。']))).toEqual(['岳阳市']);
    expect(tagRegions(article('临湘市五里牌街道老旧小区完成改造', ['五里牌街道的改造项目已全部完工。']))).toEqual(['临湘市', '岳阳市']);
  });
});
