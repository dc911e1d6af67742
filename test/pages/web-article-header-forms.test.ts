/** Web article pages: a reprint's page title over the real headline (§1.9), a page opening on a section (§4.4), font buttons (§7.2). */
import { describe, expect, it } from 'vitest';
import { splitPage } from '../../src/pages/split.ts';
import { summarise } from '../../src/pages/summary.ts';

const page = (...lines: string[]) => lines.join('\n');
const titles = (text: string) => splitPage(text).map((a) => a.title);

describe("a reprint's page title over the real headline", () => {
  it('takes the line over the text for the headline when a picture parts it from a first line sharing its words', () => {
    const text = page(
      '天天快看:好消息!某县又一所新学校即将建成招生!就在城东',
      '(相关资料图)',
      '城东实验学校即将建成招生 可提供学位两千个',
      '近日,某县教育局发布消息,城东实验学校主体工程已完工,即将建成招生。',
      '学校设小学和初中两个学部,可提供学位两千个。',
    );
    expect(titles(text)).toEqual(['城东实验学校即将建成招生 可提供学位两千个']);
    expect(splitPage(text)[0]?.body.join('')).not.toContain('好消息');
  });

  it('does the same over a placeholder read as furniture (`（资料图片）`), with no kicker left', () => {
    const found = splitPage(
      page(
        '环球快看:好消息!湖南这个镇千亩葡萄迎来采摘季!游客纷纷赶来',
        '（资料图片）',
        '某镇千亩葡萄迎来采摘季 亩产值超过两万元',
        '8月6日,某镇千亩葡萄陆续成熟。',
      ),
    );
    expect(found.map((a) => [a.kicker, a.title])).toEqual([['', '某镇千亩葡萄迎来采摘季 亩产值超过两万元']]);
  });

  it('keeps the first line when the line under the picture shares no run of its words', () => {
    const text = page('某县新建三座乡村图书驿站', '(相关资料图)', '书香进村', '近日,某县三座乡村图书驿站同时开放,村民在家门口就能借书。');
    expect(titles(text)).toEqual(['某县新建三座乡村图书驿站']);
  });

  it('keeps the first line when no picture stands between the two', () => {
    const text = page(
      '好消息!某县又一所新学校即将建成招生!就在城东',
      '发布时间:2031-10-12 09:30 来源:某某网',
      '城东实验学校即将建成招生',
      '近日,某县教育局发布消息,城东实验学校主体工程已完工。',
    );
    expect(titles(text)[0]).toBe('好消息!某县又一所新学校即将建成招生!就在城东');
  });
});

describe('a web article that opens on a section heading', () => {
  it('keeps an `X：Y` line under the headline and its data line as the first section heading, not a new brief', () => {
    const found = splitPage(
      page(
        '茶香满山富万家——某县茶产业发展纪实',
        '来源: 作者: 2031-11-02 10:20',
        '品牌引领:小茶叶走出大山',
        '品牌是茶产业的生命。近几年,某县把全县茶园统一到一个品牌之下。',
        '茶叶成了山里人增收的主要门路。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['茶香满山富万家']);
    expect(found[0]?.body.join('')).toContain('品牌是茶产业的生命');
  });

  it('still starts a new brief at a `地名：` line after an article that has text', () => {
    const found = splitPage(
      page(
        '某县新建三座乡村图书驿站',
        '来源: 作者: 2031-11-02 10:20',
        '近日,某县三座乡村图书驿站同时开放,村民在家门口就能借书。',
        '甲镇:百亩荷塘迎来采莲季',
        '入夏以来,甲镇荷塘里游人不断,村民忙着采莲蓬。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['某县新建三座乡村图书驿站', '甲镇:百亩荷塘迎来采莲季']);
  });

  it('reads bulleted font buttons one a line (`• 字体放大`) and the account link as furniture', () => {
    const found = splitPage(
      page(
        '个人中心',
        '某县产业档案里的增收密码',
        '时间:2031-06-17 来源:某县融媒体中心',
        '• 字体放大',
        '• 字体缩小',
        '档案见证增收路,翻开档案就能看到变化。',
      ),
    );
    expect(found.map((a) => [a.title, a.kicker, a.body[0]])).toEqual([
      ['某县产业档案里的增收密码', '', '档案见证增收路,翻开档案就能看到变化。'],
    ]);
  });
});

describe("a series' note before the text", () => {
  it('is passed over by the summary when it opens with the kicker in brackets, printed with another dot', () => {
    const article = splitPage(
      page(
        '【走进新时代·乡镇巡礼】千年渡口 一江春水',
        '来源:某某网 作者:周远帆 编辑:龙小溪 2031-03-19 08:30:12',
        '【走进新时代•乡镇巡礼】今日推出某镇篇。某镇位于澧水下游,全镇面积86平方公里。',
        '这里,曾是澧水上最热闹的渡口之一,南来北往的船只在镇前停靠。',
      ),
    )[0];
    expect(article?.kicker).toBe('走进新时代·乡镇巡礼');
    expect(article?.body[0]).toContain('今日推出');
    expect(summarise(article ?? { body: [] })).toMatch(/^这里,曾是澧水上/);
    // Another label in brackets opening the text is no note of this series.
    expect(summarise({ body: ['【现场】今日推出某镇篇。某镇位于澧水下游。', '这里曾是渡口。'], kicker: '走进新时代·乡镇巡礼' })).toMatch(
      /^【现场】|^今日推出/,
    );
  });
});

describe('a caption and its credit on lines of their own', () => {
  it('reads the sentence over a credit alone as the picture’s caption when text follows, even right under the header', () => {
    const article = splitPage(
      page(
        '一场大雨过后老巷积水难退',
        '时间:2031-04-01 08:57',
        '记者 甲乙丙 实习生 丁戊',
        '6月3日,老巷口的积水没过脚踝,两名环卫工正在清理下水口。',
        '记者 庚辛 摄',
        '某社区居民来电:每逢下大雨,巷口都要积水好几天,老人出门很不方便。',
      ),
    )[0];
    expect(article?.captions).toEqual(['6月3日,老巷口的积水没过脚踝,两名环卫工正在清理下水口。']);
    expect(article?.body[0]).toMatch(/^某社区居民来电/);
  });

  it('keeps a gallery’s one description as its text', () => {
    const article = splitPage(page('雪后山村', '雪后的山村银装素裹,炊烟袅袅。', '庚辛 摄'))[0];
    expect(article?.body).toEqual(['雪后的山村银装素裹,炊烟袅袅。']);
  });
});

describe('mastheads and print kickers', () => {
  it("reads a 手机报's publisher line (`某某县融媒体中心主办`) as masthead, not the first headline", () => {
    const found = splitPage(
      page(
        '某某手机报',
        '2031年8月7日 星期四 第1021期',
        '某某县融媒体中心主办',
        '',
        '城区新添三处口袋公园',
        '8月6日,城区新建的三处口袋公园正式开放。(记者 谭可)',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['城区新添三处口袋公园']);
  });

  it("takes the print edition's kicker over its headline printed again as a note, so the body opens with the text", () => {
    const article = splitPage(
      page(
        '某镇老屋场变身研学营地 村民吃上“旅游饭”',
        '来源：某某晚报 作者：邓某 编辑：刘某 2031-06-08 09:21:07',
        '“研学长廊”里，孩子们笑声不断',
        '某镇老屋场变身研学营地，村民吃上“旅游饭”',
        '某某晚报讯（记者 邓某）暑假一到，某镇的老屋场里热闹起来。',
      ),
    )[0];
    expect(article?.body[0]).toMatch(/^暑假一到/);
  });
});
