/**
 * A yearbook's (年鉴) or chronicle's entry printed on one line: the entry's headline in square
 * brackets, then its text (`【某市召开某某现场推进会】 2031年3月5日，…`). The line is read as two
 * blocks, the headline and the text, as a bilingual photo line is (./bilingual.ts).
 *
 * A column label glued to its text is shorter (`【简讯】`, `【乡村振兴】`, up to seven characters,
 * docs/page-layouts.md §1.5), an editor's-note label names itself (`【核心提示】`), and a wire
 * dateline in brackets names its agency and day (`【某某社8月4日电】`), and a series' name with its dot
 * (`【某某·县市区扫描】今日推出…`) opens a note under an article's header: none of those is split.
 */
import { EDITOR_NOTE, type LineReading, startsMidSentence } from './block-shapes.ts';
import { datelineOf } from './dateline.ts';

const BRACKETED_ENTRY = /^【([^】]{10,64})】[ \u3000]*(\S.{19,})$/;
/** Fewest characters of an entry's headline (spaces and punctuation left out): longer than any column's name. */
const ENTRY_HEADLINE_MIN = 10;
/** What a dateline or a credit in brackets says of itself: a day's wire, a reporter. */
const DATELINE_WORDS = /\d{1,2}日电|讯$|消息|记者|通讯员|报道|发自/;

/** Splits every text line that prints an entry's `【headline】` before its text. */
export function splitBracketedEntries(readings: LineReading[]): LineReading[] {
  let above: LineReading['block'];
  return readings.flatMap((reading) => {
    const block = reading.block;
    const before = above;
    if (block) above = block;
    const parts = block?.shape === 'text' ? BRACKETED_ENTRY.exec(block.text) : null;
    // (Under an article's data or author line, `【某某·系列】今日推出…` is its series' note, not an entry.)
    if (!block || !parts || before?.shape === 'article-data' || before?.shape === 'author-line') return [reading];
    const [, headline = '', text = ''] = parts;
    const words = headline.replace(/[\s\p{P}]/gu, '');
    // (A headline holds no sentence; the text after it is one, whole.)
    if (
      words.length < ENTRY_HEADLINE_MIN ||
      /[。；;！？!?·•・]/.test(headline) ||
      EDITOR_NOTE.test(`【${headline}】`) ||
      DATELINE_WORDS.test(headline) ||
      datelineOf(block.text) !== undefined ||
      !/[。！？]/.test(text) ||
      startsMidSentence(text)
    )
      return [reading];
    return [
      { ...reading, block: { ...block, shape: 'short', text: headline.trim(), bracketedEntry: true } },
      { ...reading, block: { ...block, shape: 'text', text } },
    ];
  });
}
