/**
 * Comparing two snapshots the way a reader and the disk see them: what the equivalence tests of
 * incremental updates and of the parallel build assert equal.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SnapshotIndex } from '../../src/search/article-index.ts';
import { indexDirOf } from '../../src/search/open.ts';

/** An invented page of short dated articles, one per `[headline, place, sentence]`. */
export function page(items: [string, string, string][]): string {
  return items
    .map(
      ([title, place, text], i) =>
        `# ${title}\n本报讯（记者 王${'一二三四五六七八九'[i % 9]}）近日，${place}${text}当地干部群众表示，将继续努力把这件事办好。\n`,
    )
    .join('\n');
}

const QUERIES = ['学校', '营商环境', '发展', '茶叶', '禁毒 高校', '邵阳 营商环境', '郴州', '桂东 茶叶', '乡村 振兴', '跨境电商', '浏阳'];

/** Everything a reader can ask of an index, in a comparable form. */
export function answers(index: SnapshotIndex) {
  const counts = [...index.regionCounts()].sort(([a], [b]) => a.localeCompare(b));
  const ids = index.allIds();
  return {
    ids,
    articles: index.info.articles,
    search: QUERIES.map((query) => {
      const result = index.search(query, { limit: 100 });
      return { query, total: result.total, hits: result.hits.map((h) => `${h.id} ${h.score} ${h.matched.join('+')}`) };
    }),
    newest: QUERIES.map((query) => index.search(query, { limit: 100, order: 'date' }).hits.map((h) => h.id)),
    inRegion: QUERIES.map((query) => index.search(query, { limit: 100, regions: ['郴州市', '长沙市', '邵阳市'] }).hits.map((h) => h.id)),
    regions: counts
      .map(([name]) => ({ name, ...index.byRegions([name], { limit: 100 }) }))
      .map((r) => ({ name: r.name, total: r.total, hits: r.hits.map((h) => h.id) })),
    counts,
    records: ids.map((id) => index.get(id)),
  };
}

/** The rowids and per-file state stored (the parts readers do not see directly). */
export function stored(dir: string) {
  const db = new Database(join(indexDirOf(dir), 'articles.db'), { readonly: true });
  try {
    // Every token instance of the full-text index (FTS5's integrity-check cannot tell a contentless
    // row deleted with the wrong tokens), so rows deleted by updates must have left no trace.
    db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fulltext, 'instance')");
    return {
      fulltext: db.prepare('SELECT term, doc, offset FROM temp.vocab ORDER BY term, doc, offset').raw().all(),
      rowids: db.prepare('SELECT rowid, id FROM articles ORDER BY rowid').all(),
      files: db.prepare('SELECT file, size, hash, date, articles FROM files ORDER BY file').all(),
      terms: db.prepare('SELECT term, n FROM term_df ORDER BY term').all(),
      regions: db.prepare('SELECT region, rowid, rank FROM article_regions ORDER BY region, rowid').all(),
    };
  } finally {
    db.close();
  }
}
