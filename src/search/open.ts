/**
 * Building the index from the page files and opening it at start-up. The snapshot carries a
 * fingerprint of the pages (and of the code that turns pages into articles); when it is missing,
 * of an older format, stale or corrupt, it is rebuilt, with one log line saying why.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../pages/article.ts';
import { listPageFiles, type PageWarning, readPage, readPages } from '../pages/read.ts';
import { IndexError, readMeta, SnapshotIndex } from './article-index.ts';
import type { ArticleIndex } from './engine.ts';
import { prepareArticles } from './prepare.ts';
import { FORMAT_VERSION, type SnapshotMeta, writeSnapshot } from './snapshot.ts';

/** The subset of a logger this module needs (a pino logger fits). */
export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
}

/** The pages produced no article at all. */
export class NoArticlesError extends Error {
  constructor(readonly pagesDir: string) {
    super(`no articles found in ${pagesDir}: put newspaper page files (*.txt) there, or set PAGES_DIR`);
    this.name = 'NoArticlesError';
  }
}

/**
 * The index is broken and being rebuilt: searches cannot be answered for a moment. Thrown by the
 * healing index (../digest/refresh.ts) instead of the underlying error; the bot answers it with
 * "暂时无法搜索，正在重建索引".
 */
export class IndexUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`the index is being rebuilt: ${reason}`);
    this.name = 'IndexUnavailableError';
  }
}

export interface IndexLocation {
  pagesDir: string;
  dataDir: string;
  logger?: LogSink;
}

const silent: LogSink = { info: () => {}, warn: () => {} };

/** Where the snapshot lives. */
export function indexDirOf(dataDir: string): string {
  return join(dataDir, 'index');
}

const SOURCE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** The code whose output the snapshot stores: a change to it makes the snapshot stale. */
const PIPELINE_FOLDERS = ['pages', 'regions', 'search'];

let pipelineHash: string | undefined;
function pipelineFingerprint(): string {
  if (!pipelineHash) {
    const hash = createHash('sha256');
    for (const folder of PIPELINE_FOLDERS) {
      const dir = join(SOURCE_ROOT, folder);
      for (const name of readdirSync(dir).sort()) {
        if (name.endsWith('.ts') || name.endsWith('.json')) hash.update(name).update(readFileSync(join(dir, name)));
      }
    }
    pipelineHash = hash.digest('hex');
  }
  return pipelineHash;
}

/**
 * A fingerprint of the pages folder: names, sizes and modification times of every page file, plus
 * the format version and the pipeline's code. Cheap: it never reads the pages themselves.
 */
export function pagesFingerprint(pagesDir: string): string {
  const hash = createHash('sha256').update(`format ${FORMAT_VERSION}\n${pipelineFingerprint()}\n`);
  for (const file of listPageFiles(pagesDir)) {
    const stat = statSync(join(pagesDir, file));
    hash.update(`${file}\t${stat.size}\t${Math.floor(stat.mtimeMs)}\n`);
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * Reads, splits and prepares the pages (all of them, or the given files: paths relative to
 * `pagesDir` or anywhere else); bad files are skipped with a warning naming them.
 */
export function collectArticles(pagesDir: string, logger: LogSink = silent, files?: string[]): Article[] {
  const warn = (w: PageWarning) => logger.warn(`skipped page file ${w.file}: ${w.reason}`);
  if (!files) return readPages(pagesDir, warn).flatMap(prepareArticles);
  return files.flatMap((file) => {
    const path = existsSync(file) ? resolve(file) : resolve(pagesDir, file);
    const page = readPage(dirname(path), basename(path));
    if ('text' in page) return prepareArticles(page);
    warn({ file, reason: page.reason });
    return [];
  });
}

/** Builds the snapshot from the pages. Throws NoArticlesError when there is nothing to index. */
export function buildIndex({ pagesDir, dataDir, logger = silent }: IndexLocation): SnapshotMeta {
  const fingerprint = pagesFingerprint(pagesDir);
  const articles = collectArticles(pagesDir, logger);
  if (articles.length === 0) throw new NoArticlesError(pagesDir);
  const meta = writeSnapshot(indexDirOf(dataDir), articles, fingerprint);
  logger.info(`index built: ${meta.articles} articles from ${pagesDir}`);
  return meta;
}

/** Why the snapshot needs rebuilding, or undefined when it is current. */
export function staleReason(location: IndexLocation): string | undefined {
  try {
    const meta = readMeta(indexDirOf(location.dataDir));
    if (meta.fingerprint !== pagesFingerprint(location.pagesDir)) return 'the page files (or the code that reads them) changed since it was built';
    return undefined;
  } catch (error) {
    if (error instanceof IndexError) return error.reason === 'missing' ? 'there is no index yet' : error.message;
    throw error;
  }
}

/**
 * Opens the index, rebuilding it first when it is missing, old, stale or corrupt (one log line says
 * why). Throws NoArticlesError when a rebuild finds no article, and IndexError if a freshly built
 * snapshot still cannot be read.
 */
export async function openIndex(location: IndexLocation): Promise<ArticleIndex> {
  const logger = location.logger ?? silent;
  const indexDir = indexDirOf(location.dataDir);
  const reason = staleReason(location);
  if (reason === undefined) {
    try {
      return loadChecked(indexDir);
    } catch (error) {
      if (!(error instanceof IndexError)) throw error;
      logger.warn(`rebuilding the index: ${error.message}`);
    }
  } else {
    logger.info(`building the index: ${reason}`);
  }
  buildIndex(location);
  return loadChecked(indexDir);
}

/**
 * Loads the snapshot and reads a little of everything start-up reads (every id, the newest records,
 * the region counts, the full-text table), so that damage there is an IndexError — and a rebuild —
 * rather than a "database disk image is malformed" or a JSON SyntaxError escaping from start-up.
 * Damage elsewhere is found by the first query that touches it, and healed then.
 */
export function loadChecked(indexDir: string): SnapshotIndex {
  const index = SnapshotIndex.load(indexDir);
  try {
    index.check();
    return index;
  } catch (error) {
    index.close();
    const message = error instanceof Error ? error.message : String(error);
    throw new IndexError('corrupt', `index at ${indexDir} is damaged (${message.split('\n')[0].slice(0, 120)})`);
  }
}
