/**
 * Conventions found on real pages from many outlets (docs/page-layouts.md §1.3, §1.5, §4.4, §5,
 * §7.2), each on a small page of our own invented text: excerpts that open mid-article, unmarked
 * subtitles, decoration around titles, captions without credit, other CMSs' previous/next links.
 */
import { describe, expect, it } from 'vitest';
import { classifyLine, datelineOf, namesWithoutRoles } from '../../src/pages/blocks.ts';
import { explainPage } from '../../src/pages/explain.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n\n');
const titled = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');
const reasonFor = (text: string, line: string) => explainPage(text).lines.find((l) => l.text === line);

describe('an excerpt that opens mid-article', () => {
  const excerpt = page(
    '沿着江岸往下走，码头边新修的步道连起了三个渔村，采风团一路走一路记。',
    '生态焕新：渔村里长出“新风景”',
    '沅江市南湾村',
    '南湾村把废弃的渔船改成了水上书屋，周末有不少游客划船来看书。',
    '汉寿县西湖村',
    '西湖村的渔民上岸后种起了莲藕，去年每亩增收两千多元。',
    '第三天：湖上半日',
    '第三天清早，采风团登上巡湖船，跟着巡护员看候鸟。',
  );

  it('keeps its short lines as its own section headings, not briefs', () => {
    expect(titled(excerpt)).toEqual([]);
    const [fragment] = splitPage(excerpt);
    expect(fragment?.body).toContain('沅江市南湾村');
    expect(fragment?.body).toContain('第三天：湖上半日');
    expect(reasonFor(excerpt, '沅江市南湾村')).toMatchObject({
      decision: 'section heading',
      reason: 'short, but nothing confirms a new article',
    });
  });

  it('still starts an article the page confirms (an author line under its headline)', () => {
    const text = page(excerpt, '巡护船上的十年', '本报记者 刘湘云 通讯员 蒋水生', '巡护员龚大海在南洞庭湖上巡了十年，认得出四十多种候鸟。');
    expect(titled(text).map((a) => [a.title, a.authors])).toEqual([['巡护船上的十年', ['刘湘云', '蒋水生']]]);
  });

  it('also when the excerpt opens with its author line', () => {
    const text = page(
      '文｜刘湘云',
      '从长沙出发，不到一小时就到了湖边的渔村。',
      '第一天：城里半日',
      '上午在老街看了两座会馆，下午去了湖边的新码头。',
    );
    expect(titled(text)).toEqual([]);
  });

  it('reads a dateline with the place between its date and 讯', () => {
    expect(datelineOf('某某网9月25日湘西州讯 9月12日，采访团走进凤凰县。')?.length).toBe('某某网9月25日湘西州讯 '.length);
  });

  it('reads a whole dateline in 【】 with the reporter filing from a place', () => {
    const text = '【某某时报消息，记者林晓雨发自邵阳】7月15日，采访团走进新宁县。';
    expect(datelineOf(text)).toEqual({ length: '【某某时报消息，记者林晓雨发自邵阳】'.length, names: '林晓雨' });
  });

  it("opens the article with the editor's note, not with its 编者按 label", () => {
    const text = page(
      '巡护船上的十年',
      '记者 刘湘云 蒋水生',
      '【编者按】',
      '今年是南洞庭湖保护区设立三十周年，本报推出系列报道。',
      '巡护员龚大海在湖上巡了十年。',
    );
    expect(titled(text)[0]?.body[0]).toBe('今年是南洞庭湖保护区设立三十周年，本报推出系列报道。');
  });

  it('takes 开栏语 for a label, not a headline', () => {
    const text = page('开栏语', '从今日起，本报开设“走读乡村”栏目，记者深入各县记录乡村的变化。');
    expect(titled(text)).toEqual([]);
  });
});

describe('a headline over an unmarked subtitle', () => {
  it('takes the first of two short lines over the author line for the headline, the second for its subtitle', () => {
    const text = page(
      '山高水长处 茶乡换新颜',
      '“湘西茶路”访古丈',
      '记者 田晓东 龙春燕',
      '古丈县的茶园里，采茶工正赶着采今年的第一茬明前茶。',
    );
    expect(titled(text).map((a) => [a.title, a.subtitle])).toEqual([['山高水长处 茶乡换新颜', '“湘西茶路”访古丈']]);
    expect(reasonFor(text, '“湘西茶路”访古丈')?.decision).toBe('subtitle');
  });

  it('keeps a kicker over a longer headline, and a kicker with a series mark', () => {
    const longer = page(
      '茶香满园  人才回流',
      '古丈县：茶园里走出一批“新茶人”',
      '记者 田晓东 龙春燕',
      '古丈县的茶园里，返乡青年办起了茶叶合作社。',
    );
    expect(titled(longer).map((a) => [a.kicker, a.title])).toEqual([['茶香满园  人才回流', '古丈县：茶园里走出一批“新茶人”']]);
    const series = page('青山绿水湘西行采风笔记', '一杯茶待远客', '记者 田晓东 龙春燕', '古丈县的茶馆里，老板给客人泡上一杯毛尖。');
    expect(titled(series).map((a) => [a.kicker, a.title])).toEqual([['青山绿水湘西行采风笔记', '一杯茶待远客']]);
  });
});

describe('author lines of a wire daily', () => {
  it('reads an outlet ending in 电讯 glued to the role', () => {
    expect(namesWithoutRoles('某某每日电讯记者陈晓 席文 谭明')).toBe('陈晓 席文 谭明');
  });
});

describe('decoration around titles', () => {
  it('takes the series after the bar (标题｜系列③) into the kicker', () => {
    expect(classifyLine('江边的读书声｜走读湖湘③', 1)).toMatchObject({ text: '江边的读书声', kicker: '走读湖湘③' });
    expect(classifyLine('茶乡访古｜青山行之二', 1)).toMatchObject({ text: '茶乡访古', kicker: '青山行之二' });
    // …while a column name before the bar stays the kicker.
    expect(classifyLine('乡村振兴｜罗家村的稻田里种出了好“钱景”', 1)).toMatchObject({ kicker: '乡村振兴' });
  });

  it('drops gambling spam glued before a headline', () => {
    const text = page('某某彩开奖结果江边的读书声', '发布日期：2032-04-02 10:11', '3月31日，株洲市两百多名学生沿湘江风光带徒步研学。');
    expect(titled(text).map((a) => a.title)).toEqual(['江边的读书声']);
  });
});

describe('captions without a credit', () => {
  it.each(['图：游客在码头乘竹筏游览', '（镇党委书记在老街改造工地现场）', '县文旅局局长李春华讲话中', '市侨联主席在发言'])(
    'takes %s for a caption',
    (line) => {
      expect(classifyLine(line, 3)?.shape).toBe('caption');
    },
  );

  it.each(['（一）', '（2032年4月）', '巡护船上的十年', '讲话精神进万家'])('does not take %s for a caption', (line) => {
    expect(classifyLine(line, 3)?.shape).not.toBe('caption');
  });

  it("keeps them out of the headlines and in the article's captions", () => {
    const text = page(
      '江边的读书声',
      '记者 陈可欣 刘湘云',
      '学生们分成十个小组，每组认领一段江岸。',
      '市教育局副局长刘文涛讲话中',
      '活动结束时，各小组把采集的照片编成了小册子。',
    );
    const [article] = titled(text);
    expect(titled(text)).toHaveLength(1);
    expect(article?.captions).toEqual(['市教育局副局长刘文涛讲话中']);
  });
});

describe("other CMSs' previous/next links", () => {
  it.each([
    '上一主题：汝城举办油茶采摘节',
    '下一主题：热水镇温泉小镇开园',
    '上一条：醴陵陶瓷博物馆推出夜游',
    '下一条:炎陵黄桃花开',
    '上一条',
    '下一主题',
  ])('drops %s', (line) => {
    expect(furnitureOf(line)).toBe('navigation');
  });
});
