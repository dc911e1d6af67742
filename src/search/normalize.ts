/**
 * Text normalisation shared by indexing and querying, so both sides see the same characters:
 * traditional → simplified Chinese (the gazetteer's opencc-js converter), full-width → half-width
 * (NFKC), lower case.
 */
import { toSimplified } from '../regions/aliases.ts';

/** The form in which text is indexed and queried. */
export function normaliseForSearch(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}
