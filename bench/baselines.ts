/**
 * The two baselines of the index benchmark, on the same corpus and query mix as ours:
 * - SQLite FTS5 with its built-in `trigram` tokenizer over the full text (title and body);
 * - a plain MiniSearch over every field and the full body, with our jieba tokenizer.
 * Each is built here (the MiniSearch in a child with a time and heap limit, as it may not finish
 * at 100 000 articles) and loaded and queried in a fresh child (bench/baseline-child.ts), so its
 * memory figures are its own. Figures have the shape of ours (LoadAndQueryFigures).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../src/pages/article.ts';
import { normaliseForSearch } from '../src/search/normalize.ts';
import type { LoadAndQueryFigures, QueryMix } from './index-bench.ts';

export type BaselineName = 'trigram' | 'minisearch';

/** The text a baseline indexes: everything a reader can find an article by. */
export function fullText(article: Article): string {
  return normaliseForSearch(
    [article.title, article.kicker, article.subtitle, ...article.body, ...article.captions, article.authors.join(' ')].join('\n'),
  );
}

/** The articles of a JSON-lines file, one at a time. */
export async function* articlesIn(jsonl: string): AsyncGenerator<Article> {
  for await (const line of createInterface({ input: createReadStream(jsonl) })) if (line) yield JSON.parse(line) as Article;
}

/** Builds the FTS5 trigram table over every article's full text (from a JSON-lines file). */
export async function buildTrigram(path: string, jsonl: string): Promise<number> {
  const started = performance.now();
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec("CREATE VIRTUAL TABLE docs USING fts5(text, tokenize = 'trigram')");
  const insert = db.prepare('INSERT INTO docs (text) VALUES (?)');
  db.exec('BEGIN');
  for await (const article of articlesIn(jsonl)) insert.run(fullText(article));
  db.exec("COMMIT; INSERT INTO docs(docs) VALUES('optimize')");
  db.close();
  return Math.round(performance.now() - started);
}

/** What a time- or memory-limited MiniSearch build reached. */
export interface MiniSearchBuild {
  finished: boolean;
  indexed: number;
  buildMs: number;
  peakRssMb: number;
  jsonMb?: number;
  stoppedBy?: string;
}

/**
 * Builds the plain MiniSearch in a child process limited to `seconds` and `heapMb`, from the
 * articles of a JSON-lines file; the child saves its JSON when it finishes.
 */
export function buildMiniSearch(dir: string, source: string, seconds: number, heapMb: number): MiniSearchBuild {
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${heapMb}`,
      'bin/run-ts.mjs',
      'bench/baseline-child.ts',
      'build-minisearch',
      source,
      join(dir, 'minisearch.json'),
    ],
    {
      encoding: 'utf8',
      timeout: seconds * 1000,
      maxBuffer: 1 << 24,
    },
  );
  // The child prints a progress line every 1 000 articles: the last one says how far it got.
  const lines = (child.stdout ?? '')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as MiniSearchBuild);
  const last = lines[lines.length - 1] ?? { finished: false, indexed: 0, buildMs: 0, peakRssMb: 0 };
  if (last.finished) return last;
  const stoppedBy = child.error ? `time limit (${seconds} s)` : `heap limit (${heapMb} MB) or crash, exit ${child.status}`;
  return { ...last, finished: false, stoppedBy };
}

/** Loads and queries a baseline in a fresh process. */
export function loadAndQueryBaseline(name: BaselineName, path: string, mix: QueryMix): LoadAndQueryFigures | undefined {
  if (!existsSync(path)) return undefined;
  const mixFile = `${path}.query-mix.json`;
  writeFileSync(mixFile, JSON.stringify(mix));
  const output = execFileSync(
    process.execPath,
    ['--max-old-space-size=8192', 'bin/run-ts.mjs', 'bench/baseline-child.ts', `query-${name}`, path, mixFile],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  return JSON.parse(output.trim().split('\n').pop() as string) as LoadAndQueryFigures;
}

/** Our figure divided by the baseline's, per measure (below 1: we are faster or smaller). */
export function ratios(ours: LoadAndQueryFigures, theirs: LoadAndQueryFigures): Record<string, number> {
  const ratio = (a: number, b: number) => (b > 0 ? +(a / b).toFixed(2) : Number.NaN);
  const figures: Record<string, number> = {
    load: ratio(ours.loadMs, theirs.loadMs),
    peakRss: ratio(ours.rssAfterQueriesMb, theirs.rssAfterQueriesMb),
    p50: ratio(ours.p50Ms, theirs.p50Ms),
    p99: ratio(ours.p99Ms, theirs.p99Ms),
    cpuPerQuery: ratio(ours.cpuMsPerQuery, theirs.cpuMsPerQuery),
  };
  for (const [name, f] of Object.entries(ours.byClass)) {
    const other = theirs.byClass[name];
    if (other) figures[`p99_${name}`] = ratio(f.p99Ms, other.p99Ms);
  }
  return figures;
}
