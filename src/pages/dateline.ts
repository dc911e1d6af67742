/**
 * Datelines: the outlet, place and date ending in 讯 or 电 that open a news item, with the
 * reporters' names in brackets after them.
 */
import { isNameList, namesWithoutRoles, pairSingleCharacters } from './author-lines.ts';

/**
 * The opening of a news item: `本报讯（记者 张三）`, `本报长沙3月4日讯`, `新华社北京3月4日电`,
 * `新湖南客户端衡阳讯（通讯员 …）`, `掌上长沙11月27日讯（全媒体记者 …）`, `中新网长沙3月10日电 题：…`,
 * `湖南日报3月3日讯（…）`, `邵阳新闻网讯 (通讯员…)`, `某某网9月25日湘西州讯`. An outlet (or a date) then 讯 or 电.
 */
// The date may lose its 月 in a web copy (`519日讯` for 5月19日).
// `某某网11月5日长沙消息`, `某某网9月25日湘西州讯`: a place between the date and 消息 or 讯.
// `某某日报5月5日报道 `: 报道 for 讯 after a date, a space before the text.
// A site's brand and name joined by a dash: `某某在线—某某新闻网3月3日讯`.
// 电 must not start a word (`3月10日电话采访`, 电视, 电商 …).
// (A character the copy could not decode may stand before it: `?新某某8月25日讯`.)
const DATELINE_HEAD =
  /^[?？\uFFFD]?(?:【[^】]{1,12}】\s*)?([\u4e00-\u9fa5·A-Za-z]{2,20}?(?:[—－][\u4e00-\u9fa5·A-Za-z]{2,12}?)?)((?:\d{1,2}月)?\d{1,4}日)?([\u4e00-\u9fa5]{0,4}消息|(?<=\d日)报道(?=\s)|(?:(?<=\d日)[\u4e00-\u9fa5]{2,4}?)?讯|电(?![话视脑力影器子网信梯池站商费价压线车动]))(?=[\s（(：:【/／]|[\u4e00-\u9fa5\d“])/;
const OUTLET_MARK = /本报|报|网|台|社|客户端|在线|融媒|新闻|电视|广播|掌上|头条|时刻|号|APP|app/;

export interface Dateline {
  /** Characters of the opening taken by the dateline (and its bracketed names). */
  length: number;
  /** Author names from the brackets, roles removed. */
  names?: string;
  /** `题：…` after a wire dateline: the item's headline (the rest of the line). */
  title?: string;
}

/**
 * The whole dateline in 【】 (`【某某报消息，记者张三发自邵阳】`, overseas Chinese papers): outlet, 消息/讯/电,
 * and the reporter with where they filed from.
 */
const BRACKETED_DATELINE =
  /^【([^【】]{2,24}?(?:消息|讯|电)[，,\s]*(?:(?:记者|通讯员)\s*([\u4e00-\u9fa5·]{2,4}?)(?:发自|报道)[\u4e00-\u9fa5]{0,8})?)】\s*/;

/** `据某某日报消息（记者 张三）` after a dateline: the source of a reprint and its reporters. */
const REPRINT_SOURCE = /^据[\u4e00-\u9fa5A-Za-z·]{2,12}(?:消息|报道)\s*[（(]([^（）()]{2,40})[）)]\s*/;
/** `/据某某社报导，` glued to a reprint's own dateline (`某某社北京2月6日电/据新华社报导，`): its second source. */
const SLASHED_SOURCE = /^[/／]\s*据[\u4e00-\u9fa5A-Za-z·]{2,12}?(?:报导|报道|消息|电)[，,：:]?\s*/;
/**
 * A site's brand glued before its reporters' role inside the dateline's brackets (`（星城全媒体记者 张三）`,
 * a brand no outlet word ends): there it can only be the outlet.
 */
const BRAND_BEFORE_ROLE = /^[\u4e00-\u9fa5]{2,6}?(?=(?:全媒体|融媒体|融媒)(?:记者|通讯员))/;
/** Reporters after a dateline without brackets: `张三、李四报道：`. */
const REPORTED_BY = /^([\u4e00-\u9fa5·]{2,4}(?:[、，,\s]+[\u4e00-\u9fa5·]{2,4}){0,4})\s*报道\s*[：:]\s*/;

/** `某省某市报道：` after a dateline's brackets: where the report was filed from, then the text. */
const PLACE_REPORT = /^\s*[\u4e00-\u9fa5]{2,8}报道[：:]\s*/;

/** A paper's round-up of other reports opens with `本报综合` (no place, date or 讯). */
const COMPILED_REPORT = /^(?:本报综合(?:消息|报道)?|综合消息)(?:[\s　]+|[：:]\s*)(?=\S)/;

/**
 * The reporters' credit alone in brackets opening the text, no outlet before it (`（通讯员：张三）7月5日，…`,
 * a campus or county site's copy): the dateline's names without its outlet.
 */
const BARE_CREDIT = /^[（(]\s*((?:全媒体|融媒体)?(?:记者|通讯员)\s*[：:]?\s*[^（）()：:]{2,40})[）)]\s*(?=\S)/;

/** The dateline opening `text`, if any. */
export function datelineOf(text: string): Dateline | undefined {
  const compiled = COMPILED_REPORT.exec(text);
  if (compiled) return { length: compiled[0].length };
  const credit = BARE_CREDIT.exec(text);
  const creditNames = credit ? namesWithoutRoles(credit[1].replace(/[：:]/, ' ').trim()) : undefined;
  if (credit && creditNames) return { length: credit[0].length, names: creditNames };
  const bracketed = BRACKETED_DATELINE.exec(text);
  if (bracketed && text.length > bracketed[0].length) {
    // …and the reporters may follow in round brackets: `【某某社8月4日电】（记者 张三）`.
    const reporters = /^[（(]\s*([^（）()]{2,40})[）)]\s*/.exec(text.slice(bracketed[0].length));
    const names = reporters ? namesWithoutRoles(reporters[1].trim()) : undefined;
    if (reporters && names) return { length: bracketed[0].length + reporters[0].length, names };
    return { length: bracketed[0].length, ...(bracketed[2] ? { names: bracketed[2] } : {}) };
  }
  const head = DATELINE_HEAD.exec(text);
  if (!head) return undefined;
  const [, outlet, date, mark] = head;
  // 电 ends everyday words (供电, 来电): a wire dateline names a date, a news agency (…社电) or an
  // outlet followed by its reporters in brackets (`世界旅游报长沙电（记者 …）`).
  const bracketFollows = /^\s*[（(]/.test(text.slice(head[0].length));
  // `某某消息（记者 张三）`: a reporter in the brackets makes any name before 消息 an outlet.
  // (`好消息`, `传来好消息` are words, not outlets.)
  const reporterFollows =
    /^\s*[（(][^（）()]{0,12}(?:记者|通讯员)/.test(text.slice(head[0].length)) &&
    !/[好喜新坏]$|传来|听到|带来|收到|得到|获悉|传出/.test(`${outlet}${mark}`.replace(/消息$/, ''));
  if (mark.endsWith('消息') && !(date && OUTLET_MARK.test(outlet)) && !reporterFollows) return undefined;
  if (
    !reporterFollows &&
    (mark === '电'
      ? !(date || /社[\u4e00-\u9fa5]{0,6}$/.test(outlet) || (bracketFollows && /报|网|台|客户端/.test(outlet)))
      : !(date || OUTLET_MARK.test(outlet)))
  )
    return undefined;
  if (/(?:通|资|简|喜|快|短|视|来|供|停|用|放|发|充|触|致|贺|唁)$/.test(outlet) && !date) return undefined;
  let length = head[0].length;
  let names: string | undefined;
  const bracket = /^\s*[（(]([^（）()]{2,60})[）)]\s*/.exec(text.slice(length));
  if (bracket) {
    const inner = bracket[1].trim().replace(BRAND_BEFORE_ROLE, '');
    names = namesWithoutRoles(inner) ?? (isNameList(pairSingleCharacters(inner)) ? pairSingleCharacters(inner) : undefined);
    length += bracket[0].length;
    // …and a place's report label after the brackets, before the text: `本报讯（记者 …）某省某市报道：…`.
    length += PLACE_REPORT.exec(text.slice(length))?.[0].length ?? 0;
  } else {
    length += SLASHED_SOURCE.exec(text.slice(length))?.[0].length ?? 0;
    length += /^\s*/.exec(text.slice(length))?.[0].length ?? 0;
    // A reprint names its source after the dateline: `掌上长沙2月23日讯 据某某日报消息（记者 张三）`.
    const source = REPRINT_SOURCE.exec(text.slice(length));
    const sourceNames = source ? namesWithoutRoles(source[1].trim()) : undefined;
    if (source && sourceNames) return { length: length + source[0].length, names: sourceNames };
    // `本报讯张三、李四报道：正文`: the reporters named without brackets, closed by 报道 and a colon.
    const reported = REPORTED_BY.exec(text.slice(length));
    const reporters = reported?.[1].replace(/[、，,\s]+/g, ' ').trim();
    if (reported && reporters && isNameList(reporters)) {
      names = reporters;
      length += reported[0].length;
    }
  }
  const titled = /^题[：:]\s*(.{2,40}?)\s*$/.exec(text.slice(length));
  if (titled) return { length: length - (/\s*$/.exec(text.slice(0, length))?.[0].length ?? 0), names, title: titled[1] };
  return { length, names };
}
