/**
 * HTML for Telegram's `parse_mode: 'HTML'`: escaping and query-word highlighting. Every string that
 * comes from a user or an article passes through {@link escapeHtml} (or {@link highlight}, which
 * escapes too) before it is placed in a message.
 */

/** Escapes `&`, `<`, `>` and `"` — the characters Telegram's HTML parser gives a meaning to. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Undoes {@link escapeHtml} and the few named entities Telegram accepts (for console output). */
export function unescapeHtml(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#(\d+));/g, (_m, name: string, code?: string) =>
    code !== undefined
      ? String.fromCodePoint(Number(code))
      : (({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[name] ?? _m),
  );
}

/**
 * Escapes `text` and wraps every occurrence of any of `words` in `<b>…</b>`. Longer words win
 * where matches overlap (so 营商环境 is marked whole, not as 营商 + 环境); Latin letters match
 * case-insensitively.
 */
export function highlight(text: string, words: readonly string[]): string {
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  const sorted = [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  for (const word of sorted) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) {
      for (let i = at; i < at + word.length; i++) marked[i] = true;
    }
  }
  let out = '';
  let open = false;
  for (let i = 0; i < text.length; i++) {
    if (marked[i] !== open) {
      out += marked[i] ? '<b>' : '</b>';
      open = marked[i];
    }
    out += escapeHtml(text[i]);
  }
  return open ? `${out}</b>` : out;
}

/**
 * Cuts `text` to at most `max` characters (an ellipsis included) around the first occurrence of
 * one of `words`, so the highlighted word is visible in a one- or two-line summary. Starts at the
 * beginning of the sentence holding the word when that still shows the word.
 */
export function snippet(text: string, words: readonly string[], max: number): string {
  const chars = Array.from(text.trim());
  if (chars.length <= max) return chars.join('');
  const flat = chars.join('');
  let first = -1;
  for (const word of words) {
    const at = word ? flat.toLowerCase().indexOf(word.toLowerCase()) : -1;
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  // Index in code points (surrogate pairs count once).
  const firstChar = first === -1 ? 0 : Array.from(flat.slice(0, first)).length;
  let start = 0;
  if (firstChar > max - 12) {
    start = firstChar;
    while (start > 0 && !/[。！？；\n]/.test(chars[start - 1]) && firstChar - start < max / 2) start--;
  }
  const body = chars.slice(start, start + max - (start > 0 ? 2 : 1)).join('');
  return `${start > 0 ? '…' : ''}${body}…`;
}
