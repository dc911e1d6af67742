/**
 * Text normalisation shared by indexing and querying, so both sides see the same characters:
 * traditional → simplified Chinese (opencc-js), full-width → half-width (NFKC), lower case.
 */
import * as OpenCC from 'opencc-js';

let converter: ((text: string) => string) | undefined;

/** Traditional (Taiwan, Hong Kong or OpenCC standard) characters → simplified (mainland). */
export function toSimplified(text: string): string {
  if (!converter) converter = OpenCC.Converter({ from: 'hk', to: 'cn' }) as (text: string) => string;
  return converter(text);
}

/** The form in which text is indexed and queried. */
export function normaliseForSearch(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}
