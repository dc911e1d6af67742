/**
 * A quoted, numbered series before 丨, the byline under an editor's note, a content farm's keyword
 * column and page number, a paper's page reference, an original title under a headline with
 * keywords pushed in, a page title that glued more to the headline, bulleted related links and a
 * national e-paper's article page (docs/page-layouts.md §1.5, §1.9b, §1.9c, §1.10, §5, §7.1, §7.2):
 * the forms of a fresh blind set (round 8c), on invented pages (test/fixtures/layouts/dev/90–96).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/pages/blocks.ts';
import { explainPage } from '../../src/pages/explain.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { withoutFarmMarks } from '../../src/pages/headline-forms.ts';
import { keywordsInserted } from '../../src/pages/split-rules.ts';
import { splitPage } from '../../src/pages/split.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/layouts/dev/${name}.txt`, 'utf8');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');
const page = (...lines: string[]) => lines.join('\n');
const reasonOf = (text: string, printed: string) => explainPage(text).lines.find((l) => l.text === printed)?.reason ?? '';

describe("a portal's reprint of a series", () => {
  it('takes a quoted, numbered series before 丨 for the kicker', () => {
    expect(classifyLine('青石村和“它的邻居们”③丨青石村：一条溪的十年', 1)).toMatchObject({
      text: '青石村：一条溪的十年',
      kicker: '青石村和“它的邻居们”③',
    });
  });

  it('keeps the byline under the editor’s note with the article, never a second one', () => {
    const text = fixture('90-portal-reprint-quoted-series-editors-note');
    const found = splitPage(text);
    expect(found.map((a) => [a.kind === 'fragment', a.title, a.authors])).toEqual([
      [false, '青石村：一条溪的十年', ['林晓岚', '周远帆', '何一舟']],
    ]);
    expect(found[0]?.body.join('')).toContain('算了整整一夜的账');
    expect(reasonOf(text, '某某网记者 林晓岚 周远帆 何一舟 某县报道')).toContain("under the editor's note");
  });

  it('still starts a new article at names after text that is no note', () => {
    const found = splitPage(page('甲村修了新桥', '记者 王一', '新桥通车了。', '乙村的路', '记者 李二 赵三', '乙村的路也修好了。'));
    expect(found.map((a) => a.title)).toEqual(['甲村修了新桥', '乙村的路']);
  });
});

describe("a content farm's copy", () => {
  it('drops the keyword column before the headline and the spaced page number after it', () => {
    expect(withoutFarmMarks('天天快讯：某县农家书屋开进了老粮站( 三 )')).toEqual({
      text: '某县农家书屋开进了老粮站',
      dropped: "a content farm's keyword column before it and an aggregator's page number after it",
    });
    // …but a place's colon and a series number are the headline's own
    expect(withoutFarmMarks('某县：农家书屋开进了老粮站').text).toBe('某县：农家书屋开进了老粮站');
    expect(withoutFarmMarks('读书笔记（三）').text).toBe('读书笔记（三）');
  });

  it('names what it dropped in --explain, and reads bulleted links under 推荐阅读 as the box', () => {
    const text = fixture('91-content-farm-keyword-column-page-number');
    expect(articles(text).map((a) => [a.title, a.body.length])).toEqual([['某县农家书屋开进了老粮站', 2]]);
    expect(reasonOf(text, '天天快讯：某县农家书屋开进了老粮站( 三 )')).toContain("dropped a content farm's keyword column");
    expect(reasonOf(text, '- 某县图书馆新馆预计明年建成投用，馆藏将达到三十万册')).toContain('a list of headlines');
  });

  it('takes the printing with its own subtitle for the headline and a part’s title for a section', () => {
    const text = fixture('94-content-farm-web-title-part-title');
    const found = articles(text);
    expect(found.map((a) => [a.title, a.subtitle, a.authors])).toEqual([
      ['“湖畔三镇”调查', '来自甲湖镇、乙湖镇、丙湖镇的乡镇经济报告', ['程一帆', '宋远', '乔木']],
    ]);
    expect(furnitureOf('下载软件下载软件下载软件')).toBe('navigation');
    expect(reasonOf(text, '“湖畔三镇”：湖边的三颗珠子')).toContain("a part's title");
  });

  it('keeps the header going when a page title’s copy and its subtitle are printed again', () => {
    const text = page(
      '某村修路记——三年铺了十里水泥路',
      '来源：某某网 2031-05-06 10:00',
      '某村修路记',
      '——三年铺了十里水泥路',
      '记者 王一',
      '今年春天，某村最后一段泥巴路铺上了水泥。',
    );
    expect(splitPage(text).map((a) => [a.kind === 'fragment', a.title, a.authors])).toEqual([[false, '某村修路记', ['王一']]]);
    expect(reasonOf(text, '——三年铺了十里水泥路')).toContain('printed again under its headline');
  });
});

describe('a page reference and an original title', () => {
  it('reads where a copied piece ran as the masthead, never a headline', () => {
    expect(furnitureOf('某某日报 3月2日 第十五版报道')).toBe('masthead');
    expect(furnitureOf('《某某晚报》2031年3月2日第三版刊发')).toBe('masthead');
    expect(furnitureOf('3月2日起某某日报改版')).toBeUndefined();
    // an e-paper page's running head over its first headline (dev/112)
    expect(furnitureOf('某某晚报 2031年12月06日 第04版 综合新闻')).toBe('masthead');
    expect(furnitureOf('某某日报 5月6日 星期三 A03版：要闻')).toBe('masthead');
    expect(articles(fixture('112-briefs-villages-features-scopes'))[0].title).toBe('报木溪村的腊肉熏上了');
    expect(articles(fixture('92-blog-copy-paper-page-reference'))).toEqual([]);
  });

  it('takes the original title when the headline above is it with keywords pushed in', () => {
    const text = fixture('93-spam-mirror-original-title-keywords');
    expect(articles(text).map((a) => [a.title, a.kicker])).toEqual([['茶园 + 民宿：一个山村的两本账', '乡村调研行·某省篇']]);
    expect(reasonOf(text, '(原标题：【乡村调研行·某省篇】茶园 + 民宿：一个山村的两本账)')).toContain('keywords pushed in');
  });

  it('leaves a reprint’s own headline that only adds words before the original', () => {
    expect(keywordsInserted('茶园和民宿', '某县：茶园和民宿')).toBe(false);
    expect(keywordsInserted('茶园和民宿的两本账', '茶园和下载安装民宿的两本账')).toBe(true);
  });
});

describe("a national e-paper's article page", () => {
  it('reads the archive banner, toolbar, byline citation and numbered captions', () => {
    const text = fixture('95-national-epaper-numbered-captions');
    const [found] = articles(text);
    expect([found?.kicker, found?.title, found?.authors]).toEqual(['云岭茶村', '茶香漫过石板路（走进山村⑦）', ['蒋远']]);
    // (the credits under the captions close them: neither is text)
    expect(found?.captions).toEqual(['图①：云岭村的茶园。', '图②：村民在自家民宿前晒茶。']);
    expect(found?.body[0]).toMatch(/^云岭村坐落在大山深处/);
    expect(furnitureOf('某某日报图文数据库(1950-2030)')).toBe('masthead');
    expect(furnitureOf('返回目录  放大缩小全文复制   下一篇')).toBe('navigation');
  });
});

describe("a portal's gallery copy", () => {
  it('drops the spam banner, the picture counter and 字号, and keeps the closing sentence as text', () => {
    const text = fixture('96-portal-gallery-counter-closing-credits');
    const [found, ...more] = articles(text);
    expect(more).toEqual([]);
    expect([found?.title, found?.subtitle, found?.authors]).toEqual(['雨夜守堤纪实', '某县抗洪的七十二小时', ['林岚', '何舟']]);
    expect(found?.body.at(-1)).toBe('雨停了，堤保住了，人都回家了！');
    expect(found?.captions[0]).toMatch(/^\(7月4日凌晨/);
    expect(furnitureOf('文章来源: 某某日报')).toBe('credits');
    expect(withoutFarmMarks('雨夜守堤纪实 (2/4)').text).toBe('雨夜守堤纪实');
  });
});
