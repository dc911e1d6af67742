/**
 * A snapshot of a synthetic corpus, streamed: each article is prepared (regions, summary,
 * keywords) and staged as it is generated, one page file at a time, so a corpus of 1 000 000
 * articles never sits in memory. Keyword and region counts (for the query mix) are tallied on
 * the way; the prepared articles can also be written as JSON lines for the baselines.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Article } from '../src/pages/article.ts';
import { summarise } from '../src/pages/summary.ts';
import { tagRegions } from '../src/regions/tagger.ts';
import { FullBuild, indexedFile } from '../src/search/full-build.ts';
import { keywordsOf } from '../src/search/jieba.ts';
import { articleId, keywordText } from '../src/search/prepare.ts';
import { type SyntheticArticle, syntheticArticles, syntheticSource } from './synthetic.ts';

/** What the query mix is picked from. */
export interface CorpusTally {
  keywords: Map<string, number>;
  regions: Set<string>;
}

/** Tallies `article` into `tally` (keyword frequencies, regions): what the query mix is drawn from. */
export function tallyArticle(tally: CorpusTally, article: Article): void {
  for (const word of article.keywords) tally.keywords.set(word, (tally.keywords.get(word) ?? 0) + 1);
  for (const region of article.regions) tally.regions.add(region);
}

function prepared(synthetic: SyntheticArticle): Article {
  const parsed = {
    title: synthetic.title,
    kicker: '',
    subtitle: '',
    authors: [],
    body: synthetic.body,
    captions: [],
    kind: 'feature' as const,
  };
  return {
    ...parsed,
    id: articleId(synthetic.file, parsed),
    file: synthetic.file,
    date: synthetic.date,
    regions: tagRegions(parsed),
    summary: summarise(parsed),
    keywords: keywordsOf(keywordText(parsed)),
  };
}

async function write(out: WriteStream | undefined, articles: Article[]): Promise<void> {
  if (!out) return;
  for (const article of articles) {
    if (!out.write(`${JSON.stringify(article)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
}

/** Builds the snapshot of `count` synthetic articles into `indexDir` (and `jsonl` when given). */
export async function buildSyntheticSnapshot(count: number, indexDir: string, log: (line: string) => void, jsonl?: string) {
  const started = performance.now();
  const tally: CorpusTally = { keywords: new Map(), regions: new Set() };
  const out = jsonl ? createWriteStream(jsonl) : undefined;
  const build = new FullBuild(indexDir);
  let page: Article[] = [];
  let done = 0;
  const flush = async () => {
    if (page.length === 0) return;
    build.stage(indexedFile({ file: page[0].file, size: 0, mtime: 0, hash: '', date: page[0].date, articles: page }));
    await write(out, page);
    page = [];
  };
  for (const synthetic of syntheticArticles(count, syntheticSource())) {
    if (page.length > 0 && page[0].file !== synthetic.file) await flush();
    const article = prepared(synthetic);
    tallyArticle(tally, article);
    page.push(article);
    if (++done % 20_000 === 0) log(`  prepared ${done} articles (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  await flush();
  await new Promise<void>((resolve) => (out ? out.end(() => resolve()) : resolve()));
  const prepareMs = performance.now() - started;
  build.finish({ fingerprint: 'bench', pipeline: 'bench' }, (n) => n % 100_000 === 0 && log(`  indexed ${n} articles`));
  return { tally, prepareMs: Math.round(prepareMs), buildMs: Math.round(performance.now() - started) };
}
