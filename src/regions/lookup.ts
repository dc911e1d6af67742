/**
 * Region lookup: what place a reader means by what they typed. Accepts official names (桂东县),
 * short names (桂东), autonomous forms (湘西州), traditional characters (邵陽), pinyin with or
 * without spaces and tones (guidong, gui dong, Guìdōng), former designations (邵东县 → 邵东市)
 * and a leading province or prefecture (湖南郴州桂东). Towns resolve too when their name is unique.
 * Unknown names get up to three suggestions, closest by characters or by pinyin; names of places
 * elsewhere in China are recognised as such.
 */
import { autonomousParts, looksLikePinyin, normalisePinyin, pinyinOf, shortName, toSimplified, ZONE_DESIGNATION_WORDS } from './aliases.ts';
import { gazetteer, type Gazetteer, type Region } from './gazetteer.ts';

/**
 * Why a lookup found no region: `not-hunan` — a place elsewhere in China (北京); `ambiguous` —
 * several Hunan places share the name (the suggestions list them); `unknown` — no such place.
 */
export type LookupFailure = 'not-hunan' | 'ambiguous' | 'unknown';

/** The answer to a lookup. */
export interface RegionLookupResult {
  /** The region meant; null when the name is unknown, ambiguous or outside Hunan. */
  region: Region | null;
  /** Up to three alternatives when `region` is null (closest first); [] when found. */
  suggestions: Region[];
  /** Why `region` is null; null when found. */
  reason: LookupFailure | null;
}

/** How many suggestions an unknown name gets. */
const MAX_SUGGESTIONS = 3;
/** Similarity (0–1) a region needs to be suggested: half the characters or pinyin letters in common. */
const MIN_SIMILARITY = 0.5;
/** Suffixes of the names of places elsewhere (北京 → 北京市, 广东 → 广东省). */
const OUTSIDE_SUFFIX = /(?:特别行政区|自治区|地区|省|市|县|区|州|盟|旗)$/;

interface LookupIndex {
  g: Gazetteer;
  /** Chinese alias (simplified or traditional) → region. */
  aliases: Map<string, Region>;
  /** Pinyin alias → region. */
  pinyin: Map<string, Region>;
  /** Regions that suggestions are drawn from (not towns), with their pinyin keys. */
  suggestable: { region: Region; short: string; keys: string[] }[];
}

let index: LookupIndex | undefined;

function lookupIndex(): LookupIndex {
  if (index) return index;
  const g = gazetteer();
  const aliases = new Map<string, Region>();
  const pinyin = new Map<string, Region>();
  const suggestable: LookupIndex['suggestable'] = [];
  for (const region of g.all()) {
    for (const form of g.aliasForms(region)) {
      if (form.kind === 'name') continue;
      (form.kind === 'pinyin' ? pinyin : aliases).set(form.text, region);
    }
    if (region.level !== 'town') {
      const keys = g
        .aliasForms(region)
        .filter((f) => f.kind === 'pinyin')
        .map((f) => f.text);
      suggestable.push({ region, short: shortName(region.name, region.level) ?? region.name, keys });
    }
  }
  index = { g, aliases, pinyin, suggestable };
  return index;
}

let outsideNames: Set<string> | undefined;
let outsidePinyin: Set<string> | undefined;

/**
 * Names and short names of places elsewhere in China, with their pinyin, each built on first
 * need: the pinyin of every name costs about 0.2 s, and a search only asks for the names (a word
 * that is a town's stem in Hunan, such as 建设, asks whether it names a place elsewhere).
 */
function outside(g: Gazetteer) {
  if (!outsideNames) {
    outsideNames = new Set<string>();
    for (const name of g.outside) {
      outsideNames.add(name);
      const stem = autonomousParts(name)?.base ?? name.replace(OUTSIDE_SUFFIX, '');
      if (stem.length >= 2) outsideNames.add(stem);
    }
  }
  const names = outsideNames;
  return {
    names,
    pinyin: () => {
      outsidePinyin ??= new Set([...names].map(pinyinOf));
      return outsidePinyin;
    },
  };
}

/** A found region. */
const found = (region: Region): RegionLookupResult => ({ region, suggestions: [], reason: null });

/** Prefer prefectures and counties over towns, then code order. */
const byLevelThenCode = (a: Region, b: Region) =>
  ['province', 'prefecture', 'county', 'town'].indexOf(a.level) - ['province', 'prefecture', 'county', 'town'].indexOf(b.level) ||
  a.code.localeCompare(b.code);

/** A Chinese name → the region, trying the exact name, aliases, then dropping a redundant suffix. */
function resolveChinese(ix: LookupIndex, name: string): Region[] {
  const exact = ix.g.byName(name);
  if (exact.length > 0) return exact;
  const alias = ix.aliases.get(name);
  // A town answers to its stem only when no place elsewhere has that name (朝阳 is Beijing's first).
  if (alias && (alias.level !== 'town' || !outside(ix.g).names.has(name))) return [alias];
  const shared = ix.g.claimantsOfSharedAlias(name);
  if (shared.length > 0) return shared;
  // A county's former designation (邵东县 → 邵东市: counties became cities). Any other suffix
  // names a different place with the same stem (洪江区 is not 洪江市, 桂东镇 is not 桂东县).
  // A district's stem with 县 or 市 is its designation before it became a district (望城县 → 望城区).
  const former = /^(.{2,})(?:县|市)$/.exec(name);
  const region = former ? ix.aliases.get(former[1]) : undefined;
  if (region && region.level === 'county' && !region.zone) return [region];
  return [];
}

/** 湖南郴州桂东 → 桂东县: a name led by the province and/or one of its prefectures. */
function resolveQualified(ix: LookupIndex, name: string): Region[] {
  const province = ix.g.ofLevel('province')[0];
  for (const lead of [province.name, ...province.aliases]) {
    if (!name.startsWith(lead) || name.length === lead.length) continue;
    const inner = resolveQualified(ix, name.slice(lead.length));
    if (inner.length > 0) return inner;
  }
  for (const prefecture of ix.g.ofLevel('prefecture')) {
    for (const lead of [prefecture.name, ...prefecture.aliases]) {
      if (!name.startsWith(lead) || name.length === lead.length) continue;
      const inner = resolveChinese(ix, name.slice(lead.length)).filter((r) => ix.g.ancestors(r).includes(prefecture));
      if (inner.length > 0) return inner;
    }
  }
  return resolveChinese(ix, name);
}

/**
 * 娄底经开区 → 娄底市: a zone designation (经开区, 高新区, 开发区 …) after a Hunan place, for a zone the
 * dataset does not list, means the place it lies in. Zones the dataset lists are found by name first.
 */
function resolveUnlistedZone(ix: LookupIndex, name: string): Region[] {
  const designation = ZONE_DESIGNATION_WORDS.find((d) => name.endsWith(d) && name.length - d.length >= 2);
  if (!designation) return [];
  return resolveQualified(ix, name.slice(0, -designation.length)).filter((r) => r.level === 'prefecture' || r.level === 'county');
}

/** True when the name starts with a place elsewhere in China (江西萍乡湘东区, 广西桂林, 福建永定区). */
function ledByElsewhere(ix: LookupIndex, name: string): boolean {
  const names = outside(ix.g).names;
  for (let k = name.length - 1; k >= 2; k--) {
    const lead = name.slice(0, k);
    if (names.has(lead) && !ix.aliases.has(lead) && ix.g.byName(lead).length === 0) return true;
  }
  return false;
}

/** Edit distance between two short strings. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** Share of characters two names have in common (Dice coefficient over characters). */
function characterSimilarity(a: string, b: string): number {
  const rest = [...b];
  let common = 0;
  for (const ch of a) {
    const at = rest.indexOf(ch);
    if (at >= 0) {
      common++;
      rest.splice(at, 1);
    }
  }
  return (2 * common) / ([...a].length + [...b].length);
}

const pinyinSimilarity = (a: string, b: string) => (a && b ? 1 - editDistance(a, b) / Math.max(a.length, b.length) : 0);

/** Up to three regions closest to the typed name, by characters or by pinyin. */
function suggest(ix: LookupIndex, typed: string, isPinyin: boolean): Region[] {
  const key = isPinyin ? normalisePinyin(typed) : pinyinOf(typed);
  const scored = ix.suggestable.map(({ region, short, keys }) => {
    const byPinyin = Math.max(0, ...keys.map((k) => pinyinSimilarity(key, k)));
    const byChars = isPinyin ? 0 : Math.max(characterSimilarity(typed, region.name), characterSimilarity(typed, short));
    return { region, similarity: Math.max(byPinyin, byChars) };
  });
  return scored
    .filter((s) => s.similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || byLevelThenCode(a.region, b.region))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.region);
}

/** The outcome for a name several regions answer to. */
function choose(candidates: Region[]): RegionLookupResult | undefined {
  if (candidates.length === 1) return found(candidates[0]);
  if (candidates.length > 1) {
    return { region: null, suggestions: [...candidates].sort(byLevelThenCode).slice(0, MAX_SUGGESTIONS), reason: 'ambiguous' };
  }
  return undefined;
}

/**
 * The Hunan region a typed name means. Found: `{ region, suggestions: [], reason: null }`.
 * Not found: `region` null, `reason` says why (`not-hunan` for 北京, `unknown` for xyz,
 * `ambiguous` when several places share the name), `suggestions` the closest names (none for a
 * place outside Hunan).
 */
export function resolveRegion(query: string): RegionLookupResult {
  const ix = lookupIndex();
  const typed = query.normalize('NFKC').trim();
  if (!typed) return { region: null, suggestions: [], reason: 'unknown' };

  if (looksLikePinyin(typed)) {
    const key = normalisePinyin(typed);
    const direct = ix.pinyin.get(key);
    if (direct) return found(direct);
    const shared = choose(ix.g.claimantsOfSharedAlias(key));
    if (shared) return shared;
    if (outside(ix.g).pinyin().has(key)) return { region: null, suggestions: [], reason: 'not-hunan' };
    return { region: null, suggestions: suggest(ix, typed, true), reason: 'unknown' };
  }

  // 岳麓区（长沙）: a qualifier in brackets adds nothing the name does not say.
  const name =
    toSimplified(typed)
      .replace(/[（(][^）)]*[）)]/g, '')
      .replace(/\s+/g, '') || toSimplified(typed).replace(/\s+/g, '');
  const resolved = choose(resolveQualified(ix, name));
  if (resolved) return resolved;
  if (outside(ix.g).names.has(name) || ledByElsewhere(ix, name)) return { region: null, suggestions: [], reason: 'not-hunan' };
  const zone = choose(resolveUnlistedZone(ix, name));
  if (zone) return zone;
  return { region: null, suggestions: suggest(ix, name, false), reason: 'unknown' };
}

/**
 * The prefecture or county a word of a keyword query names (邵阳, 邵陽, 桂东县), or undefined.
 * Cheaper than resolveRegion: no suggestions and no pinyin (a Latin query word is a keyword), and
 * towns are left to the text search since articles are tagged down to counties only.
 */
export function regionNamedBy(word: string): Region | undefined {
  const name = toSimplified(word.normalize('NFKC').trim());
  if (!/^[\u4e00-\u9fa5]{2,}$/.test(name)) return undefined;
  const ix = lookupIndex();
  const direct = resolveQualified(ix, name);
  const candidates = (direct.length > 0 ? direct : resolveUnlistedZone(ix, name)).filter((r) => r.level !== 'town');
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * The official names an index query for `name` covers: the region's full name first, then every
 * region under it down to county level (towns excluded: articles are tagged with counties).
 * A town gives just its own name; an unknown or ambiguous name gives [].
 */
export function regionWithDescendants(name: string): string[] {
  const ix = lookupIndex();
  const region = ix.g.region(name) ?? resolveRegion(name).region;
  if (!region) return [];
  return [
    region.name,
    ...ix.g
      .descendants(region)
      .filter((r) => r.level !== 'town')
      .map((r) => r.name),
  ];
}

/**
 * The Hunan place below the province a query word names (邵阳, 邵陽, 桂东县, shaoyang), or
 * undefined: the one rule by which a search, a subscription and the engine read a place among
 * query words (through ../search/query-parse.ts). Prefectures and counties only (articles are
 * tagged down to counties, so a town is left to the text search), one match only (an ambiguous
 * name stays a word), never the province (every article is in Hunan), and no suggestions (cheap).
 */
export function placeNamedBy(word: string): Region | undefined {
  const typed = word.normalize('NFKC').trim();
  let region: Region | undefined;
  if (looksLikePinyin(typed)) {
    const key = normalisePinyin(typed);
    const ix = lookupIndex();
    const shared = ix.g.claimantsOfSharedAlias(key);
    region = ix.pinyin.get(key) ?? (shared.length === 1 ? shared[0] : undefined);
  } else {
    region = regionNamedBy(typed);
  }
  return region !== undefined && region.level !== 'town' && region.level !== 'province' ? region : undefined;
}
