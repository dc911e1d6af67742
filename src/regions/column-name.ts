/**
 * A column's name in the text: a series whose name holds a place (`某市地名故事①` as the kicker) is
 * introduced in the text by that name (`“某市地名故事”专栏将和您一起…`). A column name in the kicker is
 * not the headline (decide.ts); written again in the text it is the column's label too, no mention of
 * the place (the instalment's own subject, a county of that city, is named by the headline).
 */

/** A series' numbering after its name: ①, 之六, (3), 第3期, 3. */
const SERIES_NUMBER =
  /(?:[①-⑳]|之[一二三四五六七八九十百]+|[（(]\s*[\d一二三四五六七八九十]+\s*[)）]|第?\s*\d+\s*期?|[一二三四五六七八九十]+)$/;

/** Shortest column name looked for in the text: a place and a word. */
const NAME_MIN = 4;

/** The column name of a kicker, without its numbering and marks; '' when too short to be looked for. */
export function columnName(kicker: string): string {
  const name = kicker
    .replace(/[\s\p{P}]+$/u, '')
    .replace(SERIES_NUMBER, '')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  return [...name].length >= NAME_MIN ? name : '';
}

/** Where the column's name stands in `text`: [start, end) spans. */
function columnSpans(text: string, name: string): [number, number][] {
  const spans: [number, number][] = [];
  if (!name) return spans;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) spans.push([at, at + name.length]);
  return spans;
}

/** For an article's kicker: whether a position of a text stands inside the column's name written there. */
export function inColumnName(kicker: string): (text: string, at: number) => boolean {
  const name = columnName(kicker);
  const spans = new Map<string, [number, number][]>();
  return (text, at) => {
    if (!name) return false;
    const found = spans.get(text) ?? columnSpans(text, name);
    spans.set(text, found);
    return found.some(([from, to]) => at >= from && at < to);
  };
}
