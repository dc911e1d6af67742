/**
 * The codec for inline-button callback data. Telegram allows 1–64 bytes (UTF-8), about 21 Chinese
 * characters, and returns whatever a client sends — so decoding validates everything and treats
 * anything unexpected as an expired list.
 *
 * Layout: one letter for the action, an optional page number, a colon, then the payload:
 * - `s3:营商环境`  search page 3, the query inline;  `S3:k1x2` the same with a {@link QueryStore} key
 * - `o3:营商环境`  the same search sorted newest first;  `O3:k1x2` with a key
 * - `r0:邵阳市`    region page 0;                    `R0:k1x3` with a key
 * - `n0:邵阳市`    the latest articles of a region, page 0 (`n0:` alone: of all regions); `N0:` + key
 * - `w0:张三`      an author's articles, page 0;        `W0:` + key
 * - `t:邵阳市`     the region tree below a region (`t:` alone is the top level)
 * - `a:<id>`       open an article
 * - `x:`           a button that does nothing (the "2/5" page counter)
 * - `u:<id>`       remove subscription `id` of this chat (the digest's buttons, like the next two)
 * - `+r:邵阳市`    subscribe this chat to a region (the one-tap "订阅此地区")
 * - `+k:邵阳 营商环境`  subscribe this chat to a search as typed ("订阅此关键词")
 *
 * The subscribe forms carry their text inline only (they are offered only when it fits). The bot
 * handles the list and article actions, the digest the subscription ones; neither knows the other.
 */
import type { QueryStore } from '../telegram/query-store.ts';

/** What a button asks for. Pages count from 0. */
export type CallbackAction =
  | { kind: 'search'; query: string; page: number; order?: 'date' }
  | { kind: 'region'; name: string; page: number }
  | { kind: 'latest'; name: string; page: number }
  | { kind: 'author'; name: string; page: number }
  | { kind: 'tree'; name: string }
  | { kind: 'article'; id: string }
  | { kind: 'noop' }
  | { kind: 'unsubscribe'; id: number }
  | { kind: 'subscribe-region'; name: string }
  | { kind: 'subscribe-search'; query: string };

/** Telegram's limit on callback data, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;
/** The highest page number a button may carry. */
export const MAX_PAGE = 999;

const ARTICLE_ID = /^[A-Za-z0-9_-]{1,48}$/;
const STORE_KEY = /^[a-z0-9]{5,12}$/;
const SHAPE = /^([sSoOrRnNwWtax])(\d{0,3}):(.*)$/s;
/** Letters of the paged lists, and the kind each stands for (`o` is a search sorted by date). */
const LIST_LETTERS = { s: 'search', o: 'search', r: 'region', n: 'latest', w: 'author' } as const;
type ListKind = (typeof LIST_LETTERS)[keyof typeof LIST_LETTERS];
const LETTER_OF: Record<ListKind, string> = { search: 's', region: 'r', latest: 'n', author: 'w' };

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A free-text payload: non-empty, no control characters, no surrounding space. */
function plainText(text: string): boolean {
  return text.length > 0 && text === text.trim() && !/[\p{Cc}\p{Cs}]/u.test(text);
}

/** The inline form when it fits in 64 bytes, else the stored-key form (which needs a store). */
function textOrKey(letter: string, page: string, text: string, store: QueryStore | undefined): string {
  const inline = `${letter}${page}:${text}`;
  if (bytes(inline) <= CALLBACK_DATA_MAX_BYTES) return inline;
  if (store === undefined) throw new RangeError('text too long for callback data and no query store to keep it');
  return `${letter.toUpperCase()}${page}:${store.put(text)}`;
}

/** Data that must fit inline, or a RangeError. */
function inlineOnly(data: string): string {
  if (bytes(data) > CALLBACK_DATA_MAX_BYTES) throw new RangeError('text too long for callback data');
  return data;
}

const SUBSCRIPTION_ID = /^u:(\d{1,12})$/;
const SUBSCRIBE = /^\+([rk]):(.+)$/s;

/**
 * Encodes an action as callback data of at most 64 bytes. Long queries and region names go into
 * `store` (only list actions need one). Throws a RangeError on a page out of range, an article id
 * the codec cannot carry, or a text too long for the action (see {@link tryEncodeCallback}).
 */
export function encodeCallback(action: CallbackAction, store?: QueryStore): string {
  switch (action.kind) {
    case 'search':
    case 'region':
    case 'latest':
    case 'author': {
      if (!Number.isInteger(action.page) || action.page < 0 || action.page > MAX_PAGE) {
        throw new RangeError(`page out of range: ${action.page}`);
      }
      const text = action.kind === 'search' ? action.query : action.name;
      const letter = action.kind === 'search' && action.order === 'date' ? 'o' : LETTER_OF[action.kind];
      return textOrKey(letter, String(action.page), text.trim(), store);
    }
    case 'tree': {
      const inline = `t:${action.name}`;
      if (bytes(inline) > CALLBACK_DATA_MAX_BYTES) throw new RangeError('region name too long for callback data');
      return inline;
    }
    case 'article':
      if (!ARTICLE_ID.test(action.id)) throw new RangeError(`article id not encodable: ${action.id}`);
      return `a:${action.id}`;
    case 'noop':
      return 'x:';
    case 'unsubscribe':
      if (!Number.isSafeInteger(action.id) || action.id < 0) throw new RangeError(`subscription id not encodable: ${action.id}`);
      return `u:${action.id}`;
    case 'subscribe-region':
      return inlineOnly(`+r:${action.name.trim()}`);
    case 'subscribe-search':
      return inlineOnly(`+k:${action.query.trim()}`);
  }
}

/** {@link encodeCallback}, or undefined when the action cannot be carried (a text too long, say). */
export function tryEncodeCallback(action: CallbackAction, store?: QueryStore): string | undefined {
  try {
    return encodeCallback(action, store);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * {@link decodeCallback}, after bringing a stored key this process has not seen (a button from
 * before a restart, or made by another instance) in from the store's backing.
 */
export async function decodeCallbackLoading(data: string | undefined, store: QueryStore): Promise<CallbackAction | null> {
  const match = data === undefined ? null : SHAPE.exec(data);
  if (match && match[1] !== match[1].toLowerCase() && STORE_KEY.test(match[3])) await store.load(match[3]);
  return decodeCallback(data, store);
}

/**
 * Decodes callback data. Returns null for anything malformed, oversized or forged, and for a
 * stored key the store does not know (see {@link decodeCallbackLoading}): the caller answers
 * "this list has expired". Whether an article id or region still exists is the caller's check.
 */
export function decodeCallback(data: string | undefined, store?: QueryStore): CallbackAction | null {
  if (data === undefined || data.length === 0 || bytes(data) > CALLBACK_DATA_MAX_BYTES) return null;
  const subscription = SUBSCRIPTION_ID.exec(data);
  if (subscription) return { kind: 'unsubscribe', id: Number(subscription[1]) };
  const subscribe = SUBSCRIBE.exec(data);
  if (subscribe) {
    const text = subscribe[2];
    if (!plainText(text)) return null;
    return subscribe[1] === 'r' ? { kind: 'subscribe-region', name: text } : { kind: 'subscribe-search', query: text };
  }
  const match = SHAPE.exec(data);
  if (!match) return null;
  const [, letter, pageText, payload] = match;
  const page = pageText === '' ? undefined : Number(pageText);
  if (pageText.length > 1 && pageText.startsWith('0')) return null;
  switch (letter) {
    case 's':
    case 'o':
    case 'r':
    case 'n':
    case 'w':
    case 'S':
    case 'O':
    case 'R':
    case 'N':
    case 'W': {
      if (page === undefined) return null;
      const kind = LIST_LETTERS[letter.toLowerCase() as keyof typeof LIST_LETTERS];
      let text: string | undefined = payload;
      if (letter !== letter.toLowerCase()) text = STORE_KEY.test(payload) ? store?.get(payload) : undefined;
      // The latest articles of all regions carry no name.
      if (text === undefined || !(plainText(text) || (kind === 'latest' && text === ''))) return null;
      if (kind === 'search') return letter.toLowerCase() === 'o' ? { kind, query: text, page, order: 'date' } : { kind, query: text, page };
      return { kind, name: text, page };
    }
    case 't':
      if (page !== undefined || (payload !== '' && !plainText(payload))) return null;
      return { kind: 'tree', name: payload };
    case 'a':
      return page === undefined && ARTICLE_ID.test(payload) ? { kind: 'article', id: payload } : null;
    case 'x':
      return page === undefined && payload === '' ? { kind: 'noop' } : null;
    default:
      return null;
  }
}
