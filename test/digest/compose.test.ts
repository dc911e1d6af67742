import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeCallback } from '../../src/telegram/callback-data.ts';
import { QueryStore } from '../../src/telegram/query-store.ts';
import { FIRST_DIGEST_ITEMS, DigestMatcher, composeDigest, renderDigest, selectDigest } from '../../src/digest/compose.ts';
import type { DigestStore, Subscription } from '../../src/digest/store.ts';
import type { Article } from '../../src/pages/article.ts';
import { type DigestBackend, openDigestBackend } from './backend.ts';
import { busiestRegions, listable, seedFiles } from './fixture.ts';

const OLD = 100;
const NEW = 200;

let seed: DigestBackend;
let articles: Article[];
let newIds: string[];
/** The region with sub-regions most seed articles are about. */
let busiest: string;
let store: DigestStore;

beforeAll(async () => {
  seed = await openDigestBackend();
  articles = seed.articles;
  busiest = busiestRegions(seed, 1)[0];
});
afterAll(() => seed?.close());

beforeEach(async () => {
  // The first three pages were in yesterday's index; the other two arrived today.
  const oldFiles = new Set(seedFiles(seed).slice(0, 3));
  newIds = articles.filter((a) => !oldFiles.has(a.file)).map((a) => a.id);
  store = await seed.freshStore((id) => (newIds.includes(id) ? NEW : OLD));
});
afterEach(async () => {
  await store.close();
});

async function subscribe(region: string, keywords: string[]): Promise<Subscription> {
  const result = await store.subscribe({ chatId: 1, region, keywords, time: '08:00' }, 50);
  if (result.status === 'limit') throw new Error('limit');
  return result.subscription;
}

const sources = () => ({ index: seed.index, expandRegion: seed.expandRegion });
const matcher = () => new DigestMatcher(sources(), { since: OLD, upTo: NEW });
/** New listable articles about `region` or its sub-regions. */
const newIn = (region: string) => {
  const names = new Set(seed.expandRegion(region));
  return articles.filter((a) => newIds.includes(a.id) && listable(a) && a.regions.some((r) => names.has(r)));
};
const notFirst = () => false;

describe('selectDigest', () => {
  it('lists only articles that entered the index since the last digest, grouped by subscription', async () => {
    // A keyword some new article and some old article both list among their keywords.
    const oldKeywords = new Set(articles.filter((a) => !newIds.includes(a.id)).flatMap((a) => a.keywords));
    const word = newIn(busiest)
      .flatMap((a) => a.keywords)
      .find((k) => oldKeywords.has(k) && /^\p{Script=Han}{2,}$/u.test(k))!;
    expect(word).toBeDefined();
    expect((await seed.index.search(word, { limit: 50 })).hits.some((h) => !newIds.includes(h.id))).toBe(true);
    const region = await subscribe(busiest, []);
    const words = await subscribe('', [word]);
    const groups = await selectDigest(matcher(), [region, words], notFirst);
    const expectedRegion = newIn(busiest);
    expect(expectedRegion.length).toBeGreaterThan(1);
    expect(groups[0].subscription.id).toBe(region.id);
    expect(new Set(groups[0].items.map((i) => i.id))).toEqual(new Set(expectedRegion.map((a) => a.id)));
    for (const group of groups) for (const item of group.items) expect(newIds).toContain(item.id);
    const listed = groups.flatMap((g) => g.items.map((i) => i.id));
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('lists an article matched by several subscriptions once, under the first', async () => {
    // An article of the region that its own top keyword finds as well.
    let both: Article | undefined;
    for (const a of newIn(busiest)) {
      if ((await seed.index.search(a.keywords[0], { limit: 50 })).hits.some((h) => h.id === a.id)) {
        both = a;
        break;
      }
    }
    expect(both).toBeDefined();
    const word = both!.keywords[0];
    const byWord = await subscribe('', [word]);
    const byRegion = await subscribe(busiest, []);
    const groups = await selectDigest(matcher(), [byWord, byRegion], notFirst);
    const listed = groups.flatMap((g) => g.items.map((i) => i.id));
    expect(listed.filter((id) => id === both!.id)).toHaveLength(1);
    expect(groups[0].items.map((i) => i.id)).toContain(both!.id);
    expect(groups.find((g) => g.subscription.id === byRegion.id)?.items.map((i) => i.id) ?? []).not.toContain(both!.id);
  });

  it('gives a new subscription the latest few matches, old or new', async () => {
    const region = await subscribe(busiest, []);
    const groups = await selectDigest(matcher(), [region], () => true);
    expect(groups).toHaveLength(1);
    expect(groups[0].first).toBe(true);
    expect(groups[0].items.length).toBe(FIRST_DIGEST_ITEMS);
  });

  it('finds nothing when no article is new, and then composes no message', async () => {
    const empty = new DigestMatcher(sources(), { since: NEW, upTo: NEW + 1 });
    const word = articles[0].keywords[0];
    const digest = await composeDigest({
      matcher: empty,
      subscriptions: [await subscribe(busiest, []), await subscribe('', [word])],
      isFirst: notFirst,
      date: '2026-11-23',
      lang: 'zh',
    });
    expect(digest.groups).toEqual([]);
    expect(digest.messages).toEqual([]);
  });

  it('requires every keyword of a subscription (a partial match is not listed)', async () => {
    const word = newIn(busiest)[0].keywords[0];
    expect(await selectDigest(matcher(), [await subscribe('', [word])], notFirst)).not.toEqual([]);
    const sub = await subscribe('', [word, '火星殖民']);
    expect(await selectDigest(matcher(), [sub], notFirst)).toEqual([]);
  });
});

describe('renderDigest', () => {
  it('splits a long digest under the limit between articles, with an open button for each article in its part', async () => {
    const busy = busiestRegions(seed, 3);
    const subs = await Promise.all(busy.map((region) => subscribe(region, [])));
    const groups = await selectDigest(new DigestMatcher(sources(), { since: -1, upTo: NEW }), subs, notFirst);
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
    expect(parts[0].text).toContain(`▍${busy[0]}（含下辖区县）`);
  });

  it('escapes article text for HTML and shows headline, regions and summary', async () => {
    const article = articles.find((a) => newIds.includes(a.id) && listable(a) && a.regions.length > 0)!;
    const item = { id: article.id, title: 'A<B & "C"', regions: article.regions, summary: '摘要 <i>不是标签</i>', date: article.date };
    const sub = await subscribe(busiest, []);
    const [part] = renderDigest([{ subscription: sub, first: false, items: [item], more: 2 }], '2026-11-23', 'zh');
    expect(part.text).toContain('1. <b>A&lt;B &amp; &quot;C&quot;</b>');
    expect(part.text).toContain('摘要 &lt;i&gt;不是标签&lt;/i&gt;');
    expect(part.text).toContain(article.regions[0]);
    expect(part.text).toContain(`${busiest}（含下辖区县）`);
    expect(part.text).toContain('另有 2 篇');
    expect(part.buttons).toEqual([[{ text: '阅读 1', callback_data: `a:${article.id}` }]]);
  });

  it('speaks English to an English chat', async () => {
    const sub = await subscribe(busiest, []);
    const item = { id: 'x1', title: 't', regions: [], summary: 's', date: '2026-11-23' };
    const [part] = renderDigest([{ subscription: sub, first: true, items: [item], more: 0 }], '2026-11-23', 'en');
    expect(part.text).toContain('Xiangwen daily digest');
    expect(part.text).toContain('(with its sub-regions)');
  });
});
