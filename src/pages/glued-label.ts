/**
 * A label glued before a headline with a colon, `某某:标题`, told from the `地名：标题` brief form
 * (docs/page-layouts.md §1.9d) without a gazetteer, by what the page says of the label itself:
 *
 * - **the writer's name** (a reprint site that prints `作者名:标题`): the same name signs the text
 *   (`文/某某`, `作者：某某`, `记者 某某`) — a place lead is never printed as a signature — and the
 *   headline is printed again without it (a first-person piece `某某：我与…` signed by its speaker
 *   keeps its headline whole);
 * - **a search keyword** (a content farm's bait, `某地治疗某病哪家医院好:标题`): six characters and
 *   more whose two-character words the text under the headline hardly repeats (fewer than one in
 *   five: a city named in the keyword may recur), while it repeats some of the rest of the
 *   headline. A brief's place lead is what its text is about, so its text names it (`桃源：…` over
 *   `桃源县…`, `常德经开区：…` over `常德经济技术开发区…`).
 *
 * The label is taken off the headline; a writer's name becomes the article's author.
 */
import type { Block, LineReading } from './block-shapes.ts';
import { pairsOf } from './headline-forms.ts';
import { startsWithSurname } from './surnames.ts';

const GLUED = /^([\u4e00-\u9fa5·]{2,16})[:：]\s*(\S.{3,})$/;
/** Shortest keyword taken for spam: column names and place leads (`一线调研：`, `壶瓶山镇：`) are shorter. */
const KEYWORD_MIN = 6;
/** A reporting series' genre closing the label (`某省小县蹲点手记:`, `乡村振兴观察:`): a column, never bait. */
const SERIES_GENRE = /(?:手记|笔记|札记|日记|纪实|见闻|观察|调查|随笔|访谈|专访)$/;
/** Below this share of its words repeated in the text, a keyword is foreign to the text. */
const KEYWORD_FOREIGN = 0.2;
/** How many paragraphs under the headline are read for the label's words. */
const TEXT_PARAGRAPHS = 3;

/** Why a glued label was taken off a headline, for `--explain`. */
export type GluedLabel = 'author' | 'keyword';

const compact = (s: string) => s.replace(/\s+/g, '');

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `文/某某`, `作者：某某`, `记者 某某` in the text: the name signs it. */
function signs(name: string, text: string): boolean {
  return new RegExp(`(?:文|作者|撰文|撰稿|记者)\\s*[/／:：|｜丨]?\\s*${escaped(name)}(?![\\u4e00-\\u9fa5])`).test(text);
}

/** What the label before the colon is, given the text under the headline; undefined when it is no label. */
export function gluedLabelOf(headline: string, text: string): GluedLabel | undefined {
  const glued = GLUED.exec(compact(headline));
  if (!glued) return undefined;
  const [, label = '', rest = ''] = glued;
  // (…and the mirror printed the headline again without it: `某某：我与…` over a text the same
  // person signs is a first-person piece whose headline names its speaker, and stays whole.)
  const echoed = text.split('\n').some((paragraph) => compact(paragraph).startsWith(rest));
  if (label.length <= 4 && startsWithSurname(label) && signs(label, text) && echoed) return 'author';
  if (label.length < KEYWORD_MIN || SERIES_GENRE.test(label)) return undefined;
  // (The whole glued line printed again in the text does not count: a mirror's echo of its headline.)
  const body = pairsOf(compact(text).replaceAll(compact(headline), ''));
  const shared = (part: string) => {
    const pairs = [...pairsOf(part)];
    return pairs.filter((pair) => body.has(pair)).length / Math.max(pairs.length, 1);
  };
  return shared(label) < KEYWORD_FOREIGN && shared(rest) > 0 ? 'keyword' : undefined;
}

/**
 * The first paragraphs under a headline, with the column label and the captions printed among
 * them: a series' name before the colon (`某某专题:标题`) recurs in its `【栏目】` or a caption.
 */
function textUnder(readings: LineReading[]): string {
  const lines: string[] = [];
  let paragraphs = 0;
  for (const reading of readings) {
    const block = reading.block;
    if (!block) continue;
    if (block.shape === 'text') paragraphs++;
    if (block.shape === 'text' || block.shape === 'caption' || block.label) lines.push(block.text);
    if (paragraphs === TEXT_PARAGRAPHS) break;
  }
  return paragraphs === 0 ? '' : lines.join('\n');
}

/** Takes glued labels off the headline-shaped lines of a page (before the split reads them). */
export function markGluedLabels(readings: LineReading[]): void {
  readings.forEach((reading, i) => {
    const block = reading.block;
    if (block?.shape !== 'short') return;
    const text = textUnder(readings.slice(i + 1));
    if (text === '') return;
    const label = gluedLabelOf(block.text, text);
    if (!label) return;
    const [, name = '', rest = ''] = GLUED.exec(compact(block.text)) ?? [];
    const restPrinted = block.text.slice(block.text.search(/[:：]/) + 1).trim() || rest;
    const unglued: Block = { ...block, text: restPrinted, gluedLabel: label, ...(label === 'author' ? { signedBy: name } : {}) };
    reading.block = unglued;
  });
}

/** `文/某某 ` inside a run-together lead: the writer's mark, then the text. */
const WRITER_MARK = /(?:^|\s)文\s*[/／]\s*([\u4e00-\u9fa5·]{2,4})\s+(?=\S)/;

/** Where the headline's echo ends in a line that opens with it (spaces inside not counted). */
function echoEnd(line: string, headline: string): number {
  let seen = 0;
  for (let i = 0; i < line.length; i++) {
    if (!/\s/.test(line[i] ?? '')) seen++;
    if (seen === headline.length) return i + 1;
  }
  return line.length;
}

/**
 * A reprint's lead run together on one line: the headline again, the photos' captions, the
 * writer's mark (`文/某某`) and the text. The line is read as the writer's author line, the
 * captions and the text (docs/page-layouts.md §1.9d).
 */
export function splitRunTogetherLeads(readings: LineReading[]): LineReading[] {
  let headline = '';
  return readings.flatMap((reading): LineReading[] => {
    const block = reading.block;
    if (block?.shape === 'short') headline = compact(block.text);
    if (block?.shape !== 'text' || headline.length < 4 || !compact(block.text).startsWith(headline)) return [reading];
    const mark = WRITER_MARK.exec(block.text);
    if (!mark?.[1]) return [reading];
    const captions = block.text.slice(echoEnd(block.text, headline), mark.index).trim();
    headline = '';
    const at = (shape: Block['shape'], text: string, extra: Partial<Block> = {}): LineReading => ({
      ...reading,
      block: { line: block.line, text, shape, ...extra },
    });
    return [
      at('author-line', mark[1], { penName: true }),
      ...(captions ? [at('caption', captions)] : []),
      at('text', block.text.slice(mark.index + mark[0].length)),
    ];
  });
}
