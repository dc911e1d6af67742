/**
 * Round 14 (blind14b): a series' instalment after the bar (`标题 | 系列·某县篇`), a farm's place tag
 * doubled before the headline's colon, a long wide-spaced data line opening with the posting time
 * (docs/page-layouts.md §1.5, §1.1). Invented pages only.
 */
import { describe, expect, it } from 'vitest';
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
