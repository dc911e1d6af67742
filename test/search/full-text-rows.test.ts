/**
 * The full-text lookups of a snapshot on an archive large enough for common words to matter: BM25
 * where it ranks, newest first and unscored where a word is in a large share of the articles.
 * The rows are written straight into the snapshot's schema (invented bigram texts, no pipeline),
 * and a snapshot of invented articles is built for the search on top of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotIndex } from '../../src/search/article-index.ts';
import { inventedArticle } from '../support/invented-article.ts';
import { FullBuild, indexedFile } from '../../src/search/full-build.ts';
import { SCHEMA } from '../../src/search/snapshot.ts';
import { type FullTextRow, MATCH_CAP, SnapshotRows } from '../../src/search/snapshot-rows.ts';

const ARTICLES = 3000;
/** In every article. */
const COMMON = '"工作"';
/** In every tenth article, and twice in every thirtieth. */
const RARE = '"茶叶"';
/** In three articles. */
const FEW = '"渡口"';

function gramsOf(rowid: number): string {
  const grams = ['工作', '群众', `编号${rowid % 97}`];
  if (rowid % 10 === 0) grams.push('茶叶');
  if (rowid % 30 === 0) grams.push('茶叶', '采摘');
  if (rowid % 1000 === 7) grams.push('渡口');
  return grams.join(' ');
}

let db: Database.Database;
let rows: SnapshotRows;
const rankOf = (found: FullTextRow[]) => new Map(found.map((row) => [row.rowid, row.rank]));

beforeAll(() => {
  db = new Database(':memory:');
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO fulltext (rowid, grams) VALUES (?, ?)');
  db.transaction(() => {
    for (let rowid = 1; rowid <= ARTICLES; rowid++) insert.run(rowid, gramsOf(rowid));
  })();
  rows = new SnapshotRows(db);
});
afterAll(() => db.close());

describe('full-text matches on a large archive', () => {
  it('gives a word in every article its newest matches, unscored, and says they were capped', () => {
    const { rows: found, capped } = rows.fullText([COMMON], true);
    expect(capped).toBe(true);
    expect(found).toHaveLength(MATCH_CAP);
    expect(found[0].rowid).toBe(ARTICLES);
    expect(found.every((row) => row.rank === 0)).toBe(true);
  });

  it('ranks a rarer word by BM25, newest first, the articles holding it twice above the others', () => {
    const { rows: found, capped } = rows.fullText([RARE], true);
    expect(capped).toBe(false);
    expect(found.map((row) => row.rowid)).toEqual(Array.from({ length: ARTICLES / 10 }, (_, i) => ARTICLES - i * 10));
    const rank = rankOf(found);
    expect(rank.get(2970)).toBeLessThan(rank.get(2980) as number);
    expect(found.every((row) => row.rank < 0)).toBe(true);
  });

  it('leaves a rare word beside a common one unscored too, newest first', () => {
    const { rows: found, capped } = rows.fullText([RARE, COMMON], true);
    expect(capped).toBe(false);
    expect(found.map((row) => row.rowid)).toEqual(rows.fullText([RARE], true).rows.map((row) => row.rowid));
    expect(found.every((row) => row.rank === 0)).toBe(true);
  });

  it('tells a common phrase from a rare one, whatever its bigrams are', () => {
    // Every article holds 工作 then 群众: common. 群众 before 工作 is in none, and 茶叶 then 采摘
    // in one article of thirty: a phrase of common bigrams, or of one rarer bigram, is scored.
    const common = rows.fullText(['"工作 群众"'], true);
    expect(common.capped).toBe(true);
    expect(common.rows.every((row) => row.rank === 0)).toBe(true);
    expect(rows.fullText(['"群众 工作"'], true).rows).toEqual([]);
    const rare = rows.fullText(['"茶叶 采摘"'], true).rows;
    expect(rare.map((row) => row.rowid)).toEqual(Array.from({ length: ARTICLES / 30 }, (_, i) => ARTICLES - i * 30));
    expect(rare.every((row) => row.rank < 0)).toBe(true);
  });

  it('scores a word in only a few articles as BM25 always did, and unscored lookups stay unscored', () => {
    const scored = rows.fullText([FEW], true).rows;
    const bm25 = db.prepare('SELECT rowid, bm25(fulltext) AS rank FROM fulltext WHERE fulltext MATCH ? ORDER BY rowid DESC').all(FEW);
    expect(scored).toEqual(bm25);
    expect(rows.fullText([FEW], false).rows.map((row) => row.rank)).toEqual([0, 0, 0]);
  });
});

describe('full-text matches read another way, to the same answers', () => {
  it('scores only the rows asked for, with the BM25 a scan of every row gives them', () => {
    const all = rankOf(rows.fullText([RARE], true).rows);
    const some = rows.fullText([RARE], true, false, [2970, 2980, 5]).rows;
    expect(some.map((row) => row.rowid)).toEqual([...all.keys()]);
    expect(some.filter((row) => !row.unscored)).toEqual([
      { rowid: 2980, rank: all.get(2980) },
      { rowid: 2970, rank: all.get(2970) },
    ]);
    expect(some.filter((row) => row.unscored).every((row) => row.rank === 0)).toBe(true);
  });

  it('reads every match oldest first when told there are fewer than the cap: the same rows and ranks', () => {
    for (const phrases of [[RARE], [RARE, COMMON], [FEW, COMMON]]) {
      const newest = rows.fullText(phrases, true);
      const few = rows.fullText(phrases, true, true);
      expect(few.capped).toBe(false);
      expect([...rankOf(few.rows)].sort((a, b) => b[0] - a[0])).toEqual([...rankOf(newest.rows)]);
    }
  });
});

describe('a search whose words together fill the cap', () => {
  let work: string;
  let index: SnapshotIndex;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'xiangwen-cap-'));
    const build = new FullBuild(join(work, 'index'));
    // MATCH_CAP + 100 older articles with both words, then 20 newer ones with only the second.
    const page = (day: number, count: number, body: string) => {
      const date = `2024-03-${String(day).padStart(2, '0')}`;
      const articles = Array.from({ length: count }, (_, i) => inventedArticle(`${date}.txt`, date, `第${day}期第${i + 1}号简报`, body));
      build.stage(indexedFile({ file: `${date}.txt`, size: 0, mtime: 0, hash: '', date, articles }));
    };
    for (let day = 1; day <= 11; day++) page(day, 100, '社区网格员上门走访，基层治理更加精细。');
    page(20, 20, '村里的环境治理有了新办法。');
    build.finish({ fingerprint: 'test', pipeline: 'test' });
    index = SnapshotIndex.load(join(work, 'index'));
  });
  afterAll(async () => {
    await index?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('lists only articles with every word, and says the count is a lower bound', async () => {
    const result = await index.search('网格 治理', { limit: 30 });
    expect(result.capped).toBe(true);
    expect(result.total).toBe(MATCH_CAP);
    expect(result.hits.every((hit) => hit.matched.length === 2)).toBe(true);
  });
});
