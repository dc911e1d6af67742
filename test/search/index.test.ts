import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleIndex } from '../../src/search/engine.ts';
import { indexDirOf, openIndex, staleReason } from '../../src/search/open.ts';
import { allIds } from '../support/all-articles.ts';

const work = mkdtempSync(join(tmpdir(), 'xiangwen-index-'));
const pagesDir = join(work, 'pages');
const dataDir = join(work, 'data');
cpSync('seeds', pagesDir, { recursive: true });
const logLines: string[] = [];
const logger = { info: (m: string) => logLines.push(m), warn: (m: string) => logLines.push(`WARN ${m}`) };

let index: ArticleIndex;
beforeAll(async () => {
  index = await openIndex({ pagesDir, dataDir, logger });
});
afterAll(async () => {
  await index?.close();
  rmSync(work, { recursive: true, force: true });
});

const titles = async (query: string, limit = 5) => (await index.search(query, { limit })).hits.map((h) => h.title);

describe('keyword search on the seed pages', () => {
  it('finds the 营商环境 article first', async () => {
    expect((await titles('营商环境'))[0]).toBe('『三治』赋能，双牌打造营商环境新生态');
  });

  it('finds the cross-border e-commerce article for 跨境电商 and for the shorter 电商', async () => {
    expect((await titles('跨境电商'))[0]).toBe('破局提质谋发展 商务赋能启新程');
    expect(await titles('电商', 20)).toContain('破局提质谋发展 商务赋能启新程');
  });

  it('finds a word inside a longer jieba token (营商 in 营商环境)', async () => {
    expect(await titles('营商', 20)).toContain('『三治』赋能，双牌打造营商环境新生态');
  });

  it('treats traditional characters like simplified ones', async () => {
    expect(await titles('營商環境')).toEqual(await titles('营商环境'));
  });

  it('ranks articles containing every word before partial matches', async () => {
    const result = await index.search('禁毒 高校', { limit: 50 });
    expect(result.terms).toEqual(['禁毒', '高校']);
    const full = result.hits.filter((h) => h.matched.length === 2);
    expect(full.length).toBeGreaterThan(0);
    expect(result.hits.slice(0, full.length)).toEqual(full);
    expect(full[0].title).toBe('湘西州开展“禁毒知识进高校”活动');
  });

  it('answers a query of only stop words or punctuation with "no keywords", not everything', async () => {
    for (const query of ['的 了 吗', '？！。，', '   ', '😀🎉']) {
      const result = await index.search(query);
      expect(result.noKeywords, query).toBe(true);
      expect(result.hits).toEqual([]);
    }
  });

  it('handles emoji, markup, full-width characters and very long input without errors', async () => {
    expect((await titles('🚓 禁毒 🚓'))[0]).toBe('湘西州开展“禁毒知识进高校”活动');
    expect((await titles('<b>禁毒</b>&amp;'))[0]).toBe('湘西州开展“禁毒知识进高校”活动');
    expect((await index.search('ＡＩ')).terms).toEqual(['ai']);
    // A pasted wall of text is cut to the query bounds, and still finds what it names.
    const long = await index.search('营商环境'.repeat(300));
    expect(long.terms.length).toBeLessThanOrEqual(12);
    expect(long.hits[0]?.title).toBe('『三治』赋能，双牌打造营商环境新生态');
  });

  it('pages through results without overlap', async () => {
    const first = await index.search('发展', { limit: 5 });
    const second = await index.search('发展', { limit: 5, offset: 5 });
    expect(first.total).toBeGreaterThan(10);
    const ids = [...first.hits, ...second.hits].map((h) => h.id);
    expect(new Set(ids).size).toBe(10);
  });

  it('shows results and articles from the index alone, without the page files', async () => {
    const hit = (await index.search('禁毒')).hits[0];
    const gone = join(work, 'pages-gone');
    cpSync(pagesDir, gone, { recursive: true });
    rmSync(pagesDir, { recursive: true });
    try {
      const article = await index.get(hit.id);
      expect(article?.title).toBe(hit.title);
      expect(article?.body.join('')).toContain('禁毒');
    } finally {
      cpSync(gone, pagesDir, { recursive: true });
    }
  });
});

describe('the index snapshot', () => {
  it('keeps article ids across rebuilds', async () => {
    const before = await allIds(index);
    const again = await openIndex({ pagesDir, dataDir: join(work, 'data-again'), logger });
    try {
      expect((await allIds(again)).sort()).toEqual([...before].sort());
    } finally {
      await again.close();
    }
  });

  it('is rebuilt with one log line when the pages change', async () => {
    const dir = join(work, 'stale');
    const pages = join(dir, 'pages');
    cpSync(pagesDir, pages, { recursive: true });
    const location = { pagesDir: pages, dataDir: join(dir, 'data'), logger };
    await (await openIndex(location)).close();
    expect(staleReason(location)).toBeUndefined();
    writeFileSync(
      join(pages, '2024-05-06_new.txt'),
      '某县：新建学校投入使用\n\n近日，某县第一中学新校区正式投入使用，可容纳学生三千人。\n\n（张三）\n',
    );
    expect(staleReason(location)).toMatch(/changed/);
    logLines.length = 0;
    const reopened = await openIndex(location);
    try {
      expect(logLines.filter((l) => /building the index/.test(l))).toHaveLength(1);
      expect((await reopened.search('新校区')).hits[0]).toMatchObject({ title: '某县：新建学校投入使用', date: '2024-05-06' });
    } finally {
      await reopened.close();
    }
  });

  it('replaces a corrupt snapshot with a clear warning instead of a stack trace', async () => {
    const dir = join(work, 'corrupt');
    const location = { pagesDir, dataDir: dir, logger };
    await (await openIndex(location)).close();
    const db = new Database(join(indexDirOf(dir), 'articles.db'));
    db.exec('DROP TABLE compact_postings');
    db.close();
    logLines.length = 0;
    const reopened = await openIndex(location);
    try {
      expect(logLines.join('\n')).toMatch(/WARN rebuilding the index: index file .*articles\.db is corrupt .*compact_postings/);
      expect((await reopened.search('禁毒')).hits.length).toBeGreaterThan(0);
    } finally {
      await reopened.close();
    }
  });
});

describe('place names in keyword search', () => {
  it('ranks articles about the named place first (邵阳 营商环境)', async () => {
    const result = await index.search('邵阳 营商环境', { limit: 10 });
    expect(result.hits[0].regions).toContain('邵阳市');
    expect(result.terms).toContain('邵阳');
    expect(result.hits[0].matched.sort()).toEqual([...result.terms].sort());
  });

  it('finds articles about a county for its prefecture name even when the text names only the county', async () => {
    const hits = (await index.search('郴州', { limit: 20 })).hits.map((h) => h.title);
    expect(hits).toContain('平安底色提升幸福成色'); // tagged 桂东县 → 郴州市
  });
});

describe('ordering by publication date', () => {
  it('lists the newest page first when asked, full matches still before partial ones', async () => {
    const dir = join(work, 'dated');
    const pages = join(dir, 'pages');
    cpSync(pagesDir, pages, { recursive: true });
    const brief = (title: string) => `${title}\n\n近日，某县举行乡村振兴产业招商推介会，签约项目十二个。\n\n（张三）\n`;
    writeFileSync(join(pages, '2020-01-01_old.txt'), brief('某县：乡村振兴推介会（旧）'));
    writeFileSync(join(pages, '2030-01-01_new.txt'), brief('某县：乡村振兴推介会（新）'));
    const dated = await openIndex({ pagesDir: pages, dataDir: join(dir, 'data'), logger });
    try {
      const hits = (await dated.search('推介会', { order: 'date', limit: 3 })).hits;
      expect(hits[0]).toMatchObject({ title: '某县：乡村振兴推介会（新）', date: '2030-01-01' });
      expect(hits.map((h) => h.date)).toEqual([...hits.map((h) => h.date)].sort().reverse());
    } finally {
      await dated.close();
    }
  });
});
