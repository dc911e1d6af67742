/**
 * What the digest store (./store.ts) hands out: subscriptions, delivery targets and deliveries as
 * plain objects, never rows.
 */
import { parseWhen } from './when.ts';

/** A daily digest subscription: a region (official full name), keywords, or both. */
export interface Subscription {
  id: number;
  chatId: number;
  /** Forum topic the digest goes to; 0 for none. */
  threadId: number;
  /** Official full region name, '' when the subscription is by keywords only. */
  region: string;
  /** Normalised keywords (lower case, unique, sorted); empty when by region only. */
  keywords: string[];
  /** Local delivery time in DIGEST_TZ: `HH:MM` every day, `W1 HH:MM` on Mondays … (see ./when.ts). */
  time: string;
  active: boolean;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** Where and when one digest goes: a chat, a forum topic (0 = none) and a time of day. */
export interface DigestTarget {
  chatId: number;
  threadId: number;
  time: string;
}

/** One message of a digest as stored: text (HTML) and an optional inline keyboard. */
export interface StoredMessage {
  text: string;
  buttons?: { text: string; callback_data: string }[][];
}

/**
 * - `in_flight`: composed and being sent; `partsSent` says how far it got.
 * - `sent`: every part delivered. `empty`: nothing new, no message (progress still advances).
 * - `abandoned`: the chat refused (blocked the bot, left the group); never resent.
 */
export type DeliveryStatus = 'in_flight' | 'sent' | 'empty' | 'abandoned';

/** The record of one digest for one target and period (the local date). */
export interface Delivery extends DigestTarget {
  period: string;
  status: DeliveryStatus;
  /** The digest covers articles first seen up to this instant; the next one starts after it. */
  cutoff: number;
  articleIds: string[];
  parts: StoredMessage[];
  partsSent: number;
  startedAt: number;
  sentAt?: number;
}

/** Result of a subscribe request. */
export type SubscribeResult = { status: 'added' | 'updated'; subscription: Subscription } | { status: 'limit'; max: number };

/** What identifies a subscription for the user: same region and keywords = same subscription. */
export interface SubscriptionKey {
  region?: string;
  keywords?: string[];
}

/** Lower-cases, splits on white space, drops duplicates and sorts, so word order does not matter. */
export function normaliseKeywords(words: readonly string[]): string[] {
  const all = words.flatMap((word) => word.normalize('NFKC').toLowerCase().split(/\s+/)).filter((word) => word !== '');
  return [...new Set(all)].sort();
}

/** Checks a subscribe request and puts its key in the stored form. */
export function subscriptionKeyOf(input: { threadId?: number; region?: string; keywords?: string[]; time: string }): {
  region: string;
  keywords: string;
  threadId: number;
} {
  const region = input.region ?? '';
  const keywords = normaliseKeywords(input.keywords ?? []).join(' ');
  if (region === '' && keywords === '') throw new Error('a subscription needs a region or keywords');
  if (parseWhen(input.time) === undefined) throw new Error(`bad time "${input.time}"`);
  return { region, keywords, threadId: input.threadId ?? 0 };
}
