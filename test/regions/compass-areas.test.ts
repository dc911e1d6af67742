/** A short name run into a compass direction (湘西北, 桂东北) names part of a larger area (matcher.ts). Invented articles only. */
import { describe, expect, it } from 'vitest';
import { tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

function article(title: string, body: string[]): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [] };
}

describe('a compass part of a larger area', () => {
  it('is no mention of the place whose short name it holds', () => {
    expect(tagRegions(article('湘西北山村秋色正浓', ['国庆期间,位于湘西北的慈利县游人如织。']))).toEqual(['慈利县', '张家界市']);
    expect(tagRegions(article('湘西南的冬天', ['入冬以后,湘西南山区气温骤降。']))).toEqual([]);
  });

  it('leaves the place itself and its own parts alone (湘西州北部, 湘西的)', () => {
    expect(tagRegions(article('湘西的秋天', ['湘西州北部山区迎来赏秋旺季。']))).toEqual(['湘西土家族苗族自治州']);
  });
});
