/**
 * The one length guard every outgoing text passes (the outbox, ./outbox.ts, applies it to every
 * Bot API call the bot makes). Telegram refuses a message over 4 096 characters, a callback
 * answer over 200 and a caption over 1 024 — and a refused reply is a reply lost. Handlers keep
 * their own, better cuts (articles split at paragraphs, lists paginate); this is the net under them:
 * - sendMessage: a text too long is split (./split-message.ts: paragraph, then sentence
 *   boundaries, HTML kept valid) into several messages; the first keeps the reply reference, the
 *   last the buttons;
 * - editMessageText: cut to fit, ending in "…" (an edit cannot become two messages);
 * - answerCallbackQuery text and captions: cut to fit, ending in "…".
 * Lengths are counted in UTF-16 units of the text as sent (tags included), which is never less
 * than what Telegram counts.
 */
import { splitMessage, TELEGRAM_TEXT_LIMIT } from './split-message.ts';

/**
 * Longest query (search, subscription) a chat may send, in characters; longer ones get a polite
 * "too long".
 */
export const MAX_QUERY_CHARS = 100;

/** Telegram's limit on a callback query answer's text. */
export const CALLBACK_TEXT_LIMIT = 200;
/** Telegram's limit on a media caption. */
export const CAPTION_LIMIT = 1024;

/** `text` cut to at most `max` characters (never inside a surrogate pair), with "…" when cut. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** The first `limit` characters of an HTML or plain text, cut at a boundary, tags closed, "…" added. */
function cutToFit(text: string, limit: number, html: boolean): string {
  if (text.length <= limit) return text;
  if (!html) return shorten(text, limit);
  const [first] = splitMessage(text, limit - 1);
  return `${first ?? ''}…`;
}

type Payload = Record<string, unknown>;

/**
 * The calls that deliver `payload` within Telegram's limits: one call (the payload itself, or cut
 * to fit) or, for a long sendMessage, one per part.
 */
export function fitPayload(method: string, payload: Payload): Payload[] {
  const html = payload.parse_mode === 'HTML';
  if (method === 'sendMessage' && typeof payload.text === 'string' && payload.text.length > TELEGRAM_TEXT_LIMIT) {
    const parts = splitMessage(payload.text, TELEGRAM_TEXT_LIMIT);
    const { reply_markup: markup, reply_parameters: replyTo, ...rest } = payload;
    return parts.map((text, i) => ({
      ...rest,
      text,
      ...(i === 0 && replyTo !== undefined ? { reply_parameters: replyTo } : {}),
      ...(i === parts.length - 1 && markup !== undefined ? { reply_markup: markup } : {}),
    }));
  }
  if (method === 'editMessageText' && typeof payload.text === 'string' && payload.text.length > TELEGRAM_TEXT_LIMIT) {
    return [{ ...payload, text: cutToFit(payload.text, TELEGRAM_TEXT_LIMIT, html) }];
  }
  if (method === 'answerCallbackQuery' && typeof payload.text === 'string' && Array.from(payload.text).length > CALLBACK_TEXT_LIMIT) {
    return [{ ...payload, text: shorten(payload.text, CALLBACK_TEXT_LIMIT) }];
  }
  if (typeof payload.caption === 'string' && payload.caption.length > CAPTION_LIMIT) {
    return [{ ...payload, caption: cutToFit(payload.caption, CAPTION_LIMIT, html) }];
  }
  return [payload];
}
