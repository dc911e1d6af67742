/**
 * Reading page files: find every `*.txt` under the pages folder, decode it (UTF-8, UTF-8 with BOM,
 * GB18030/GBK), normalise line endings and date it. A file that cannot be read as text is skipped
 * with a warning naming it; one bad file never stops the build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pageDateOf } from './page-date.ts';

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

export type PageEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
export type DecodeResult = { ok: true; text: string; encoding: PageEncoding } | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes the bytes of a page file:
 * - a byte-order mark decides (UTF-8, UTF-16 LE/BE), and so do the zero bytes of UTF-16 without one;
 * - UTF-8 is tried strictly, so GBK bytes are never silently turned into U+FFFD;
 * - otherwise GB18030 (a superset of GBK and GB2312, the mainland's) and Big5 (Hong Kong and Taiwan
 *   pages, and mirrors of ours) both decode almost any byte soup, so the one whose characters are
 *   the common ones of Chinese text wins.
 */
export function decodePage(bytes: Uint8Array): DecodeResult {
  let body = bytes;
  let encoding: PageEncoding | undefined;
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) [body, encoding] = [bytes.subarray(3), 'utf-8'];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [body, encoding] = [bytes.subarray(2), 'utf-16le'];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [body, encoding] = [bytes.subarray(2), 'utf-16be'];
  else encoding = utf16WithoutMark(bytes);
  if (body.length === 0) return { ok: false, reason: 'empty file' };
  if (encoding?.startsWith('utf-16')) {
    const text = strictDecode(body, encoding);
    return text === undefined
      ? { ok: false, reason: `not valid ${encoding.toUpperCase()} text` }
      : { ok: true, text: normaliseText(text), encoding };
  }
  if (looksBinary(body)) return { ok: false, reason: 'binary data, not a text page' };
  const utf8 = strictDecode(body, 'utf-8');
  if (utf8 !== undefined) return { ok: true, text: normaliseText(utf8), encoding: 'utf-8' };
  let best: { text: string; encoding: PageEncoding; share: number } | undefined;
  for (const candidate of ['gb18030', 'big5'] as const) {
    const text = strictDecode(body, candidate);
    if (text === undefined) continue;
    const share = commonShare(text);
    if (share > (best?.share ?? 0)) best = { text, encoding: candidate, share };
  }
  if (!best || best.share < COMMON_SHARE_MIN || !mostlyText(best.text))
    return { ok: false, reason: 'not UTF-8, UTF-16, GB18030 or Big5 text' };
  return { ok: true, text: normaliseText(best.text), encoding: best.encoding };
}

function strictDecode(bytes: Uint8Array, encoding: PageEncoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a byte-order mark: its line breaks, digits and Latin letters give zero bytes, which
 * UTF-8 and GB18030 text never has. Both byte orders are tried; the one that reads as Chinese wins.
 */
function utf16WithoutMark(bytes: Uint8Array): PageEncoding | undefined {
  const sample = bytes.subarray(0, 8192 - (Math.min(bytes.length, 8192) % 2));
  if (!sample.includes(0)) return undefined;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = strictDecode(sample, encoding);
    if (text !== undefined && commonShare(text) >= COMMON_SHARE_MIN && mostlyText(text)) return encoding;
  }
  return undefined;
}

/** Below this share of common characters a decoding is taken for a wrong guess. */
const COMMON_SHARE_MIN = 0.8;

let commonCharacters: Set<string> | undefined;

/**
 * The common Chinese characters: GB2312's first level (3 755 simplified characters) and Big5's
 * common level (5 401 traditional ones), read from the encodings themselves.
 */
function common(): Set<string> {
  if (commonCharacters) return commonCharacters;
  const set = new Set<string>();
  const gb = new TextDecoder('gb18030');
  for (let high = 0xb0; high <= 0xd7; high++) for (let low = 0xa1; low <= 0xfe; low++) set.add(gb.decode(new Uint8Array([high, low])));
  const big5 = new TextDecoder('big5');
  for (let high = 0xa4; high <= 0xc6; high++) {
    for (const low of [...Array(0x3f).keys()].map((i) => i + 0x40).concat([...Array(0x5e).keys()].map((i) => i + 0xa1))) {
      set.add(big5.decode(new Uint8Array([high, low])));
    }
  }
  set.delete('\ufffd');
  commonCharacters = set;
  return set;
}

/** Share of the Chinese characters of `text` that are common ones. */
function commonShare(text: string): number {
  const han = text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? [];
  if (han.length === 0) return 0;
  const known = common();
  return han.filter((char) => known.has(char)).length / han.length;
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

/** Decoded text that is mostly letters, punctuation and spaces rather than symbols and boxes. */
function mostlyText(text: string): boolean {
  const readable = text.match(/[\u4e00-\u9fff\p{P}\s\w]/gu)?.length ?? 0;
  return readable / Math.max(1, text.length) > 0.9;
}

/**
 * Text extracted from some PDF e-papers (flip-book sites) comes out with the full-width punctuation
 * replaced, one for one, by the characters that share its font slot: 袁 for ，, 遥 for 。, 尧 for 、,
 * 院 for ：, 渊冤 for （）, 野冶 for “”. When a page has such characters where its commas and full
 * stops should be, they are put back.
 */
const PDF_PUNCTUATION: Record<string, string> = { 袁: '，', 遥: '。', 尧: '、', 院: '：', 渊: '（', 冤: '）', 野: '“', 冶: '”' };
const PDF_SUSPECTS_MIN = 5;

export function repairPdfPunctuation(text: string): string {
  const suspects = text.match(/[袁遥尧]/g)?.length ?? 0;
  const real = text.match(/[，。、]/g)?.length ?? 0;
  if (suspects < PDF_SUSPECTS_MIN || real > suspects / 4) return text;
  // 院 is common in its own right (医院, 学院): it stands for a colon only after a label (地址院, 电话院).
  return text.replace(/[袁遥尧渊冤野冶]|(?<=[址话间点人箱式编真])院/g, (char) => PDF_PUNCTUATION[char] ?? char);
}

/** CRLF/CR → LF, no trailing spaces, no NBSP or zero-width characters; PDF punctuation repaired. */
export function normaliseText(text: string): string {
  return repairPdfPunctuation(text)
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
