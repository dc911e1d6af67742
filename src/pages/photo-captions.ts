/** Captions standing under an image's file name or a forum's attachment code (docs/page-layouts.md §5). */
import { isNameList, namesWithoutRoles } from './author-lines.ts';
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

/** `某某 摄`, `某 某摄（某某视觉）` (the agency after it), `资料图片`. */
const BARE_CREDIT =
  /^(?:[\u4e00-\u9fa5·]{1,4}(?:[ \u3000]+[\u4e00-\u9fa5·]{1,4})*[ \u3000]*摄(?:[（(][\u4e00-\u9fa5]{2,8}[)）])?|资料图片|资料图)$/;

/**
 * A picture's credit standing alone on its line, as the credit to keep (the photographer named
 * without the outlet and role: `某某日报全媒体记者 张三 摄` → `张三 摄`); undefined for anything else.
 */
export function photoCreditAlone(text: string): string | undefined {
  if (BARE_CREDIT.test(text)) return text;
  const roleFree = /\S\s*摄$/.test(text) ? namesWithoutRoles(text.replace(/\s*摄$/, '')) : undefined;
  return roleFree && isNameList(roleFree) ? `${roleFree} 摄` : undefined;
}
