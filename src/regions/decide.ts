/**
 * From a tagging's points to its answer (./tagger.ts): the places chosen, counties grouped under
 * their prefecture, and when the answer is the whole province or a whole prefecture instead.
 */
import type { Gazetteer, Region } from './gazetteer.ts';

/** Points a region needs to be a subject of the article. */
export const ABOUT_SCORE = 2;

/** Share of the best region's points a region needs to be listed beside it. */
export const RELATIVE_SCORE = 0.3;

/**
 * A province-wide article names places in at least this many prefectures, none of them with
 * {@link DOMINANT_SHARE} of the points (a list of villages across the province, a tour of several
 * cities): it is about the province, not the first county it names.
 */
export const SPREAD_PREFECTURES = 3;

/** Share of the place points that makes one prefecture the article's subject over the province. */
export const DOMINANT_SHARE = 0.5;

/** A prefecture with this many times the points of its best county is the subject, not the county. */
export const LEADING_SHARE = 2;

/** A region and its points. */
export interface Scored {
  region: Region;
  score: number;
  /** Position of the first counted mention, to order ties by reading order. */
  order: number;
  /** True when some mention counted fully (not in passing: 长沙银行, 长沙至邵阳 are not). */
  plain?: boolean;
  /** True when the headline itself (not a kicker or subtitle) names the region. */
  inTitle?: boolean;
  /** The part of {@link score} earned by sites named after the region (长沙经开区: passing.ts). */
  site?: number;
}

/**
 * Where the headline or opening says the reported event took place (venue.ts): the county it is
 * held in (`…在某县召开`) and the county something happened in (`某县…发生`).
 */
export interface EventPlace {
  venue?: Region;
  scene?: Region;
  /** The headline itself names the venue (`某市…推进会在某县召开`), not only the opening. */
  venueInHeadline?: boolean;
  /** The county the headline or opening says a group goes to see (`…前往某区开展调研`): the visit's host. */
  visited?: Region;
}

/** Why an article is about the province as a whole (see {@link provinceWide}). */
export type ProvinceWide = 'spread' | 'framed' | false;

/**
 * Whether the article is about the province as a whole, and why: its places are spread over at
 * least {@link SPREAD_PREFECTURES} prefectures with none holding {@link DOMINANT_SHARE} of the
 * points ('spread'), or a headline is framed by the province (全省…, 我省…, 湖南…) and the province
 * has at least as many points as the best prefecture with its counties ('framed').
 */
export function provinceWide(g: Gazetteer, scored: Scored[], framedByProvince: boolean): ProvinceWide {
  const byPrefecture = new Map<string, number>();
  for (const s of scored) {
    if (s.region.level === 'province') continue;
    const prefecture = g.prefectureOf(s.region);
    if (prefecture) byPrefecture.set(prefecture.code, (byPrefecture.get(prefecture.code) ?? 0) + s.score);
  }
  const points = [...byPrefecture.values()];
  const total = points.reduce((a, b) => a + b, 0);
  const best = Math.max(0, ...points);
  if (total === 0) return false;
  const named = points.filter((p) => p >= 1).length;
  if (named >= SPREAD_PREFECTURES && best < DOMINANT_SHARE * total) return 'spread';
  const province = scored.find((s) => s.region.level === 'province')?.score ?? 0;
  return framedByProvince && province >= best ? 'framed' : false;
}

/**
 * True when the article is about the prefecture as a whole: the same test one level down — its
 * places lie in at least {@link SPREAD_PREFECTURES} of its counties, none holding
 * {@link DOMINANT_SHARE} of the prefecture's points (the prefecture's own included); or the
 * prefecture's own mentions lead its counties' (see prefectureLeads). A round-up of projects in
 * five counties of 郴州 is about 郴州市.
 */
export function prefectureWide(g: Gazetteer, scored: Scored[], prefecture: Region, where: EventPlace = {}): boolean {
  const own = scored.find((s) => s.region.code === prefecture.code)?.score ?? 0;
  const counties = scored.filter((s) => s.region.level === 'county' && g.prefectureOf(s.region)?.code === prefecture.code);
  const total = own + counties.reduce((a, s) => a + s.score, 0);
  const best = Math.max(0, ...counties.map((s) => s.score));
  if (
    prefectureLeads(
      scored.find((s) => s.region.code === prefecture.code),
      counties,
      where,
    )
  )
    return true;
  return counties.filter((s) => s.score >= 1).length >= SPREAD_PREFECTURES && best < DOMINANT_SHARE * total;
}

/**
 * True when the prefecture's own mentions outweigh its counties' (`counties`: those of it that
 * scored): it has {@link LEADING_SHARE} times the best county's points (a tour of the city that
 * passes one district), or at least as many and either the headline names it and not that county
 * (`某市：…` over a report from one of its villages) or the article names two or more of its
 * counties (the city's new bus lines in two districts). A site named after the city (长沙经开区)
 * lies in one of its counties: a county named beside it says which, so such points never lead it.
 */
function prefectureLeads(own: Scored | undefined, counties: Scored[], { venue, scene, venueInHeadline, visited }: EventPlace): boolean {
  const best = counties.reduce<Scored | undefined>((b, s) => (!b || s.score > b.score ? s : b), undefined);
  if (!own || !best) return false;
  // A visit to one of its counties (`某市某会…前往某区开展走访调研`, `市委书记…一行来到某县某村…调研`) is
  // the host's story, however often the visitors' titles name the city (市委书记, 市委常委).
  if (visited?.code === best.region.code) return false;
  const ownScore = own.score - (own.site ?? 0);
  if (ownScore >= LEADING_SHARE * best.score) return true;
  // The headline names the city and the county it meets in (`某市…现场推进会在某县召开`): the
  // city's event, however much of the report then tours the host county's sites.
  // …or the headline names the city alone and the opening places its meeting in the county.
  if (venue?.code === best.region.code && own.inTitle === true && (venueInHeadline || !best.inTitle)) return true;
  if (ownScore < best.score) return false;
  // The city's own event held in one of its counties (`某市…推进会在某县召开`) stays the city's: a
  // city holds everything in its counties, and the venue was only where it met.
  if (venue?.code === best.region.code) return true;
  // The opening says it happened in that county (`某市某县某镇发生…`): a headline naming the city
  // (an event named after it, `某市大火`) does not make the city the subject.
  if (scene?.code === best.region.code) return false;
  return (own.inTitle === true && !best.inTitle) || counties.filter((s) => s.score >= 1).length >= 2;
}

/**
 * The one place a thinly placed article names, when every place it names lies on one line of
 * descent (a county and its prefecture, or one prefecture): a notice signed `某市某区某店`, a
 * memoir naming its county once, a caption naming the city. Such an article is about that place
 * even below {@link ABOUT_SCORE}. It takes one full mention (a bank's name, a route's end are not
 * enough; a village's name or a ranking's scope is); places in two counties or two prefectures say nothing.
 */
function loneLine(g: Gazetteer, places: Scored[]): Region | undefined {
  // Any points of a plain mention: a village (weighed ½) or a ranking's scope (¼) named once still places it.
  const named = places.filter((s) => s.plain && s.score > 0).map((s) => s.region);
  const deepest = named.find((r) => named.every((o) => o === r || g.ancestors(r).some((a) => a.code === o.code)));
  return deepest;
}

/**
 * The prefecture of a thinly placed article whose places, none a subject alone, add up to one within
 * it: a line through two of its counties that ends in a neighbouring city (`甲市至乙市…途经甲市某县、
 * 某县`) is the first city's. It needs {@link ABOUT_SCORE} points over the prefecture and its counties,
 * and more than {@link DOMINANT_SHARE} of all the places' points.
 */
function thinPrefecture(g: Gazetteer, places: Scored[]): Region | undefined {
  const byPrefecture = new Map<string, { region: Region; points: number }>();
  for (const s of places) {
    const prefecture = s.region.level === 'prefecture' ? s.region : g.prefectureOf(s.region);
    if (!prefecture) continue;
    const entry = byPrefecture.get(prefecture.code) ?? { region: prefecture, points: 0 };
    entry.points += s.score;
    byPrefecture.set(prefecture.code, entry);
  }
  const total = places.reduce((a, s) => a + s.score, 0);
  const best = [...byPrefecture.values()].sort((a, b) => b.points - a.points)[0];
  return best && best.points >= ABOUT_SCORE && best.points > DOMINANT_SHARE * total ? best.region : undefined;
}

/** A county followed by its prefecture, a prefecture alone. */
function withPrefecture(g: Gazetteer, region: Region): string[] {
  const prefecture = region.level === 'county' ? g.prefectureOf(region) : undefined;
  return prefecture ? [region.name, prefecture.name] : [region.name];
}

/**
 * From scores to the ordered list of official names; `where` holds the venue of a province-framed
 * event and the county the opening says something happened in, if any (venue.ts).
 */
export function decide(g: Gazetteer, province: Region, scored: Scored[], framedByProvince: boolean, where: EventPlace = {}): string[] {
  const { venue } = where;
  const places = scored.filter((s) => s.region.level !== 'province');
  // A site named after a city (长沙经开区) says the story is somewhere in it: it does not push a
  // county named beside it below the relative bar.
  const best = Math.max(0, ...places.map((s) => s.score - (s.site ?? 0)));
  const chosen = places
    .filter((s) => s.score >= ABOUT_SCORE && s.score >= RELATIVE_SCORE * best)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  // Spread over the province, or framed by it: the province, even without a word naming it. A
  // provincial event held in one place (…在某县举行, venue.ts) is that place's: its readers look
  // for it, and the province's own lookup lists it anyway (the province covers its counties).
  const wide = provinceWide(g, scored, framedByProvince);
  if (wide === 'framed' && venue) return withPrefecture(g, venue);
  if (wide) return [province.name];
  if (chosen.length === 0) {
    const province = scored.find((s) => s.region.level === 'province');
    if (province && province.score >= ABOUT_SCORE) return [province.region.name];
    const lone = loneLine(g, places) ?? thinPrefecture(g, places);
    return lone ? withPrefecture(g, lone) : [];
  }
  // Counties grouped under their prefecture (in the order of each group's best county), each
  // group followed by its prefecture; a prefecture whose counties are spread (see
  // prefectureWide) stands alone in its group's place; then prefectures chosen on their own.
  const out: string[] = [];
  const counties = chosen.filter((s) => s.region.level === 'county');
  for (const county of counties) {
    const prefecture = g.prefectureOf(county.region);
    if (out.includes(county.region.name)) continue;
    if (prefecture && prefectureWide(g, scored, prefecture, where)) {
      if (!out.includes(prefecture.name)) out.push(prefecture.name);
      continue;
    }
    for (const sibling of counties) {
      if (g.prefectureOf(sibling.region) === prefecture && !out.includes(sibling.region.name)) out.push(sibling.region.name);
    }
    if (prefecture && !out.includes(prefecture.name)) out.push(prefecture.name);
  }
  for (const s of chosen) if (s.region.level === 'prefecture' && !out.includes(s.region.name)) out.push(s.region.name);
  return out;
}
