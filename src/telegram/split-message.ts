/**
 * Splits a long HTML message into parts under Telegram's limit of 4,096 characters per message.
 * Cuts at a paragraph break when one is near the limit, else at the end of a Chinese (or Latin)
 * sentence, else at a comma, and only as a last resort in mid-text; never inside a tag, an entity
 * or a surrogate pair. Tags open at a cut are closed at the end of the part and reopened at the
 * start of the next, so every part is valid HTML on its own.
 */

/** Telegram's maximum message length. */
export const TELEGRAM_TEXT_LIMIT = 4096;

const TAG = /<(\/?)([a-z-]+)[^>]*>/gi;

/** Tags left open at the end of `html`, outermost first, as their full opening text. */
function openTags(html: string): string[] {
  const stack: { name: string; text: string }[] = [];
  for (const match of html.matchAll(TAG)) {
    const [text, closing, name] = match;
    if (closing) {
      const at = stack.map((t) => t.name).lastIndexOf(name.toLowerCase());
      if (at !== -1) stack.splice(at);
    } else {
      stack.push({ name: name.toLowerCase(), text });
    }
  }
  return stack.map((t) => t.text);
}

function closingOf(opening: string): string {
  return `</${/^<([a-z-]+)/i.exec(opening)?.[1] ?? ''}>`;
}

/** Moves `cut` back so it does not fall inside a tag, an entity or a surrogate pair. */
function safeCut(text: string, cut: number): number {
  const lt = text.lastIndexOf('<', cut - 1);
  if (lt !== -1 && text.lastIndexOf('>', cut - 1) < lt) cut = lt;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && cut - amp < 12 && !text.slice(amp, cut).includes(';')) cut = amp;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

/** The best cut position in `text` at or before `budget` (a position after the boundary). */
function findCut(text: string, budget: number): number {
  const window = text.slice(0, budget);
  const floor = Math.floor(budget / 4);
  const boundaries: RegExp[] = [
    /\n\s*\n/g, // paragraph break
    /\n/g, // line break
    /[。！？!?；;…]+[”’」』）)]*/g, // sentence end, with closing quotes or brackets
    /[，,、：:]/g, // clause
    /\s+/g, // any space
  ];
  for (const boundary of boundaries) {
    let best = -1;
    for (const match of window.matchAll(boundary)) {
      const end = (match.index ?? 0) + match[0].length;
      if (end >= floor && end <= budget) best = end;
    }
    if (best !== -1) return safeCut(text, best);
  }
  return safeCut(text, budget);
}

/** One message of a split, and the part of the source text it carries (`from` ≤ i < `to`, offsets into `html`). */
export interface MessagePart {
  text: string;
  from: number;
  to: number;
}

/**
 * Splits `html` into messages of at most `limit` characters (default 4,096). A text that already
 * fits comes back as a one-element array; an empty text as an empty array.
 */
export function splitMessage(html: string, limit: number = TELEGRAM_TEXT_LIMIT): string[] {
  return splitMessageParts(html, limit).map((part) => part.text);
}

/**
 * {@link splitMessage}, saying for each message which stretch of `html` it carries, so that a
 * caller who built the text from blocks knows which blocks went into which message.
 */
export function splitMessageParts(html: string, limit: number = TELEGRAM_TEXT_LIMIT): MessagePart[] {
  const parts: MessagePart[] = [];
  let prefix: string[] = [];
  let at = html.length - html.trimStart().length;
  let rest = html.trim();
  while (rest.length > 0) {
    const head = prefix.join('');
    if (head.length + rest.length <= limit) {
      parts.push({ text: head + rest, from: at, to: at + rest.length });
      break;
    }
    let budget = limit - head.length;
    for (;;) {
      let cut = findCut(rest, budget);
      if (cut <= 0) cut = Math.max(1, safeCut(rest, budget)); // pathological input: force progress
      const piece = rest.slice(0, cut).trimEnd();
      const stillOpen = openTags(head + piece);
      const closing = stillOpen.map(closingOf).reverse().join('');
      const part = head + piece + closing;
      if (part.length <= limit || budget <= 16) {
        parts.push({ text: part, from: at, to: at + cut });
        prefix = stillOpen;
        const next = rest.slice(cut).replace(/^\s+/, '');
        at += rest.length - next.length;
        rest = next;
        break;
      }
      budget -= part.length - limit;
    }
  }
  return parts.filter((part) => part.text.replace(/<[^>]*>/g, '').trim().length > 0);
}
