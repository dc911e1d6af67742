/**
 * Round 14 (blind14) tagging conventions: an editor's note presenting a series, an unnamed place in
 * the province (湖南一县…), a city's residents (某市市民), a county city's name as a river (沅江、澧水流域),
 * a city's meeting the headline places in one of its counties, and a city group's visit to a county.
 * Invented articles only.
 */
import { describe, expect, it } from 'vitest';
import { tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

function article(title: string, body: string[], more: Partial<TaggableArticle> = {}): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [], ...more };
}

describe('words that place an article less than they seem to', () => {
  it('reads an editor’s note that names the province as a series’ scope, not the piece’s subject', () => {
    const essay = article('江小帆:侗寨的鼓楼', [
      '编者按:即日起，红网推出《山乡笔记——湖南作家写村庄》专栏，讲好湖南乡村故事。',
      '车子沿着山路一直向前，山越来越深。',
      '我们到达通道侗族自治县坪坦乡时已是中午，村口的风雨桥下坐着几位老人。',
    ]);
    expect(tagRegions(essay)).toEqual(['通道侗族自治县', '怀化市']);
  });

  it('takes 湖南一县… in a headline for the county the text names', () => {
    const item = article('湖南一县路边大树被砍?部门回应:系枯死树木清理', [
      '9月8日晚上，一段视频在网上流传，几名工人正在锯倒路边的一排大树。',
      '经核实，视频拍摄于新化县境内的一条县道旁。',
    ]);
    expect(tagRegions(item)).toEqual(['新化县', '娄底市']);
  });

  it('takes a caller named as 某市市民 for somewhere in the city: the district named beside it says where', () => {
    const hotline = article('人行道上的“陷阱”补上了', [
      '衡阳市民李女士7月1日来电:我家楼下的人行道上有块地砖塌陷了半个多月。',
      '不到两个小时，蒸湘区市政维修班组就到了，把松动的地砖一块块重新铺平。',
    ]);
    expect(tagRegions(hotline)).toEqual(['蒸湘区', '衡阳市']);
    // …and with no district named, the city.
    expect(tagRegions(article('市民说出新期待', ['记者走上街头随机采访了一些长沙市民。']))).toEqual(['长沙市']);
    // The city's 民政局 is no resident.
    expect(tagRegions(article('救助站开展冬季巡查', ['长沙市民政局组织工作人员开展冬季巡查。']))).toEqual(['长沙市']);
  });

  it('reads a county city’s short name in a list of rivers before 流域 as the river', () => {
    const visit = article('省档案馆征集组到常德寻访老码头', ['9月16日，征集组一行抵达常德，为沅江、澧水流域的老码头影像建档。']);
    expect(tagRegions(visit)).toEqual(['常德市']);
  });
});

describe('a city’s events in its counties', () => {
  it('keeps a city’s meeting that the headline places in one of its counties the city’s', () => {
    const meeting = article('郴州市农业系统冬季水利建设现场推进会在宜章召开', [
      '2031年11月18日，郴州市农业系统冬季水利建设现场推进会在宜章县召开。',
      '与会人员实地察看了宜章县梅田镇的山塘清淤工地和宜章县的渠道硬化工程。',
      '宜章县介绍了经验，宜章县的做法得到肯定。',
    ]);
    expect(tagRegions(meeting)).toEqual(['郴州市']);
  });

  it('keeps a city’s meeting the opening places in one of its counties the city’s, under a headline naming the city', () => {
    const meeting = article('益阳市文旅系统乡村旅游现场观摩会召开', [
      '4月9日，益阳市文旅系统乡村旅游现场观摩会在安化县召开。',
      '与会人员观摩了安化县江南镇的茶旅融合项目和安化县梅城镇的古镇民宿，安化县介绍了经验。',
      '安化县的民宿数量三年翻了一番。',
    ]);
    expect(tagRegions(meeting)).toEqual(['益阳市']);
  });

  it('gives a city group’s visit to one of its counties (前往某区开展走访调研) to the host', () => {
    const visit = article('某党派岳阳市委会青年工作委员会组织开展乡村产业走访调研活动', [
      '11月26日，某党派岳阳市委会青年委员一行十余人前往君山区，就湖区特色种养开展走访调研。',
      '委员们先后参观了君山区的芦苇湿地科普馆，听取了君山区乡村产业发展的情况介绍。',
      '委员们表示，要为岳阳的乡村振兴多出力。',
    ]);
    expect(tagRegions(visit)).toEqual(['君山区', '岳阳市']);
  });
});
