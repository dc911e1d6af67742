/** Reprints, mirrors and app pages: what stands before, over and under the headline (docs/page-layouts.md §1.9b, §7.2). */
import { describe, expect, it } from 'vitest';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { splitPage } from '../../src/pages/split.ts';
import { sameHeadline } from '../../src/pages/headline-forms.ts';

const page = (...lines: string[]) => lines.join('\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');

describe('reprints and mirrors', () => {
  it('takes the original title as the headline when a mirror prints no headline of its own', () => {
    const found = articles(
      page(
        '地 址：某某路联系地址',
        '电 话：010-0000000',
        '原标题：某镇百亩荷塘迎来采莲季',
        '入夏以来，某镇荷塘里游人不断，村民忙着采莲蓬。',
        '镇里还办起了荷花节。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['某镇百亩荷塘迎来采莲季']);
    expect(found[0]?.body.join('')).toContain('荷花节');
  });

  it('never takes a letter-spaced contact label (地 址：, 电 话：) for a headline', () => {
    const found = splitPage(page('地 址：某某路联系地址', '电 话：010-0000000', '近日，某村修通了进山公路。'));
    expect(found.every((a) => a.kind === 'fragment')).toBe(true);
  });

  it("keeps a reprint's own headline and reads 原标题 under it as a note, not as another article", () => {
    const found = articles(
      page(
        '某县古镇迎来冬游热',
        '发布时间：2031-12-03 09:12 来源：某某头条',
        '原标题：古镇“温泉+民宿”带火冬季游',
        '入冬以来，古镇游客明显增多，民宿入住率超过九成。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['某县古镇迎来冬游热']);
    expect(found[0]?.body.join('')).not.toContain('原标题');
  });

  it('keeps the first of two printings of a title field when the post’s data stands under it, and drops the banner above', () => {
    const found = articles(
      page(
        '某某论坛',
        '标题: 某县开展护河志愿行动 [打印本页]',
        '作者: admin 时间: 2031-11-10 11:33',
        '标题: 某县开展护河志愿行动',
        '近日，某县两百余名志愿者沿河清理垃圾。',
      ),
    );
    expect(found.map((a) => [a.title, a.kicker])).toEqual([['某县开展护河志愿行动', '']]);
  });
});

describe('app pages and excerpts', () => {
  it('takes a long poster-style headline over a posting time and font control as the headline', () => {
    const title = '美丽某县：山水灵秀的生态之城 产业兴旺的活力之城 人文荟萃的书香之城 宜居宜业的幸福之城';
    const found = articles(page('立即下载', title, '2031-04-11 09:14:26 字号:', '全县森林覆盖率超过六成，每年吸引大批游客。'));
    expect(found.map((a) => a.title)).toEqual([title]);
    expect(furnitureOf('2031-04-11 09:14:26 字号:')).toBe('article data');
  });

  it('reads a menu printed as one run of words without separators as navigation', () => {
    expect(furnitureOf('首页资讯本地要闻图片视频专题评论财经文旅教育健康房产汽车政务乡村振兴联系我们关于我们')).toBe('navigation');
    // …but a sentence of the same length has its punctuation
    expect(furnitureOf('全县森林覆盖率超过六成，酒埠江水库碧波荡漾，每年吸引大批游客前来观鸟踏青，山水之间处处是景。')).toBeUndefined();
  });

  it('keeps the short lines of an excerpt that opens on photo captions as section headings', () => {
    const found = splitPage(
      page(
        '新修的沿河步道。柳青摄',
        '古镇石板街。（县委宣传部供图）',
        '夜幕下的县城，两岸灯火倒映在水中，散步的市民三三两两。',
        '山水兴城写、画、唱、演以颂之',
        '县里新建的美术馆和剧场相继开放，好戏一场接一场。',
      ),
    );
    expect(found.filter((a) => a.kind !== 'fragment')).toEqual([]);
    expect(found.flatMap((a) => a.body).join('')).toContain('美术馆');
  });

  it('reads a headline printed with its English title and the caption on one line as headline and text', () => {
    const found = articles(
      page(
        '看图说话',
        '溪畔杜鹃红 Azaleas bloom along the stream ▲清明前后，溪边的杜鹃花竞相开放，游客沿着栈道边走边拍，山谷里一片欢声笑语。',
      ),
    );
    expect(found.map((a) => [a.kicker, a.title])).toEqual([['看图说话', '溪畔杜鹃红']]);
    expect(found[0]?.body[0]).toMatch(/^清明前后/);
  });

  it('leaves a sentence that quotes an English name inside running text alone', () => {
    const line = '近日，某县举办了一场名为 Spring Music Festival in Town 的音乐节活动，吸引了大批游客前来观看演出。';
    expect(articles(page('某县音乐节开幕', '记者 周晓岚', line)).map((a) => a.title)).toEqual(['某县音乐节开幕']);
  });
});

describe('web copies of print stories and spam mirrors', () => {
  it("drops the print edition's headline printed again under the web headline, and keeps the dateline's text in the article", () => {
    const found = articles(
      page(
        '某镇老屋场变身研学营地 村民吃上“旅游饭”',
        '来源：某某晚报 作者：邓小禾 2031-06-08 09:21:07',
        '“研学长廊”里，孩子们笑声不断',
        '某镇老屋场变身研学营地，村民吃上“旅游饭”',
        '某某晚报讯（记者 邓小禾）暑假一到，某镇的老屋场里热闹起来，学生们在这里体验插秧。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['某镇老屋场变身研学营地 村民吃上“旅游饭”']);
    expect(found[0]?.body.join('')).toContain('体验插秧');
  });

  it('tells two printings of a headline from two headlines', () => {
    expect(sameHeadline('某镇老屋场变身研学营地 村民吃上“旅游饭”', '某镇老屋场变身研学营地，村民吃上“旅游饭”')).toBe(true);
    expect(sameHeadline('长浏高速9月底建成通车 某某一行到浏阳调研', '某某一行到浏阳调研')).toBe(true);
    expect(sameHeadline('某镇老屋场变身研学营地', '某县新建三座便民桥')).toBe(false);
  });

  it('takes a long headline that opens with an exclamation over its posting time', () => {
    const title = '好消息来了!2031某县花炮文化节、某市首届乡村旅游节筹备工作推进会召开';
    const found = articles(
      page(title, '2031-08-24 09:02:40 某某网', '作者:龚晓 谭思远 编辑:周一', '8月22日，筹备工作推进会召开，会议通报了进展。'),
    );
    expect(found.map((a) => a.title)).toEqual([title]);
  });

  it("drops a spam mirror's banner, reading-time line and the site's name glued after the headline", () => {
    expect(furnitureOf('🚗某某娱乐官方入口🚀')).toBe('navigation');
    expect(furnitureOf('本篇文章680字，读完约2分钟')).toBe('counter');
    expect(furnitureOf('导航切换')).toBe('navigation');
    const found = articles(
      page(
        '某县百名茶农赛制茶:某某娱乐官方网站',
        '作者: 某某娱乐 来源:   日期:2031-04-20 00:39',
        '某县百名茶农赛制茶',
        '谷雨前后，某县举办手工制茶技能大赛。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['某县百名茶农赛制茶']);
  });
});

describe('notices', () => {
  it('keeps the document a notice names in its title, printed under its signature, inside the notice', () => {
    const found = articles(
      page(
        '某县水利局关于《某县山洪灾害防御预案（征求意见稿）》公开征求意见的通知',
        '为做好山洪灾害防御工作，现向社会公开征求意见。',
        '某县水利局',
        '2031年5月10日',
        '某县山洪灾害防御预案（征求意见稿）',
        '一、总则',
        '为有效防御山洪灾害，制定本预案。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['某县水利局关于《某县山洪灾害防御预案（征求意见稿）》公开征求意见的通知']);
    expect(found[0]?.body.join('')).toContain('制定本预案');
  });
});

describe("a spam mirror's bait headline", () => {
  const bait = '某县新建三座乡村图书驿站';
  it('reads a headline printed three times over a text sharing none of its words as no article', () => {
    const found = splitPage(page(bait, bait, bait, '古城西门外原有一条青石码头，木排顺江而下。', '码头往上是一条窄巷。'));
    expect(found.every((a) => a.kind === 'fragment')).toBe(true);
    expect(found[0]?.body.join('')).toContain('青石码头');
  });

  it('keeps a headline printed three times when its text repeats its words', () => {
    const found = articles(page(bait, bait, bait, '近日，某县三座乡村图书驿站建成开放，每座藏书两千册。'));
    expect(found.map((a) => a.title)).toEqual([bait]);
  });
});
