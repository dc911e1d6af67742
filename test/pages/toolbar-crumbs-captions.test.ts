/**
 * Round 11 (blind10): furniture in forms no rule knew, standing where a headline stands
 * (docs/page-layouts.md §7.1, §7.2): an e-paper's toolbar with its arrows printed as digits, a
 * breadcrumb run on to the headline, a gallery's captions over a dateline, a table cell's border,
 * and a counter printed on the data line with the date.
 */
import { describe, expect, it } from 'vitest';
import { explainPage } from '../../src/pages/explain.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { pageDateOf } from '../../src/pages/page-date.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');

describe("an e-paper's article toolbar", () => {
  it('is navigation though its arrows are printed as digits', () => {
    expect(furnitureOf('3 上一篇  下一篇 4 放大 缩小 默认')).toBe('navigation');
    expect(furnitureOf('3 上一篇 放大 缩小 默认')).toBe('navigation');
    expect(furnitureOf('<< 上一篇  下一篇 >> 放大 缩小 默认')).toBe('navigation');
    // Digits that are more than arrows (a headline's figures) keep a line out of it.
    expect(furnitureOf('3月4日 上一篇')).toBeUndefined();
  });

  it('ends the navigation above it: the three short lines under it are kicker, headline and subtitle', () => {
    const text = page(
      '第02版',
      '要闻',
      '第03版',
      '县域',
      '首页 | 版面导航 | 标题导航 |',
      '2031年04月22日 星期二',
      '3 上一篇  下一篇 4 放大 缩小 默认',
      '春耕一线见担当',
      '安仁县 “田长”巡田护耕地',
      '四百多名村干部包片到田',
      '  本报4月21日讯(全媒体记者 何晓松)4月20日一早,安仁县的村干部来到责任田边,查看早稻秧苗的长势。',
    );
    const found = articles(text);
    expect(found.map((a) => [a.kicker, a.title, a.subtitle])).toEqual([
      ['春耕一线见担当', '安仁县 “田长”巡田护耕地', '四百多名村干部包片到田'],
    ]);
    const toolbar = explainPage(text).lines.find((l) => l.text.startsWith('3 上一篇'));
    expect(toolbar?.reason).toContain('the list above ends here');
  });
});

describe('a breadcrumb run on to the headline', () => {
  it('is navigation when it starts at the home page and ends with the line under it', () => {
    const text = page(
      '首页 资讯县域资讯 新宁县举办首届崀山砂糖橘采摘季',
      '新宁县举办首届崀山砂糖橘采摘季',
      '新宁融媒 2031/11/2 10:15:20',
      '11月1日,新宁县首届崀山砂糖橘采摘季在黄龙镇开幕,两千多名游客走进果园。',
    );
    expect(articles(text).map((a) => [a.title, a.subtitle])).toEqual([['新宁县举办首届崀山砂糖橘采摘季', '']]);
    expect(explainPage(text).lines[0]?.reason).toContain('breadcrumbs');
  });

  it('leaves a series label run on to the headline to the repeated-title rule', () => {
    const text = page(
      '相约2031丨新宁县举办首届崀山砂糖橘采摘季',
      '新宁县举办首届崀山砂糖橘采摘季',
      '新宁融媒 2031/11/2 10:15:20',
      '11月1日,新宁县举办首届采摘季。',
    );
    expect(explainPage(text).lines[0]?.reason).not.toContain('breadcrumbs');
  });
});

describe('a run of short lines whose last line shares no word with the text under it', () => {
  it("is a list (a gallery's captions over a dateline): the text has no headline", () => {
    const text = page(
      '1688',
      '浏览',
      '古城夜色',
      '游船穿过老桥',
      '灯会人潮',
      '烟花秀点亮江面',
      '红网怀化站10月3日讯(通讯员 杨小舟)据统计,10月1日至3日,洪江区共接待中外旅客21.6万人次,同比增长12.4%。',
    );
    expect(articles(text)).toEqual([]);
  });

  it('keeps the last line as the headline when the text repeats one of its words', () => {
    const text = page(
      '古城夜色',
      '游船穿过老桥',
      '灯会人潮',
      '洪江古商城国庆迎客二十万',
      '红网怀化站10月3日讯(通讯员 杨小舟)国庆假期前三天,洪江古商城接待旅客二十一万人次。',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['洪江古商城国庆迎客二十万']);
  });
});

describe('a list whose last line has a header under it', () => {
  it('keeps the last line as the headline, whatever its words (its header confirms it)', () => {
    const text = page(
      '标题导航',
      '· 一场田间运动会',
      '· 三种丰收味道',
      '· 图片新闻',
      '橘香“湘”里话丰年',
      '某某农报记者 邹明远 易小禾',
      '10月7日,石门县秀坪园艺场的橘园里,果农们一早就挑着箩筐上了山。',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['橘香“湘”里话丰年']);
  });
});

describe('a line of no letter and no digit', () => {
  it('is never a headline (a table cell border, a rule)', () => {
    for (const line of ['|', '◆◆◆', '* * *']) expect(furnitureOf(line)).toBe('media');
    expect(furnitureOf('---')).toBeDefined();
    const text = page('|', '溆浦县城全景。向小山摄 |', '近年来,湖南省溆浦县坚持以产业强县,推动城乡融合发展。');
    expect(articles(text)).toEqual([]);
  });
});

describe('a counter printed on the data line with the date', () => {
  it("gives the page's date", () => {
    expect(pageDateOf(['秋收时节稻花香 百余名志愿者下田助农', '某某网 2031-10-09 阅读数 2316', '10月8日,一百余名志愿者下田助农。'])).toBe(
      '2031-10-09',
    );
  });
});

describe('smaller forms seen on the same pages', () => {
  it('reads two qualifiers before a role (特约全媒体记者) and a spaced two-character name after it', () => {
    const text = page(
      '党员带头兴产业 铺就村民致富路',
      '本报讯(特约全媒体记者 向 军 通讯员 王斯轶)近日,吉首市双塘街道的村民在老党员带领下翻地种瓜。',
    );
    expect(articles(text).map((a) => a.authors)).toEqual([['向军', '王斯轶']]);
  });

  it("takes a caption closed by a table cell's bar for a caption", () => {
    const text = page('|', '溆浦县城全景。向小山摄 |', '近年来,湖南省溆浦县坚持以产业强县,推动城乡融合发展。');
    expect(explainPage(text).lines[1]?.decision).toBe('caption');
  });

  it('drops a 相关链接 line (related links) like 相关阅读', () => {
    expect(furnitureOf('相关链接:张家界旅游')).toBe('navigation');
  });
});
