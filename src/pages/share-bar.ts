/**
 * A self-media platform's copy (网易号, 搜狐号 and the like) prints the article's headline, then the
 * header's controls: a counter (`0`, its likes or comments) and the share button (`分享至`). Those
 * controls belong to an article's header, so the page's first line over them is its headline, also
 * a long one of three clauses (`某镇…获网友点赞,回应:…,年年如此`) a headline's shape alone would not admit.
 */
import type { LineReading } from './block-shapes.ts';

/** The share button alone on its line, as the platforms print it over the text. */
const SHARE_BUTTON = /^(?:分享至|分享到)[：:]?$/;

/** The longest headline a platform prints on one line. */
const LONG_HEADLINE_MAX = 64;

/** A sentence inside, or a clause left open: never a headline, whatever stands under it. */
const NOT_A_HEADLINE = /[。；;]|[，,、…：:]$|[！？!?]["”’」』]/;

/** Marks the page's first line when a share bar (counters may stand between) is right under it. */
export function markShareBars(readings: LineReading[]): void {
  const first = readings.findIndex((r) => r.block);
  const headline = readings[first]?.block;
  if (!headline || (headline.shape !== 'short' && headline.shape !== 'text')) return;
  if (headline.text.length > LONG_HEADLINE_MAX || NOT_A_HEADLINE.test(headline.text)) return;
  let below = first + 1;
  while (readings[below]?.furniture === 'counter' || readings[below]?.raw.trim() === '') below++;
  const bar = readings[below];
  if (!bar?.furniture || !SHARE_BUTTON.test(bar.raw.trim())) return;
  readings[first] = { ...readings[first], block: { ...headline, shape: 'short', overShareBar: true } } as LineReading;
}
