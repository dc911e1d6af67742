/**
 * From the mentions found in an article to points per region (./tagger.ts scores; this file
 * decides which mentions earn their points): namesakes elsewhere, a prefecture that only
 * qualifies its county, and common-word short names that need the place named in full.
 */
import type { Gazetteer, Region } from './gazetteer.ts';
import type { Mention } from './matcher.ts';

/** One mention as the tagger read it: its points by where it stands and what surrounds it. */
export interface FoundMention {
  mention: Mention;
  points: number;
  /** The mention before it in the same text, to see what qualifies it. */
  previous: Mention | undefined;
  /** Position in the whole article (reading order). */
  order: number;
  /** Written right after the name of a place elsewhere (福建龙岩永定区). */
  elsewhere: boolean;
  /** A passing mention (an organisation's name, a route's end …). */
  passing: boolean;
  /** In the headline itself. */
  inTitle: boolean;
  /** The name of a site named after the place (长沙经开区: see passing.ts). */
  site?: boolean;
}

/** Adds points to a region (see Scored in ./decide.ts). */
export type Credit = (
  region: Region,
  points: number,
  order: number,
  from?: { passing?: boolean; inTitle?: boolean; site?: boolean },
) => void;

/** Credits the regions of `found` (in reading order), under the rules above. */
export function creditMentions(g: Gazetteer, found: FoundMention[], credit: Credit): void {
  // A name the article once places elsewhere (福建龙岩永定区) means that namesake throughout,
  // except where a Hunan place qualifies it (张家界永定区).
  const namesakes = new Set(found.filter((f) => f.elsewhere).map((f) => f.mention.term.credits.code));
  for (const f of found) {
    if (!namesakes.has(f.mention.term.credits.code)) continue;
    const qualified =
      f.previous !== undefined &&
      f.previous.end === f.mention.start &&
      g.ancestors(f.mention.term.credits).some((a) => a.code === f.previous?.term.credits.code);
    if (!qualified) f.points = 0;
  }

  // Regions the article names in full: they confirm the common-word short names.
  const namedInFull = new Set(
    found.filter((f) => f.points > 0 && f.mention.term.strength === 'strong').map((f) => f.mention.term.credits.code),
  );
  found.forEach((f, i) => {
    const { term } = f.mention;
    const next = found[i + 1];
    // 花垣县十八洞村, 某镇某村: the village adds nothing to the county or town written just before it.
    if (term.village && f.previous?.end === f.mention.start && f.previous.term.credits.code === term.credits.code) return;
    // 郴州市桂阳县: the prefecture only says where the county is.
    const adjacent = next !== undefined && next.order === f.order + (f.mention.end - f.mention.start);
    if (adjacent && g.ancestors(next.mention.term.credits).some((a) => a.code === term.credits.code)) return;
    // A common-word name (中方), or a short name run into a suffix that opens the next word (湘阴村美).
    if (term.strength === 'weak' || f.mention.pending) {
      const parent = g.parentOf(term.credits);
      const afterParent = f.previous !== undefined && f.previous.end === f.mention.start && f.previous.term.credits.code === parent?.code;
      if (!namedInFull.has(term.credits.code) && !afterParent) return;
    }
    credit(term.credits, f.points, f.order, f);
  });
}
