/**
 * The evidence the splitter weighs (./split.ts): what makes a short line a headline or keeps it
 * in the text (`地名：` briefs, place-name openings, posting times, prize ranks, clause counts, open
 * quotes), and the marks that close or credit an article (jumps, trailing bylines).
 */
import type { Block } from './block-shapes.ts';
import { EDITOR_NOTE, endsSentence } from './block-shapes.ts';
import type { Draft } from './draft.ts';

/** `邵东：…`, `江华交警：…`, `荷塘区月塘街道：…`: the brief form, a short lead then a colon (and words: `今日访问:12` is a counter). */
export const LEAD_COLON = /^[^，。：:“”‘’、\s]{2,12}[：:](?=[^\n]*[\u4e00-\u9fa5A-Za-z])\S/;
/** An opening that names a place by its administrative suffix (`湘西州开展…`, `桃源县漳江街道…`). */
// The name before the suffix holds no particle or measure word (`一次全景式的乡村…` names no place), and the
// suffix does not open an everyday word (乡村, 市民, 区域, 县域, 小区…).
// Nor is the suffix the end of an everyday word (景区, 社区, 城市, 超市, 城镇, 家乡, 全省…).
export const PLACE_OPENING = new RegExp(
  '^(?![全该本我各此])(?:(?![的了是在和与个次场])[\\u4e00-\\u9fa5]){2,6}?' +
    '(?:(?<![景社园小城山矿校辖片库湖街郊灾老营厂军战警新])区|(?<![城超夜集股都门菜花早黑])市|(?<!郡)县|(?<!神)州|' +
    '(?<![城乡村古重小集])镇|(?<![城家故回下异老返同])乡|街道|(?<![全外节反本])省)(?![长委政级村民场域内外里间面容貌情])',
);

/**
 * `一、…`, `二、…`: a numbered section of the article above. A headline is never numbered this way,
 * whatever confirms it (a `——` line under a numbered heading is that section's own subtitle).
 */
export const NUMBERED_SECTION = /^[一二三四五六七八九十]{1,3}、\S/;

/**
 * A bare posting time (`4月16日 下午 4:38`, `2031-02-03 10:15`) or date (`2031-02-03`, a list page's
 * headline–lede–date items): the end of one post in a list of posts.
 */
export const POSTING_TIME =
  /^(?:\d{1,2}月\d{1,2}日\s*(?:上午|下午|晚上|凌晨|中午)?\s*\d{1,2}:\d{2}|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$/;
/** A prize rank over a list of winners (`一等奖`), or the appendix line over it (`附：获奖名单`). */
export const PRIZE_LIST_LINE = /^(?:(?:特|一|二|三|四|五|优秀|优胜|鼓励|提名|金|银|铜)(?:等)?奖|附[：:].{0,40}(?:名单|名录|一览表))$/;

/** A photo story prints up to this many captions between its headline and its author line… */
const PHOTO_LEAD_CAPTIONS_MAX = 12;
/** …each at most this long, and most much shorter. */
const PHOTO_LEAD_CAPTION_MAX = 100;
const PHOTO_LEAD_CAPTION_MEAN = 45;

/** A caption in square brackets on its line (`【城区航拍图】`, `【某某公园。】`): an e-paper's photo slot. */
const BRACKETED_CAPTION = /^【[^【】]+】$/;

/** The text so far of a titled, unsigned article is a photo story's captions (then its author line). */
export function photoStoryLead(draft: Draft): boolean {
  const body = draft.body;
  if (body.length === 0 || body.length > PHOTO_LEAD_CAPTIONS_MAX || draft.headings.size > 0) return false;
  const mean = body.reduce((sum, p) => sum + p.length, 0) / body.length;
  const caption = (p: string) => p.length <= PHOTO_LEAD_CAPTION_MAX && (endsSentence(p) || BRACKETED_CAPTION.test(p));
  return mean <= PHOTO_LEAD_CAPTION_MEAN && body.every(caption);
}

/** An editor's note opening an article: `编者按：…` on its paragraph, or the label alone over its text. */
const NOTE_OPENING = /^[【\[]?(?:编者按|编者的话|编前语|开栏语|开篇语|核心提示)[】\]]?\s*[：:]/;

/** Whether all the text under the headline so far is an editor's note (its label and a paragraph or two). */
export function onlyEditorsNote(draft: Draft): boolean {
  const [first, ...rest] = draft.body;
  return first !== undefined && rest.length <= 2 && draft.authors.length === 0 && (NOTE_OPENING.test(first) || EDITOR_NOTE.test(first));
}

/** `原标题：…` on its line, bare or in brackets (`（原标题：…）`, as reprints print it under their headline). */
export const ORIGINAL_TITLE_LINE = /^[（(]?\s*原标题\s*[：:]\s*(\S.{3,}?)\s*[)）]?$/;

const wordsOnly = (text: string) => text.replace(/[\s\p{P}]/gu, '');

/**
 * Whether a headline is the original title with words pushed into it (a spam mirror inserting its
 * search keywords): every character of the original in order, more besides, and never the original whole
 * (a reprint that only adds a place before it, `某县：原标题`, keeps its own headline).
 */
export function keywordsInserted(original: string, headline: string): boolean {
  const wanted = wordsOnly(original);
  const printed = wordsOnly(headline);
  if (printed.length < wanted.length + 4 || printed.includes(wanted)) return false;
  let found = 0;
  for (const char of printed) if (char === wanted[found]) found++;
  return found === wanted.length;
}

/** `（上接1版）`, `(接第2版①)` opening a paragraph; `（下转第3版）` closing one. */
export const JUMP_IN = /^[（(]\s*(?:上接|紧接|承接|接上|接第|续第|接)[^（）()]{0,12}[）)]\s*/;
export const JUMP_OUT = /\s*[（(]\s*(?:下转|转第|转)[^（）()]{0,12}[）)]\s*$/;

/** A paragraph closed by names in parentheses right after its last sentence. */
export const TRAILING_BYLINE = /([。！？”])\s*[（(]([^（）()]{2,30})[）)]$/;
/** …or by a reporter named without brackets: `…完工。  通讯员 李静`, `…开幕。记者张辉`. */
export const TRAILING_BARE_BYLINE =
  /([。！？”])\s*((?:本报)?(?:记者|通讯员|实习生)\s*[\u4e00-\u9fa5·]{2,4}(?:[ 　、]+(?:(?:记者|通讯员|实习生)\s*)?[\u4e00-\u9fa5·]{2,4}){0,3})$/;

/**
 * A kicker names a column or series: a book-title or 【】 mark, a number, a closing dash or colon,
 * or a reportage word at its end (`…行`, `…笔记`, `…系列报道①`).
 */
const KICKER_MARK = /[《》【】①-⑳]|[——：:]$|(?:行|记|笔记|侧记|手记|札记|纪行|报道|系列|看湖南|走基层|进行时)$/;

/**
 * Two short lines over an article's header with nothing marked: the first is the headline and
 * the second its subtitle (`郴山足奇变 其水复清美` / `“楚粤孔道”访郴州`), unless the first is
 * kicker-shaped: a label of up to seven characters, a column or series mark, or a line shorter
 * than the headline under it (`产业兴村  人才回流` / `隆回县：金银花田里…`: a subtitle is no longer
 * than its headline), or the second has the brief form of a headline (`地名：…`) or only a few
 * characters.
 */
export function unmarkedSubtitle(first: string, second: string): boolean {
  const [a, b] = [first.replace(/\s+/g, ''), second.replace(/\s+/g, '')];
  return (
    a.length >= 8 &&
    (b.length <= a.length || COUNT_OPENING.test(b)) &&
    !tooShortForSubtitle(second) &&
    !KICKER_MARK.test(first) &&
    !LEAD_COLON.test(second)
  );
}

/**
 * …and a subtitle gives the figures: a line opening with a count (`两百多名孩子…`, `40多名记者将…`,
 * `12个村庄入选…`) is the subtitle of the line above it even when it is the longer one.
 */
export const COUNT_OPENING =
  /^(?:\d+|[一二三四五六七八九十两百千]+)(?:多|余)?(?:名|个|位|家|所|项|户|支|场|次|件|条|处|座|辆|吨|亩|万|千|百)/;

/** A subtitle explains: a line of a few characters (`焰火烧天`) under a longer one is the headline under its kicker. */
const SUBTITLE_MIN = 6;
export const tooShortForSubtitle = (text: string) => text.replace(/\s+/g, '').length < SUBTITLE_MIN;

/** A kicker is a label: no clause break outside quotes (`此外，对于…` is a cut sentence). */
export function kickerShaped(text: string): boolean {
  return !/[，；,;]/.test(text.replace(/[“『「《(（][^”』」》)）]*[”』」》)）]/g, ''));
}

/** Clauses outside quotes: headings have one or two (`织密红色网格，治理精准到人`), running text more. */
export function clauseCount(text: string): number {
  return text.replace(/[“『「《(（][^”』」》)）]*[”』」》)）]/g, '').split(/[，；,;]/).length;
}

/** Quotes or brackets opened and not closed: a line cut in the middle of a sentence. */
export function unbalanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/[“‘『「（(《]/g) !== count(/[”’』」）)》]/g);
}

/** Whether the block after `index` is body text or header material (so `index` is a real author line). */
export function afterNextIsBodyOrHeader(blocks: readonly Block[], index: number): boolean {
  const after = blocks[index + 1];
  return after !== undefined && after.shape !== 'short';
}

/**
 * A short line that leads into the paragraph under it: it ends on a dash (`有某某的文学村庄——`) or the
 * paragraph opens with 的, which no sentence starts with (`来自甲地、乙地等地` / `的游客也…`, a WeChat
 * post's clause lines). Never a headline.
 */
export function leadsInto(block: Block | undefined, under: Block | undefined): boolean {
  return /(?:——|──)$/.test(block?.text ?? '') || /^的(?![确士])/.test(under?.text ?? '');
}
