/**
 * Classifying the lines of a page. Each non-empty line of a page is one block; this file decides
 * what each block looks like on its own (a possible headline, an author line, a byline, a caption
 * credit…). Whether a headline-shaped line really starts an article depends on its neighbours and
 * is decided in ./split.ts.
 */
import { authorsInArticleData, BARE_DATE, type FurnitureKind, furnitureOf, isRunningText } from './furniture.ts';
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
  /** An author line that named roles (`记者 张三`): a byline wherever it stands. */
  byRole?: boolean;
}

/** Longest line that can still be a headline or heading. */
export const MAX_HEADING_LENGTH = 36;

const SENTENCE_END = /[。！？!?…；;]["”’』」）)]*$/;
const CJK_NAME = '[\\u4e00-\\u9fa5·]{2,4}';
const NAMES = new RegExp(`^${CJK_NAME}(?:[ \\u3000]+${CJK_NAME}){0,7}$`);
const BRACKETED = /^[（(]\s*([^（）()]+?)\s*[）)]$/;
const TRAILING_CREDIT = /[（(][^（）()]{2,40}(?:摄|供图|图)[）)]$/;
/** A caption signed after it without brackets: `工人正在赶制订单。 邹凯 摄`, `…一角。本报记者 谭雨薇 摄`. */
const TRAILING_BARE_CREDIT = /(?:[。！？]|[ 　])\s*(?:[\u4e00-\u9fa5·]{0,16}?(?:记者|通讯员))?\s*[\u4e00-\u9fa5·]{2,4}(?:[ 　、]+[\u4e00-\u9fa5·]{2,4}){0,3}\s*(?:摄|摄影|供图)$/;

/**
 * Characters a sentence almost never starts with in Chinese news text; a paragraph opening with
 * one was cut from a sentence that began elsewhere (another column or page).
 */
const CONTINUATION_OPENING = /^(?:[，。、；：）》」』”’…,;:)]|[的等](?![确到])|[万亿千][元度吨人户亩个家米平余]|(?![一二三四五六七八九十])[\u4e00-\u9fa5][，、,])/;

/** A numbered item (`一、`, `（二）`, `3.`): it opens a paragraph of its own, never continues one. */
export const LIST_ITEM = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十\d]{1,3}[条章节项][，、\s　])/;

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
const ROLE = '(?:首席|特约|见习|实习|驻站|驻[\\u4e00-\\u9fa5]{1,3}|融媒体|全媒体|摄影|视频)?(?:记者|通讯员|实习生|摄影师?|撰稿人?|编辑|评论员|(?:特别|联合)?(?:报道|采访|调研)组|副?(?:主任|主编|总编辑|社长|台长|站长|部长))';
const ROLE_WORDS = new RegExp(`(?<![\\u4e00-\\u9fa5])(?:本报)?${ROLE}|文[\\/／、]图|图[\\/／、]文|[文图](?=[：:|｜丨／/])`, 'g');
/**
 * An outlet named before a role, glued to it: `湖南日报·华声在线记者`, `邵阳日报记者`,
 * `新湖南客户端记者`. The outlet must look like one (报, 网, 台, 社, 客户端, 融媒体中心…), so a
 * headline such as `优秀通讯员李四` is never read as a byline.
 */
const OUTLET_ROLE = new RegExp(`(?<![\\u4e00-\\u9fa5])[\\u4e00-\\u9fa5A-Za-z·]{1,16}?(?:报|网|台|社|客户端|在线|融媒体?中心|融媒|新闻|电视|广播|传媒|杂志)(?:·[\\u4e00-\\u9fa5]{2,8})?(?:[\\u4e00-\\u9fa5]{1,6}?部)?${ROLE}`, 'g');
/** An outlet left standing alone once its role word is gone (`今日女报/凤网记者 …`): not a person. */
const OUTLET_TOKEN = /(?<=^|\s)[\u4e00-\u9fa5·]{1,10}(?:日报|晚报|报|网|台|社|客户端|融媒体中心|新闻中心)(?=\s|$)/g;

/** What closes an author line without being a name: `摄影报道`, `长沙报道`, `整理` (`摄` makes a photo credit). */
const CLOSING_WORDS = /(?:[\u4e00-\u9fa5]{0,6}?(?:摄影)?报道|(?<=\s|^)(?:整理|供图|图|文))(?=\s|$)/g;
/** Bullets before a headline or a paragraph (`★北湖区：…`, `• 株洲日报讯…`); they are not text. */
const BULLET = /^[★☆●○◆◇▶►▷•]\s*/;

/** Markers that open an author line in many papers: `□ 本报记者 …`, `■ …`, `◎ …`. */
const LINE_MARKER = /^[□■●○▲△◆◇◎★☆▶►▷•·]\s*/;

/**
 * Two-character names printed with a space inside (`陈 玫 罗 倩`): every token is one character and
 * there is an even number of them, so they pair up.
 */
function pairSingleCharacters(text: string): string {
  const tokens = splitNames(text);
  const single = (t: string | undefined) => t !== undefined && /^[\u4e00-\u9fa5]$/.test(t);
  if (!tokens.some(single)) return text;
  // Mixed lines too: `周 健 刘星野 曹 莉` → 周健 刘星野 曹莉.
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (single(tokens[i]) && single(tokens[i + 1])) names.push(tokens[i] + tokens[++i]);
    else names.push(tokens[i]);
  }
  return names.join(' ');
}

/** Names with role words removed, if the line is nothing but roles and names. */
export function namesWithoutRoles(text: string): string | undefined {
  // `（某某网、某县委宣传部联合报道）`, `（某某供稿）`: a source, not people.
  if (/联合报道|供稿|来源/.test(text) && !/记者|通讯员|实习生/.test(text)) return undefined;
  const stripped = pairSingleCharacters(text.replace(LINE_MARKER, '').replace(OUTLET_ROLE, ' ').replace(ROLE_WORDS, ' ')
    .replace(/[：:、，,|｜丨/／;；]/g, ' ').replace(CLOSING_WORDS, ' ').replace(OUTLET_TOKEN, ' ').replace(/\s+/g, ' ').trim());
  if (stripped === text.trim() || stripped === '' || !isNameList(stripped)) return undefined;
  // Only punctuation taken away (`联系人：周先生`): a label and a value, not a byline.
  const marked = LINE_MARKER.test(text) || new RegExp(ROLE_WORDS.source).test(text) || new RegExp(OUTLET_ROLE.source).test(text) || /报道$/.test(text);
  return marked || !/[：:]/.test(text) ? stripped : undefined;
}

/** `湖南日报评论员`, `本报评论员`, `本报评论部`: an institution signing an opinion piece. */
const INSTITUTION_AUTHOR = /^(?:[□■●◎]\s*)?(?:本报|[\u4e00-\u9fa5·]{2,14}?(?:报|网|社|台|客户端|在线))(?:特约)?(?:评论员|评论部|评论组|编辑部)$/;

/** An author line with roles or an institution, as its names; undefined when the line is something else. */
export function authorsOfLine(text: string): string | undefined {
  if (INSTITUTION_AUTHOR.test(text)) return text.replace(LINE_MARKER, '');
  return namesWithoutRoles(text);
}

/**
 * The opening of a news item: `本报讯（记者 张三）`, `本报长沙3月4日讯`, `新华社北京3月4日电`,
 * `新湖南客户端衡阳讯（通讯员 …）`, `掌上长沙11月27日讯（全媒体记者 …）`, `中新网长沙3月10日电 题：…`,
 * `湖南日报3月3日讯（…）`, `邵阳新闻网讯 (通讯员…)`. An outlet (or a date) then 讯 or 电.
 */
// The date may lose its 月 in a web copy (`519日讯` for 5月19日).
// `某某网11月5日长沙消息`: a place between the date and 消息.
// 电 must not start a word (`3月10日电话采访`, 电视, 电商 …).
const DATELINE_HEAD = /^(?:【[^】]{1,12}】\s*)?([\u4e00-\u9fa5·A-Za-z]{2,20}?)((?:\d{1,2}月)?\d{1,4}日)?([\u4e00-\u9fa5]{0,4}消息|讯|电(?![话视脑力影器子网信梯池站商费价压线车动]))(?=[\s（(：:【]|[\u4e00-\u9fa5\d“])/;
const OUTLET_MARK = /本报|报|网|台|社|客户端|在线|融媒|新闻|电视|广播|掌上|头条|时刻|号|APP|app/;

export interface Dateline {
  /** Characters of the opening taken by the dateline (and its bracketed names). */
  length: number;
  /** Author names from the brackets, roles removed. */
  names?: string;
  /** `题：…` after a wire dateline: the item's headline (the rest of the line). */
  title?: string;
}

/** The dateline opening `text`, if any. */
export function datelineOf(text: string): Dateline | undefined {
  const head = DATELINE_HEAD.exec(text);
  if (!head) return undefined;
  const [, outlet, date, mark] = head;
  // 电 ends everyday words (供电, 来电): a wire dateline names a date, a news agency (…社电) or an
  // outlet followed by its reporters in brackets (`世界旅游报长沙电（记者 …）`).
  const bracketFollows = /^\s*[（(]/.test(text.slice(head[0].length));
  if (mark.endsWith('消息') && !(date && OUTLET_MARK.test(outlet))) return undefined;
  if (mark === '电' ? !(date || /社[\u4e00-\u9fa5]{0,6}$/.test(outlet) || (bracketFollows && /报|网|台|客户端/.test(outlet))) : !(date || OUTLET_MARK.test(outlet))) return undefined;
  if (/(?:通|资|简|喜|快|短|视|来|供|停|用|放|发|充|触|致|贺|唁)$/.test(outlet) && !date) return undefined;
  let length = head[0].length;
  let names: string | undefined;
  const bracket = /^\s*[（(]([^（）()]{2,60})[）)]\s*/.exec(text.slice(length));
  if (bracket) {
    const inner = bracket[1].trim();
    names = namesWithoutRoles(inner) ?? (isNameList(pairSingleCharacters(inner)) ? pairSingleCharacters(inner) : undefined);
    length += bracket[0].length;
  } else {
    length += /^\s*/.exec(text.slice(length))?.[0].length ?? 0;
  }
  const titled = /^题[：:]\s*(.{2,40}?)\s*$/.exec(text.slice(length));
  if (titled) return { length: length - (/\s*$/.exec(text.slice(0, length))?.[0].length ?? 0), names, title: titled[1] };
  return { length, names };
}

/** Lines that label a notice's contact details (`联系电话：…`, `地址：…`): never a brief's headline. */
export const CONTACT_LABEL = /^(?:联系|咨询|举报|监督|投诉|报名)?(?:电话|人|地址|邮箱|邮编|传真|网址|单位|时间|地点|方式|对象|条件|范围|要求|材料|内容|说明|附件|备注|热线)\s*[：:]/;

const HTML_ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&ldquo;': '“', '&rdquo;': '”', '&mdash;': '—', '&hellip;': '…' };

/**
 * What copying from a web page leaves in a line: HTML tags and entities, pinyin glosses after
 * characters (`长(zhǎng)沙`, spam mirrors), role words printed letter-spaced (`记 者：张三`).
 */
/** A wiki's tabs glued after the entry's name (`某某中心查看源代码讨论查看历史`), as copied. */
const WIKI_TABS = /(?<=[\u4e00-\u9fa5]{2})(?:检视原始码|檢視原始碼|查看源代码|编辑源代码|讨论|討論|检视历史|檢視歷史|查看历史|编辑|編輯){2,}$/;

function cleanLine(text: string): string {
  return text.replace(WIKI_TABS, '').replace(/<\/?[a-zA-Z][^<>]{0,300}>/g, '').replace(/&(?:[a-z]+|#\d+);/g, (entity) => HTML_ENTITIES[entity] ?? entity)
    .replace(/(?<=[\u4e00-\u9fa5])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,12}[)）]/g, '')
    .replace(/(记|编|通|摄|校)[ \u3000]+(者|辑|讯[ \u3000]*员|影|对)(?=[ \u3000]*[：:])/g, (_, a: string, b: string) => a + b.replace(/[ \u3000]/g, ''))
    .trim();
}

/** `编者按：`, `【编者按】`: a label opening an editor's note inside the article. */
export const EDITOR_NOTE = /^[【\[]?(?:编者按|编者的话|编前语|编后语|编后|导读|引言)[】\]]?[：:]?$/;

/** A document number (`娄经征预告〔2024〕12号`, `湘政办发[2024]3号`): part of a notice, never a headline. */
const DOCUMENT_NUMBER = /[〔［\[(（]\s*(?:19|20)\d\d\s*[〕］\])）]\s*(?:第\s*)?\d{1,4}\s*号$/;

/** Letter-spaced titles (`征 地 公 告`): single characters with spaces between them. */
function closeLetterSpacing(text: string): string {
  return /^[\u4e00-\u9fa5](?:[ \u3000]+[\u4e00-\u9fa5]){2,}$/.test(text) ? text.replace(/[ \u3000]+/g, '') : text;
}

/** A caption without a credit, by its opening: `图为…`, `▲…`, `（图）…`. */
const CAPTION_OPENING = /^(?:图为|上图|下图|左图|右图|图[一二三四五六七八九\d][：:]|[▲△↑↓]|[（(]图[）)])/;

/** `【栏目】标题`: a column label printed before the headline on the same line. */
const COLUMN_PREFIX = /^【([^】]{1,14})】\s*(.+)$/;
/** `主题——副题` on one line. */
// A single dash joins places (`长沙—广州`), so only a double one parts title and subtitle.
const TITLE_DASH_SUBTITLE = /^(.{4,36}?)\s*(?:——|──|--)\s*(.{4,40})$/;
/** `栏目|标题`, `栏目丨标题`: a column name and a bar before the headline. */
// (丨 is itself a CJK character, so the column name must not swallow it.) Series names run to
// sixteen characters and may hold spaces, book-title marks and an issue number
// (`某某采访团聚焦湖南侧记丨…`, `山水青溪 等你来 | …`, `《青溪印记》(第12期)|…`).
const COLUMN_BAR = /^((?:(?!丨)[\u4e00-\u9fa5A-Za-z0-9·《》()（） \u3000]){2,16}?)\s*[|｜丨]\s*(.+)$/;

/** Classifies one line of a page; undefined for blank lines and page furniture. */
export function classifyLine(raw: string, line: number): Block | undefined {
  return readLine(raw, line).block;
}

/** What one line of a page was taken for: a block, or furniture (with its family). */
export interface LineReading {
  line: number;
  raw: string;
  block?: Block;
  furniture?: FurnitureKind | 'list' | 'repeated title';
}

function readLine(raw: string, line: number): LineReading {
  const stripped = stripMarkdown(raw);
  const { heading, bold } = stripped;
  let text = closeLetterSpacing(cleanLine(stripped.text).replace(BULLET, ''));
  if (text === '') return { line, raw };
  const furniture = furnitureOf(text);
  if (furniture === 'article data') {
    const authors = authorsInArticleData(text);
    const names = authors && (authorsOfLine(authors) ?? (isNameList(authors.replace(/[，,、]/g, ' ')) ? authors.replace(/[，,、]/g, ' ') : undefined));
    return { line, raw, block: names ? { line, text: names, shape: 'author-line' } : { line, text, shape: 'article-data' } };
  }
  if (furniture) return { line, raw, furniture };
  const block = (shape: BlockShape, extra: Partial<Block> = {}): LineReading => ({ line, raw, block: { line, text, shape, ...extra } });
  if (INSTITUTION_AUTHOR.test(text)) return block('author-line', { text: text.replace(LINE_MARKER, '') });
  const roleFree = namesWithoutRoles(text);
  const byRole = roleFree !== undefined && !/^[（(]/.test(text) && /记者|通讯员|实习生|评论员/.test(text);
  if (roleFree !== undefined && !/^[（(]/.test(text)) text = roleFree;

  if (/^(——|──|—|--)/.test(text)) return block('subtitle');
  if (heading === 1) return block('md-headline');
  if (heading >= 2) return block(text.length <= MAX_HEADING_LENGTH ? 'bold-heading' : 'text');
  if (bold) return block('bold-heading');

  if (/^[（(](?:完|全文完|本文完)[）)]$/.test(text)) return block('end-mark');
  const bracketed = BRACKETED.exec(text);
  if (bracketed) {
    const inner = namesWithoutRoles(bracketed[1]) ?? pairSingleCharacters(bracketed[1].trim());
    if (inner !== bracketed[1].trim()) text = `（${inner}）`;
    if (/^作者(系|为|是)/.test(inner)) return block('author-note');
    if (/\s*摄$/.test(inner) && isNameList(inner.replace(/\s*摄$/, '').trim())) return block('photo-credit');
    if (isNameList(inner)) return block('byline');
  }
  // A sentence wholly in brackets (`（新建的村级服务中心。）`, `（资料图片）`): a caption.
  if (bracketed && (/[。！]$/.test(bracketed[1].trim()) || /图片|图为|供图|截图/.test(bracketed[1])) && text.length < 150) return block('caption');
  if (/^[\u4e00-\u9fa5·]{2,4}(?:[ \u3000]+[\u4e00-\u9fa5·]{2,4})*[ \u3000]*摄$/.test(text)) return block('photo-credit');
  if ((TRAILING_CREDIT.test(text) || TRAILING_BARE_CREDIT.test(text)) && text.length < 150) return block('caption');
  if (CAPTION_OPENING.test(text) && text.length < 150) return block('caption');
  if (/^(19|20)\d\d年\d{1,2}月\d{1,2}日$/.test(text)) return block('date-line');
  if (isNameList(text) && !/(公告|启事|声明|通知|通告|公示)$/.test(text)) return block('author-line', byRole ? { byRole } : {});
  if (datelineOf(text)) return block('text'); // a dateline opens running text, even when short
  if (DOCUMENT_NUMBER.test(text)) return block('text'); // `某政发〔2024〕12号` under a notice's title
  const dashed = TITLE_DASH_SUBTITLE.exec(text);
  if (dashed && headingShaped(dashed[1]) && headingShaped(dashed[2]) && !CONTACT_LABEL.test(text) && !dashInsideQuotes(dashed[1])) {
    return { line, raw, block: withColumn({ line, text: dashed[1], shape: 'short', subtitle: dashed[2] }) };
  }
  // A web page title keeps the site's name after it: `标题_站名`, `标题-【新闻】`.
  text = text.replace(/\s*(?:_[^_]{2,16}){1,3}$|\s*-\s*【[^】]{1,10}】$/, (suffix) => (text.length - suffix.length >= 6 ? '' : suffix));
  if (headingShaped(text)) {
    const split = withColumn({ line, text, shape: 'short' });
    if (split.kicker !== undefined && headingShaped(split.text)) return { line, raw, block: split };
    // `【温馨提示】` alone: a column label, never a headline by itself.
    if (/^【[^】]{1,12}】$/.test(text)) return block('short', { kicker: text.slice(1, -1) , label: true });
    return block('short');
  }
  return block('text');
}

/** A headline with its column name (`【栏目】标题`, `栏目丨标题`) taken off into the kicker. */
function withColumn(headline: Block): Block {
  const column = COLUMN_PREFIX.exec(headline.text) ?? COLUMN_BAR.exec(headline.text);
  return column && column[2].length >= 4 ? { ...headline, text: column[2], kicker: column[1] } : headline;
}

/** True when the dash of `主题——副题` would fall inside quotes (`“长沙——广州”专列`). */
function dashInsideQuotes(head: string): boolean {
  return (head.match(/[“"「『《]/g)?.length ?? 0) > (head.match(/[”"」』》]/g)?.length ?? 0);
}

/**
 * Short, and no sentence inside: a headline, kicker or section heading. A title may close with `！`
 * or `？` (`乡村振兴，我们来了！`) but not with a full stop, and never holds a quoted exclamation.
 */
function headingShaped(text: string): boolean {
  if (text.length > MAX_HEADING_LENGTH || /[，、,]$/.test(text)) return false;
  const body = text.replace(/[！？!?]+["”’』」）)]*$/, '');
  // …but a quoted exclamation (`“太好了！”`) is speech.
  if (body !== text && (body.length < 4 || /^[“"「『]/.test(text) || /[！？!?]["”’』」]$/.test(text) || text.length > 30)) return false;
  return !endsSentence(body) && !/[。！？]/.test(body);
}

/**
 * Every line of a page with what it was taken for. After each line is read on its own, two
 * readings need the page: a run of four or more headline-shaped lines with nothing between them
 * is a list (an e-paper's 标题导航, a 相关新闻 box), and a headline printed twice in a web dump
 * (the page title, then again over the article; also `标题_站名`) keeps only its last printing.
 */
export function pageLines(text: string): LineReading[] {
  const printed = printedLines(text);
  const readings = unwrapHardWrapped(printed).map((joined, index) => ({ ...readLine(joined, index + 1), raw: printed[index] }));
  markIssueDate(readings);
  markPhotoCaptions(readings);
  markLongHeadlines(readings);
  markLists(readings);
  markRepeatedTitles(readings);
  return readings;
}

/** Longest caption printed under an image's file name. */
const PLACEHOLDER_CAPTION_MAX = 80;

/** A short line right under an image's file name (`IMG_0931.jpg`, `微信图片_….png`) is its caption. */
function markPhotoCaptions(readings: LineReading[]): void {
  let afterImage = false;
  for (const reading of readings) {
    if (reading.furniture === 'media' && /\.(?:jpe?g|png|gif|webp|bmp)\b/i.test(reading.raw)) {
      afterImage = true;
      continue;
    }
    if (!reading.block) continue;
    const block = reading.block;
    if (afterImage && (block.shape === 'text' || block.shape === 'short') && block.text.length <= PLACEHOLDER_CAPTION_MAX && !datelineOf(block.text)) {
      reading.block = { ...block, shape: 'caption' };
    }
    afterImage = false;
  }
}

/** The longest headline a web page or e-paper prints on one line (main title and subtitle together). */
const LONG_HEADLINE_MAX = 64;

/**
 * A line too long for a headline on its own shape, with no sentence in it, is one when what
 * follows says so: article data, an author line or a dateline right under it (web pages print
 * long headlines, and a `主题——副题` pair, on one line).
 */
function markLongHeadlines(readings: LineReading[]): void {
  const blocks = readings.filter((r) => r.block);
  blocks.forEach((reading, i) => {
    const block = reading.block as Block;
    const next = blocks[i + 1]?.block;
    // (A lede cut short, `……` or clause after clause, is not a headline even over a posting time.)
    if (block.shape !== 'text' || block.text.length > LONG_HEADLINE_MAX || /[。！？；;!?]|[，,、…]$/.test(block.text) ||
        (block.text.match(/[，,]/g)?.length ?? 0) >= 2 || datelineOf(block.text) || !next) return;
    const confirmed = next.shape === 'article-data' || next.shape === 'author-line' || (next.shape === 'text' && datelineOf(next.text) !== undefined);
    if (!confirmed) return;
    const dashed = TITLE_DASH_SUBTITLE.exec(block.text);
    const headline: Block = dashed ? { ...block, shape: 'short', text: dashed[1], subtitle: dashed[2] } : { ...block, shape: 'short' };
    reading.block = withColumn(headline);
  });
}

/**
 * The lines of a page as printed. HTML copied whole from a web page (`<p>…</p><p>…</p>` on one
 * line) has its paragraph and line-break tags read as line breaks first.
 */
export function printedLines(text: string): string[] {
  return text.replace(/<\/(?:p|div|h[1-6]|li|tr|section)>|<br\s*\/?>/gi, '\n').split('\n');
}

/** Classifies every non-empty line of a page (furniture left out). */
export function pageBlocks(text: string): Block[] {
  return pageLines(text).flatMap((reading) => (reading.block ? [reading.block] : []));
}

/** How wide a line prints: Chinese characters and punctuation 1, Latin letters and digits ½. */
function printedWidth(line: string): number {
  let width = 0;
  for (const char of line) width += /[A-Za-z0-9 ]/.test(char) ? 0.5 : 1;
  return width;
}

/** Lines that must share a printed width before a page is taken for hard-wrapped text. */
const WRAPPED_MIN_LINES = 6;
const WRAPPED_MIN_SHARE = 0.4;
const WRAPPED_MIN_WIDTH = 8;

/**
 * Text extracted from an e-paper's columns keeps the column's line breaks: most lines then have the
 * same printed width, and a full-width line that does not end a sentence goes on in the next one.
 * Such lines are joined (into the first line of each paragraph, so line numbers stay true); a page
 * whose lines vary freely, like one paragraph per line, is left as it is.
 */
export function unwrapHardWrapped(lines: string[]): string[] {
  const measured = lines.map((line) => line.trim()).filter((line) => line !== '' && !furnitureOf(line))
    .map((line) => ({ width: printedWidth(line), prose: /[，,。、；]/.test(line) }))
    .filter((line) => line.width >= WRAPPED_MIN_WIDTH);
  let column = 0;
  let best = 0;
  for (const candidate of new Set(measured.map((line) => Math.round(line.width)))) {
    // Only lines of running text (with clause punctuation) count: a list of headlines also shares a width.
    const count = measured.filter((line) => line.prose && Math.abs(line.width - candidate) <= 1).length;
    if (count > best) [best, column] = [count, candidate];
  }
  if (best < WRAPPED_MIN_LINES || best < measured.length * WRAPPED_MIN_SHARE) return lines;
  const out = [...lines];
  let open = -1; // index of the line a paragraph is being gathered into
  out.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (open >= 0 && !furnitureOf(line)) {
      out[open] = `${out[open].trimEnd()}${line}`;
      out[index] = '';
    } else {
      open = index;
    }
    const last = out[open].trim();
    const fullWidth = printedWidth(line) >= column - 1.5;
    if (!(fullWidth && !endsSentence(last) && !/[）)]$/.test(last) && !furnitureOf(line))) open = -1;
  });
  return out;
}

/** A date alone above every article is the issue's date (see furniture.ts), not a notice's signature. */
function markIssueDate(readings: LineReading[]): void {
  for (const reading of readings) {
    if (!reading.block) continue;
    if (reading.block.shape === 'date-line' && BARE_DATE.test(reading.block.text)) {
      reading.furniture = 'masthead';
      reading.block = undefined;
    } else if (isRunningText(reading.block.text)) {
      return;
    }
  }
}

/** Headline-shaped lines in a row that make a list: more than a kicker, headline and subtitle. */
const LIST_MIN = 3;

/**
 * Two list lines printed alike: the same series name before a dash or bar. (A line equal to
 * an item is not alike: e-paper navigation lists the page's own headlines, printed again over
 * their articles.)
 */
function sameShape(a: LineReading, b: LineReading): boolean {
  const [x, y] = [a.block?.text ?? '', b.block?.text ?? ''];
  const series = (t: string) => /^(.{2,12}?)(?:——|丨|\|)/.exec(t)?.[1];
  return x !== y && series(x) !== undefined && series(x) === series(y);
}

function markLists(readings: LineReading[]): void {
  const blocks = readings.filter((r) => r.block);
  let run: LineReading[] = [];
  const flush = (followedByMore: boolean) => {
    // The last line of the run may be the headline of what follows it, unless it is printed like
    // the items above it (`走村记——东岭篇`, `走村记——西岭篇` …).
    const last = run[run.length - 1];
    const listed = followedByMore && !(last && run.slice(0, -1).some((r) => sameShape(r, last))) ? run.slice(0, -1) : run;
    if (listed.length >= LIST_MIN) for (const r of listed) { r.furniture = 'list'; r.block = undefined; }
    run = [];
  };
  for (const reading of blocks) {
    if (reading.block?.shape === 'short' && !CONTACT_LABEL.test(reading.block.text)) run.push(reading);
    else flush(true);
  }
  flush(false);
}

/** A web page's title line: the headline, then a separator and the site's or column's name. */
const SITE_SUFFIX = /(?:[_|｜丨\-–—]).{1,30}$/;

function markRepeatedTitles(readings: LineReading[]): void {
  const blocks = readings.filter((r) => r.block);
  blocks.forEach((reading, i) => {
    const block = reading.block;
    if (!block || (block.shape !== 'short' && block.shape !== 'text' && block.shape !== 'md-headline')) return;
    const key = block.text.replace(/\s+/g, '');
    const bare = key.replace(SITE_SUFFIX, '');
    // A long title with the site's name is text-shaped; only its exact repetition counts then.
    const textShaped = block.shape === 'text';
    for (const later of blocks.slice(i + 1, i + 8)) {
      const other = later.block;
      if (!other || other === block) continue;
      const otherKey = other.text.replace(/\s+/g, '');
      if (otherKey.length < 4) continue;
      // The same headline again (or this line is it plus the site's name, or plus its subtitle).
      // …or a series label before it: `相约2025丨某某活动启动` over `某某活动启动`.
      const seriesPrefixed = key.endsWith(otherKey) && /[丨|｜:：·]$/.test(key.slice(0, key.length - otherKey.length)) && otherKey.length >= 6;
      if (textShaped ? otherKey === bare && bare !== key : otherKey === key || otherKey === bare || seriesPrefixed) {
        reading.furniture = 'repeated title';
        reading.block = undefined;
        return;
      }
    }
  });
}
