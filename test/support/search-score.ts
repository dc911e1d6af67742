/**
 * What readers see of a labelled page set, end to end: the pages are indexed as the bot indexes
 * them, then every labelled article's query word is searched (top-1 and top-10 recall), and every
 * labelled place is looked up as `/region` does (is its first result about that place?). Also the
 * tagger's most specific region against the labels.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { regionWithDescendants } from '../../src/regions/lookup.ts';
import { SnapshotIndex } from '../../src/search/article-index.ts';
import { buildIndex, indexDirOf } from '../../src/search/open.ts';
import { compact, type LabelledPage } from './labelled-pages.ts';
import { allArticles } from './all-articles.ts';

export interface SearchScore {
  queries: number;
  top1: number;
  recall: number;
  regionQueries: number;
  regionTop1: number;
  /** Labelled articles whose most specific tagged region is the labelled one. */
  mostSpecific: number;
  misses: string[];
}

/**
 * Indexes the labelled pages under `root` whose keys start with `prefix` (only those: an external
 * set's folder may hold other pages) and scores searches against the labels.
 */
export async function scoreSearch(labelsPath: string, root: string, prefix: string): Promise<SearchScore> {
  const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, LabelledPage>;
  const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-score-'));
  const pagesDir = join(dataDir, 'pages');
  const misses: string[] = [];
  try {
    for (const file of Object.keys(labels).filter((f) => f.startsWith(prefix))) {
      const copy = join(pagesDir, file.slice(prefix.length));
      mkdirSync(dirname(copy), { recursive: true });
      // Timestamps kept: a page that prints no date is dated by its file time.
      cpSync(join(root, file), copy, { preserveTimestamps: true });
    }
    buildIndex({ pagesDir, dataDir: join(dataDir, 'index') });
    const index = SnapshotIndex.load(indexDirOf(join(dataDir, 'index')));
    const labelled = Object.entries(labels)
      .filter(([file]) => file.startsWith(prefix))
      .flatMap(([file, page]) => page.articles.map((label) => ({ file: file.slice(prefix.length), label })));
    const byTitle = new Map(labelled.map((l) => [compact(l.label.title), l]));
    let queries = 0;
    let top1 = 0;
    let found = 0;
    for (const { label } of labelled) {
      if (!label.query) continue;
      queries++;
      const hits = (await index.search(label.query, { limit: 10 })).hits.map((h) => compact(h.title));
      if (hits[0] === compact(label.title)) top1++;
      else misses.push(`search ${label.query}: ${hits[0] ?? '(nothing)'} ≠ ${label.title}`);
      if (hits.includes(compact(label.title))) found++;
    }
    let mostSpecific = 0;
    let tagged = 0;
    const all = (await allArticles(index)).filter((a) => a !== undefined);
    for (const { label } of labelled) {
      const article = all.find((a) => compact(a.title) === compact(label.title));
      if (!article) continue;
      tagged++;
      if ((article.regions[0] ?? null) === (label.regions[0] ?? null)) mostSpecific++;
      else misses.push(`regions of ${label.title}: ${JSON.stringify(article.regions)} ≠ ${JSON.stringify(label.regions)}`);
    }
    const places = [...new Set(labelled.map((l) => l.label.regions[0]).filter((r): r is string => r !== undefined))];
    let regionTop1 = 0;
    for (const place of places) {
      const covered = regionWithDescendants(place);
      const first = covered.length ? (await index.byRegions(covered, { limit: 1 })).hits[0] : undefined;
      const label = first && byTitle.get(compact(first.title))?.label;
      if (label?.regions.includes(place)) regionTop1++;
      else misses.push(`region ${place}: ${first?.title ?? '(nothing)'}`);
    }
    await index.close();
    return {
      queries,
      top1: top1 / Math.max(1, queries),
      recall: found / Math.max(1, queries),
      regionQueries: places.length,
      regionTop1: regionTop1 / Math.max(1, places.length),
      mostSpecific: mostSpecific / Math.max(1, tagged),
      misses,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
