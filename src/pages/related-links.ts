/**
 * A related-reading box under the text (`推荐阅读`, `【相关阅读】`, `猜你喜欢` …): every bulleted line
 * under the box's label (`- 标题`, `• 标题`) is a link of the box, however long its headline, until a
 * line without a bullet. (Long items are not headline-shaped, so the run of headlines in
 * ./blocks.ts would not see the list.) Unbulleted headlines under the label are its links too when
 * nothing but furniture (`上一篇：…`, a footer) or the page's end follows them: over text, an
 * author line or article data, the last of them may be the next article's headline.
 */
import type { LineReading } from './block-shapes.ts';

const RELATED_LABEL =
  /^[【[]?(?:相关新闻|相关阅读|相关文章|相关链接|相关报道|延伸阅读|推荐阅读|热点推荐|热门推荐|热门文章|猜你喜欢|精彩推荐|更多新闻)[】\]]?\s*[：:]?$/;
const BULLETED = /^\s*(?:[•●▪◦·]|[-*]\s)/;

const asList = (reading: LineReading) => {
  reading.furniture = 'list';
  reading.block = undefined;
};

/** Marks the links under a related-reading label as the list's furniture. */
export function markRelatedLinks(readings: LineReading[]): void {
  let inBox = false;
  let unbulleted: LineReading[] = [];
  const close = (endsInFurniture: boolean) => {
    if (endsInFurniture) unbulleted.forEach(asList);
    unbulleted = [];
    inBox = false;
  };
  for (const reading of readings) {
    const printed = reading.raw.trim();
    if (printed === '') continue;
    if (RELATED_LABEL.test(printed)) {
      close(false);
      inBox = true;
    } else if (inBox && BULLETED.test(reading.raw)) {
      asList(reading);
    } else if (inBox && reading.block?.shape === 'short' && !/[。！？]$/.test(printed)) {
      unbulleted.push(reading);
    } else {
      close(inBox && unbulleted.length > 0 && reading.block === undefined && reading.furniture !== 'article data');
    }
  }
  close(inBox && unbulleted.length > 0);
}
