/**
 * Upgrading a snapshot in place when its format moved by a change that needs no page re-read.
 * Format 4 → 5 only added the partial index `articles_fragments`: SQLite builds it from the rows
 * already there in a second or two at 100 000 articles, where a full rebuild takes most of ten
 * minutes on two cores, and a deployed archive should not pay that for an index. Older formats,
 * and any failure here, are left to the full rebuild that readMeta's 'old-format' leads to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FORMAT_VERSION, FRAGMENTS_INDEX, writeFileAtomic } from './snapshot.ts';
import type { LogSink } from './page-files.ts';

/** The last format this code can bring up to FORMAT_VERSION without rebuilding. */
const UPGRADABLE_FROM = 4;

/** Brings a format-4 snapshot to the current format; true when it did. Never throws. */
export function upgradeInPlace(indexDir: string, logger: LogSink): boolean {
  const metaFile = join(indexDir, 'meta.json');
  const dbFile = join(indexDir, 'articles.db');
  if (FORMAT_VERSION !== UPGRADABLE_FROM + 1 || !existsSync(metaFile) || !existsSync(dbFile)) return false;
  try {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { formatVersion?: unknown };
    if (meta.formatVersion !== UPGRADABLE_FROM) return false;
    const db = new Database(dbFile, { fileMustExist: true });
    try {
      db.exec(FRAGMENTS_INDEX);
    } finally {
      db.close();
    }
    // meta.json last: until it says 5, a crash leaves a format-4 snapshot with a harmless extra index.
    writeFileAtomic(metaFile, JSON.stringify({ ...meta, formatVersion: FORMAT_VERSION }, null, 2));
    logger.info(`index upgraded in place from format ${UPGRADABLE_FROM} to ${FORMAT_VERSION}`);
    return true;
  } catch (error) {
    logger.warn(`could not upgrade the index in place (${error instanceof Error ? error.message : String(error)}); it will be rebuilt`);
    return false;
  }
}
