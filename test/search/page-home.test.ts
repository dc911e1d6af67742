/** The region a page's outlet serves, as the indexer passes it to the tagger. Invented pages. */
import { describe, expect, it } from 'vitest';
import { pageHome } from '../../src/search/prepare.ts';

const headline = (title: string) => [{ title }];

describe("a page's home", () => {
  it('is read from the lines above the first headline when no furniture names the outlet', () => {
    const page = [
      '桂东手机报',
      '第2046期 2031年6月3日 星期二',
      '桂东县融媒体中心主办',
      '',
      '清泉镇：茶园迎来采摘季',
      '连日来，茶农忙着采茶。',
    ].join('\n');
    expect(pageHome(page, headline('清泉镇：茶园迎来采摘季'))).toBe('桂东县');
    const site = ['当前位置: 益阳新闻网 > 视觉 > 正文', '', '老街的灯笼亮了', '华灯初上，老街热闹起来。'].join('\n');
    expect(pageHome(site, headline('老街的灯笼亮了'))).toBe('益阳市');
  });

  it('is not read from the articles themselves, nor from a page with no outlet named', () => {
    const page = ['老街的灯笼亮了', '据衡阳日报报道，华灯初上，老街热闹起来。'].join('\n');
    expect(pageHome(page, headline('老街的灯笼亮了'))).toBeUndefined();
    expect(pageHome('', [])).toBeUndefined();
  });
});
