/**
 * Alias rules: every other way a region's name is written, generated from its official name.
 * Nothing here names a place; the rules only know the administrative suffixes (市, 县, 区, 州,
 * 镇, 乡, 街道 …) and the names of China's ethnic groups that make up autonomous names.
 *
 * Which of the generated aliases a region finally keeps (a short alias shared by two places is
 * settled by {@link settleSharedAliases} in the gazetteer) and which ones are common words (see
 * lexicon.ts) are separate steps.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

/** Administrative level, from the province down to towns, townships and 街道. */
export type RegionLevel = 'province' | 'prefecture' | 'county' | 'town';

/**
 * How an alias was made, which says how much it can be trusted in running text:
 * - `name`: the official name or its traditional form (邵东市, 邵東市) — unmistakable;
 * - `formal`: an autonomous division's usual short form with its level (湘西州, 江华县, 湘西自治州)
 *   — also unmistakable;
 * - `short`: the name without its suffix (邵东, 邵陽, 湘西, 江华) — what newspapers write, but it
 *   may be a common word or part of another word, so the tagger guards it;
 * - `pinyin`: toneless lower-case pinyin without spaces (shaoyang, guidongxian) — for lookup only.
 */
export type AliasKind = 'name' | 'formal' | 'short' | 'pinyin';

/** One alias of a region. */
export interface AliasForm {
  text: string;
  kind: AliasKind;
}

/** The 55 minority groups (without 族) plus 各 (龙胜各族自治县): the parts of an autonomous name. */
const ETHNIC_GROUPS = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '各',
];
// Longest group names first, so 土家 is tried before 土.
const ETHNIC = [...ETHNIC_GROUPS].sort((a, b) => b.length - a.length).join('|');
const AUTONOMOUS = new RegExp(`^(.+?)(?:(?:${ETHNIC})族)+自治(州|县|旗|区)$`);
const ETHNIC_TOWNSHIP = new RegExp(`^(.+?)(?:(?:${ETHNIC})族)+(乡|镇)$`);

/** Suffixes stripped to make the short alias, per level (longest first). */
const SUFFIXES: Record<RegionLevel, string[]> = {
  province: ['省'],
  prefecture: ['地区', '市', '州', '盟'],
  county: ['市', '县', '区', '旗'],
  town: ['街道', '镇', '乡'],
};

/**
 * A remainder of one character is never an alias: 道县 → 道 or 攸县 → 攸 would match inside
 * countless words, and newspapers write those places with their suffix anyway.
 */
const MIN_SHORT_LENGTH = 2;

/** `湘西土家族苗族自治州` → `{ base: '湘西', level: '州' }`; null for a name that is not autonomous. */
export function autonomousParts(name: string): { base: string; level: string } | null {
  const m = AUTONOMOUS.exec(name);
  return m ? { base: m[1], level: m[2] } : null;
}

/** The name without its administrative suffix (邵阳市 → 邵阳, 资福镇 → 资福), or null if too short. */
export function shortName(name: string, level: RegionLevel): string | null {
  const autonomous = autonomousParts(name);
  if (autonomous) return autonomous.base.length >= MIN_SHORT_LENGTH ? autonomous.base : null;
  const township = level === 'town' ? ETHNIC_TOWNSHIP.exec(name) : null;
  if (township) return township[1].length >= MIN_SHORT_LENGTH ? township[1] : null;
  const suffix = SUFFIXES[level].find((s) => name.endsWith(s) && name.length > s.length);
  if (!suffix) return null;
  const rest = name.slice(0, -suffix.length);
  return [...rest].length >= MIN_SHORT_LENGTH ? rest : null;
}

let traditional: ((text: string) => string) | undefined;

/** Traditional-character form (OpenCC, mainland → Taiwan standard): 邵阳 → 邵陽. */
export function toTraditional(text: string): string {
  if (!traditional) traditional = OpenCC.Converter({ from: 'cn', to: 'tw' }) as (text: string) => string;
  return traditional(text);
}

let simplified: ((text: string) => string) | undefined;

/** Simplified form of text that may be written in traditional characters: 邵陽 → 邵阳. */
export function toSimplified(text: string): string {
  if (!simplified) simplified = OpenCC.Converter({ from: 'hk', to: 'cn' }) as (text: string) => string;
  return simplified(text);
}

/** Toneless lower-case pinyin without spaces, ü written v: 邵阳 → shaoyang, 绿 → lv. */
export function pinyinOf(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase();
}

/**
 * A typed pinyin query in the form {@link pinyinOf} produces: tone marks and tone numbers,
 * spaces, apostrophes and hyphens dropped, ü → v, lower case (`Guìdōng`, `gui dong`, `gui2dong1`
 * → `guidong`).
 */
export function normalisePinyin(query: string): string {
  return query
    .replace(/[üÜ]|u:/g, 'v')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** True when the text is meant as pinyin (Latin letters, spaces, tone marks, tone digits). */
export function looksLikePinyin(text: string): boolean {
  return /^[\p{Script=Latin}\p{M}\s'’\-0-9:]+$/u.test(text) && /\p{Script=Latin}/u.test(text);
}

/** A list of alias forms without repeats, and the two ways aliases are added to it. */
function aliasList() {
  const forms: AliasForm[] = [];
  const add = (text: string, kind: AliasKind) => {
    if (!forms.some((f) => f.text === text)) forms.push({ text, kind });
  };
  /** A form and its traditional-character spelling. */
  const withTraditional = (text: string, kind: AliasKind) => {
    add(text, kind);
    add(toTraditional(text), kind);
  };
  return { forms, add, withTraditional };
}

/**
 * Every alias the rules give a region, before shared ones are settled: official name,
 * autonomous forms, short name, their traditional forms, and pinyin of the short and full name.
 */
export function generateAliases(name: string, level: RegionLevel): AliasForm[] {
  const { forms, add, withTraditional } = aliasList();
  withTraditional(name, 'name');
  const autonomous = autonomousParts(name);
  if (autonomous && autonomous.base.length >= MIN_SHORT_LENGTH) {
    // 湘西州 / 江华县 and 湘西自治州 / 江华自治县: how the press names autonomous divisions.
    withTraditional(autonomous.base + autonomous.level, 'formal');
    withTraditional(`${autonomous.base}自治${autonomous.level}`, 'formal');
  }
  const short = shortName(name, level);
  if (short) withTraditional(short, 'short');
  if (short) add(pinyinOf(short), 'pinyin');
  if (autonomous) add(pinyinOf(autonomous.base + autonomous.level), 'pinyin');
  add(pinyinOf(name), 'pinyin');
  return forms;
}

/**
 * Designations of functional zones (the dataset's county-level 管理区, 高新区, 经开区, 示范区 …), each
 * with every long form it is written in and the abbreviation papers use. These are naming
 * conventions of the designations, not places: 高新技术产业开发区 and 高新技术产业园区 are the same
 * designation and both are shortened to 高新区; 经济技术开发区 and 经济开发区 are both 经开区; a
 * 管理区 is administered as a district and written as one (洪江管理区 → 洪江区).
 * Longest long forms first, so 经济技术开发区 is tried before 开发区.
 */
const ZONE_DESIGNATIONS: { forms: string[]; abbreviation: string }[] = [
  { forms: ['高新技术产业开发区', '高新技术产业园区', '高新技术开发区'], abbreviation: '高新区' },
  { forms: ['经济技术开发区'], abbreviation: '经开区' },
  { forms: ['经济开发区'], abbreviation: '经开区' },
  { forms: ['管理区'], abbreviation: '区' },
  { forms: ['示范区'], abbreviation: '示范区' },
  { forms: ['开发区'], abbreviation: '开发区' },
  { forms: ['新区'], abbreviation: '新区' },
];

/** Every way a zone designation is written (long forms and abbreviations), longest first. */
export const ZONE_DESIGNATION_WORDS: readonly string[] = [
  ...new Set(ZONE_DESIGNATIONS.flatMap((d) => [...d.forms, d.abbreviation]).filter((w) => w.length > 1)),
].sort((a, b) => b.length - a.length);

/** The parts of a functional zone's name. */
export interface ZoneName {
  /** The name it is tagged with: stem + abbreviated designation (洪江区, 湘潭高新区, 松木经开区). */
  name: string;
  /** The place part (洪江, 松木; the prefecture's short name when the zone has no name of its own: 湘潭). */
  stem: string;
  /** True when the stem is the zone's own name, not its prefecture's. */
  ownStem: boolean;
  /** Long and qualified forms: 洪江管理区, 怀化市洪江管理区, 湘潭高新技术产业开发区, 湘潭市高新区 … */
  formal: string[];
}

/**
 * A functional zone's name as papers write it, from the dataset's name (`怀化市洪江管理区`,
 * `湖南湘潭高新技术产业园区`) and its prefecture's full and short names. The province and the
 * prefecture in front are dropped when a stem of at least two characters remains (洪江, 松木,
 * 昭山); otherwise the prefecture's short name is the stem (湘潭高新区, 永州经开区). Null when the
 * name has no known designation.
 */
export function zoneName(
  datasetName: string,
  province: { name: string; short: string },
  prefecture: { name: string; short: string },
): ZoneName | null {
  const designation = ZONE_DESIGNATIONS.find((d) => d.forms.some((f) => datasetName.endsWith(f)));
  if (!designation) return null;
  const form = designation.forms.find((f) => datasetName.endsWith(f))!;
  let rest = datasetName.slice(0, -form.length);
  for (const lead of [province.name, province.short]) if (rest.startsWith(lead)) rest = rest.slice(lead.length);
  let stem = rest;
  for (const lead of [prefecture.name, prefecture.short]) {
    if (rest.startsWith(lead)) {
      stem = rest.slice(lead.length);
      break;
    }
  }
  const ownStem = [...stem].length >= MIN_SHORT_LENGTH;
  if (!ownStem) stem = prefecture.short;
  // A one-character abbreviation (管理区 → 区) needs a stem of the zone's own: 怀化区 would be a guess.
  const designations = [designation.abbreviation, ...designation.forms].filter((d) => [...d].length > 1 || ownStem);
  const name = stem + designations[0];
  const formal = new Set<string>([datasetName]);
  for (const d of designations) {
    formal.add(stem + d);
    // Qualified by the prefecture: 怀化市洪江区, 湘潭市高新区, 衡阳松木经开区.
    for (const lead of ownStem ? [prefecture.name, prefecture.short] : [prefecture.name]) formal.add(lead + (ownStem ? stem : '') + d);
  }
  formal.delete(name);
  return { name, stem, ownStem, formal: [...formal] };
}

/**
 * Every alias of a functional zone: its tagged name and long or qualified forms ({@link zoneName}),
 * their traditional forms, its own stem as a short name (洪江, 大通湖), and pinyin.
 */
export function generateZoneAliases(zone: ZoneName): AliasForm[] {
  const { forms, add, withTraditional } = aliasList();
  withTraditional(zone.name, 'name');
  for (const f of zone.formal) withTraditional(f, 'formal');
  if (zone.ownStem) {
    withTraditional(zone.stem, 'short');
    add(pinyinOf(zone.stem), 'pinyin');
  }
  add(pinyinOf(zone.name), 'pinyin');
  return forms;
}
