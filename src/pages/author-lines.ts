/**
 * Author lines: personal names (with the surname test), role words and outlets before them,
 * names printed with a space inside, institutions signing an opinion piece.
 */
import { startsWithCompoundSurname, startsWithSurname } from './surnames.ts';

const CJK_NAME = '[\\u4e00-\\u9fa5·]{2,4}';
const NAMES = new RegExp(`^${CJK_NAME}(?:[ \\u3000]+${CJK_NAME}){0,7}$`);
/** A settlement's name read alone: a person's given name hardly ends in 村, 镇, 乡 or 寨. */
const SETTLEMENT_NAME = /^[\u4e00-\u9fa5]{2,3}(?:村|镇|乡|寨)$/;

/**
 * A line of 1–8 personal names: each 2–4 Chinese characters starting with a common surname,
 * separated by spaces. Four-character tokens alone (`搭建平台 激发活力`) are phrases, not names,
 * unless they open with a compound surname (`欧阳晓蕾`).
 */
export function isNameList(text: string): boolean {
  // (`甲地、乙地、丙地等地`: places listed and closed by 等地, "and other places", never people.)
  if (!NAMES.test(text) || /等地$/.test(text)) return false;
  const names = splitNames(text);
  // (`某溪村` alone over a travel piece's paragraph: a village named as a section heading, not a person.)
  if (names.length === 1 && SETTLEMENT_NAME.test(text)) return false;
  // Rare surnames exist, so most (not all) tokens must open with a common one.
  const withSurname = names.filter(startsWithSurname).length;
  const aName = (name: string) => name.length <= 3 || startsWithCompoundSurname(name);
  return names.some(aName) && withSurname >= Math.ceil(names.length / 2);
}

/** Splits an author line or byline into names. */
export function splitNames(text: string): string[] {
  return text.split(/[ \u3000]+/).filter(Boolean);
}

/** Role words before names on author lines and in bylines (`本报记者 张三 通讯员 李四`, `文/图 王五`). */
// (Two qualifiers may stand before the role: `特约全媒体记者`, `首席融媒体记者`.)
// Only at the start of a token, so the 文 of a name like 麦天文 is never taken for a role.
const ROLE =
  '(?:首席|特约|见习|实习|驻站|驻[\\u4e00-\\u9fa5]{1,3}|融媒体|融媒|全媒体|摄影|视频){0,2}(?:记者|通讯员|实习生|摄影师?|摄像|撰稿人?|编辑|评论员|(?:特别|联合)?(?:报道|采访|调研)组|副?(?:主任|主编|总编辑|社长|台长|站长|部长))';
const ROLE_WORDS = new RegExp(`(?<![\\u4e00-\\u9fa5])(?:本报)?${ROLE}|文[\\/／、]图|图[\\/／、]文|[文图](?=[：:|｜丨／/])`, 'g');
/**
 * An outlet named before a role, glued to it: `湖南日报·华声在线记者`, `邵阳日报记者`,
 * `新湖南客户端记者`. The outlet must look like one (报, 网, 台, 社, 客户端, 融媒体中心…), so a
 * headline such as `优秀通讯员李四` is never read as a byline.
 */
const OUTLET_ROLE = new RegExp(
  `(?<![\\u4e00-\\u9fa5])[\\u4e00-\\u9fa5A-Za-z·]{1,16}?(?:报|网|台|社|分站|记者站|头条|电讯|客户端|在线|融媒体?中心|融媒|新闻|电视|广播|传媒|杂志)(?:·[\\u4e00-\\u9fa5]{2,8})?(?:[\\u4e00-\\u9fa5]{1,6}?部)?${ROLE}`,
  'g',
);
/** An outlet left standing alone once its role word is gone (`今日女报/凤网记者 …`): not a person. */
const OUTLET_TOKEN = /(?<=^|\s)[\u4e00-\u9fa5·]{1,10}(?:日报|晚报|报|网|台|社|电讯|客户端|融媒体中心|新闻中心)(?=\s|$)/g;

/** What closes an author line without being a name: `摄影报道`, `长沙报道`, `整理` (`摄` makes a photo credit). */
const CLOSING_WORDS = /(?<=\s|^)(?:[\u4e00-\u9fa5]{0,6}?(?:摄影)?报道|整理|供图|图|文)(?=\s|$)/g;
/** …glued to the name: `某某现场图文报道`, `某某摄影报道` (a bare `报道` glued may close a place: `张三长沙报道`). */
const GLUED_CLOSING = /(?<=[\u4e00-\u9fa5]{2})(?:现场)?(?:图文|文字|摄影|视频)报道(?=\s|$)|(?<=[\u4e00-\u9fa5]{2})现场报道(?=\s|$)/g;

/** Markers that open an author line in many papers: `□ 本报记者 …`, `■ …`, `◎ …`. */
export const LINE_MARKER = /^[□■●○▲△◆◇◎★☆▶►▷•·]\s*/;

/**
 * Two-character names printed with a space inside (`陈 玫 罗 倩`): every token is one character and
 * there is an even number of them, so they pair up.
 */
export function pairSingleCharacters(text: string): string {
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

/** `文/某某`, `文／某某`: one name of 2–6 characters after the writer's mark. */
const PEN_NAME = /^文\s*[\/／]\s*([\u4e00-\u9fa5·]{2,6})$/;

/** A role written after the names it credits: `张三/文`, `李四/图`, `王五/摄`. */
const ROLE_AFTER_NAME = /[\/／]\s*(?:文字|文|图片|图|摄影|摄)(?=[\s　]|$)/g;
/** `某某/文 某某/图` on its own line: the writer's and the photographer's marks make it an author line. */
const SLASH_CREDITS = /^[\u4e00-\u9fa5·\s]{2,30}[\/／]\s*文\s+[\u4e00-\u9fa5·\s]{2,12}[\/／]\s*(?:图|摄)$/;

/** The names of a `某某/文 某某/图` line (run-together names stay as printed), if it is one. */
export function slashCreditNames(text: string): string | undefined {
  if (!SLASH_CREDITS.test(text)) return undefined;
  return namesWithoutRoles(text) ?? text.replace(ROLE_AFTER_NAME, ' ').replace(/\s+/g, ' ').trim();
}

/** `文/某某` alone on its line: an author line whatever the name. */
export function isPenNameLine(text: string): boolean {
  return PEN_NAME.test(text);
}

/** Roles of those who did not write the piece: photographers, cameramen, editors. */
const CREW_ROLE = /^(?:摄影(?:记者|师)?|摄像(?:记者)?|视频|剪辑|后期|(?:责任)?编辑|责编|校对|审核)$/;
const WRITER_ROLE = /记者|通讯员|实习生|撰稿|撰文|评论员|^文$/;

/**
 * The line without the crew's names (`记者：张三 摄像：李四 编辑：王五` → `记者 张三`): a crew role
 * holds the names after it until a writer's role. Photographers and cameramen credit the pictures,
 * editors the page; they are authors only when nobody else is named (then the line stays whole).
 */
function withoutCrew(text: string): string {
  let crew = false;
  const kept: string[] = [];
  const tokens = text
    .replace(/[：:／/]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  for (const token of tokens) {
    if (CREW_ROLE.test(token)) crew = true;
    else if (WRITER_ROLE.test(token)) crew = false;
    if (!crew) kept.push(token);
  }
  return kept.length > 0 && kept.length < tokens.length ? kept.join(' ') : text;
}

/** Names with role words removed, if the line is nothing but roles and names. */
export function namesWithoutRoles(text: string): string | undefined {
  // `文/某某`: the writer's mark says it is a byline, so a pen name (`幽谷兰馨`) passes without the surname test.
  const penName = PEN_NAME.exec(text);
  if (penName) return penName[1];
  const writers = withoutCrew(text);
  return (writers !== text ? namesOnly(writers) : undefined) ?? namesOnly(text);
}

const SENTENCE_END = /[。！？]/;

/** Names with role words removed, if the line is nothing but roles and names (no crew taken apart). */
function namesOnly(text: string): string | undefined {
  // A sentence's end survives every step below and no name holds one: running text, answered at once.
  if (SENTENCE_END.test(text)) return undefined;
  // `（某某网、某县委宣传部联合报道）`, `（某某供稿）`: a source, not people.
  if (/联合报道|供稿|来源/.test(text) && !/记者|通讯员|实习生/.test(text)) return undefined;
  const stripped = pairSingleCharacters(
    text
      .replace(LINE_MARKER, '')
      // `张三/文 李四/图`: the role after the name
      .replace(ROLE_AFTER_NAME, ' ')
      .replace(OUTLET_ROLE, ' ')
      .replace(ROLE_WORDS, ' ')
      .replace(/[：:、，,|｜丨/／;；]/g, ' ')
      .replace(CLOSING_WORDS, ' ')
      .replace(GLUED_CLOSING, ' ')
      .replace(OUTLET_TOKEN, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  if (stripped === text.trim() || stripped === '' || !isNameList(stripped)) return undefined;
  // Only punctuation taken away (`联系人：周先生`): a label and a value, not a byline.
  const marked =
    LINE_MARKER.test(text) || new RegExp(ROLE_WORDS.source).test(text) || new RegExp(OUTLET_ROLE.source).test(text) || /报道$/.test(text);
  return marked || !/[：:]/.test(text) ? stripped : undefined;
}

/** `湖南日报评论员`, `本报评论员`, `本报评论部`: an institution signing an opinion piece. */
export const INSTITUTION_AUTHOR =
  /^(?:[□■●◎]\s*)?(?:本报|[\u4e00-\u9fa5·]{2,14}?(?:报|网|社|台|客户端|在线))(?:特约)?(?:评论员|评论部|评论组|编辑部)$/;

/**
 * A byline naming the masthead's staff, no one by name: `文_本刊记者(发自某地)`, `文/本报记者`. It is
 * the article's author line all the same (it closes the header), but it names no author.
 */
const STAFF_BYLINE =
  /^(?:文|图|文图|文\/图)\s*[_／/｜|]\s*(?:本刊|本报|本台|本网|本站)(?:特约|全媒体)?记者(?:\s*[(（]发自[^)）]{1,16}[)）])?$/;

/** Whether the line is a byline that names only the staff. */
export const staffByline = (text: string): boolean => STAFF_BYLINE.test(text);

/** An author line with roles or an institution, as its names; undefined when the line is something else. */
export function authorsOfLine(text: string): string | undefined {
  if (INSTITUTION_AUTHOR.test(text)) return text.replace(LINE_MARKER, '');
  return namesWithoutRoles(text);
}
