/**
 * A leaders' visit (`市委书记某某一行来到某县某乡某村，就…开展调研`): the officials' titles name the city
 * (市委书记, 市委常委 credit the outlet's home, see tagger.ts) as often as the report names the place,
 * but the visit is the host's story, as a visiting group's is (passing.ts): the county visited comes
 * first, then its city.
 */
import type { Gazetteer, Region } from './gazetteer.ts';
import type { Mention } from './matcher.ts';

/** Where the visitors went: `来到`, `深入`, `走进`, `前往`, `赴`, `到` right before the place (or its city). */
const WENT_TO = /(?:来到|深入|走进|前往|赶赴|赴|到)$/;
/** The visit's purpose later in the same sentence: an inspection, a survey, a call on people. */
const VISIT_AFTER = /^[^。！？!?\n]{0,40}?(?:调研|考察|视察|督导|督查|检查|走访|慰问|察看|调度)/;

/** The county a text says visitors went to, to look into something, or undefined. */
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
    if (WENT_TO.test(before) && VISIT_AFTER.test(text.slice(mention.end))) return county;
  }
  return undefined;
}
