/**
 * Round 9's robustness conventions (docs/page-layouts.md §1.5, §2.7, §4.2, §4.6, §4.7), each on a
 * small page of invented text: rosters inside an article, a commentary column's label over its
 * one-line headline, a column of one-sentence items, interview turns, a short headline that reads
 * like a name, and a hard-wrapped headline as wide as its column.
 */
import { describe, expect, it } from 'vitest';
import { explainPage } from '../../src/pages/explain.ts';
import { isRosterEntry } from '../../src/pages/roster.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n\n');
const titled = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');
const titles = (text: string) => titled(text).map((a) => a.title);
const reasonFor = (text: string, line: string) => explainPage(text).lines.find((l) => l.text === line)?.reason ?? '';

describe('a roster inside an article', () => {
  const prizes = page(
    '全县评出十名“养蜂能手”',
    '某某日报记者 郑可欣',
    '本报讯 日前，某某县评出首批“养蜂能手”，每人获奖励五千元。',
    '获奖者名单如下：',
    '曾广福 龙潭镇 中蜂养殖',
    '许翠兰 石桥乡 蜂蜜加工',
    '欧阳明 白沙镇 蜂箱制作',
    '邓小荷 石桥乡 中蜂养殖',
    '县蜂业协会新建蜂蜜检测室',
    '本报讯（通讯员 严晓）近日，县蜂业协会新建的蜂蜜检测室投入使用。',
  );

  it('keeps name-place-trade lines in the article as its text, never as headlines or bylines', () => {
    expect(titles(prizes)).toEqual(['全县评出十名“养蜂能手”', '县蜂业协会新建蜂蜜检测室']);
    const [award] = titled(prizes);
    expect(award?.body).toContain('欧阳明 白沙镇 蜂箱制作');
    expect(award?.authors).toEqual(['郑可欣']);
    expect(reasonFor(prizes, '许翠兰 石桥乡 蜂蜜加工')).toContain('an entry of a roster');
  });

  it('keeps a notice’s `县名:姓名` lines as its text, not as a list of headlines, and finds the notice after the list', () => {
    const notice = page(
      '关于某市第三届“孝老爱亲”模范拟表彰人选的公示',
      '经推荐和评审，拟表彰以下同志，现予以公示。',
      '甲县:唐春梅 陈永福',
      '乙县:罗桂英',
      '丙区:谢德明 彭小兰 周和平',
      '公示期为7天。',
      '联系电话：0000-0000000',
      '某市文明办',
      '2025年3月2日',
    );
    const [only, ...rest] = titled(notice);
    expect(rest).toEqual([]);
    expect(only?.kind).toBe('notice');
    expect(only?.body).toEqual(expect.arrayContaining(['甲县:唐春梅 陈永福', '丙区:谢德明 彭小兰 周和平']));
  });

  it('tells roster entries from credits and headlines', () => {
    expect(isRosterEntry('丙区:谢德明 彭小兰 周和平')).toBe(true);
    expect(isRosterEntry('曾广福 龙潭镇 中蜂养殖')).toBe(true);
    expect(isRosterEntry('2.李春花 某某区某某街道')).toBe(true);
    expect(isRosterEntry('李春花 某某区某某街道')).toBe(false);
    expect(isRosterEntry('编辑:谢德明 彭小兰')).toBe(false);
    expect(isRosterEntry('索溪峪畔 一座民宿带富一个组')).toBe(false);
    expect(isRosterEntry('某县：茶园里的夜间课堂')).toBe(false);
  });
});

describe('columns', () => {
  it('makes a commentary label over a one-line headline the kicker, and that line the headline', () => {
    const text = page(
      '某县油茶林里的新变化',
      '某某日报记者 龙一鸣',
      '本报讯 今年，某县新造油茶林两万亩。',
      '时评',
      '种下去更要管起来',
      '新造林三分种、七分管。只有把管护落到人头，油茶林才能真正变成“摇钱树”。（晓风）',
    );
    expect(titles(text)).toEqual(['某县油茶林里的新变化', '种下去更要管起来']);
    expect(titled(text)[1]?.kicker).toBe('时评');
    expect(reasonFor(text, '时评')).toContain("a commentary column's label");
  });

  it('makes a 【column】 of one-sentence items one piece titled by its label, after a closed item', () => {
    const text = page(
      '某镇完成三座便民桥建设',
      '近日，某镇完成三座便民桥建设，沿线村民出行更方便了。（通讯员 林可）',
      '【简讯】',
      '● 某县图书馆新增少儿阅览座位60个。',
      '● 某县第二中学新建的塑胶跑道投入使用。',
      '● 3月5日，某县开展学雷锋志愿服务活动。',
    );
    expect(titles(text)).toEqual(['某镇完成三座便民桥建设', '简讯']);
    expect(titled(text)[1]?.body).toHaveLength(3);
    expect(titled(text)[0]?.body).toHaveLength(1);
  });

  it('keeps a label over an editor’s note, or over one sentence, a label line', () => {
    const text = page('某地的候鸟', '记者 孟晓', '【编者按】', '今冬，本报推出候鸟系列报道。', '第一批候鸟已经到了。');
    expect(titles(text)).toEqual(['某地的候鸟']);
    const tip = page('某县开通夜间公交', '本报讯 即日起，某县开通两条夜间公交线路。（通讯员 王可）', '【温馨提示】', '夜间公交票价两元。');
    expect(titles(tip)).toEqual(['某县开通夜间公交']);
  });
});

describe('an interview', () => {
  const interview = page(
    '一位老船工的五十年',
    '某某日报记者 田晓舟',
    '在某县渡口，七十岁的船工每天要摆渡二十多趟。',
    '记者：您还记得第一次撑船是什么时候吗？',
    '周德顺：十六岁，跟着我父亲。',
    '记者：现在过河的人多吗？',
    '周德顺：少多了，桥修好以后主要是赶集的老人。',
    '某县开展渡口安全检查',
    '本报讯（通讯员 胡畅）近日，某县对全县12处渡口开展安全检查。',
  );

  it('keeps 记者：/姓名： turns in the interview, never as brief headlines', () => {
    expect(titles(interview)).toEqual(['一位老船工的五十年', '某县开展渡口安全检查']);
    expect(titled(interview)[0]?.body).toContain('记者：现在过河的人多吗？');
    expect(reasonFor(interview, '记者：您还记得第一次撑船是什么时候吗？')).toContain("an interview's turn");
    expect(titled(interview)[0]?.body).toContain('周德顺：十六岁，跟着我父亲。');
  });

  it('keeps short 问：/答： turns as paragraphs', () => {
    const text = page(
      '某县如何留住年轻人',
      '某某日报记者 孙悦',
      '记者日前采访了某县人社局负责人。',
      '问：返乡创业有哪些扶持？',
      '答：最高可贷款三十万元。',
    );
    expect(titled(text)[0]?.body).toEqual(['记者日前采访了某县人社局负责人。', '问：返乡创业有哪些扶持？', '答：最高可贷款三十万元。']);
  });
});

describe('short and hard-wrapped headlines', () => {
  it('takes a name-like short line over an author line with roles for a headline, after a finished article', () => {
    const text = page(
      '某县新修三条产业路',
      '某某日报记者 吴晓',
      '本报讯 今年，某县新修产业路三条，总长十八公里。',
      '葛根粉',
      '某某日报全媒体记者 黄一帆',
      '葛根粉是某县山区的特产，如今年产量已达五百吨。',
    );
    expect(titles(text)).toEqual(['某县新修三条产业路', '葛根粉']);
    expect(titled(text)[1]?.authors).toEqual(['黄一帆']);
    expect(reasonFor(text, '葛根粉')).toContain('a lone name-like line over an author line with roles');
  });

  it('never joins an author line onto a headline as wide as the hard-wrapped column', () => {
    const wrapped = [
      '某县启动农村饮水安全巩固提升工程建设',
      '本报记者 蒋一舟',
      '  本报讯 某县近日启动农村饮水安全巩固提',
      '升工程,计划用两年时间改造供水管网三百',
      '公里,新建水厂两座,让山区群众喝上放心',
      '水。工程完工后,全县农村自来水普及率将',
      '达到百分之九十八,供水保证率进一步提高',
      '。县水利局已组织技术人员逐村勘察线路。',
    ].join('\n');
    const [article] = titled(wrapped);
    expect(article?.title).toBe('某县启动农村饮水安全巩固提升工程建设');
    expect(article?.authors).toEqual(['蒋一舟']);
  });

  it('never joins a dateline, or an indented first line, onto a headline as wide as the column', () => {
    const wrapped = [
      '某县启动农村饮水安全巩固提升工程建设',
      '  本报讯(通讯员 刘某)某县近日启动农村饮',
      '水安全巩固提升工程,计划用两年时间改造',
      '供水管网三百公里,新建水厂两座,让山区',
      '群众喝上放心水。工程完工后,全县农村自',
      '来水普及率将达到百分之九十八以上。',
      '',
      '某镇新建的农贸市场开业迎客方便周边群众',
      '  1月6日,某镇新建的农贸市场开业,市场设',
      '摊位一百二十个,配套建设了停车场和公共',
      '厕所,方便周边八个村的群众买菜。',
    ].join('\n');
    expect(titles(wrapped)[0]).toBe('某县启动农村饮水安全巩固提升工程建设');
    // (Whether the second is a headline is another question; it is not glued to its first line.)
    const lines = explainPage(wrapped).lines;
    expect(lines.find((l) => l.line === 9)?.decision).not.toBe('joined');
    expect(lines.find((l) => l.line === 8)?.text).toBe('某镇新建的农贸市场开业迎客方便周边群众');
  });
});

describe('hard-wrapped columns with full-width indents', () => {
  const column = [
    '苗绣走进高校课堂',
    '',
    '某某报记者 龙某',
    '',
    '　　新学期开学,某大学开设苗绣选修课,',
    '请来苗绣传承人走上讲台。第一堂课,一',
    '百二十个名额两天就报满了。课程共十六',
    '课时,学生结课时要独立完成一件绣品。(转第',
    '3版)',
    '',
    '椪柑迎来丰收',
    '',
    '某某报记者 向某',
    '',
    '　　金秋时节,某县的椪柑园里果实累累',
    '。全县椪柑种植面积十万亩,今年预计产',
    '量二十万吨,县里开通了椪柑直通车。',
  ].join('\n');

  it('continues a paragraph whose first line is as wide as the column with its indent', () => {
    expect(titles(column)).toEqual(['苗绣走进高校课堂', '椪柑迎来丰收']);
    expect(titled(column)[1]?.authors).toEqual(['向某']);
  });

  it('joins a jump mark cut by the column edge back whole, never leaving `3版)` as a page header', () => {
    const lines = explainPage(column).lines;
    expect(lines.find((l) => l.text === '3版)')?.decision).toBe('joined');
    expect(titled(column)[0]?.body.join('')).not.toContain('转第');
  });
});

describe('stacked headlines and marked items', () => {
  it('reads three unmarked short lines over the author line as kicker, headline and subtitle, under the paper’s banner', () => {
    const text = page(
      '某某日报',
      '2025年3月5日 星期三',
      '某县“两会”特别报道',
      '某县人代会胜利闭幕',
      '选举产生新一届县人民政府领导班子',
      '某某日报记者 罗某某',
      '本报讯 3月4日，某县人代会胜利闭幕。',
    );
    const [article, ...rest] = titled(text);
    expect(rest).toEqual([]);
    expect(article).toMatchObject({
      kicker: '某县“两会”特别报道',
      title: '某县人代会胜利闭幕',
      subtitle: '选举产生新一届县人民政府领导班子',
    });
    expect(reasonFor(text, '某县“两会”特别报道')).toContain('three short lines over the header');
  });

  it('keeps a short third line the headline (a page series, a series, then the headline)', () => {
    const text = page('江河行', '一条河的四季', '渡口灯火', '某某日报记者 章某', '渡口的灯每晚亮到十点。');
    expect(titles(text)).toEqual(['渡口灯火']);
  });

  it('takes a briefs column item’s marker off its headline', () => {
    const text = page(
      '■ 某县消防大队开展节前检查',
      '节前，某县消防救援大队检查了全县商场。（通讯员 赵某）',
      '★ 某镇举办迎春书画展',
      '近日，某镇举办迎春书画展。（通讯员 李某）',
    );
    expect(titles(text)).toEqual(['某县消防大队开展节前检查', '某镇举办迎春书画展']);
  });

  it('reads `（紧接第1版）` as a continuation from another page, never the text of the article above', () => {
    const text = page(
      '某镇的“新农人”',
      '某某日报记者 贺某',
      '春节刚过，某镇的大棚里已是一片新绿。',
      '（紧接第1版）会议期间，代表们提出建议112件。',
    );
    const [article] = titled(text);
    expect(article?.body).toEqual(['春节刚过，某镇的大棚里已是一片新绿。']);
  });

  it('reads `某某日报全媒体记者 X 摄` alone as a photo credit: the line above it is the caption, X no author', () => {
    const text = page(
      '某县推进“茶旅融合”',
      '某某日报全媒体记者 黄某',
      '本报讯 5月18日，某县茶旅文化周开幕。',
      '游客在某县一处茶园体验采茶。',
      '某某日报全媒体记者 钟某 摄',
    );
    const [article] = titled(text);
    expect(article?.captions).toEqual(['游客在某县一处茶园体验采茶。']);
    expect(article?.body).toEqual(['5月18日，某县茶旅文化周开幕。']);
    expect(article?.authors).toEqual(['黄某']);
  });

  it('reads unbulleted headlines under 【相关阅读】 over 上一篇/下一篇 as the box’s links, not headings', () => {
    const text = [
      '某县举办农产品电商培训班',
      '发布时间：2025-10-19 信息来源：某县商务局 浏览次数：208',
      '10月17日，某县农产品电商培训班开班。',
      '【相关阅读】',
      '某县电商服务站实现村村全覆盖',
      '上一篇：某县启动秋冬季造林绿化',
    ].join('\n');
    expect(titled(text)[0]?.body).toEqual(['10月17日，某县农产品电商培训班开班。']);
  });

  it('leaves a headline under the related-reading label alone when article data follows it', () => {
    const text = [
      '某县举办农产品电商培训班',
      '发布时间：2025-10-19 信息来源：某县商务局',
      '10月17日，某县农产品电商培训班开班。',
      '相关阅读：',
      '某县开展消防安全大检查',
      '发布时间：2025-10-18 信息来源：某县消防救援大队',
      '10月16日，某县开展消防安全大检查。',
    ].join('\n');
    expect(titles(text)).toEqual(['某县举办农产品电商培训班', '某县开展消防安全大检查']);
  });
});
