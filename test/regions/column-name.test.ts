/** A column's name, holding a place, written again in the text (src/regions/column-name.ts). Invented articles only. */
import { describe, expect, it } from 'vitest';
import { columnName } from '../../src/regions/column-name.ts';
import { tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

function article(kicker: string, title: string, body: string[]): TaggableArticle {
  return { title, kicker, body, subtitle: '', captions: [], authors: [] };
}

describe("a column's name in the text", () => {
  it('is the column name of the kicker without its numbering', () => {
    expect(columnName('娄底地名故事①')).toBe('娄底地名故事');
    expect(columnName('某某笔记之六')).toBe('某某笔记');
    expect(columnName('走进')).toBe('');
  });

  it('is no mention of the place: the county the headline names leads', () => {
    // (The county's history names the old 专区 after another county: without the rule the city led on a tie.)
    const story = article('娄底地名故事③', '双峰', [
      '【卷首语】地名承载着乡土记忆。我们将一路寻找这些地名的来历。',
      '“娄底地名故事”专栏将和您一起寻找地名里的故事。',
      '双峰县1952年建县,原属湘乡,后属涟源专区。',
    ]);
    expect(tagRegions(story)).toEqual(['双峰县', '娄底市']);
  });
});
