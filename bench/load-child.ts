/**
 * Child process of the index benchmark: loads a snapshot as the bot does at start-up, records the
 * time and peak resident memory, then runs the query mix. Prints one JSON line.
 */
import { SnapshotIndex } from '../src/search/article-index.ts';
import { queryWords } from '../src/search/jieba.ts';
import type { LoadAndQueryFigures } from './index-bench.ts';
import { peakRssMb } from './peak-rss.ts';
import { readMix, timeMix } from './query-timing.ts';

const [indexDir, mixFile] = process.argv.slice(2);
const started = performance.now();
const index = SnapshotIndex.load(indexDir);
const loadMs = Math.round(performance.now() - started);
const peakRss = peakRssMb();

const jiebaStarted = performance.now();
queryWords('预热');
const jiebaLoadMs = Math.round(performance.now() - jiebaStarted);
// The first query also builds the place-name tables and prepares statements: timed on its own.
const firstStarted = performance.now();
index.search('邵阳 营商环境', { limit: 5 });
const firstQueryMs = Math.round(performance.now() - firstStarted);

const timing = timeMix(readMix(mixFile), (query) => index.search(query, { limit: 5 }));
const figures: LoadAndQueryFigures = { loadMs, peakRssMb: peakRss, rssAfterQueriesMb: peakRssMb(), jiebaLoadMs, firstQueryMs, ...timing };
index.close();
process.stdout.write(`${JSON.stringify(figures)}\n`);
