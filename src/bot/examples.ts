/**
 * Example queries for /help that work on the index actually loaded: the keyword most articles list
 * among their top keywords (and that the search finds), the region with the most articles, and an
 * article id. Nothing is hard-wired to a particular archive.
 */
import type { ArticleIndex } from '../search/engine.ts';
import type { HelpExamples } from '../telegram/i18n.ts';
import type { RegionLookup } from '../regions/region-lookup.ts';

/** How many of the newest articles the examples are drawn from. */
const EXAMPLE_SAMPLE = 1000;

/** Used only when the index is empty. */
export const FALLBACK_EXAMPLES: HelpExamples = { keyword: '乡村振兴', region: '长沙市' };

/**
 * Picks the examples shown in /help (one pass over the newest articles, done once at start-up). With
 * `regions`, place names are kept out of the keyword (they belong in the /region example).
 */
export async function pickExamples(index: ArticleIndex, regions?: RegionLookup): Promise<HelpExamples> {
  try {
    return await pickFrom(index, regions);
  } catch {
    // A damaged index must not stop start-up over /help's examples: the index heals itself (the
    // failed read has already started a rebuild) and the general examples do meanwhile.
    return FALLBACK_EXAMPLES;
  }
}

async function pickFrom(index: ArticleIndex, regions?: RegionLookup): Promise<HelpExamples> {
  // The newest articles are enough to pick from, and reading every record of a large archive
  // would add seconds to start-up. `latest` leaves fragments out already.
  const newest = (await index.latest({ limit: EXAMPLE_SAMPLE })).hits;
  const keywordCounts = new Map<string, number>();
  const authorCounts = new Map<string, number>();
  let articleId: string | undefined;
  for (const { id } of newest) {
    const article = await index.get(id);
    if (!article || article.kind === 'fragment' || article.kind === 'notice') continue;
    articleId ??= id;
    for (const author of article.authors)
      if (/^\p{Script=Han}{2,4}$/u.test(author)) authorCounts.set(author, (authorCounts.get(author) ?? 0) + 1);
    for (const word of article.keywords.slice(0, 3)) {
      // Two to six Chinese characters read well as an example and are cut the same way back.
      if (/^\p{Script=Han}{2,6}$/u.test(word)) keywordCounts.set(word, (keywordCounts.get(word) ?? 0) + 1);
    }
  }
  const candidates = [...keywordCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
    .map(([word]) => word)
    .filter((word) => !regions?.resolve(word).region);
  let keyword: string | undefined;
  for (const word of candidates) {
    if ((await index.search(word, { limit: 1 })).total === 0) continue;
    keyword = word;
    break;
  }
  const region = [...(await index.regionCounts()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))[0]?.[0];
  const author = [...authorCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))[0]?.[0];
  return {
    keyword: keyword ?? FALLBACK_EXAMPLES.keyword,
    region: region ?? FALLBACK_EXAMPLES.region,
    articleId,
    ...(author ? { author } : {}),
  };
}
