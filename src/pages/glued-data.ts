/**
 * A line of article data run together with the text under it: a copy site that drops the line
 * break after the posting time prints `文章来源：某某 作者： 时间：2031-12-04 09:04:22某地的初冬，…`
 * (docs/page-layouts.md §1.9e). Read as one line it is furniture, and the article's first
 * paragraph would be lost with it; so the line is cut after the time: the data, then the text.
 */
import { furnitureOf, isRunningText } from './furniture.ts';

/** The data and a posting time (`2031-12-04 09:04`, seconds optional), the text straight after it. */
const DATA_THEN_TEXT = /^(.{0,100}?(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?)(?![\d:])\s*(\S.*)$/;

/** A field of article data: its label and a colon. */
const DATA_FIELD = /(?:来源|作者|时间|日期|发布|编辑|责编)\s*[：:]/;

/** The part of a data line that a sentence's first character may follow (a name or a word, a quotation). */
const TEXT_OPENING = /^[\u4e00-\u9fa5\u3400-\u4dbf“「『（(《]/;

/**
 * The printed line as the lines it stands for: the data and the text when a line of article data
 * or credits runs straight into a paragraph of running text, else the line itself.
 */
export function splitGluedDataLine(line: string): string[] {
  const match = DATA_THEN_TEXT.exec(line.trim());
  if (!match?.[1] || !match[2]) return [line];
  const [, data, text] = match;
  const kind = furnitureOf(data);
  // (a labelled field, never a bare time: `会议定于2031-12-03 10:00在…` is a sentence)
  if ((kind !== 'article data' && kind !== 'credits') || !DATA_FIELD.test(data)) return [line];
  // The rest must be a paragraph (a sentence and more), not a field or a word after the time.
  if (!TEXT_OPENING.test(text) || text.length < 12 || !isRunningText(text) || furnitureOf(text)) return [line];
  return [data, text];
}
