/**
 * Child process of the baselines (bench/baselines.ts):
 * - `build-minisearch ARTICLES.jsonl OUT.json`: a plain MiniSearch over every field and the full
 *   body (jieba tokens), one progress line per 1 000 articles, the JSON saved when done;
 * - `query-trigram DB MIX` / `query-minisearch JSON MIX`: load, then time the query mix; one JSON
 *   line with the figures of bench/load-child.ts.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { indexTokens, queryWords } from '../src/search/jieba.ts';
import { normaliseForSearch } from '../src/search/normalize.ts';
import { articlesIn } from './baselines.ts';
import { peakRssMb } from './peak-rss.ts';
import { measure } from './query-timing.ts';

const FIELDS = ['title', 'kicker', 'subtitle', 'authors', 'regions', 'keywords', 'summary', 'body', 'captions'];
const options = {
  fields: FIELDS,
  extractField: (article: Record<string, unknown>, field: string) => {
    const value = article[field];
    return Array.isArray(value) ? value.join('\n') : value;
  },
  tokenize: (text: string) => indexTokens(text),
  processTerm: (term: string) => term,
};

async function buildMiniSearch(source: string, target: string): Promise<void> {
  const started = performance.now();
  const index = new MiniSearch<Record<string, unknown>>(options);
  let indexed = 0;
  const progress = (finished: boolean, jsonMb?: number) =>
    process.stdout.write(
      `${JSON.stringify({ finished, indexed, buildMs: Math.round(performance.now() - started), peakRssMb: peakRssMb(), jsonMb })}\n`,
    );
  for await (const article of articlesIn(source)) {
    index.add({ ...article, id: indexed });
    if (++indexed % 1000 === 0) progress(false);
  }
  writeFileSync(target, JSON.stringify(index));
  progress(true, +(statSync(target).size / 1e6).toFixed(1));
}

/**
 * FTS5 trigram: words of three or more characters through the index (ranked by bm25); shorter
 * words can only be a LIKE scan, which SQLite runs over the stored text.
 */
function trigram(path: string): (query: string) => void {
  const db = new Database(path, { readonly: true });
  db.prepare('SELECT rowid FROM docs LIMIT 1').get(); // opened and readable (a count would read every row)
  return (query) => {
    const words = normaliseForSearch(query).split(/\s+/).filter(Boolean);
    const long = words.filter((w) => [...w].length >= 3).map((w) => `"${w.replace(/"/g, '')}"`);
    const short = words.filter((w) => [...w].length < 3);
    const likes = short.map(() => 'text LIKE ?').join(' AND ');
    const sql =
      long.length > 0
        ? `SELECT rowid FROM docs WHERE docs MATCH ?${likes ? ` AND ${likes}` : ''} ORDER BY rank LIMIT 5`
        : `SELECT rowid FROM docs WHERE ${likes} LIMIT 5`;
    const parameters = [...(long.length > 0 ? [long.join(' AND ')] : []), ...short.map((w) => `%${w}%`)];
    db.prepare(sql).all(...parameters);
  };
}

function miniSearch(path: string): (query: string) => void {
  const index = MiniSearch.loadJSON(readFileSync(path, 'utf8'), options);
  return (query) => {
    index
      .search(queryWords(query).join(' '), {
        tokenize: (text) => text.split(' '),
        processTerm: (t) => t,
        prefix: true,
        combineWith: 'OR',
        boost: { title: 4 },
      })
      .slice(0, 5);
  };
}

const print = (figures: object) => process.stdout.write(`${JSON.stringify(figures)}\n`);
const [mode, path, other] = process.argv.slice(2);
if (mode === 'build-minisearch') await buildMiniSearch(path, other);
else if (mode === 'query-trigram') print(await measure(other, () => trigram(path), false));
else if (mode === 'query-minisearch') print(await measure(other, () => miniSearch(path)));
else throw new Error(`unknown mode ${mode}`);
