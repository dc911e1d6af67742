/**
 * The venue of an event: the county where a headline or an opening says something is held
 * (`…示范活动在某市某县举行`, `…推进会在某县召开`, `…节将在某县举办`). A province-wide event held in
 * one county is news for that county's readers (see decide.ts): the province chose it as the
 * showcase. Only counties (and a town, for its county) are venues here: the province holds its
 * meetings in its capital as a matter of course (`在长沙召开`), which says nothing about the city.
 */
import type { Gazetteer, Region } from './gazetteer.ts';
import type { Mention } from './matcher.ts';

/** `在` right before the place, or before its prefecture written just before it (在怀化辰溪县). */
const AT_BEFORE = /在$/;
/**
 * The event's verb within the same clause after the place (`在某县某景区举行`, `在某县隆重召开`), in
 * simplified or traditional characters.
 */
const HELD_AFTER = /^[^，。；！？,;!?\n]{0,20}?(?:举行|举办|召开|开幕|启动|舉行|舉辦|召開|開幕|啟動)/;

/**
 * The county a text names as the venue of what it reports, or undefined. `counted` holds the
 * starts of the mentions that count fully (a bank's or a paper's name is no venue).
 */
export function venueOf(g: Gazetteer, text: string, mentions: Mention[], counted: number[]): Region | undefined {
  for (const [i, mention] of mentions.entries()) {
    if (!counted.includes(mention.start)) continue;
    const region = mention.term.credits;
    const county = region.level === 'town' ? g.countyOf(region) : region.level === 'county' ? region : undefined;
    if (!county) continue;
    const previous = mentions[i - 1];
    const qualifiedBy =
      previous && previous.end === mention.start && g.ancestors(region).some((a) => a.code === previous.term.credits.code);
    const before = text.slice(0, qualifiedBy ? previous.start : mention.start);
    if (AT_BEFORE.test(before) && HELD_AFTER.test(text.slice(mention.end))) return county;
  }
  return undefined;
}
