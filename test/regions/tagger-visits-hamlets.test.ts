/**
 * Round-15 tagging conventions from blind15 (README "Tagging articles"): a leaders' visit is the
 * host county's story, and a hamlet named with a county's stem and a landform (`某某湾村`) is no
 * mention of that county. Invented articles only.
 */
import { describe, expect, it } from 'vitest';
import { tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

/** A made-up article: headline and paragraphs, nothing else. */
function article(title: string, body: string[], more: Partial<TaggableArticle> = {}): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [], ...more };
}

describe("a leaders' visit", () => {
  const opening =
    '3月12日上午，怀化市委书记某某一行来到溆浦县龙潭镇白鹭村，就茶叶产业发展开展调研。市委常委、市委秘书长某某和市委组织部部长某某陪同。';
  it('is the county visited, then its city, though the officials’ titles name the city more often', () => {
    const visit = article('某某深入白鹭村调研茶叶产业', [opening, '白鹭村有茶园两千亩，去年户均增收八千元。'], { home: '怀化市' });
    expect(tagRegions(visit)).toEqual(['溆浦县', '怀化市']);
  });

  it('stays the city’s when no visit names the county (a meeting of the city’s leaders)', () => {
    const meeting = article(
      '市委常委会召开会议',
      ['3月12日，市委书记某某主持召开市委常委会会议，研究部署全市春耕生产。市委常委、市委秘书长某某参加。溆浦县作了发言。'],
      {
        home: '怀化市',
      },
    );
    expect(tagRegions(meeting)).toEqual(['怀化市']);
  });
});

describe('a hamlet named with a county’s stem and a landform', () => {
  it('is no mention of the county once the article writes it as a village', () => {
    const clinic = article(
      '送医下乡暖人心',
      ['5月8日，岳阳市某医院专家团队走进桂东坪村委，为村民义诊。', '此次义诊服务桂东坪村民150余人次。'],
      {
        subtitle: '岳阳市某医院专家温情走进桂东坪',
      },
    );
    expect(tagRegions(clinic)).toEqual(['岳阳市']);
  });

  it('still counts the county named on its own beside it', () => {
    const tour = article('桂东坪里看桂东', ['岳阳市某医院专家走进桂东坪村委义诊，随后前往桂东县人民医院交流。', '桂东县卫健局陪同。']);
    expect(tagRegions(tour)[0]).toBe('桂东县');
  });
});
