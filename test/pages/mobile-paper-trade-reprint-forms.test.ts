/**
 * A trade portal's wire reprint, a trade daily's citation, a slogan under a headline, a county
 * mobile paper's masthead and contents, a spam mirror's share buttons, a gallery's picture counter
 * and foot title, a farm's 当前滚动 column, a dated scene caption, a magazine's staff byline and an
 * aggregator's picture placeholder (docs/page-layouts.md §1.1,
 * §1.3, §1.9, §1.9d, §5, §7.1–7.3): the forms of a fresh blind set (round 9), on invented pages
 * (test/fixtures/layouts/dev/97–106).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/pages/blocks.ts';
import { explainPage } from '../../src/pages/explain.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { pageDateOf } from '../../src/pages/page-date.ts';
import { withoutFarmMarks } from '../../src/pages/headline-forms.ts';
import { splitPage } from '../../src/pages/split.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/layouts/dev/${name}.txt`, 'utf8');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');
const page = (...lines: string[]) => lines.join('\n');
const reasonOf = (text: string, printed: string) => explainPage(text).lines.find((l) => l.text === printed)?.reason ?? '';

describe("a trade portal's reprint of a wire feature", () => {
  const text = fixture('97-trade-portal-wire-reprint-data-after-site');

  it('reads the data after the site’s name as article data, and the name alone as its banner', () => {
    expect(furnitureOf('12农机网   时间:2031-09-21    作者:佚名    来源:某某社')).toBe('article data');
    // (one field is no data line: a sentence may name a time)
    expect(furnitureOf('某县 时间:三月')).toBeUndefined();
    expect(reasonOf(text, '12农机网')).toContain("the site's banner");
  });

  it('finds the one article, headline and subtitle, and no headline in the cut last line', () => {
    expect(articles(text).map((a) => [a.title, a.subtitle, a.authors])).toEqual([
      ['稻香之约, 稻香之变', '走访以“稻香”为名的村庄', ['林晓岚', '周远帆']],
    ]);
    expect(reasonOf(text, '记者又来到平乡市回龙镇稻香村')).not.toContain('opens with a place name');
  });

  it('still takes a place-opening line with text under it for a headline', () => {
    const found = splitPage(page('甲村修了新桥', '记者 王一', '新桥通车了。', '平江县新修三座桥', '县里今年新修了三座桥。'));
    expect(found.map((a) => a.title)).toEqual(['甲村修了新桥', '平江县新修三座桥']);
  });
});

describe("a national trade daily's e-paper article", () => {
  it('reads the paper’s own citation under the headline as masthead', () => {
    expect(furnitureOf('《某某工人报》(2031年04月30日 02版)')).toBe('masthead');
    expect(furnitureOf('《某某日报》（2031年5月6日第3版）')).toBe('masthead');
  });

  it('keeps kicker and headline over the dateline', () => {
    expect(articles(fixture('98-trade-daily-epaper-citation-over-dateline')).map((a) => [a.kicker, a.title])).toEqual([
      ['某省劳模宣传月十三年不换频道', '工会为职工办好“五月节”'],
    ]);
  });
});

describe('a slogan under a plain headline', () => {
  it('is its subtitle, over the text with no header, and says so in --explain', () => {
    const text = fixture('99-press-group-slogan-subtitle');
    expect(articles(text).map((a) => [a.title, a.subtitle, a.kicker])).toEqual([
      ['某某报社负责人节日看望值班编辑记者', '新闻不停笔 记者不停步', ''],
    ]);
    expect(reasonOf(text, '某某报社负责人节日看望值班编辑记者')).toContain('the second a slogan');
  });

  it('leaves a slogan over a plain line as its kicker', () => {
    const found = articles(page('产业兴村  人才回流', '某县金银花田里走出新农人', '今年春天，某县的金银花开满了山坡。'));
    expect(found.map((a) => [a.kicker, a.title])).toEqual([['产业兴村  人才回流', '某县金银花田里走出新农人']]);
  });
});

describe("a county mobile paper's issue", () => {
  const text = fixture('100-county-mobile-paper-contents-weather');

  it('reads the weather, the app’s promotion and its download link as furniture', () => {
    expect(furnitureOf('今日天气:小雨转多云 17-24℃')).toBe('masthead');
    expect(furnitureOf('风向风力:东风,2级')).toBe('masthead');
    expect(furnitureOf('了解更多精彩新闻,请下载“某县新闻”客户端。')).toBe('site promo');
    expect(furnitureOf('下载地址:http://app.example.cn/download/')).toBe('media');
    // (a forecast in a sentence is text)
    expect(furnitureOf('今日天气晴好，市民纷纷出门踏青。')).toBeUndefined();
  });

  it('finds the article under the contents, and no headline in the contents or the promotion', () => {
    expect(articles(text).map((a) => a.title)).toEqual(['千人徒步穿越某山古树林']);
    expect(articles(text)[0]?.body.join('')).toContain('上百棵百年古树');
  });
});

describe("a spam mirror's share buttons", () => {
  it('reads the buttons and a banner with spaces before its commas as navigation', () => {
    for (const line of ['weixin', 'qqzone', '分享到微信', '免费视频 ,精品资源一区二区 ,国产高清久久 ,中文字幕日韩专区'])
      expect(furnitureOf(line)).toBe('navigation');
    expect(furnitureOf('分享到家乡的故事')).toBeUndefined();
  });

  it('takes the article’s own time for the page date, not the mirror’s clock in its header', () => {
    expect(pageDateOf(fixture('101-spam-mirror-share-buttons').split('\n'))).toBe('2031-06-23');
    // (an e-paper put online the evening before its issue keeps the issue date)
    expect(pageDateOf(['2031年05月06日 星期二', '第01版：要闻', '发布时间：2031-05-05 22:10'])).toBe('2031-05-06');
  });

  it('keeps the byline under the buttons with the article', () => {
    const found = splitPage(fixture('101-spam-mirror-share-buttons'));
    expect(found.map((a) => [a.kind === 'fragment', a.kicker, a.title])).toEqual([[false, '洪水过后', '某县街心广场:清淤自救,共守家园']]);
    expect(found[0]?.body.join('')).toContain('一锹一锹清理');
  });
});

describe("a wire gallery's mirror", () => {
  const text = fixture('102-gallery-mirror-counter-title-again');

  it('reads the picture counter alone as furniture, never a headline', () => {
    expect(furnitureOf('(1/12)')).toBe('page header');
    expect(furnitureOf('（3／20）')).toBe('page header');
  });

  it('takes the first printing, over its own text and data, for the headline', () => {
    expect(articles(text).map((a) => [a.title, a.subtitle, a.body.length])).toEqual([['某县古城', '那座江水穿城而过的小城', 1]]);
    expect(articles(text)[0]?.body.join('')).toContain('木楼和青砖巷子');
    expect(furnitureOf('刊用本网站稿件，务经书面授权。')).toBe('footer');
  });
});

describe("a content farm's 当前滚动 column", () => {
  it('drops it before the headline, in traditional characters too', () => {
    expect(withoutFarmMarks('当前滚动：某县新修三座桥').text).toBe('某县新修三座桥');
    expect(withoutFarmMarks('當前滾動：某縣新修三座橋').text).toBe('某縣新修三座橋');
    expect(withoutFarmMarks('滚动新闻：某县新修三座桥').text).toBe('滚动新闻：某县新修三座桥');
  });

  it('then reads the series kicker and the subtitle of the copied headline', () => {
    const found = articles(fixture('103-farm-traditional-rolling-column'));
    expect(found.map((a) => [a.kicker, a.title, a.subtitle])).toEqual([['喜迎盛會', '綠色發展催生“山城新貌”', '某縣經濟發展紀實']]);
  });
});

describe('a dated scene over the headline', () => {
  it('is a caption, not a headline over a subtitle', () => {
    expect(classifyLine('2月9日 某州两会“代表通道”代表发言现场', 1)?.shape).toBe('caption');
    // (a headline on a date says what happened)
    expect(classifyLine('2月9日 某州两会开幕', 1)?.shape).not.toBe('caption');
    const found = articles(fixture('104-prefecture-site-dated-scene-caption'));
    expect(found.map((a) => [a.title, a.subtitle, a.authors])).toEqual([
      ['扎根泥土 情系民生', '州人大代表为建设美好家园贡献力量', ['林晓岚', '周远帆']],
    ]);
  });
});

describe("a magazine archive's article", () => {
  const text = fixture('105-magazine-archive-staff-byline');

  it('reads the issue and the keywords as furniture, and the staff byline as an author line naming no one', () => {
    expect(furnitureOf('某某 2031年8期')).toBe('masthead');
    expect(furnitureOf('关键词:茶叶某县老故事')).toBe('article data');
    expect(classifyLine('文_本刊记者(发自某县)', 1)).toMatchObject({ shape: 'author-line', text: '' });
    expect(reasonOf(text, '策划人语')).toContain("an editor's note label");
  });

  it('finds the one article, with no author and its text from the first paragraph', () => {
    expect(articles(text).map((a) => [a.title, a.subtitle, a.authors])).toEqual([['山里“金叶子”', '某县茶叶的老故事和新日子', []]]);
    expect(articles(text)[0]?.body[0]).toMatch(/^“茶香不怕山路远”/);
  });
});

describe("an aggregator's copy of a brief", () => {
  it('reads bulleted article data and a picture placeholder as furniture, never a subtitle or the text', () => {
    expect(furnitureOf('- 来源:某某网')).toBe('article data');
    expect(furnitureOf('【资料图】')).toBe('media');
    const found = articles(fixture('106-aggregator-brief-picture-placeholder'));
    expect(found.map((a) => [a.title, a.subtitle, a.authors])).toEqual([['某县：晚稻收割忙(组图)', '', ['林晓岚', '周远帆']]]);
    expect(found[0]?.body[0]).toMatch(/^10月8日/);
  });
});
