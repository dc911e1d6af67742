/**
 * Region tagging: small made-up articles for the false-positive traps, and the accuracy on the
 * hand-labelled seed articles (test/fixtures/seed-articles.json).
 */
import { describe, expect, it } from 'vitest';
import { tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';
import { labelledSeedPairs } from '../support/labelled-seeds.ts';

/** A made-up article: headline and paragraphs, nothing else. */
function article(title: string, body: string[], more: Partial<TaggableArticle> = {}): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [], ...more };
}

describe('tagging the places an article is about', () => {
  it('lists a county followed by its prefecture, from a short name in the headline', () => {
    expect(tagRegions(article('邵东：推进民生实事项目', ['近日，邵东市推进10件民生实事。']))).toEqual(['邵东市', '邵阳市']);
  });

  it('lists a prefecture alone when no county is the subject', () => {
    expect(tagRegions(article('邵阳市举行道路交通安全宣传活动', ['日前，邵阳市在城南公园举行宣传活动。']))).toEqual(['邵阳市']);
  });

  it('tags a province-wide article with the province', () => {
    expect(tagRegions(article('全省春耕生产现场会召开', ['湖南省春耕生产现场会日前召开。', '会议要求全省各地抓好春耕。']))).toEqual([
      '湖南省',
    ]);
  });

  it('tags an article about nowhere in Hunan with nothing', () => {
    expect(tagRegions(article('催收公告', ['截至2023年2月28日，债务人尚有借款未还。']))).toEqual([]);
  });

  it('reads the kicker and the subtitle as strongly as the headline', () => {
    expect(tagRegions(article('平安底色提升幸福成色', ['平安，民之所盼。'], { kicker: '回眸发展看桂东' }))).toEqual(['桂东县', '郴州市']);
    expect(tagRegions(article('凝心聚力奏强音', ['近年来，该县坚持绿色发展。'], { subtitle: '中方县奋力开创新局面' }))).toEqual([
      '中方县',
      '怀化市',
    ]);
  });

  it('credits a county, not its prefecture, for "prefecture + county"', () => {
    expect(tagRegions(article('特色产业助农增收', ['近年来，郴州市桂阳县大力发展特色产业。', '桂阳县的辣椒远销各地。']))).toEqual([
      '桂阳县',
      '郴州市',
    ]);
  });

  it('attributes a uniquely named town to its county', () => {
    expect(tagRegions(article('资福镇：党建引领基层治理', ['初冬时节，资福镇的田野一片宁静。']))).toEqual(['宁乡市', '长沙市']);
  });

  it('ignores a town name that several counties share', () => {
    expect(tagRegions(article('龙潭镇举办农民丰收节', ['丰收节上，村民们载歌载舞。']))).toEqual([]);
  });

  it('reads a former designation as the current county', () => {
    expect(tagRegions(article('邵东县召开经济工作会议', ['会议总结了全年工作。']))).toEqual(['邵东市', '邵阳市']);
  });

  it('reads traditional characters', () => {
    expect(tagRegions(article('邵陽市舉行交通安全宣傳活動', ['日前，邵陽市在城南公園舉行活動。']))).toEqual(['邵阳市']);
  });

  it('lists two counties of one prefecture before the prefecture', () => {
    expect(tagRegions(article('桂东汝城联合开展森林防火演练', ['日前，桂东县与汝城县在两县交界处联合开展演练。']))).toEqual([
      '桂东县',
      '汝城县',
      '郴州市',
    ]);
  });
});

describe('passing mentions do not make an article about a place', () => {
  it('a bank named after a city', () => {
    const story = article('邵东：金融服务助力小微企业', [
      '近日，邵东市举办银企对接会，长沙银行、邵阳农商银行等机构参加。',
      '会上，长沙银行与12家企业签约。',
    ]);
    expect(tagRegions(story)).toEqual(['邵东市', '邵阳市']);
    expect(
      tagRegions(article('长沙银行发布年度报告', ['长沙银行日前发布年度报告，营业收入同比增长8%。', '长沙银行永州分行业绩增长明显。'])),
    ).toEqual([]);
  });

  it('a route between two cities', () => {
    expect(
      tagRegions(article('春运首日客流平稳', ['记者获悉，今年春运新增长沙至邵阳、长沙—怀化的动车班次。', '旅客可通过12306购票。'])),
    ).toEqual([]);
    expect(tagRegions(article('桂东开通城乡公交', ['日前，桂东县开通5条城乡公交线路，新增开往长沙的班车。']))).toEqual([
      '桂东县',
      '郴州市',
    ]);
  });

  it("a visitor's or a native's home town", () => {
    const visit = article('桂东：红色旅游持续升温', [
      '国庆期间，桂东县接待游客10万人次。',
      '“风景太美了！”来自长沙的游客李先生说。',
      '株洲游客张女士表示还会再来。',
    ]);
    expect(tagRegions(visit)).toEqual(['桂东县', '郴州市']);
    expect(tagRegions(article('他把家乡带向世界', ['邵阳籍企业家李某在深圳创业30年。', '他说，邵阳人勤劳肯干。']))).toEqual([]);
  });

  it('a common word that contains or is a short name', () => {
    // 股东安排 holds 东安, 中方 is "the Chinese side", 通道 "passage", 凤凰 "phoenix", 会同 "together with".
    const story = article('企业召开股东大会', [
      '会议由公司股东安排，中方代表出席。',
      '项目开辟绿色通道，企业实现凤凰涅槃。',
      '双方在会同期签署协议。',
    ]);
    expect(tagRegions(story)).toEqual([]);
    expect(tagRegions(article('凤凰：中方代表团来访', ['凤凰卫视报道了这一消息。']))).toEqual([]);
  });

  it('a common-word short name counts once the place is named in full or after its prefecture', () => {
    expect(tagRegions(article('中方：乡村振兴见实效', ['近年来，中方县聚焦产业发展。']))).toEqual(['中方县', '怀化市']);
    expect(tagRegions(article('怀化中方推进乡村振兴', ['当地聚焦产业发展。']))).toEqual(['中方县', '怀化市']);
  });

  it("a different division with a county's stem (a zone, a village)", () => {
    // 洪江区 is the functional zone, not the county-level city 洪江市.
    expect(tagRegions(article('凝心聚力奏强音', ['近年来，怀化市洪江区自然资源局坚持绿色理念。', '洪江区耕地保护成效明显。']))).toEqual([
      '洪江区',
      '怀化市',
    ]);
    expect(tagRegions(article('桃源村的致富路', ['近年来，桃源村发展民宿。']))).toEqual([]);
  });

  it("a news site or media centre named after a place (a web copy's source line)", () => {
    expect(
      tagRegions(article('春茶开采', ['据永州新闻网消息，日前，安化县春茶开采。', '本文转自永州新闻网，原载郴州市融媒体中心。'])),
    ).toEqual(['安化县', '益阳市']);
  });

  it('a newspaper, a street or a station named after a place', () => {
    const story = article('老街焕新颜', ['近日，长沙晚报记者走访了韶山路沿线的老旧小区。', '记者从长沙南站出发，一路看到新变化。']);
    expect(tagRegions(story)).toEqual([]);
  });

  it('a neighbour named as a boundary (东邻X, 南抵X、Y, 与X交界) is not the subject', () => {
    const profile = article('汝城县情简介', [
      '汝城县位于郴州市东南部，东邻桂东、炎陵，南抵宜章。',
      '县境北部与桂东县、炎陵县交界，山高林密。',
    ]);
    expect(tagRegions(profile)).toEqual(['汝城县', '郴州市']);
    // The same places named as where something happens still count.
    const visit = article('汝城县干部赴外地学习', ['近日，汝城县干部来到桂东县、炎陵县学习经验。', '桂东县、炎陵县介绍了做法。']);
    expect(tagRegions(visit)).toContain('桂东县');
  });

  it("a paper named as such makes a story about itself its region's, when no place is named", () => {
    expect(tagRegions(article('那些年的老报馆', ['我是1991年进入青溪日报社工作的，后来调到常德日报社。']))).toEqual(['常德市']);
    expect(tagRegions(article('读报记', ['我第一次读到《邵阳日报》，是在读初中的时候。']))).toEqual(['邵阳市']);
  });

  it("a place name inside a longer word or another place's name", () => {
    expect(tagRegions(article('中共天津市委召开全会', ['会议审议通过了决定。']))).toEqual([]);
    expect(tagRegions(article('寻找心中的世外桃源', ['山水之间，宛如世外桃源。']))).toEqual([]);
  });

  it('a neighbour named in passing in a long report on one county', () => {
    const body = [
      '近年来，桂东县大力发展茶产业。',
      '桂东县茶园面积达10万亩。',
      '桂东县还建成茶叶加工园。',
      '与汝城县相比，桂东的茶园更集中。',
      '桂东县的茶叶远销各地。',
    ];
    expect(tagRegions(article('桂东：一片茶叶富了一方百姓', body))).toEqual(['桂东县', '郴州市']);
  });
});

describe('an article about the whole province', () => {
  it('is the province when its places are spread over several prefectures, none dominant', () => {
    const list = article('第二批特色产业示范村名单出炉', [
      '日前，第二批特色产业示范村名单公示。',
      '入选村庄有：醴陵市枫林村、衡南县茶塘村、武冈市桃花村、临湘市白羊村、慈利县溪口村、沅陵县竹园村。',
    ]);
    expect(tagRegions(list)).toEqual(['湖南省']);
  });

  it('is the province when a headline is framed by it and no prefecture outweighs it', () => {
    const meeting = article('全省冬春水利建设现场会召开', [
      '本报长沙12月2日讯（记者 甲乙）12月1日，全省冬春水利建设现场会在长沙召开。',
      '会议要求全省各地抓紧修复水毁工程。',
    ]);
    expect(tagRegions(meeting)).toEqual(['湖南省']);
    const ranking = article('我省新添4个省级现代农业园', ['我省新添4个省级现代农业园，分别落户桃江县、新化县、道县和祁东县。']);
    expect(tagRegions(ranking)).toEqual(['湖南省']);
  });

  it('is the province when a headline naming no place is framed by its opening', () => {
    const story = article('第九届讲故事大赛决赛揭晓', [
      '由省委宣传部主办的湖南省第九届讲故事大赛决赛在长沙举行。',
      '十五名选手登台讲述自己的故事。',
    ]);
    expect(tagRegions(story)).toEqual(['湖南省']);
    // …but a headline that names the place keeps it.
    expect(tagRegions({ ...story, title: '长沙举行讲故事大赛决赛' })).toEqual(['长沙市']);
  });

  it('reads 湖南 right before a place as a qualifier, not as framing', () => {
    expect(tagRegions(article('湖南衡阳：非遗展演进社区', ['近日，一场非遗展演走进社区。']))).toEqual(['衡阳市']);
  });

  it('stays with the place when the headline puts the place first', () => {
    const award = article('衡阳在全省护理技能竞赛中夺冠', [
      '近日，全省护理技能竞赛落幕，衡阳市代表队获团体第一名。',
      '衡阳市卫健委表示，全省各参赛队水平都很高。',
      '衡阳市将继续加强护理人才培养。',
    ]);
    expect(tagRegions(award)).toEqual(['衡阳市']);
  });

  it('stays with the place when one prefecture holds most of the points', () => {
    const tour = article('浏阳花炮走出国门', [
      '近年来，浏阳市花炮出口持续增长。',
      '浏阳市还与醴陵市、湘潭县企业合作，也从平江县采购原料。',
      '浏阳市花炮产业年产值超百亿元。',
    ]);
    expect(tagRegions(tour)[0]).toBe('浏阳市');
  });
});

describe('an article about a whole prefecture', () => {
  it('is the prefecture when its places are spread over several of its counties, none dominant', () => {
    const roundup = article('一季度重点项目集中开工', [
      '日前，宜章县、嘉禾县、临武县、汝城县四地同步举行重点项目集中开工仪式。',
      '其中宜章县开工项目12个，嘉禾县9个，临武县8个，汝城县6个。',
    ]);
    expect(tagRegions(roundup)).toEqual(['郴州市']);
  });

  it('keeps the county when one county holds most of the points', () => {
    const story = article('宜章：脐橙产业链延伸', [
      '近年来，宜章县延伸脐橙产业链。',
      '宜章县还与嘉禾县、临武县企业合作。',
      '宜章县脐橙年产值超10亿元。',
    ]);
    expect(tagRegions(story)).toEqual(['宜章县', '郴州市']);
  });
});

function seedAccuracy() {
  const pairs = labelledSeedPairs();
  const misses: string[] = [];
  const unmatched = pairs.filter((p) => !p.article).map((p) => p.label.title);
  let mostSpecific = 0;
  let exactSet = 0;
  for (const { label, article } of pairs) {
    if (!article) continue;
    const tagged = tagRegions(article);
    const specificOk = (tagged[0] ?? null) === (label.regions[0] ?? null);
    const setOk = tagged.length === label.regions.length && tagged.every((r) => label.regions.includes(r));
    if (specificOk) mostSpecific++;
    if (setOk) exactSet++;
    if (!specificOk || !setOk) misses.push(`${label.title}: ${JSON.stringify(tagged)} ≠ ${JSON.stringify(label.regions)}`);
  }
  const matched = pairs.length - unmatched.length;
  return { labelled: pairs.length, matched, mostSpecific: mostSpecific / matched, exactSet: exactSet / matched, misses, unmatched };
}

describe('accuracy on the hand-labelled seed articles', () => {
  it('finds the most specific region of at least 97% of the articles', () => {
    const score = seedAccuracy();
    console.log(
      `region tagging on ${score.matched} of ${score.labelled} labelled seed articles (the others were not split out): ` +
        `most specific ${(score.mostSpecific * 100).toFixed(1)}%, exact set ${(score.exactSet * 100).toFixed(1)}%\n` +
        `  misses: ${score.misses.join(' | ') || 'none'}\n  not split out: ${score.unmatched.join(' | ') || 'none'}`,
    );
    expect(score.matched).toBeGreaterThanOrEqual(Math.ceil(score.labelled * 0.9));
    expect(score.mostSpecific).toBeGreaterThanOrEqual(0.97);
    expect(score.exactSet).toBeGreaterThanOrEqual(0.9);
  });
});
