/**
 * Child process of the index benchmark: loads a snapshot as the bot does at start-up, records the
 * time and peak resident memory, then runs the query mix. Prints one JSON line.
 */
import { SnapshotIndex } from '../src/search/article-index.ts';
import { measure } from './query-timing.ts';

const [indexDir, mixFile] = process.argv.slice(2);
let index: SnapshotIndex | undefined;
const figures = await measure(mixFile, () => {
  const loaded = SnapshotIndex.load(indexDir);
  index = loaded;
  return (query) => loaded.search(query, { limit: 5 });
});
await index?.close();
process.stdout.write(`${JSON.stringify(figures)}\n`);
