import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/telegram/html.ts';
import { splitMessage, splitMessageParts, TELEGRAM_TEXT_LIMIT } from '../../src/telegram/split-message.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
/** The real seed pages, escaped as the bot would send them. */
const pages = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => escapeHtml(readFileSync(join(SEEDS, f), 'utf8').replace(/\r\n?/g, '\n').trim()));

/** Telegram's HTML parser must accept every part: balanced tags, no torn entity. */
function assertValidHtml(part: string): void {
  const stack: string[] = [];
  for (const [, close, name] of part.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (close) expect(stack.pop()).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
  expect(part).not.toMatch(/&(?![a-z]+;|#\d+;)/);
  expect(part.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
}

describe('splitMessage', () => {
  it('keeps a short message whole', () => {
    expect(splitMessage('<b>标题</b>\n\n正文。')).toEqual(['<b>标题</b>\n\n正文。']);
  });

  it('splits every seed page into parts under 4096 characters that lose no text', () => {
    for (const page of pages) {
      const parts = splitMessage(page);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
        assertValidHtml(part);
      }
      expect(parts.join('').replace(/\s/g, '')).toBe(page.replace(/\s/g, ''));
    }
  });

  it('cuts at paragraph breaks when paragraphs are available', () => {
    const page = pages[0];
    for (const part of splitMessage(page).slice(0, -1)) {
      // The text right after each part starts a paragraph of the original.
      expect(page).toContain(`${part.slice(-20)}\n`);
    }
  });

  it('cuts a paragraph longer than the limit at a Chinese sentence end', () => {
    const sentence = '这是一个用于测试的句子，它比较长，包含逗号和句号。';
    const paragraph = sentence.repeat(300); // about 7,500 characters, no line break
    const parts = splitMessage(paragraph);
    expect(parts.length).toBe(2);
    expect(parts[0].endsWith('。')).toBe(true);
    expect(parts.join('')).toBe(paragraph);
  });

  it('closes a tag open at the cut and reopens it in the next part', () => {
    const html = `<i>${'很长的说明文字，'.repeat(700)}</i>`;
    const parts = splitMessage(html, 1000);
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1000);
      expect(part.startsWith('<i>')).toBe(true);
      expect(part.endsWith('</i>')).toBe(true);
    }
  });

  it('never tears an entity or a surrogate pair, even without any boundary', () => {
    const html = '&amp;😀'.repeat(1000);
    const parts = splitMessage(html, 500);
    for (const part of parts) {
      assertValidHtml(part);
      expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(part).not.toMatch(/^[\uDC00-\uDFFF]/);
    }
    expect(parts.join('')).toBe(html);
  });

  it('says which stretch of the source each message carries', () => {
    const blocks = Array.from({ length: 30 }, (_, i) => `${i + 1}. <b>标题${i}</b>\n正文${'字'.repeat(40)}。`);
    const html = blocks.join('\n\n');
    const parts = splitMessageParts(html, 400);
    expect(parts.map((p) => p.text)).toEqual(splitMessage(html, 400));
    expect(parts[0].from).toBe(0);
    for (const [i, part] of parts.entries()) {
      if (i > 0) expect(part.from).toBeGreaterThanOrEqual(parts[i - 1].to);
      // Every block that starts inside a part's stretch shows in that part's text.
      for (const block of blocks) {
        const at = html.indexOf(block);
        if (at >= part.from && at < part.to) expect(part.text).toContain(block.slice(0, 8));
      }
    }
    expect(parts.at(-1)!.to).toBe(html.length);
  });
});
