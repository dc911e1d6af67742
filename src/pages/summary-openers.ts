/**
 * What a summary never opens with (issue #9: never a dateline, a byline or furniture). Real pages
 * leave such lines in an article's body when the splitter could not tell them from text: a web
 * page's article data run into one line, a video's credits, a series announcement, a photo
 * caption standing between paragraphs, and labels, credits or attributions glued before the first
 * sentence (`摘要：`, `本报综合`, `据某报10月28日报道`, `某报邵阳报道（记者 某某）`, `某市融媒体中心7月3日，…`,
 * a dateline in traditional characters).
 * The body keeps them (nothing is lost); only the summary passes over them.
 */
import { datelineOf } from './dateline.ts';
import { furnitureOf } from './furniture.ts';

/** Labels of article data (`作者：`, `发布时间：`, `查看次数：` …); two on one line make it data, not text. */
const DATA_LABEL = /(?:作者|来源|发布时间|发布日期|责任编辑|编辑|查看次数|浏览次数|点击数|阅读数|字号)\s*[：:]/g;
/** Roles in a video's or a song's credits (`演唱：`, `作词/作曲：`); two make a credits list. */
const CREDIT_ROLE = /(?:演唱|作词|作曲|编曲|创意|策划|统筹|监制|出品|摄影|摄像|剪辑|配音|主持|制作|顾问|演奏|编写|撰稿)\s*[：:]/g;
/** An editor's announcement of a series (`即日起，本报推出…系列报道，敬请关注。`): it introduces, it does not report. */
const ANNOUNCEMENT = /敬请(?:关注|期待|垂注|留意)[。！!]?$/;
/** An editor's note run into its label (`编者按：…`): it introduces the article, the news follows. */
const NOTE_LABEL = /^[【\[]?(?:编者按|编者的话|编前语|开栏语|开篇语)[】\]]?\s*[：:]/;
/** A caption's length at most: one short sentence with no comma (`志愿者在河边捡拾垃圾。`). */
const CAPTION_LENGTH = 20;

/**
 * Clutter glued before the first sentence of a paragraph, taken off one after the other: a bar, a
 * bullet or a stray question mark (a character the page's encoding lost) left from the layout; a
 * credit (`本报综合`); a dateline in traditional characters; an abstract's label (the abstract itself
 * is a fine summary); a reprint's attribution (`据某某晚报10月28日报道`); an outlet's report line
 * with its reporter (`某某邮报邵阳报道（记者 某某）`) and an outlet's name run into the date
 * (`某市融媒体中心7月3日`).
 */
const GLUED_OPENERS: RegExp[] = [
  /^[|｜丨▍│?？\uFFFD\s]+/,
  // `本报综合 `: the paper compiled the item (a credit, like a dateline).
  /^(?:本报|本報)(?:综合|綜合)(?:消息|报道|報導)?(?:\s+|[：:]\s*)/,
  // a dateline in traditional characters (`某某報3月3日訊（記者 …）`, `新某某8月25日訊 `), which the
  // splitter's dateline reader (simplified) leaves in place.
  /^(?:[\u4e00-\u9fa5·]{2,16}?(?:\d{1,2}月)?\d{1,2}日|[\u4e00-\u9fa5·]{0,14}(?:報|網|台|社|新聞|融媒|客戶端))訊(?:\s*[（(][^（）()]{1,40}[）)])?\s*/,
  /^[【\[]?(?:摘要|内容摘要|内容提要|提要|导语|核心提示)[】\]]?\s*[：:]\s*/,
  /^据[\u4e00-\u9fa5A-Za-z·《》]{2,20}?(?:\d{1,2}月\d{1,2}日)?(?:报道|报導|消息)(?:\s+|[：:]\s*)/,
  /^[\u4e00-\u9fa5A-Za-z·]{2,16}?(?:报道|报導)\s*[（(][^（）()]{0,8}(?:记者|記者|通讯员|通訊員)[^（）()]{1,30}[）)]\s*/,
  /^[\u4e00-\u9fa5·]{2,14}?(?:融媒体中心|融媒體中心|日报社|日報社|日报|日報|晚报|晚報|电视台|電視台|新闻网|新聞網|客户端)(?=\d{1,2}月\d{1,2}日)/,
];

/** `paragraph` without the clutter glued before its first sentence (see {@link GLUED_OPENERS}). */
export function withoutGluedOpeners(paragraph: string): string {
  let text = paragraph;
  for (let changed = true; changed; ) {
    changed = false;
    for (const opener of GLUED_OPENERS) {
      const cut = opener.exec(text)?.[0].length ?? 0;
      if (cut > 0 && cut < text.length) {
        text = text.slice(cut);
        changed = true;
      }
    }
  }
  return text;
}

/** A photo file or a forum's image tag left in the text (`[attach]12[/attach]`, `IMG_0012.jpg`). */
const IMAGE_MARKER = /\[attach\]|\[img\]|\.(?:jpe?g|png|gif|webp)\b/i;

/** A line that is only image markers. */
const IMAGE_ALONE = /^(?:\[attach\][^[\]]*\[\/attach\]|\[img\][^[\]]*\[\/img\]|\S+\.(?:jpe?g|png|gif|webp))$/i;

/** True for a run of article data (`作者：… 发布时间：…`) or credits (`演唱：… 作词：…`): no sentence to summarise. */
export function isDataOrCredits(text: string): boolean {
  return (text.match(DATA_LABEL) ?? []).length >= 2 || (text.match(CREDIT_ROLE) ?? []).length >= 2;
}

/** One short sentence with no comma (`志愿者在河边捡拾垃圾。`): a caption's shape, or a short lede's. */
function captionShaped(text: string | undefined): boolean {
  return text !== undefined && text.length <= CAPTION_LENGTH && /^[^，,；;：:。！？!?]+。$/.test(text.trim());
}

/**
 * True when a body paragraph is no text for a summary: furniture, a line of article data, a
 * credits list, a series announcement or an editor's note run into its label (when text follows),
 * a photo caption. A caption has a caption's shape and stands by a photo: after an image marker,
 * beside another caption-shaped line, or in an article whose photos the splitter found — and
 * longer text follows it; a short lede alone (`提起笔来有点沉重。`) stays.
 */
function notSummaryText(body: readonly string[], i: number, hasCaptions: boolean): boolean {
  const text = body[i].trim();
  const later = body.slice(i + 1);
  if (furnitureOf(text) !== undefined || isDataOrCredits(text) || IMAGE_ALONE.test(text)) return true;
  if (ANNOUNCEMENT.test(text) || NOTE_LABEL.test(text)) return later.length > 0;
  // Longer text must follow: a caption illustrates it.
  if (!captionShaped(text) || !later.some((p) => p.length > CAPTION_LENGTH && !captionShaped(p))) return false;
  const byPhoto = IMAGE_MARKER.test(body[i - 1] ?? '') || captionShaped(body[i - 1]) || captionShaped(body[i + 1]);
  return byPhoto || hasCaptions;
}

/**
 * A caption or a kicker run into the first paragraph before its dateline (`某地现场。某网某县站
 * 11月9日讯（记者 …）…`): the text from after the dateline; the paragraph itself otherwise.
 */
function fromInnerDateline(paragraph: string): string {
  const end = paragraph.indexOf('。');
  if (end < 0 || end > CAPTION_LENGTH) return paragraph;
  const dateline = datelineOf(paragraph.slice(end + 1));
  return dateline ? paragraph.slice(end + 1 + dateline.length) : paragraph;
}

/** Page controls that close a line of article data (`字号：大 中 小`, `放大 缩小 默认`). */
const CONTROLS = /^(?:\s*(?:放大|缩小|默认|打印|关闭|收藏|分享|大|中|小|[【】|｜]))+\s*/;

/**
 * The text a line of article data runs into (`…查看次数：  放大 缩小 默认在冰雪盛宴中，…`): what
 * follows the last field's value and the page controls, when it reads as a sentence; otherwise
 * the paragraph as it is.
 */
function textAfterData(paragraph: string): string {
  const last = [...paragraph.matchAll(DATA_LABEL)].at(-1);
  if (!last || !isDataOrCredits(paragraph)) return paragraph;
  const afterValue = paragraph.slice((last.index ?? 0) + last[0].length).replace(/^\s*\S*/, '');
  const rest = afterValue.replace(CONTROLS, '');
  return rest.length >= CAPTION_LENGTH && /[。！？!?]/.test(rest) ? rest : paragraph;
}

/**
 * The body paragraphs a summary may use, in order, each without the clutter before its first
 * sentence: everything when nothing else is left (nothing is lost).
 */
export function summaryParagraphs(body: readonly string[], hasCaptions: boolean): string[] {
  const paragraphs = body.map(textAfterData);
  const text = paragraphs.filter((_, i) => !notSummaryText(paragraphs, i, hasCaptions));
  return (text.length > 0 ? text : body).map((p, i) => (i === 0 ? fromInnerDateline(p) : p));
}
