/**
 * A `X：Y` line right under a web article's headline and data line, before any text, over a
 * paragraph (a paged feature's later page that opens on a section, blind13b): the article's first
 * section heading, not a new `地名：` brief. A headline and its data line with no text under them
 * are no article of their own; a brief's place lead comes after another article's text.
 */
import type { Draft } from './draft.ts';
import { LEAD_COLON } from './split-rules.ts';
import type { ShortStep } from './split-short.ts';
import type { SplitState } from './split-state.ts';

export const headingUnderDataLine: ShortStep = (state, block, index) => {
  const { current } = state;
  if (!current?.title || !current.dataLine || current.fragment || current.body.length > 0 || current.authors.length > 0) return false;
  if (!LEAD_COLON.test(block.text) || state.blocks[index + 1]?.shape !== 'text') return false;
  state.addHeading(current, block.text);
  state.trace(block, 'section heading', 'under the headline and its data line, before any text: the article opens on its section');
  return true;
};

/**
 * The short lines read as headings over the print edition's headline printed again, before any text
 * (`网页标题` / data line / `“某某长廊”里，孩子们笑声不断` / `印刷版标题`): the print edition's kicker,
 * a note like its headline, not the article's first section (whose text would open the summary).
 */
export function printKickerAbove(state: SplitState, current: Draft): void {
  if (current.body.length === 0 || !current.body.every((p) => current.headings.has(p))) return;
  for (const text of current.body.splice(0)) {
    current.headings.delete(text);
    const block = state.blocks.find((b) => b.text === text);
    if (block) state.trace(block, 'note', "the print edition's kicker, over its headline printed again");
  }
}
