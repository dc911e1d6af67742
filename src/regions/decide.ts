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

/** A region and its points. */
export interface Scored {
  region: Region;
  score: number;
  /** Position of the first counted mention, to order ties by reading order. */
  order: number;
}

/**
 * True when the article is about the province as a whole: its places are spread over at least
 * {@link SPREAD_PREFECTURES} prefectures with none holding {@link DOMINANT_SHARE} of the points,
 * or a headline is framed by the province (全省…, 我省…, 湖南…) and the province has at least as
 * many points as the best prefecture with its counties.
 */
export function provinceWide(g: Gazetteer, scored: Scored[], framedByProvince: boolean): boolean {
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
  if (named >= SPREAD_PREFECTURES && best < DOMINANT_SHARE * total) return true;
  const province = scored.find((s) => s.region.level === 'province')?.score ?? 0;
  return framedByProvince && province >= best;
}

/**
 * True when the article is about the prefecture as a whole: the same test one level down — its
 * places lie in at least {@link SPREAD_PREFECTURES} of its counties, none holding
 * {@link DOMINANT_SHARE} of the prefecture's points (the prefecture's own included). A round-up
 * of projects in five counties of 郴州 is about 郴州市.
 */
export function prefectureWide(g: Gazetteer, scored: Scored[], prefecture: Region): boolean {
  const own = scored.find((s) => s.region.code === prefecture.code)?.score ?? 0;
  const counties = scored.filter((s) => s.region.level === 'county' && g.prefectureOf(s.region)?.code === prefecture.code);
  const total = own + counties.reduce((a, s) => a + s.score, 0);
  const best = Math.max(0, ...counties.map((s) => s.score));
  return counties.filter((s) => s.score >= 1).length >= SPREAD_PREFECTURES && best < DOMINANT_SHARE * total;
}

/** From scores to the ordered list of official names. */
export function decide(g: Gazetteer, province: Region, scored: Scored[], framedByProvince: boolean): string[] {
  const places = scored.filter((s) => s.region.level !== 'province');
  const best = Math.max(0, ...places.map((s) => s.score));
  const chosen = places
    .filter((s) => s.score >= ABOUT_SCORE && s.score >= RELATIVE_SCORE * best)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  // Spread over the province, or framed by it: the province, even without a word naming it.
  if (provinceWide(g, scored, framedByProvince)) return [province.name];
  if (chosen.length === 0) {
    const province = scored.find((s) => s.region.level === 'province');
    return province && province.score >= ABOUT_SCORE ? [province.region.name] : [];
  }
  // Counties grouped under their prefecture (in the order of each group's best county), each
  // group followed by its prefecture; a prefecture whose counties are spread (see
  // prefectureWide) stands alone in its group's place; then prefectures chosen on their own.
  const out: string[] = [];
  const counties = chosen.filter((s) => s.region.level === 'county');
  for (const county of counties) {
    const prefecture = g.prefectureOf(county.region);
    if (out.includes(county.region.name)) continue;
    if (prefecture && prefectureWide(g, scored, prefecture)) {
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
