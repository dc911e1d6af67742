/**
 * Prints the splitter's scores on the labelled page sets (seeds, layout fixtures dev and held-out),
 * and with --search what readers get from them (keyword search, region lookup, tagging).
 * Usage: node bin/run-ts.mjs scripts/score-pages.ts [--verbose] [--search] [--set NAME=LABELS.json:DIR]… [SET…]
 *   SET: seeds, dev, heldout, or a NAME given by --set.
 *   --set scores an external set: LABELS.json (the layouts' labels.json format) keyed by page paths
 *   relative to DIR. Real published pages are scored this way, so they never enter the repository.
 */
import { existsSync } from 'node:fs';
import { describeScore, scorePages } from '../test/support/labelled-pages.ts';
import { scoreSearch } from '../test/support/search-score.ts';

interface PageSet {
  labels: string;
  root: string;
  /** Only the labelled pages whose key starts with this. */
  prefix: string;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const search = args.includes('--search');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const sets: Record<string, PageSet> = {
  seeds: { labels: 'test/fixtures/seed-articles.json', root: 'seeds', prefix: '' },
  dev: { labels: 'test/fixtures/layouts/labels.json', root: 'test/fixtures/layouts', prefix: 'dev/' },
  heldout: { labels: 'test/fixtures/layouts/labels.json', root: 'test/fixtures/layouts', prefix: 'heldout/' },
};
const external = new Set<string>();
const wanted: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? '';
  if (arg === '--set') {
    const spec = /^([^=]+)=(.+):([^:]+)$/.exec(args[++i] ?? '');
    if (!spec) throw new Error('--set wants NAME=LABELS.json:DIR');
    const [, name = '', labels = '', root = ''] = spec;
    sets[name] = { labels, root, prefix: '' };
    external.add(name);
  } else if (!arg.startsWith('--')) wanted.push(arg);
}
// Given external sets and no SET names, score just the external sets.
const chosen = wanted.length > 0 ? wanted : external.size > 0 ? [...external] : Object.keys(sets);

for (const name of chosen) {
  const set = sets[name];
  if (!set) throw new Error(`unknown set ${name}`);
  if (!existsSync(set.labels)) continue;
  const score = scorePages(set.labels, set.root, (file) => file.startsWith(set.prefix));
  console.log(describeScore(name, score));
  if (verbose) {
    for (const line of score.missed) console.log(`  missed   ${line}`);
    for (const line of score.spurious) console.log(`  spurious ${line}`);
    for (const line of score.badSummaries) console.log(`  summary  ${line}`);
  }
  if (search) {
    const found = await scoreSearch(set.labels, set.root, set.prefix);
    const searched =
      found.queries === 0 ? 'no query words' : `search top-1 ${pct(found.top1)}, recall@10 ${pct(found.recall)} (${found.queries} queries)`;
    console.log(
      `${name}: ${searched}; ` +
        `region lookup top-1 ${pct(found.regionTop1)} (${found.regionQueries} places); most specific region ${pct(found.mostSpecific)}`,
    );
    if (verbose) for (const line of found.misses) console.log(`  ${line}`);
  }
}
