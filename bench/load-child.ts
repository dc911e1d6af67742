/**
 * Child process of the index benchmark: loads a snapshot as the bot does at start-up, records the
 * time and peak resident memory, then runs the query mix. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { SnapshotIndex } from '../src/search/article-index.ts';
import { queryWords } from '../src/search/jieba.ts';
import type { LoadAndQueryFigures, QueryMix } from './index-bench.ts';

const [indexDir, mixFile] = process.argv.slice(2);
const mb = (kb: number) => Math.round(kb / 1024);

/**
 * Peak resident memory of this process in KB. Linux's getrusage maxrss survives exec and so can
 * report the parent's peak; VmHWM in /proc belongs to this process's own address space.
 */
function peakRssKb(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

const started = performance.now();
const index = SnapshotIndex.load(indexDir);
const loadMs = Math.round(performance.now() - started);
const peakRssMb = mb(peakRssKb());

const jiebaStarted = performance.now();
queryWords('预热');
const jiebaLoadMs = Math.round(performance.now() - jiebaStarted);
// The first query also builds the place-name tables and prepares statements: timed on its own.
const firstStarted = performance.now();
await index.search('邵阳 营商环境', { limit: 5 });
const firstQueryMs = Math.round(performance.now() - firstStarted);

const percentile = (sorted: number[], p: number) => +sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(2);
const mix = JSON.parse(readFileSync(mixFile, 'utf8')) as QueryMix;
const all: number[] = [];
const byClass: LoadAndQueryFigures['byClass'] = {};
for (const [name, queries] of Object.entries(mix) as [string, string[]][]) {
  const times: number[] = [];
  for (const query of queries) {
    const t = performance.now();
    await index.search(query, { limit: 5 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  byClass[name] = { p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
}
all.sort((a, b) => a - b);
const figures: LoadAndQueryFigures = {
  loadMs, peakRssMb, rssAfterQueriesMb: mb(peakRssKb()), jiebaLoadMs, firstQueryMs,
  queries: all.length, p50Ms: percentile(all, 0.5), p99Ms: percentile(all, 0.99), byClass,
};
await index.close();
process.stdout.write(`${JSON.stringify(figures)}\n`);
