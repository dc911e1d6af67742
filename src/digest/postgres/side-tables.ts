/**
 * The small side tables of the bot's state on PostgreSQL: first-seen times (the engine's
 * `article_seen` table, so the engine's ingest and the state read one ledger), the paging keys
 * of long queries (`query_keys`, shared by every instance, so a button works wherever it is
 * pressed) and the token's send schedule (`send_schedule`, one row every instance reserves from).
 */
import type pg from 'pg';
import type { FirstSeenTimes, SeenItem } from '../../search/first-seen.ts';
import { QUERY_KEY_KEEP_DAYS } from '../../telegram/query-keys.ts';
import type { QueryKeyBacking } from '../../telegram/query-store.ts';
import type { SendSlots } from '../store.ts';

/** A bound PostgreSQL can compare: ±Infinity as the largest safe integers. */
function finite(time: number): number {
  return Number.isFinite(time) ? time : time > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** First-seen times in `article_seen`; the earliest time recorded wins. */
export function postgresFirstSeen(pool: pg.Pool, saving: <T>(work: () => Promise<T>) => Promise<T>): FirstSeenTimes {
  return {
    record: (ids, now) =>
      saving(async () => {
        // xmax = 0 only on a row this statement inserted: the ids that were new.
        const { rows } = await pool.query<{ inserted: boolean }>(
          `INSERT INTO article_seen (id, first_seen) SELECT DISTINCT unnest($1::text[]), $2::bigint
           ON CONFLICT (id) DO UPDATE SET first_seen = excluded.first_seen WHERE excluded.first_seen < article_seen.first_seen
           RETURNING (xmax = 0) AS inserted`,
          [[...ids], now],
        );
        return rows.filter((row) => row.inserted).length;
      }),
    async firstSeen(id) {
      const { rows } = await pool.query<{ first_seen: string }>('SELECT first_seen FROM article_seen WHERE id = $1', [id]);
      return rows.length === 0 ? undefined : Number(rows[0].first_seen);
    },
    async page(since, after, limit) {
      const { rows } = await pool.query<{ id: string; first_seen: string }>(
        `SELECT id, first_seen FROM article_seen WHERE first_seen > $1 AND (first_seen, id) > ($2::bigint, $3::text)
         ORDER BY first_seen, id LIMIT $4`,
        [finite(since), after?.firstSeen ?? -Number.MAX_SAFE_INTEGER, after?.id ?? '', limit],
      );
      return rows.map((row): SeenItem => ({ id: row.id, firstSeen: Number(row.first_seen) }));
    },
  };
}

/** Paging keys in `query_keys`; keys unused for `keepDays` are forgotten. */
export function postgresQueryKeys(
  pool: pg.Pool,
  saving: <T>(work: () => Promise<T>) => Promise<T>,
  options: { keepDays?: number; now?: () => number } = {},
): QueryKeyBacking {
  const keepMs = (options.keepDays ?? QUERY_KEY_KEEP_DAYS) * 86_400_000;
  const clock = options.now ?? Date.now;
  return {
    save: (key, text) =>
      saving(async () => {
        const now = clock();
        await pool.query(
          'INSERT INTO query_keys (key, text, used_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET used_at = excluded.used_at',
          [key, text, now],
        );
        await pool.query('DELETE FROM query_keys WHERE used_at < $1', [now - keepMs]);
      }),
    async textFor(key) {
      const { rows } = await pool.query<{ text: string }>('SELECT text FROM query_keys WHERE key = $1', [key]);
      return rows[0]?.text;
    },
  };
}

/**
 * The send schedule of all instances in one row: each reservation moves `next_at` one gap past the
 * slot it takes, a slot never earlier than the server's clock, so an idle schedule banks no burst.
 * One short row-locked UPDATE per message: at Telegram's 30 messages a second, far from contended.
 */
export function postgresSendSlots(pool: pg.Pool, saving: <T>(work: () => Promise<T>) => Promise<T>): SendSlots {
  return {
    reserve: (gapMs) =>
      saving(async () => {
        const { rows } = await pool.query<{ at: number; now: number }>(
          `UPDATE send_schedule s SET next_at = GREATEST(s.next_at, c.now) + $1::double precision
           FROM (SELECT extract(epoch FROM clock_timestamp()) * 1000 AS now) c
           WHERE s.id = 1
           RETURNING s.next_at - $1::double precision AS at, c.now::double precision AS now`,
          [gapMs],
        );
        const { at, now } = rows[0];
        return { at, waitMs: Math.max(0, at - now) };
      }),
  };
}
