/** Captions standing under an image's file name or a forum's attachment code (docs/page-layouts.md §5). */
import type { LineReading } from './block-shapes.ts';
import { datelineOf } from './dateline.ts';

/** Longest caption printed under an image's file name. */
const PLACEHOLDER_CAPTION_MAX = 80;

/** A short line right under an image's file name (`IMG_0931.jpg`, `微信图片_….png`) or attachment code is its caption. */
export function markPhotoCaptions(readings: LineReading[]): void {
  let afterImage = false;
  for (const reading of readings) {
    // (…or a forum's attachment code standing for the picture: `[attach]2680[/attach]`)
    if (reading.furniture === 'media' && /\.(?:jpe?g|png|gif|webp|bmp)\b|\[(?:attach|attachimg|img)\]/i.test(reading.raw)) {
      afterImage = true;
      continue;
    }
    if (!reading.block) continue;
    const block = reading.block;
    if (
      afterImage &&
      (block.shape === 'text' || block.shape === 'short') &&
      block.text.length <= PLACEHOLDER_CAPTION_MAX &&
      !datelineOf(block.text)
    ) {
      reading.block = { ...block, shape: 'caption' };
    }
    afterImage = false;
  }
}
