/**
 * A related-reading box under the text (`推荐阅读`, `相关阅读`, `猜你喜欢` …) whose items are
 * bulleted (`- 标题`, `• 标题`): every bulleted line under the box's label is a link of the box,
 * however long its headline, until a line without a bullet. (Long items are not headline-shaped,
 * so the run of headlines in ./blocks.ts would not see the list.)
 */
import type { LineReading } from './block-shapes.ts';

const RELATED_LABEL =
  /^(?:相关新闻|相关阅读|相关文章|相关链接|延伸阅读|推荐阅读|热点推荐|热门推荐|热门文章|猜你喜欢|精彩推荐|更多新闻)\s*[：:]?$/;
const BULLETED = /^\s*(?:[•●▪◦·]|[-*]\s)/;

/** Marks the bulleted links under a related-reading label as the list's furniture. */
export function markRelatedLinks(readings: LineReading[]): void {
  let inBox = false;
  for (const reading of readings) {
    const printed = reading.raw.trim();
    if (printed === '') continue;
    if (RELATED_LABEL.test(printed)) {
      inBox = true;
    } else if (inBox && BULLETED.test(reading.raw)) {
      reading.furniture = 'list';
      reading.block = undefined;
    } else {
      inBox = false;
    }
  }
}
