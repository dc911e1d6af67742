/**
 * Builds one chat's digest: the articles matching its subscriptions that entered the index since
 * its previous digest, grouped by subscription (an article matched by several appears once, under
 * the first), as HTML messages under Telegram's length limit, each with buttons that open the
 * articles. A subscription the chat has not had a digest for yet contributes its latest few
 * matches instead. Nothing new gives no messages at all.
 */
import { type ArticleIndex, type SearchOptions, seenBetween } from '../search/engine.ts';
import type { Lang } from '../telegram/i18n.ts';
import { escapeHtml } from '../telegram/html.ts';
import { splitMessageParts } from '../telegram/split-message.ts';
import { tryEncodeCallback } from '../telegram/callback-data.ts';
import { rows } from '../telegram/reply.ts';
import type { StoredMessage, Subscription } from './store.ts';
import { messages } from '../telegram/i18n.ts';

/** Articles listed per subscription before "… and N more". */
export const MAX_ITEMS_PER_SUBSCRIPTION = 10;
/** Matches a new subscription's first digest shows. */
export const FIRST_DIGEST_ITEMS = 3;
/** Open buttons per keyboard row. */
const BUTTONS_PER_ROW = 5;
/** Search page size while looking for new matches. */
const PAGE = 200;

/** What the digest needs from the rest of the program. */
export interface DigestSources {
  index: ArticleIndex;
  /** A region's official full name and those of all its sub-regions (`regionWithDescendants`). */
  expandRegion: (name: string) => string[];
}

/** One listed article. */
export interface DigestItem {
  id: string;
  title: string;
  regions: string[];
  summary: string;
  date: string;
}

/** The articles of one subscription in a digest. */
export interface DigestGroup {
  subscription: Subscription;
  /** True when this is the subscription's first digest (latest matches, not only new ones). */
  first: boolean;
  items: DigestItem[];
  /** Matches left out beyond {@link MAX_ITEMS_PER_SUBSCRIPTION}. */
  more: number;
}

/** A composed digest; `messages` is empty when there is nothing new. */
export interface ComposedDigest {
  groups: DigestGroup[];
  articleIds: string[];
  messages: StoredMessage[];
}

/** How a subscription reads to its chat: "邵阳市（含下辖区县） · 营商环境". */
export function describeSubscription(subscription: Pick<Subscription, 'region' | 'keywords'>, lang: Lang): string {
  const texts = messages(lang);
  const parts: string[] = [];
  if (subscription.region !== '') parts.push(texts.regionScope(subscription.region));
  if (subscription.keywords.length > 0) parts.push(subscription.keywords.join(' '));
  return texts.subscriptionLabel(parts);
}

/** Only news is worth a digest: fragments and notices stay searchable but are not listed. */
function listable(kind: string): boolean {
  return kind === 'feature' || kind === 'brief';
}

function newestFirst(a: DigestItem, b: DigestItem): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Finds which articles match a subscription. One matcher serves one run (one window of new
 * articles): subscriptions shared by many chats are looked up once.
 */
export class DigestMatcher {
  private readonly windowCache = new Map<string, DigestItem[]>();
  private readonly latestCache = new Map<string, DigestItem[]>();
  private newItemsRead: Promise<Map<string, DigestItem>> | undefined;
  private minNewDate = '\uffff';

  /**
   * @param window the articles first seen after `since` and no later than `upTo` (epoch ms) are
   *   the new ones; read from the index only when a subscription needs them (a run of first
   *   digests never does)
   */
  constructor(
    private readonly sources: DigestSources,
    private readonly window: { since: number; upTo: number },
  ) {}

  private newItems(): Promise<Map<string, DigestItem>> {
    this.newItemsRead ??= this.readNewItems();
    return this.newItemsRead;
  }

  private async readNewItems(): Promise<Map<string, DigestItem>> {
    const items = new Map<string, DigestItem>();
    const { index } = this.sources;
    for await (const { id } of seenBetween(index, this.window.since, this.window.upTo)) {
      const article = await index.get(id);
      if (article === undefined || !listable(article.kind)) continue;
      const { title, regions, summary, date } = article;
      items.set(id, { id, title, regions, summary, date });
      if (date < this.minNewDate) this.minNewDate = date;
    }
    return items;
  }

  /** Number of listable new articles in the window. */
  async newCount(): Promise<number> {
    return (await this.newItems()).size;
  }

  /** New articles matching the subscription, newest first. */
  async newMatches(subscription: Pick<Subscription, 'region' | 'keywords'>): Promise<DigestItem[]> {
    const newItems = await this.newItems();
    if (newItems.size === 0) return [];
    const key = `${subscription.region}\u0000${subscription.keywords.join(' ')}`;
    let items = this.windowCache.get(key);
    if (items === undefined) {
      items =
        subscription.keywords.length === 0
          ? this.newInRegion(newItems, subscription.region)
          : await this.newForKeywords(newItems, subscription);
      items.sort(newestFirst);
      this.windowCache.set(key, items);
    }
    return items;
  }

  /** The latest matches regardless of when they entered the index (a subscription's first digest). */
  async latestMatches(subscription: Pick<Subscription, 'region' | 'keywords'>, limit: number = FIRST_DIGEST_ITEMS): Promise<DigestItem[]> {
    const key = `${subscription.region}\u0000${subscription.keywords.join(' ')}`;
    let items = this.latestCache.get(key);
    if (items === undefined) {
      const { index } = this.sources;
      const regions = subscription.region === '' ? undefined : this.sources.expandRegion(subscription.region);
      items = [];
      if (subscription.keywords.length === 0) {
        for (const hit of (await index.byRegions(regions ?? [], { limit: 100 })).hits) {
          if (listable(hit.kind)) items.push(hit);
        }
      } else {
        const result = await index.search(subscription.keywords.join(' '), { regions, order: 'date', limit: limit * 4 });
        if (!result.noKeywords) {
          for (const hit of result.hits) {
            if (hit.matched.length < result.terms.length) break;
            if (listable(hit.kind)) items.push(hit);
          }
        }
      }
      items = items.map(({ id, title, regions: r, summary, date }) => ({ id, title, regions: r, summary, date })).sort(newestFirst);
      this.latestCache.set(key, items);
    }
    return items.slice(0, limit);
  }

  private newInRegion(newItems: Map<string, DigestItem>, region: string): DigestItem[] {
    const names = new Set(this.sources.expandRegion(region));
    return [...newItems.values()].filter((item) => item.regions.some((name) => names.has(name)));
  }

  /**
   * Pages through the full matches of the keywords, newest first, keeping the new ones. Stops at
   * the first partial match, at the end of the results, or once the dates fall below the oldest
   * new article (nothing older can be new).
   */
  private async newForKeywords(
    newItems: Map<string, DigestItem>,
    subscription: Pick<Subscription, 'region' | 'keywords'>,
  ): Promise<DigestItem[]> {
    const options: SearchOptions = { order: 'date', limit: PAGE };
    if (subscription.region !== '') options.regions = this.sources.expandRegion(subscription.region);
    const found: DigestItem[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const result = await this.sources.index.search(subscription.keywords.join(' '), { ...options, offset });
      if (result.noKeywords) return found;
      for (const hit of result.hits) {
        if (hit.matched.length < result.terms.length || hit.date < this.minNewDate) return found;
        const item = newItems.get(hit.id);
        if (item !== undefined) found.push(item);
        if (found.length === newItems.size) return found;
      }
      if (result.hits.length < PAGE) return found;
    }
  }
}

/** Selects each subscription's articles: new ones, or the latest few for a first digest; each article once. */
export async function selectDigest(
  matcher: DigestMatcher,
  subscriptions: readonly Subscription[],
  isFirst: (subscription: Subscription) => boolean,
): Promise<DigestGroup[]> {
  const used = new Set<string>();
  const groups: DigestGroup[] = [];
  for (const subscription of subscriptions) {
    const first = isFirst(subscription);
    const candidates = first ? await matcher.latestMatches(subscription) : await matcher.newMatches(subscription);
    const fresh = candidates.filter((item) => !used.has(item.id));
    const items = fresh.slice(0, MAX_ITEMS_PER_SUBSCRIPTION);
    for (const item of items) used.add(item.id);
    if (items.length > 0) groups.push({ subscription, first, items, more: fresh.length - items.length });
  }
  return groups;
}

/**
 * Renders groups as HTML messages under `limit` characters, cut between articles where possible
 * (../telegram/split-message.ts), each message with open buttons for the articles it lists (an
 * article belongs to the message its numbered line starts in).
 */
export function renderDigest(groups: readonly DigestGroup[], date: string, lang: Lang, limit?: number, weekly = false): StoredMessage[] {
  if (groups.length === 0) return [];
  const texts = messages(lang);
  const blocks: string[] = [`<b>${escapeHtml(weekly ? texts.weeklyDigestTitle(date) : texts.digestTitle(date))}</b>`];
  /** Each listed article's id and where its block starts in the joined text. */
  const listed: { id: string; number: number; at: number }[] = [];
  let length = blocks[0].length;
  const add = (block: string) => {
    blocks.push(block);
    length += BLOCK_SEPARATOR.length + block.length;
  };
  for (const group of groups) {
    let header = `<b>▍${escapeHtml(describeSubscription(group.subscription, lang))}</b>`;
    if (group.first) header += `\n<i>${escapeHtml(texts.firstDigestNote)}</i>`;
    add(header);
    for (const item of group.items) {
      const where = item.regions.length > 0 ? `${item.regions.slice(0, 3).join(' · ')} · ${item.date}` : item.date;
      listed.push({ id: item.id, number: listed.length + 1, at: length + BLOCK_SEPARATOR.length });
      add(`${listed.length}. <b>${escapeHtml(item.title)}</b>\n<i>${escapeHtml(where)}</i>\n${escapeHtml(item.summary)}`);
    }
    if (group.more > 0) add(`<i>${escapeHtml(texts.more(group.more))}</i>`);
  }
  return splitMessageParts(blocks.join(BLOCK_SEPARATOR), limit).map((part) => {
    const buttons = listed
      .filter((item) => item.at >= part.from && item.at < part.to)
      .flatMap((item) => {
        const data = tryEncodeCallback({ kind: 'article', id: item.id });
        return data === undefined ? [] : [{ text: `${texts.open} ${item.number}`, callback_data: data }];
      });
    return buttons.length > 0 ? { text: part.text, buttons: rows(buttons, BUTTONS_PER_ROW) } : { text: part.text };
  });
}

/** Between the blocks of a digest: a blank line, where the splitter prefers to cut. */
const BLOCK_SEPARATOR = '\n\n';

/** Selects and renders in one step; see {@link selectDigest} and {@link renderDigest}. */
export async function composeDigest(input: {
  matcher: DigestMatcher;
  subscriptions: readonly Subscription[];
  isFirst: (subscription: Subscription) => boolean;
  date: string;
  lang: Lang;
  limit?: number;
  /** A weekly digest (its title says so). */
  weekly?: boolean;
}): Promise<ComposedDigest> {
  const groups = await selectDigest(input.matcher, input.subscriptions, input.isFirst);
  return {
    groups,
    articleIds: groups.flatMap((group) => group.items.map((item) => item.id)),
    messages: renderDigest(groups, input.date, input.lang, input.limit, input.weekly),
  };
}
