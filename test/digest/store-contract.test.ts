/**
 * One behaviour suite, two backends: the bot's state (src/digest/store.ts) on SQLite and on
 * PostgreSQL answers the same calls the same way. Without PostgreSQL it runs on SQLite alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PostgresDigestStore } from '../../src/digest/postgres/store.ts';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.ts';
import { openBotState } from '../../src/digest/start.ts';
import { StorageError } from '../../src/digest/db.ts';
import { type DigestStore, normaliseKeywords } from '../../src/digest/store.ts';
import { decodeCallbackLoading, encodeCallback } from '../../src/telegram/callback-data.ts';
import { QueryStore } from '../../src/telegram/query-store.ts';
import { storeBackendForSuite, storeBackends } from '../support/stores.ts';

describe('normaliseKeywords', () => {
  it('normalises keywords: NFKC, lower case, unique, sorted', async () => {
    expect(normaliseKeywords(['ＡＩ 营商环境', 'ai'])).toEqual(['ai', '营商环境']);
  });
});

describe.each(storeBackends())('the bot state on %s', (name) => {
  const backend = storeBackendForSuite(name);
  let store: DigestStore;
  beforeEach(async () => {
    store = await backend.open({ maxSubscriptionsPerChat: 3 });
  });

  describe('subscriptions', () => {
    it('merges a duplicate subscription (same region, same words in any order or case) and updates its time', async () => {
      const first = await store.subscribe({ chatId: 1, region: '邵阳市', keywords: ['营商环境', 'AI'], time: '08:00' }, 1000);
      const again = await store.subscribe({ chatId: 1, region: '邵阳市', keywords: ['ai  营商环境'], time: '07:30' }, 2000);
      expect(first.status).toBe('added');
      expect(again.status).toBe('updated');
      const list = await store.subscriptions(1);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ region: '邵阳市', keywords: ['ai', '营商环境'], time: '07:30', createdAt: 1000 });
    });

    it('refuses a subscription beyond the per-chat maximum but still accepts a duplicate', async () => {
      for (const word of ['一', '二', '三'])
        expect((await store.subscribe({ chatId: 1, keywords: [word], time: '08:00' }, 1)).status).toBe('added');
      expect(await store.subscribe({ chatId: 1, keywords: ['四'], time: '08:00' }, 1)).toEqual({ status: 'limit', max: 3 });
      expect((await store.subscribe({ chatId: 1, keywords: ['二'], time: '09:00' }, 1)).status).toBe('updated');
      expect((await store.subscribe({ chatId: 2, keywords: ['四'], time: '08:00' }, 1)).status).toBe('added');
    });

    it('unsubscribes one or all, and a revived subscription starts afresh', async () => {
      const a = await store.subscribe({ chatId: 1, region: '永州市', time: '08:00' }, 1);
      await store.subscribe({ chatId: 1, keywords: ['水利'], time: '08:00' }, 1);
      if (a.status === 'limit') throw new Error('unexpected');
      expect(await store.unsubscribe(1, a.subscription.id)).toBe(true);
      expect(await store.unsubscribe(1, a.subscription.id)).toBe(false);
      expect((await store.subscriptions(1)).map((s) => s.keywords)).toEqual([['水利']]);
      expect(await store.unsubscribeAll(1)).toBe(1);
      expect(await store.subscriptions(1)).toEqual([]);
      const revived = await store.subscribe({ chatId: 1, region: '永州市', time: '08:00' }, 500);
      expect(revived).toMatchObject({ status: 'updated', subscription: { active: true, createdAt: 500 } });
    });

    it('keeps the forum topic of a subscription and groups targets by chat, topic and time', async () => {
      await store.subscribe({ chatId: -100, threadId: 7, region: '邵阳市', time: '08:00' }, 1);
      await store.subscribe({ chatId: -100, threadId: 7, keywords: ['水利'], time: '08:00' }, 1);
      await store.subscribe({ chatId: 5, keywords: ['水利'], time: '18:30' }, 1);
      expect(await store.targets()).toEqual([
        { chatId: -100, threadId: 7, time: '08:00' },
        { chatId: 5, threadId: 0, time: '18:30' },
      ]);
      expect(await store.targetSubscriptions({ chatId: -100, threadId: 7, time: '08:00' })).toHaveLength(2);
    });

    it('deactivates a chat that blocked the bot, and a new subscription there reactivates it', async () => {
      await store.subscribe({ chatId: 9, keywords: ['水利'], time: '08:00' }, 1);
      await store.deactivateChat(9, 'Forbidden: bot was blocked by the user');
      expect(await store.isChatActive(9)).toBe(false);
      expect(await store.subscriptions(9)).toEqual([]);
      expect(await store.targets()).toEqual([]);
      await store.subscribe({ chatId: 9, keywords: ['生态'], time: '08:00' }, 2);
      expect(await store.isChatActive(9)).toBe(true);
      expect((await store.subscriptions(9)).map((s) => s.keywords)).toEqual([['生态']]);
    });

    it('moves subscriptions, language and delivery history to a migrated group id, merging duplicates', async () => {
      await store.subscribe({ chatId: -1, region: '邵阳市', time: '08:00' }, 1);
      await store.subscribe({ chatId: -1, keywords: ['水利'], time: '08:00' }, 1);
      await store.setLanguage(-1, 'en', 1);
      await store.startDelivery(
        { chatId: -1, threadId: 0, time: '08:00', period: '2026-01-01', cutoff: 10, articleIds: [], parts: [] },
        10,
      );
      await store.subscribe({ chatId: -1009, keywords: ['水利'], time: '09:00' }, 5);
      await store.migrateChat(-1, -1009, 20);
      expect(await store.subscriptions(-1)).toEqual([]);
      expect((await store.subscriptions(-1009)).map((s) => [s.region, s.keywords.join(' '), s.time])).toEqual([
        ['', '水利', '09:00'],
        ['邵阳市', '', '08:00'],
      ]);
      expect(await store.lastCutoff({ chatId: -1009, threadId: 0, time: '08:00' })).toBe(10);
      expect(await store.language(-1009)).toBe('zh'); // the new chat already had a row: its own setting wins
    });
  });

  describe('deliveries', () => {
    it('records an in-flight digest, its progress part by part, and the sent state with the last part', async () => {
      await store.subscribe({ chatId: 3, keywords: ['水利'], time: '08:00' }, 1);
      const target = { chatId: 3, threadId: 0, time: '08:00' };
      await store.startDelivery(
        { ...target, period: '2026-01-02', cutoff: 50, articleIds: ['a'], parts: [{ text: 'one' }, { text: 'two' }] },
        50,
      );
      let delivery = (await store.delivery(target, '2026-01-02'))!;
      expect(delivery).toMatchObject({ status: 'in_flight', partsSent: 0, cutoff: 50, articleIds: ['a'] });
      expect(await store.inFlightDeliveries()).toHaveLength(1);
      await store.markPartsSent(delivery, 1, 60);
      delivery = (await store.delivery(target, '2026-01-02'))!;
      expect(delivery).toMatchObject({ status: 'in_flight', partsSent: 1 });
      await store.markPartsSent(delivery, 2, 70);
      expect(await store.delivery(target, '2026-01-02')).toMatchObject({ status: 'sent', partsSent: 2, sentAt: 70 });
      expect(await store.inFlightDeliveries()).toEqual([]);
      expect(await store.lastCutoff(target)).toBe(50);
    });

    it('records a digest with nothing new as empty at once', async () => {
      await store.subscribe({ chatId: 3, keywords: ['水利'], time: '08:00' }, 1);
      const target = { chatId: 3, threadId: 0, time: '08:00' };
      await store.startDelivery({ ...target, period: '2026-01-02', cutoff: 50, articleIds: [], parts: [] }, 50);
      expect(await store.delivery(target, '2026-01-02')).toMatchObject({ status: 'empty', sentAt: 50 });
      // The period is taken: a second digest for it is not recorded (another run won it).
      expect(await store.startDelivery({ ...target, period: '2026-01-02', cutoff: 60, articleIds: [], parts: [] }, 60)).toBeUndefined();
      expect(await store.lastCutoff(target)).toBe(50);
    });

    it('records a digest only while the cutoff it was composed after is still the last one', async () => {
      await store.subscribe({ chatId: 3, keywords: ['水利'], time: '08:00' }, 1);
      const target = { chatId: 3, threadId: 0, time: '08:00' };
      await store.startDelivery({ ...target, period: '2026-01-01', cutoff: 40, articleIds: [], parts: [] }, 40);
      const late = { ...target, period: '2026-01-02', cutoff: 50, articleIds: ['a'], parts: [{ text: 'one' }] };
      expect(await store.startDelivery({ ...late, since: 10 }, 50)).toBeUndefined();
      expect(await store.startDelivery({ ...late, since: 40 }, 50)).toMatchObject({ status: 'in_flight', cutoff: 50 });
    });
  });

  it.runIf(name === 'postgres')('rejects a write the server cannot receive with a StorageError, confirming nothing', async () => {
    const lost = await backend.open();
    await lost.close(); // its pool is gone, as after the server went away
    await expect(lost.subscribe({ chatId: 1, keywords: ['水利'], time: '08:00' }, 1)).rejects.toBeInstanceOf(StorageError);
    await expect(lost.queryKeys.save('k1abc', '查询')).rejects.toBeInstanceOf(StorageError);
    expect(await store.subscriptions(1)).toEqual([]);
  });

  it('is what openBotState opens: PostgreSQL for a database URL, bot.db without one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-state-open-'));
    try {
      const opened = await openBotState({ dataDir, maxSubscriptionsPerChat: 3 }, backend.databaseUrl);
      expect(opened).toBeInstanceOf(name === 'postgres' ? PostgresDigestStore : SqliteDigestStore);
      await opened.subscribe({ chatId: 1, keywords: ['水利'], time: '08:00' }, 1);
      await opened.close();
      if (name === 'postgres') expect(await store.subscriptions(1)).toHaveLength(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('first-seen times and paging keys', () => {
    it('keeps the earliest first-seen time of an article and pages them oldest first', async () => {
      expect(await store.firstSeenTimes.record(['a', 'b'], 100)).toBe(2);
      expect(await store.firstSeenTimes.record(['b', 'c'], 200)).toBe(1);
      expect(await store.firstSeenTimes.record(['c'], 150)).toBe(0);
      expect(await store.firstSeenTimes.firstSeen('c')).toBe(150);
      expect(await store.firstSeenTimes.firstSeen('nope')).toBeUndefined();
      expect(await store.firstSeenTimes.page(100, undefined, 10)).toEqual([{ id: 'c', firstSeen: 150 }]);
      expect(await store.firstSeenTimes.page(-Infinity, { id: 'a', firstSeen: 100 }, 1)).toEqual([{ id: 'b', firstSeen: 100 }]);
    });

    it('finds a paging key saved by another instance, and forgets nothing it was not asked to', async () => {
      const other = await backend.open();
      const query = '很长的查询'.repeat(5);
      await store.queryKeys.save('k1abc', query);
      await store.queryKeys.save('k2abc', query); // another process met the same text: both keys stay valid
      expect(await other.queryKeys.textFor('k1abc')).toBe(query);
      expect(await other.queryKeys.textFor('k2abc')).toBe(query);
      expect(await other.queryKeys.textFor('k3abc')).toBeUndefined();
      const clicked = new QueryStore(10, other.queryKeys);
      const made = new QueryStore(10, store.queryKeys);
      const data = encodeCallback({ kind: 'search', query, page: 1 }, made);
      await made.settle();
      expect(await decodeCallbackLoading(data, clicked)).toEqual({ kind: 'search', query, page: 1 });
    });
  });
});
