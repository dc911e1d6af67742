/** Layout conventions of web and app pages, list pages and pathological pages (see docs/page-layouts.md). */
import { describe, expect, it } from 'vitest';
import { datelineOf, namesWithoutRoles } from '../../src/pages/blocks.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n\n');
const titles = (text: string) =>
  splitPage(text)
    .filter((a) => a.kind !== 'fragment')
    .map((a) => a.title);

describe('what web and app pages print around an article', () => {
  it('finds the headline beside an app banner and a line of time, reads and font size', () => {
    const text = page(
      '立即下载',
      '青溪镇试种富硒稻获丰收',
      '2031-05-02 09:10:11 字号:',
      '记者 谭思远 通讯员 龚晓',
      '近日，青溪镇试种的两百亩富硒稻迎来丰收，亩产超过六百公斤。',
    );
    const [article] = splitPage(text);
    expect(article.title).toBe('青溪镇试种富硒稻获丰收');
    expect(article.authors).toEqual(['谭思远', '龚晓']);
  });

  it("drops a site's line of date and reads under a title, and keeps the author line with the title", () => {
    const text = page(
      '湖光网',
      '山乡夜校开课了',
      '湖光网 2031-05-02 10:00 阅读数 321',
      '文/图 记者 周晓岚',
      '晚上七点，村部的灯亮了，三十多名村民来上夜校。',
    );
    expect(splitPage(text).map((a) => [a.title, a.authors])).toEqual([['山乡夜校开课了', ['周晓岚']]]);
  });

  it('reads an opening byline in brackets under the headline, with names printed letter-spaced', () => {
    const [article] = splitPage(
      page('某镇新修三座桥', '2031-05-02 10:00 字号:', '(王 一 李小二)', '近日，某镇新修的三座便民桥通车。', '桥梁由县交通部门设计。'),
    );
    expect(article.authors).toEqual(['王一', '李小二']);
    expect(article.body).toHaveLength(2);
  });

  it('reads a spaced role word, and takes a joint report or a planning credit for no author', () => {
    expect(splitPage(page('某县举办春季招聘会', '记 者:张晓', '近日，某县举办春季招聘会，提供岗位三千余个。'))[0].authors).toEqual([
      '张晓',
    ]);
    expect(namesWithoutRoles('青溪网、某县委宣传部联合报道')).toBeUndefined();
    expect(furnitureOf('策划/本报编辑部 甲乙 丙丁')).toBe('credits');
  });

  it('takes the line under an image file name for its caption', () => {
    const [article] = splitPage(
      page('枫林乡夜市开张', '本报记者 周晓岚', 'x1.jpg', '枫林乡的新夜市。', '近日，枫林乡夜市开张，二十多个摊位吸引了周边村民。'),
    );
    expect(article.captions).toEqual(['枫林乡的新夜市。']);
    expect(article.body[0].startsWith('近日')).toBe(true);
  });

  it('never takes an everyday word with an administrative character for a place opening', () => {
    const articles = splitPage(
      page(
        '某县文化馆送戏下乡',
        '本报记者 周晓岚',
        '近日，某县文化馆组织演员到各村巡演。',
        '一场别开生面的乡村音乐会',
        '音乐会上，村民们唱起了山歌。',
      ),
    );
    expect(articles.map((a) => a.title)).toEqual(['某县文化馆送戏下乡']);
  });

  it('puts a column name before 丨 in the kicker, and drops a site name after the title', () => {
    const [article] = splitPage(page('青溪观察丨稻田里的新农人_某某网', '本报讯（记者 周晓岚）清晨，返乡青年操作无人机为稻田施肥。'));
    expect([article.kicker, article.title]).toEqual(['青溪观察', '稻田里的新农人']);
  });

  it('takes a related-news list for navigation, its last item too', () => {
    const text = page(
      '往期回顾:',
      '走村记——东岭篇',
      '走村记——西岭篇',
      '走村记——南岭篇',
      '本报讯（记者 周晓岚）近日，记者走进北岭村，看村里的新变化。',
    );
    expect(titles(text)).toEqual([]);
  });

  it('strips HTML left in a copied page', () => {
    const [article] = splitPage(
      page('<p class="ql-block">某村建起共享菜园</p>', '<p>近日，某村把闲置地改成共享菜园&nbsp;，村民认领种菜。</p>'),
    );
    expect(article.title).toBe('某村建起共享菜园');
    expect(article.body[0]).toBe('近日，某村把闲置地改成共享菜园 ，村民认领种菜。');
  });

  it('reads a 消息 dateline and a reporter named after the last sentence', () => {
    expect(datelineOf('某某网11月5日长沙消息 近日，')).toBeDefined();
    const [article] = splitPage(page('某县冬修水利全面铺开', '近日，某县各乡镇组织群众清淤山塘。目前已完成年度任务的七成。  通讯员 李静'));
    expect(article.authors).toEqual(['李静']);
  });
});

describe('lists and photo stories', () => {
  it('takes a channel page of headlines, each over one paragraph, for separate articles', () => {
    const text = page(
      '某县新春庙会开幕',
      '正月初一，某县古镇庙会开幕，舞龙舞狮吸引游客三万余人次。',
      '冰雪中的暖心一幕',
      '连日来，某市遭遇低温雨雪天气，环卫工人连夜铲冰除雪。',
      '某镇“积分超市”开张',
      '村民参加志愿服务攒积分，可在超市兑换日用品。',
    );
    expect(titles(text)).toEqual(['某县新春庙会开幕', '冰雪中的暖心一幕', '某镇“积分超市”开张']);
  });

  it("keeps a signed feature's headings inside it", () => {
    const text = page(
      '某县茶产业观察',
      '本报记者 周晓岚',
      '近年来，某县茶园面积不断扩大。',
      '茶园变景区',
      '茶园里建起了游步道和观景台。',
      '茶农变股东',
      '合作社吸纳茶农入股分红。',
    );
    expect(titles(text)).toEqual(['某县茶产业观察']);
  });

  it('takes many short captions between a headline and its author line for captions', () => {
    const captions = [
      '大桥横跨江面。',
      '公园里市民唱歌跳舞。',
      '村中建起读书小屋。',
      '夜市里人头攒动。',
      '稻田里稻谷飘香。',
      '小龙虾远销各地。',
    ];
    const [article] = splitPage(
      page('看山乡新变化', ...captions, '文/图 本报全媒体记者 张 谨 陈 昊', '某市紧邻省会，近年来乡村面貌焕然一新。'),
    );
    expect(article.captions).toEqual(captions);
    expect(article.authors).toEqual(['张谨', '陈昊']);
    expect(article.body).toEqual(['某市紧邻省会，近年来乡村面貌焕然一新。']);
  });

  it('reads HTML paragraphs copied on one line as paragraphs', () => {
    const [article] = splitPage('<p>再见了，老报馆</p><p>提起笔来，心里有些沉。</p><p>二十年前，我第一次走进报馆。</p>');
    expect(article.title).toBe('再见了，老报馆');
    expect(article.body).toEqual(['提起笔来，心里有些沉。', '二十年前，我第一次走进报馆。']);
  });
});

describe('list pages, appendices and wiki copies', () => {
  it('ends a listed post at its posting time and drops the tag name over the first post', () => {
    const text = page(
      '常宁',
      '一壶油茶待远客',
      '二十余家媒体的记者走进西岭镇的油茶林，听茶农讲述一棵树撑起一个家的故事，还品尝了当地的擂茶……',
      '3月2日 下午 4:20',
      '其他',
      '油茶林春季抚育全面铺开',
      '市林业部门组织技术员分赴各乡镇，指导油茶种植户开展春季垦复和施肥，还在田间地头发放了手册，并为',
      '2月28日 下午 6:40',
      '其他',
    );
    expect(titles(text)).toEqual(['一壶油茶待远客', '油茶林春季抚育全面铺开']);
  });

  it('takes a long, spaced or issue-numbered series before a bar for the kicker', () => {
    for (const [line, kicker, title] of [
      ['青溪采风团湘南行走笔记丨一壶油茶待远客', '青溪采风团湘南行走笔记', '一壶油茶待远客'],
      ['山水常宁 等你来 | 西岭镇推出三条赏花线路', '山水常宁 等你来', '西岭镇推出三条赏花线路'],
      ['《西岭印记》(总第12期)|古法榨油坊的第三代传人', '《西岭印记》(总第12期)', '古法榨油坊的第三代传人'],
    ]) {
      const [article] = splitPage(page(line, '2031-03-02 10:00', '西岭镇的春天来得早，油菜花开满了山坡。'));
      expect([article.kicker, article.title]).toEqual([kicker, title]);
    }
  });

  it("keeps a winners' list inside its story: ranks are headings, names are entries", () => {
    const [story, ...rest] = splitPage(
      page(
        '讲解员大赛落幕',
        '本报讯（记者 龙晓岚）4月18日，大赛决赛在溆浦县举行。',
        '附：大赛获奖名单',
        '一等奖',
        '溆浦县 舒雨桐',
        '二等奖',
        '会同县 粟一鸣',
      ),
    );
    expect(rest).toEqual([]);
    expect(story.authors).toEqual(['龙晓岚']);
    expect(story.body).toContain('溆浦县 舒雨桐');
  });

  it('takes no headline from a place-opening caption over a section heading', () => {
    expect(
      titles(
        page(
          '西岭镇文化站',
          '西岭镇文化站位于常宁市西岭镇老街，始建于1982年，是全镇开展群众文化活动的主要场所。',
          '常宁市各乡镇文化站站长在非遗展示厅观看木榨演示',
          '设施',
          '图书室藏书一万二千册，周末向全镇群众免费开放。',
        ),
      ),
    ).toEqual(['西岭镇文化站']);
  });

  it('drops the tabs a wiki mirror glues to the entry name', () => {
    expect(titles('西岭镇文化站查看源代码讨论查看历史\n西岭镇文化站位于西岭镇老街，始建于1982年。')).toEqual(['西岭镇文化站']);
  });
});

describe("a CMS's field label before the title", () => {
  it('takes the label and the print button off the headline', () => {
    const text = page(
      '标题: 青溪县举办秋季农民丰收节 [打印本页]',
      '发布时间：2031-10-12 来源：青溪县融媒体中心 点击：58',
      '本报讯（通讯员 周小禾）10月11日，青溪县秋季农民丰收节在城郊稻田公园开幕，二十多个乡镇带来特色农产品展销。',
    );
    expect(titles(text)).toEqual(['青溪县举办秋季农民丰收节']);
  });

  it('leaves a label with no title after it alone', () => {
    expect(titles(page('题目：', '某县新修乡村公路三十公里', '本报讯（记者 王一）近日，某县新修乡村公路三十公里，方便群众出行。'))).toEqual(
      ['某县新修乡村公路三十公里'],
    );
  });
});

describe('pathological pages', () => {
  // vitest's time-out stands guard: a regular expression that backtracks on long lines would hang here.
  it.each([
    ['one 200 000-character line', 'a'.repeat(200_000)],
    ['thousands of open brackets', '（'.repeat(5000)],
    ['a dateline repeated', '本报讯（'.repeat(2000)],
    ['an e-mail-like run', `${'a.'.repeat(20_000)}@`],
    ['markup only', '<p>'.repeat(5000)],
  ])('splits %s without hanging', (_, text) => {
    expect(Array.isArray(splitPage(text))).toBe(true);
  });
});

describe('a mobile paper parted by its masthead and 导读', () => {
  it('starts the listed headline as a new article after the list, even under an item without a full stop', () => {
    const found = splitPage(
      [
        '读书角丨一盏油灯下的家书',
        '他在信里写道，油灯下读一遍家书。详情点击：https://example.org/a1',
        '2031年4月9日 星期三 农历三月初二',
        '[导读]',
        '★清溪 花开满谷 第三届油菜花节开幕',
        '★某区与两家企业签订文旅合作协议',
        '★某区召开春季森林防火工作会',
        '[本区要闻]',
        '★清溪 花开满谷 第三届油菜花节开幕',
        '万亩油菜花沿着山谷铺开，引来不少城里人周末踏青。',
      ].join('\n'),
    ).filter((a) => a.kind !== 'fragment');
    expect(found.map((a) => a.title)).toEqual(['一盏油灯下的家书', '清溪 花开满谷 第三届油菜花节开幕']);
  });
});

describe('a list of posts', () => {
  it('keeps a post whose summary was only its credits, closed by its posting time, as a headline without text', () => {
    const found = splitPage(
      [
        '其他',
        '《某某影像》(第3期)|老街的铁匠铺',
        '主播|张小溪责任编辑|刘一帆二审编辑|周明终审编辑|李湘监制|王远山',
        '4月8日 下午 8:15',
        '其他',
        '山里的春笋上市了',
        '笋农一早就挑着新挖的春笋赶来摆摊。',
        '4月8日 上午 10:02',
      ].join('\n'),
    ).filter((a) => a.kind !== 'fragment');
    expect(found.map((a) => [a.title, a.body.length])).toEqual([
      ['老街的铁匠铺', 0],
      ['山里的春笋上市了', 1],
    ]);
  });
});
