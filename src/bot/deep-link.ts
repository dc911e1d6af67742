/**
 * Deep-link payloads for `t.me/<bot>?start=<payload>`. Telegram allows 1–64 characters from
 * `A-Z a-z 0-9 _ -`, so a query travels as `q_` + base64url of its UTF-8 bytes (up to 46 bytes,
 * about 15 Chinese characters) and an article as `a_` + its id.
 */

/** What a deep link opens. */
export type DeepLink = { kind: 'search'; query: string } | { kind: 'article'; id: string } | { kind: 'help' };

const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Builds the payload for a link, or undefined when it would not fit in 64 characters. */
export function encodeDeepLink(link: DeepLink): string | undefined {
  const payload =
    link.kind === 'article'
      ? `a_${link.id}`
      : link.kind === 'help'
        ? 'help'
        : `q_${Buffer.from(link.query.trim(), 'utf8').toString('base64url')}`;
  return PAYLOAD.test(payload) ? payload : undefined;
}

/** Reads a `/start` payload; undefined when it is empty, malformed or not valid UTF-8. */
export function decodeDeepLink(payload: string): DeepLink | undefined {
  const text = payload.trim();
  if (!PAYLOAD.test(text)) return undefined;
  if (text === 'help') return { kind: 'help' };
  if (text.startsWith('a_') && text.length > 2) return { kind: 'article', id: text.slice(2) };
  if (text.startsWith('q_') && text.length > 2) {
    const encoded = text.slice(2);
    if (!/^[A-Za-z0-9_-]+$/.test(encoded) || encoded.length % 4 === 1) return undefined;
    try {
      const query = UTF8.decode(Buffer.from(encoded, 'base64url')).trim();
      return query && !/\p{Cc}/u.test(query) ? { kind: 'search', query } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `https://t.me/<username>?start=<payload>`. */
export function deepLinkUrl(username: string, payload: string): string {
  return `https://t.me/${encodeURIComponent(username)}?start=${payload}`;
}
