/**
 * The compact index on disk: one row per (term, article, field) in articles.db's
 * `compact_postings`, clustered by term, so a query reads only the postings of its terms (and of
 * the longer terms its prefix matches) and nothing of the index is held in memory or loaded at
 * start. Until format 5 this was MiniSearch in memory, loaded from compact.json: 2 s and most of
 * a reader's memory at 100 000 articles, growing with the archive. The ranking is MiniSearch's
 * (./compact-pass.ts); each row carries what it needs: the term's count in the field and the
 * field's length (its distinct terms), and `state` holds the corpus totals BM25 averages over.
 */
import type Database from 'better-sqlite3';
import { COMPACT_FIELDS, type CompactSink, type TokenizedDocument } from './compact.ts';

/** The postings table (in SCHEMA of ./snapshot.ts, and in a full build's staging database without its key). */
export const POSTINGS_COLUMNS =
  'term TEXT NOT NULL, rowid INTEGER NOT NULL, field INTEGER NOT NULL, tf INTEGER NOT NULL, len INTEGER NOT NULL';
export const POSTINGS_TABLE = `CREATE TABLE compact_postings (${POSTINGS_COLUMNS}, PRIMARY KEY (term, rowid, field)) WITHOUT ROWID`;

/** What BM25 averages over: the documents indexed, and the sum of each field's length over them. */
export interface CompactTotals {
  documents: number;
  lengths: number[];
}

const TOTALS_KEY = 'compact_totals';

/** The compact totals recorded in articles.db (none yet: an empty index). */
export function compactTotals(db: Database.Database): CompactTotals {
  const row = db.prepare('SELECT value FROM state WHERE key = ?').get(TOTALS_KEY) as { value: string } | undefined;
  const totals = row ? (JSON.parse(row.value) as Partial<CompactTotals>) : {};
  const lengths = COMPACT_FIELDS.map((_, field) => Number(totals.lengths?.[field] ?? 0));
  return { documents: Number(totals.documents ?? 0), lengths };
}

/** Each field's postings of a document: term → count, and the field's length (distinct terms). */
function fieldPostings(document: TokenizedDocument): { field: number; counts: Map<string, number> }[] {
  return COMPACT_FIELDS.map((name, field) => {
    const counts = new Map<string, number>();
    for (const term of document[name]) counts.set(term, (counts.get(term) ?? 0) + 1);
    return { field, counts };
  });
}

/**
 * Writes documents' postings to `table` (compact_postings, or a full build's unordered staging
 * table) and keeps the totals' changes until {@link PostingsWriter.flushTotals}. The caller owns
 * transactions.
 */
export class PostingsWriter implements CompactSink {
  private readonly insertPosting: Database.Statement;
  private readonly deletePostings: Database.Statement;
  private readonly change: CompactTotals = { documents: 0, lengths: COMPACT_FIELDS.map(() => 0) };

  constructor(
    private readonly db: Database.Database,
    table = 'compact_postings',
  ) {
    this.insertPosting = db.prepare(`INSERT INTO ${table} (term, rowid, field, tf, len) VALUES (?, ?, ?, ?, ?)`);
    this.deletePostings = db.prepare(`DELETE FROM ${table} WHERE term = ? AND rowid = ?`);
  }

  add(document: TokenizedDocument): void {
    this.change.documents++;
    for (const { field, counts } of fieldPostings(document)) {
      this.change.lengths[field] += counts.size;
      for (const [term, tf] of counts) this.insertPosting.run(term, document.rowid, field, tf, counts.size);
    }
  }

  /** Removes a document given the tokens it was indexed with (re-derived from its record: see SnapshotWriter.delete). */
  remove(document: TokenizedDocument): void {
    this.change.documents--;
    const terms = new Set<string>();
    for (const { field, counts } of fieldPostings(document)) {
      this.change.lengths[field] -= counts.size;
      for (const term of counts.keys()) terms.add(term);
    }
    for (const term of terms) this.deletePostings.run(term, document.rowid);
  }

  /** Adds the pending changes to the totals in `state` (inside the caller's transaction). */
  flushTotals(): void {
    const totals = compactTotals(this.db);
    const next: CompactTotals = {
      documents: totals.documents + this.change.documents,
      lengths: totals.lengths.map((sum, field) => sum + this.change.lengths[field]),
    };
    this.db.prepare('INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)').run(TOTALS_KEY, JSON.stringify(next));
    this.change.documents = 0;
    this.change.lengths.fill(0);
  }
}
