/**
 * The query cut of a start's first seconds (before jieba's dictionaries are loaded): forward
 * maximum matching against the index's vocabulary. Vocabulary and queries are invented.
 */
import { describe, expect, it } from 'vitest';
import { cutByVocabulary } from '../../src/search/early-cut.ts';

const vocabulary = new Set(['青石', '青石镇', '茶园', '茶', '园区', '改造', '工程', '旧城']);
const isWord = (word: string) => vocabulary.has(word);

describe('the early query cut', () => {
  it('takes the longest known word at each position', () => {
    expect(cutByVocabulary('青石镇茶园改造', isWord)).toEqual(['青石镇', '茶园', '改造']);
  });

  it('keeps a stretch no known word starts as one word, found as a phrase of its bigrams', () => {
    expect(cutByVocabulary('旧城微更新工程', isWord)).toEqual(['旧城', '微更新', '工程']);
  });

  it('keeps Latin and digit words whole and drops spaces and punctuation', () => {
    expect(cutByVocabulary('5g 青石，app！', isWord)).toEqual(['5g', '青石', 'app']);
  });

  it('knows one-character words only when the vocabulary has them', () => {
    expect(cutByVocabulary('茶 园', isWord)).toEqual(['茶', '园']);
  });
});
