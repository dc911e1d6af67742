/**
 * Region tagging: which Hunan places an article is about.
 *
 * Every place mention (matcher.ts) earns points for the region it credits, by where it stands —
 * headline 4, kicker and subtitle 3, the opening paragraph 2, any later paragraph, caption or
 * author line 1 — times what its context leaves of it (passing.ts: 0 for a bank's name or a
 * visitor's home town, a quarter for a route's end points). A prefecture written just before one
 * of its own counties or towns (郴州市桂阳县) only qualifies that place and earns nothing itself.
 * A common-word short name (中方, 凤凰) earns points only when the article also writes the place's
 * official name, or right after its prefecture (湘西凤凰).
 *
 * A region is one the article is about when it has at least {@link ABOUT_SCORE} points — a headline
 * or opening mention, or two plain mentions — and at least {@link RELATIVE_SCORE} of the best
 * region's points (a neighbour named twice in a long report on one county is not the subject).
 * The province is the answer only when no prefecture or county qualifies.
 */
import type { ParsedArticle } from '../pages/article.ts';
import type { Region } from './gazetteer.ts';
import { PlaceMatcher, type Mention } from './matcher.ts';
import { PASSING_WEIGHT, passingKinds } from './passing.ts';
import { placeTerms, type PlaceTerms } from './place-terms.ts';

/** The parts of an article the tagger reads. */
export type TaggableArticle = Pick<ParsedArticle, 'title' | 'kicker' | 'subtitle' | 'body' | 'captions' | 'authors'>;

/** Points a mention earns by where it stands. */
export const PART_WEIGHT = { title: 4, kicker: 3, subtitle: 3, opening: 2, body: 1, caption: 1, author: 1 } as const;

/** Points a region needs to be a subject of the article. */
export const ABOUT_SCORE = 2;

/** Share of the best region's points a region needs to be listed beside it. */
export const RELATIVE_SCORE = 0.3;

/** Characters of opening text that count as the first paragraph (a short lead line is joined by the next). */
const OPENING_LENGTH = 40;

/** Words that mean the province itself in a Hunan paper. */
const PROVINCE_WORDS = /全省|我省/g;

interface Scored {
  region: Region;
  score: number;
  /** Position of the first counted mention, to order ties by reading order. */
  order: number;
}

/** The article's parts in reading order, each with its weight. */
function parts(article: TaggableArticle): { text: string; weight: number }[] {
  const out: { text: string; weight: number }[] = [
    { text: article.kicker, weight: PART_WEIGHT.kicker },
    { text: article.title, weight: PART_WEIGHT.title },
    { text: article.subtitle, weight: PART_WEIGHT.subtitle },
  ];
  let opening = 0;
  for (const paragraph of article.body) {
    const inOpening = opening < OPENING_LENGTH;
    out.push({ text: paragraph, weight: inOpening ? PART_WEIGHT.opening : PART_WEIGHT.body });
    opening += paragraph.length;
  }
  for (const caption of article.captions) out.push({ text: caption, weight: PART_WEIGHT.caption });
  for (const author of article.authors) out.push({ text: author, weight: PART_WEIGHT.author });
  return out.filter((p) => p.text.length > 0);
}

/** The tagger for one term list; {@link tagRegions} uses the Hunan gazetteer's. */
export class RegionTagger {
  private readonly matcher: PlaceMatcher;
  private readonly province: Region;

  constructor(private readonly terms: PlaceTerms) {
    this.matcher = new PlaceMatcher(terms);
    const province = terms.gazetteer.ofLevel('province')[0];
    if (!province) throw new Error('the gazetteer has no province');
    this.province = province;
  }

  /** The official names of the places the article is about, most specific first. */
  tag(article: TaggableArticle): string[] {
    const g = this.terms.gazetteer;
    const scores = new Map<string, Scored>();
    const credit = (region: Region, points: number, order: number) => {
      if (points <= 0) return;
      const s = scores.get(region.code);
      if (s) s.score += points;
      else scores.set(region.code, { region, score: points, order });
    };

    const found: { mention: Mention; points: number; previous: Mention | undefined; order: number }[] = [];
    let offset = 0;
    for (const part of parts(article)) {
      const mentions = this.matcher.scan(part.text);
      const kinds = passingKinds(part.text, mentions);
      mentions.forEach((mention, i) => {
        const kind = kinds[i];
        const points = part.weight * (kind ? PASSING_WEIGHT[kind] : 1);
        found.push({ mention, points, previous: mentions[i - 1], order: offset + mention.start });
      });
      for (const m of part.text.matchAll(PROVINCE_WORDS)) credit(this.province, part.weight, offset + (m.index ?? 0));
      offset += part.text.length + 1;
    }

    // Regions the article names in full: they confirm the common-word short names.
    const namedInFull = new Set(found.filter((f) => f.mention.term.strength === 'strong').map((f) => f.mention.term.credits.code));
    found.forEach((f, i) => {
      const { term } = f.mention;
      const next = found[i + 1];
      // 郴州市桂阳县: the prefecture only says where the county is.
      const adjacent = next !== undefined && next.order === f.order + (f.mention.end - f.mention.start);
      if (adjacent && g.ancestors(next.mention.term.credits).some((a) => a.code === term.credits.code)) return;
      if (term.strength === 'weak') {
        const parent = g.parentOf(term.credits);
        const afterParent = f.previous !== undefined && f.previous.end === f.mention.start && f.previous.term.credits.code === parent?.code;
        if (!namedInFull.has(term.credits.code) && !afterParent) return;
      }
      credit(term.credits, f.points, f.order);
    });

    return this.decide([...scores.values()]);
  }

  /** From scores to the ordered list of official names. */
  private decide(scored: Scored[]): string[] {
    const g = this.terms.gazetteer;
    const places = scored.filter((s) => s.region.level !== 'province');
    const best = Math.max(0, ...places.map((s) => s.score));
    const chosen = places
      .filter((s) => s.score >= ABOUT_SCORE && s.score >= RELATIVE_SCORE * best)
      .sort((a, b) => b.score - a.score || a.order - b.order);
    if (chosen.length === 0) {
      const province = scored.find((s) => s.region.level === 'province');
      return province && province.score >= ABOUT_SCORE ? [province.region.name] : [];
    }
    // Counties grouped under their prefecture (in the order of each group's best county), each
    // group followed by its prefecture; then prefectures chosen on their own.
    const out: string[] = [];
    const counties = chosen.filter((s) => s.region.level === 'county');
    for (const county of counties) {
      const prefecture = g.prefectureOf(county.region);
      if (out.includes(county.region.name)) continue;
      for (const sibling of counties) {
        if (g.prefectureOf(sibling.region) === prefecture && !out.includes(sibling.region.name)) out.push(sibling.region.name);
      }
      if (prefecture && !out.includes(prefecture.name)) out.push(prefecture.name);
    }
    for (const s of chosen) if (s.region.level === 'prefecture' && !out.includes(s.region.name)) out.push(s.region.name);
    return out;
  }
}

let shared: RegionTagger | undefined;

/**
 * The Hunan places an article is about: most specific first, official full names, each county
 * followed by its prefecture (`["邵东市","邵阳市"]`), a prefecture alone (`["邵阳市"]`), the
 * province for a province-wide article (`["湖南省"]`), `[]` when nothing in Hunan. The first call
 * builds the matcher (under a second); later calls only scan the article.
 */
export function tagRegions(article: TaggableArticle): string[] {
  if (!shared) shared = new RegionTagger(placeTerms());
  return shared.tag(article);
}
