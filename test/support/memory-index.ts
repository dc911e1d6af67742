/**
 * A small in-memory ArticleIndex over the real seed pages, for digest tests that must not wait for
 * the jieba index: articles come from the real page splitter; a query term matches when the
 * article's text contains it; regions come from a tagger the test supplies. It honours the
 * interface's contract (full matches before partial ones, `order: 'date'`, region filter, paging),
 * which is all the digest relies on.
 */
import type { Article } from '../../src/pages/article.ts';
import { readPages } from '../../src/pages/read.ts';
import { splitPage } from '../../src/pages/split.ts';
import type { ArticleIndex, RegionResult, SearchHit, SearchOptions, SearchResult } from '../../src/search/engine.ts';

/** Articles of the page files in `dir`, with ids `<file stem>-<n>` and regions from `tag`. */
export function seedArticles(dir: string, tag: (text: string) => string[], idPrefix = ''): Article[] {
  const articles: Article[] = [];
  for (const page of readPages(dir)) {
    splitPage(page.text).forEach((parsed, n) => {
      const text = [parsed.title, parsed.kicker, parsed.subtitle, ...parsed.body].join('\n');
      articles.push({
        ...parsed,
        id: `${idPrefix}${page.file.replace(/\.txt$/, '').replace(/[^A-Za-z0-9_-]/g, '_')}-${n}`,
        file: page.file,
        date: page.date,
        regions: tag(text),
        summary: parsed.body.join('').slice(0, 80),
        keywords: [],
      });
    });
  }
  return articles;
}

/** The in-memory index; `articles` can be replaced to simulate a rebuild. */
export class MemoryIndex implements ArticleIndex {
  constructor(public articles: Article[]) {}

  get info() {
    return { formatVersion: 0, fingerprint: 'memory', builtAt: '', articles: this.articles.length };
  }

  private text(article: Article): string {
    return [article.title, article.kicker, article.subtitle, ...article.body, ...article.captions].join('\n').toLowerCase();
  }

  private hit(article: Article, matched: string[]): SearchHit {
    const { id, title, kind, regions, summary, date, file } = article;
    return { id, title, kind, regions, summary, date, file, score: matched.length, matched };
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const terms = [...new Set(query.toLowerCase().split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)))];
    const regions = options.regions && new Set(options.regions);
    const scored = this.articles
      .filter((article) => !regions || article.regions.some((r) => regions.has(r)))
      .map((article) => {
        const text = this.text(article);
        return this.hit(article, terms.filter((term) => text.includes(term)));
      })
      .filter((hit) => hit.matched.length > 0)
      .sort((a, b) => {
        const full = Number(b.matched.length === terms.length) - Number(a.matched.length === terms.length);
        if (full !== 0) return full;
        if (options.order === 'date' && a.date !== b.date) return a.date < b.date ? 1 : -1;
        return b.score - a.score || (a.id < b.id ? -1 : 1);
      });
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 10;
    return { query, terms, noKeywords: terms.length === 0, total: scored.length, capped: false, hits: scored.slice(offset, offset + limit) };
  }

  byRegions(names: string[], options: { limit?: number; offset?: number } = {}): RegionResult {
    const wanted = new Set(names);
    const hits = this.articles
      .filter((article) => article.regions.some((r) => wanted.has(r)))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
      .map((article) => this.hit(article, []));
    const offset = options.offset ?? 0;
    return { covered: names, total: hits.length, hits: hits.slice(offset, offset + (options.limit ?? 10)) };
  }

  regionCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const article of this.articles) for (const region of article.regions) counts.set(region, (counts.get(region) ?? 0) + 1);
    return counts;
  }

  get(id: string): Article | undefined {
    return this.articles.find((article) => article.id === id);
  }

  allIds(): string[] {
    return this.articles.map((article) => article.id);
  }

  close(): void {}
}

/**
 * A test gazetteer: a few prefectures and some of their counties, enough to tag the seed pages.
 * `expand` plays regionWithDescendants; `tag` finds the places a text names (short forms too).
 */
export const TEST_GAZETTEER: Record<string, string[]> = {
  邵阳市: ['邵东市', '新邵县', '隆回县'],
  永州市: ['冷水滩区', '蓝山县', '东安县', '江华瑶族自治县', '江永县', '双牌县', '祁阳市'],
  郴州市: ['桂阳县', '安仁县', '桂东县'],
  长沙市: ['宁乡市', '天心区'],
};

/** The region and its sub-regions in {@link TEST_GAZETTEER}. */
export function testExpand(name: string): string[] {
  return [name, ...(TEST_GAZETTEER[name] ?? [])];
}

/** Places of {@link TEST_GAZETTEER} named in `text`, by full name or name without its suffix. */
export function testTag(text: string): string[] {
  const all = Object.entries(TEST_GAZETTEER).flatMap(([prefecture, counties]) => [...counties, prefecture]);
  return all.filter((name) => {
    const short = name.replace(/(瑶族自治县|市|县|区)$/, '');
    return text.includes(name) || (short.length >= 2 && text.includes(short));
  });
}
