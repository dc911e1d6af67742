/**
 * The region tree behind /regions: every region some article is tagged with, placed under its
 * ancestors in the gazetteer, each with the number of articles about it or its sub-regions.
 * Built once from `index.regionCounts()` (the index is read-only while the bot runs).
 */
import type { ArticleIndex } from '../search/engine.ts';
import type { RegionLookup } from './region-lookup.ts';

/** A region in the tree with its article count (sub-regions included). */
export interface TreeEntry {
  name: string;
  count: number;
  /** True when some sub-region has articles too (its button opens the next level). */
  hasChildren: boolean;
}

export class RegionTree {
  private readonly children = new Map<string, Set<string>>();
  private readonly counts = new Map<string, number>();
  private readonly roots = new Set<string>();

  constructor(
    private readonly index: ArticleIndex,
    private readonly regions: RegionLookup,
  ) {
    for (const name of index.regionCounts().keys()) this.place(name);
  }

  /** Adds `name` and its ancestors (guarding against a cycle in bad gazetteer data). */
  private place(name: string): void {
    const seen = new Set<string>();
    let current = this.regions.resolve(name).region;
    while (current && !seen.has(current.name)) {
      seen.add(current.name);
      if (current.parent === null) {
        this.roots.add(current.name);
        return;
      }
      const siblings = this.children.get(current.parent) ?? new Set<string>();
      siblings.add(current.name);
      this.children.set(current.parent, siblings);
      current = this.regions.resolve(current.parent).region;
    }
  }

  /** Articles about `name` or any of its sub-regions. */
  count(name: string): number {
    let count = this.counts.get(name);
    if (count === undefined) {
      count = this.index.byRegions(this.regions.withDescendants(name), { limit: 1 }).total;
      this.counts.set(name, count);
    }
    return count;
  }

  /**
   * The regions one level below `name` ('' = the top level: the prefectures under the province),
   * those with articles only, most articles first.
   */
  below(name: string): TreeEntry[] {
    let names: string[];
    if (name === '') {
      // The province itself is not a useful level: show what lies directly under it.
      names = [...this.roots].flatMap((root) => [...(this.children.get(root) ?? [])]);
      if (names.length === 0) names = [...this.roots];
    } else {
      names = [...(this.children.get(name) ?? [])];
    }
    return names
      .map((child) => ({ name: child, count: this.count(child), hasChildren: (this.children.get(child)?.size ?? 0) > 0 }))
      .filter((entry) => entry.count > 0)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh'));
  }
}
