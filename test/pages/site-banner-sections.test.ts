/**
 * Round-5 conventions (docs/page-layouts.md): a site's own name over its article, numbered
 * sections inside an article, a long series name listing places before 丨, and an aggregator's
 * quoted title over its tag line. Invented text.
 */
import { describe, expect, it } from 'vitest';
import { explainPage } from '../../src/pages/explain.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');
const lineOf = (text: string, line: string) => explainPage(text).lines.find((l) => l.text.startsWith(line));

describe('a site name over a web article', () => {
  const text = page(
    '松溪文旅网--松溪山区的旅游信息服务平台',
    '松溪文旅网官网',
    '首页 > 资讯',
    '溪边古茶园迎来采摘季',
    '来源：松溪文旅网 发布时间：2024-04-02',
    '清明前后，某某村的古茶园里，采茶人背着竹篓穿行在茶树之间。',
  );

  it('drops the lines that open with the source the article data names', () => {
    expect(articles(text).map((a) => a.title)).toEqual(['溪边古茶园迎来采摘季']);
    expect(lineOf(text, '松溪文旅网官网')?.reason).toMatch(/site's own name/);
  });

  it('keeps a headline that opens with the site name when it stands right over the article data', () => {
    const own = page('松溪文旅网上线春季游线路', '来源：松溪文旅网 2024-04-02', '网站新推出三条春季游线路，串联起沿溪的五个村。');
    expect(articles(own).map((a) => a.title)).toEqual(['松溪文旅网上线春季游线路']);
  });
});

describe('numbered sections', () => {
  it('keeps 一、… and its —— line as section headings of the open article', () => {
    const text = page(
      '山里人的三种好习惯',
      '来源：某某网 2024-04-02',
      '住在山里的人家，有几样习惯代代相传。',
      '一、早起不赖床',
      '——勤快的作息',
      '天不亮就下地，趁着凉快把活干完。',
      '二、饭后不闲坐',
      '邻里之间串门帮忙，是常有的事。',
    );
    const found = articles(text);
    expect(found.map((a) => a.title)).toEqual(['山里人的三种好习惯']);
    for (const heading of ['一、早起不赖床', '——勤快的作息', '二、饭后不闲坐']) {
      expect(lineOf(text, heading)?.decision).toBe('section heading');
      expect(found[0]?.body).toContain(heading);
    }
  });
});

describe('a long series name before 丨', () => {
  it('takes a series that lists places with 、 for the kicker', () => {
    const text = page(
      '采风团走进岳阳、平江某某村见闻丨稻田里的音乐会',
      '2024-09-01 08:00 来源：某某网',
      '秋收时节，村里在稻田边搭起舞台，请来乡亲们唱山歌。',
    );
    const [article] = articles(text);
    expect(article?.title).toBe('稻田里的音乐会');
    expect(article?.kicker).toBe('采风团走进岳阳、平江某某村见闻');
  });
});

describe("an aggregator's copy", () => {
  const text = page(
    "'河湾菜园的夏天'",
    '某县 湘江 菜园 某某日报 2021-07-02\n"',
    '【核心提示】',
    '入夏以来，河湾边的菜园一天一个样，豆角爬满了竹架。',
  );

  it('takes the title out of its ASCII quotes and the tag line for article data', () => {
    const [article] = articles(text);
    expect(article?.title).toBe('河湾菜园的夏天');
    expect(lineOf(text, '某县 湘江')?.reason).toMatch(/article data/);
    expect(lineOf(text, '"')?.decision).toBe('furniture');
  });

  it('opens the text after the 【核心提示】 label, not with it', () => {
    expect(articles(text)[0]?.body[0]).toBe('入夏以来，河湾边的菜园一天一个样，豆角爬满了竹架。');
  });
});
