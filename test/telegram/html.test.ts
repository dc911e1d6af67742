import { describe, expect, it } from 'vitest';
import { escapeHtml, highlight, snippet, unescapeHtml } from '../../src/telegram/html.ts';

describe('escapeHtml', () => {
  it('escapes the characters Telegram HTML gives a meaning to', () => {
    expect(escapeHtml('<b>&"x"</b>')).toBe('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
    expect(unescapeHtml(escapeHtml('<b>&"x"</b>'))).toBe('<b>&"x"</b>');
  });
});

describe('highlight', () => {
  it('marks every occurrence of the query words and escapes the rest', () => {
    expect(highlight('优化营商环境，<改善>营商环境', ['营商环境'])).toBe('优化<b>营商环境</b>，&lt;改善&gt;<b>营商环境</b>');
  });

  it('prefers the longer word where words overlap, and merges neighbours', () => {
    expect(highlight('乡村振兴战略', ['乡村', '乡村振兴'])).toBe('<b>乡村振兴</b>战略');
    expect(highlight('乡村振兴', ['乡村', '振兴'])).toBe('<b>乡村振兴</b>');
  });

  it('matches Latin letters regardless of case and leaves markup in words inert', () => {
    expect(highlight('AI 与 ai', ['Ai'])).toBe('<b>AI</b> 与 <b>ai</b>');
    expect(highlight('a<b>c', ['<b>'])).toBe('a<b>&lt;b&gt;</b>c');
  });
});

describe('snippet', () => {
  const text = '第一句话讲别的事情，没有关键词。第二句话也讲别的事情，仍然没有。第三句讲到了营商环境的改善和企业的感受。第四句收尾。';

  it('returns a short text unchanged', () => {
    expect(snippet('短文本。', ['文本'], 40)).toBe('短文本。');
  });

  it('shows the first query word inside the cut, starting at its sentence', () => {
    const cut = snippet(text, ['营商环境'], 30);
    expect(Array.from(cut).length).toBeLessThanOrEqual(30);
    expect(cut).toContain('营商环境');
    expect(cut.startsWith('…第三句')).toBe(true);
  });

  it('cuts from the start when no word occurs', () => {
    const cut = snippet(text, ['不存在'], 20);
    expect(cut.startsWith('第一句')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
  });
});
