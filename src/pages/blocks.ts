/**
 * Classifying the lines of a page. Each non-empty line of a page is one block; this file decides
 * what each block looks like on its own (a possible headline, an author line, a byline, a caption
 * credit…). Whether a headline-shaped line really starts an article depends on its neighbours and
 * is decided in ./split.ts.
 */
import { startsWithSurname } from './surnames.ts';

export type BlockShape =
  /** `# …` markdown heading: a headline. */
  | 'md-headline'
  /** `——…` or `## ——…`: a subtitle. */
  | 'subtitle'
  /** `**…**` alone on a line: an in-article section heading. */
  | 'bold-heading'
  /** Names separated by spaces, e.g. `张福芳 付柯瞰`. */
  | 'author-line'
  /** Names in parentheses closing an article, e.g. `（刘琼）`. */
  | 'byline'
  /** `（作者系…）`: a note about the author. */
  | 'author-note'
  /** A photographer's credit alone, e.g. `张福芳 摄`, `(唐东升 王君王 摄)`. */
  | 'photo-credit'
  /** A caption with its credit on the same line, e.g. `桂东植物园一角。(桂东县委宣传部供图)`. */
  | 'caption'
  /** `（完）`, `（全文完）`: the article ends here. */
  | 'end-mark'
  /** A date alone, e.g. `2023年3月1日`: the signature of a notice. */
  | 'date-line'
  /** Short, no sentence-final punctuation: a headline, kicker or section heading. */
  | 'short'
  /** Anything else: body text. */
  | 'text';

export interface Block {
  /** 1-based line number in the page, for diagnostics. */
  line: number;
  /** Text without markdown markers and surrounding whitespace. */
  text: string;
  shape: BlockShape;
}

/** Longest line that can still be a headline or heading. */
export const MAX_HEADING_LENGTH = 36;

const SENTENCE_END = /[。！？!?…；;]["”’』」）)]*$/;
const CJK_NAME = '[\\u4e00-\\u9fa5·]{2,4}';
const NAMES = new RegExp(`^${CJK_NAME}(?:[ \\u3000]+${CJK_NAME}){0,7}$`);
const BRACKETED = /^[（(]\s*([^（）()]+?)\s*[）)]$/;
const TRAILING_CREDIT = /[（(][^（）()]{2,40}(?:摄|供图|图)[）)]$/;

/**
 * Characters a sentence almost never starts with in Chinese news text; a paragraph opening with
 * one was cut from a sentence that began elsewhere (another column or page).
 */
const CONTINUATION_OPENING = /^(?:[，。、；：）》」』”’…]|[的等](?![确到])|[万亿千][元度吨人户亩个家米平余]|[\u4e00-\u9fa5][，、])/;

/** True when the text opens in the middle of a sentence. */
export function startsMidSentence(text: string): boolean {
  return CONTINUATION_OPENING.test(text);
}

/** True when a line ends a sentence (so the paragraph is complete). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** Strips markdown markers; returns the text and what the markers said. */
function stripMarkdown(raw: string): { text: string; heading: number; bold: boolean } {
  let text = raw.trim();
  let heading = 0;
  const hashes = /^(#{1,6})\s+/.exec(text);
  if (hashes) {
    heading = hashes[1].length;
    text = text.slice(hashes[0].length).trim();
  }
  let bold = false;
  const wholeBold = /^\*\*(.+?)\*\*$/.exec(text);
  if (wholeBold) {
    bold = true;
    text = wholeBold[1].trim();
  }
  // Bold lead-ins inside a paragraph (`**智治提效**。正文`) are emphasis only: drop the markers.
  text = text.replace(/\*\*(.+?)\*\*/g, '$1');
  return { text, heading, bold };
}

/**
 * A line of 1–8 personal names: each 2–4 Chinese characters starting with a common surname,
 * separated by spaces. Four-character tokens alone (`搭建平台 激发活力`) are phrases, not names.
 */
export function isNameList(text: string): boolean {
  if (!NAMES.test(text)) return false;
  const names = splitNames(text);
  // Rare surnames exist, so most (not all) tokens must open with a common one.
  const withSurname = names.filter(startsWithSurname).length;
  return names.some((name) => name.length <= 3) && withSurname >= Math.ceil(names.length / 2);
}

/** Splits an author line or byline into names. */
export function splitNames(text: string): string[] {
  return text.split(/[ \u3000]+/).filter(Boolean);
}

/** Role words before names on author lines and in bylines (`本报记者 张三 通讯员 李四`, `文/图 王五`). */
// Only at the start of a token, so the 文 of a name like 麦天文 is never taken for a role.
const ROLE_WORDS = /(?<![\u4e00-\u9fa5])(?:(?:本报|特约|见习|实习|融媒体|全媒体)?(?:记者|通讯员|实习生|摄影|撰稿|编辑)|文[\/／]图|[文图](?=[：:]))/g;

/** Names with role words removed, if the line is nothing but roles and names. */
export function namesWithoutRoles(text: string): string | undefined {
  const stripped = text.replace(/^[■●▲◆]\s*/, '').replace(ROLE_WORDS, ' ').replace(/[：:、，,]/g, ' ').replace(/\s+/g, ' ').trim();
  return stripped !== text.trim() && stripped !== '' && isNameList(stripped) ? stripped : undefined;
}

/** Page furniture that belongs to no article: editor credits, page headers. */
const FURNITURE = /^(?:责任编辑|责编|版式|美编|校对|组版|值班编辑|审读)[：:]|^.{0,12}(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天].{0,20}$|^第?\s*\d{1,2}\s*版|第\s*\d{1,2}\s*版\s*$/;

/** `本报讯（记者 张三）`, `本报长沙3月4日讯`, `新华社北京3月4日电`: the opening of a news item. */
export const DATELINE = /^(?:本报[\u4e00-\u9fa5\d]{0,16}讯|新华社[\u4e00-\u9fa5\d]{0,16}电|[\u4e00-\u9fa5]{2,6}(?:日报|晚报|报)[\u4e00-\u9fa5\d]{0,12}讯)\s*(?:[（(]([^（）()]{2,40})[）)])?\s*/;

/** Classifies one line of a page; undefined for blank lines and page furniture. */
export function classifyLine(raw: string, line: number): Block | undefined {
  const stripped = stripMarkdown(raw);
  const { heading, bold } = stripped;
  let { text } = stripped;
  if (text === '' || FURNITURE.test(text)) return undefined;
  const roleFree = namesWithoutRoles(text);
  if (roleFree !== undefined && !/^[（(]/.test(text)) text = roleFree;
  const block = (shape: BlockShape): Block => ({ line, text, shape });

  if (/^(——|──|—|--)/.test(text)) return block('subtitle');
  if (heading === 1) return block('md-headline');
  if (heading >= 2) return block(text.length <= MAX_HEADING_LENGTH ? 'bold-heading' : 'text');
  if (bold) return block('bold-heading');

  if (/^[（(](?:完|全文完|本文完)[）)]$/.test(text)) return block('end-mark');
  const bracketed = BRACKETED.exec(text);
  if (bracketed) {
    const inner = namesWithoutRoles(bracketed[1]) ?? bracketed[1].trim();
    if (inner !== bracketed[1].trim()) text = `（${inner}）`;
    if (/^作者(系|为|是)/.test(inner)) return block('author-note');
    if (/\s*摄$/.test(inner) && isNameList(inner.replace(/\s*摄$/, '').trim())) return block('photo-credit');
    if (isNameList(inner)) return block('byline');
  }
  if (/^[\u4e00-\u9fa5·]{2,4}(?:[ \u3000]+[\u4e00-\u9fa5·]{2,4})*[ \u3000]*摄$/.test(text)) return block('photo-credit');
  if (TRAILING_CREDIT.test(text) && text.length < 120) return block('caption');
  if (/^(19|20)\d\d年\d{1,2}月\d{1,2}日$/.test(text)) return block('date-line');
  if (isNameList(text) && !/(公告|启事|声明|通知|通告|公示)$/.test(text)) return block('author-line');
  // A full stop inside the line means running text cut at the line's end, not a heading.
  if (text.length <= MAX_HEADING_LENGTH && !endsSentence(text) && !/[，、]$/.test(text) && !/[。！？]/.test(text)) return block('short');
  return block('text');
}

/** Classifies every non-empty line of a page. */
export function pageBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  text.split('\n').forEach((raw, index) => {
    const block = classifyLine(raw, index + 1);
    if (block) blocks.push(block);
  });
  return blocks;
}
