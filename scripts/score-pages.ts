/**
 * Prints the splitter's scores on the labelled page sets (seeds, layout fixtures dev and held-out).
 * Usage: node bin/run-ts.mjs scripts/score-pages.ts [--verbose] [SET…]   (SET: seeds, dev, heldout)
 */
import { existsSync } from 'node:fs';
import { describeScore, scorePages } from '../test/support/labelled-pages.ts';

const verbose = process.argv.includes('--verbose');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const sets: Record<string, [string, string, (file: string) => boolean]> = {
  seeds: ['test/fixtures/seed-articles.json', 'seeds', () => true],
  dev: ['test/fixtures/layouts/labels.json', 'test/fixtures/layouts', (f) => f.startsWith('dev/')],
  heldout: ['test/fixtures/layouts/labels.json', 'test/fixtures/layouts', (f) => f.startsWith('heldout/')],
};
for (const [name, [labels, root, include]] of Object.entries(sets)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  if (!existsSync(labels)) continue;
  const score = scorePages(labels, root, include);
  console.log(describeScore(name, score));
  if (verbose) {
    for (const line of score.missed) console.log(`  missed   ${line}`);
    for (const line of score.spurious) console.log(`  spurious ${line}`);
  }
}
