/**
 * `npm run bench [-- --articles N[,N…]] [--skip-bot] [--skip-digest] [--skip-update] [--skip-soak]
 * [--skip-postgres] [--skip-baselines] [--baseline-seconds S] [--soak-users N] [--soak-seconds S]`:
 * all benchmarks,
 * printed as
 * a table and as JSON (bench/results.json). PostgreSQL beside SQLite (./postgres-bench.ts) runs at
 * every size whenever PostgreSQL can be had (DATABASE_URL, or Debian's server programs). `--keep DIR` keeps the synthetic snapshots in DIR/<size>
 * for profiling. Default sizes: the seeds, 10 000 and 100 000 articles; `--articles 1000000` is
 * the optional large size (streamed: the corpus is never held in memory; no baselines there).
 * Never part of `npm test`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { benchSeeds, benchSynthetic } from './index-bench.ts';
import { postgresUnavailable } from '../test/support/postgres.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000,100000' },
    'skip-bot': { type: 'boolean', default: false },
    'skip-digest': { type: 'boolean', default: false },
    'skip-update': { type: 'boolean', default: false },
    'skip-soak': { type: 'boolean', default: false },
    'skip-postgres': { type: 'boolean', default: false },
    'soak-users': { type: 'string', default: '100' },
    'soak-seconds': { type: 'string', default: '60' },
    chats: { type: 'string' },
    keep: { type: 'string' },
    'skip-baselines': { type: 'boolean', default: false },
    'baseline-seconds': { type: 'string', default: '600' },
  },
});
const sizes = (values.articles as string)
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const log = (line: string) => process.stderr.write(`${line}\n`);
const results: Record<string, unknown>[] = [];

log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
log('index: seeds…');
results.push(benchSeeds());
for (const size of sizes) {
  log(`index: synthetic ${size}…`);
  // The baselines at up to 100 000 articles (the plain MiniSearch stops at its time limit there).
  const baselines = !values['skip-baselines'] && size <= 100_000;
  results.push(
    await benchSynthetic(size, log, {
      keepDir: values.keep ? `${values.keep}/${size}` : undefined,
      baselines,
      baselineSeconds: Number(values['baseline-seconds']),
    }),
  );
}
if (!values['skip-update']) {
  const { benchUpdate } = await import('./update-bench.ts');
  for (const size of sizes) {
    log(`incremental update: synthetic ${size} as page files…`);
    results.push(await benchUpdate(size, log, values.keep ? `${values.keep}/update-${size}` : undefined));
  }
}
const withPostgres = !values['skip-postgres'] && postgresUnavailable() === undefined;
if (withPostgres) {
  const { benchPostgres } = await import('./postgres-bench.ts');
  for (const size of sizes) {
    log(`PostgreSQL beside SQLite: synthetic ${size} as page files…`);
    results.push(await benchPostgres(size, log, { keep: values.keep ? `${values.keep}/postgres-${size}` : undefined }));
  }
}
if (!values['skip-bot'] && existsSync(new URL('./bot-latency.ts', import.meta.url))) {
  log('bot latency…');
  const { benchBotLatency } = await import('./bot-latency.ts');
  results.push({ corpus: 'bot latency', ...(await benchBotLatency({ queries: 200 })) });
}
if (!values['skip-digest'] && existsSync(new URL('./digest-delivery.ts', import.meta.url))) {
  log('digest delivery…');
  const { benchDigestDelivery } = await import('./digest-delivery.ts');
  results.push({ corpus: 'digest delivery', ...(await benchDigestDelivery({ chats: values.chats ? Number(values.chats) : 10_000 })) });
}
if (!values['skip-digest'] && withPostgres) {
  log('digest delivery from two instances on PostgreSQL…');
  const { benchDigestTwoInstances } = await import('./digest-two-instances.ts');
  results.push({
    corpus: 'digest delivery, two instances (PostgreSQL)',
    ...(await benchDigestTwoInstances({ chats: values.chats ? Number(values.chats) : 10_000 })),
  });
}
if (!values['skip-soak']) {
  log('soak under a 429 storm…');
  const { benchSoak } = await import('./soak.ts');
  results.push({
    corpus: 'soak (429 storm on one chat)',
    ...(await benchSoak({ users: Number(values['soak-users']), seconds: Number(values['soak-seconds']) })),
  });
}
for (const row of results) console.log(JSON.stringify(row));
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ machine: { cores: cpus().length, node: process.version }, results }, null, 2)}\n`,
);
