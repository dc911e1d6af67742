/**
 * The hand-labelled seed articles (test/fixtures/seed-articles.json) paired with what the
 * splitter makes of the same page: one entry per label, with the split article whose headline
 * matches it (ignoring white space), or undefined when the splitter did not recover it.
 */
import { type LabelledPair, scorePages } from './labelled-pages.ts';

export type { LabelledArticle, LabelledPair } from './labelled-pages.ts';

/** Every labelled seed article with its split counterpart (fragments are never counterparts). */
export function labelledSeedPairs(): LabelledPair[] {
  return scorePages('test/fixtures/seed-articles.json', 'seeds').pairs;
}
