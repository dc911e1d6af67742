/**
 * The place terms the tagger looks for in running text: which written forms count, which region
 * each one credits, and how far it can be trusted. Built once from the gazetteer and jieba's
 * dictionary (lexicon.ts); shared by the tagger and the jieba user dictionary.
 *
 * The rules, all generic (no place is named):
 * - official names and autonomous forms (邵东市, 湘西州, 江华县) are `strong`: they mean the place;
 * - short names (邵东, 桂东, 天心) are `plain`: newspapers write them, but the matcher checks the
 *   characters around them (see matcher.ts);
 * - a short name that is also an everyday word (jieba counts it at least 100 times as something
 *   other than a place: 中方, 会同, 通道, 凤凰 …) is `weak`: it only counts when the same article
 *   also names the place in full, or when it directly follows its prefecture (怀化中方);
 * - short names shared by two regions of the same level were already dropped by the gazetteer;
 * - a functional zone's bare stem (大通湖, 昭山) is `weak` too: it is often the lake, hill or town
 *   the zone is named after;
 * - pinyin is never matched in text;
 * - a town (镇, 乡, 街道) counts only by its full name, credits its county, and only when the name
 *   is unique in Hunan and its stem is neither a known word nor a known place elsewhere (a stem
 *   jieba knows, like 新城 or 龙潭, would make 新城镇化 or a 龙潭 elsewhere a false match) —
 *   except on a page of the county's own outlet, which names its own towns (`homeTowns`);
 * - a village or community (十八洞村, 西园社区) counts by its full name, credits its county, and only
 *   when the extract kept it as unique and distinctive in Hunan (hunan-villages.json, see
 *   scripts/village-names.ts); it weighs less than the county's own name (tagger.ts) and is never
 *   added to jieba's dictionary (search cuts text as before).
 */
import { readFileSync } from 'node:fs';
import { gazetteer, type Gazetteer, type Region } from './gazetteer.ts';
import { autonomousParts, shortName } from './aliases.ts';
import { COMMON_WORD_FREQUENCY, loadLexicon, type Lexicon } from './lexicon.ts';

/** How much a written form can be trusted on its own. */
export type TermStrength = 'strong' | 'plain' | 'weak';

/** A written form of a place, as the tagger matches it. */
export interface PlaceTerm {
  text: string;
  /** The region the form names (a town for a town's name). */
  named: Region;
  /** The region a mention credits: the county for a town, the region itself otherwise. */
  credits: Region;
  strength: TermStrength;
  /** True for a short name (the official name minus its suffix): the matcher guards these. */
  short: boolean;
  /** True for a village's or community's name (`named` and `credits` are then its county). */
  village?: true;
  /**
   * Codes of the places that must be written right before it for it to count (a town's name that
   * several Hunan towns share, written after its own county or prefecture: see qualifiedTown).
   */
  after?: ReadonlySet<string>;
}

/**
 * Names of places elsewhere in China, as the matcher and the tagger use them:
 * - `names`: full names (资阳市, 全南县, 湘东区) that are not also a Hunan name or alias. A text
 *   position where one starts is that place, so a Hunan short name inside it never counts
 *   (全南县 holds 南县, Sichuan's 资阳市 holds 资阳);
 * - `leads`: full names and stems (江西, 萍乡, 龙岩, 福建省) that are not Hunan names or everyday
 *   words: a Hunan name written right after one is the namesake elsewhere (福建龙岩永定区);
 * - `namesakes`: the full names whose stem is a Hunan short name (湖北 华容区 → 华容, 四川 资阳市 →
 *   资阳): an article that writes one means that place by the bare stem too (走进华容 over a story
 *   about 鄂州市华容区).
 */
export interface ElsewhereNames {
  names: string[];
  leads: ReadonlySet<string>;
  namesakes: ReadonlyMap<string, string>;
  /** Length of the longest lead, in UTF-16 units. */
  longestLead: number;
}

/** The term list with the lexicon it was judged against. */
export interface PlaceTerms {
  terms: PlaceTerm[];
  /**
   * By county code, the full names of that county's towns left out of `terms` (a name several
   * counties share, a stem that is a word: 双龙镇, 边城镇): they count where the county's own
   * outlet writes them (see {@link withHomeTowns}).
   */
  homeTowns: ReadonlyMap<string, PlaceTerm[]>;
  lexicon: Lexicon;
  gazetteer: Gazetteer;
  elsewhere: ElsewhereNames;
}

/** Suffixes of the names of places elsewhere, stripped to make their stems (北京市 → 北京, 江西省 → 江西). */
const OUTSIDE_SUFFIX = /(?:特别行政区|自治区|地区|省|市|县|区|州|盟|旗)$/;

/** The names of places elsewhere that the matcher blocks and the tagger reads as a qualifier. */
function elsewhereNames(g: Gazetteer, lexicon: Lexicon, hunanTexts: ReadonlySet<string>): ElsewhereNames {
  const names: string[] = [];
  const leads = new Set<string>();
  const namesakes = new Map<string, string>();
  for (const name of g.outside) {
    if (hunanTexts.has(name)) continue;
    names.push(name);
    leads.add(name);
    const stem = autonomousParts(name)?.base ?? name.replace(OUTSIDE_SUFFIX, '');
    if (stem.length >= 2 && hunanTexts.has(stem)) namesakes.set(name, stem);
    if (stem.length < 2 || hunanTexts.has(stem)) continue;
    // 南部 (南部县), 城区, 郊区 are everyday words too: they qualify nothing. 江西, 四川 are frequent as places.
    if (stem.length === 2 && lexicon.isCommonPair(stem) && !lexicon.isPlacePair(stem)) continue;
    leads.add(stem);
  }
  return { names, leads, namesakes, longestLead: Math.max(0, ...[...leads].map((l) => l.length)) };
}

/** A town's name is safe to match when it is unique and its stem is not a word or place jieba knows. */
function townIsSafe(g: Gazetteer, lexicon: Lexicon, town: Region): boolean {
  if (g.byName(town.name).length !== 1) return false;
  const stem = shortName(town.name, 'town');
  if (!stem) return false;
  const entry = lexicon.entry(stem);
  if (entry && (entry.tag !== 'ns' || entry.frequency >= COMMON_WORD_FREQUENCY)) return false;
  const whole = lexicon.entry(town.name);
  return !whole || whole.tag === 'ns';
}

/**
 * An unsafe town's full name as it counts right after its own county, or its prefecture when no
 * other town of the prefecture has that name (`长沙某某街道` where two cities have a 某某街道,
 * `某县城关镇`): the place before it says which town it is, as a prefecture before its county does.
 */
function qualifiedTown(g: Gazetteer, lexicon: Lexicon, town: Region, county: Region): PlaceTerm | undefined {
  const prefecture = g.prefectureOf(town);
  const after = new Set([county.code]);
  const namesakes = g.byName(town.name).filter((t) => t.code !== town.code);
  // (A stem that is an everyday word, `新城`, may open a word after a city's name: `某市新城镇化`; after
  // the county itself a misreading costs nothing, it is credited anyway.)
  const stem = shortName(town.name, 'town');
  const wordStem = !stem || lexicon.isCommonWord(stem);
  if (prefecture && !wordStem && !namesakes.some((t) => g.prefectureOf(t)?.code === prefecture.code)) after.add(prefecture.code);
  if (namesakes.some((t) => g.countyOf(t)?.code === county.code)) return undefined;
  return { text: town.name, named: town, credits: county, strength: 'plain', short: false, after };
}

/** The extract's distinctive villages and communities (scripts/extract-gazetteer.ts), by county code. */
interface VillageExtract {
  villages: Record<string, string[]>;
}

/** The distinctive villages' names by county code. */
function readVillages(): Record<string, string[]> {
  return (JSON.parse(readFileSync(new URL('./hunan-villages.json', import.meta.url), 'utf8')) as VillageExtract).villages;
}

/** A term for every distinctive village, crediting its county. */
function villageTerms(g: Gazetteer, villages: Record<string, string[]>): PlaceTerm[] {
  const counties = new Map(g.ofLevel('county').map((c) => [c.code, c]));
  const terms: PlaceTerm[] = [];
  for (const [code, names] of Object.entries(villages)) {
    const county = counties.get(code);
    if (county)
      for (const text of names) terms.push({ text, named: county, credits: county, strength: 'plain', short: false, village: true });
  }
  return terms;
}

/**
 * A town's name without 镇/乡/街道 as its own county's outlet writes it (`大围山` on 浏阳's paper,
 * for 大围山镇 and the mountain it is named after): three characters or more and no everyday word,
 * since a two-character stem (东山, 城关) is written everywhere for other things.
 */
function homeTownStem(lexicon: Lexicon, town: Region): string | undefined {
  const stem = shortName(town.name, 'town');
  if (!stem || [...stem].length < 3 || lexicon.isCommonWord(stem)) return undefined;
  return stem;
}

function homeTownList(homeTowns: Map<string, PlaceTerm[]>, county: Region): PlaceTerm[] {
  const list = homeTowns.get(county.code) ?? [];
  homeTowns.set(county.code, list);
  return list;
}

function buildTerms(g: Gazetteer): PlaceTerms {
  const chinese = (text: string) => /\p{Script=Han}/u.test(text);
  const forms = g.all().flatMap((r) => g.aliasForms(r).filter((f) => f.kind !== 'pinyin' && chinese(f.text)));
  const villages = readVillages();
  const shortForms = forms.filter((f) => f.kind === 'short').map((f) => f.text);
  const lexicon = loadLexicon(
    forms.map((f) => f.text),
    { both: shortForms, left: Object.values(villages).flat() },
  );
  const terms: PlaceTerm[] = [];
  const homeTowns = new Map<string, PlaceTerm[]>();
  for (const region of g.all()) {
    if (region.level === 'town') {
      const county = g.countyOf(region);
      if (!county) continue;
      const safe = townIsSafe(g, lexicon, region);
      const list = safe ? terms : homeTownList(homeTowns, county);
      for (const form of g.aliasForms(region)) {
        if (form.kind === 'name') list.push({ text: form.text, named: region, credits: county, strength: 'plain', short: false });
      }
      const qualified = safe ? undefined : qualifiedTown(g, lexicon, region, county);
      if (qualified) terms.push(qualified);
      const stem = homeTownStem(lexicon, region);
      if (stem) homeTownList(homeTowns, county).push({ text: stem, named: region, credits: county, strength: 'plain', short: true });
      continue;
    }
    for (const form of g.aliasForms(region)) {
      if (form.kind === 'pinyin') continue;
      const short = form.kind === 'short';
      // A zone's bare stem is often the lake, hill or town it is named after (大通湖, 昭山, 屈原).
      const strength: TermStrength = !short ? 'strong' : region.zone || lexicon.isCommonWord(form.text) ? 'weak' : 'plain';
      terms.push({ text: form.text, named: region, credits: region, strength, short });
    }
  }
  terms.push(...villageTerms(g, villages));
  // Every written form of a Hunan place, pinyin aside: a place elsewhere with the same name is not blocked.
  const hunanTexts = new Set(
    g.all().flatMap((r) =>
      g
        .aliasForms(r)
        .filter((f) => f.kind !== 'pinyin')
        .map((f) => f.text),
    ),
  );
  return { terms, homeTowns, lexicon, gazetteer: g, elsewhere: elsewhereNames(g, lexicon, hunanTexts) };
}

/**
 * The terms as a county's own outlet uses them: with that county's towns that are unsafe
 * elsewhere. A county paper's 双龙镇 is its own town, whatever other counties call theirs, and its
 * 边城镇 is the town, not the novel.
 */
export function withHomeTowns(terms: PlaceTerms, county: Region): PlaceTerms {
  const towns = terms.homeTowns.get(county.code) ?? [];
  return towns.length === 0 ? terms : { ...terms, terms: [...terms.terms, ...towns] };
}

let cached: PlaceTerms | undefined;

/** The place terms of the Hunan gazetteer, built on first use (about half a second) and kept. */
export function placeTerms(): PlaceTerms {
  if (!cached) cached = buildTerms(gazetteer());
  return cached;
}
