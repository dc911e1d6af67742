/**
 * The venue of an event: the city or county where a headline or an opening says something is held
 * (`…示范活动在某市某县举行`, `…推进会在某县召开`, `…节将在某县举办`). A province-wide event held in
 * one county is news for that county's readers (see decide.ts): the province chose it as the
 * showcase. Any city or county (a town for its county) is a venue but the capital: the province
 * holds its meetings there as a matter of course (`在长沙召开`), which says nothing about the city.
 */
import type { EventPlace } from './decide.ts';
import type { Gazetteer, Region } from './gazetteer.ts';
import type { Mention } from './matcher.ts';

/**
 * The provincial capital: the statistics codes list it first among the prefectures (xx01, 长沙市
 * 4301). The province meets there as a matter of course; any other city or county hosting a
 * provincial event was chosen for it.
 */
function isCapital(g: Gazetteer, region: Region): boolean {
  if (region.level === 'prefecture') return region.code.endsWith('01');
  // …and so is each of its urban districts (在长沙市岳麓区召开); its counties and county cities are chosen.
  const prefecture = g.prefectureOf(region);
  return region.name.endsWith('区') && prefecture !== undefined && isCapital(g, prefecture);
}

/** `在` right before the place, or before its prefecture written just before it (在怀化辰溪县). */
const AT_BEFORE = /在$/;
/**
 * The event's verb within the same clause after the place (`在某县某景区举行`, `在某县隆重召开`), in
 * simplified or traditional characters.
 */
const HELD_AFTER = /^[^，。；！？,;!?\n]{0,20}?(?:举行|举办|召开|开幕|启动|舉行|舉辦|召開|開幕|啟動)/;

/** Going to the place (`前往某区`, `赴某县`, `深入某县`, `来到某县`, `到某县`) … */
const GOING_BEFORE = /(?:前往|赶赴|赴|来到|深入|走进|到)$/;
/**
 * …to look at it (`…开展走访调研`, `考察`, `参观`) later in the sentence, also past a comma
 * (`来到某县某村，就…开展调研`): a visit.
 */
const VISIT_AFTER = /^[^。；！？;!?\n]{0,40}?(?:调研|考察|走访|参观|视察|督导|督查|观摩|检查|慰问|察看)/;

/**
 * The county a text says a group goes to see (`某市某会组织委员前往某区开展走访调研`, `市委书记某某一行
 * 来到某县某镇某村，就…开展调研`), or undefined: the host of the visit, whose story it is, though the
 * visitors' home city heads the headline or their titles name it more often.
 */
export function visitedOf(g: Gazetteer, text: string, mentions: Mention[], counted: number[]): Region | undefined {
  for (const [i, mention] of mentions.entries()) {
    if (!counted.includes(mention.start)) continue;
    const region = mention.term.credits;
    const county = region.level === 'town' ? g.countyOf(region) : region.level === 'county' ? region : undefined;
    if (!county) continue;
    // 来到张家界市桑植县: the city only says where the county is.
    const previous = mentions[i - 1];
    const qualifiedBy =
      previous && previous.end === mention.start && g.ancestors(region).some((a) => a.code === previous.term.credits.code);
    const before = text.slice(0, qualifiedBy ? previous.start : mention.start);
    if (GOING_BEFORE.test(before) && VISIT_AFTER.test(text.slice(mention.end))) return county;
  }
  return undefined;
}

/** `发生` within the clause after a county (`某县某镇某村发生…`): where the reported event happened. */
const HAPPENED_AFTER = /^[^，。；！？,;!?\n]{0,12}?(?:发生|發生)/;

/**
 * The county a text says something happened in (`某市某县某镇发生山火`), or undefined: the scene
 * of the event, which a headline naming its city (`某市山火扑灭`) does not make the city's.
 */
export function sceneOf(g: Gazetteer, text: string, mentions: Mention[], counted: number[]): Region | undefined {
  for (const mention of mentions) {
    if (!counted.includes(mention.start)) continue;
    const region = mention.term.credits;
    const county = region.level === 'town' ? g.countyOf(region) : region.level === 'county' ? region : undefined;
    if (county && HAPPENED_AFTER.test(text.slice(mention.end))) return county;
  }
  return undefined;
}

/**
 * The city or county a text names as the venue of what it reports, or undefined. `counted` holds the
 * starts of the mentions that count fully (a bank's or a paper's name is no venue).
 */
export function venueOf(g: Gazetteer, text: string, mentions: Mention[], counted: number[]): Region | undefined {
  for (const [i, mention] of mentions.entries()) {
    if (!counted.includes(mention.start)) continue;
    const region = mention.term.credits;
    const place = region.level === 'town' ? g.countyOf(region) : region.level === 'province' ? undefined : region;
    const next = mentions[i + 1];
    // 在怀化辰溪县: the prefecture only says where the county is; the county is the venue.
    const qualifies = next && next.start === mention.end && g.ancestors(next.term.credits).some((a) => a.code === region.code);
    if (!place || isCapital(g, place) || qualifies) continue;
    const previous = mentions[i - 1];
    const qualifiedBy =
      previous && previous.end === mention.start && g.ancestors(region).some((a) => a.code === previous.term.credits.code);
    const before = text.slice(0, qualifiedBy ? previous.start : mention.start);
    if (AT_BEFORE.test(before) && HELD_AFTER.test(text.slice(mention.end))) return place;
  }
  return undefined;
}

/**
 * What a headline or the opening says of the event's place, into `where`: the first venue (and
 * whether the headline named it), the first scene, the first county a group goes to see.
 */
export function readEventPlace(
  g: Gazetteer,
  where: EventPlace,
  part: { text: string; kind: string },
  mentions: Mention[],
  counted: number[],
): void {
  if (!where.venue) {
    where.venue = venueOf(g, part.text, mentions, counted);
    if (where.venue && part.kind === 'headline') where.venueInHeadline = true;
  }
  where.scene ??= sceneOf(g, part.text, mentions, counted);
  where.visited ??= visitedOf(g, part.text, mentions, counted);
}
