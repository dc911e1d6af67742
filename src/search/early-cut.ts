/**
 * A query cut for the first seconds of a process, while jieba's dictionaries still load on the
 * segmenter worker (2–5 s of CPU, longer than the rest of a start). Forward maximum matching
 * against a vocabulary — the index's own: the words jieba cut from the compact fields of every
 * article (term_df in articles.db, looked up one candidate at a time, so nothing loads). A run of
 * characters no vocabulary word starts stays one word, which the full-text pass still finds as a
 * phrase of its bigrams. Once jieba is ready, queries are cut by jieba again (see ./jieba.ts).
 */

/** Longest word tried (characters); the vocabulary's words are rarely longer. */
const LONGEST_WORD = 8;

/** Runs of Chinese, and words of Latin letters and digits (as ./grams.ts reads text). */
const RUNS = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:[.'][a-z0-9]+)*/g;

/** Cuts one run of Chinese characters: the longest vocabulary word at each position. */
function cutRun(run: string, isWord: (word: string) => boolean): string[] {
  const words: string[] = [];
  let unknown = '';
  for (let at = 0; at < run.length; ) {
    let length = Math.min(LONGEST_WORD, run.length - at);
    while (length > 1 && !isWord(run.slice(at, at + length))) length--;
    if (length === 1 && !isWord(run[at])) {
      unknown += run[at];
      at++;
      continue;
    }
    if (unknown) words.push(unknown);
    unknown = '';
    words.push(run.slice(at, at + length));
    at += length;
  }
  if (unknown) words.push(unknown);
  return words;
}

/**
 * The words of a normalised query by forward maximum matching against `isWord`: Chinese runs cut
 * into the longest known words (unknown stretches kept whole), Latin and digit words as they are.
 */
export function cutByVocabulary(text: string, isWord: (word: string) => boolean): string[] {
  const words: string[] = [];
  for (const [run] of text.matchAll(RUNS)) {
    if (/^[a-z0-9]/.test(run)) words.push(run);
    else words.push(...cutRun(run, isWord));
  }
  return words;
}
