/**
 * Search by time, exact phrase and exclusion, the newest articles and an author's articles, on the
 * seed pages given publication dates by their file names.
 */
import { describe, expect, it } from 'vitest';
import { datedSeedsForSuite } from '../support/dated-seeds.ts';
import { allArticles } from '../support/all-articles.ts';

const seedIndex = datedSeedsForSuite();

const all = () => allArticles(seedIndex());

describe('filters on a search', () => {
  it('keeps only articles of the date range', async () => {
    const wide = await seedIndex().search('发展', { limit: 100 });
    const march = await seedIndex().search('发展', { limit: 100, from: '2023-03-01', to: '2023-03-31' });
    expect(march.total).toBeGreaterThan(0);
    expect(march.total).toBeLessThan(wide.total);
    for (const hit of march.hits) expect(hit.date >= '2023-03-01' && hit.date <= '2023-03-31').toBe(true);
  });

  it('requires a quoted phrase exactly', async () => {
    const phrase = await seedIndex().search('', { limit: 100, phrases: ['营商环境'] });
    expect(phrase.total).toBeGreaterThan(0);
    for (const hit of phrase.hits) expect((await seedIndex().get(hit.id))!.body.join('') + hit.title).toContain('营商环境');
  });

  it('removes every article holding an excluded word', async () => {
    const plain = await seedIndex().search('发展', { limit: 100 });
    const without = await seedIndex().search('发展', { limit: 100, exclude: ['乡村'] });
    expect(without.total).toBeLessThan(plain.total);
    for (const hit of without.hits) {
      const article = (await seedIndex().get(hit.id))!;
      expect([article.title, article.kicker, article.subtitle, ...article.body, ...article.captions].join('')).not.toContain('乡村');
    }
  });
});

describe('lists by time and by person', () => {
  it('lists the newest articles first, of a range too, without fragments', async () => {
    const latest = await seedIndex().latest({ limit: 100 });
    expect(latest.total).toBe((await all()).filter((a) => a.kind !== 'fragment').length);
    const dates = latest.hits.map((h) => h.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const ranged = await seedIndex().latest({ from: '2024-01-01', to: '2024-12-31', limit: 100 });
    expect(ranged.hits.every((h) => h.date >= '2024-01-01')).toBe(true);
    expect(ranged.total).toBe((await all()).filter((a) => a.kind !== 'fragment' && a.date >= '2024-01-01').length);
  });

  it("lists an author's articles and nobody else's", async () => {
    const counts = new Map<string, number>();
    for (const article of await all()) for (const name of article.authors) counts.set(name, (counts.get(name) ?? 0) + 1);
    const [name, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const result = await seedIndex().byAuthor(name, { limit: 50 });
    expect(result.total).toBe(count);
    for (const hit of result.hits) expect((await seedIndex().get(hit.id))!.authors).toContain(name);
    expect((await seedIndex().byAuthor('欧阳不存在')).total).toBe(0);
  });
});

describe("a region's list", () => {
  it('puts titled articles before text whose headline the page did not print', async () => {
    const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildIndex, indexDirOf } = await import('../../src/search/open.ts');
    const { SnapshotIndex } = await import('../../src/search/article-index.ts');
    const work = mkdtempSync(join(tmpdir(), 'xiangwen-region-order-'));
    try {
      mkdirSync(join(work, 'pages'));
      writeFileSync(
        join(work, 'pages', 'a.txt'),
        '汝城县新修十座乡村桥梁\n\n本报讯（记者 王一）近日，汝城县在十个村新修乡村桥梁，方便群众出行。\n',
      );
      // Sorted after a.txt, so indexed later: newer by row, and still listed second.
      writeFileSync(
        join(work, 'pages', 'b.txt'),
        '近日，汝城县多个乡镇开展春耕培训，技术员走进田间地头手把手教学，农户们纷纷表示收获很大。\n',
      );
      buildIndex({ pagesDir: join(work, 'pages'), dataDir: join(work, 'data') });
      const index = SnapshotIndex.load(indexDirOf(join(work, 'data')));
      const kinds = (await index.byRegions(['汝城县'])).hits.map((h) => h.kind);
      await index.close();
      expect(kinds).toEqual(['brief', 'fragment']);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
