/**
 * Incremental update benchmark: a synthetic archive written as real page files (8 articles a
 * page, `# headline` layout), built once in full through the real pipeline, then: one new page of
 * 10 articles on a new day, one page added inside an existing day (its day is renumbered), one page
 * edited, one removed, one touched, and a no-op check. Each step is timed through `updateIndex`,
 * the function the bot calls. The full build runs in a child process (its peak memory is its own);
 * at the end the bot is started on the snapshot to time start → first answer (./first-answer.ts).
 * Never part of `npm test`.
 *
 * Standalone: `node bin/run-ts.mjs bench/update-bench.ts [--articles 10000] [--keep DIR]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { keywordsOf } from '../src/search/jieba.ts';
import { updateIndex } from '../src/search/update.ts';
import { benchFirstAnswer } from './first-answer.ts';
import { random, type SyntheticArticle, syntheticArticles, syntheticSource } from './synthetic.ts';

function pageText(articles: SyntheticArticle[]): string {
  return articles.map((a) => `# ${a.title}\n${a.body.join('\n')}\n`).join('\n');
}

/**
 * Writes `count` synthetic articles as page files under `pagesDir`, one file at a time (the
 * generator yields them in file order); returns the files and their dates.
 */
export function writePages(pagesDir: string, count: number): { files: string[]; dates: string[] } {
  const files: string[] = [];
  const dates = new Set<string>();
  let page: SyntheticArticle[] = [];
  const flush = () => {
    if (page.length === 0) return;
    writeFileSync(join(pagesDir, page[0].file), pageText(page));
    files.push(page[0].file);
    dates.add(page[0].date);
    page = [];
  };
  for (const article of syntheticArticles(count, syntheticSource())) {
    if (page.length > 0 && page[0].file !== article.file) flush();
    page.push(article);
  }
  flush();
  return { files, dates: [...dates].sort() };
}

/** A fresh page of `n` synthetic articles dated `date` (different text from the archive's). */
export function freshPage(date: string, n: number, seed: number): string {
  const source = syntheticSource();
  const next = random(seed);
  const articles = [...syntheticArticles(n, source)].map((a, i) => ({
    ...a,
    title: `${a.title}（${seed}-${i}）${source.titles[Math.floor(next() * source.titles.length)]}`,
    date,
  }));
  return pageText(articles);
}

interface BuildFigures {
  ms: number;
  peakRssMb: number;
  articles: number;
  files: number;
}

/** A full build in a fresh process (bench/build-child.ts), so its peak memory is its own. */
function fullBuildInChild(pagesDir: string, dataDir: string): BuildFigures {
  const output = execFileSync(process.execPath, ['bin/run-ts.mjs', 'bench/build-child.ts', pagesDir, dataDir], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output.trim().split('\n').pop() as string) as BuildFigures;
}

export async function benchUpdate(
  count: number,
  log: (line: string) => void = () => {},
  keepDir?: string,
): Promise<Record<string, unknown>> {
  const work = keepDir ?? mkdtempSync(join(tmpdir(), `xiangwen-bench-update-${count}-`));
  const pagesDir = join(work, 'pages');
  const dataDir = join(work, 'data');
  mkdirSync(pagesDir, { recursive: true });
  try {
    const { files, dates } = writePages(pagesDir, count);
    log(`  wrote ${files.length} page files`);
    const built = fullBuildInChild(pagesDir, dataDir);
    log(`  full build: ${built.articles} articles in ${built.ms} ms, peak RSS ${built.peakRssMb} MB`);
    // The bot has jieba loaded (it answers queries with it): so has this process before the timings.
    keywordsOf('预热词典');

    // Wall time, and this process's CPU time (the fairer figure when the machine is shared).
    const cpuMs: Record<string, number> = {};
    const timed = async (name: string, change: () => void) => {
      change();
      const at = performance.now();
      const cpu = process.cpuUsage();
      const update = await updateIndex({ pagesDir, dataDir });
      const used = process.cpuUsage(cpu);
      const ms = Math.round(performance.now() - at);
      cpuMs[name] = Math.round((used.user + used.system) / 1000);
      log(`  ${name}: ${ms} ms, CPU ${cpuMs[name]} ms (${update.mode}, +${update.added.length} −${update.removed.length})`);
      return ms;
    };
    const newest = dates[dates.length - 1];
    const nextDay = new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const middle = dates[Math.floor(dates.length / 2)];
    const addNewDayMs = await timed('add a page (10 articles, new day)', () =>
      writeFileSync(join(pagesDir, `${nextDay}_new.txt`), freshPage(nextDay, 10, 1)),
    );
    const addSecondMs = await timed('add another page (10 articles, same new day)', () =>
      writeFileSync(join(pagesDir, `${nextDay}_new2.txt`), freshPage(nextDay, 10, 2)),
    );
    // `_a_` sorts before the day's other files: all of that day's articles move one slot group.
    const addInsideDayMs = await timed('add a page inside an existing day', () =>
      writeFileSync(join(pagesDir, `${middle}_a_inserted.txt`), freshPage(middle, 10, 3)),
    );
    const edited = join(pagesDir, files[Math.floor(files.length / 3)]);
    const editMs = await timed('edit one article of a page', () =>
      writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\n([^#\n])/, '\n（更正）$1')),
    );
    const removeMs = await timed('remove a page', () => unlinkSync(join(pagesDir, files[Math.floor(files.length / 4)])));
    const touched = join(pagesDir, files[Math.floor(files.length / 5)]);
    const touchMs = await timed('touch a page (same content)', () => utimesSync(touched, new Date(), new Date()));
    const noopMs = await timed('no change', () => {});
    // The snapshot now matches the pages: the bot starts on it without building.
    log('  process start → first answer (the bot, both ways of loading jieba)…');
    const firstAnswer = await benchFirstAnswer(pagesDir, dataDir, 2);

    // A second full build of the final pages (`--full`), skipped for large corpora (it takes minutes).
    const full = count <= 20_000 ? fullBuildInChild(pagesDir, dataDir) : undefined;
    const rebuildMs = full?.ms ?? built.ms;
    return {
      corpus: `update ${count}`,
      articles: full?.articles ?? built.articles,
      pageFiles: full?.files ?? built.files,
      fullBuildMs: built.ms,
      fullRebuildMs: full?.ms ?? '–',
      fullBuildPeakRssMb: built.peakRssMb,
      addPageNewDayMs: addNewDayMs,
      addPageSameDayMs: addSecondMs,
      addPageInsideDayMs: addInsideDayMs,
      editPageMs: editMs,
      removePageMs: removeMs,
      touchPageMs: touchMs,
      noChangeMs: noopMs,
      addPageVsRebuild: +(addNewDayMs / rebuildMs).toFixed(4),
      cpuMsPerStep: cpuMs,
      ...firstAnswer,
    };
  } finally {
    if (!keepDir) rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, keep: { type: 'string' } } });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
  for (const size of (values.articles as string).split(',').map(Number)) {
    console.log(JSON.stringify(await benchUpdate(size, log, values.keep ? `${values.keep}/${size}` : undefined)));
  }
}
