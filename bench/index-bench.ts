/**
 * Index benchmark: build time, snapshot size, start-up load time versus rebuilding, peak resident
 * memory while loading, and query latency over a mixed query set — on the seeds and on synthetic
 * corpora. Loading and querying run in a fresh child process so memory figures are its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shortName } from '../src/regions/aliases.ts';
import { gazetteer } from '../src/regions/gazetteer.ts';
import { buildIndex, indexDirOf } from '../src/search/open.ts';
import { buildMiniSearch, buildTrigram, loadAndQueryBaseline, ratios } from './baselines.ts';
import { random } from './synthetic.ts';
import { buildSyntheticSnapshot, type CorpusTally } from './synthetic-index.ts';

export interface QueryMix {
  rare: string[];
  places: string[];
  twoWords: string[];
  common: string[];
}

export interface LoadAndQueryFigures {
  loadMs: number;
  peakRssMb: number;
  rssAfterQueriesMb: number;
  jiebaLoadMs: number;
  firstQueryMs: number;
  queries: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of the querying process per query (see timeMix). */
  cpuMsPerQuery: number;
  byClass: Record<string, { p50Ms: number; p99Ms: number }>;
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Runs bench/load-child.ts on a snapshot and returns its figures. */
function loadAndQuery(indexDir: string, mix: QueryMix): LoadAndQueryFigures {
  const mixFile = join(indexDir, '..', 'query-mix.json');
  writeFileSync(mixFile, JSON.stringify(mix));
  const output = execFileSync(process.execPath, ['bin/run-ts.mjs', 'bench/load-child.ts', indexDir, mixFile], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output.trim().split('\n').pop() as string) as LoadAndQueryFigures;
}

/** Picks the query mix from the corpus's own keywords: rare, common, places and pairs. */
export function queryMix(tally: CorpusTally, seed: number): QueryMix {
  const next = random(seed);
  const byCount = [...tally.keywords].sort((a, b) => b[1] - a[1]);
  const common = byCount.slice(0, 20).map(([w]) => w);
  const rarePool = byCount.filter(([, n]) => n <= 2).map(([w]) => w);
  const rare = Array.from({ length: 40 }, () => rarePool[Math.floor(next() * rarePool.length)]).filter(Boolean);
  // Places as readers write them: the full name or its short form (邵阳市, 邵阳; 江华瑶族自治县, 江华).
  const placePool = [...tally.regions];
  const places =
    placePool.length === 0
      ? []
      : Array.from({ length: 40 }, (_, i) => {
          const name = placePool[Math.floor(next() * placePool.length)];
          const region = gazetteer().region(name);
          return i % 2 === 0 || !region ? name : (shortName(region.name, region.level) ?? name);
        });
  const twoWords = Array.from({ length: 40 }, (_, i) =>
    i % 2 && places.length
      ? `${places[i]} ${common[i % common.length]}`
      : `${common[i % common.length]} ${common[(i * 7 + 3) % common.length]}`,
  );
  return { rare, places, twoWords, common: [...common, ...common] };
}

/** Seeds: the real pipeline from page files. */
export function benchSeeds(): Record<string, number | string> {
  const work = mkdtempSync(join(tmpdir(), 'xiangwen-bench-seeds-'));
  try {
    const started = performance.now();
    const meta = buildIndex({ pagesDir: 'seeds', dataDir: work });
    const buildMs = performance.now() - started;
    const indexDir = indexDirOf(work);
    const figures = loadAndQuery(indexDir, {
      rare: ['跨境电商', '禁毒', '田长制'],
      places: ['邵阳', '桂东', '娄底'],
      twoWords: ['邵阳 营商环境', '基层 治理'],
      common: ['发展', '工作', '建设'],
    });
    return {
      corpus: 'seeds',
      articles: meta.articles,
      buildMs: Math.round(buildMs),
      snapshotMb: +(folderBytes(indexDir) / 1e6).toFixed(2),
      loadMs: figures.loadMs,
      loadVsRebuild: +(figures.loadMs / buildMs).toFixed(3),
      peakRssMb: figures.peakRssMb,
      queryP50Ms: figures.p50Ms,
      queryP99Ms: figures.p99Ms,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Options of the synthetic index benchmark. */
export interface SyntheticOptions {
  keepDir?: string;
  /** Also measure the two baselines (bench/baselines.ts) on the same corpus. */
  baselines?: boolean;
  /** Time the plain MiniSearch baseline may take to build. */
  baselineSeconds?: number;
}

/** A synthetic corpus of `count` articles: build, load, queries; the baselines beside ours. */
export async function benchSynthetic(
  count: number,
  log: (line: string) => void = () => {},
  options: SyntheticOptions = {},
): Promise<Record<string, unknown>> {
  const work = options.keepDir ?? mkdtempSync(join(tmpdir(), `xiangwen-bench-${count}-`));
  mkdirSync(work, { recursive: true });
  try {
    const indexDir = join(work, 'index');
    const jsonl = options.baselines ? join(work, 'articles.jsonl') : undefined;
    const { tally, prepareMs, buildMs } = await buildSyntheticSnapshot(count, indexDir, log, jsonl);
    const mix = queryMix(tally, count);
    const figures = loadAndQuery(indexDir, mix);
    const row: Record<string, unknown> = {
      corpus: `synthetic ${count}`,
      articles: count,
      prepareMs,
      buildMs,
      snapshotMb: +(folderBytes(indexDir) / 1e6).toFixed(1),
      loadMs: figures.loadMs,
      loadVsRebuild: +(figures.loadMs / buildMs).toFixed(4),
      peakRssMb: figures.peakRssMb,
      jiebaLoadMs: figures.jiebaLoadMs,
      firstQueryMs: figures.firstQueryMs,
      rssAfterQueriesMb: figures.rssAfterQueriesMb,
      queries: figures.queries,
      queryP50Ms: figures.p50Ms,
      queryP99Ms: figures.p99Ms,
      queryCpuMs: figures.cpuMsPerQuery,
      ...Object.fromEntries(Object.entries(figures.byClass).map(([name, f]) => [`p99Ms_${name}`, f.p99Ms])),
    };
    if (jsonl) row.baselines = await benchBaselines(work, jsonl, mix, figures, log, options.baselineSeconds ?? 600);
    return row;
  } finally {
    if (!options.keepDir) rmSync(work, { recursive: true, force: true });
  }
}

/** Both baselines on the corpus in `jsonl`, with our figures as ratios to theirs. */
async function benchBaselines(
  work: string,
  jsonl: string,
  mix: QueryMix,
  ours: LoadAndQueryFigures,
  log: (line: string) => void,
  seconds: number,
) {
  log('  baseline: FTS5 trigram…');
  const trigramPath = join(work, 'trigram.db');
  const trigramBuildMs = await buildTrigram(trigramPath, jsonl);
  const trigram = loadAndQueryBaseline('trigram', trigramPath, mix);
  log(`  baseline: plain MiniSearch (at most ${seconds} s)…`);
  const build = buildMiniSearch(work, jsonl, seconds, 12_000);
  const minisearch = build.finished ? loadAndQueryBaseline('minisearch', join(work, 'minisearch.json'), mix) : undefined;
  return {
    trigram: trigram && {
      buildMs: trigramBuildMs,
      sizeMb: +(statSync(trigramPath).size / 1e6).toFixed(1),
      ...trigram,
      oursDividedByTheirs: ratios(ours, trigram),
    },
    minisearch: { build, ...minisearch, oursDividedByTheirs: minisearch && ratios(ours, minisearch) },
  };
}
