/**
 * The brief form `地名：…` (`邵东：…`, `江华交警：…`): a short lead, a colon, the news. The lead
 * names who or where the item is about, so the text under it names them too; a feature's section
 * heading in the same shape (`某某突围：…`, `园里：…`) names a theme its text does not repeat.
 */
import type { Block } from './block-shapes.ts';
import { CONTACT_LABEL } from './block-shapes.ts';
import { pairsOf } from './headline-forms.ts';
import { LEAD_COLON } from './split-rules.ts';

/**
 * A lead closed by a word of position (`某某园里`, `直播间里`, `田野上`, `课堂中`) sets a scene: a
 * section's heading, whatever its text repeats, never the place or body a brief is about.
 */
const SCENE_LEAD = /^[\u4e00-\u9fa5]{2,}(?:里|中|上|间|旁|边|外)$/;

/** How far into the text under it a brief's lead is named again (its first sentence or two). */
const ECHO_SPAN = 80;
/** How many short lines (a heading of the brief, its subtitle) may stand between the lead and its text. */
const LINES_TO_TEXT = 2;

/**
 * Whether the block at `index` is a brief's `地名：…` headline: a lead that the opening of the text
 * under it names again. `headings` are the open article's section headings so far: when one of them
 * had the form already, a line in it with no text to tell is the article's next section too.
 */
export function briefLead(blocks: readonly Block[], index: number, headings: Iterable<string> = []): boolean {
  const block = blocks[index];
  if (!block || !LEAD_COLON.test(block.text) || CONTACT_LABEL.test(block.text) || blocks[index + 1] === undefined) return false;
  const under = blocks.slice(index + 1, index + 2 + LINES_TO_TEXT + 1).filter((b) => b.shape === 'text');
  if (under.length === 0) return ![...headings].some((heading) => LEAD_COLON.test(heading));
  const lead = block.text.split(/[：:]/)[0] ?? '';
  if (SCENE_LEAD.test(lead)) return false;
  const pairs = [...pairsOf(lead)];
  // (…the first paragraph, or the second when the first sets the scene: `某镇:…` / `社区的事千头万绪……` / `某镇把…`)
  return under.slice(0, 2).some((paragraph) => pairs.some((pair) => paragraph.text.slice(0, ECHO_SPAN).includes(pair)));
}
