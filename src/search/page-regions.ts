/**
 * The regions of a page's articles, with the page's own county where the page never names its
 * outlet. A county mobile paper or county site whose masthead the copy lost (`封面`, `导读`, its
 * columns) still shows whose it is: every other tagged article on it is about one county. An item
 * there that names no place at all — a one-line item, one cut off after its first words — is then
 * tagged as on that county's own page (src/regions/placeless.ts); items that name a place keep
 * their places. Two such articles at least, and all of them agreeing: one could be a visit.
 */
import type { ParsedArticle } from '../pages/article.ts';
import { tagRegions } from '../regions/tagger.ts';

/** Tagged articles about one county a page needs, all agreeing, before it is read as that county's page. */
export const PAGE_COUNTY_ARTICLES = 2;

/** The regions of each article of one page (`home`: the region the page's outlet serves, if known). */
export function pageRegions(articles: readonly ParsedArticle[], home: string | undefined): string[][] {
  const regions = articles.map((a) => tagRegions(home ? { ...a, home } : a));
  if (home) return regions;
  const tagged = regions.filter((r) => r.length > 0);
  const first = tagged[0]?.[0];
  // (A county is followed by its prefecture; a prefecture or the province stands alone.)
  const sameCounty = first !== undefined && tagged.every((r) => r.length === 2 && r[0] === first);
  if (!sameCounty || tagged.length < PAGE_COUNTY_ARTICLES) return regions;
  return regions.map((r, i) => {
    const article = articles[i];
    return r.length > 0 || !article ? r : tagRegions({ ...article, home: first });
  });
}
