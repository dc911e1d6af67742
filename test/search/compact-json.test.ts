/**
 * The full build streams compact.json to disk (writeCompactJson) instead of building its text in
 * memory; the file must be exactly the text compactJson gives, so that readers load the same index.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPACT_FIELDS, compactJson, emptyCompact, type TokenizedDocument, writeCompactJson } from '../../src/search/compact.ts';

const work = mkdtempSync(join(tmpdir(), 'xiangwen-compact-json-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A document whose fields hold invented tokens, many of them unique (thousands of index terms). */
function documentAt(rowid: number): TokenizedDocument {
  const document = { rowid } as TokenizedDocument;
  COMPACT_FIELDS.forEach((field, f) => {
    document[field] = f % 3 === 2 ? [] : [`词${rowid}-${f}`, `共${rowid % 7}`, '"引号"\\斜杠', `县${f}`];
  });
  return document;
}

describe('compact.json streamed to disk', () => {
  it('is byte for byte the text compactJson gives, for an empty index and one of thousands of terms', () => {
    const empty = emptyCompact();
    writeCompactJson(join(work, 'empty.json'), empty, 3);
    expect(readFileSync(join(work, 'empty.json'), 'utf8')).toBe(compactJson(empty, 3));

    const compact = emptyCompact();
    for (let rowid = 1; rowid <= 1500; rowid++) compact.add(documentAt(rowid));
    compact.remove(documentAt(5));
    writeCompactJson(join(work, 'full.json'), compact, 7);
    expect(readFileSync(join(work, 'full.json'), 'utf8')).toBe(compactJson(compact, 7));
  });
});
