/**
 * A `X：Y` line right under a web article's headline and data line, before any text, over a
 * paragraph (a paged feature's later page that opens on a section, blind13b): the article's first
 * section heading, not a new `地名：` brief. A headline and its data line with no text under them
 * are no article of their own; a brief's place lead comes after another article's text.
 */
import { LEAD_COLON } from './split-rules.ts';
import type { ShortStep } from './split-short.ts';

export const headingUnderDataLine: ShortStep = (state, block, index) => {
  const { current } = state;
  if (!current?.title || !current.dataLine || current.fragment || current.body.length > 0 || current.authors.length > 0) return false;
  if (!LEAD_COLON.test(block.text) || state.blocks[index + 1]?.shape !== 'text') return false;
  state.addHeading(current, block.text);
  state.trace(block, 'section heading', 'under the headline and its data line, before any text: the article opens on its section');
  return true;
};
