/**
 * What a line of a page can look like on its own (./blocks.ts decides which), and the text tests
 * the reading and the splitting share: sentence ends, cut openings, numbered items, label lines.
 */
import type { FurnitureKind } from './furniture.ts';

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
  /** `来源：… 发布时间：…` over a web article: no text, but it confirms the headline above it. */
  | 'article-data'
  /** Anything else: body text. */
  | 'text';

export interface Block {
  /** 1-based line number in the page, for diagnostics. */
  line: number;
  /** Text without markdown markers and surrounding whitespace. */
  text: string;
  shape: BlockShape;
  /** `【栏目】` printed before a headline on its line: the headline's kicker. */
  kicker?: string;
  /** `主题——副题` on one line: the subtitle part. */
  subtitle?: string;
  /** A bracketed column label alone on its line (`【温馨提示】`): a kicker at most, never a headline. */
  label?: boolean;
  /** A list of headlines on the page (导读, 本版导航) names this line: the headline of that item. */
  listed?: boolean;
  /** A masthead or a list of headlines stands between this block and the one before it. */
  afterSectionBreak?: boolean;
  /** An author line signed with the writer's mark (`文/某某`): the name may be a pen name. */
  penName?: boolean;
  /** An author line that named roles (`记者 张三`): a byline wherever it stands. */
  byRole?: boolean;
  /** Printed with a CMS's field label (`标题：…`): the article starts at this line. */
  titleField?: boolean;
  /** The page's title line printed these words too (and was dropped as a copy): a headline. */
  pageTitle?: boolean;
  /** What reading the headline took off it (a content farm's column, a page number), for `--explain`. */
  dropped?: string;
  /** Printed with its English title after it on the line (a bilingual photo page): a headline. */
  bilingual?: boolean;
  /** Printed in 【】 before its text on the line (a yearbook's entry, ./bracketed-entry.ts): a headline. */
  bracketedEntry?: boolean;
  /** A label was glued before it with a colon (`作者名:标题`, `关键词:标题`) and taken off (./glued-label.ts). */
  gluedLabel?: 'author' | 'keyword';
  /** The writer's name that label was: the article's author. */
  signedBy?: string;
  /** A platform's share bar (`分享至`, a counter before it) right under it: an article's headline (./share-bar.ts). */
  overShareBar?: boolean;
  /** An entry of a roster inside an article (`姓名 县名 行当`, `县名:姓名 姓名`): its text (./roster.ts). */
  roster?: boolean;
}

/** Longest line that can still be a headline or heading. */
export const MAX_HEADING_LENGTH = 36;

const SENTENCE_END = /[。！？!?…；;]["”’』」）)]*$/;

/**
 * Characters a sentence almost never starts with in Chinese news text; a paragraph opening with
 * one was cut from a sentence that began elsewhere (another column or page).
 */
const CONTINUATION_OPENING =
  /^(?:[，。、；：）》」』”’…,;:)]|[的等](?![确到])|[万亿千][元度吨人户亩个家米平余]|(?![一二三四五六七八九十])[\u4e00-\u9fa5][，、,])/;

/** A numbered item (`一、`, `（二）`, `3.`): it opens a paragraph of its own, never continues one. */
export const LIST_ITEM =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十\d]{1,3}[条章节项][，、\s　])/;

/** True when the text opens in the middle of a sentence. */
export function startsMidSentence(text: string): boolean {
  return CONTINUATION_OPENING.test(text);
}

/** True when a line ends a sentence (so the paragraph is complete). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** Lines that label a notice's contact details (`联系电话：…`, `地址：…`): never a brief's headline. */
// (Templates letter-space the two-character labels to align them: `地 址：`, `邮 箱：`.)
export const CONTACT_LABEL =
  /^(?:联系|咨询|举报|监督|投诉|报名)?(?:电\s?话|人|地\s?址|邮\s?箱|邮\s?编|传\s?真|网\s?址|单\s?位|时\s?间|地\s?点|方式|对象|条件|范围|要求|材料|内容|说明|附件|备注|热线)\s*[：:]/;

/** `编者按：`, `【编者按】`, `【核心提示】`: a label opening an editor's note (or an aggregator's summary) inside the article. */
export const EDITOR_NOTE =
  /^[【\[]?(?:编者按|编者的话|编前语|编后语|编后|导读|核心提示|引言|开栏语|开篇语|结束语|策划人语|策划手记)[】\]]?[：:]?$/;

/** What one line of a page was taken for: a block, or furniture (with its family). */
export interface LineReading {
  line: number;
  raw: string;
  block?: Block;
  furniture?:
    | FurnitureKind
    | 'list'
    | 'controls'
    | 'repeated title'
    | 'retitled page'
    | 'bait title'
    | 'site name'
    | 'site banner'
    | 'site slogan';
}
