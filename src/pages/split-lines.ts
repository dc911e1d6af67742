/**
 * What the splitter does with each shape of block (./split.ts), given the state so far
 * (./split-state.ts). Short lines, the hard case, are in ./split-short.ts.
 */
import { isNameList, namesWithoutRoles, splitNames } from './author-lines.ts';
import type { Block } from './block-shapes.ts';
import type { Draft } from './draft.ts';
import { withColumn } from './headline-forms.ts';
import { commentaryLabel } from './split-columns.ts';
import {
  afterNextIsBodyOrHeader,
  keywordsInserted,
  NUMBERED_SECTION,
  onlyEditorsNote,
  ORIGINAL_TITLE_LINE,
  photoStoryLead,
  POSTING_TIME,
  TRAILING_BARE_BYLINE,
  TRAILING_BYLINE,
} from './split-rules.ts';
import { CLOSING_DECISIONS, closeOrCredit, type SplitState } from './split-state.ts';

const wordsOnly = (text: string) => text.replace(/[\s\p{P}]/gu, '');

/** `——副题`: under its headline, or the sign that the heading above it was a headline. */
export function readSubtitle(state: SplitState, block: Block): void {
  const { current, trace } = state;
  const subtitle = block.text.replace(/^(——|──|—|--)+\s*/, '').trim();
  if (current?.inHeader && !current.subtitle) {
    current.subtitle = subtitle;
    trace(block, 'subtitle', 'under its headline');
  } else if (current?.subtitle && wordsOnly(subtitle) === wordsOnly(current.subtitle)) {
    // Printed again: under the headline's copy (the header goes on), or under a part's title.
    if (current.body.length === 0) {
      trace(block, 'note', "the article's subtitle printed again under its headline");
    } else {
      state.addHeading(current, block.text);
      trace(block, 'section heading', "the article's subtitle printed again (under a part's title)");
    }
  } else if (current && NUMBERED_SECTION.test(current.body[current.body.length - 1] ?? '') && current.headings.size > 0) {
    // `一、…` then `——…`: the numbered section's own subtitle, printed as a heading too.
    state.addHeading(current, block.text);
    trace(block, 'section heading', 'a dash line under a numbered section heading');
  } else if (current && current.body.length > 0 && current.headings.has(current.body[current.body.length - 1] ?? '')) {
    // A subtitle under a line we took for a section heading: that line was a headline.
    const title = current.body.pop() ?? '';
    current.headings.delete(title);
    state.start(title).subtitle = subtitle;
    trace(block, 'subtitle', 'the line above it is a headline after all');
  } else {
    state.start('').subtitle = subtitle;
    trace(block, 'subtitle', 'no headline above it (displaced or lost)');
  }
}

/** A line of names: the authors under a headline, a byline after the text, a list's entries… */
export function readAuthorLine(state: SplitState, block: Block, index: number): void {
  const { current, trace } = state;
  const names = splitNames(block.text);
  const next = state.blocks[index + 1];
  // (`时评` reads like a name: 时 is a surname.)
  if (commentaryLabel(state, block, index)) return;
  if (current?.winnersList) {
    // `溆浦县 舒雨桐` under `一等奖`: an entry of the list, not a byline.
    state.addText(current, block.text);
    current.openParagraph = false;
    trace(block, 'body', "an entry of a winners' list");
  } else if (current?.inHeader && (current.title || current.subtitle || current.kicker)) {
    current.authors.push(...names);
    current.signed = true;
    trace(block, 'authors', block.penName ? 'under the headline, signed 文/ (a pen name)' : 'under the headline');
  } else if (current && !current.inHeader && current.body.length > 0 && signsOff(current.authors, names, block, next)) {
    // `■某某报记者 张三 通讯员 李四` after the text: its writers signing off (named in its data, or
    // on the page's last lines, where no article they could head follows).
    if (current.authors.length === 0) current.authors.push(...names);
    trace(block, 'byline', "the article's writers signing its text off (named already, or on the page's last lines)");
  } else if (current?.title && current.authors.length === 0 && photoStoryLead(current) && textBelow(state.blocks, index)) {
    // A photo story: short captions printed between the headline and its author line, its text under
    // that line (with no text below, the line signs off the short paragraphs above it).
    current.captions.push(...current.body.splice(0));
    current.authors.push(...names);
    current.signed = true;
    current.inHeader = true;
    current.openParagraph = false;
    trace(block, 'authors', 'the short paragraphs above it are photo captions');
  } else if (current?.title && (onlyEditorsNote(current) || onlyIntroduction(state, current))) {
    // `编者按：…` under the headline, then `记者 甲 乙 某地报道`: the note introduces this article.
    // (A post's unlabelled introduction, its one paragraph under the page's first headline, does the same.)
    current.authors.push(...names);
    current.signed = true;
    current.openParagraph = false;
    trace(block, 'authors', "under the editor's note (编者按) or the post's introduction below the headline: the article's own byline");
  } else if (current && !current.inHeader && current.body.length > 0 && shortTitleOverByline(block, next)) {
    // `茅岩莓` over `某某日报记者 张三`: a two- to four-character headline that reads like a name.
    state.start(block.text, block);
    trace(block, 'headline', 'a lone name-like line over an author line with roles: a short headline');
  } else if (names.length > 1 || afterNextIsBodyOrHeader(state.blocks, index)) {
    // Authors with no headline above them: the headline is displaced (or lost); first on the page, an excerpt.
    const opensPage = current === undefined;
    const draft = state.start('');
    draft.excerpt = opensPage;
    draft.authors.push(...names);
    draft.signed = true;
    trace(block, 'authors', 'no headline above them: an article whose headline is printed elsewhere');
  } else if (current && block.byRole && current.body.length > 0 && current.authors.length === 0 && !current.inHeader) {
    // `记者 张三` after the text: the article's byline.
    current.authors.push(...names);
    trace(block, 'byline', 'a reporter named after the text');
  } else if (current) {
    state.addText(current, block.text);
    trace(block, 'body', 'a lone name inside the text');
  } else if (next?.shape === 'short') {
    // `衡阳` over the first headline of a tag page: the tag's (or account's) name, not a person.
    trace(block, 'furniture', "a lone name over the first headline: the page's tag or account name");
  } else {
    state.start(block.text);
    trace(block, 'headline', 'first line of the page');
  }
}

/** Running text stands somewhere below this line, before the next headline-shaped line's article. */
function textBelow(blocks: readonly Block[], index: number): boolean {
  return blocks.slice(index + 1).some((b) => b.shape === 'text');
}

/**
 * The page's first article so far holds one paragraph and no dateline or authors: a post's
 * introduction to the story it reprints, whose byline follows (a WeChat post over a wire story).
 */
function onlyIntroduction(state: SplitState, current: Draft): boolean {
  return state.drafts.length === 1 && current.body.length === 1 && !current.datelined && current.authors.length === 0;
}

/** A byline after an article's text that closes it: the writers it named already, or roles at the page's end. */
function signsOff(authors: readonly string[], names: readonly string[], block: Block, next: Block | undefined): boolean {
  if (names.length === 0) return false;
  return names.every((n) => authors.includes(n)) || (authors.length === 0 && block.byRole === true && next === undefined);
}

/** One bare "name" (no role, no mark) right over an author line that names roles: that line is the byline. */
function shortTitleOverByline(block: Block, next: Block | undefined): boolean {
  return !block.byRole && !block.penName && splitNames(block.text).length === 1 && next?.shape === 'author-line' && next.byRole === true;
}

/**
 * `（原标题：…）` under a headline that is those words with others pushed into it (a spam mirror's
 * keywords): the original title is the headline. True when it was.
 */
export function retitledByOriginal(state: SplitState, block: Block): boolean {
  const original = ORIGINAL_TITLE_LINE.exec(block.text)?.[1];
  const { current } = state;
  if (original === undefined || !current?.title || !keywordsInserted(original, current.title)) return false;
  const titled = withColumn({ line: block.line, text: original, shape: 'short' });
  current.title = titled.text;
  if (titled.kicker) current.kicker = titled.kicker;
  state.trace(block, 'note', "the original title (原标题：…): the headline above is it with a spam mirror's keywords pushed in");
  return true;
}

/** A byline, end mark, credit, author's note, date line or caption: it closes or credits the article. */
export function readClosing(state: SplitState, block: Block): void {
  if (retitledByOriginal(state, block)) return;
  const original = ORIGINAL_TITLE_LINE.exec(block.text)?.[1];
  const { current } = state;
  if (original !== undefined && (!current || (!current.title && current.body.length === 0))) {
    // `（原标题：…）` with no headline above it (a mirror kept only the note): the headline.
    state.start(original, block);
    state.trace(block, 'headline', 'the original title (原标题：…) in brackets, and no headline of its own above it');
    return;
  }
  const draft = state.currentOrFragment();
  closeOrCredit(draft, block);
  state.trace(block, CLOSING_DECISIONS[block.shape] ?? 'body', draft.fragment && draft.body.length === 0 ? 'before any article' : '');
}

/** `来源：… 发布时间：…`: no text; a bare posting time after a post's text ends that post. */
export function readArticleData(state: SplitState, block: Block): void {
  const { current, trace } = state;
  // (A post listed with no text at all ends at its time too, when that is a list's `…下午 4:38`.)
  if (
    current &&
    POSTING_TIME.test(block.text) &&
    ((!current.inHeader && current.body.length > 0) || (current.title && /[上下]午|晚上|凌晨|中午/.test(block.text)))
  ) {
    // `4月16日 下午 4:38` under a post's text: that post ends; an unfinished lede stays unfinished.
    current.stamped = true;
    current.openParagraph = false;
    trace(block, 'furniture', 'a posting time: the post above ends here');
    return;
  }
  if (current?.inHeader && current.title) current.dataLine = true;
  trace(block, 'furniture', 'article data (source, time, editor)'); // it confirmed the headline above it (see split-short.ts)
}

/** `**小标题**`, `## 小标题`: a section heading. */
export function readBoldHeading(state: SplitState, block: Block): void {
  state.addHeading(state.currentOrFragment(), block.text);
  state.trace(block, 'section heading', 'bold or markdown ##');
}

/** Running text, perhaps closed by a byline at its end (`…生机和活力。（康少兵）`). */
export function readText(state: SplitState, block: Block): void {
  const trailing = TRAILING_BYLINE.exec(block.text) ?? TRAILING_BARE_BYLINE.exec(block.text);
  const names =
    trailing?.[2] === undefined ? undefined : (namesWithoutRoles(trailing[2]) ?? (isNameList(trailing[2]) ? trailing[2] : undefined));
  if (!trailing || !names) {
    state.handleText(block);
    return;
  }
  state.handleText({ ...block, text: block.text.slice(0, trailing.index + (trailing[1]?.length ?? 0)) });
  closeOrCredit(state.currentOrFragment(), { line: block.line, text: `（${names}）`, shape: 'byline' });
  state.trace(block, 'body', 'closed by the byline at its end');
}
