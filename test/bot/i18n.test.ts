import { describe, expect, it } from 'vitest';
import { commandMenu } from '../../src/bot/app.ts';
import { messages, pickLang } from '../../src/telegram/i18n.ts';

describe('language choice', () => {
  it('answers in English only for en language codes, Chinese otherwise', () => {
    expect(pickLang('en')).toBe('en');
    expect(pickLang('en-GB')).toBe('en');
    expect(pickLang('zh-hans')).toBe('zh');
    expect(pickLang('ru')).toBe('zh');
    expect(pickLang('eng')).toBe('zh');
    expect(pickLang(undefined)).toBe('zh');
  });

  it('has every text in both languages, each of the same kind', () => {
    const [zh, en] = [messages('zh'), messages('en')];
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect(typeof en[key], key).toBe(typeof zh[key]);
    // The English texts are English: no sentence of them is the Chinese one left untranslated.
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) if (typeof zh[key] === 'string') expect(en[key], key).not.toBe(zh[key]);
  });

  it('describes every menu command in both languages within Telegram limits', () => {
    const zh = commandMenu('zh');
    const en = commandMenu('en');
    expect(zh.map((c) => c.command)).toEqual(en.map((c) => c.command));
    for (const c of [...zh, ...en]) {
      expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(256);
    }
    expect(zh.find((c) => c.command === 'search')!.description).toMatch(/\p{Script=Han}/u);
  });
});
