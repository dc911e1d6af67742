/**
 * Hard-wrapped text: e-paper columns extracted with their line breaks are joined back into
 * paragraphs, and HTML copied on one line is broken at its paragraph tags.
 */
import { authorsOfLine } from './author-lines.ts';
import { endsSentence } from './block-shapes.ts';
import { datelineOf } from './dateline.ts';
import { furnitureOf } from './furniture.ts';

/**
 * The lines of a page as printed. HTML copied whole from a web page (`<p>…</p><p>…</p>` on one
 * line) has its paragraph and line-break tags read as line breaks first.
 */
export function printedLines(text: string): string[] {
  return text.replace(/<\/(?:p|div|h[1-6]|li|tr|section)>|<br\s*\/?>/gi, '\n').split('\n');
}

/** How wide a line prints: Chinese characters and punctuation 1, Latin letters and digits ½. */
function printedWidth(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i);
    // A surrogate pair is one character (counted at its first half).
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && (line.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    const narrow = (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122) || unit === 32;
    width += narrow ? 0.5 : 1;
  }
  return width;
}

/** Lines that must share a printed width before a page is taken for hard-wrapped text. */
const WRAPPED_MIN_LINES = 6;
const WRAPPED_MIN_SHARE = 0.4;
const WRAPPED_MIN_WIDTH = 8;

/**
 * Text extracted from an e-paper's columns keeps the column's line breaks: most lines then have the
 * same printed width, and a full-width line that does not end a sentence goes on in the next one.
 * Such lines are joined (into the first line of each paragraph, so line numbers stay true); a page
 * whose lines vary freely, like one paragraph per line, is left as it is.
 */
export function unwrapHardWrapped(lines: string[]): string[] {
  const measured = lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !furnitureOf(line))
    .map((line) => ({ width: printedWidth(line), prose: /[，,。、；]/.test(line) }))
    .filter((line) => line.width >= WRAPPED_MIN_WIDTH);
  let column = 0;
  let best = 0;
  for (const candidate of new Set(measured.map((line) => Math.round(line.width)))) {
    // Only lines of running text (with clause punctuation) count: a list of headlines also shares a width.
    const count = measured.filter((line) => line.prose && Math.abs(line.width - candidate) <= 1).length;
    if (count > best) [best, column] = [count, candidate];
  }
  if (best < WRAPPED_MIN_LINES || best < measured.length * WRAPPED_MIN_SHARE) return lines;
  const out = [...lines];
  const indentOpens = indentMarksParagraphs(lines);
  let open = -1; // index of the line a paragraph is being gathered into
  out.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    // (`…绣品。(转第` / `3版)`: a jump mark cut by the column's edge goes on, though its end reads as a page header.)
    if (open >= 0 && (!opensBlock(raw, indentOpens) || OPEN_JUMP_MARK.test(out[open]))) {
      out[open] = `${out[open].trimEnd()}${line}`;
      out[index] = '';
    } else {
      open = index;
    }
    const last = out[open].trim();
    // (A paragraph's first line is as wide as the column with its indent: `　　金秋时节,…`.)
    const fullWidth = printedWidth(raw.trimEnd()) >= column - 1.5;
    if (!(fullWidth && !endsSentence(last) && !/[）)]$/.test(last) && !furnitureOf(line))) open = -1;
  });
  return out;
}

/**
 * What never continues the line above, however wide that line: furniture, an author line, a
 * dateline (`本报讯…` opens a news item), and an indented line where indents mark paragraphs. A
 * headline as wide as the column, over any of these, is no unfinished line of text.
 */
function opensBlock(raw: string, indentOpens: boolean): boolean {
  const line = raw.trim();
  return (
    furnitureOf(line) !== undefined ||
    authorsOfLine(line) !== undefined ||
    datelineOf(line) !== undefined ||
    (indentOpens && INDENT.test(raw))
  );
}

const INDENT = /^[ \t\u3000]/;
/** A jump mark opened at a line's end and not closed: `（下转`, `(转第`. */
const OPEN_JUMP_MARK = /[（(]\s*(?:下转|转第|转)[^（）()]{0,6}$/;
/** Below this share of indented lines, an indent marks a paragraph's first line (a page may indent every line). */
const INDENT_MAX_SHARE = 0.5;

/** True when some lines of the page, but well under all, are indented: the indent opens a paragraph. */
function indentMarksParagraphs(lines: readonly string[]): boolean {
  const printed = lines.filter((line) => line.trim() !== '');
  const indented = printed.filter((line) => INDENT.test(line)).length;
  return indented > 0 && indented < printed.length * INDENT_MAX_SHARE;
}
