/**
 * The region tree behind /regions, one level at a time: the regions some article is tagged with,
 * under their ancestors in the gazetteer, each with the number of articles about it or its
 * sub-regions. Built once per index from the shared tree in src/regions/tree.ts.
 */
import { regionTree, type RegionCountNode } from '../regions/tree.ts';
import type { ArticleIndex } from '../search/engine.ts';

/** A region in the tree with its article count (sub-regions included). */
export interface TreeEntry {
  name: string;
  count: number;
  /** True when some sub-region has articles too (its button opens the next level). */
  hasChildren: boolean;
}

export class RegionTree {
  private readonly nodes = new Map<string, RegionCountNode>();
  private readonly roots: RegionCountNode[];

  /** The tree of the regions `index` has articles about. */
  static async of(index: ArticleIndex): Promise<RegionTree> {
    return new RegionTree(await index.regionCounts());
  }

  constructor(counts: Map<string, number>) {
    this.roots = regionTree(counts);
    const visit = (node: RegionCountNode): void => {
      this.nodes.set(node.name, node);
      node.children.forEach(visit);
    };
    this.roots.forEach(visit);
  }

  /** Articles about `name` or any of its sub-regions. */
  count(name: string): number {
    return this.nodes.get(name)?.count ?? 0;
  }

  /**
   * The regions one level below `name` ('' = the top level: the prefectures under the province),
   * those with articles only, most articles first.
   */
  below(name: string): TreeEntry[] {
    // The province itself is not a useful level: the top shows what lies directly under it.
    const children =
      name === ''
        ? this.roots.flatMap((root) => (root.children.length > 0 ? root.children : [root]))
        : (this.nodes.get(name)?.children ?? []);
    return children
      .filter((child) => child.count > 0)
      .map((child) => ({ name: child.name, count: child.count, hasChildren: child.children.some((c) => c.count > 0) }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh'));
  }
}
