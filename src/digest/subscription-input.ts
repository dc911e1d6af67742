/**
 * What a subscription request says: `/subscribe 地名或关键词 [每周一] [HH:MM]` (and `/unsubscribe`,
 * and the one-tap buttons) read into a region, keywords and a schedule, and the one-tap subscribe
 * buttons the bot shows under results. Pure over the gazetteer and the query parser.
 */
import type { InlineKeyboardButton } from 'telegraf/types';
import type { RegionLookup } from '../regions/region-lookup.ts';
import { queryWords } from '../search/jieba.ts';
import { placesAmong } from '../search/query-parse.ts';
import { tryEncodeCallback } from '../telegram/callback-data.ts';
import { messages, type Lang } from '../telegram/i18n.ts';
import { MAX_QUERY_CHARS } from '../telegram/length-guard.ts';
import { weekdayWord } from './when.ts';

const TIME = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/;

/** A parsed `/subscribe` or `/unsubscribe` argument. */
export type ParsedSubscription =
  | { ok: true; region?: string; keywords: string[]; time?: string; weekday?: number; suggestions: string[] }
  | { ok: false; error: 'empty' | 'bad-time' | 'no-keywords' | 'too-long'; text?: string };

/**
 * Reads `地名或关键词 [每周一] [HH:MM]`: a trailing time (07:30, 7:30, 7：30), before it a weekday for a
 * weekly digest (每周一, 周三, 星期五); the first word that names a place becomes the region (邵阳,
 * 邵阳市 and shaoyang alike, by the rule searches use: ../search/query-parse.ts); the other words
 * are keywords. A word that names no prefecture or county stays a keyword.
 */
export function parseSubscription(text: string, regions: RegionLookup): ParsedSubscription {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return { ok: false, error: 'empty' };
  // Capped like searches: a subscription is a search run every day.
  if (Array.from(words.join(' ')).length > MAX_QUERY_CHARS + 6) return { ok: false, error: 'too-long' };
  let time: string | undefined;
  const last = words.at(-1)!;
  if (/^\d{1,2}[:：]\d{1,2}$/.test(last)) {
    const match = TIME.exec(last);
    if (match === null) return { ok: false, error: 'bad-time', text: last };
    time = `${match[1].padStart(2, '0')}:${match[2]}`;
    words.pop();
    if (words.length === 0) return { ok: false, error: 'empty' };
  }
  // `每周一 08:00`, `每周一`: a weekly digest (at the default time when none is given).
  const weekday = words.length > 0 ? weekdayWord(words.at(-1)!) : undefined;
  if (weekday !== undefined) {
    words.pop();
    if (words.length === 0) return { ok: false, error: 'empty' };
  }
  // The first word that names a place is the region, read by the search's own rule; the other
  // words are keywords, kept as typed (they name the subscription).
  const place = placesAmong(words)[0];
  const region = place?.name;
  const keywords = words.filter((word) => word !== place?.word);
  // A first word that is no place but looks like one earns a hint ("did you mean 邵阳市?").
  const suggestions =
    region === undefined
      ? regions
          .resolve(words[0])
          .suggestions.slice(0, 3)
          .map((s) => s.name)
      : [];
  // The words the search would look for (the engine cuts a query with the same function).
  if (keywords.length > 0 && queryWords(keywords.join(' ')).length === 0) {
    if (region === undefined) return { ok: false, error: 'no-keywords' };
    keywords.length = 0; // only stop words or emoji next to a place: subscribe to the place
  }
  return { ok: true, region, keywords, time, ...(weekday !== undefined ? { weekday } : {}), suggestions };
}

/** What a one-tap subscribe button is offered for: a search as typed, or a region by its full name. */
export type SubscribeTarget = { kind: 'search'; query: string } | { kind: 'region'; name: string };

/**
 * Makes the one-tap "订阅此地区/订阅此关键词" buttons the bot puts under result lists and articles
 * (given to the bot as `subscribeButton` by the composition root, ../app/start.ts). A search that names only a place
 * becomes a region button; a search with words, a keyword button (its place, if any, goes along).
 * Undefined when there is nothing to subscribe to or the data would not fit in 64 bytes.
 */
export function subscribeButtons(regions: RegionLookup): (target: SubscribeTarget, lang: Lang) => InlineKeyboardButton | undefined {
  return (target, lang) => {
    if (target.kind === 'region') return subscribeButton('region', target.name, lang);
    const parsed = parseSubscription(target.query, regions);
    if (!parsed.ok || parsed.time !== undefined) return undefined;
    if (parsed.keywords.length === 0) return parsed.region === undefined ? undefined : subscribeButton('region', parsed.region, lang);
    return subscribeButton('keywords', target.query, lang);
  };
}

/** The one-tap subscribe button for a region or keywords under a result list; undefined when it does not fit. */
export function subscribeButton(kind: 'region' | 'keywords', text: string, lang: Lang): InlineKeyboardButton | undefined {
  if (text.trim() === '') return undefined;
  const data = tryEncodeCallback(kind === 'region' ? { kind: 'subscribe-region', name: text } : { kind: 'subscribe-search', query: text });
  if (data === undefined) return undefined;
  const texts = messages(lang);
  return { text: kind === 'region' ? texts.subscribeRegionButton : texts.subscribeKeywordButton, callback_data: data };
}
