/**
 * Reading page files: find every `*.txt` under the pages folder, decode it (UTF-8, UTF-8 with BOM,
 * GB18030/GBK), normalise line endings and date it. A file that cannot be read as text is skipped
 * with a warning naming it; one bad file never stops the build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pageDateOf } from './furniture.ts';

/** One page file, decoded. */
export interface Page {
  /** Path relative to the pages folder, with `/` separators (stable across machines). */
  file: string;
  /** Publication date `YYYY-MM-DD`: the one the page prints, else the file name's, else its modification time. */
  date: string;
  text: string;
}

/** Why a file was skipped. */
export interface PageWarning {
  file: string;
  reason: string;
}

export type DecodeResult = { ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes the bytes of a page file. UTF-8 is tried first (strictly, so GBK bytes are not silently
 * turned into U+FFFD), then GB18030, which is a superset of GBK and GB2312.
 */
export function decodePage(bytes: Uint8Array): DecodeResult {
  let body = bytes;
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) body = bytes.subarray(3);
  if (body.length === 0) return { ok: false, reason: 'empty file' };
  if (looksBinary(body)) return { ok: false, reason: 'binary data, not a text page' };
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(body);
      if (encoding === 'gb18030' && !mostlyChinese(text)) break;
      return { ok: true, text: normaliseText(text), encoding };
    } catch {
      // try the next encoding
    }
  }
  return { ok: false, reason: 'not UTF-8 or GB18030 text' };
}

/** NUL bytes or many control characters: an image, archive or other binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x0c) control++;
  }
  return control > sample.length * 0.05;
}

/**
 * GB18030 decodes almost any byte sequence, so a successful decode proves little: accept it only
 * when the result reads like Chinese text rather than a soup of rare characters.
 */
function mostlyChinese(text: string): boolean {
  const han = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const common = text.match(/[\u4e00-\u9fa5，。、“”：；！？（）\s\w]/g)?.length ?? 0;
  return han > 0 && common / text.length > 0.9;
}

/** CRLF/CR → LF, no trailing spaces, no NBSP or zero-width characters. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\u3000]+$/gm, '');
}

const DATE_IN_NAME = /(?:^|[^\d])((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/;

/** The publication date a file name carries (`2022-11-20_…`, `20221120-…`), or undefined. */
export function dateFromFileName(name: string): string | undefined {
  const match = DATE_IN_NAME.exec(name);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** A date as `YYYY-MM-DD` in China Standard Time, where the newspapers are published. */
export function chinaDate(time: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(time);
}

/** Every `*.txt` file below `dir`, relative paths with `/`, sorted. */
export function listPageFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** Reads one page file; returns a warning instead of throwing when it cannot be used. */
export function readPage(dir: string, file: string): Page | PageWarning {
  const path = join(dir, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { file, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const decoded = decodePage(bytes);
  if (!decoded.ok) return { file, reason: decoded.reason };
  if (decoded.text.trim() === '') return { file, reason: 'no text' };
  // The date the page prints is the articles' date; then a dated file name; the file's time last.
  const date = pageDateOf(decoded.text.split('\n')) ?? dateFromFileName(file.split('/').pop() ?? file) ?? chinaDate(statSync(path).mtime);
  return { file, date, text: decoded.text };
}

/** Reads every page under `dir`. Files that cannot be used are reported through `warn`. */
export function readPages(dir: string, warn: (warning: PageWarning) => void = () => {}): Page[] {
  const pages: Page[] = [];
  for (const file of listPageFiles(dir)) {
    const result = readPage(dir, file);
    if ('text' in result) pages.push(result);
    else warn(result);
  }
  return pages;
}
