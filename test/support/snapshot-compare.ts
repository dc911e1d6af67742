/**
 * Comparing two snapshots the way a reader and the disk see them: what the equivalence tests of
 * incremental updates and of the parallel build assert equal.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SnapshotIndex } from '../../src/search/article-index.ts';
import { indexDirOf } from '../../src/search/open.ts';
import { allIds } from './all-articles.ts';
import { inventedPage } from './invented-pages.ts';

/** An invented page of short dated articles, one per `[headline, place, sentence]`. */
export const page = inventedPage;

const QUERIES = ['学校', '营商环境', '发展', '茶叶', '禁毒 高校', '邵阳 营商环境', '郴州', '桂东 茶叶', '乡村 振兴', '跨境电商', '浏阳'];

/** Everything a reader can ask of an index, in a comparable form. */
export async function answers(index: SnapshotIndex) {
  const counts = [...(await index.regionCounts())].sort(([a], [b]) => a.localeCompare(b));
  const ids = await allIds(index);
  const each = <T, R>(items: T[], ask: (item: T) => Promise<R>) => Promise.all(items.map(ask));
  return {
    ids,
    articles: index.info.articles,
    search: await each(QUERIES, async (query) => {
      const result = await index.search(query, { limit: 100 });
      return { query, total: result.total, hits: result.hits.map((h) => `${h.id} ${h.score} ${h.matched.join('+')}`) };
    }),
    newest: await each(QUERIES, async (query) => (await index.search(query, { limit: 100, order: 'date' })).hits.map((h) => h.id)),
    inRegion: await each(QUERIES, async (query) =>
      (await index.search(query, { limit: 100, regions: ['郴州市', '长沙市', '邵阳市'] })).hits.map((h) => h.id),
    ),
    regions: await each(counts, async ([name]) => {
      const r = await index.byRegions([name], { limit: 100 });
      return { name, total: r.total, hits: r.hits.map((h) => h.id) };
    }),
    counts,
    records: await each(ids, (id) => index.get(id)),
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
      // Read through the partial index the ranking uses, so a snapshot lacking it fails here.
      fragments: db
        .prepare("SELECT rowid FROM articles INDEXED BY articles_fragments WHERE kind = 'fragment' ORDER BY rowid")
        .pluck()
        .all(),
    };
  } finally {
    db.close();
  }
}
