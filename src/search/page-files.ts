/**
 * The pages folder as the index sees it: which page files there are (names, sizes, times), a cheap
 * fingerprint of them and of the pipeline code, and reading one file into prepared articles with
 * the state an update compares against next time.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../pages/article.ts';
import { listPageFiles, readPage } from '../pages/read.ts';
import { prepareArticles } from './prepare.ts';
import { type FileState, FORMAT_VERSION } from './snapshot.ts';

/** The subset of a logger this module needs (a pino logger fits). */
export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
}

const SOURCE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** The code whose output the snapshot stores: a change to it makes the snapshot stale. */
const PIPELINE_FOLDERS = ['pages', 'regions', 'search'];
/**
 * Libraries whose output the snapshot stores too (simplification, segmentation, pinyin). An
 * update deletes full-text rows by re-deriving their tokens, so those must not change unnoticed.
 */
const PIPELINE_PACKAGES = ['opencc-js', 'nodejieba', 'pinyin-pro'];

function packageVersion(name: string): string {
  try {
    return (
      (JSON.parse(readFileSync(join(SOURCE_ROOT, '..', 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ??
      '?'
    );
  } catch {
    return '?';
  }
}

let pipelineHash: string | undefined;
/** Fingerprint of the snapshot format and the code that turns pages into articles. */
export function pipelineFingerprint(): string {
  if (!pipelineHash) {
    // NFKC normalisation follows the runtime's Unicode tables.
    const hash = createHash('sha256').update(`format ${FORMAT_VERSION}\nunicode ${process.versions.unicode}\n`);
    for (const name of PIPELINE_PACKAGES) hash.update(`${name} ${packageVersion(name)}\n`);
    for (const folder of PIPELINE_FOLDERS) {
      const dir = join(SOURCE_ROOT, folder);
      for (const name of readdirSync(dir).sort()) {
        if (name.endsWith('.ts') || name.endsWith('.json')) hash.update(name).update(readFileSync(join(dir, name)));
      }
    }
    pipelineHash = hash.digest('hex').slice(0, 32);
  }
  return pipelineHash;
}

/** A page file as listed: what the cheap comparison looks at. */
export interface FileStat {
  file: string;
  size: number;
  mtime: number;
}

/** Every page file under `pagesDir` with its size and modification time (never its content). */
export function scanPages(pagesDir: string): FileStat[] {
  return listPageFiles(pagesDir).flatMap((file) => {
    try {
      const stat = statSync(join(pagesDir, file));
      return [{ file, size: stat.size, mtime: Math.floor(stat.mtimeMs) }];
    } catch {
      return []; // removed between listing and stat
    }
  });
}

/** Fingerprint of a list of page files (names, sizes, times) and of the pipeline. */
export function fingerprintOf(stats: FileStat[]): string {
  const hash = createHash('sha256').update(`${pipelineFingerprint()}\n`);
  for (const { file, size, mtime } of stats) hash.update(`${file}\t${size}\t${mtime}\n`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * A fingerprint of the pages folder: names, sizes and modification times of every page file, plus
 * the format version and the pipeline's code. Cheap: it never reads the pages themselves. Equal to
 * the snapshot's when the snapshot's per-file state matches the folder.
 */
export function pagesFingerprint(pagesDir: string): string {
  return fingerprintOf(scanPages(pagesDir));
}

/**
 * Reads one page file: its content hash, date and (unless `known` shows the same content and
 * date, i.e. the file was only touched) its prepared articles. Unreadable files get a state with
 * no articles and a warning, so they are not re-read until they change.
 */
export function readPageFile(
  pagesDir: string,
  stat: FileStat,
  logger: LogSink,
  known?: FileState,
): { state: FileState; articles?: Article[] } {
  let hash = '';
  try {
    hash = createHash('sha256')
      .update(readFileSync(join(pagesDir, stat.file)))
      .digest('hex');
  } catch {
    // readPage below reports why.
  }
  const page = readPage(pagesDir, stat.file);
  if (!('text' in page)) {
    if (!known || known.hash !== hash) logger.warn(`skipped page file ${stat.file}: ${page.reason}`);
    return { state: { ...stat, hash, date: null, articles: 0 }, articles: known?.articles === 0 && known.hash === hash ? undefined : [] };
  }
  // Same bytes and same date (a date can come from the file's time): the stored articles stand.
  if (known && known.hash === hash && known.date === page.date) return { state: { ...known, size: stat.size, mtime: stat.mtime } };
  const articles = prepareArticles(page);
  return { state: { ...stat, hash, date: page.date, articles: articles.length }, articles };
}
