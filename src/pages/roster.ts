/**
 * Rosters inside an article: a prize list or a notice's list of names, one entry a line
 * (`杨某某 某某县 竹编`, `某某区:张某某 李某某`). Each entry is short and may look like a headline,
 * an author line or a list of headlines; a run of them is the article's own text.
 * docs/page-layouts.md §4.6.
 */
import { isNameList, splitNames } from './author-lines.ts';
import type { LineReading } from './block-shapes.ts';
import { startsWithCompoundSurname, startsWithSurname } from './surnames.ts';

/** Entries in a row before a run is taken for a roster: two such lines may be anything. */
const ROSTER_MIN = 3;

/** `某某县:张三 李四`: a label (a place, a unit), a colon, then names only. */
const LABELLED_NAMES = /^([^\s：:，。,、]{2,12})[：:]\s*(\S.*)$/;
/** A credit line's label (`编辑：张三 李四`) is a role, not a roster's group. */
const ROLE_LABEL = /(?:记者|编辑|通讯员|摄影|摄像|作者|来源|审核|校对|责编|监制|出品|制作|主持|策划|统筹|设计|供稿)$/;
/** A field of a tabular entry: a few characters without sentence punctuation. */
const FIELD = /^[^，。！？；：,;:!?、“”]{1,12}$/;

const personName = (token: string) =>
  token.length >= 2 && token.length <= 4 && (startsWithSurname(token) || startsWithCompoundSurname(token));

/** `1.`, `2、`, `（3）` before an entry: its number in the list. */
const ENTRY_NUMBER = /^(?:\d{1,3}[.、．]|[（(]\d{1,3}[)）])\s*/;

/**
 * One entry of a roster: names under a group label, or a person's name followed by two or more
 * fields (one is enough after the entry's number: `1.张某某 某某县某某镇`).
 */
export function isRosterEntry(text: string): boolean {
  const number = ENTRY_NUMBER.exec(text);
  const entry = number ? text.slice(number[0].length) : text;
  const labelled = LABELLED_NAMES.exec(entry);
  if (labelled) return !ROLE_LABEL.test(labelled[1] ?? '') && isNameList(labelled[2] ?? '');
  const fields = splitNames(entry);
  const fewest = number ? 2 : 3;
  return fields.length >= fewest && fields.length <= 6 && personName(fields[0] ?? '') && fields.every((f) => FIELD.test(f));
}

/**
 * Marks every run of three or more roster entries (blank lines between them allowed) as running
 * text: each entry stays a paragraph of the article it is printed in, never a headline, a byline
 * or navigation.
 */
export function markRosters(readings: LineReading[]): void {
  let run: LineReading[] = [];
  const flush = () => {
    if (run.length >= ROSTER_MIN) for (const r of run) if (r.block) r.block = { ...r.block, shape: 'text', roster: true };
    run = [];
  };
  for (const reading of readings) {
    if (!reading.block) {
      if (reading.furniture) flush();
      continue;
    }
    if (isRosterEntry(reading.block.text)) run.push(reading);
    else flush();
  }
  flush();
}
