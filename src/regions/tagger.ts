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
 *
 * Real pages add four rules:
 * - a place in the dateline opening the first paragraph (本报长沙…讯, 中新网长沙…电) counts nothing;
 * - 全市, 我县 … credit the article's home (the outlet's region if given, else the dateline's place);
 * - a Hunan name right after a place elsewhere (福建龙岩永定区) is that namesake, in the whole article;
 * - the province is the answer when the places are spread over several prefectures with none
 *   dominant, or when a headline is framed by the province and no prefecture outweighs it
 *   (provinceWide in ./decide.ts); and, as before, when no prefecture or county qualifies;
 * - a paper named in the headline itself is the paper's own story (its place counts there), and
 *   on a county outlet's page that county's towns count even where their names are unsafe;
 * - a prefecture whose own mentions lead its counties', and a place named once on one line of
 *   descent, are decided in ./decide.ts (prefectureLeads, loneLine).
 */
import type { ParsedArticle } from '../pages/article.ts';
import { type Credit, creditMentions, type FoundMention } from './credit.ts';
import { decide, type EventPlace, type Scored } from './decide.ts';
import type { Region } from './gazetteer.ts';
import { PlaceMatcher, type Mention } from './matcher.ts';
import { PASSING_WEIGHT, PLACING_KINDS, passingKinds, rankingScope } from './passing.ts';
import { placeTerms, type PlaceTerms, withHomeTowns } from './place-terms.ts';
import { homeCharacterAt } from './home-short.ts';
import { datelineLength, parts } from './parts.ts';
import { readEventPlace } from './venue.ts';
import { namesPlaceElsewhere, namesSomePlace, placelessOnHome } from './placeless.ts';
import { inColumnName } from './column-name.ts';
import { dropVillageStems } from './village-stem.ts';

/** The parts of an article the tagger reads. */
export type TaggableArticle = Pick<ParsedArticle, 'title' | 'kicker' | 'subtitle' | 'body' | 'captions' | 'authors'> & {
  /**
   * The dateline the splitter took off the first paragraph (`本报长沙11月20日讯（记者 张三）`,
   * `邵阳日报3月3日讯`), if any. Its place is never a subject, but it says where 全市/我县… are.
   */
  dateline?: string;
  /**
   * Official name of the region the page's outlet serves (邵阳日报 → 邵阳市; see {@link outletHome}),
   * if known: 全市, 我市, 本县 … in the article refer to it. Wins over the dateline's place.
   */
  home?: string;
};

export { datelineLength, PART_WEIGHT } from './parts.ts';
export { ABOUT_SCORE, DOMINANT_SHARE, RELATIVE_SCORE, SPREAD_PREFECTURES } from './decide.ts';

/**
 * What a village's name earns against its county's (place-terms.ts): it says where the story is
 * as surely, but a famous village is also named in passing (a model others visit, a slogan).
 */
export const VILLAGE_WEIGHT = 0.5;

/**
 * Words that mean the province itself in a Hunan paper: 全省, 我省, and the province's own
 * institutions (省委, 省政府, 省人大, 省政协) when not already written as 湖南省委 (the matcher
 * credits 湖南省 there).
 */
const PROVINCE_WORDS = /全省|我省|(?<!湖南)省(?:委|政府|人大|政协)/g;

/**
 * Words that mean the paper's own city, county or district: 全市, 我市, 本市 (全县, 我县 …; 全州 in
 * 湘西), and its party committee written bare (市委书记, 县委常委会, 州委组织部), as 省委 is the
 * province's. They credit the article's home — the region the outlet serves, or the place in the
 * dateline — when its name ends in the same character. 全市场, 全区域, 社区委员 are other words; a
 * committee after a place's name (长沙市委) is that place's, found by the matcher.
 */
const HOME_WORDS = /(?:全|我|本)(市|县|区|州|縣|區)(?![场域場])|(市|县|区|州)委(?=书记|副书记|常委|组织部|宣传部|统战部|办公室)/g;
/** The simplified suffix of a traditional one in {@link HOME_WORDS} (我縣 is 我县). */
const SIMPLIFIED_SUFFIX: Record<string, string> = { 縣: '县', 區: '区' };

/** A paper named as such: in book-title marks (`《邵阳日报》`) or as the newspaper office (`常德日报社`). */
const NEWSROOM = /《[^《》]{2,12}(?:日报|晚报|都市报|报)》|[\u4e00-\u9fa5]{2,8}(?:日报|晚报|都市报)社/g;

/** Words that close an outlet's name: 邵阳日报, 浏阳日报, 郴州新闻网, 长沙晚报, 衡阳融媒 … (traditional too: 沅江新聞網). */
const OUTLET_AFTER =
  /^(?:日[报報]|晚[报報]|都市[报報]|新[闻聞]|融媒|[广廣][播][电電][视視]台|[电電][视視]台|[发發]布|客[户戶]端|[头頭]条|[头頭]條|[网網])/;
/** What the tagger found in an article, before deciding: points per region and the province framing. */
export interface RegionScores {
  /** Points per region (counties, prefectures and the province), highest first. */
  scores: { name: string; score: number }[];
  /** True when a headline line names the province (全省, 我省, 湖南…) before any Hunan place. */
  framedByProvince: boolean;
}

/**
 * Where a line's first place words stand: the province's (全省…, or a mention of 湖南 itself) and a
 * place's in it; Infinity for none. 湖南邵阳: the province only qualifies the place after it.
 */
function firstPlaceWords(
  mentions: Mention[],
  counted: number[],
  provinceWords: number[],
  provinceCode: string,
): { province: number; place: number } {
  const qualifies = (i: number) => mentions[i + 1] !== undefined && mentions[i + 1]?.start === mentions[i]?.end;
  const province = Math.min(
    ...provinceWords,
    ...mentions.filter((m, i) => m.term.credits.code === provinceCode && counted.includes(m.start) && !qualifies(i)).map((m) => m.start),
  );
  const place = Math.min(...mentions.filter((m) => m.term.credits.code !== provinceCode && counted.includes(m.start)).map((m) => m.start));
  return { province, place };
}

/** The most specific place among some mentions (a county before its prefecture), or undefined. */
function mostSpecific(mentions: Mention[]): Region | undefined {
  const rank = { province: 0, prefecture: 1, county: 2, town: 3 } as const;
  let best: Region | undefined;
  for (const m of mentions) if (!best || rank[m.term.credits.level] > rank[best.level]) best = m.term.credits;
  return best;
}

/** The tagger for one term list; {@link tagRegions} uses the Hunan gazetteer's. */
export class RegionTagger {
  private readonly matcher: PlaceMatcher;
  private readonly province: Region;
  /** Matchers for the pages of a county's own outlet (see withHomeTowns), by county code. */
  private readonly homeMatchers = new Map<string, PlaceMatcher>();

  constructor(private readonly terms: PlaceTerms) {
    this.matcher = new PlaceMatcher(terms);
    const province = terms.gazetteer.ofLevel('province')[0];
    if (!province) throw new Error('the gazetteer has no province');
    this.province = province;
  }

  /** The official names of the places the article is about, most specific first. */
  tag(article: TaggableArticle): string[] {
    const { scored, framedByProvince, where, namesPlace } = this.score(article);
    const regions = decide(this.terms.gazetteer, this.province, scored, framedByProvince, where);
    if (regions.length > 0) return regions;
    const own = this.ownNewsroom(article);
    if (own.length > 0 || namesPlace || namesSomePlace(this.terms, [article.title, article.kicker, ...article.body].join('\n'))) return own;
    return placelessOnHome(this.terms.gazetteer, article.home);
  }

  /**
   * An article that names no place but a Hunan paper as such (`常德日报社`, `《邵阳日报》`): a paper's
   * story about itself, its people and readers (an anniversary page, a reader's memoir) is about
   * the region the paper serves. Outlet names earn no points otherwise (see passing.ts), and a
   * reporter's outlet (`长沙晚报记者`) still says nothing.
   */
  private ownNewsroom(article: TaggableArticle): string[] {
    const papers = [article.title, ...article.body].join('\n').match(NEWSROOM) ?? [];
    const home = this.outletHome(papers.join('\n'));
    const region = home === undefined ? undefined : this.terms.gazetteer.region(home);
    if (!region || region.level === 'town') return [];
    const prefecture = region.level === 'county' ? this.terms.gazetteer.prefectureOf(region) : undefined;
    return prefecture ? [region.name, prefecture.name] : [region.name];
  }

  /** The points behind {@link tag}, for explaining a tagging. */
  explain(article: TaggableArticle): RegionScores {
    const { scored, framedByProvince } = this.score(article);
    return { scores: scored.sort((a, b) => b.score - a.score).map((s) => ({ name: s.region.name, score: s.score })), framedByProvince };
  }

  /**
   * The region an outlet serves, from its name or masthead: the Hunan place right before 日报,
   * 晚报, 新闻网, 融媒体中心 … (邵阳日报 → 邵阳市, 浏阳日报 → 浏阳市, 湖南日报 → 湖南省); undefined when
   * the text names no Hunan outlet.
   */
  outletHome(text: string): string | undefined {
    const mentions = this.matcher.scan(text).filter((m) => OUTLET_AFTER.test(text.slice(m.end, m.end + 5)));
    return mostSpecific(mentions)?.name;
  }

  /** The article's home: the `home` given, else the most specific Hunan place in its dateline. */
  private homeOf(article: TaggableArticle): Region | undefined {
    const g = this.terms.gazetteer;
    if (article.home) {
      // A town's paper speaks for its county: articles are tagged down to counties.
      const region = g.region(article.home);
      return region && region.level === 'town' ? g.countyOf(region) : region;
    }
    const first = article.body[0] ?? '';
    const dateline = article.dateline || first.slice(0, datelineLength(first));
    return dateline ? mostSpecific(this.matcher.scan(dateline)) : undefined;
  }

  /** The matcher for an article whose outlet serves `home`: with the county's own towns. */
  private matcherFor(home: Region | undefined, given: boolean): PlaceMatcher {
    if (!given || home?.level !== 'county' || !this.terms.homeTowns.has(home.code)) return this.matcher;
    let matcher = this.homeMatchers.get(home.code);
    if (!matcher) {
      matcher = new PlaceMatcher(withHomeTowns(this.terms, home));
      this.homeMatchers.set(home.code, matcher);
    }
    return matcher;
  }

  /**
   * True when a Hunan name at `start` is written right after the name of a place elsewhere (福建龙岩永定区).
   * A name elsewhere that is only the tail of a longer Hunan name ending there is none: 汉寿县岩汪湖镇
   * holds 寿县 (in 安徽), but it is the county named before its own town.
   */
  private afterElsewhere(text: string, start: number, mentions: readonly Mention[]): boolean {
    const { leads, longestLead } = this.terms.elsewhere;
    const before = mentions.find((m) => m.end === start);
    for (let k = 2; k <= longestLead && k <= start; k++) {
      if (before && before.start < start - k) continue;
      if (leads.has(text.slice(start - k, start))) return true;
    }
    return false;
  }

  private score(article: TaggableArticle): { scored: Scored[]; framedByProvince: boolean; where: EventPlace; namesPlace: boolean } {
    const g = this.terms.gazetteer;
    const scores = new Map<string, Scored>();
    const credit: Credit = (region, points, order, from = {}) => {
      if (points <= 0) return;
      const s = scores.get(region.code) ?? { region, score: 0, order };
      scores.set(region.code, s);
      s.score += points;
      s.plain ||= !from.passing;
      s.inTitle ||= from.inTitle === true;
      if (from.site) s.site = (s.site ?? 0) + points;
    };

    const found: FoundMention[] = [];
    // Hunan short names the article also writes as the full name of a place elsewhere (华容区 in 湖北).
    const namesakes = new Set<string>();
    let namesElsewhere = false;
    // 全县, 县委, 州委 … (another level's committee names a place too: it is not the county's).
    let homeWords = false;
    const onElsewhere = (name: string) => {
      namesElsewhere ||= namesPlaceElsewhere(this.terms, name);
      const stem = this.terms.elsewhere.namesakes.get(name);
      if (stem) namesakes.add(stem);
    };
    let framedByProvince = false;
    // Where the headline or the opening says the event is held (…在某县举行) or happened (某县发生…).
    const where: EventPlace = {};
    let headlineNamesPlace = false;
    let openingRead = false;
    const home = this.homeOf(article);
    const matcher = this.matcherFor(home, article.home !== undefined);
    let offset = 0;
    const articleParts = parts(article);
    // The kicker's column name written again in the text (`“某市地名故事”专栏`) is the column's label.
    const inColumn = inColumnName(article.kicker);
    for (const part of articleParts) {
      const mentions = matcher.scan(part.text, onElsewhere);
      const kinds = passingKinds(part.text, mentions);
      // Starts of the mentions that count fully (no passing mention: 湖南大学 frames nothing).
      const counted: number[] = [];
      mentions.forEach((mention, i) => {
        const kind = kinds[i];
        // A place in the dateline, or right after the name of a place elsewhere, counts nothing.
        const elsewhere = this.afterElsewhere(part.text, mention.start, mentions);
        const ignored = mention.start < part.skip || elsewhere || (part.kind !== 'headline' && inColumn(part.text, mention.start));
        // A ranking's scope (长沙首家), a site or visitors' home still place the article, not as its subject.
        const scope = kind !== null && PLACING_KINDS.has(kind);
        const at = { order: offset + mention.start, inTitle: part.text === article.title && !scope, site: kind === 'site' };
        // A paper named in the headline (`我与某某晚报的25年`) is the paper's own story: its place counts.
        const passing = kind !== null && !scope && !(kind === 'newspaper' && at.inTitle);
        const share = (kind && (passing || scope) ? PASSING_WEIGHT[kind] : 1) * (mention.term.village ? VILLAGE_WEIGHT : 1);
        const points = ignored ? 0 : part.weight * share;
        found.push({ mention, points, previous: mentions[i - 1], ...at, elsewhere, passing });
        if (points > 0 && !kind) counted.push(mention.start);
      });
      const provinceWords = [...part.text.matchAll(PROVINCE_WORDS)].map((m) => m.index ?? 0).filter((at) => at >= part.skip);
      for (const at of provinceWords) credit(this.province, part.weight, offset + at);
      if (home && home.level !== 'province') {
        for (const m of part.text.matchAll(HOME_WORDS)) {
          homeWords = true;
          const at = m.index ?? 0;
          const inPlaceName = mentions.some((p) => p.start <= at && at < p.end);
          const share = home.level !== 'county' && rankingScope(part.text, at + m[0].length) ? PASSING_WEIGHT.scope : 1;
          if (at >= part.skip && !inPlaceName && home.name.endsWith(SIMPLIFIED_SUFFIX[m[1]] ?? m[1] ?? m[2]))
            credit(home, part.weight * share, offset + at);
        }
        for (const at of homeCharacterAt(part.text, home, mentions, this.terms.lexicon)) {
          if (at >= part.skip) credit(home, part.weight, offset + at);
        }
      }
      if (part.kind === 'headline' || (part.kind === 'opening' && !openingRead && !headlineNamesPlace)) {
        // A headline naming no place (`…决赛揭晓`): the opening's first place word frames the article instead.
        const first = firstPlaceWords(mentions, counted, provinceWords, this.province.code);
        if (first.province < first.place) framedByProvince = true;
        if (part.kind === 'headline' && Math.min(first.province, first.place) < Infinity) headlineNamesPlace = true;
      }
      if (part.kind === 'headline' || (part.kind === 'opening' && !openingRead)) readEventPlace(g, where, part, mentions, counted);
      if (part.kind === 'opening') openingRead = true;
      offset += part.text.length + 1;
    }

    // A bare stem the article also writes as a place elsewhere (走进华容 … 鄂州市华容区) is that place.
    for (const f of found) if (f.mention.term.short && namesakes.has(f.mention.term.text)) f.elsewhere = true;
    dropVillageStems(found, articleParts.map((p) => p.text).join('\n'));
    creditMentions(g, found, credit);
    const namesPlace = found.length > 0 || scores.size > 0 || namesElsewhere || homeWords;
    return { scored: [...scores.values()], framedByProvince, where, namesPlace };
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
  return sharedTagger().tag(article);
}

function sharedTagger(): RegionTagger {
  if (!shared) shared = new RegionTagger(placeTerms());
  return shared;
}

/**
 * The official name of the region an outlet serves, read from its name or a masthead line
 * (`邵阳日报` → 邵阳市, `浏阳日报 2024年3月3日` → 浏阳市, `湖南日报` → 湖南省); undefined when no Hunan
 * outlet is named. For the page reader: pass it as the articles' `home`.
 */
export function outletHome(text: string): string | undefined {
  return sharedTagger().outletHome(text);
}
