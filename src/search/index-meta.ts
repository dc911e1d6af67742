/**
 * The snapshot's meta file (`meta.json`: format version, fingerprints, article count) and the
 * error that says a snapshot cannot be used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_VERSION, type SnapshotMeta } from './snapshot.ts';

/** The snapshot cannot be used; `reason` says why in one line. */
export class IndexError extends Error {
  constructor(
    readonly reason: 'missing' | 'old-format' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'IndexError';
  }
}

/** The snapshot's article ids could not be read (its database is damaged); `cause` says how. */
export class IdsUnreadable extends Error {
  constructor(readonly cause: unknown) {
    super(`the article ids cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'IdsUnreadable';
  }
}

/** Reads the snapshot's meta data, or throws IndexError. */
export function readMeta(indexDir: string): SnapshotMeta {
  const path = join(indexDir, 'meta.json');
  if (!existsSync(path)) throw new IndexError('missing', `no index at ${indexDir}`);
  let meta: SnapshotMeta;
  try {
    meta = JSON.parse(readFileSync(path, 'utf8')) as SnapshotMeta;
  } catch {
    throw new IndexError('corrupt', `index file ${path} is corrupt (not valid JSON)`);
  }
  if (typeof meta !== 'object' || meta === null || typeof meta.formatVersion !== 'number') {
    throw new IndexError('corrupt', `index file ${path} is corrupt (no format version)`);
  }
  if (meta.formatVersion !== FORMAT_VERSION) {
    throw new IndexError('old-format', `index at ${indexDir} has format ${meta.formatVersion}, this version reads ${FORMAT_VERSION}`);
  }
  return meta;
}
