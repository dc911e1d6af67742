/**
 * The compact-field pass of a search (MiniSearch over title, kicker, subtitle, keywords, regions,
 * authors), over a compact index loaded at once or in the background. At 100 000 articles loading
 * compact.json takes about 2 s of CPU, most of a start; a reader that must answer sooner (the bot)
 * loads it in slices while it already serves. Until it is loaded, searches rank by the full-text
 * and place passes alone (the compact fields are in the full text too, so nothing goes unfound:
 * only the title's extra weight and prefix matching wait); if it cannot be loaded, every search
 * throws the IndexError, which makes the live index rebuild (../ingest/swappable-index.ts).
 */
import { join } from 'node:path';
import type { Candidates } from './candidates.ts';
import type { CompactIndex } from './compact.ts';
import { loadCompact, loadCompactInSlices } from './compact-delta.ts';
import { IndexError } from './index-meta.ts';

/** Field weights of the compact pass: a headline match counts most. */
const BOOST = { title: 4, kicker: 2, subtitle: 2, regions: 2, keywords: 1.5, authors: 1 };

/** When a reader loads compact.json: before it opens (`now`), or while it serves (`background`). */
export type CompactLoading = 'now' | 'background';

function damaged(indexDir: string, error: unknown): IndexError {
  const message = error instanceof Error ? error.message : String(error);
  return new IndexError('corrupt', `index file ${join(indexDir, 'compact.json')} is corrupt or missing (${message.slice(0, 80)})`);
}

/** The compact index of one snapshot and the pass that searches it. */
export class CompactPass {
  private compact: CompactIndex | undefined;
  private failure: IndexError | undefined;
  /** Settles when the compact index is loaded (rejects with the IndexError when it cannot be). */
  readonly loaded: Promise<void>;

  private constructor(indexDir: string, loading: CompactLoading) {
    if (loading === 'now') {
      try {
        this.compact = loadCompact(indexDir).compact;
      } catch (error) {
        throw damaged(indexDir, error);
      }
      this.loaded = Promise.resolve();
      return;
    }
    this.loaded = loadCompactInSlices(indexDir).then(
      ({ compact }) => {
        this.compact = compact;
      },
      (error: unknown) => {
        this.failure = damaged(indexDir, error);
        throw this.failure;
      },
    );
    // A failure is reported by the next search; it must not count as unhandled meanwhile.
    this.loaded.catch(() => {});
  }

  /** Loads the compact index of the snapshot in `indexDir`; `now` throws IndexError on damage. */
  static open(indexDir: string, loading: CompactLoading = 'now'): CompactPass {
    return new CompactPass(indexDir, loading);
  }

  /** True once the compact index answers (always, when it was loaded at once). */
  get ready(): boolean {
    return this.compact !== undefined;
  }

  /** Adds the compact-field matches of `terms` (prefix matching, never fuzzy) to `candidates`. */
  match(terms: string[], candidates: Candidates): void {
    if (this.failure) throw this.failure;
    if (terms.length === 0 || this.compact === undefined) return;
    const { allowed } = candidates;
    const results = this.compact.search(terms.join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      prefix: (term) => [...term].length >= 2,
      fuzzy: false,
      combineWith: 'OR',
      boost: BOOST,
      filter: allowed ? (result) => allowed.has(result.id as number) : undefined,
    });
    const top = results[0]?.score ?? 1;
    for (const result of results) candidates.addCompact(result.id as number, result.queryTerms, result.score / top, true);
  }
}
