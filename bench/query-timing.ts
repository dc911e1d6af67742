/** Timing a query mix, the same way for our index and for the baselines. */
import { readFileSync } from 'node:fs';
import type { LoadAndQueryFigures, QueryMix } from './index-bench.ts';

const percentile = (sorted: number[], p: number) => +sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(2);

export function readMix(path: string): QueryMix {
  return JSON.parse(readFileSync(path, 'utf8')) as QueryMix;
}

/** Runs every query of the mix once through `run`; latency percentiles overall and per class. */
export function timeMix(mix: QueryMix, run: (query: string) => void): Pick<LoadAndQueryFigures, 'queries' | 'p50Ms' | 'p99Ms' | 'byClass'> {
  const all: number[] = [];
  const byClass: LoadAndQueryFigures['byClass'] = {};
  for (const [name, queries] of Object.entries(mix) as [string, string[]][]) {
    const times: number[] = [];
    for (const query of queries) {
      const t = performance.now();
      run(query);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    byClass[name] = { p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
  }
  all.sort((a, b) => a - b);
  return { queries: all.length, p50Ms: percentile(all, 0.5), p99Ms: percentile(all, 0.99), byClass };
}
