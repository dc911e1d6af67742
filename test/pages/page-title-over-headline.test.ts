/** A reprint's page title over a picture and the article's own headline (docs/page-layouts.md §1.9). */
import { describe, expect, it } from 'vitest';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n');
const titles = (text: string) => splitPage(text).map((a) => a.title);

describe("a reprint's page title over the real headline", () => {
  it('takes the line over the text for the headline when a picture parts it from a first line sharing its words', () => {
    const text = page(
      '天天快看:好消息!某县又一所新学校即将建成招生!就在城东',
      '(相关资料图)',
      '城东实验学校即将建成招生 可提供学位两千个',
      '近日,某县教育局发布消息,城东实验学校主体工程已完工,即将建成招生。',
      '学校设小学和初中两个学部,可提供学位两千个。',
    );
    expect(titles(text)).toEqual(['城东实验学校即将建成招生 可提供学位两千个']);
    expect(splitPage(text)[0]?.body.join('')).not.toContain('好消息');
  });

  it('keeps the first line when the line under the picture shares no run of its words', () => {
    const text = page('某县新建三座乡村图书驿站', '(相关资料图)', '书香进村', '近日,某县三座乡村图书驿站同时开放,村民在家门口就能借书。');
    expect(titles(text)).toEqual(['某县新建三座乡村图书驿站']);
  });

  it('keeps the first line when no picture stands between the two', () => {
    const text = page(
      '好消息!某县又一所新学校即将建成招生!就在城东',
      '发布时间:2031-10-12 09:30 来源:某某网',
      '城东实验学校即将建成招生',
      '近日,某县教育局发布消息,城东实验学校主体工程已完工。',
    );
    expect(titles(text)[0]).toBe('好消息!某县又一所新学校即将建成招生!就在城东');
  });
});
