/**
 * What the bot needs from the gazetteer, as one small interface: resolve a typed place name, list a
 * region's sub-regions, walk up to its parent. {@link gazetteerLookup} binds it to src/regions;
 * keeping the seam here means the command modules never import the gazetteer directly.
 */
import { regionWithDescendants, resolveRegion } from '../regions/lookup.ts';

/** A region as the bot sees it: official full name, administrative level, parent's name. */
export interface RegionRef {
  name: string;
  level: string;
  parent: string | null;
}

export interface RegionLookup {
  /**
   * The region a typed name means (null when unknown) and close alternatives; `outside` is true
   * when the name is a place elsewhere in China (北京), which deserves "not in Hunan", not "unknown".
   */
  resolve(query: string): { region: RegionRef | null; suggestions: RegionRef[]; outside?: boolean };
  /** `name` followed by the names of all its sub-regions. */
  withDescendants(name: string): string[];
}

function toRef(region: { name: string; level: string; parent?: string | null }): RegionRef {
  return { name: region.name, level: String(region.level), parent: region.parent ?? null };
}

/** The lookup backed by the Hunan gazetteer in src/regions. */
export function gazetteerLookup(): RegionLookup {
  return {
    resolve(query) {
      const { region, suggestions, reason } = resolveRegion(query);
      return { region: region ? toRef(region) : null, suggestions: suggestions.map(toRef), outside: reason === 'not-hunan' };
    },
    withDescendants: (name) => regionWithDescendants(name),
  };
}
