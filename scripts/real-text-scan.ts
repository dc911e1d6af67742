/**
 * Finds real text that slipped into the project: every line a change adds under src/, test/ and
 * docs/ is compared with a folder of real published pages (kept outside the repository), and any
 * run of at least MIN Chinese characters the two share is printed with the line. Fixture pages
 * must be invented text in a real layout; this is how a reviewer sees one that kept a real
 * headline, name or sentence. What it finds besides is mostly template furniture the rules must
 * name (a platform's disclaimer, toolbar buttons) and stock phrases of official news; a person
 * judges each hit.
 * Usage: node bin/run-ts.mjs scripts/real-text-scan.ts REAL_PAGES_DIR [BASE_COMMIT] [MIN]
 *   BASE_COMMIT: what the change started from (default HEAD~1); MIN: run length (default 12).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [realDir, base = 'HEAD~1', min = '12'] = process.argv.slice(2);
if (!realDir) {
  console.error('usage: real-text-scan.ts REAL_PAGES_DIR [BASE_COMMIT] [MIN]');
  process.exit(2);
}
const minRun = Number(min);

/** Only the Chinese characters: punctuation, spaces and digits differ between copies of a text. */
const hanOnly = (text: string) => text.replace(/[^\u4e00-\u9fff]/g, '');

function pageTexts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageTexts(path);
    return /\.(txt|json)$/.test(entry.name) ? [hanOnly(readFileSync(path, 'utf8'))] : [];
  });
}

const real = pageTexts(realDir).join('\n');

/** The longest run of `line` (Chinese only) that the real pages hold, if at least `minRun` long. */
function longestShared(line: string): string | undefined {
  const han = hanOnly(line);
  let best = '';
  for (let start = 0; start + minRun <= han.length; start++) {
    let end = start + minRun;
    if (!real.includes(han.slice(start, end))) continue;
    while (end < han.length && real.includes(han.slice(start, end + 1))) end++;
    if (end - start > best.length) best = han.slice(start, end);
    start = end - 1;
  }
  return best || undefined;
}

const diff = execFileSync('git', ['diff', base, '--', 'src', 'test', 'docs'], { encoding: 'utf8', maxBuffer: 1 << 28 });
let file = '';
const hits: { shared: string; file: string; line: string }[] = [];
for (const line of diff.split('\n')) {
  if (line.startsWith('+++ ')) file = line.slice(6);
  else if (line.startsWith('+') && !file.endsWith('hunan-villages.json')) {
    const shared = longestShared(line);
    if (shared) hits.push({ shared, file, line: line.slice(1).trim().slice(0, 120) });
  }
}
hits.sort((a, b) => b.shared.length - a.shared.length);
for (const hit of hits) console.log(`${hit.shared.length} ${hit.file} ${hit.shared} | ${hit.line}`);
console.log(`${hits.length} added line(s) share a run of ${minRun}+ Chinese characters with ${realDir}`);
