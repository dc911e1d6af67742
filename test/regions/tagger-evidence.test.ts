/**
 * Tagging from thin or uneven evidence: an article that names one place once, and a prefecture
 * whose own mentions outweigh those of its counties. Invented articles only.
 */
import { describe, expect, it } from 'vitest';
import { outletHome, tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

/** A made-up article: headline and paragraphs, nothing else. */
function article(title: string, body: string[], more: Partial<TaggableArticle> = {}): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [], ...more };
}

describe('an article that names one place once', () => {
  it('is about that place when every place it names lies on one line of descent', () => {
    const notice = article('作废声明', ['本店营业执照副本一份不慎丢失，声明作废。', '特此声明。', '衡阳市珠晖区某某便利店']);
    expect(tagRegions(notice)).toEqual(['珠晖区', '衡阳市']);
    const memoir = article('我与一张报纸的缘分', [
      '那年我在新化县读初中，第一次把稿子寄给了报社。',
      '后来我一直订阅这份报纸，至今已有三十年。',
    ]);
    expect(tagRegions(memoir)).toEqual(['新化县', '娄底市']);
    const caption = article('记者节里话初心', ['今天，我们回头看看走过的路。'], { captions: ['大美常德航拍图。'] });
    expect(tagRegions(caption)).toEqual(['常德市']);
  });

  it('says nothing when the places lie in two counties, or are named only in passing', () => {
    const letter = article('一封来信', [
      '那是一封很普通的信，信封已经发黄，邮票也掉了一角，可我一直把它压在书桌的玻璃板下。',
      '信从新化县寄出，一周后到了汉寿县。',
    ]);
    expect(tagRegions(letter)).toEqual([]);
    expect(tagRegions(article('银行发布年报', ['长沙银行日前发布年度报告，营业收入同比增长。']))).toEqual([]);
    expect(tagRegions(article('春运首日', ['今年春运新增长沙至邵阳的动车班次。']))).toEqual([]);
  });
});

describe("a prefecture whose own mentions lead its counties'", () => {
  it('is the subject when it has twice the points of its best county (a tour that passes a district)', () => {
    const tour = article('摄影采风团镜头里的郴州', [
      '近日，摄影采风活动在郴州市启动。',
      '采风团走进苏仙区的茶园。郴州的山水有灵气。作品将在苏仙区展出，再到苏仙区各乡镇巡展。',
    ]);
    expect(tagRegions(tour)).toEqual(['郴州市']);
  });

  it('is the subject on equal points when the headline names it and not the county', () => {
    const report = article('衡阳市：客运班线实现村村通', [
      '“以前到镇上赶集要走半个小时山路，现在班车开到了家门口。”近日，衡南县一个山村的村民坐上了新开通的客运班车。',
      '衡南县今年新开通班线12条。目前，衡南县所有行政村均已通客车。',
    ]);
    expect(tagRegions(report)).toEqual(['衡阳市']);
  });

  it('is the subject on equal points when the article names two of its counties', () => {
    const parks = article('新建口袋公园18处', [
      '今年以来，株洲市在芦淞区、荷塘区新建口袋公园18处。',
      '芦淞区、荷塘区的这批公园利用边角地改造而成。明年株洲市还将再建20处。',
    ]);
    expect(tagRegions(parks)).toEqual(['株洲市']);
  });

  it('leaves the county first when it has more points, or when only a column names the prefecture', () => {
    const county = article('衡南县：客运班线实现村村通', ['近日，衡南县新开通班线12条，衡阳市交通部门派员验收。']);
    expect(tagRegions(county)).toEqual(['衡南县', '衡阳市']);
    const column = article('包工头拒不支付工资获刑', ['近日，宁远县人民法院审结一起拒不支付劳动报酬案。'], { kicker: '法治·永州' });
    expect(tagRegions(column)).toEqual(['宁远县', '永州市']);
  });
});

describe('names that hold a place', () => {
  it("make a paper's own story its place's when the headline names the paper", () => {
    const memoir = article('我与衡阳日报结缘三十年', ['三十年前，我在衡东县一所乡村中学教书，第一次把小稿寄给了报社。']);
    expect(tagRegions(memoir)).toEqual(['衡阳市']);
    // In the text, and as a reporter's outlet, a paper's name still says nothing.
    expect(tagRegions(article('衡阳晚报记者探访古村', ['近日，记者走进安化县一个古村。']))).toEqual(['安化县', '益阳市']);
    expect(tagRegions(article('老街焕新颜', ['据衡阳日报报道，老街改造完成。']))).toEqual([]);
  });

  it("make a broadcaster's own story its place's when the headline names the station", () => {
    const praise = article('衡阳表彰耒阳电视台外宣工作', ['近日，衡阳市新闻奖揭晓，耒阳外宣工作居衡阳地区前列，获衡阳通报表扬。']);
    expect(tagRegions(praise)).toEqual(['耒阳市', '衡阳市']);
    // In the text, and as a reporter's outlet, a station's name still says nothing.
    expect(tagRegions(article('耒阳电视台记者走进古村', ['近日，记者走进安化县一个古村。']))).toEqual(['安化县', '益阳市']);
    expect(tagRegions(article('老街焕新颜', ['据耒阳电视台报道，老街改造完成。']))).toEqual([]);
  });

  it("say nothing of the province when they are an institution's (湖南某某学院, 湖南省某某医院)", () => {
    expect(tagRegions(article('湖南山河职业学院学生下乡支教', ['7月，湖南山河职业学院的学生来到一个山村支教。']))).toEqual([]);
    expect(tagRegions(article('义诊进山村', ['近日，湖南省人民医院专家来到桂东县开展义诊。']))).toEqual(['桂东县', '郴州市']);
    expect(tagRegions(article('全省春耕工作会议召开', ['会议要求，湖南各地抓好春耕备耕。']))).toEqual(['湖南省']);
  });
});

describe("a county outlet's own towns", () => {
  it('count on its pages even when their names are not safe elsewhere', () => {
    const brief = article('清泉镇：高山茶园迎来采摘季', ['连日来，清泉镇的高山茶园里一片忙碌。']);
    expect(tagRegions(brief)).toEqual([]);
    expect(tagRegions({ ...brief, home: '桂东县' })).toEqual(['桂东县', '郴州市']);
    // Another county's outlet does not make it that county's town, nor does a prefecture's.
    expect(tagRegions({ ...brief, home: '汝城县' })).toEqual([]);
    expect(tagRegions({ ...brief, home: '郴州市' })).toEqual([]);
  });

  it("count written without 镇 on their county's pages when three characters or more (大围山 for 大围山镇)", () => {
    const trip = article('大围山杜鹃花进入盛花期', ['本报讯 这几天，大围山的杜鹃花开满山坡，景区周末接待游客过万人次。']);
    expect(tagRegions(trip)).toEqual([]);
    expect(tagRegions({ ...trip, home: '浏阳市' })).toEqual(['浏阳市', '长沙市']);
    expect(tagRegions({ ...trip, home: '平江县' })).toEqual([]);
  });
});

describe("the home's own committee", () => {
  it('credits the home when written bare (县委常委会, 州委组织部), not after a place or in another word', () => {
    const meeting = article('县委常委会专题研究防汛工作', ['6月2日，县委常委会召开会议，部署防汛工作。']);
    expect(tagRegions(meeting)).toEqual([]);
    expect(tagRegions({ ...meeting, home: '桂东县' })).toEqual(['桂东县', '郴州市']);
    // A county paper's 州委 or 市委 is not its county's; 社区委员 is no committee.
    expect(tagRegions({ ...meeting, title: '州委组织部发布公告', body: ['州委组织部发布干部任前公示。'], home: '桂东县' })).toEqual([]);
    // (A place beside it, so that the district's own placeless items, placeless.ts, do not answer for it.)
    expect(tagRegions(article('社区换届', ['社区委员会完成换届选举，芙蓉区派员指导。'], { home: '开福区' }))).toEqual(['芙蓉区', '长沙市']);
  });

  it('reads an app named after its place (某地头条) as an outlet', () => {
    expect(outletHome('湘西头条')).toBe('湘西土家族苗族自治州');
  });
});
