/**
 * Chinese word segmentation with nodejieba. HMM is always on (nodejieba's `cut` leaves it off by
 * default and then splits names such as 张福芳 into single characters); Hunan place names are added
 * to the dictionary so they stay whole. Indexing uses the search-mode cut (a long word and its
 * parts), queries the plain cut, both on normalised text.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { placeWordsForJieba } from '../regions/dictionary.ts';
import { normaliseForSearch } from './normalize.ts';

interface NodeJieba {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  extract(text: string, top: number): { word: string; weight: number }[];
  insertWord(word: string, tag?: string): boolean;
  DEFAULT_STOP_WORD_DICT: string;
}

const require = createRequire(import.meta.url);
let jieba: NodeJieba | undefined;
let stopWords: Set<string> | undefined;

/** nodejieba with the place names loaded (its own dictionaries load lazily, ~1.4 s, once). */
function segmenter(): NodeJieba {
  if (!jieba) {
    jieba = require('nodejieba') as NodeJieba;
    for (const word of placeWordsForJieba()) jieba.insertWord(word, 'ns');
  }
  return jieba;
}

/** jieba's stop words plus punctuation-only tokens. */
export function isStopWord(word: string): boolean {
  if (!stopWords) {
    const list = readFileSync(segmenter().DEFAULT_STOP_WORD_DICT, 'utf8').split('\n').map((w) => w.trim()).filter(Boolean);
    stopWords = new Set(list);
  }
  return stopWords.has(word);
}

/** A token worth indexing or searching: has a letter, digit or Chinese character, not a stop word. */
function meaningful(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token) && !isStopWord(token);
}

/** Tokens for the index: search-mode cut of the normalised text, stop words dropped. */
export function indexTokens(text: string): string[] {
  return segmenter().cutForSearch(normaliseForSearch(text), true).map((t) => t.trim()).filter(meaningful);
}

/** Query words: the plain cut of the normalised query, stop words and duplicates dropped. */
export function queryWords(query: string): string[] {
  const words = segmenter().cut(normaliseForSearch(query), true).map((t) => t.trim()).filter(meaningful);
  return [...new Set(words)];
}

/** Top keywords of a text by jieba's TF-IDF, without numbers and single characters. */
export function keywordsOf(text: string, top = 8): string[] {
  return segmenter()
    .extract(text, top * 2)
    .map((k) => k.word)
    .filter((w) => [...w].length > 1 && !/^[\d.%]+$/.test(w) && meaningful(w))
    .slice(0, top);
}
