/** Result rows: candidates found by a lookup, turned into the hits a result list shows. */
import type pg from 'pg';
import { searchHit } from '../hit.ts';
import type { SearchHit } from '../engine.ts';

export interface Candidate {
  id: string;
  /** Order key: larger is newer (see ./migrations.ts). */
  seq: number;
  matched: Set<string>;
  compactScore: number;
  fullTextScore: number;
  /** How many of the query's cut words the article holds as typed (see ../search-terms.ts). */
  asTyped?: number;
  /** True for a fragment. */
  untitled?: boolean;
}

/**
 * Relevance within a group of equally complete matches, as in the SQLite engine: compact fields
 * count twice the full text (fragments are ordered after titled articles before this counts:
 * beforeRelevance in ../candidates.ts).
 */
export function score(c: Candidate): number {
  return c.compactScore * 2 + c.fullTextScore;
}

/** A candidate found without a score (lists by region, date or author). */
export function unscored(id: string, seq: string | number): Candidate {
  return { id, seq: Number(seq), matched: new Set(), compactScore: 0, fullTextScore: 0 };
}

interface HitRow {
  id: string;
  date: string;
  file: string;
  kind: SearchHit['kind'];
  title: string;
  summary: string;
  record_regions: string[];
}

/** The hits of a page of candidates, in the candidates' order. */
export async function hitsFor(db: pg.Pool, page: Candidate[]): Promise<SearchHit[]> {
  if (page.length === 0) return [];
  const { rows } = await db.query<HitRow>(
    `SELECT id, date, file, kind, title, summary, ARRAY(SELECT jsonb_array_elements_text(record->'regions')) AS record_regions
     FROM articles WHERE id = ANY($1)`,
    [page.map((c) => c.id)],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return page.flatMap((c) => {
    const row = byId.get(c.id);
    return row ? [searchHit({ ...row, regions: row.record_regions }, score(c), c.matched)] : [];
  });
}
