/**
 * Runs a reader's query against the index and describes the outcome as one page of results: how
 * the query was understood (a place name among the words becomes a region filter, e.g.
 * "邵阳 营商环境" → 邵阳市 / 营商环境), which articles are on the page, and — when nothing
 * matched — the ways out (drop a word, widen to the parent region, a close place name).
 * Pure over the index and the gazetteer: no Telegram here.
 */
import type { ArticleIndex, SearchHit } from '../search/engine.ts';
import { type ParsedQuery, todayIn, understandQuery } from '../search/query-parse.ts';
import type { CallbackAction } from '../telegram/callback-data.ts';
import type { RegionLookup, RegionRef } from '../regions/region-lookup.ts';

/** A suggested next query shown as a button when nothing matched. */
export interface WayOut {
  kind: 'drop-word' | 'widen' | 'region' | 'search-word' | 'all-time';
  /** The word dropped, the wider region or the suggested region (for the button label). */
  label: string;
  action: CallbackAction;
}

/** One page of results for a search or a region. */
export interface ResultPage {
  kind: 'search' | 'region' | 'latest' | 'author';
  /** What the page buttons re-run: the query text, the region name ('' for the latest of all) or the author. */
  source: string;
  understood: { region?: string; words: string[]; phrases?: string[]; exclude?: string[]; range?: string };
  /** How the list is sorted; a search can be re-sorted by time and back. */
  order?: 'relevance' | 'date';
  total: number;
  capped: boolean;
  /** True when no article holds every word, so the list shows partial matches. */
  partial: boolean;
  hits: SearchHit[];
  page: number;
  pages: number;
  /** Results per page (numbering continues across pages). */
  pageSize: number;
  /** Only for a result-less page. */
  wayOut: WayOut[];
}

/** The outcome of running a query. */
export type QueryOutcome =
  | { kind: 'page'; result: ResultPage }
  | { kind: 'no-keywords' }
  | { kind: 'exclusion-only'; exclude: string[] }
  | { kind: 'bad-range'; word: string }
  | { kind: 'unknown-region'; query: string; suggestions: RegionRef[]; outside?: boolean };

export interface QueryDeps {
  index: ArticleIndex;
  regions: RegionLookup;
  pageSize: number;
  /** Today in the newspapers' time zone, for 近一周, 本月 … (default: Asia/Shanghai now). */
  today?: () => string;
}

/** A query written back from its parts, without its time range (the "whole archive" way out). */
function withoutRange(parsed: ParsedQuery): string {
  return [parsed.text, ...parsed.phrases.map((p) => `“${p}”`), ...parsed.exclude.map((e) => `-${e}`)].filter(Boolean).join(' ');
}

function pages(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Runs a free-text search and returns page `page` (from 0). */
export async function searchPage(
  deps: QueryDeps,
  query: string,
  page: number,
  order: 'relevance' | 'date' = 'relevance',
): Promise<QueryOutcome> {
  const { index, regions, pageSize } = deps;
  const parsed = understandQuery(query, (deps.today ?? todayIn)());
  const filters = {
    order,
    phrases: parsed.phrases,
    exclude: parsed.exclude,
    ...(parsed.range ? { from: parsed.range.from, to: parsed.range.to } : {}),
  };
  const window = { limit: pageSize, offset: page * pageSize, ...filters };
  if (parsed.badRange) return { kind: 'bad-range', word: parsed.badRange };
  if (parsed.text === '' && parsed.phrases.length === 0) {
    if (parsed.range) return { kind: 'page', result: await rangePage(deps, query, parsed, page) };
    if (parsed.exclude.length > 0) return { kind: 'exclusion-only', exclude: parsed.exclude };
  }
  if (parsed.words.length === 0 && parsed.phrases.length === 0) return { kind: 'no-keywords' };

  // The first place among the words filters by region (邵阳 营商环境 → 邵阳市 / 营商环境); a place
  // name alone is a word search (/region lists the place's articles).
  const place = parsed.places[0];
  const rest = place ? parsed.words.filter((word) => word !== place.word) : [];
  const region = place && (rest.length > 0 || parsed.phrases.length > 0) ? regions.resolve(place.name).region : null;
  const result = region
    ? await index.search(rest.join(' '), { ...window, regions: regions.withDescendants(region.name) })
    : await index.search(parsed.text, window);
  if (result.noKeywords) return { kind: 'no-keywords' };
  const phraseSet = new Set(parsed.phrases);
  const words = result.terms.filter((t) => !phraseSet.has(t));
  const top = result.hits[0];
  const view: ResultPage = {
    kind: 'search',
    source: query,
    order,
    understood: { ...(region ? { region: region.name } : {}), words, ...understoodFilters(parsed) },
    total: result.total,
    capped: result.capped,
    partial: top !== undefined && words.length > 1 && top.matched.length < words.length,
    hits: result.hits,
    page,
    pages: pages(result.total, pageSize),
    pageSize,
    wayOut: [],
  };
  if (result.total === 0) {
    view.wayOut = parsed.range
      ? [{ kind: 'all-time', label: parsed.range.label, action: { kind: 'search', query: withoutRange(parsed), page: 0 } }]
      : await searchWayOut(deps, words, region);
  }
  return { kind: 'page', result: view };
}

function understoodFilters(parsed: ParsedQuery): Pick<ResultPage['understood'], 'phrases' | 'exclude' | 'range'> {
  return {
    ...(parsed.phrases.length ? { phrases: parsed.phrases } : {}),
    ...(parsed.exclude.length ? { exclude: parsed.exclude } : {}),
    ...(parsed.range ? { range: parsed.range.label } : {}),
  };
}

/** A query of a time range alone (`近一周`, `邵阳 本月` goes through the search): the newest articles in it. */
async function rangePage(deps: QueryDeps, query: string, parsed: ParsedQuery, page: number): Promise<ResultPage> {
  const range = parsed.range!;
  const list = await deps.index.latest({ from: range.from, to: range.to, limit: deps.pageSize, offset: page * deps.pageSize });
  return {
    kind: 'search',
    source: query,
    order: 'date',
    understood: { words: [], ...understoodFilters(parsed) },
    total: list.total,
    capped: false,
    partial: false,
    hits: list.hits,
    page,
    pages: pages(list.total, deps.pageSize),
    pageSize: deps.pageSize,
    wayOut: list.total === 0 ? [{ kind: 'all-time', label: range.label, action: { kind: 'latest', name: '', page: 0 } }] : [],
  };
}

/** Ways out of an empty search: drop one word, widen the region, or a close place name. */
async function searchWayOut(deps: QueryDeps, words: string[], region: RegionRef | null): Promise<WayOut[]> {
  const { index, regions } = deps;
  const out: WayOut[] = [];
  const count = async (query: string) => (query.trim() ? (await index.search(query, { limit: 1 })).total : 0);
  const search = (query: string): CallbackAction => ({ kind: 'search', query, page: 0 });

  if (region) {
    const parent = region.parent ? regions.resolve(region.parent).region : null;
    if (parent && parent.parent !== null) {
      const wider = `${parent.name} ${words.join(' ')}`;
      if ((await count(wider)) > 0) out.push({ kind: 'widen', label: parent.name, action: search(wider) });
    }
    if ((await count(words.join(' '))) > 0) out.push({ kind: 'drop-word', label: region.name, action: search(words.join(' ')) });
  }
  if (words.length > 1) {
    const counted = await Promise.all(
      words.map(async (word) => {
        const rest = [...(region ? [region.name] : []), ...words.filter((w) => w !== word)].join(' ');
        return { word, rest, total: await count(rest) };
      }),
    );
    const lighter = counted
      .filter((c) => c.total > 0)
      .sort((a, b) => b.total - a.total)
      .slice(0, 2);
    for (const c of lighter) out.push({ kind: 'drop-word', label: c.word, action: search(c.rest) });
  }
  for (const word of words) {
    if (Array.from(word).length < 2) continue;
    for (const suggestion of regions.resolve(word).suggestions.slice(0, 2)) {
      // A close spelling shares a character with the word (sound-alikes alone are noise).
      if (!Array.from(word).some((c) => suggestion.name.includes(c))) continue;
      if (out.some((w) => w.label === suggestion.name)) continue;
      out.push({ kind: 'region', label: suggestion.name, action: { kind: 'region', name: suggestion.name, page: 0 } });
    }
  }
  return out.slice(0, 4);
}

/** A plain newest-first list as a result page. */
function listPage(
  kind: 'latest' | 'author',
  source: string,
  region: string | undefined,
  words: string[],
  list: { total: number; hits: SearchHit[] },
  page: number,
  pageSize: number,
): ResultPage {
  return {
    kind,
    source,
    understood: { ...(region ? { region } : {}), words },
    total: list.total,
    capped: false,
    partial: false,
    hits: list.hits,
    page,
    pages: pages(list.total, pageSize),
    pageSize,
    wayOut: [],
  };
}

/** The newest articles, of a place and its sub-regions when `name` is given ('' = all of Hunan). */
export async function latestPage(deps: QueryDeps, name: string, page: number): Promise<QueryOutcome> {
  const { index, regions, pageSize } = deps;
  const window = { limit: pageSize, offset: page * pageSize };
  if (name.trim() === '')
    return { kind: 'page', result: listPage('latest', '', undefined, [], await index.latest(window), page, pageSize) };
  const { region, suggestions, outside } = regions.resolve(name);
  if (!region) return { kind: 'unknown-region', query: name, suggestions, outside };
  const covered = region.parent === null ? undefined : regions.withDescendants(region.name);
  const view = listPage('latest', region.name, region.name, [], await index.latest({ ...window, regions: covered }), page, pageSize);
  if (view.total === 0) view.wayOut.push({ kind: 'widen', label: '湖南省', action: { kind: 'latest', name: '', page: 0 } });
  return { kind: 'page', result: view };
}

/** The articles a reporter signed (as the splitter read the author line or byline), newest first. */
export async function authorPage(deps: QueryDeps, name: string, page: number): Promise<QueryOutcome> {
  const { index, pageSize } = deps;
  const list = await index.byAuthor(name, { limit: pageSize, offset: page * pageSize });
  const view = listPage('author', name, undefined, [name], list, page, pageSize);
  // A name nobody signed may still be mentioned in articles: offer the plain search.
  if (view.total === 0) view.wayOut.push({ kind: 'search-word', label: name, action: { kind: 'search', query: name, page: 0 } });
  return { kind: 'page', result: view };
}

/** How many 相关报道 buttons an opened article gets. */
export const RELATED_MAX = 5;

/**
 * Articles related to `article`: about its place (or a place under it) and sharing its keywords,
 * newest first, never the article itself or a fragment. Nothing when it has no keywords.
 */
export async function relatedArticles(
  deps: QueryDeps,
  article: { id: string; keywords: string[]; regions: string[] },
): Promise<SearchHit[]> {
  const words = article.keywords.slice(0, 4);
  if (words.length === 0) return [];
  const place = article.regions[0];
  const options = { limit: 20, ...(place ? { regions: deps.regions.withDescendants(place) } : {}) };
  const found = (await deps.index.search(words.join(' '), options)).hits.filter((h) => h.id !== article.id && h.kind !== 'fragment');
  // Related means sharing more than one keyword (or the only one there is).
  const close = found.filter((h) => h.matched.length >= Math.min(2, words.length));
  return close.sort((a, b) => b.date.localeCompare(a.date)).slice(0, RELATED_MAX);
}

/** Lists page `page` of the articles about a place and its sub-regions. */
export async function regionPage(deps: QueryDeps, name: string, page: number): Promise<QueryOutcome> {
  const { index, regions, pageSize } = deps;
  const { region, suggestions, outside } = regions.resolve(name);
  if (!region) return { kind: 'unknown-region', query: name, suggestions, outside };
  const result = await index.byRegions(regions.withDescendants(region.name), { limit: pageSize, offset: page * pageSize });
  const view: ResultPage = {
    kind: 'region',
    source: region.name,
    understood: { region: region.name, words: [] },
    total: result.total,
    capped: false,
    partial: false,
    hits: result.hits,
    page,
    pages: pages(result.total, pageSize),
    pageSize,
    wayOut: [],
  };
  if (result.total === 0 && region.parent) {
    const parent = regions.resolve(region.parent).region;
    if (parent && parent.parent !== null) {
      view.wayOut.push({ kind: 'widen', label: parent.name, action: { kind: 'region', name: parent.name, page: 0 } });
    }
  }
  return { kind: 'page', result: view };
}
