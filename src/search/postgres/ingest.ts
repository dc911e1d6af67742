/**
 * Writing prepared articles into PostgreSQL, by page file: the pages folder is compared with the
 * per-file state in `page_files` (size, modification time, content hash, as ../update.ts does for
 * SQLite); only added and changed files are read and prepared, and a changed or removed file
 * touches only its own articles (and the order keys of its day, see ./migrations.ts). Ids are
 * the pipeline's stable ids; first-seen times are recorded once and never moved.
 *
 * Atomicity: files are written in batched transactions of whole files (a reader never sees half
 * a page); one ingest at a time (a session advisory lock: a second one waits, then finds little
 * left to do). A crash between batches leaves the finished files recorded and the rest to the
 * next run. When the code that turns pages into articles changes, every file is read again.
 */
import type pg from 'pg';
import type { Article } from '../../pages/article.ts';
import { byFileName, dayBase, type FileState, slotRowid } from '../snapshot.ts';
import { type FileStat, fingerprintOf, type LogSink, pipelineFingerprint, readPageFile, scanPages } from '../page-files.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { LOCKS } from './pool.ts';
import { gramsVector, wordsVector } from './tsvector.ts';

export interface IngestOptions {
  pagesDir: string;
  /** Read every page again even when nothing changed. */
  full?: boolean;
  /** The clock for first-seen times (epoch ms). */
  now?: () => number;
  logger?: LogSink;
  /** Articles per transaction, roughly (a file is never split). Default 500. */
  batchArticles?: number;
}

export interface IngestResult {
  mode: 'full' | 'incremental' | 'unchanged';
  reason?: string;
  /** Ids new to the index, oldest first. */
  added: string[];
  removed: string[];
  /** Page files added, changed or removed (relative to the pages folder). */
  changedFiles: string[];
  articles: number;
}

interface ChangedFile {
  state: FileState;
  articles: Article[];
}

const silent: LogSink = { info: () => {}, warn: () => {} };

/** Bump when what ./tsvector.ts stores changes meaning: every page is then read again. */
const VECTOR_VERSION = 1;

/** What the stored articles were made by: the page pipeline, the schema and the vectors. */
export function storedPipeline(): string {
  return `${pipelineFingerprint()} schema ${SCHEMA_VERSION} vectors ${VECTOR_VERSION}`;
}

async function stateValue(client: pg.ClientBase, key: string): Promise<string | undefined> {
  const { rows } = await client.query<{ value: string }>('SELECT value FROM index_state WHERE key = $1', [key]);
  return rows[0]?.value;
}

async function setState(client: pg.ClientBase, values: Record<string, string>): Promise<void> {
  await client.query(
    `INSERT INTO index_state (key, value) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [Object.keys(values), Object.values(values)],
  );
}

async function knownFiles(client: pg.ClientBase): Promise<Map<string, FileState>> {
  const { rows } = await client.query<FileState>(
    'SELECT file, size::float8 AS size, mtime::float8 AS mtime, hash, date, articles FROM page_files',
  );
  return new Map(rows.map((row) => [row.file, row]));
}

/** A transaction on a client the caller holds (the ingest lock lives on it). */
async function transaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** The row of one article, as jsonb_to_recordset reads it (seq is set by renumberDays). */
function articleRow(article: Article, position: number) {
  return {
    id: article.id,
    seq: 0,
    file: article.file,
    position,
    date: article.date,
    kind: article.kind,
    title: article.title,
    summary: article.summary,
    regions: [...new Set(article.regions)],
    author_keys: article.authors.map((a) => a.replace(/\s+/g, '')),
    record: article,
    words: wordsVector(article),
    grams: gramsVector(article),
  };
}

/**
 * Gives the articles of these days their order keys: pages in file-name order, articles in page
 * order, as the SQLite snapshot numbers its rowids. Only keys that change are written.
 */
async function renumberDays(client: pg.ClientBase, days: Set<string>): Promise<void> {
  if (days.size === 0) return;
  const { rows } = await client.query<{ id: string; file: string; position: number; seq: string; date: string }>(
    'SELECT id, file, position, seq, date FROM articles WHERE date = ANY($1)',
    [[...days]],
  );
  const byDay = new Map<string, typeof rows>();
  for (const row of rows) byDay.set(row.date, [...(byDay.get(row.date) ?? []), row]);
  const ids: string[] = [];
  const seqs: number[] = [];
  for (const [date, list] of byDay) {
    list.sort((a, b) => byFileName(a.file, b.file) || a.position - b.position);
    list.forEach((row, i) => {
      const seq = slotRowid(dayBase(date), i);
      if (Number(row.seq) !== seq) {
        ids.push(row.id);
        seqs.push(seq);
      }
    });
  }
  if (ids.length === 0) return;
  await client.query('UPDATE articles a SET seq = v.seq FROM unnest($1::text[], $2::bigint[]) AS v(id, seq) WHERE a.id = v.id', [
    ids,
    seqs,
  ]);
}

/** Replaces the articles of these files (and drops those of removed files) in the caller's transaction. */
async function applyBatch(
  client: pg.ClientBase,
  files: ChangedFile[],
  removedFiles: string[],
  now: number,
): Promise<{ oldIds: string[]; newIds: string[] }> {
  const names = [...files.map((f) => f.state.file), ...removedFiles];
  const { rows: old } = await client.query<{ id: string; date: string }>('SELECT id, date FROM articles WHERE file = ANY($1)', [names]);
  await client.query('DELETE FROM articles WHERE file = ANY($1)', [names]);
  await client.query('DELETE FROM page_files WHERE file = ANY($1)', [removedFiles]);
  const rows = files.flatMap((f) => f.articles.map((article, position) => articleRow(article, position)));
  if (rows.length > 0) {
    await client.query(
      `INSERT INTO articles (id, seq, file, position, date, kind, title, summary, regions, author_keys, record, words, grams)
       SELECT id, seq, file, position, date, kind, title, summary, regions, author_keys, record, words::tsvector, grams::tsvector
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, seq bigint, file text, position integer, date text, kind text, title text,
         summary text, regions text[], author_keys text[], record jsonb, words text, grams text)`,
      [JSON.stringify(rows)],
    );
    await client.query('INSERT INTO article_seen (id, first_seen) SELECT unnest($1::text[]), $2 ON CONFLICT (id) DO NOTHING', [
      rows.map((r) => r.id),
      now,
    ]);
  }
  await saveFileStates(
    client,
    files.map((f) => f.state),
  );
  await renumberDays(client, new Set([...old.map((r) => r.date), ...rows.map((r) => r.date)]));
  return { oldIds: old.map((r) => r.id), newIds: rows.map((r) => r.id) };
}

async function saveFileStates(client: pg.ClientBase, states: FileState[]): Promise<void> {
  if (states.length === 0) return;
  await client.query(
    `INSERT INTO page_files (file, size, mtime, hash, date, articles)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(file text, size bigint, mtime bigint, hash text, date text, articles integer)
     ON CONFLICT (file) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, hash = excluded.hash, date = excluded.date, articles = excluded.articles`,
    [JSON.stringify(states)],
  );
}

/** Groups files into batches of about `size` articles, whole files each. */
function batches(files: ChangedFile[], size: number): ChangedFile[][] {
  const out: ChangedFile[][] = [];
  let current: ChangedFile[] = [];
  let count = 0;
  for (const file of files) {
    current.push(file);
    count += file.articles.length;
    if (count >= size) {
      out.push(current);
      current = [];
      count = 0;
    }
  }
  if (current.length > 0 || out.length === 0) out.push(current);
  return out;
}

/** Compares the folder with the stored file states: what to re-read, what was only touched. */
function plan(pagesDir: string, stats: FileStat[], known: Map<string, FileState>, full: boolean, logger: LogSink) {
  const onDisk = new Set(stats.map((s) => s.file));
  const removedFiles = [...known.keys()].filter((file) => !onDisk.has(file));
  const touched: FileState[] = [];
  const changed: ChangedFile[] = [];
  for (const stat of stats) {
    const old = known.get(stat.file);
    if (!full && old && old.size === stat.size && old.mtime === stat.mtime) continue;
    const { state, articles } = readPageFile(pagesDir, stat, logger, full ? undefined : old);
    if (articles) changed.push({ state, articles });
    else touched.push(state);
  }
  return { removedFiles, touched, changed };
}

/**
 * Brings the articles in PostgreSQL up to date with the page files (see the top of this file).
 * The pool must have been through `connect` (./pool.ts), which creates the schema.
 */
export async function ingestPages(pool: pg.Pool, options: IngestOptions): Promise<IngestResult> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCKS.ingest]);
    try {
      return await ingestLocked(client, options);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.ingest]);
    }
  } finally {
    client.release();
  }
}

async function ingestLocked(client: pg.ClientBase, options: IngestOptions): Promise<IngestResult> {
  const logger = options.logger ?? silent;
  const pipeline = storedPipeline();
  const storedBy = await stateValue(client, 'pipeline');
  const reason = options.full
    ? 'asked for a full ingest'
    : storedBy === undefined
      ? 'the database holds no articles yet'
      : storedBy !== pipeline
        ? 'the code that reads the pages changed since the last ingest'
        : undefined;
  const stats = scanPages(options.pagesDir);
  const fingerprint = fingerprintOf(stats);
  const known = await knownFiles(client);
  // An unmounted or emptied folder must not read as "every page was removed".
  if (stats.length === 0 && known.size > 0)
    throw new Error(`${options.pagesDir} holds no page files; the ${known.size} page files ingested before are kept`);
  const { removedFiles, touched, changed } = plan(options.pagesDir, stats, known, reason !== undefined, logger);
  const count = async () => Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM articles')).rows[0].n);
  if (changed.length === 0 && removedFiles.length === 0 && reason === undefined) {
    if (touched.length > 0 || (await stateValue(client, 'fingerprint')) !== fingerprint) {
      await transaction(client, async () => {
        await saveFileStates(client, touched);
        await setState(client, { fingerprint });
      });
    }
    return { mode: 'unchanged', added: [], removed: [], changedFiles: [], articles: await count() };
  }
  const now = (options.now ?? Date.now)();
  const oldIds = new Set<string>();
  const newIds = new Set<string>();
  for (const [i, batch] of batches(changed, options.batchArticles ?? 500).entries()) {
    const done = await transaction(client, () => applyBatch(client, batch, i === 0 ? removedFiles : [], now));
    for (const id of done.oldIds) oldIds.add(id);
    for (const id of done.newIds) newIds.add(id);
  }
  await transaction(client, async () => {
    await saveFileStates(client, touched);
    await setState(client, { fingerprint, pipeline, builtAt: new Date(now).toISOString() });
  });
  // Planner statistics (how many articles hold a word) after a bulk load; autovacuum keeps them
  // current through the small incremental changes.
  if (reason !== undefined) await client.query('ANALYZE articles');
  const { rows } = await client.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1) ORDER BY seq', [
    [...newIds].filter((id) => !oldIds.has(id)),
  ]);
  const result: IngestResult = {
    mode: reason === undefined ? 'incremental' : 'full',
    ...(reason ? { reason } : {}),
    added: rows.map((r) => r.id),
    removed: [...oldIds].filter((id) => !newIds.has(id)),
    changedFiles: [...changed.map((c) => c.state.file), ...removedFiles].sort(),
    articles: await count(),
  };
  logger.info(
    `PostgreSQL ingest (${result.mode}): ${result.added.length} articles added, ${result.removed.length} removed, from ${result.changedFiles.length} page files (${result.articles} articles)`,
  );
  return result;
}
