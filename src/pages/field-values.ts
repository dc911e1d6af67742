/**
 * A web template that prints a field of article data on two lines: the label alone (`来源:`,
 * `责任编辑:`, `标签:`), its value on the next line (`某某晚报`, `张三`, `某市|某事`). The value is
 * the article's data too, never a heading, a headline or the author line of a new article.
 */
import type { LineReading } from './block-shapes.ts';

/** A data field's label alone on its line. (`作者:` is left out: its value is the article's authors.) */
const FIELD_LABEL = /^(?:文章来源|来源|稿源|责任编辑|编辑|责编|标签|关键词|关键字|Tags?)\s*[：:]$/i;

/** How long a field's value may be: an outlet, a name or a few tags, never a sentence. */
const VALUE_MAX = 20;

/** Marks each field label and the value printed under it as article data. */
export function markFieldValues(readings: LineReading[]): void {
  readings.forEach((reading, index) => {
    if (!FIELD_LABEL.test(reading.raw.trim())) return;
    const next = readings[index + 1];
    const value = next?.block?.text;
    if (!next || value === undefined || value.length > VALUE_MAX || /[，。！？；,;!?]/.test(value)) return;
    reading.furniture = next.furniture = 'article data';
    reading.block = next.block = undefined;
  });
}
