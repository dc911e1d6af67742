/**
 * When a subscription's digest goes out: `HH:MM` every day, or `W1 08:00` once a week (W1 = Monday …
 * W7 = Sunday), in DIGEST_TZ. The same string is stored, scheduled, compared and shown; a weekly
 * digest holds everything new since the week before, exactly as a daily one holds a day.
 */

export interface When {
  /** 1 = Monday … 7 = Sunday; undefined for every day. */
  weekday?: number;
  /** `HH:MM`. */
  time: string;
}

const STORED = /^(?:W([1-7]) )?(([01]\d|2[0-3]):[0-5]\d)$/;

/** Reads a stored schedule, or undefined when it is none. */
export function parseWhen(stored: string): When | undefined {
  const match = STORED.exec(stored);
  if (!match) return undefined;
  return match[1] ? { weekday: Number(match[1]), time: match[2] } : { time: match[2] };
}

/** The stored form of a schedule. */
export function storedWhen(when: When): string {
  return when.weekday ? `W${when.weekday} ${when.time}` : when.time;
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** True when a schedule's digest is due on `date` at local clock time `clock` (or later). */
export function dueAt(stored: string, date: string, clock: string): boolean {
  const when = parseWhen(stored);
  return when !== undefined && (when.weekday === undefined || when.weekday === weekdayOf(date)) && when.time <= clock;
}

/** The croner pattern of a schedule (cron counts weekdays from Sunday = 0). */
export function cronOf(stored: string): string | undefined {
  const when = parseWhen(stored);
  if (!when) return undefined;
  const [hour, minute] = when.time.split(':').map(Number);
  return `${minute} ${hour} * * ${when.weekday === undefined ? '*' : when.weekday % 7}`;
}

const ZH_DAYS = ['一', '二', '三', '四', '五', '六', '日'];
const EN_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A schedule as a reader reads it: `每天 08:00`, `每周一 08:00`, `daily at 08:00`, `Mondays at 08:00`. */
export function describeWhen(stored: string, lang: 'zh' | 'en'): string {
  const when = parseWhen(stored) ?? { time: stored };
  if (lang === 'en') return when.weekday ? `${EN_DAYS[when.weekday - 1]}s at ${when.time}` : `daily at ${when.time}`;
  return when.weekday ? `每周${ZH_DAYS[when.weekday - 1]} ${when.time}` : `每天 ${when.time}`;
}

/** A weekday word of a /subscribe line: 每周一, 周三, 星期五, 礼拜天 → 1…7; undefined when it is none. */
export function weekdayWord(word: string): number | undefined {
  const match = /^(?:每)?(?:周|星期|礼拜)([一二三四五六日天])$/.exec(word);
  if (!match) return undefined;
  return match[1] === '天' ? 7 : ZH_DAYS.indexOf(match[1]) + 1;
}
