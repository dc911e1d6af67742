/** Tagging: the dateline's place, the paper's own place, places outside Hunan and functional zones. */
import { describe, expect, it } from 'vitest';
import { datelineLength, outletHome, tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

/** A made-up article: headline and paragraphs, nothing else. */
function article(title: string, body: string[], more: Partial<TaggableArticle> = {}): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [], ...more };
}

describe('the dateline place is not the subject', () => {
  it('finds the dateline in each of its forms', () => {
    const datelines = [
      '本报长沙5月6日讯（记者 甲乙 通讯员 丙丁）',
      '本报讯（记者 甲乙）',
      '某某晚报掌上长沙5月6日讯（全媒体记者 甲乙）',
      '中新网长沙5月6日电',
      '新华社长沙5月6日电（记者 甲乙）',
      '新湖南客户端衡阳讯（通讯员 甲乙）',
      '邵阳日报5月6日讯（全媒体记者 甲乙）',
    ];
    for (const d of datelines) expect(datelineLength(`${d}日前，某地召开会议。`), d).toBe(d.length);
  });

  it('does not take a company or good news at the start for a dateline', () => {
    expect(datelineLength('国网邵东市供电公司日前完成线路改造。')).toBe(0);
    expect(datelineLength('喜讯传来，村民们欢欣鼓舞。')).toBe(0);
    expect(datelineLength('记者5月6日电话采访了当地干部。')).toBe(0);
    expect(datelineLength('中新网长沙5月6日电 题：某地新貌')).toBe('中新网长沙5月6日电'.length);
  });

  it("tags the story's place, not the city it was filed from", () => {
    const body = (dateline: string) => [`${dateline}日前，邵阳市新建的城西公园正式开园。`, '邵阳市园林部门介绍，公园占地300亩。'];
    for (const d of [
      '本报长沙5月6日讯（记者 甲乙）',
      '某某晚报掌上长沙5月6日讯（全媒体记者 甲乙）',
      '中新网长沙5月6日电 ',
      '新湖南客户端长沙讯（通讯员 甲乙）',
    ]) {
      expect(tagRegions(article('城西公园开园迎客', body(d))), d).toEqual(['邵阳市']);
    }
    expect(tagRegions(article('黄花菜进入采摘期', ['新湖南客户端衡阳讯（通讯员 甲乙）日前，祁东县黄花菜进入采摘期。']))).toEqual([
      '祁东县',
      '衡阳市',
    ]);
  });

  it('still counts the place once it is named after the dateline', () => {
    expect(tagRegions(article('老城区改造启动', ['本报长沙5月6日讯（记者 甲乙）日前，长沙市启动老城区改造。']))).toEqual(['长沙市']);
  });
});

describe("the paper's own place: 全市, 我县 …", () => {
  const meeting = (dateline: string, more: Partial<TaggableArticle> = {}) =>
    article('全市防汛工作会议召开', [`${dateline}5月6日，全市防汛工作会议召开。`, '会议要求，全市各级各部门压实防汛责任。'], more);

  it('refers to the place in the dateline', () => {
    expect(tagRegions(meeting('益阳日报5月6日讯（全媒体记者 甲乙）'))).toEqual(['益阳市']);
  });

  it("refers to the outlet's home when the splitter knows it, or the dateline it took off", () => {
    expect(tagRegions(meeting('本报讯（记者 甲乙）'))).toEqual([]);
    expect(tagRegions(meeting('本报讯（记者 甲乙）', { home: '益阳市' }))).toEqual(['益阳市']);
    expect(tagRegions(meeting('', { dateline: '益阳日报5月6日讯' }))).toEqual(['益阳市']);
  });

  it("only when the home is that kind of place (全县 is not a city's)", () => {
    const county = article('全县油菜花开', ['日前，全县20万亩油菜花竞相开放。']);
    expect(tagRegions({ ...county, home: '益阳市' })).toEqual([]);
    expect(tagRegions({ ...county, home: '南县' })).toEqual(['南县', '益阳市']);
  });

  it("reads an outlet's home from its name", () => {
    expect(outletHome('益阳日报')).toBe('益阳市');
    expect(outletHome('浏阳日报 2024年5月6日 星期一')).toBe('浏阳市');
    expect(outletHome('湖南日报')).toBe('湖南省');
    expect(outletHome('某某青年报')).toBeUndefined();
  });
});

describe('places elsewhere in China are not Hunan', () => {
  it('a district elsewhere whose name looks Hunanese, with or without its province and city', () => {
    expect(tagRegions(article('湘东区举办油菜花节', ['江西萍乡湘东区日前举办油菜花节。', '萍乡市湘东区游客络绎不绝。']))).toEqual([]);
    expect(tagRegions(article('广西桂林：漓江竹筏游升温', ['广西桂林漓江沿岸游客增多。']))).toEqual([]);
  });

  it('a Hunan name inside the full name of a place elsewhere', () => {
    // 全南县 holds 南县; Sichuan's 资阳市 holds the stem of 益阳's 资阳区.
    expect(tagRegions(article('全南县发展脐橙产业', ['江西全南县脐橙种植面积扩大。']))).toEqual([]);
    expect(tagRegions(article('柠檬丰收季', ['四川资阳市柠檬迎来丰收。']))).toEqual([]);
  });

  it('a namesake of a Hunan place once the article places it elsewhere', () => {
    expect(tagRegions(article('永定区：土楼迎客', ['福建龙岩永定区土楼景区游客增多。', '永定区推出土楼研学线路。']))).toEqual([]);
    expect(tagRegions(article('永定区：旅游迎客', ['张家界市永定区景区游客增多。', '永定区推出研学线路。']))).toEqual([
      '永定区',
      '张家界市',
    ]);
  });

  it('a Hunan county whose tail is a place elsewhere, named before its own town (长沙县 holds 沙县, 汉寿县 寿县)', () => {
    // The town right after the county is the county's own, not a place after 福建沙县 or 安徽寿县.
    expect(tagRegions(article('汉寿县某湖镇办起油菜花节', ['汉寿县岩汪湖镇日前举办油菜花节，游客上万人。']))).toEqual(['汉寿县', '常德市']);
    expect(tagRegions(article('长沙县黄兴镇新建一所小学', ['长沙县黄兴镇新建的小学日前开学。']))).toEqual(['长沙县', '长沙市']);
  });
});

describe('functional zones', () => {
  it('tags a zone the dataset lists, by its usual and its long name', () => {
    expect(tagRegions(article('洪江区：古商城修缮完工', ['近日，洪江区古商城修缮工程完工。']))).toEqual(['洪江区', '怀化市']);
    expect(tagRegions(article('湘潭高新区新签约项目20个', ['今年以来，湘潭高新技术产业开发区引进项目20个。']))).toEqual([
      '湘潭高新区',
      '湘潭市',
    ]);
    expect(tagRegions(article('大通湖区：湖泊治理见成效', ['近年来，益阳市大通湖管理区推进水环境治理。']))).toEqual(['大通湖区', '益阳市']);
  });

  it("counts a zone's bare stem only once the zone is named (a lake, a poet)", () => {
    expect(tagRegions(article('端午话屈原', ['屈原是伟大的爱国诗人。', '屈原的作品流传千古。']))).toEqual([]);
  });

  it('tags a zone the dataset does not list with the place it lies in', () => {
    expect(tagRegions(article('娄底经开区项目集中开工', ['日前，娄底经济技术开发区18个项目集中开工。']))).toEqual(['娄底市']);
  });
});

/** Tagging accuracy on the hand-labelled seed articles that the splitter recovers by headline. */
