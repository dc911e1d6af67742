/**
 * compact-delta.json: the compact index's changes since compact.json was written, so that an
 * update writes only its own articles. Rewriting compact.json on every update cost most of an
 * update at 100 000 articles (parse and load 1.5 s, serialise and write 2.2 s); the delta holds
 * the documents removed from compact.json and those added since, already tokenized, and a reader
 * applies it right after loading compact.json (no segmenter needed; see MAX_DELTA_DOCUMENTS for
 * what that costs).
 * When the delta outgrows MAX_DELTA_DOCUMENTS, the update folds it into a new compact.json.
 *
 * Both files carry generations: compact.json the one it was written at (`base` in the delta), the
 * delta the snapshot's current one (that of articles.db and meta.json). A delta whose base is not
 * compact.json's generation means a crash between their writes: the snapshot is rebuilt.
 */
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type CompactIndex, type CompactSink, compactJson, parseCompact, parseCompactAsync, type TokenizedDocument } from './compact.ts';

export const COMPACT_FILE = 'compact.json';
export const DELTA_FILE = 'compact-delta.json';

/**
 * Documents a delta may hold before an update folds it into compact.json. Applying a document to
 * a loaded 100 000-article index costs 2.4–3 ms (measured on the busy 2-core machine: MiniSearch's
 * radix tree scans about 1 400 Chinese children under its root for every token), so 1 000 add at
 * most 2.5–3 s to a load, and a fold (the old cost of every update, 4–7 s) happens about once
 * every 100 pages.
 */
export const MAX_DELTA_DOCUMENTS = 1000;

/** The delta file's content. */
export interface DeltaFile {
  /** Generation of the compact.json this delta applies to. */
  base: number;
  /** The snapshot's generation after the delta is applied. */
  generation: number;
  /** Documents of compact.json no longer in the index (the tokens they were indexed with). */
  removed: TokenizedDocument[];
  /** Documents added since compact.json was written. */
  added: TokenizedDocument[];
}

/** The delta or compact.json cannot be read, or they disagree. */
export class CompactDeltaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompactDeltaError';
  }
}

/** Reads the delta file of a snapshot; throws CompactDeltaError when it is missing or damaged. */
export function readDelta(indexDir: string): DeltaFile {
  const path = join(indexDir, DELTA_FILE);
  let delta: Partial<DeltaFile>;
  try {
    delta = JSON.parse(readFileSync(path, 'utf8')) as Partial<DeltaFile>;
  } catch (error) {
    throw new CompactDeltaError(`index file ${path} is corrupt or missing (${(error as Error).message.slice(0, 80)})`);
  }
  if (
    typeof delta?.base !== 'number' ||
    typeof delta.generation !== 'number' ||
    !Array.isArray(delta.removed) ||
    !Array.isArray(delta.added)
  ) {
    throw new CompactDeltaError(`index file ${path} is corrupt (not a delta)`);
  }
  return delta as DeltaFile;
}

/**
 * The generation compact.json was written at, read from the end of the file (compactJson writes
 * it last), so that an update can check it without parsing tens of megabytes.
 */
export function compactGeneration(indexDir: string): number | undefined {
  const path = join(indexDir, COMPACT_FILE);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = statSync(path).size;
    const tail = Buffer.alloc(Math.min(64, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const match = /"generation":(\d+)\}\s*$/.exec(tail.toString('latin1'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined; // missing or unreadable: the caller reports a disagreement
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The changes against compact.json, as an update records them: a CompactSink that never loads
 * the MiniSearch index itself. Removing a document added since compact.json cancels it out.
 */
export class CompactDelta implements CompactSink {
  private readonly removed = new Map<number, TokenizedDocument>();
  private readonly added = new Map<number, TokenizedDocument>();

  constructor(
    readonly base: number,
    file?: DeltaFile,
  ) {
    for (const document of file?.removed ?? []) this.removed.set(document.rowid, document);
    for (const document of file?.added ?? []) this.added.set(document.rowid, document);
  }

  add(document: TokenizedDocument): void {
    this.added.set(document.rowid, document);
  }

  remove(document: TokenizedDocument): void {
    if (!this.added.delete(document.rowid)) this.removed.set(document.rowid, document);
  }

  /** Documents the delta holds (what applying it costs). */
  get size(): number {
    return this.removed.size + this.added.size;
  }

  /** Applies the changes to the compact.json they were recorded against. */
  applyTo(compact: CompactIndex): void {
    // Removals first: a slot emptied and filled again holds its new document at the end.
    for (const document of this.removed.values()) compact.remove(document);
    for (const document of this.added.values()) compact.add(document);
  }

  /** {@link applyTo} in slices of `slice` documents, the event loop free between them (2–3 ms a document). */
  async applyInSlices(compact: CompactIndex, slice = 25): Promise<void> {
    let done = 0;
    for (const [documents, change] of [
      [this.removed, 'remove'],
      [this.added, 'add'],
    ] as const) {
      for (const document of documents.values()) {
        compact[change](document);
        if (++done % slice === 0) await nextTurn();
      }
    }
  }

  toFile(generation: number): DeltaFile {
    return { base: this.base, generation, removed: [...this.removed.values()], added: [...this.added.values()] };
  }
}

/** A file written beside its final path, renamed into place once the database has committed. */
export interface StagedFile {
  temporary: string;
  path: string;
}

/** Writes `content` to a temporary file beside `path`; the caller renames it after its commit. */
export function stageFile(path: string, content: string): StagedFile {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  return { temporary, path };
}

/**
 * Writes the compact files of generation `generation` to temporaries: the delta alone, or, once
 * it holds more than `limit` documents, a new compact.json with the delta folded in and an
 * empty delta. Returns them in the order to rename them (compact.json before its delta).
 */
export function stageCompactFiles(indexDir: string, delta: CompactDelta, generation: number, limit = MAX_DELTA_DOCUMENTS): StagedFile[] {
  if (delta.size <= limit) return [stageFile(join(indexDir, DELTA_FILE), JSON.stringify(delta.toFile(generation)))];
  const { compact } = parseCompact(readFileSync(join(indexDir, COMPACT_FILE), 'utf8'));
  delta.applyTo(compact);
  return [
    stageFile(join(indexDir, COMPACT_FILE), compactJson(compact, generation)),
    stageFile(join(indexDir, DELTA_FILE), JSON.stringify(emptyDelta(generation))),
  ];
}

/** The delta of a snapshot just written in full: nothing to apply. */
export function emptyDelta(generation: number): DeltaFile {
  return { base: generation, generation, removed: [], added: [] };
}

/**
 * Loads compact.json and applies the delta: the compact index as of the snapshot's current
 * generation (returned with it). Throws CompactDeltaError or SyntaxError on damage.
 */
export function loadCompact(indexDir: string): { compact: CompactIndex; generation: number } {
  const file = readDelta(indexDir);
  const { compact, generation } = parseCompact(readFileSync(join(indexDir, COMPACT_FILE), 'utf8'));
  if (generation !== file.base) {
    throw new CompactDeltaError(`index parts disagree (compact.json generation ${generation}, its delta applies to ${file.base})`);
  }
  new CompactDelta(file.base, file).applyTo(compact);
  return { compact, generation: file.generation };
}

/**
 * {@link loadCompact} leaving the event loop free most of the time (a reader serving queries
 * meanwhile): the files are read off the thread and MiniSearch loads in slices; only JSON.parse of
 * compact.json is one piece (about 0.2 s at 100 000 articles).
 */
export async function loadCompactInSlices(indexDir: string): Promise<{ compact: CompactIndex; generation: number }> {
  const file = readDelta(indexDir);
  const { compact, generation } = await parseCompactAsync(await readFile(join(indexDir, COMPACT_FILE), 'utf8'));
  if (generation !== file.base) {
    throw new CompactDeltaError(`index parts disagree (compact.json generation ${generation}, its delta applies to ${file.base})`);
  }
  await new CompactDelta(file.base, file).applyInSlices(compact);
  return { compact, generation: file.generation };
}
