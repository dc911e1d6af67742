/**
 * Round 11 (blind11): a site named after its city (`某市经开区`, `某市国际会议中心`) and a visiting
 * group's home (`某市考察组到某镇…`). Invented articles only.
 */
import { describe, expect, it } from 'vitest';
import { passingKinds } from '../../src/regions/passing.ts';
import { PlaceMatcher } from '../../src/regions/matcher.ts';
import { placeTerms } from '../../src/regions/place-terms.ts';
import { tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

function article(title: string, body: string[]): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [] };
}

describe('a zone or venue named after its city', () => {
  it('is the county named beside it, then the city', () => {
    const signing = article('智能装备产业园落户常德经开区', [
      '3月8日，常德经开区、鼎城区联合举办重点项目集中签约活动，签约仪式在常德国际会展中心举行。',
      '常德经开区相关负责人介绍，产业园建成后年产值可达30亿元。',
      '鼎城区将为项目落地提供用地和用工保障。',
      '常德经开区还将配套建设人才公寓。',
    ]);
    expect(tagRegions(signing)).toEqual(['鼎城区', '常德市']);
  });

  it('is the city when no county is named', () => {
    const zone = article('岳阳经开区新增三家规模以上企业', ['今年以来，岳阳经开区新增三家规模以上工业企业，园区工业产值同比增长一成。']);
    expect(tagRegions(zone)).toEqual(['岳阳市']);
  });

  it('is told by the words after the city’s name', () => {
    const terms = placeTerms();
    const text = '株洲经开区与株洲国际会展中心';
    const mentions = new PlaceMatcher(terms).scan(text);
    expect(passingKinds(text, mentions)).toEqual(['site', 'site']);
  });
});

describe('a visiting group', () => {
  it('is the host’s story, not the visitors’ home', () => {
    const visit = article('常宁市考察组到攸县学习乡村治理经验', [
      '5月9日，常宁市考察组一行到攸县考察交流乡村治理工作。',
      '攸县近年来推行“屋场议事”，全县已建成议事屋场六百余个。',
    ]);
    expect(tagRegions(visit)).toEqual(['攸县', '株洲市']);
  });

  it('still places an article whose host lies outside Hunan', () => {
    const abroad = article('浏阳市考察团赴浙江学习数字乡村建设', ['4月10日至12日，浏阳市考察团一行赴浙江学习数字乡村建设经验。']);
    expect(tagRegions(abroad)).toEqual(['浏阳市', '长沙市']);
  });
});
