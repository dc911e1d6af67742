/** Timing a query mix, the same way for our index and for the baselines. */
import { readFileSync } from 'node:fs';
import { queryWords } from '../src/search/jieba.ts';
import type { LoadAndQueryFigures, QueryMix } from './index-bench.ts';
import { peakRssMb } from './peak-rss.ts';

const percentile = (sorted: number[], p: number) => +sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(2);

export function readMix(path: string): QueryMix {
  return JSON.parse(readFileSync(path, 'utf8')) as QueryMix;
}

/** A query function: an engine's answer may arrive later (the seam is async), so it is awaited. */
export type RunQuery = (query: string) => unknown;

/**
 * Runs every query of the mix once through `run`; latency percentiles overall and per class, and
 * the process's CPU time per query (this process's threads only: on a shared machine wall times
 * vary with the load, CPU time much less; a server engine's own CPU is not in it).
 */
export async function timeMix(
  mix: QueryMix,
  run: RunQuery,
): Promise<Pick<LoadAndQueryFigures, 'queries' | 'p50Ms' | 'p99Ms' | 'cpuMsPerQuery' | 'byClass'>> {
  const all: number[] = [];
  const cpuStarted = process.cpuUsage();
  const byClass: LoadAndQueryFigures['byClass'] = {};
  for (const [name, queries] of Object.entries(mix) as [string, string[]][]) {
    const times: number[] = [];
    for (const query of queries) {
      const t = performance.now();
      await run(query);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    byClass[name] = { p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
  }
  all.sort((a, b) => a - b);
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMsPerQuery = +((cpu.user + cpu.system) / 1000 / Math.max(1, all.length)).toFixed(2);
  return { queries: all.length, p50Ms: percentile(all, 0.5), p99Ms: percentile(all, 0.99), cpuMsPerQuery, byClass };
}

/**
 * Loads an index (`load` returns its query function), then times jieba's dictionaries (unless
 * the index does without them, as the trigram baseline does), the first query (it prepares statements and builds the place-name tables) and the mix in `mixFile`.
 */
export async function measure(mixFile: string, load: () => RunQuery, usesJieba = true): Promise<LoadAndQueryFigures> {
  const started = performance.now();
  const run = load();
  const loadMs = Math.round(performance.now() - started);
  const peakRss = peakRssMb();
  const jiebaStarted = performance.now();
  if (usesJieba) queryWords('预热');
  const jiebaLoadMs = Math.round(performance.now() - jiebaStarted);
  const firstStarted = performance.now();
  await run('邵阳 营商环境');
  const firstQueryMs = Math.round(performance.now() - firstStarted);
  const timing = await timeMix(readMix(mixFile), run);
  return { loadMs, peakRssMb: peakRss, rssAfterQueriesMb: peakRssMb(), jiebaLoadMs, firstQueryMs, ...timing };
}
