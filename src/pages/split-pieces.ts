/**
 * Short lines that start a page's next piece on evidence of the page's own form (./split-short.ts
 * tries them with its other steps): a special page's title over its pieces, a digest's ledes cut
 * short, a section label over several items, a lead-in over its text. docs/page-layouts.md §1.5, §1.11, §1.12, §9.
 */
import { endsSentence, startsMidSentence } from './block-shapes.ts';
import { datelineOf } from './dateline.ts';
import { clauseCount, kickerShaped, LEAD_COLON, tooShortForSubtitle } from './split-rules.ts';
import type { Block } from './block-shapes.ts';
import type { ShortStep } from './split-short.ts';

/** A special page's title names the page (`…两周年纪念`, `…特刊`, `…专版`), not one article of it. */
const SPECIAL_PAGE = /(?:周年|特刊|专刊|专版|专辑|纪念)$/;
/** Without a subtitle only the page words count: a headline may well end on `…诞辰130周年`. */
const SPECIAL_PAGE_WORD = /(?:特刊|专刊|专版|专辑)$/;

/** A title (and its `--` subtitle) that names a special page. */
const specialPage = (title: string, subtitle: string | undefined) =>
  subtitle ? SPECIAL_PAGE.test(subtitle) : SPECIAL_PAGE_WORD.test(title);

/**
 * Under a special page's title and its data, before any text, a short line over text is the first
 * piece's own headline: the page's title heads the page, the piece takes its place.
 */
export const pieceUnderSpecialPage: ShortStep = (state, block, index) => {
  const { current } = state;
  const [next, after] = [state.blocks[index + 1], state.blocks[index + 2]];
  if (specialPage(block.text, block.subtitle) && next?.shape === 'short' && after?.shape === 'text') {
    state.trace(block, 'furniture', "a special page's title (…周年纪念, 特刊, 专版): it heads the page's pieces");
    return true;
  }
  if (!(current?.inHeader && current.title && current.body.length === 0 && !current.kicker)) return false;
  if (!specialPage(current.title, current.subtitle) || state.blocks[index + 1]?.shape !== 'text') return false;
  current.title = block.text;
  current.subtitle = '';
  state.trace(block, 'headline', "the first piece under a special page's title (…周年纪念, 特刊, 专版)");
  return true;
};

/**
 * A tag page or digest cuts each item's lede short, often on a comma (`…同时,`): a headline-shaped
 * line under such a datelined lede, with a text under it that opens a sentence of its own (not
 * mid-sentence), ends no sentence of the lede. It is the next item's headline.
 */
export const afterCutLede: ShortStep = (state, block, index) => {
  const { current } = state;
  const next = state.blocks[index + 1];
  const last = current?.body[current.body.length - 1] ?? '';
  if (!(current?.openParagraph && current.datelined && !current.inHeader && /[，,、]$/.test(last))) return false;
  if (next?.shape !== 'text' || startsMidSentence(next.text) || endsSentence(block.text) || clauseCount(block.text) > 1) return false;
  state.start(block.text, block);
  state.trace(block, 'headline', 'the datelined lede above was cut short on a comma, and a sentence opens under it');
  return true;
};

/** Short lines with text right under them, from the label at `index` to the next label: its items. */
export function itemsUnder(blocks: readonly Block[], index: number): number {
  const end = blocks.findIndex((b, i) => i > index && b.label);
  const under = blocks.slice(index + 1, end < 0 ? blocks.length : end);
  return under.filter((b, i) => b.shape === 'short' && under[i + 1]?.shape === 'text').length;
}

/** A short line ending on a colon, with no other colon in it: it introduces the text under it. */
const LEAD_IN = /^[^：:]{2,24}[：:]$/;

/** `全市城乡居民：`, `各乡镇人民政府：`: a notice's addressees; headlines never end on a colon. */
export const leadInLine: ShortStep = (state, block, index) => {
  if (!LEAD_IN.test(block.text) || state.blocks[index + 1]?.shape !== 'text') return false;
  const draft = state.currentOrFragment();
  state.addText(draft, block.text);
  draft.openParagraph = false;
  state.trace(block, 'body', 'a lead-in ending on a colon (addressees): its text follows, never a headline');
  return true;
};

/** A line that may stand in a stacked headline: short, no label, no sentence, at most one clause break. */
const stackable = (b: Block | undefined): b is Block =>
  b?.shape === 'short' && !b.label && b.kicker === undefined && !endsSentence(b.text) && clauseCount(b.text) <= 2;

/**
 * `引题` / `主题` / `副题` stacked on three lines with no dash, right over the article's header (an
 * author line, its data, a dateline), where an article may start: kicker, headline and subtitle.
 * The middle line is the headline whatever the lengths (a 副题 often runs longer than its 主题).
 */
export const stackedHeadline: ShortStep = (state, block, index) => {
  const [second, third, after] = [state.blocks[index + 1], state.blocks[index + 2], state.blocks[index + 3]];
  if (
    !stackable(block) ||
    !stackable(second) ||
    !stackable(third) ||
    // (a masthead or a list between the lines parts the page: they are no one header)
    second.afterSectionBreak ||
    third.afterSectionBreak ||
    !kickerShaped(block.text) ||
    LEAD_COLON.test(third.text) ||
    tooShortForSubtitle(third.text)
  )
    return false;
  // (Over a `——` subtitle the third line is the headline itself; `关注：` is a label.)
  if (after?.shape === 'subtitle' || /[：:]$/.test(block.text)) return false;
  const header =
    state.headerFollows(after, index + 2) ||
    after?.shape === 'article-data' ||
    (after?.shape === 'text' && datelineOf(after.text) !== undefined);
  const { current } = state;
  const mayStart = !current || current.closed || (!current.inHeader && !current.openParagraph && current.body.length > 0);
  if (!header || !mayStart) return false;
  state.pendingKicker = block.text;
  state.forcedHeadline = index + 1;
  state.forcedSubtitle = index + 2;
  state.trace(block, 'kicker', 'three short lines over the header: kicker, headline and unmarked subtitle');
  return true;
};
