/**
 * Short lines whose form a paper's columns give away (./split-short.ts tries them first): a
 * commentary column's label over its one-line headline, a column of one-sentence items under its
 * label, a digest's numbered items, and the turns of an interview. docs/page-layouts.md §1.5, §1.11, §4.7.
 */
import { type Block, EDITOR_NOTE } from './block-shapes.ts';
import type { ShortStep } from './split-short.ts';

/** `短评`, `【时评】`: the label of a commentary column, printed alone over the piece's headline. */
const COMMENTARY_LABEL = /^[【[]?(?:短评|时评|快评|微评|锐评|述评|社评|短论|小言论|今日谈|编辑点评|本报评论)[】\]]?$/;

/**
 * `短评` / `竹子也要“站得高”` / text: the label is the piece's kicker and the line under it its
 * headline, though nothing else (no author line, no dateline) confirms it: a short comment is
 * signed at its end, if at all.
 */
export const commentaryLabel: ShortStep = (state, block, index) => {
  const [next, after] = [state.blocks[index + 1], state.blocks[index + 2]];
  if (!COMMENTARY_LABEL.test(block.text) || next?.shape !== 'short' || (after?.shape !== 'text' && after?.shape !== 'author-line'))
    return false;
  state.pendingKicker = block.text.replace(/^[【[]|[】\]]$/g, '');
  state.forcedHeadline = index + 1;
  state.trace(block, 'kicker', "a commentary column's label (短评, 时评…) over its headline");
  return true;
};

/** `● 某日，某地…。` (the bullet already read off): one sentence, an item of a column of one-line news. */
const isOneSentenceItem = (b: Block | undefined) =>
  b?.shape === 'text' && b.text.length <= ITEM_MAX && /[。！？]$/.test(b.text) && !/[。！？]/.test(b.text.slice(0, -1));
const ITEM_MAX = 80;
const COLUMN_ITEMS_MIN = 2;

/**
 * `【一句话新闻】` over two or more one-sentence items, none with a headline: the column is one piece
 * and its label is the only headline it has (a label over one paragraph of a notice, `【温馨提示】`,
 * stays a label line).
 */
export const columnOfItems: ShortStep = (state, block, index) => {
  // (Under a headline, before its text, a label is the article's own: `【编者按】` over its note.)
  if (!block.label || block.kicker === undefined || EDITOR_NOTE.test(block.text) || state.current?.inHeader) return false;
  let items = 0;
  while (isOneSentenceItem(state.blocks[index + 1 + items])) items++;
  if (items < COLUMN_ITEMS_MIN) return false;
  state.start(block.kicker, block);
  if (state.current) state.current.kicker = '';
  state.trace(block, 'headline', 'a column label over one-sentence items: the column is one piece, its label its headline');
  return true;
};

/** `记者：`, `问：`, `答：`, `主持人：`: a turn of an interview printed as question and answer. */
const INTERVIEW_TURN = /^(?:本报记者|记者|主持人|问|答|Q|A)\s*[：:]/;
/** `某某某：` opening a line: a speaker's turn, when the paragraph above is a turn too. */
const SPEAKER = /^[\u4e00-\u9fa5]{2,4}[：:]/;

/**
 * A question of an interview is short and may end in `？`, or a speaker's name before a colon reads
 * like the brief form `地名：…`: either way it is a paragraph of the interview, never a headline.
 */
export const interviewTurn: ShortStep = (state, block) => {
  const { current } = state;
  const above = current?.body[current.body.length - 1] ?? '';
  const turn = INTERVIEW_TURN.test(block.text) || (SPEAKER.test(block.text) && INTERVIEW_TURN.test(above) && !current?.inHeader);
  if (!turn) return false;
  const draft = state.currentOrFragment();
  state.addText(draft, block.text);
  draft.openParagraph = false;
  state.trace(block, 'body', "an interview's turn (记者：, 问：, 答：, a speaker after a question): never a headline");
  return true;
};

/** `01、标题`: a digest's numbered item, zero-padded as digests number them (a feature's sections run 一、 or 1、). */
const DIGEST_ITEM = /^0[1-9][、.．]\s*(\S.{1,30})$/;

/**
 * A digest's numbered item over its text opens an item of its own, titled without its number:
 * at the top of the page, under a header with no text yet, or after the item before it (an article
 * that opened with text of its own keeps such lines as its sections).
 */
export const digestItem: ShortStep = (state, block, index) => {
  const item = DIGEST_ITEM.exec(block.text)?.[1];
  const { current } = state;
  if (item === undefined || state.blocks[index + 1]?.shape !== 'text') return false;
  if (current && !current.digestItem && current.body.length > 0) return false;
  state.start(item, block);
  if (state.current) state.current.digestItem = true;
  state.trace(block, 'headline', "a digest's numbered item (01、…) over its text");
  return true;
};
