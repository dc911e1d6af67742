/**
 * Bilingual photo pages (a tourist city's e-paper): the headline, its English translation and the
 * caption printed on one line (`某某景区春游热 Spring outing is popular … ▲春暖花开时节，…`). The line
 * is read as two blocks: the headline, then the text; the English title is dropped.
 */
import { type LineReading, startsMidSentence } from './block-shapes.ts';
import { headingShaped } from './headline-forms.ts';

/** Chinese headline, a space, an English title of three words or more, a space, then Chinese text. */
const HEADLINE_ENGLISH_TEXT =
  /^([^\sA-Za-z][^A-Za-z]{3,34}?)\s+([A-Z][A-Za-z0-9'’,.:;&-]*(?:\s+[A-Za-z0-9'’,.:;&-]+){2,24})\s+([▲△▶►]?\s*[\u4e00-\u9fa5“].{20,})$/;

/** Splits every text line that prints a headline with its English title before the text. */
export function splitBilingualHeadlines(readings: LineReading[]): LineReading[] {
  return readings.flatMap((reading) => {
    const block = reading.block;
    const parts = block?.shape === 'text' ? HEADLINE_ENGLISH_TEXT.exec(block.text) : null;
    // (A sentence quoting an English name is not this: its Chinese part has a clause break, or what
    // follows the English runs on from it: `…名为 Spring Festival 的活动`.)
    if (!block || !parts || /[，,。；]/.test(parts[1]) || !headingShaped(parts[1].trim())) return [reading];
    const text = parts[3].replace(/^[▲△▶►]\s*/, '');
    if (startsMidSentence(text)) return [reading];
    return [
      { ...reading, block: { ...block, shape: 'short', text: parts[1].trim(), bilingual: true } },
      { ...reading, block: { ...block, shape: 'text', text } },
    ];
  });
}
