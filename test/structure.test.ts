/**
 * The code's shape, as DEVELOPERS.md and the guide describe it: the stages' folders import one
 * way (a later stage imports an earlier one, never the reverse), bot/ and digest/ never import each
 * other, and no source file grows past what a newcomer can read in one sitting. A helper or a late
 * fix that breaks the shape fails here, where the reason is written down, and not in a review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/**
 * Each stage's rank in the data flow. A file may import its own stage and any stage of a lower
 * rank. `shared` is config.ts and log.ts at the top of src/, which everything may use; `entry` is
 * the processes' entry points (main.ts, cli.ts), which may use everything.
 */
const RANK: Record<string, number> = {
  shared: 0,
  pages: 1,
  regions: 2,
  search: 3,
  ingest: 4,
  telegram: 4,
  trend: 4,
  bot: 5,
  digest: 5,
  cli: 5,
  app: 6,
  entry: 7,
};

const ENTRY_POINTS = new Set(['main.ts', 'cli.ts']);
/** Longest source file, in lines: split by concept before this. */
const MAX_LINES = 350;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The stage a file under src/ belongs to. */
function stageOf(path: string): string {
  const [first, ...rest] = relative(SRC, path).split(sep);
  if (rest.length > 0) return first;
  return ENTRY_POINTS.has(first) ? 'entry' : 'shared';
}

/** The src/ files a file imports by relative path (static, dynamic and type-only imports alike). */
function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]);
  return targets.map((target) => normalize(join(dirname(path), target)));
}

const files = sourceFiles(SRC);

describe('the shape of src/', () => {
  it('knows the stage of every folder', () => {
    const unknown = [...new Set(files.map(stageOf))].filter((stage) => !(stage in RANK));
    expect(unknown).toEqual([]);
  });

  it('imports point one way: a stage never imports a later one', () => {
    const backwards = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(SRC))
        .filter((target) => {
          const [from, to] = [stageOf(file), stageOf(target)];
          return from !== to && RANK[to] >= RANK[from];
        })
        .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
    );
    expect(backwards).toEqual([]);
  });

  it(`keeps every source file at ${MAX_LINES} lines or fewer`, () => {
    const long = files
      .map((file) => ({ file: relative(SRC, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
