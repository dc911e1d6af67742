/**
 * The recall net beside jieba: overlapping character bigrams of every run of Chinese text (and
 * whole words of Latin letters and digits). Whatever jieba does with a sentence, a query word is
 * found as the phrase of its bigrams, so 电商 finds 跨境电商 and 营商 finds 营商环境.
 */

const RUNS = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:[.'][a-z0-9]+)*/g;

/** Bigram tokens of a (normalised) text, space-separated, in reading order. */
export function gramsOf(text: string): string[] {
  const grams: string[] = [];
  for (const [run] of text.matchAll(RUNS)) {
    if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(run[0])) {
      grams.push(run);
    } else if (run.length === 1) {
      grams.push(run);
    } else {
      for (let i = 0; i + 1 < run.length; i++) grams.push(run.slice(i, i + 2));
    }
  }
  return grams;
}

/**
 * An FTS5 query expression that matches `term` as a phrase of bigrams. A single Chinese character
 * matches any bigram starting with it (prefix query), since single characters are not indexed.
 */
export function gramPhrase(term: string): string | undefined {
  const grams = gramsOf(term);
  if (grams.length === 0) return undefined;
  const quoted = `"${grams.join(' ').replace(/"/g, '')}"`;
  return grams.length === 1 && [...grams[0]].length === 1 && /[\u3400-\u9fff]/.test(grams[0]) ? `${quoted}*` : quoted;
}

/** An FTS5 expression matching any of `texts`, each as {@link gramPhrase} reads it. */
export function anyGramPhrase(texts: readonly string[]): string | undefined {
  const phrases = texts.flatMap((text) => gramPhrase(text) ?? []);
  if (phrases.length <= 1) return phrases[0];
  return `(${phrases.join(' OR ')})`;
}
