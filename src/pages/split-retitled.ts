/**
 * A reprint's page title over the real headline (a content farm's copy, blind11b): the farm's own
 * title on the page's first line (`某某热讯：好消息！某地又一条高速即将启动建设！`), a picture (its
 * placeholder, `（资料图片）`, or its caption), then the article's headline right over its text, in
 * other words but sharing a run of them (`某某高速即将启动建设 某地至某地将缩短…`). The line over the
 * text is the headline and the first line the farm's page title: a picture never stands between a
 * kicker and its headline, nor between a headline and its own subtitle, and a section heading never
 * comes before any text. A placeholder is furniture, so the page title is taken off before the split
 * ({@link markRetitledPageTitle}); a caption belongs to the article, so the split retitles it
 * ({@link headlineUnderPageTitle}).
 */
import type { Block, LineReading } from './block-shapes.ts';
import { wordsOf } from './headline-forms.ts';
import type { ShortStep } from './split-short.ts';

/** Characters the two titles must share in one run (a name and a verb: `高速即将启动`). */
const SHARED_RUN = 5;

/** Length of the longest run of characters `a` and `b` share. */
function longestSharedRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/** The two lines are two titles of one article: not the same words, but a run of them shared. */
function retitled(page: string, headline: string): boolean {
  const [a, b] = [wordsOf(page), wordsOf(headline)];
  return a !== b && longestSharedRun(a, b) >= SHARED_RUN;
}

/** The page's first line, when only a picture's placeholder stands between it and a headline over text: furniture. */
export function markRetitledPageTitle(readings: LineReading[]): void {
  const at = readings.findIndex((r) => r.block);
  const first = readings[at];
  const opening = first?.block;
  if (!first || opening?.shape !== 'short') return;
  const rest = readings.slice(at + 1);
  const next = rest.findIndex((r) => r.block || (r.furniture && r.furniture !== 'media'));
  const placeholder = rest.slice(0, next).some((r) => r.furniture === 'media');
  const [headline, text] = rest.slice(next).filter((r) => r.block);
  if (!placeholder || headline?.block?.shape !== 'short' || text?.block?.shape !== 'text') return;
  if (!retitled(opening.text, headline.block.text)) return;
  first.furniture = 'retitled page';
  first.block = undefined;
}

/** The blocks before `index` are the page's first line (the open title) and captions only. */
function titleThenCaptions(blocks: readonly Block[], index: number, title: string, captions: readonly string[]): boolean {
  if (index < 2 || blocks[0]?.text !== title) return false;
  return blocks.slice(1, index).every((b) => captions.includes(b.text));
}

/** The headline over the text, under the picture's caption: the first line was the page title. */
export const headlineUnderPageTitle: ShortStep = (state, block, index) => {
  const { current } = state;
  const next = state.blocks[index + 1];
  if (!current?.title || current.fragment || current.body.length > 0 || current.captions.length === 0) return false;
  if (next?.shape !== 'text' || current.authors.length > 0 || current.subtitle || current.kicker) return false;
  if (!titleThenCaptions(state.blocks, index, current.title, current.captions) || !retitled(current.title, block.text)) return false;
  current.title = block.text;
  const first = state.blocks[0];
  if (first) state.trace(first, 'furniture', "a reprint's page title over a picture and the article's own headline");
  state.trace(block, 'headline', "over the text, under a picture: the first line, sharing a run of its words, is the reprint's page title");
  return true;
};
