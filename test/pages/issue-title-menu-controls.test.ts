/**
 * Issue titles, menus, font controls, few-character headlines and the datelines of round-ups
 * (docs/page-layouts.md §1.5, §2.1, §7.2): the forms of a fresh blind set (round 8a), on
 * invented pages (test/fixtures/layouts/dev/56–69).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datelineOf } from '../../src/pages/dateline.ts';
import { classifyLine } from '../../src/pages/blocks.ts';
import { explainPage } from '../../src/pages/explain.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { pageDateOf } from '../../src/pages/page-date.ts';
import { splitPage } from '../../src/pages/split.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/layouts/dev/${name}.txt`, 'utf8');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');
const page = (...lines: string[]) => lines.join('\n');
const reasonOf = (text: string, printed: string) => explainPage(text).lines.find((l) => l.text === printed)?.reason ?? '';

describe("an issue's own title", () => {
  it('takes a date and a paper’s name for the masthead, in either order', () => {
    expect(furnitureOf('2031年6月3日某区手机报')).toBe('masthead');
    expect(furnitureOf('6月3日某区手机报')).toBe('masthead');
    expect(furnitureOf('某某日报 2031年6月3日')).toBe('masthead');
    expect(furnitureOf('2031-06-03某某日报')).toBe('masthead');
    expect(furnitureOf('6月3日某区手机报第120期')).toBe('masthead');
    // …but a headline that opens with a date says what happened
    expect(furnitureOf('6月3日起某区公交线路调整')).toBeUndefined();
  });

  it('never makes a headline of it over the article data, and leaves the first item its text', () => {
    const found = articles(fixture('56-mobile-paper-issue-title'));
    expect(found.map((a) => a.title)).toEqual(['青石街道：“流动修鞋摊”搬进了社区服务站', '白沙镇：废旧厂房改成了村民书屋']);
    expect(found[0]?.body[0]).toMatch(/^“师傅，这双鞋还能补吗？/);
    expect(reasonOf(fixture('56-mobile-paper-issue-title'), '2031年6月3日某区手机报')).toContain("the issue's own title");
  });
});

describe('menus', () => {
  it('reads a bulleted one-word menu above the text and a glued language switch as the site’s menu', () => {
    const text = fixture('57-national-epaper-bulleted-menu');
    expect(articles(text).map((a) => [a.title, a.kicker])).toEqual([['渡口灯火', '江河行：一条河的四季']]);
    expect(furnitureOf('首页English')).toBe('navigation');
    expect(reasonOf(text, '• 时政')).toContain("a site's menu");
  });

  it('reads a markdown-bulleted menu the same way', () => {
    const found = articles(
      page('- 时政', '- 国际', '- 文化', '- 体育', '三个村的新打算', '记者 周明远', '今年三个村各定了一件大事，都在春耕前开了工。'),
    );
    expect(found.map((a) => [a.title, a.authors])).toEqual([['三个村的新打算', ['周明远']]]);
  });

  it('keeps a bulleted list below the text as the article’s own', () => {
    const found = articles(
      page('三个村的新打算', '记者 周明远', '今年三个村各定了一件大事，都在春耕前开了工。', '• 修渠', '• 建仓', '• 铺路'),
    );
    expect(found[0]?.body.join('')).toContain('修渠');
  });

  it('takes a section’s name, a colon and its words for a menu, but names after a role for names', () => {
    expect(furnitureOf('某某景区: 资讯 门票 交通 路书 周边 住宿')).toBe('menu');
    expect(furnitureOf('摄影：张明 李强 王芳 赵雷')).not.toBe('menu');
    expect(articles(fixture('60-travel-site-labelled-menu'))[0]?.body[0]).toMatch(/^2031年4月1日/);
  });

  it('takes a WeChat account’s call to follow it for the site about itself', () => {
    expect(furnitureOf('点击蓝字 关注我们')).toBe('site promo');
    expect(furnitureOf('点击上方蓝字关注我们')).toBe('site promo');
    expect(furnitureOf('长按二维码关注')).toBeDefined();
    expect(furnitureOf('点击蓝字可以看到更多的村里故事')).toBeUndefined();
    expect(articles(fixture('64-wechat-article-follow-call'))[0]?.body[0]).toMatch(/^六月的山里/);
  });

  it('drops the field names a CMS prints as lines', () => {
    expect(furnitureOf('Body:')).toBe('media');
    expect(furnitureOf('news_publish_date:')).toBe('media');
    expect(articles(fixture('61-museum-cms-fields'))[0]?.body[0]).toMatch(/^2031年9月16日/);
  });
});

describe('font controls over a headline', () => {
  it('ends the list of the header at the controls: headline and subtitle under them stay the article’s', () => {
    const text = fixture('58-overseas-paper-font-controls');
    expect(articles(text).map((a) => [a.title, a.subtitle])).toEqual([['两岸大学生夏令营在某地开营', '六十名营员将走访古镇茶园']]);
    expect(reasonOf(text, '字体: 放大 还原 缩小')).toContain("the article's font controls");
  });

  it('reads the issue date printed after a few words', () => {
    expect(pageDateOf(['当前报章2031年08月05日', '两岸大学生夏令营在某地开营'])).toBe('2031-08-05');
  });
});

describe('headlines and datelines', () => {
  it('drops decoration asterisks after a headline and reads 本报讯 with reporters and 报道： as the dateline', () => {
    const [found] = articles(fixture('59-spam-host-starred-headline'));
    expect([found?.title, found?.authors]).toEqual(['让山村的读书声更响亮', ['林青', '吴桐']]);
    expect(found?.body[0]).toMatch(/^清晨七点/);
  });

  it('reads a few-character line under a longer one over the header as the headline under its kicker', () => {
    const [found] = articles(page('山乡记：一条河的故事', '渡口灯火', '来源：某某日报', '傍晚的渡口最热闹，收工的人排队上船。'));
    expect([found?.title, found?.kicker, found?.subtitle]).toEqual(['渡口灯火', '山乡记：一条河的故事', '']);
  });

  it('reads a longer second line that opens with a count as the subtitle, over a dateline too', () => {
    const text = fixture('63-headline-over-counted-subtitle');
    expect(articles(text).map((a) => [a.title, a.kicker, a.subtitle])).toEqual([
      ['山区小学迎来新操场', '', '两百多名孩子告别泥土跑道'],
      ['某镇晚稻收割过半', '金秋时节走进田间地头', ''],
    ]);
    expect(reasonOf(text, '山区小学迎来新操场')).toContain('opening with a count');
  });

  it('ends a listed post at the bare date under its lede', () => {
    expect(articles(fixture('65-list-page-dated-ledes')).map((a) => a.title)).toEqual([
      '山村通了公交车',
      '夜市烟火气回来了',
      '某县举行江堤防汛拉练',
    ]);
  });

  it('reads an aggregator’s copy: toolbar, |source after the headline, the poster’s role, a reprint’s dateline', () => {
    const [found, ...rest] = articles(fixture('66-aggregator-source-suffix-poster-role'));
    expect(rest).toEqual([]);
    expect([found?.title, found?.authors]).toEqual(['某县：风筝节放飞古镇', ['林越', '夏青']]);
    expect(found?.body[0]).toMatch(/^4月19日晚/);
    expect(furnitureOf('【繁体】【 ENGLISH】【设为首页】【加入收藏')).toBe('navigation');
    // a column before the bar and a headline naming a paper stay as they are
    expect(articles(page('读报|我与某某日报', '记者 周明远', '三十年前，我在乡邮所第一次读到这份报纸。'))[0]?.title).toBe('我与某某日报');
  });

  it('keeps the short lines a lead-in introduces in the text, and reads a dateline after an undecodable character', () => {
    expect(articles(fixture('67-list-inside-text-after-lead-in'))[0]?.body.join('')).toContain('北坪县花桥镇茶园村');
    expect(articles(fixture('68-undecodable-char-before-dateline'))[0]?.body[0]).toMatch(/^25日，/);
  });

  it('reads a content farm’s keyword title as furniture, and 某某/文 某某/图 as an author line', () => {
    const text = fixture('69-content-farm-keyword-title-slash-credits');
    expect(articles(text).map((a) => [a.title, a.authors])).toEqual([['山洪退去的第二天', ['林川', '何川', '周岩']]]);
    expect(reasonOf(text, '某镇新闻(某镇新闻联播)')).toContain('keyword title');
    expect(classifyLine('张明/文 王强/摄', 1)).toMatchObject({ shape: 'author-line', text: '张明 王强' });
    // (a headline with its own bracket is no keyword title)
    expect(furnitureOf('某镇新闻(图)')).toBeUndefined();
  });

  it('takes 本报综合 and 某某消息（记者…） for datelines', () => {
    expect(datelineOf('本报综合 7月1日，某市公布了年度十大优秀志愿服务项目。')?.length).toBe('本报综合 '.length);
    expect(datelineOf('东山消息（记者 方晓）夏令营期间，营员们将走访老街。')?.names).toBe('方晓');
    expect(datelineOf('【某某通讯社8月4日电】（记者 林小雨）夏令营4日开营。')?.names).toBe('林小雨');
    // a sentence about news is no dateline
    expect(datelineOf('好消息（据村委会介绍）今年的稻子又丰收了。')).toBeUndefined();
    expect(datelineOf('村里传来好消息（记者 张明）今年的稻子又丰收了。')).toBeUndefined();
    expect(articles(fixture('62-evening-epaper-compiled-report'))[0]?.body[0]).toMatch(/^7月1日/);
  });
});
