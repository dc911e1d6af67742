/**
 * The one query parser: what a reader's text says. Its search words, cut as the engine cuts them,
 * and the places among them (邵阳 in "邵阳 营商环境"); besides the words, a time range (近一周, 本月,
 * 今年, 2022年11月, 2022-11-01..2022-11-30, 11月以来), exact phrases in quotes ("营商环境") and
 * excluded words (-疫情). The search (../bot/query.ts), subscriptions (../digest/commands.ts) and
 * the engine (./article-index.ts) all read places through {@link placesAmong}, one rule.
 * Pure: the caller gives today's date (in the newspapers' time zone), so the same text always means
 * the same range on the same day.
 */
import { placeNamedBy } from '../regions/lookup.ts';
import { queryWords } from './jieba.ts';

/** A query longer than this is cut (a pasted paragraph is not a search). */
export const MAX_QUERY_LENGTH = 200;
/** At most this many words of a query are searched. */
export const MAX_QUERY_WORDS = 12;

/** A closed range of publication dates, `YYYY-MM-DD`, and how to say it back to the reader. */
export interface DateRange {
  from: string;
  to: string;
  /** The range as the reader wrote it, normalised (`2022年11月`, `近一周`, `2022-11-01至2022-11-30`). */
  label: string;
}

export interface ParsedQuery {
  /** The words left to search, as typed (the engine segments them). */
  text: string;
  /** Texts in quotes: each must occur exactly. */
  phrases: string[];
  /** Words after a minus sign: no result may contain them. */
  exclude: string[];
  range?: DateRange;
  /** A word written like a date or range that names none (2022年13月, 2022-02-30): the reader is told. */
  badRange?: string;
}

/** Shaped like a date or a range of dates, whatever its numbers. */
const DATE_SHAPED =
  /^\d{4}(?:年\d{1,2}月(?:\d{1,2}[日号])?(?:以来|至今)?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?:(?:\.\.|~|～|至|到)\d{4}[-/.]\d{1,2}[-/.]\d{1,2})?)$/;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Days in a month (month 1–12). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` (YYYY-MM-DD) moved by `days`. */
function shift(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function valid(y: number, m: number, d = 1): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

const CN_NUMBERS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半: 0.5 };
const number = (text: string) => (/^\d+$/.test(text) ? Number(text) : CN_NUMBERS[text]);

type RangeRule = { pattern: RegExp; range: (m: RegExpExecArray, today: string) => DateRange | undefined };

const todayParts = (today: string) => today.split('-').map(Number) as [number, number, number];

/** The time expressions understood, tried in order; each matches a whole query word. */
const RULES: RangeRule[] = [
  {
    // 2022-11-01..2022-11-30, 2022-11-01~2022-11-30, 2022-11-01至2022-11-30, 2022/11/1到2022/11/30
    pattern: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\.\.|~|～|至|到|—|-{1,2})(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
    range: (m) => {
      const [a, b] = [
        [+m[1], +m[2], +m[3]],
        [+m[4], +m[5], +m[6]],
      ];
      if (!valid(a[0], a[1], a[2]) || !valid(b[0], b[1], b[2])) return undefined;
      const [from, to] = [iso(a[0], a[1], a[2]), iso(b[0], b[1], b[2])].sort();
      return { from, to, label: `${from}至${to}` };
    },
  },
  {
    // 2022年11月5日, 2022-11-05
    pattern: /^(\d{4})(?:年(\d{1,2})月(\d{1,2})[日号]|[-/.](\d{1,2})[-/.](\d{1,2}))$/,
    range: (m) => {
      const [y, mo, d] = [+m[1], +(m[2] ?? m[4]), +(m[3] ?? m[5])];
      if (!valid(y, mo, d)) return undefined;
      return { from: iso(y, mo, d), to: iso(y, mo, d), label: `${y}年${mo}月${d}日` };
    },
  },
  {
    // 2022年11月, 2022-11
    pattern: /^(\d{4})(?:年(\d{1,2})月份?|[-/.](\d{1,2}))$/,
    range: (m) => {
      const [y, mo] = [+m[1], +(m[2] ?? m[3])];
      if (!valid(y, mo)) return undefined;
      return { from: iso(y, mo, 1), to: iso(y, mo, daysIn(y, mo)), label: `${y}年${mo}月` };
    },
  },
  {
    // 2022年, 2022年度
    pattern: /^(\d{4})年度?$/,
    range: (m) => (valid(+m[1], 1) ? { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: `${m[1]}年` } : undefined),
  },
  {
    // 11月以来, 2022年11月以来, 3月1日以来, 2022年以来
    pattern: /^(?:(\d{4})年)?(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?(?:以来|至今)$/,
    range: (m, today) => {
      const [ty, tm] = todayParts(today);
      if (!m[1] && !m[2]) return undefined;
      const y = m[1] ? +m[1] : +m[2] > tm ? ty - 1 : ty; // "11月以来" in March means last November
      const mo = m[2] ? +m[2] : 1;
      const d = m[3] ? +m[3] : 1;
      if (!valid(y, mo, d)) return undefined;
      const from = iso(y, mo, d);
      return from > today ? undefined : { from, to: today, label: `${from}以来` };
    },
  },
  {
    // 近一周, 最近7天, 近三个月, 近半年, 近一年, 过去两周
    pattern: /^(?:最?近|过去)(\d{1,3}|[一两二三四五六七八九十半])(?:个)?(天|日|周|星期|月|年)(?:来|以来|内)?$/,
    range: (m, today) => {
      const n = number(m[1]);
      if (n === undefined || n <= 0) return undefined;
      const unit = m[2];
      const days =
        unit === '天' || unit === '日'
          ? n
          : unit === '周' || unit === '星期'
            ? 7 * n
            : unit === '月'
              ? Math.round(30.5 * n)
              : Math.round(365 * n);
      return { from: shift(today, -(days - 1)), to: today, label: m[0] };
    },
  },
  {
    pattern: /^(今天|昨天|本周|这周|上周|本月|这个月|上月|上个月|今年|去年)$/,
    range: (m, today) => {
      const [ty, tm] = todayParts(today);
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
      switch (m[1]) {
        case '今天':
          return { from: today, to: today, label: '今天' };
        case '昨天':
          return { from: shift(today, -1), to: shift(today, -1), label: '昨天' };
        case '本周':
        case '这周':
          return { from: shift(today, -weekday), to: today, label: '本周' };
        case '上周':
          return { from: shift(today, -weekday - 7), to: shift(today, -weekday - 1), label: '上周' };
        case '本月':
        case '这个月':
          return { from: iso(ty, tm, 1), to: today, label: '本月' };
        case '上月':
        case '上个月': {
          const [y, mo] = tm === 1 ? [ty - 1, 12] : [ty, tm - 1];
          return { from: iso(y, mo, 1), to: iso(y, mo, daysIn(y, mo)), label: '上个月' };
        }
        case '今年':
          return { from: `${ty}-01-01`, to: today, label: '今年' };
        case '去年':
          return { from: `${ty - 1}-01-01`, to: `${ty - 1}-12-31`, label: '去年' };
        default:
          return undefined;
      }
    },
  },
];

/** The range a single query word names, if any. */
export function rangeOf(word: string, today: string): DateRange | undefined {
  for (const rule of RULES) {
    const m = rule.pattern.exec(word);
    if (m) return rule.range(m, today);
  }
  return undefined;
}

/**
 * Splits a query into its words, quoted phrases, excluded words and time range. Quotes may be
 * “…”, "…", 「…」 or 『…』; an exclusion is a word after `-` or `－` at a word's start. Only the
 * first time expression counts; a word that looks like a date but is none (2022年13月) is `badRange`.
 */
export function parseQuery(raw: string, today: string): ParsedQuery {
  const phrases: string[] = [];
  const exclude: string[] = [];
  let range: DateRange | undefined;
  let badRange: string | undefined;
  const unquoted = raw.replace(/[“"「『]([^”"」』]{1,40})[”"」』]/g, (_, phrase: string) => {
    if (phrase.trim()) phrases.push(phrase.trim());
    return ' ';
  });
  const words: string[] = [];
  for (const word of unquoted.split(/[\s\u3000]+/).filter(Boolean)) {
    const excluded = /^[-－](.+)$/.exec(word);
    if (excluded) {
      exclude.push(excluded[1]);
      continue;
    }
    const found = range ? undefined : rangeOf(word, today);
    if (found) range = found;
    else if (DATE_SHAPED.test(word)) badRange ??= word;
    else words.push(word);
  }
  return { text: words.join(' '), phrases, exclude, ...(range ? { range } : {}), ...(badRange ? { badRange } : {}) };
}

/** A query word that names a place in Hunan (below the province), with the place's official full name. */
export interface QueryPlace {
  word: string;
  name: string;
}

/** The places among query words, in the words' order (see placeNamedBy in ../regions/lookup.ts). */
export function placesAmong(words: readonly string[]): QueryPlace[] {
  return words.flatMap((word) => {
    const region = placeNamedBy(word);
    return region ? [{ word, name: region.name }] : [];
  });
}

/** A query understood in full: {@link ParsedQuery} plus its search words and the places among them. */
export interface UnderstoodQuery extends ParsedQuery {
  /** The free text's search words as the engine cuts them (normalised, stop words dropped, capped). */
  words: string[];
  /** The words that name a place, in order. */
  places: QueryPlace[];
}

/** Parses `raw` (see {@link parseQuery}) and cuts its free text into words and places. */
export function understandQuery(raw: string, today: string): UnderstoodQuery {
  const parsed = parseQuery(raw, today);
  const words = [...new Set(queryWords(parsed.text.slice(0, MAX_QUERY_LENGTH)))].slice(0, MAX_QUERY_WORDS);
  return { ...parsed, words, places: placesAmong(words) };
}

/** Today's date `YYYY-MM-DD` in a time zone (the newspapers' by default). */
export function todayIn(timeZone = 'Asia/Shanghai', now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
