/**
 * A reprint's page title over the real headline (a content farm's copy, blind11b): the farm's own
 * title on the page's first line (`某某热讯：好消息！某地又一条高速即将启动建设！`), a picture's
 * placeholder caption, then the article's headline right over its text, in other words but
 * sharing a run of them (`某某高速即将启动建设 某地至某地将缩短…`). The line over the text is the
 * headline and the first line the farm's page title: a picture never stands between a headline and
 * its own subtitle or section heading, and a section heading never comes before any text.
 */
import type { Block } from './block-shapes.ts';
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

/** The blocks before `index` are the page's first line (the open title) and captions only. */
function titleThenCaptions(blocks: readonly Block[], index: number, title: string, captions: readonly string[]): boolean {
  if (index < 2 || blocks[0]?.text !== title) return false;
  return blocks.slice(1, index).every((b) => captions.includes(b.text));
}

export const headlineUnderPageTitle: ShortStep = (state, block, index) => {
  const { current } = state;
  const next = state.blocks[index + 1];
  if (!current?.title || current.fragment || current.body.length > 0 || current.captions.length === 0) return false;
  if (next?.shape !== 'text' || current.authors.length > 0 || current.subtitle || current.kicker) return false;
  if (!titleThenCaptions(state.blocks, index, current.title, current.captions)) return false;
  const [page, line] = [wordsOf(current.title), wordsOf(block.text)];
  if (page === line || longestSharedRun(page, line) < SHARED_RUN) return false;
  current.title = block.text;
  const first = state.blocks[0];
  if (first) state.trace(first, 'furniture', "a reprint's page title over a picture and the article's own headline");
  state.trace(block, 'headline', "over the text, under a picture: the first line, sharing a run of its words, is the reprint's page title");
  return true;
};
