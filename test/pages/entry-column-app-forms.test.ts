/**
 * Round 14 (blind14): a yearbook entry's `【headline】` before its text, a bracketed original title with
 * no headline above, a column label under the headline, an app link over the share button, a glued
 * series name the page repeats, a village's name alone, a reprint's second source, a pager bar
 * (docs/page-layouts.md §1.5, §1.9b, §1.9d, §2.7, §3, §7.2). Invented pages only.
 */
import { describe, expect, it } from 'vitest';
import { datelineOf } from '../../src/pages/dateline.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');

describe('a yearbook entry printed on one line', () => {
  it('reads 【headline】 then its text (spaced or glued) as a headline over its paragraph', () => {
    const found = articles(
      page(
        '【某市林业系统春季造林现场会在某县召开】 2031年3月5日，某市林业系统春季造林现场会在某县召开。与会人员察看了两处造林点。',
        '',
        '【某县新建乡村公路一百二十公里】2031年，某县新建乡村公路一百二十公里，全县行政村全部通上硬化路。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['某市林业系统春季造林现场会在某县召开', '某县新建乡村公路一百二十公里']);
    expect(found[1]?.body[0]).toMatch(/^2031年，某县新建/);
  });

  it('leaves a series’ note under an article’s data line on its text (【某某·系列】今日推出…)', () => {
    const found = articles(
      page(
        '【山水某市·县市区扫描】青石老街的第二个春天',
        '2031-04-02 09:00 来源：某某网',
        '【山水某市•县市区扫描】今日推出某区篇。某区位于某市北部，历史悠久。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['青石老街的第二个春天']);
  });

  it('leaves a short column label, an editor’s note label and a wire dateline in brackets on their text', () => {
    for (const line of [
      '【简讯】近日，某村修通了进山公路，村民出行方便了许多。',
      '【核心提示】三年来，某县把荒山变成了茶园，茶农的收入翻了一番。',
      '【某某通讯社8月4日电】（记者 林小雨）夏令营4日开营，两百名学生参加。',
    ]) {
      expect(articles(page('某县新闻', line)).map((a) => a.title)).not.toContain(line.slice(1, line.indexOf('】')));
    }
  });
});

describe('headlines a copy prints in other places', () => {
  it('takes a bracketed (原标题：…) as the headline when no headline stands above it', () => {
    const found = articles(
      page(
        '来源: 最后更新:2031-09-10 02:48:49',
        '(原标题:湖南一县路边大树被砍?部门回应:系枯死树木清理)',
        '9月8日晚上，一段视频在网上流传，几名工人正在锯倒路边的一排大树。',
        '某某客户端记者 罗小川',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['湖南一县路边大树被砍?部门回应:系枯死树木清理']);
    expect(found[0]?.authors).toEqual(['罗小川']);
    expect(found[0]?.body.join('')).toContain('锯倒');
  });

  it('takes a column label under the headline, before the text, for the kicker', () => {
    const found = articles(
      page(
        '市民说出新期待',
        '',
        '16.03.2031  02:13',
        '',
        '【共建新家园 聚焦两会】',
        '',
        '3月15日，市两会开幕，记者走上街头采访了一些市民。',
      ),
    );
    expect(found[0]?.kicker).toBe('共建新家园 聚焦两会');
    expect(found[0]?.body[0]).toMatch(/^3月15日/);
  });

  it('keeps a glued series name that the column label or a caption repeats (no search keyword)', () => {
    const found = articles(
      page(
        '捎句话给两会:市民说出新期待',
        '',
        '【捎句话给两会】',
        '',
        '某某在线3月15日讯(记者 唐小峰) 3月15日，市两会开幕，记者走上街头采访了一些市民。',
        '',
        '捎句话给两会 市民说出新期待。(记者 唐小峰/摄)',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['捎句话给两会:市民说出新期待']);
  });

  it('never takes the app link 时刻新闻 over the share button for the subtitle’s headline', () => {
    const found = articles(
      page(
        '当前位置:',
        '',
        '实干开启新一年',
        '',
        '来源:红网 作者:某评 编辑:吴小舟 2031-01-14 10:38:37',
        '时刻新闻',
        '—分享—',
        '',
        '——两会系列评论之一',
        '',
        '新年的第一场大会，总是让人格外期待。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['实干开启新一年']);
    expect(found[0]?.subtitle).toBe('两会系列评论之一');
  });
});

describe('a wire dateline that holds the headline', () => {
  it('opens the article with the dateline’s 题：… and reads the headline printed alone after it as a copy', () => {
    for (const lede of [[], ['走进某县的茶山，一垄垄茶树沿着山坡铺开。']]) {
      const found = articles(
        page(
          '新华社长沙4月12日电题:深山茶园迎来新茶人',
          '新华社记者 苏小岚 邓一舟',
          ...lede,
          '深山茶园迎来新茶人',
          '清晨六点，茶农们已经背着竹篓上了山。',
        ),
      );
      expect(found.map((a) => a.title)).toEqual(['深山茶园迎来新茶人']);
      expect(found[0]?.authors).toEqual(['苏小岚', '邓一舟']);
      expect(found[0]?.kicker).toBe('');
      expect(found[0]?.body.join('')).not.toContain('新茶人');
    }
  });
});

describe('what a platform prints on a headline', () => {
  const headlineOf = (line: string) =>
    articles(page(line, '发布时间：2031-04-02 09:00 来源：某某网', '四月的某县，茶山一片新绿，茶农们忙着采摘春茶。'))[0];

  it('takes a portal’s media tag before the bar (视频丨, 海报丨) for the kicker, not a credit line', () => {
    expect(headlineOf('视频丨某县茶园迎来采茶季')).toMatchObject({ title: '某县茶园迎来采茶季', kicker: '视频' });
    expect(furnitureOf('视频：张三 李四')).toBe('credits');
    expect(furnitureOf('海报丨王小五')).toBe('credits');
  });

  it('drops a posting platform’s tag (置顶, 原创, a badge, a hashtag), but not words a headline opens with', () => {
    for (const line of [
      '置顶 某县茶园迎来采茶季',
      '某县茶园迎来采茶季原创',
      '原创 某县茶园迎来采茶季',
      '某县茶园迎来采茶季 热',
      '#某县# 某县茶园迎来采茶季',
    ]) {
      expect(headlineOf(line)?.title).toBe('某县茶园迎来采茶季');
    }
    expect(headlineOf('原创歌曲唱响某县茶乡')?.title).toBe('原创歌曲唱响某县茶乡');
    expect(headlineOf('某县评出十件民间艺术精华')?.title).toBe('某县评出十件民间艺术精华');
    expect(headlineOf('某县茶园迎来采茶季 精华')?.title).toBe('某县茶园迎来采茶季');
  });
});

describe('lines that only look like something else', () => {
  it('reads a village’s name alone as a heading, not an author line, and a view `某村一角。` as a caption', () => {
    const found = articles(
      page(
        '侗寨的鼓楼',
        '',
        '文/江小帆',
        '',
        '某村一角。',
        '',
        '坪坦村',
        '',
        '车子沿着山路一直向前，山越来越深。',
        '',
        '鼓楼是侗寨的中心。',
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.authors).toEqual(['江小帆']);
    expect(found[0]?.body.join('')).toContain('鼓楼是侗寨的中心');
    expect(found[0]?.body.join('')).not.toContain('一角');
  });

  it('takes a second source after the slash as part of the dateline (`…电/据某某社报导，`)', () => {
    const text = '某评社北京3月6日电/据新华社报导，山区县的发展，关系着千万群众的日子。';
    expect(text.slice(datelineOf(text)?.length ?? 0)).toBe('山区县的发展，关系着千万群众的日子。');
  });

  it('takes a brand glued before 全媒体记者 in the dateline’s brackets for the outlet', () => {
    expect(datelineOf('某某在线3月15日讯(星城全媒体记者 唐小峰 邓一鸣) 3月15日，市两会开幕。')?.names).toBe('唐小峰 邓一鸣');
  });

  it('reads an e-paper page bar with its pager as furniture', () => {
    expect(furnitureOf('第A08版:民生热线 上一版3  4下一版')).toBe('page header');
  });
});
