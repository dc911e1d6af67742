/**
 * A forum's repost, a mirror's follow button and share bar, an aggregator's day-first posting time
 * and account links, a copy site's data line run together with the text, and a farm's
 * `全球观热点` column (docs/page-layouts.md §1.5, §7.2): the forms of a fresh blind set (round 10),
 * and a headline printed again over the photo (§1.9), on invented pages
 * (test/fixtures/layouts/dev/125–130).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainPage } from '../../src/pages/explain.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { splitGluedDataLine } from '../../src/pages/glued-data.ts';
import { withoutFarmMarks } from '../../src/pages/headline-forms.ts';
import { pageDateOf } from '../../src/pages/page-date.ts';
import { splitPage } from '../../src/pages/split.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/layouts/dev/${name}.txt`, 'utf8');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');
const reasonOf = (text: string, printed: string) => explainPage(text).lines.find((l) => l.text === printed)?.reason ?? '';

describe("a forum's repost of a daily's feature", () => {
  const text = fixture('125-forum-repost-thread-header');

  it("reads the thread's header as furniture and says so in --explain", () => {
    expect(furnitureOf('12873个阅读者,36条回复 | 打印 | 订阅 | 收藏')).toBe('thread header');
    expect(furnitureOf('36条回复')).toBe('thread header');
    expect(furnitureOf('隐身或者不在线')).toBe('thread header');
    expect(furnitureOf('青石板 发表在 乡村话题 某某论坛 https://bbs.example.cn/forum-12-1.html')).toBe('thread header');
    expect(furnitureOf('发新帖  新投票  回帖  关闭侧栏')).toBe('navigation');
    expect(furnitureOf('按此在新窗口浏览图片')).toBe('media');
    expect(reasonOf(text, '隐身或者不在线')).toContain("a forum thread's header");
  });

  it('keeps headlines that count people or replies', () => {
    expect(furnitureOf('3位读者来信说起家门口的新桥')).toBeUndefined();
    expect(furnitureOf('120位读者走进印刷厂')).toBeUndefined();
  });

  it('finds the post’s one article with its caption, heading and every paragraph', () => {
    const [article] = articles(text);
    expect(articles(text).map((a) => a.title)).toEqual(['山坡上的茶园,正冒出新芽']);
    expect(article?.body.join('')).toContain('杀青、揉捻、渥堆');
    expect(article?.body.join('')).toContain('我们家老人常说');
    expect(splitPage(text).filter((a) => a.kind === 'fragment')).toEqual([]);
  });
});

describe("a mirror's follow button and share bar under the data line", () => {
  it('are furniture, so the headline above the data is kept', () => {
    expect(furnitureOf('关注某某网')).toBe('site promo');
    expect(furnitureOf('Qzone')).toBe('navigation');
    expect(furnitureOf('关注留守儿童的暑假')).toBeUndefined();
    expect(articles(fixture('126-portal-reprint-follow-share-bar')).map((a) => a.title)).toEqual(['“莲乡”里的新产业 老码头换新颜']);
  });
});

describe("an aggregator's day-first posting time", () => {
  const text = fixture('127-aggregator-day-first-time-account-links');

  it('is article data and the page’s date, read day first', () => {
    expect(furnitureOf('12.10.2031 08:45')).toBe('article data');
    expect(furnitureOf('|邮箱|注册')).toBe('navigation');
    expect(pageDateOf(['12.10.2031 08:45'])).toBe('2031-10-12');
    expect(pageDateOf(text.split('\n'))).toBe('2031-10-12');
  });

  it('leaves the headline above it, and no headline at the foot', () => {
    expect(splitPage(text).map((a) => [a.kind, a.title])).toEqual([['brief', '秋冬防跌倒 专家进社区义诊']]);
  });
});

describe('a data line run together with the first paragraph', () => {
  it('is cut after the posting time: the data, then the text', () => {
    expect(splitGluedDataLine('文章来源:某某检察 作者: 时间:2031-12-03 10:12:40雪峰山下的初冬,寒意渐浓。')).toEqual([
      '文章来源:某某检察 作者: 时间:2031-12-03 10:12:40',
      '雪峰山下的初冬,寒意渐浓。',
    ]);
    // a line of data only, or a sentence naming a time, stays whole
    expect(splitGluedDataLine('来源:某某网 2031-12-03 10:12:40 编辑:张三')).toHaveLength(1);
    expect(splitGluedDataLine('会议定于2031-12-03 10:00在县礼堂举行,请准时参加。')).toHaveLength(1);
  });

  it('keeps the first paragraph and the headline over the data', () => {
    const found = articles(fixture('128-copy-site-data-glued-to-text'));
    expect(found.map((a) => [a.title, a.subtitle])).toEqual([['山里的约定', '某县检察长走访基层代表']]);
    expect(found[0]?.body[0]).toMatch(/^雪峰山下的初冬/);
  });

  it("keeps a speaker's label (a role, a name, a colon) and the quotation under it in the article", () => {
    const found = splitPage(fixture('128-copy-site-data-glued-to-text'));
    expect(found.map((a) => a.kind)).toEqual(['feature']);
    expect(found[0]?.authors).toEqual([]);
    expect(found[0]?.body.slice(-2).join('')).toContain('在村部开个法律讲堂');
  });
});

describe("a content farm's 全球观热点 column", () => {
  it('is dropped before the series and its headline', () => {
    expect(withoutFarmMarks('全球觀熱點:好評中國·走進湖南|某村:五月梯田').text).toBe('好評中國·走進湖南|某村:五月梯田');
    expect(articles(fixture('129-content-farm-watch-column-series')).map((a) => [a.kicker, a.title])).toEqual([
      ['好評中國·走進湖南', '溆浦縣山背村:五月梯田,在雲端看“插秧的季節”'],
    ]);
  });
});

describe("an e-paper's headline printed again over the photo", () => {
  const text = fixture('130-trade-epaper-title-again-over-photo');

  it('keeps the first printing, with its subtitle and author line, as the headline', () => {
    expect(splitPage(text).map((a) => [a.kind, a.title, a.subtitle, a.authors])).toEqual([
      ['feature', '橘香“湘”里话丰年', '某地农民丰收节石门县主场活动见闻', ['邹明远', '易小禾']],
    ]);
    const second = explainPage(text).lines.filter((l) => l.text === '橘香“湘”里话丰年');
    expect(second.map((l) => l.decision)).toEqual(['headline', 'furniture']);
    expect(second[1]?.reason).toContain('the headline printed again');
  });

  it('still reads a web page title over the headline as the copy', () => {
    const found = splitPage(['某县新修三座桥', '某县新修三座桥', '——通车当天村民赶来看', '县里今年新修了三座桥。'].join('\n'));
    expect(found.map((a) => [a.title, a.subtitle])).toEqual([['某县新修三座桥', '通车当天村民赶来看']]);
  });
});
