/**
 * The date a page prints for itself (an issue date or a publishing time), read from its furniture
 * lines (./furniture.ts).
 */

import type { LineReading } from './block-shapes.ts';
import { BARE_DATE, DAY_FIRST_TIME, furnitureOf, isRunningText } from './furniture.ts';

const ISSUE_DATE = /((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日\s*(?:星期|周|礼拜)[一二三四五六日天]/;
const LABELLED_DATE =
  /(?:发布时间|发布日期|发表时间|更新时间|更新日期|出版日期)\s*[：:]\s*((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})|(?:^|[\[【(（\s])(?:时间|日期)\s*[：:]\s*((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})/;
const ARCHIVE_DATE = /^归档时间\s*[：:]/;
const TIMESTAMP = /(?:^|\s)((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)/;
/** …or after a few words naming it, above every article: `当前报章2031年05月06日`, `本期 2031年5月6日`. */
const LABELLED_BARE_DATE = /^[\u4e00-\u9fa5]{1,6}\s*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日$/;
const NUMERIC_DATE = /((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const CJK_DATE = /((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日/;
const EPAPER_DATE = /((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日.{0,12}第?\s*[A-Z]?\d{1,3}\s*版/;

/**
 * The date a page prints for itself, `YYYY-MM-DD`: the issue date of a masthead
 * (`2022年03月04日 星期五`, `2022年3月4日 第01版`) or the publishing time of a web article
 * (`发布时间：2019-08-12 06:24:20`, a bare `2019-08-12 06:24` line of article data). The first such
 * line wins. A date signing a notice (`2023年3月1日` alone) is the notice's, not the page's, and a
 * date in running text is never taken.
 */
export function pageDateOf(lines: string[]): string | undefined {
  const short = lines.map((line) => line.trim()).filter((line) => line.length <= 120);
  const issue = issueDateOf(short);
  const published = publishingDateOf(short);
  // A "masthead" date a month and more after the article's own publishing time is the site's
  // clock (a mirror's header prints the day it was copied: `2031年04月22日 星期二`), not an issue.
  if (issue && published && Date.parse(issue) - Date.parse(published) > SITE_CLOCK_MS) return published;
  return issue ?? published;
}

/** How much later than the publishing time a header's date must be to be the site's own clock. */
const SITE_CLOCK_MS = 31 * 24 * 3600 * 1000;

function issueDateOf(short: string[]): string | undefined {
  // A masthead's issue date outranks a web page's publishing time (reprints are published later).
  // …but a diary's `2005年11月26日 星期六 晴` inside an article is no issue date: only furniture
  // lines, or lines above every article, count.
  let header = true;
  for (const line of short) {
    const kind = furnitureOf(line);
    if (header || kind === 'masthead' || kind === 'page header') {
      // (…and an e-paper's toolbar over the article, `上一篇 下一篇 2031年11月29日 放大 缩小`, prints the issue's date.)
      const toolbar = header && kind === 'navigation' ? (CJK_DATE.exec(line) ?? NUMERIC_DATE.exec(line)) : null;
      const date = dateOf(ISSUE_DATE.exec(line) ?? EPAPER_DATE.exec(line) ?? toolbar);
      if (date) return date;
    }
    if (isRunningText(line) && !kind) header = false;
  }
  return undefined;
}

/**
 * Furniture lines whose date is the article's: its data, a counter printed with the date
 * (`某网 2024-11-07 阅读数 5811`), and a forum post's header (`某网友 发表于 2031-4-2 16:50`, the first post's).
 */
const DATED_KINDS = new Set(['article data', 'counter', 'thread header']);

function publishingDateOf(short: string[]): string | undefined {
  let beforeText = true;
  for (const line of short) {
    // (`归档时间：` is when a government site filed the page, often years after it was published.)
    if (ARCHIVE_DATE.test(line)) continue;
    const date =
      dateOf(
        LABELLED_DATE.exec(line) ??
          (DATED_KINDS.has(furnitureOf(line) ?? '') ? (TIMESTAMP.exec(line) ?? CJK_DATE.exec(line) ?? NUMERIC_DATE.exec(line)) : null) ??
          (beforeText ? (BARE_DATE.exec(line) ?? LABELLED_BARE_DATE.exec(line)) : null),
      ) ?? dayFirstDateOf(line);
    if (date) return date;
    if (isRunningText(line) && !furnitureOf(line)) beforeText = false;
  }
  return undefined;
}

/** The year, month and day groups of a date pattern's match (whichever alternative matched) as `YYYY-MM-DD`. */
function dateOf(match: RegExpExecArray | null): string | undefined {
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).filter((group) => group !== undefined);
  return isoDate(year, month, day);
}

/** A day-first posting time (`14.09.2031 17:28`) as `YYYY-MM-DD`. */
function dayFirstDateOf(line: string): string | undefined {
  const match = DAY_FIRST_TIME.exec(line);
  if (!match) return undefined;
  const [, day, month, year] = match;
  return isoDate(year, month, day);
}

/** `YYYY-MM-DD` from the printed parts, or undefined when they are no calendar date. */
function isoDate(yearText = '', monthText = '', dayText = ''): string | undefined {
  const [year, month, day] = [yearText, monthText, dayText].map(Number);
  if (!year || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date alone above every article is the issue's date (see furniture.ts), not a notice's signature. */
export function markIssueDate(readings: LineReading[]): void {
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
