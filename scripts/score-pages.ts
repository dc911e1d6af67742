/**
 * Prints the splitter's scores on the labelled page sets (seeds, layout fixtures dev and held-out),
 * and with --search what readers get from them (keyword search, region lookup, tagging).
 * Usage: node bin/run-ts.mjs scripts/score-pages.ts [--verbose] [--search] [SET…]   (SET: seeds, dev, heldout)
 */
import { existsSync } from 'node:fs';
import { describeScore, scorePages } from '../test/support/labelled-pages.ts';
import { scoreSearch } from '../test/support/search-score.ts';

const verbose = process.argv.includes('--verbose');
const search = process.argv.includes('--search');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const sets: Record<string, [string, string, string]> = {
  seeds: ['test/fixtures/seed-articles.json', 'seeds', ''],
  dev: ['test/fixtures/layouts/labels.json', 'test/fixtures/layouts', 'dev/'],
  heldout: ['test/fixtures/layouts/labels.json', 'test/fixtures/layouts', 'heldout/'],
};
for (const [name, [labels, root, prefix]] of Object.entries(sets)) {
  if ((wanted.length > 0 && !wanted.includes(name)) || !existsSync(labels)) continue;
  const score = scorePages(labels, root, (file) => file.startsWith(prefix));
  console.log(describeScore(name, score));
  if (verbose) {
    for (const line of score.missed) console.log(`  missed   ${line}`);
    for (const line of score.spurious) console.log(`  spurious ${line}`);
  }
  if (search && prefix) {
    const found = await scoreSearch(labels, `${root}/${prefix}`, prefix);
    console.log(`${name}: search top-1 ${pct(found.top1)}, recall@10 ${pct(found.recall)} (${found.queries} queries); ` +
      `region lookup top-1 ${pct(found.regionTop1)} (${found.regionQueries} places); most specific region ${pct(found.mostSpecific)}`);
    if (verbose) for (const line of found.misses) console.log(`  ${line}`);
  }
}
