/**
 * Short lines, the splitter's hard case (./split.ts): each may be a headline, a kicker, a label,
 * a series line, the end of a sentence or a section heading. The steps below are tried in order;
 * the first that takes the line decides, and says why in the trace.
 */
import { type Block, CONTACT_LABEL, EDITOR_NOTE } from './block-shapes.ts';
import { datelineOf } from './dateline.ts';
import { sameHeadline, wordsOf } from './headline-forms.ts';
import { clauseCount, kickerShaped, NUMBERED_SECTION, PLACE_OPENING, PRIZE_LIST_LINE, unbalanced } from './split-rules.ts';
import { commentaryLabel, columnOfItems, digestItem, interviewTurn } from './split-columns.ts';
import { afterCutLede, itemsUnder, leadInLine, pieceUnderSpecialPage, stackedHeadline } from './split-pieces.ts';
import { kickerLine } from './split-short-pair.ts';
import type { SplitState } from './split-state.ts';
import { retitledByOriginal } from './split-lines.ts';
import { headingUnderDataLine, printKickerAbove } from './split-data-heading.ts';
import { headlineUnderPageTitle } from './split-retitled.ts';

/** One step of the decision over a short line: true when it took the line. */
export type ShortStep = (state: SplitState, block: Block, index: number) => boolean;

/** Decides what a short line is. */
export function readShort(state: SplitState, block: Block, index: number): void {
  for (const step of SHORT_STEPS) if (step(state, block, index)) return;
  state.addHeading(state.currentOrFragment(), block.text);
  state.trace(block, 'section heading', 'short, but nothing confirms a new article');
}

/** Column labels, prize ranks, contact and editor's-note labels: never headlines. */
const labelLine: ShortStep = (state, block, index) => {
  const next = state.blocks[index + 1];
  if (block.label && (next?.shape === 'short' || next?.shape === 'md-headline')) {
    // `【县市区】` alone over several items: the page's section, not the first item's kicker.
    if (itemsUnder(state.blocks, index) > 1) {
      state.trace(block, 'furniture', "a column label over several items below it (the page's section)");
      return true;
    }
    state.pendingKicker = block.kicker ?? '';
    state.trace(block, 'kicker', 'a column label over the next headline');
    return true;
  }
  if (PRIZE_LIST_LINE.test(block.text)) {
    const draft = state.currentOrFragment();
    state.addHeading(draft, block.text);
    draft.winnersList = true;
    state.trace(block, 'section heading', "a prize rank or winners' list label (一等奖, 附：…名单): never a headline");
    return true;
  }
  if (EDITOR_NOTE.test(block.text)) {
    // `编者按`, `【编者按】` alone: the note's text follows; the label itself is not the article's opening.
    state.trace(block, 'note', "an editor's note label (编者按, 开栏语…): its text follows, never a headline");
    return true;
  }
  const { current } = state;
  if (block.label && block.kicker && current?.inHeader && current.title && !current.kicker && current.body.length === 0) {
    // A copy that prints the headline and its time first, then the column `【栏目】` over the text.
    current.kicker = block.kicker;
    state.trace(block, 'kicker', "a column label under the headline, before its text: the headline's column");
    return true;
  }
  if (block.label || CONTACT_LABEL.test(block.text)) {
    // `联系电话：…`, `地址：…`, `【温馨提示】`: a notice's own lines, each a paragraph of its own.
    const draft = state.currentOrFragment();
    state.addText(draft, block.text);
    draft.openParagraph = false;
    state.trace(block, 'body', 'a label line (column, contact details): never a headline');
    return true;
  }
  return false;
};

/**
 * A signed headline with no text yet: what stands before its text is its series line (printed
 * under the author line) or, after that, the captions of a web article's lead photos.
 */
const seriesLine: ShortStep = (state, block, index) => {
  const { current } = state;
  const next = state.blocks[index + 1];
  if (
    !(
      current?.inHeader &&
      current.title &&
      current.authors.length > 0 &&
      current.body.length === 0 &&
      kickerShaped(block.text) &&
      !sameHeadline(block.text, current.title) &&
      next?.shape !== 'author-line' &&
      next?.shape !== 'article-data' &&
      !state.headerFollows(next, index)
    )
  )
    return false;
  if (!current.kicker) {
    current.kicker = block.text;
    state.trace(block, 'kicker', 'a series line under the author line');
  } else {
    current.captions.push(block.text);
    state.trace(block, 'caption', 'between a signed headline and its text');
  }
  return true;
};

/** The second of two short lines over an article's header, when the first was its headline. */
const pairedSubtitle: ShortStep = (state, block, index) => {
  if (index !== state.forcedSubtitle || !state.current) return false;
  state.current.subtitle = block.text;
  state.trace(block, 'subtitle', 'the second of two short lines over the header, under an unmarked headline');
  return true;
};

/** `一、…` inside an article that has text already: one of its numbered sections, never a headline. */
const numberedSection: ShortStep = (state, block) => {
  const { current } = state;
  if (!NUMBERED_SECTION.test(block.text) || !current || current.inHeader || current.body.length === 0) return false;
  state.addHeading(current, block.text);
  state.trace(block, 'section heading', 'a numbered section (一、…) of the open article: headlines are not numbered');
  return true;
};

/** `原标题：…`: a reprint names the title the article first had. */
const ORIGINAL_TITLE = /^原标题\s*[：:]\s*(\S.{3,})$/;

/**
 * Under the reprint's own headline the original title is a note, not a new article; where the page
 * printed no headline of its own (a mirror that kept only the label), it is the headline.
 */
const originalTitle: ShortStep = (state, block) => {
  const original = ORIGINAL_TITLE.exec(block.text)?.[1];
  if (original === undefined) return false;
  const { current } = state;
  if (current?.title && !current.fragment) {
    if (retitledByOriginal(state, block)) return true;
    state.trace(block, 'note', "a reprint's original title (原标题：…) under its own headline");
    return true;
  }
  state.start(original, block);
  state.trace(block, 'headline', 'the original title (原标题：…), and no headline of its own above it');
  return true;
};

/**
 * A reprint prints the print edition's headline again under the web headline, before any text
 * (`网页标题 甲乙丙` / data line / `甲乙丙`): the same words, not a new article.
 */
const headlineAgain: ShortStep = (state, block, index) => {
  const { current } = state;
  // (A wire item titled from its dateline, `…电题:标题`, may print the headline alone after its lede.)
  const textAbove = !current?.body.every((p) => current.headings.has(p));
  if (!current?.title || current.fragment || (textAbove && !current.wireTitle)) return false;
  if (!sameHeadline(block.text, current.title)) return false;
  const [web, again] = [wordsOf(current.title), wordsOf(block.text)];
  if (state.blocks[index + 1]?.shape === 'subtitle' && web.length > again.length && web.includes(again)) {
    // `标题——副题(转载)别的标题` as the page title, then `标题` over `——副题`: this printing is the headline.
    current.title = block.text;
    state.trace(block, 'headline', 'the headline printed again with its subtitle under it: the page title above carried more');
    return true;
  }
  state.trace(
    block,
    'note',
    current.wireTitle
      ? "the headline printed again (the wire dateline's 题：… named it)"
      : 'the headline printed again (the print edition’s) under the web one',
  );
  printKickerAbove(state, current);
  return true;
};

/**
 * A part's title over the article's subtitle printed again (`第一部分的标题` / `——副题`), before the
 * text: the article goes on, and the line is its section heading.
 */
const partTitle: ShortStep = (state, block, index) => {
  const { current } = state;
  const next = state.blocks[index + 1];
  if (!current?.title || !current.subtitle || next?.shape !== 'subtitle') return false;
  if (!current.body.every((p) => current.headings.has(p))) return false;
  if (wordsOf(next.text) !== wordsOf(current.subtitle)) return false;
  state.addHeading(current, block.text);
  state.trace(block, 'section heading', "a part's title over the article's subtitle printed again: the article goes on");
  return true;
};

/**
 * A blog or column page prints the piece's own title under the web headline with the same
 * series label (`【某某笔记】之六：网页标题` / data line / `【某某笔记】之六：本篇标题`), before any
 * text: one article, and the second line is its section heading, not a new headline.
 */
const seriesTitleAgain: ShortStep = (state, block) => {
  const { current } = state;
  if (!current?.title || current.fragment || block.kicker === undefined || block.kicker !== current.kicker) return false;
  if (!current.body.every((p) => current.headings.has(p))) return false;
  state.addHeading(current, block.text);
  state.trace(block, 'section heading', 'the headline’s own series label again, before its text: the piece’s title');
  return true;
};

/**
 * The document a notice names in its title (`关于《某某预案（征求意见稿）》公开征求意见的通知`), printed
 * in full under the notice's signature: the notice goes on with it, as its section heading.
 */
const noticeAttachment: ShortStep = (state, block) => {
  const { current } = state;
  const named = current?.notice ? [...current.title.matchAll(/《([^》]{4,60})》/g)].map((m) => wordsOf(m[1] ?? '')) : [];
  if (!current || !named.includes(wordsOf(block.text))) return false;
  current.closed = false;
  state.addHeading(current, block.text);
  state.trace(block, 'section heading', 'the document the notice names (《…》), printed under it');
  return true;
};

/** The last sentence of an open article's text, over the editor's lines that close it (`雨停了，堤保住了，人都回家了！`). */
const closingSentence = (state: SplitState, block: Block) =>
  state.current !== undefined && !state.current.inHeader && state.current.body.length > 0 && clauseCount(block.text) > 2;

/** A headline confirmed by what is right under it (or by the kicker line over it). */
const confirmedHeadline: ShortStep = (state, block, index) => {
  const next = state.blocks[index + 1];
  // A dateline (`本报讯…`) opens a news item: the short line above it is its headline.
  const confirmation =
    index === state.forcedHeadline
      ? 'a kicker above it'
      : state.headerFollows(next, index)
        ? next?.shape === 'subtitle'
          ? 'a subtitle below it'
          : 'an author line below it'
        : next?.shape === 'article-data' && !closingSentence(state, block)
          ? 'article data (source, time) below it'
          : next?.shape === 'text' && datelineOf(next.text)
            ? 'a dateline below it'
            : block.overShareBar && !state.current
              ? "a platform's share bar (分享至) below it"
              : undefined;
  if (!confirmation) return false;
  state.start(block.text, block);
  state.trace(block, 'headline', confirmation);
  return true;
};

/** A short line over the CMS's title field (`标题：…`) at the top of the page: the site's banner, not a kicker. */
const bannerOverTitleField: ShortStep = (state, block, index) => {
  if (state.current || !state.blocks[index + 1]?.titleField) return false;
  state.trace(block, 'furniture', "over the CMS's title field (标题：…): the site's banner");
  return true;
};

/** The end of a sentence that runs on from the paragraph above, or a line no headline looks like. */
const continuation: ShortStep = (state, block, index) => {
  const { current } = state;
  const next = state.blocks[index + 1];
  const placeHeadline = PLACE_OPENING.test(block.text) && next !== undefined && next.shape === 'text';
  const why = unbalanced(block.text)
    ? 'a quote or bracket left open'
    : clauseCount(block.text) > 2 && !exclaimedPostTitle(state, block, index)
      ? 'more clauses than a headline has'
      : current?.openParagraph &&
          !current.inHeader &&
          !current.closed &&
          !state.strongHeadline(block) &&
          !placeHeadline &&
          // (a masthead or a list of headlines between them parts the page: the paragraph ended there)
          !block.afterSectionBreak
        ? 'the paragraph above is unfinished'
        : undefined;
  if (!why) return false;
  state.addText(state.currentOrFragment(), block.text);
  state.trace(block, 'body', why);
  return true;
};

/**
 * A web post's headline on the page's first line, over its text: it may run to three or four
 * clauses when it closes with ！ or ？ (`这个周末，某县老街火了，三天接待游客超十万！`), as no sentence cut from a body does.
 */
function exclaimedPostTitle(state: SplitState, block: Block, index: number): boolean {
  return !state.current && clauseCount(block.text) <= 4 && /[！？!?]$/.test(block.text) && state.blocks[index + 1]?.shape === 'text';
}

/** A headline by other evidence: the first line, a closed article above, the brief form, a list… */
const evidencedHeadline: ShortStep = (state, block, index) => {
  const evidence = state.headlineEvidence(block, index) ?? state.teaserEvidence(index);
  if (!evidence) return false;
  state.start(block.text, block);
  state.trace(block, 'headline', evidence);
  return true;
};

const SHORT_STEPS: readonly ShortStep[] = [
  commentaryLabel,
  columnOfItems,
  digestItem,
  interviewTurn,
  labelLine,
  leadInLine,
  pieceUnderSpecialPage,
  pairedSubtitle,
  stackedHeadline,
  seriesLine,
  numberedSection,
  originalTitle,
  headlineAgain,
  headlineUnderPageTitle,
  partTitle,
  seriesTitleAgain,
  noticeAttachment,
  confirmedHeadline,
  bannerOverTitleField,
  kickerLine,
  afterCutLede,
  continuation,
  headingUnderDataLine,
  evidencedHeadline,
];
