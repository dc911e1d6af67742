/**
 * Round 14 (blind14b): a series' instalment after the bar (`标题 | 系列·某县篇`), a farm's place tag
 * doubled before the headline's colon, a long wide-spaced data line opening with the posting time, a
 * site's bar over its editors' fields; (blind15b) a picture named by its kind, a bare bracketed credit
 * (docs/page-layouts.md §1.5, §1.1, §3, §5). Invented pages only.
 */
import { describe, expect, it } from 'vitest';
import { datelineOf } from '../../src/pages/dateline.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');

describe('a series after the bar', () => {
  it('takes `系列·某县篇` after the bar as the kicker', () => {
    const found = articles(
      page(
        '稻田里长出新产业 | 县域新观察·某县篇',
        '2031-05-14 09:20:11 某某网',
        '',
        '五月的某县，田里的秧苗刚刚返青，合作社已经在谋划订单。',
      ),
    );
    expect(found.map((a) => [a.title, a.kicker])).toEqual([['稻田里长出新产业', '县域新观察·某县篇']]);
  });
});

describe('a farm’s place tag doubled before the headline', () => {
  it('drops the first copy of the words doubled before the colon', () => {
    const found = articles(page('某县某山某县某山:樱花开满山坡游客踏青正当时', '', '4月18日,某县某山的樱花进入盛花期,漫山遍野一片粉白。'));
    expect(found.map((a) => a.title)).toEqual(['某县某山:樱花开满山坡游客踏青正当时']);
  });

  it('keeps a headline whose words are not doubled before its colon', () => {
    const found = articles(page('某县某镇:樱花开满山坡游客踏青正当时', '', '4月18日,某县某镇的樱花进入盛花期,漫山遍野一片粉白。'));
    expect(found.map((a) => a.title)).toEqual(['某县某镇:樱花开满山坡游客踏青正当时']);
  });
});

describe('a long data line opening with the posting time', () => {
  it('is article data, wide spaces and a view counter and all', () => {
    expect(furnitureOf('2031-06-02 10:05:31          来源:某县融媒体中心 | 编辑:梁某 | 作者:伍某          浏览量:2318')).toBe(
      'article data',
    );
  });

  it('leaves a long line with sentences after the time and source on the text', () => {
    expect(
      furnitureOf(
        '2031-06-02 10:05 来源:某县融媒体中心 今天上午，全县召开大会，部署今年的防汛工作。会议要求各乡镇落实责任，确保安全度汛。',
      ),
    ).toBeUndefined();
  });
});

describe('a site’s bar over its editors’ fields', () => {
  it('is article data, so the headline above keeps its text', () => {
    expect(furnitureOf('某某在线 | 编辑:方某值班主任:贺某值班编委:石某')).toBe('article data');
    const found = articles(
      page(
        '断电通知:6月20日起某区这些地方将断电',
        '城事 | 2031-06-18 16:40:12',
        '某某在线 | 编辑:方某值班主任:贺某',
        '因线路检修需要,供电公司将于6月20日对部分线路断电检修。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['断电通知:6月20日起某区这些地方将断电']);
  });
});

describe('a picture named by its kind', () => {
  it('is a caption between the paragraphs, not a headline over one', () => {
    const found = articles(
      page(
        '把青春写在田野上',
        '7月8日清晨,某某学院实践队在校门前集合,举行出征仪式后乘车前往某乡。',
        '某某学院实践队出征仪式合影',
        '实践队此行的目的地是某乡的一所村小,那里有六十多名学生。',
        '座谈会现场',
        '晚上,实践队与村干部、老师开了座谈会,商量接下来的课程安排。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['把青春写在田野上']);
  });
});

describe('a bare bracketed credit opening the text', () => {
  it('is a dateline without its outlet: the names, then the text', () => {
    const text = '(通讯员:龙某某)7月5日7:30,某某学院实践队举行出征仪式。';
    const found = datelineOf(text);
    expect(found?.names).toBe('龙某某');
    expect(text.slice(found?.length)).toMatch(/^7月5日/);
  });

  it('leaves brackets with no role in them on the text', () => {
    expect(datelineOf('(以下简称“实践队”)全体成员在校门前集合。')).toBeUndefined();
  });
});

describe('a WeChat post’s credits and clause lines', () => {
  it('reads `来源 | 某某晚报` as article data, a `…等地` line and a dash lead-in as text', () => {
    expect(furnitureOf('来源 | 某某晚报')).toBe('article data');
    const found = articles(
      page(
        '这个夏天,某市的夜市为什么这么火?',
        '城事 某某晚报 2031-07-20 21:05',
        '来源 | 某某晚报',
        '',
        '入夜以后,江边的夜市亮起了灯,摊主们早早支起了桌椅。',
        '',
        '来自甲州、乙州、丙州等地',
        '',
        '的游客也赶来凑热闹,不少人专门为了一碗米粉排起长队。',
        '',
        '有山乡带来的老手艺——',
        '',
        '一家卖糖油粑粑的小店,从父亲传到儿子,已经开了三十多年。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['这个夏天,某市的夜市为什么这么火?']);
  });
});

describe('report datelines', () => {
  it('reads `某某日报M月D日报道 ` as a dateline and `某地报道:` after its brackets as part of it', () => {
    const wire = '某某日报6月12日报道 6月10日,记者走进某镇的万亩稻田。';
    expect(wire.slice(datelineOf(wire)?.length)).toMatch(/^6月10日/);
    const local = '本报讯(记者沈某某 通讯员邹某某)湖南某市报道:为提高居民的知晓度,社区开展了活动。';
    expect(local.slice(datelineOf(local)?.length)).toMatch(/^为提高/);
  });

  it('leaves 报道 without a date on the text, and a yearless time alone is article data', () => {
    expect(datelineOf('媒体报道 这件事引起了广泛关注。')).toBeUndefined();
    expect(furnitureOf('06-12 09:30')).toBe('article data');
  });
});

describe('a photographer’s credit under the text', () => {
  it('leaves a paragraph of two sentences over it on the text, and takes a one-sentence line as the caption', () => {
    const story = articles(
      page(
        '某县:油茶花开满山岗',
        '某月以来,某县某镇的油茶花陆续进入盛花期。蜂农也忙了起来。',
        '某镇是当地的油茶主产区。镇里建起两家加工厂。',
        '新华社记者 岳青松 摄',
      ),
    );
    expect(story[0]?.body).toHaveLength(2);
    const captioned = articles(
      page(
        '某县:油茶花开满山岗',
        '某月以来,某县某镇的油茶花陆续进入盛花期。蜂农也忙了起来。',
        '工人在分拣油茶籽。',
        '新华社记者 岳青松 摄',
      ),
    );
    expect(captioned[0]?.captions).toContain('工人在分拣油茶籽。');
  });
});
