/**
 * Bounded full-text work, newest first. A GIN index finds the articles holding a word in any
 * order, so "the newest 1 000 articles with 发展" would have PostgreSQL check and sort every one
 * of them (half the archive for a very common word). Instead the archive is searched in windows of
 * publication time, newest first: the last 16 days, then the 64 before them, and so on (×4), until
 * enough matches are found. A common word stops in the first window or two, checking at most
 * about that window's articles; a rare word costs one index look-up per window, a handful even
 * for decades (all in one statement). `seq` carries the day (see ./migrations.ts), so a window is a plain range on it.
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

  /** A copy to add more parameters to, numbered after these. */
  copy(): Params {
    const copied = new Params();
    copied.values.push(...this.values);
    return copied;
  }
}

export async function seqSpan(db: pg.Pool): Promise<SeqSpan | undefined> {
  const { rows } = await db.query<{ min: string | null; max: string | null }>('SELECT min(seq) AS min, max(seq) AS max FROM articles');
  return rows[0].min === null || rows[0].max === null ? undefined : { min: Number(rows[0].min), max: Number(rows[0].max) };
}

/** The windows over `span`, newest first: [low, high) ranges of seq. */
export function windowsOf(span: SeqSpan): [number, number][] {
  const windows: [number, number][] = [];
  let high = span.max + 1;
  for (let days = FIRST_WINDOW_DAYS; ; days *= WINDOW_GROWTH) {
    const low = Math.max(span.min, high - days * DAY_SLOTS);
    windows.push([low, high]);
    if (low <= span.min) return windows;
    high = low;
  }
}

/** Matching rows, newest first; `capped` when they reached the cap (there may be more). */
export interface NewestRows<Row> {
  rows: Row[];
  capped: boolean;
}

/**
 * Rows of `articles` matching `where`, newest first, at most `cap`. `select` and `where` may use
 * the parameters of `params`; `seq` is always selected. One statement: the windows are branches
 * of a UNION ALL under a LIMIT, and PostgreSQL runs a branch only while the rows of the branches
 * before it fall short of the limit.
 */
export async function newestMatching<Row extends { seq: string }>(
  db: pg.Pool,
  span: SeqSpan,
  select: string,
  where: string,
  params: Params,
  cap: number,
): Promise<NewestRows<Row>> {
  const local = params.copy();
  const limit = local.add(cap);
  const branches = windowsOf(span).map(
    ([low, high]) =>
      `(SELECT seq, ${select} FROM articles WHERE (${where}) AND seq >= ${local.add(low)} AND seq < ${local.add(high)} ORDER BY seq DESC LIMIT ${limit})`,
  );
  // One window (an archive younger than the first one) is a single parenthesised SELECT, which
  // PostgreSQL refuses to give a second LIMIT.
  const sql = branches.length === 1 ? branches[0] : `${branches.join(' UNION ALL ')} LIMIT ${limit}`;
  const { rows } = await db.query<Row>(sql, local.values);
  // Branch order is newest first already; sorting again costs nothing and promises it.
  rows.sort((a, b) => Number(b.seq) - Number(a.seq));
  return { rows, capped: rows.length >= cap };
}

/** The RUM index on the bigram vectors, with `seq` attached (./migrations.ts version 2). */
export const ORDERED_GRAMS_INDEX = 'articles_grams_ordered';

/** True when the database has the RUM index (its server had the `rum` extension at migration). */
export async function hasOrderedGrams(db: pg.Pool): Promise<boolean> {
  const { rows } = await db.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [ORDERED_GRAMS_INDEX]);
  return rows[0].present;
}

/**
 * What {@link newestMatching} gives for a `where` on `grams`, through the RUM index: one index
 * scan that yields the matches newest first (`seq <=| newest`, the attached column's order) and
 * stops at `cap`, with phrase matches decided from the positions in the index, never by reading
 * the articles' vectors. No windows: the index is the order.
 */
export const newestByGrams: typeof newestMatching = async (db, span, select, where, params, cap) => {
  const local = params.copy();
  const sql = `SELECT seq, ${select} FROM articles WHERE ${where} ORDER BY seq <=| ${local.add(span.max)}::bigint LIMIT ${local.add(cap)}`;
  const { rows } = await db.query(sql, local.values);
  return { rows, capped: rows.length >= cap };
};
