/**
 * The regions that have articles, as a tree (province → prefectures → counties) with article
 * counts: what `xiangwen regions` prints and what the bot's /regions buttons walk.
 */
import { gazetteer, type Region, type RegionLevel } from './gazetteer.ts';

/** A node of the region tree with its article count. */
export interface RegionCountNode {
  name: string;
  level: RegionLevel;
  count: number;
  children: RegionCountNode[];
}

/**
 * The regions that have articles, as a tree (province → prefectures → counties), in code order.
 * `counts` are articles per region tag; the tagger lists every county with its prefecture, so a
 * prefecture's count already includes its counties' articles.
 */
export function regionTree(counts: Map<string, number>): RegionCountNode[] {
  const g = gazetteer();
  const build = (r: Region): RegionCountNode | null => {
    const children = g
      .children(r)
      .filter((c) => c.level !== 'town')
      .map(build)
      .filter((n): n is RegionCountNode => n !== null);
    const count = counts.get(r.name) ?? 0;
    return count > 0 || children.length > 0 ? { name: r.name, level: r.level, count, children } : null;
  };
  return g
    .ofLevel('province')
    .map(build)
    .filter((n): n is RegionCountNode => n !== null);
}
