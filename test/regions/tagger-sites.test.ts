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

  it('covers a bridge, square or park named after the city (round 14): the district named beside it says where', () => {
    const found = article('纸扎花篮惊现衡阳东洲大桥', [
      '昨日上午,市民路过衡阳东洲大桥时发现桥中间摆着一只纸扎花篮,随即报警。',
      '珠晖巡警赶到后将其移走。',
    ]);
    expect(tagRegions(found)).toEqual(['珠晖区', '衡阳市']);
    expect(tagRegions(article('衡阳东洲大桥夜景灯光亮起', ['衡阳东洲大桥的夜景灯光昨晚首次亮起。']))).toEqual(['衡阳市']);
    const text = '衡阳东洲大桥、株洲神农公园和长沙五一广场';
    expect(passingKinds(text, new PlaceMatcher(placeTerms()).scan(text))).toEqual(['site', 'site', 'site']);
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

describe('a thinly placed article within one prefecture', () => {
  it('is the prefecture whose places, none a subject alone, hold most of the points', () => {
    const line = article('衡阳至郴州城际铁路完成铺轨', [
      '10月13日，随着最后一组长轨精准落位，城际铁路铺轨全部完成，全线转入联调联试准备阶段。',
      '线路全长约九十公里，设站5座，沿线的衡南县和耒阳市将新增两座车站。',
    ]);
    expect(tagRegions(line)).toEqual(['衡阳市']);
  });

  it('says nothing when two prefectures hold the points evenly', () => {
    const even = article('长沙至岳阳城际列车加密', [
      '即日起，城际列车每天增开六对，早晚高峰时段的发车间隔缩短到二十分钟以内，周末另有加开。',
      '沿线的宁乡市和湘阴县将同步增设候车点。',
    ]);
    expect(tagRegions(even)).toEqual([]);
  });
});
