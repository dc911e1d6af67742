/**
 * Two short lines in a row over an article's first lines (./split-short.ts): a kicker and its
 * headline, or a headline and its unmarked subtitle. Which one the pair is depends on what stands
 * under it (the header, a dateline, the text) and on the lines' shapes (docs/page-layouts.md §1.1, §1.3).
 */
import { CONTACT_LABEL, EDITOR_NOTE } from './block-shapes.ts';
import { datelineOf } from './dateline.ts';
import { pairsOf } from './headline-forms.ts';
import { COUNT_OPENING, kickerShaped, tooShortForSubtitle, unmarkedSubtitle } from './split-rules.ts';
import type { ShortStep } from './split-short.ts';

/** A kicker over a markdown headline, or over a short headline right above the text. */
/** `新闻奔流不息 记者奋斗不止`: two phrases of the same length parted by a space, and nothing else. */
function sloganPair(text: string): boolean {
  const pair = /^([\u4e00-\u9fa5]{4,9})[ \u3000]+([\u4e00-\u9fa5]{4,9})$/.exec(text.trim());
  return pair !== null && pair[1].length === pair[2].length;
}

/** The share of a line's character pairs that a text prints too (none for a line without any: undefined). */
function echoShare(line: string, text: string): number | undefined {
  const pairs = [...pairsOf(line)];
  return pairs.length === 0 ? undefined : pairs.filter((pair) => text.includes(pair)).length / pairs.length;
}

export const kickerLine: ShortStep = (state, block, index) => {
  const [next, afterNext] = [state.blocks[index + 1], state.blocks[index + 2]];
  if (next?.shape === 'md-headline') {
    state.pendingKicker = block.text;
    state.trace(block, 'kicker', 'over a markdown headline');
    return true;
  }
  if (
    next?.shape === 'short' &&
    !next.label &&
    !EDITOR_NOTE.test(next.text) &&
    !CONTACT_LABEL.test(next.text) &&
    afterNext !== undefined &&
    afterNext.shape !== 'short' &&
    kickerShaped(block.text) &&
    (state.headerFollows(afterNext, index) ||
      afterNext.shape === 'article-data' ||
      // (a dateline opens a news item: the two short lines over it are its header, mid-page too)
      (afterNext.shape === 'text' && datelineOf(afterNext.text) !== undefined) ||
      state.headlineEvidence(next, index + 1) !== undefined)
  ) {
    const overHeader = state.headerFollows(afterNext, index) || afterNext.shape === 'article-data';
    // (Over a dateline the pair is kicker and headline, unless the second gives the figures.)
    const countedOverDateline = afterNext.shape === 'text' && datelineOf(afterNext.text) !== undefined && COUNT_OPENING.test(next.text);
    if (!next.kicker && unmarkedSubtitle(block.text, next.text) && (overHeader || countedOverDateline)) {
      state.start(block.text, block);
      state.forcedSubtitle = index + 1;
      state.trace(
        block,
        'headline',
        COUNT_OPENING.test(next.text) && (countedOverDateline || next.text.length > block.text.length)
          ? 'two short lines over the header or a dateline, the second opening with a count (the figures): headline and subtitle'
          : 'two short lines over the header, the first not kicker-shaped: headline and subtitle',
      );
      return true;
    }
    // A slogan (two equal phrases parted by a space) under a plain headline is its subtitle, over
    // the text or a dateline too: the headline says what happened, the slogan says it again.
    if (!next.kicker && sloganPair(next.text) && !sloganPair(block.text) && unmarkedSubtitle(block.text, next.text)) {
      state.start(block.text, block);
      state.forcedSubtitle = index + 1;
      state.trace(block, 'headline', 'two short lines over the text, the second a slogan (two equal phrases): headline and subtitle');
      return true;
    }
    // Over a dateline, the opening retells its headline: when it repeats most of the first line's
    // words and none of the second's (`礼赞新时代` under `某县举办某某大赛`), the second is a subtitle.
    const opening = afterNext.shape === 'text' && datelineOf(afterNext.text) !== undefined ? afterNext.text : undefined;
    if (
      !next.kicker &&
      opening &&
      unmarkedSubtitle(block.text, next.text) &&
      (echoShare(block.text, opening) ?? 0) >= 0.5 &&
      echoShare(next.text, opening) === 0
    ) {
      state.start(block.text, block);
      state.forcedSubtitle = index + 1;
      state.trace(
        block,
        'headline',
        'two short lines over a dateline whose text retells the first and shares no word of the second: headline and subtitle',
      );
      return true;
    }
    // Two short lines over the body: a kicker and its headline.
    state.pendingKicker = block.text;
    state.forcedHeadline = index + 1;
    state.trace(
      block,
      'kicker',
      overHeader && tooShortForSubtitle(next.text)
        ? 'two short lines over the header, the second of a few characters (no subtitle): kicker and headline'
        : 'two short lines over the text: kicker and headline',
    );
    return true;
  }
  return false;
};
