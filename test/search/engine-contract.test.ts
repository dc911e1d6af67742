/**
 * One behaviour suite, two engines: the SQLite engine (MiniSearch + FTS5) and the PostgreSQL
 * engine answer the same questions the same way, built from the same pages (the seeds dated over
 * two years, and invented pages). Without PostgreSQL the suite runs on SQLite alone.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/pages/article.ts';
import type { ArticleIndex } from '../../src/search/engine.ts';
import { type EngineName, type EngineUnderTest, openEngine } from '../support/engines.ts';
import { inventedPage } from '../support/invented-pages.ts';
import { postgresAvailable } from '../support/postgres.ts';

const T0 = Date.UTC(2024, 5, 2);
const T1 = T0 + 86_400_000;
const EXTRA = {
  '2024-05-20_county.txt': inventedPage([
    ['桂东县新建5G基站一百座', '桂东县', '通信企业加快建设5G基站，山区群众用上高速网络。'],
    ['汝城县开展跨境电商培训', '汝城县', '县里请来讲师为返乡青年讲解跨境电商运营。'],
  ]),
  'sub/2023-03-05_late.txt': inventedPage([['宁乡市举办农产品展销会', '宁乡市', '展销会上，本地农产品吸引众多采购商。']]),
};
const NEW_PAGE = ['2024-06-03_new.txt', inventedPage([['汝城县温泉小镇迎客', '汝城县', '温泉小镇正式开放，游客纷纷前来体验。']])] as const;

const engines: EngineName[] = postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite'];

/** Every article, through the seam: first-seen pages of `pageSize`, then `get`. */
async function everything(index: ArticleIndex, pageSize = 7): Promise<Article[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await index.seenSince(0, { after, limit: pageSize });
    ids.push(...page.items.map((item) => item.id));
    after = page.next;
  } while (after !== undefined);
  return Promise.all(ids.map(async (id) => (await index.get(id))!));
}

const textOf = (a: Article) => [a.title, a.kicker, a.subtitle, ...a.body, ...a.captions].join('\n');

describe.each(engines)('the %s engine', (name) => {
  let engine: EngineUnderTest;
  const index = () => engine.index;
  const titles = async (query: string, limit = 5) => (await index().search(query, { limit })).hits.map((h) => h.title);
  beforeAll(async () => {
    engine = await openEngine(name, EXTRA, T0);
  });
  afterAll(() => engine?.close());

  it('ranks the article about a phrase first, and finds a word cut differently by jieba', async () => {
    expect((await titles('营商环境'))[0]).toBe('『三治』赋能，双牌打造营商环境新生态');
    expect((await titles('跨境电商')).slice(0, 2).sort()).toEqual(['汝城县开展跨境电商培训', '破局提质谋发展 商务赋能启新程'].sort());
    expect(await titles('电商', 20)).toEqual(expect.arrayContaining(['破局提质谋发展 商务赋能启新程', '汝城县开展跨境电商培训']));
    expect(await titles('5g基站')).toContain('桂东县新建5G基站一百座');
  });

  it('puts articles with every word first, and a place word finds the places under it', async () => {
    const result = await index().search('邵阳 营商环境', { limit: 50 });
    const sizes = result.hits.map((h) => h.matched.length);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(result.hits[0].regions).toContain('邵阳市');
    const chenzhou = await index().search('郴州', { limit: 50 });
    expect(chenzhou.hits.map((h) => h.title)).toContain('汝城县开展跨境电商培训');
  });

  it('says when a query holds no searchable word', async () => {
    expect(await index().search('的 了 ！')).toMatchObject({ noKeywords: true, total: 0, hits: [] });
    expect(await index().search('qwertyzx')).toMatchObject({ noKeywords: false, total: 0 });
  });

  it('pages through results without gaps or repeats', async () => {
    const whole = (await index().search('发展', { limit: 100 })).hits.map((h) => h.id);
    const pages = await Promise.all([0, 5, 10, 15].map((offset) => index().search('发展', { limit: 5, offset })));
    expect(pages.flatMap((p) => p.hits.map((h) => h.id))).toEqual(whole.slice(0, 20));
  });

  it('filters by date range, region, phrase and excluded word, and orders by date', async () => {
    const march = await index().search('发展', { limit: 100, from: '2023-03-01', to: '2023-03-31' });
    expect(march.total).toBeGreaterThan(0);
    expect(march.hits.every((h) => h.date >= '2023-03-01' && h.date <= '2023-03-31')).toBe(true);
    const inCity = await index().search('发展', { limit: 100, regions: ['永州市'] });
    expect(inCity.total).toBeGreaterThan(0);
    expect(inCity.hits.every((h) => h.regions.includes('永州市'))).toBe(true);
    const phrase = await index().search('', { limit: 100, phrases: ['营商环境'] });
    for (const hit of phrase.hits) expect(textOf((await index().get(hit.id))!).replace(/\s/g, '')).toContain('营商环境');
    const without = await index().search('发展', { limit: 100, exclude: ['乡村'] });
    expect(without.total).toBeLessThan((await index().search('发展', { limit: 100 })).total);
    for (const hit of without.hits) expect(textOf((await index().get(hit.id))!)).not.toContain('乡村');
    const dated = (await index().search('发展', { limit: 100, order: 'date' })).hits.map((h) => h.date);
    expect([...dated].sort().reverse()).toEqual(dated);
  });

  it('lists a region: the place itself first, then the places under it, newest first within each', async () => {
    const result = await index().byRegions(['郴州市', '汝城县', '桂东县'], { limit: 100 });
    const articles = await everything(index());
    expect(result.total).toBe(articles.filter((a) => a.regions.some((r) => ['郴州市', '汝城县', '桂东县'].includes(r))).length);
    const own = result.hits.map((h) => h.regions[0] === '郴州市');
    expect(own.indexOf(false) === -1 || own.lastIndexOf(true) < own.indexOf(false)).toBe(true);
    const counts = new Map<string, number>();
    for (const article of articles) for (const region of new Set(article.regions)) counts.set(region, (counts.get(region) ?? 0) + 1);
    expect(await index().regionCounts()).toEqual(counts);
  });

  it("lists the newest articles without fragments, and an author's articles", async () => {
    const articles = await everything(index());
    const latest = await index().latest({ limit: 100 });
    expect(latest.total).toBe(articles.filter((a) => a.kind !== 'fragment').length);
    const dates = latest.hits.map((h) => h.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const ranged = await index().latest({ from: '2024-01-01', to: '2024-12-31', regions: ['郴州市'], limit: 100 });
    expect(ranged.hits.every((h) => h.date >= '2024-01-01' && h.regions.includes('郴州市'))).toBe(true);
    const byWang = await index().byAuthor('王一');
    expect(byWang.total).toBe(articles.filter((a) => a.authors.includes('王一')).length);
    expect(byWang.total).toBeGreaterThan(1);
    expect((await index().byAuthor('欧阳不存在')).total).toBe(0);
  });

  it('gives an article in full by id, and nothing for an unknown id', async () => {
    const [first] = (await index().search('营商环境')).hits;
    expect((await index().get(first.id))?.title).toBe(first.title);
    expect(await index().get('no-such-id')).toBeUndefined();
  });

  it('pages through first-seen articles, each exactly once', async () => {
    const articles = await everything(index(), 4);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    expect(articles.length).toBe(index().info.articles);
    expect((await index().seenSince(T0)).items).toEqual([]);
  });

  it('picks up an added page: its articles are found and are the only ones first seen after it', async () => {
    writeFileSync(join(engine.pagesDir, NEW_PAGE[0]), NEW_PAGE[1]);
    await engine.update(T1);
    const seen = await index().seenSince(T0);
    expect(seen.items.map((item) => item.firstSeen)).toEqual([T1]);
    expect((await index().get(seen.items[0].id))?.title).toBe('汝城县温泉小镇迎客');
    expect(await titles('温泉小镇')).toEqual(['汝城县温泉小镇迎客']);
    expect((await index().byRegions(['汝城县'], { limit: 100 })).hits.map((h) => h.title)).toContain('汝城县温泉小镇迎客');
  });

  it('forgets a removed page everywhere', async () => {
    rmSync(join(engine.pagesDir, NEW_PAGE[0]));
    await engine.update(T1 + 1);
    expect((await index().seenSince(T0)).items).toEqual([]);
    expect(await titles('温泉小镇')).toEqual([]);
    expect((await index().byRegions(['汝城县'], { limit: 100 })).hits.map((h) => h.title)).not.toContain('汝城县温泉小镇迎客');
  });
});

const QUERIES = [
  '学校',
  '营商环境',
  '发展',
  '禁毒 高校',
  '邵阳 营商环境',
  '郴州',
  '桂东 茶叶',
  '乡村 振兴',
  '跨境电商',
  '电商',
  '营商',
  '天心',
  '张家界 旅游',
  '党建',
  '农民 增收 产业',
  '5G',
  '汝城',
  '展销会',
  '湘',
];

describe.runIf(engines.length === 2)('both engines answer alike', () => {
  let sqlite: EngineUnderTest;
  let postgres: EngineUnderTest;
  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([openEngine('sqlite', EXTRA, T0), openEngine('postgres', EXTRA, T0)]);
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });
  const both = async <T>(ask: (index: ArticleIndex) => Promise<T>) => Promise.all([ask(sqlite.index), ask(postgres.index)]);

  it('finds the same articles for every query, with the same words matched and the same best hit', async () => {
    for (const query of QUERIES) {
      const [a, b] = await both((index) => index.search(query, { limit: 100 }));
      const matched = (r: typeof a) => Object.fromEntries(r.hits.map((h) => [h.id, [...h.matched].sort()]));
      expect({ query, terms: b.terms, total: b.total, matched: matched(b) }).toEqual({
        query,
        terms: a.terms,
        total: a.total,
        matched: matched(a),
      });
      expect({ query, best: b.hits[0]?.id }).toEqual({ query, best: a.hits[0]?.id });
    }
  });

  it('orders by date, and filters, identically', async () => {
    const options = [
      { order: 'date' as const },
      { regions: ['永州市', '郴州市'], order: 'date' as const },
      { from: '2023-01-01', to: '2023-12-31', order: 'date' as const },
    ];
    for (const query of QUERIES) {
      for (const option of options) {
        const [a, b] = await both((index) => index.search(query, { limit: 100, ...option }));
        expect({ query, option, ids: b.hits.map((h) => h.id) }).toEqual({ query, option, ids: a.hits.map((h) => h.id) });
      }
    }
  });

  it('gives the same region lists, newest lists, author lists, counts, records and first-seen pages', async () => {
    const [countsA, countsB] = await both((index) => index.regionCounts());
    expect(countsB).toEqual(countsA);
    for (const name of countsA.keys()) {
      const [a, b] = await both((index) => index.byRegions([name], { limit: 100 }));
      expect(b).toEqual(a);
    }
    const [latestA, latestB] = await both((index) => index.latest({ limit: 100 }));
    expect(latestB).toEqual(latestA);
    expect(await postgres.index.latest({ regions: ['郴州市'], from: '2024-01-01', limit: 3, offset: 1 })).toEqual(
      await sqlite.index.latest({ regions: ['郴州市'], from: '2024-01-01', limit: 3, offset: 1 }),
    );
    const [authorA, authorB] = await both((index) => index.byAuthor('王一'));
    expect(authorB).toEqual(authorA);
    const [allA, allB] = await both((index) => everything(index, 5));
    expect(allB).toEqual(allA);
  });
});
