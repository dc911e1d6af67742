/**
 * Bounded full-text work, newest first. A GIN index finds the articles holding a word in any
 * order, so "the newest 1 000 articles with 发展" would have PostgreSQL check and sort every one
 * of them (half the archive for a very common word). Instead the archive is searched in windows of
 * publication time, newest first: the last 16 days, then the 64 before them, and so on (×4), until
 * enough matches are found. A common word stops in the first window or two, checking at most
 * about that window's articles; a rare word costs one index look-up per window, a handful even
 * for decades. `seq` carries the day (see ./migrations.ts), so a window is a plain range on it.
 */
import type pg from 'pg';
import { DAY_SLOTS } from '../snapshot.ts';

export const FIRST_WINDOW_DAYS = 16;
export const WINDOW_GROWTH = 4;

/** The order keys of the archive's oldest and newest article (undefined when it is empty). */
export interface SeqSpan {
  min: number;
  max: number;
}

/** Query parameters numbered as they are added: `sql.add(value)` gives `$n`. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export async function seqSpan(db: pg.Pool): Promise<SeqSpan | undefined> {
  const { rows } = await db.query<{ min: string | null; max: string | null }>('SELECT min(seq) AS min, max(seq) AS max FROM articles');
  return rows[0].min === null || rows[0].max === null ? undefined : { min: Number(rows[0].min), max: Number(rows[0].max) };
}

/**
 * Rows of `articles` matching `where`, newest first, at most `cap`. `select` and `where` may use
 * the parameters of `params`; `seq` is always selected.
 */
export async function newestMatching<Row extends { seq: string }>(
  db: pg.Pool, span: SeqSpan, select: string, where: string, params: Params, cap: number,
): Promise<{ rows: Row[]; capped: boolean }> {
  const rows: Row[] = [];
  let high = span.max + 1;
  let days = FIRST_WINDOW_DAYS;
  while (rows.length < cap) {
    const low = Math.max(span.min, high - days * DAY_SLOTS);
    const values = [...params.values, low, high, cap - rows.length];
    const n = params.values.length;
    const sql = `SELECT seq, ${select} FROM articles WHERE (${where}) AND seq >= $${n + 1} AND seq < $${n + 2} ORDER BY seq DESC LIMIT $${n + 3}`;
    rows.push(...(await db.query<Row>(sql, values)).rows);
    if (low <= span.min) break;
    high = low;
    days *= WINDOW_GROWTH;
  }
  return { rows, capped: rows.length >= cap };
}
