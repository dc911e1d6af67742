/**
 * First-seen times brought from elsewhere (an SQLite deployment's `article_seen`, by
 * `xiangwen migrate-to-postgres`). Written before the ingest that adds the articles: the ingest
 * never moves a recorded time (./ingest.ts), so the articles keep the times they had and the next
 * digest does not take the whole archive for new.
 */
import type pg from 'pg';

/** Rows per statement: arrays of this size are cheap to send and to unnest. */
const CHUNK = 10_000;

/**
 * Records `items` in `article_seen`; where an id already has a time the earlier one stays (running
 * the copy twice changes nothing). Returns how many were written.
 */
export async function importFirstSeen(db: pg.Pool, items: readonly { id: string; firstSeen: number }[]): Promise<number> {
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    await db.query(
      `INSERT INTO article_seen (id, first_seen) SELECT * FROM unnest($1::text[], $2::bigint[])
       ON CONFLICT (id) DO UPDATE SET first_seen = LEAST(article_seen.first_seen, excluded.first_seen)`,
      [chunk.map((item) => item.id), chunk.map((item) => item.firstSeen)],
    );
  }
  return items.length;
}
