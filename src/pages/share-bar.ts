/**
 * A self-media platform's copy (网易号, 搜狐号 and the like) prints the article's headline, then the
 * header's controls: a counter (`0`, its likes or comments) and the share button (`分享至`). Those
 * controls belong to an article's header, so the line over them, above any text, is its headline, also
 * a long one of three clauses (`某镇…获网友点赞,回应:…,年年如此`) a headline's shape alone would not admit.
 */
import type { LineReading } from './block-shapes.ts';
import { isRunningText } from './furniture.ts';

/** The share button alone on its line, as the platforms print it over the text. */
const SHARE_BUTTON = /^(?:分享至|分享到)[：:]?$/;

/** The longest headline a platform prints on one line. */
const LONG_HEADLINE_MAX = 64;

/** A sentence inside, or a clause left open: never a headline, whatever stands under it. */
const NOT_A_HEADLINE = /[。；;]|[，,、…：:]$|[！？!?]["”’」』]/;

/** Marks the line right over a share bar (counters may stand between) when no text stands above it. */
export function markShareBars(readings: LineReading[]): void {
  const bar = readings.findIndex((r) => r.furniture !== undefined && SHARE_BUTTON.test(r.raw.trim()));
  let at = bar - 1;
  while (at >= 0 && (readings[at]?.furniture === 'counter' || readings[at]?.raw.trim() === '')) at--;
  const headline = readings[at]?.block;
  if (bar < 0 || !headline || (headline.shape !== 'short' && headline.shape !== 'text')) return;
  if (headline.text.length > LONG_HEADLINE_MAX || NOT_A_HEADLINE.test(headline.text)) return;
  // (The page's header only: menus and the platform's name may stand above it, no paragraph.)
  if (readings.slice(0, at).some((r) => r.block && isRunningText(r.block.text))) return;
  readings[at] = { ...readings[at], block: { ...headline, shape: 'short', overShareBar: true } } as LineReading;
}
