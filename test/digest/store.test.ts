import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/digest/db.ts';
import { DigestStore, normaliseKeywords } from '../../src/digest/store.ts';

let dir: string;
let store: DigestStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xiangwen-store-'));
  store = new DigestStore(openDatabase(join(dir, 'bot.db')), { maxSubscriptionsPerChat: 3 });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('subscriptions', () => {
  it('merges a duplicate subscription (same region, same words in any order or case) and updates its time', () => {
    const first = store.subscribe({ chatId: 1, region: '邵阳市', keywords: ['营商环境', 'AI'], time: '08:00' }, 1000);
    const again = store.subscribe({ chatId: 1, region: '邵阳市', keywords: ['ai  营商环境'], time: '07:30' }, 2000);
    expect(first.status).toBe('added');
    expect(again.status).toBe('updated');
    const list = store.subscriptions(1);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ region: '邵阳市', keywords: ['ai', '营商环境'], time: '07:30', createdAt: 1000 });
  });

  it('refuses a subscription beyond the per-chat maximum but still accepts a duplicate', () => {
    for (const word of ['一', '二', '三']) expect(store.subscribe({ chatId: 1, keywords: [word], time: '08:00' }, 1).status).toBe('added');
    expect(store.subscribe({ chatId: 1, keywords: ['四'], time: '08:00' }, 1)).toEqual({ status: 'limit', max: 3 });
    expect(store.subscribe({ chatId: 1, keywords: ['二'], time: '09:00' }, 1).status).toBe('updated');
    expect(store.subscribe({ chatId: 2, keywords: ['四'], time: '08:00' }, 1).status).toBe('added');
  });

  it('unsubscribes one or all, and a revived subscription starts afresh', () => {
    const a = store.subscribe({ chatId: 1, region: '永州市', time: '08:00' }, 1);
    store.subscribe({ chatId: 1, keywords: ['水利'], time: '08:00' }, 1);
    if (a.status === 'limit') throw new Error('unexpected');
    expect(store.unsubscribe(1, a.subscription.id)).toBe(true);
    expect(store.unsubscribe(1, a.subscription.id)).toBe(false);
    expect(store.subscriptions(1).map((s) => s.keywords)).toEqual([['水利']]);
    expect(store.unsubscribeAll(1)).toBe(1);
    expect(store.subscriptions(1)).toEqual([]);
    const revived = store.subscribe({ chatId: 1, region: '永州市', time: '08:00' }, 500);
    expect(revived).toMatchObject({ status: 'updated', subscription: { active: true, createdAt: 500 } });
  });

  it('keeps the forum topic of a subscription and groups targets by chat, topic and time', () => {
    store.subscribe({ chatId: -100, threadId: 7, region: '邵阳市', time: '08:00' }, 1);
    store.subscribe({ chatId: -100, threadId: 7, keywords: ['水利'], time: '08:00' }, 1);
    store.subscribe({ chatId: 5, keywords: ['水利'], time: '18:30' }, 1);
    expect(store.targets()).toEqual([
      { chatId: -100, threadId: 7, time: '08:00' },
      { chatId: 5, threadId: 0, time: '18:30' },
    ]);
    expect(store.targetSubscriptions({ chatId: -100, threadId: 7, time: '08:00' })).toHaveLength(2);
  });

  it('deactivates a chat that blocked the bot, and a new subscription there reactivates it', () => {
    store.subscribe({ chatId: 9, keywords: ['水利'], time: '08:00' }, 1);
    store.deactivateChat(9, 'Forbidden: bot was blocked by the user');
    expect(store.isChatActive(9)).toBe(false);
    expect(store.subscriptions(9)).toEqual([]);
    expect(store.targets()).toEqual([]);
    store.subscribe({ chatId: 9, keywords: ['生态'], time: '08:00' }, 2);
    expect(store.isChatActive(9)).toBe(true);
    expect(store.subscriptions(9).map((s) => s.keywords)).toEqual([['生态']]);
  });

  it('moves subscriptions, language and delivery history to a migrated group id, merging duplicates', () => {
    store.subscribe({ chatId: -1, region: '邵阳市', time: '08:00' }, 1);
    store.subscribe({ chatId: -1, keywords: ['水利'], time: '08:00' }, 1);
    store.setLanguage(-1, 'en', 1);
    store.startDelivery({ chatId: -1, threadId: 0, time: '08:00', period: '2026-01-01', cutoff: 10, articleIds: [], parts: [] }, 10);
    store.subscribe({ chatId: -1009, keywords: ['水利'], time: '09:00' }, 5);
    store.migrateChat(-1, -1009, 20);
    expect(store.subscriptions(-1)).toEqual([]);
    expect(store.subscriptions(-1009).map((s) => [s.region, s.keywords.join(' '), s.time])).toEqual([
      ['', '水利', '09:00'],
      ['邵阳市', '', '08:00'],
    ]);
    expect(store.lastCutoff({ chatId: -1009, threadId: 0, time: '08:00' })).toBe(10);
    expect(store.language(-1009)).toBe('zh'); // the new chat already had a row: its own setting wins
  });
});

describe('deliveries', () => {
  it('records an in-flight digest, its progress part by part, and the sent state with the last part', () => {
    store.subscribe({ chatId: 3, keywords: ['水利'], time: '08:00' }, 1);
    const target = { chatId: 3, threadId: 0, time: '08:00' };
    store.startDelivery({ ...target, period: '2026-01-02', cutoff: 50, articleIds: ['a'], parts: [{ text: 'one' }, { text: 'two' }] }, 50);
    let delivery = store.delivery(target, '2026-01-02')!;
    expect(delivery).toMatchObject({ status: 'in_flight', partsSent: 0, cutoff: 50, articleIds: ['a'] });
    expect(store.inFlightDeliveries()).toHaveLength(1);
    store.markPartsSent(delivery, 1, 60);
    delivery = store.delivery(target, '2026-01-02')!;
    expect(delivery).toMatchObject({ status: 'in_flight', partsSent: 1 });
    store.markPartsSent(delivery, 2, 70);
    expect(store.delivery(target, '2026-01-02')).toMatchObject({ status: 'sent', partsSent: 2, sentAt: 70 });
    expect(store.inFlightDeliveries()).toEqual([]);
    expect(store.lastCutoff(target)).toBe(50);
  });

  it('records a digest with nothing new as empty at once', () => {
    store.subscribe({ chatId: 3, keywords: ['水利'], time: '08:00' }, 1);
    const target = { chatId: 3, threadId: 0, time: '08:00' };
    store.startDelivery({ ...target, period: '2026-01-02', cutoff: 50, articleIds: [], parts: [] }, 50);
    expect(store.delivery(target, '2026-01-02')).toMatchObject({ status: 'empty', sentAt: 50 });
    expect(() => store.startDelivery({ ...target, period: '2026-01-02', cutoff: 60, articleIds: [], parts: [] }, 60)).toThrow(
      /UNIQUE|PRIMARY/,
    );
  });

  it('normalises keywords: NFKC, lower case, unique, sorted', () => {
    expect(normaliseKeywords(['ＡＩ 营商环境', 'ai'])).toEqual(['ai', '营商环境']);
  });
});
