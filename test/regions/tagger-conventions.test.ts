/**
 * The tagging conventions settled in round 8 (README "Tagging articles"): where a provincial event
 * is held, a city's headline over one district, a place elsewhere sharing a Hunan stem, and the
 * variants the robustness pages (dev/83–86) exercise. Invented articles only.
 */
import { describe, expect, it } from 'vitest';
import { outletHome, tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

/** A made-up article: headline and paragraphs, nothing else. */
function article(title: string, body: string[], more: Partial<TaggableArticle> = {}): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [], ...more };
}

describe('a provincial event held in one place', () => {
  it('is the county’s when the headline names the venue (在某市某县举办)', () => {
    const festival = article('全省乡村音乐季将在永州双牌举办', ['全省各地的乡村乐队将同台演出，游客可以到山里听歌、住民宿。']);
    expect(tagRegions(festival)).toEqual(['双牌县', '永州市']);
  });

  it('is the county’s when only the opening names the venue under a headline framed by the province', () => {
    const showcase = article('湖南启动“送戏下乡”集中示范活动', [
      '1月20日，全省“送戏下乡”集中示范活动在邵阳新宁县一里渡村举行。',
      '省直单位为村民送上花鼓戏和农技资料。',
    ]);
    expect(tagRegions(showcase)).toEqual(['新宁县', '邵阳市']);
    // A meeting on the spot (现场推进会) in a county, written in traditional characters too.
    const meeting = article('全省農村公路養護現場推進會召開', ['11月26日，全省農村公路養護現場推進會在茶陵縣召開。']);
    expect(tagRegions(meeting)).toEqual(['茶陵县', '株洲市']);
  });

  it('is a city’s when the province holds it there, but never the capital’s', () => {
    const games = article('全省老年人运动会开幕', ['9月20日，全省第五届老年人运动会在衡阳开幕，来自各市州的选手参加比赛。']);
    expect(tagRegions(games)).toEqual(['衡阳市']);
  });

  it('stays the province’s in the capital, and when the county is named but is no venue', () => {
    const capital = article('全省春季森林防火工作会议召开', [
      '3月2日，全省春季森林防火工作会议在长沙召开。',
      '会议要求全省各地严管野外用火。',
    ]);
    expect(tagRegions(capital)).toEqual(['湖南省']);
    expect(
      tagRegions({ ...capital, body: ['3月2日，全省春季森林防火工作会议在长沙市岳麓区召开。', '会议要求全省各地严管野外用火。'] }),
    ).toEqual(['湖南省']);
    const praised = article('全省表彰乡村振兴先进集体', [
      '全省乡村振兴表彰大会日前召开，双牌县等20个县获评先进。',
      '会议要求全省各地再接再厉。',
    ]);
    expect(tagRegions(praised)).toEqual(['湖南省']);
  });

  it('leaves a city’s event in one of its counties to the city (its seat is one of them)', () => {
    const contest = article('怀化市乡村讲解员大赛落幕', ['4月18日，怀化市乡村讲解员大赛决赛在溆浦县举行，来自各县市区的选手同台比拼。']);
    expect(tagRegions(contest)).toEqual(['怀化市']);
  });
});

describe('a headline that names the whole prefecture', () => {
  it('keeps the prefecture over a text that only reaches its first district', () => {
    const profile = article('娄底市各县市区概况', [
      '娄星区位于娄底市中部，是全市的政治、经济和文化中心。',
      '娄星区辖多个街道和乡镇，境内有水库和湿地公园。',
    ]);
    expect(tagRegions(profile)).toEqual(['娄底市']);
  });
});

describe('a place elsewhere that shares a Hunan stem', () => {
  it('is that place by its bare stem too, once the article writes its full name', () => {
    const story = article('走进华容：湖畔鱼塘迎来丰收', [
      '近日，湖北省鄂州市华容区的湖畔鱼塘迎来捕捞季。',
      '华容的养殖户说，近年来鱼价稳中有升。',
    ]);
    expect(tagRegions(story)).toEqual([]);
    // Without the place elsewhere, 华容 is Hunan's county.
    expect(tagRegions(article('走进华容：湖畔鱼塘迎来丰收', ['华容的养殖户说，近年来鱼价稳中有升。']))).toEqual(['华容县', '岳阳市']);
  });
});

describe('the robustness pages’ variants', () => {
  it('reads boundaries written with other verbs (东连, 南接, 北界, 西与…相邻) as neighbours', () => {
    const profile = article('新田县概况', [
      '新田县地处湖南省南部，东连嘉禾县，南接宁远县，北界祁阳市、桂阳县，西与宁远县相邻。',
      '新田县盛产富硒大米。',
    ]);
    expect(tagRegions(profile)).toEqual(['新田县', '永州市']);
  });

  it('makes a list of villages in several prefectures the province’s, with no province word', () => {
    const list = article('47个村入选乡村旅游重点村名单', [
      '长沙县开慧村、韶山市韶山村、凤凰县菖蒲塘村、新田县龙家大院村、桃源县枫树村等47个村入选。',
    ]);
    expect(tagRegions(list)).toEqual(['湖南省']);
  });
});

describe('the home written by one character', () => {
  it('credits the home after a verb of coming (来沅采访 on 沅江’s site), never 湘 or an everyday word', () => {
    const visit = article('湖南卫视来沅采访', ['近日，湖南卫视派出记者来沅宣传报道湖区生态保护工作。', '记者先后走进我市的芦苇场和林场。']);
    expect(tagRegions({ ...visit, home: '沅江市' })).toEqual(['沅江市', '益阳市']);
    expect(tagRegions(visit)).toEqual([]);
    // 在永远 is no 永州; 来湘 is Hunan, not 湘潭.
    const words = article('一封家书', ['他说要在永远的故乡扎根，欢迎朋友们来湘做客。', '信写得很长。']);
    expect(tagRegions({ ...words, home: '永州市' })).toEqual([]);
    expect(tagRegions({ ...words, home: '湘潭市' })).toEqual([]);
  });

  it('reads an outlet’s name in traditional characters (沅江新聞網)', () => {
    expect(outletHome('來源:沅江新聞網 作者:某某')).toBe('沅江市');
  });
});

describe('a place the dictionary joins to its province', () => {
  it('still finds 永州 in 湖南永州 (one word in jieba’s dictionary)', () => {
    expect(tagRegions(article('新湖南永州十一个县区频道上线', ['9月6日，新湖南永州11个县区频道集中上线。']))).toEqual(['永州市']);
  });
});

describe('where an event happened', () => {
  it('is the county the opening says it happened in, though the headline names the city', () => {
    const fire = article('永州山火三小时扑灭', [
      '3月2日下午，永州市江永县一个山村附近发生山火，三小时后明火被扑灭。',
      '江永县应急管理局提醒，野外严禁用火。',
    ]);
    expect(tagRegions(fire)).toEqual(['江永县', '永州市']);
    // Without the scene, a city headline over one county's example stays the city's (dev/44).
    const buses = article('永州市：农村客运班线实现村村通', [
      '近日，江永县一个山村的村民坐上了新开通的客运班车。',
      '江永县所有行政村均已通客车。',
    ]);
    expect(tagRegions(buses)).toEqual(['永州市']);
  });
});
