/**
 * Place names for jieba's user dictionary, so segmentation keeps them whole (邵东市, 湘西州,
 * 桂东县, 资福镇) and a search for a place finds the same token the index holds.
 */
import { toSimplified } from './aliases.ts';
import { placeTerms } from './place-terms.ts';

/**
 * The words to add with `nodejieba.insertWord(word, 'ns')`: every official name (towns included:
 * with their suffix they are unmistakable), the autonomous forms (湘西州, 江华县), and the short
 * names that are not everyday words (邵东, 桂东, 天心 — but not 中方 or 通道: promoting a common
 * word to a place name would change how ordinary sentences are cut). Simplified characters only,
 * because text is converted to simplified before it is segmented. One-character names never
 * appear (the alias rules make none).
 */
export function placeWordsForJieba(): string[] {
  const { terms, gazetteer } = placeTerms();
  const words = new Set<string>();
  for (const region of gazetteer.all()) words.add(region.name);
  for (const term of terms) {
    // Villages are tagging evidence only: thousands of rare names would change how search cuts text.
    if (term.strength === 'weak' || term.village) continue;
    if (toSimplified(term.text) === term.text) words.add(term.text);
  }
  return [...words];
}
