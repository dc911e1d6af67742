import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCallback } from '../../src/bot/callback-data.ts';
import { QueryStore } from '../../src/bot/query-store.ts';
import { FIRST_DIGEST_ITEMS, DigestMatcher, composeDigest, renderDigest, selectDigest } from '../../src/digest/compose.ts';
import { openDatabase } from '../../src/digest/db.ts';
import { DigestStore, type Subscription } from '../../src/digest/store.ts';
import type { Article } from '../../src/pages/article.ts';
import { MemoryIndex, seedArticles, testExpand, testTag } from '../support/memory-index.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const OLD = 100;
const NEW = 200;

let dir: string;
let store: DigestStore;
let articles: Article[];
let index: MemoryIndex;
let newIds: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xiangwen-compose-'));
  store = new DigestStore(openDatabase(join(dir, 'bot.db')));
  articles = seedArticles(SEEDS, testTag);
  index = new MemoryIndex(articles);
  // The first three pages were in yesterday's index; the other two arrived today.
  const oldFiles = new Set([...new Set(articles.map((a) => a.file))].sort().slice(0, 3));
  store.recordArticles(articles.filter((a) => oldFiles.has(a.file)).map((a) => a.id), OLD);
  newIds = articles.filter((a) => !oldFiles.has(a.file)).map((a) => a.id);
  store.recordArticles(newIds, NEW);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function subscribe(region: string, keywords: string[]): Subscription {
  const result = store.subscribe({ chatId: 1, region, keywords, time: '08:00' }, 50);
  if (result.status === 'limit') throw new Error('limit');
  return result.subscription;
}

const listable = (a: Article) => a.kind === 'feature' || a.kind === 'brief';
const matcher = () => new DigestMatcher({ index, expandRegion: testExpand }, () => store.articlesSeenBetween(OLD, NEW));
const notFirst = () => false;

describe('selectDigest', () => {
  it('lists only articles that entered the index since the last digest, grouped by subscription', () => {
    const region = subscribe('永州市', []);
    const words = subscribe('', ['党建']);
    const groups = selectDigest(matcher(), [region, words], notFirst);
    const yongzhou = new Set(testExpand('永州市'));
    const expectedRegion = articles.filter((a) => newIds.includes(a.id) && listable(a) && a.regions.some((r) => yongzhou.has(r)));
    expect(expectedRegion.length).toBeGreaterThan(1);
    expect(groups[0].subscription.id).toBe(region.id);
    expect(new Set(groups[0].items.map((i) => i.id))).toEqual(new Set(expectedRegion.map((a) => a.id)));
    for (const group of groups) for (const item of group.items) expect(newIds).toContain(item.id);
    const listed = groups.flatMap((g) => g.items.map((i) => i.id));
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('lists an article matched by several subscriptions once, under the first', () => {
    const yongzhou = new Set(testExpand('永州市'));
    const both = articles.find((a) => newIds.includes(a.id) && listable(a) && a.regions.some((r) => yongzhou.has(r)));
    expect(both).toBeDefined();
    const word = both!.title.slice(0, 2);
    const byWord = subscribe('', [word]);
    const byRegion = subscribe('永州市', []);
    const groups = selectDigest(matcher(), [byWord, byRegion], notFirst);
    const listed = groups.flatMap((g) => g.items.map((i) => i.id));
    expect(listed.filter((id) => id === both!.id)).toHaveLength(1);
    expect(groups[0].items.map((i) => i.id)).toContain(both!.id);
    expect(groups.find((g) => g.subscription.id === byRegion.id)?.items.map((i) => i.id) ?? []).not.toContain(both!.id);
  });

  it('gives a new subscription the latest few matches, old or new', () => {
    const region = subscribe('永州市', []);
    const groups = selectDigest(matcher(), [region], () => true);
    expect(groups).toHaveLength(1);
    expect(groups[0].first).toBe(true);
    expect(groups[0].items.length).toBe(FIRST_DIGEST_ITEMS);
  });

  it('finds nothing when no article is new, and then composes no message', () => {
    const empty = new DigestMatcher({ index, expandRegion: testExpand }, () => store.articlesSeenBetween(NEW, NEW + 1));
    const digest = composeDigest({ matcher: empty, subscriptions: [subscribe('永州市', []), subscribe('', ['党建'])], isFirst: notFirst, date: '2026-11-23', lang: 'zh' });
    expect(digest.groups).toEqual([]);
    expect(digest.messages).toEqual([]);
  });

  it('requires every keyword of a subscription (a partial match is not listed)', () => {
    const sub = subscribe('', ['党建', '不存在的词语组合']);
    expect(selectDigest(matcher(), [sub], notFirst)).toEqual([]);
  });
});

describe('renderDigest', () => {
  it('splits a long digest under the limit between articles, with an open button for each article in its part', () => {
    const subs = [subscribe('', ['的'])];
    const groups = selectDigest(new DigestMatcher({ index, expandRegion: testExpand }, () => store.articlesSeenBetween(-1, NEW)), subs, notFirst);
    const ids = groups.flatMap((g) => g.items.map((i) => i.id));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    const parts = renderDigest(groups, '2026-11-23', 'zh', 700);
    expect(parts.length).toBeGreaterThan(1);
    const queries = new QueryStore();
    const opened: string[] = [];
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(700);
      for (const row of part.buttons ?? []) {
        for (const button of row) {
          const action = decodeCallback(button.callback_data, queries);
          expect(action?.kind).toBe('article');
          if (action?.kind === 'article') opened.push(action.id);
        }
      }
    }
    expect(opened).toEqual(ids);
    expect(parts[0].text.startsWith('<b>湘闻每日摘要 · 2026-11-23</b>')).toBe(true);
    expect(parts[0].text).toContain('▍的');
  });

  it('escapes article text for HTML and shows headline, regions and summary', () => {
    const article = articles.find((a) => newIds.includes(a.id) && listable(a) && a.regions.length > 0)!;
    const item = { id: article.id, title: 'A<B & "C"', regions: article.regions, summary: '摘要 <i>不是标签</i>', date: article.date };
    const sub = subscribe('永州市', []);
    const [part] = renderDigest([{ subscription: sub, first: false, items: [item], more: 2 }], '2026-11-23', 'zh');
    expect(part.text).toContain('1. <b>A&lt;B &amp; &quot;C&quot;</b>');
    expect(part.text).toContain('摘要 &lt;i&gt;不是标签&lt;/i&gt;');
    expect(part.text).toContain(article.regions[0]);
    expect(part.text).toContain('永州市（含下辖区县）');
    expect(part.text).toContain('另有 2 篇');
    expect(part.buttons).toEqual([[{ text: '阅读 1', callback_data: `a:${article.id}` }]]);
  });

  it('speaks English to an English chat', () => {
    const sub = subscribe('永州市', []);
    const item = { id: 'x1', title: 't', regions: [], summary: 's', date: '2026-11-23' };
    const [part] = renderDigest([{ subscription: sub, first: true, items: [item], more: 0 }], '2026-11-23', 'en');
    expect(part.text).toContain('Xiangwen daily digest');
    expect(part.text).toContain('(with its sub-regions)');
  });
});
