/**
 * An article that names no place at all, on the page of a county's own outlet (a county mobile
 * paper's one-line item, `某某书院文化街区开街`, or an item cut off after its first words): the
 * county's own news, since a county outlet reports its county and names it only where it needs to
 * (全县, 我县 credit the home the same way: tagger.ts). Only a county's outlet: a prefecture's or
 * the province's paper prints national and world pages whose items name no Hunan place either.
 * An article that names any place is decided by its places as before — in Hunan or elsewhere, a
 * town whose name is unsafe to count (another county's 清泉镇), a mountain named for a town
 * (大围山), or another level's committee (州委组织部 on a county's page).
 */
import type { Gazetteer } from './gazetteer.ts';
import { PlaceMatcher } from './matcher.ts';
import type { PlaceTerms } from './place-terms.ts';

/** The county the page's outlet serves and its prefecture, for a placeless article; [] otherwise. */
export function placelessOnHome(g: Gazetteer, home: string | undefined): string[] {
  const region = home === undefined ? undefined : g.region(home);
  if (region?.level !== 'county') return [];
  const prefecture = g.prefectureOf(region);
  return prefecture ? [region.name, prefecture.name] : [region.name];
}

/** Matchers of every town's name and stem, the unsafe ones included, by term list. */
const townMatchers = new WeakMap<PlaceTerms, PlaceMatcher>();
/** By term list, the stems of provinces elsewhere (江西, 广东): the length of the longest, and the set. */
const provinceStems = new WeakMap<PlaceTerms, { stems: ReadonlySet<string>; longest: number }>();

/**
 * A province's designation: its stem is written bare for the province (江西, 广东). A city's stem may
 * be a word too (樟树 of 樟树市 is the camphor tree); a city elsewhere counts by its full name.
 */
const PROVINCE_SUFFIX = /(?:省|自治区|特别行政区)$/;

function provinceStemsOf(terms: PlaceTerms): { stems: ReadonlySet<string>; longest: number } {
  let found = provinceStems.get(terms);
  if (!found) {
    // Only stems the tagger reads as places elsewhere (leads).
    const stems = new Set(
      [...terms.gazetteer.outside]
        .filter((n) => PROVINCE_SUFFIX.test(n))
        .map((n) => n.replace(PROVINCE_SUFFIX, ''))
        .filter((s) => terms.elsewhere.leads.has(s)),
    );
    found = { stems, longest: Math.max(0, ...[...stems].map((s) => s.length)) };
    provinceStems.set(terms, found);
  }
  return found;
}

/**
 * True when `text` writes the name of some Hunan town, safe or not (清泉镇, 大围山), or the stem of a
 * province elsewhere (江西): places the tagger's scan passes over.
 */
export function namesSomePlace(terms: PlaceTerms, text: string): boolean {
  let matcher = townMatchers.get(terms);
  if (!matcher) {
    matcher = new PlaceMatcher({ ...terms, terms: [...terms.homeTowns.values()].flat() });
    townMatchers.set(terms, matcher);
  }
  if (matcher.scan(text).length > 0) return true;
  const { stems, longest } = provinceStemsOf(terms);
  for (let i = 0; i < text.length; i++) {
    for (let k = 2; k <= longest && i + k <= text.length; k++) if (stems.has(text.slice(i, i + k))) return true;
  }
  return false;
}

/** A place elsewhere's name as written: a place, unless an everyday word (城区, a district's name in other provinces). */
export function namesPlaceElsewhere(terms: PlaceTerms, name: string): boolean {
  const { lexicon } = terms;
  return !(name.length === 2 && lexicon.isCommonPair(name) && !lexicon.isPlacePair(name));
}
