/**
 * Round-15 splitter conventions from blind15 (docs/page-layouts.md §2, §4, §7.2): a self-media
 * platform's share bar under a long headline, a table cell's bar after a headline, a national
 * e-paper's citation without 第, a CMS's description over the lead it repeats. Invented text.
 */
import { describe, expect, it } from 'vitest';
import { explainPage } from '../../src/pages/explain.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');
const lineOf = (text: string, line: string) => explainPage(text).lines.find((l) => l.text.startsWith(line));

describe("a platform's share bar under the headline", () => {
  const headline = '某县一小区楼顶变菜园获邻居点赞,回应:不占公共地方,种了三年';
  const text = page(
    '某某首页 > 某某号 > 正文 申请入驻',
    headline,
    '0',
    '分享至',
    '近日,有网友发帖说,某县一小区的楼顶被居民改成了菜园,种满了辣椒和茄子。',
    '该帖子引来不少网友点赞。',
  );

  it('takes the page’s first line over it for the headline, though it runs to three clauses', () => {
    expect(articles(text).map((a) => a.title)).toEqual([headline]);
    expect(lineOf(text, headline)?.reason).toMatch(/share bar/);
    expect(lineOf(text, '分享至')?.decision).toBe('furniture');
  });

  it('finds it under the breadcrumb printed one crumb a line, or under the poster and its follow button', () => {
    const crumbs = page(
      '某某首页',
      '某某号',
      '正文',
      '申请入驻',
      headline,
      '0',
      '分享至',
      '近日,有网友发帖说,某县一小区的楼顶被居民改成了菜园,种满了辣椒和茄子。',
    );
    expect(articles(crumbs).map((a) => a.title)).toEqual([headline]);
    const poster = page(
      '某某晨报',
      '关注',
      headline,
      '0',
      '分享至',
      '近日,有网友发帖说,某县一小区的楼顶被居民改成了菜园,种满了辣椒和茄子。',
    );
    expect(articles(poster).map((a) => a.title)).toEqual([headline]);
  });

  it('takes no sentence for a headline, whatever stands under it', () => {
    const told = page('近日,有网友发帖说,某县一小区楼顶变成了菜园。', '0', '分享至', '该帖子引来不少网友点赞。');
    expect(articles(told)).toEqual([]);
  });
});

describe("a table cell's bar after the headline", () => {
  it('is dropped from the headline and the data line', () => {
    const text = page(
      '某县某乡“村医”人人骑电动车 |',
      '|',
      '发布日期:2031/3/19 9:19:52 来源:某某日报 作者:某某 |',
      '|',
      '某乡位于某县东北部,山高路远,村医出诊全靠一辆电动车。 |',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['某县某乡“村医”人人骑电动车']);
  });
});

describe("a national e-paper's citation without 第", () => {
  it('is taken off the byline, which then signs the article under its headline', () => {
    const text = page(
      '某报“乡村书屋”报道在湖南引起反响',
      '王青山、李木子 赵一方 《 某某日报 》( 2031年12月17日   04 版)',
      '本报长沙12月16日电(记者王青山、李木子 通讯员赵一方)12月10日,本报刊登乡村书屋的报道,在湖南引起反响。',
    );
    const [story] = articles(text);
    expect(story?.title).toBe('某报“乡村书屋”报道在湖南引起反响');
    expect(story?.authors).toEqual(['王青山', '李木子', '赵一方']);
  });
});

describe("a CMS's description over the lead it repeats", () => {
  const lead = '某某在线讯(通讯员 何 雨)2月23日,某县各中小学迎来返校的学生,校门口一早就排起了队';
  it('keeps one paragraph, the full lead, and no second item', () => {
    const text = page(
      '某县:新学期新气象',
      '时间:2031-02-26 20:03来源:某某在线 责任编辑:某某',
      lead,
      `${lead}。`,
      '城区几所学校在操场上摆开了报名桌。',
    );
    const found = articles(text);
    expect(found.map((a) => a.title)).toEqual(['某县:新学期新气象']);
    expect(found[0]?.body[0]).toBe('2月23日,某县各中小学迎来返校的学生,校门口一早就排起了队。');
    expect(found[0]?.body).toContain('城区几所学校在操场上摆开了报名桌。');
  });

  it('keeps a second dateline that opens other words as another item', () => {
    const text = page(
      '某县:新学期新气象',
      '时间:2031-02-26 20:03来源:某某在线 责任编辑:某某',
      `${lead}。`,
      '某某在线讯(通讯员 何 雨)2月24日,某县图书馆开放寒假阅览室。',
    );
    expect(splitPage(text).length).toBe(2);
  });
});

describe("the poster between a platform copy's headline and its posting time", () => {
  it('is article data, so the line above it is the headline', () => {
    const text = page(
      '网易号',
      '某县一中学食堂请家长陪餐,校长:饭菜好不好,家长说了算',
      '某某晨报',
      '2031-11-05 10:20 · 湖南',
      '近日,某县一所中学邀请家长走进食堂陪孩子吃午饭,边吃边给饭菜打分。',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['某县一中学食堂请家长陪餐,校长:饭菜好不好,家长说了算']);
    expect(lineOf(text, '某某晨报')?.decision).toBe('furniture');
  });

  it('keeps an outlet named in a headline over the data line as the headline', () => {
    const text = page('某某晨报创刊二十周年座谈会召开', '2031-11-05 10:20 · 湖南', '11月4日,某某晨报创刊二十周年座谈会在长沙召开。');
    expect(articles(text).map((a) => a.title)).toEqual(['某某晨报创刊二十周年座谈会召开']);
  });
});

describe("a template's leftovers and a government site's registration", () => {
  const story = [
    '某县新建五个口袋公园',
    '来源:某某网 时间:2031-05-06 10:20',
    '本报讯 今年以来,某县利用边角地新建五个口袋公园,市民出门五分钟就能见到绿。',
  ];

  it('reads a rule around its label and the QR widget as media, never a headline and its subtitle', () => {
    const text = page(
      ...story,
      '织梦二维码生成器',
      '------分隔线----------------------------',
      '某某民生网由某某协会主办,欢迎各地通讯员投稿。',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['某县新建五个口袋公园']);
    expect(lineOf(text, '------分隔线')?.decision).toBe('furniture');
  });

  it('reads 网站标识码 as the footer and a label over a bare number as no 地名： brief', () => {
    const text = page(...story, '网站标识码:4300000001', '今日访问:12', '本站由某县人民政府办公室主办,某县政务服务中心承办。');
    expect(articles(text).map((a) => a.title)).toEqual(['某县新建五个口袋公园']);
    expect(lineOf(text, '网站标识码')?.decision).toBe('furniture');
  });

  it("reads a comment box's rules and a channel's reprint notice as the footer, never the article's text", () => {
    const text = page(
      ...story,
      '发表评论',
      '请自觉遵守互联网相关的政策法规,严禁发布色情、暴力、反动的言论。',
      '本文为某某频道原创文章,转载请附上原文出处链接和本声明。',
    );
    expect(articles(text)[0]?.body).toEqual([story[2]?.replace('本报讯 ', '')]);
  });

  it('keeps a 地名： brief whose words follow the colon', () => {
    const text = page(...story, '某镇:12名村医上岗', '某镇今年新招12名村医,全部安排到偏远村卫生室。');
    expect(articles(text).map((a) => a.title)).toEqual(['某县新建五个口袋公园', '某镇:12名村医上岗']);
  });
});

describe("a portal's county station in the dateline", () => {
  it('names the reporter after the station and the role (桑植分站实习记者 某某)', () => {
    const text = page('某县开展志愿服务活动', '某某网时刻12月6日讯(某县分站实习记者 林小满)12月6日,某县机关干部来到社区开展志愿服务。');
    expect(articles(text)[0]?.authors).toEqual(['林小满']);
  });
});

describe("a paper's tip-off line and a platform's disclaimer under the story", () => {
  it('are the footer, so the byline over them signs the article off', () => {
    const text = page(
      '某县一村部院坝变篮球场',
      '来源:某某晚报 2031-11-05 10:20',
      '近日,某县一村部前的院坝晚饭后成了村民的篮球场,大人小孩围着看球,热闹得像过节。',
      '某某晚报记者刘晓禾',
      '爆料、维权通道:应用市场下载某某客户端,搜索“报料”一键直达。',
      '特别声明:以上内容为自媒体平台“某某号”用户上传并发布,本平台仅提供信息存储服务。',
    );
    const found = splitPage(text);
    expect(found.map((a) => a.title)).toEqual(['某县一村部院坝变篮球场']);
    expect(found[0]?.authors).toEqual(['刘晓禾']);
  });
});

describe("an aggregator's closing credit glued together", () => {
  it('names the writer between the role and 现场图文报道', () => {
    const text = page(
      '美丽某村 胜景处处有',
      '4月21日,某市作家协会组织会员到某镇某村采风,村党总支书记陪同参观了新修的屋场。',
      '都市头条特约通讯员任小舟现场图文报道',
    );
    expect(splitPage(text)[0]?.authors).toEqual(['任小舟']);
  });

  it('keeps a place before 报道 out of the names', () => {
    const text = page('某县举办龙舟赛', '记者 张三 李四 长沙报道', '6月2日,某县首届龙舟邀请赛在城区河段开赛,十六支队伍参赛。');
    expect(splitPage(text)[0]?.authors).toEqual(['张三', '李四']);
  });
});
