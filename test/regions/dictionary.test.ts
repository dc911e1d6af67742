/**
 * The place words for jieba's user dictionary, and the lexicon (jieba's own dictionary) that
 * decides which short names are everyday words.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { placeWordsForJieba } from '../../src/regions/dictionary.ts';
import { placeTerms } from '../../src/regions/place-terms.ts';

describe('which short names are everyday words', () => {
  const { lexicon, terms } = placeTerms();
  const strength = (text: string) => terms.find((t) => t.text === text)?.strength;

  it('marks short names that jieba counts often as another kind of word', () => {
    for (const word of ['中方', '会同', '通道', '凤凰']) {
      expect(lexicon.isCommonWord(word)).toBe(true);
      expect(strength(word)).toBe('weak');
    }
  });

  it('leaves rarely written or place-only short names plain', () => {
    // 常德 and 张家界 are tagged as person names by jieba: a name tag needs a far higher count.
    for (const word of ['桂东', '邵东', '天心', '长沙', '常德', '张家界']) {
      expect(lexicon.isCommonWord(word)).toBe(false);
      expect(strength(word)).toBe('plain');
    }
  });

  it('matches official names and autonomous forms with full trust', () => {
    expect(strength('邵东市')).toBe('strong');
    expect(strength('湘西州')).toBe('strong');
    expect(strength('江华县')).toBe('strong');
  });
});

describe('place words for jieba', () => {
  const words = placeWordsForJieba();

  it('holds official names, autonomous forms and safe short names in simplified characters', () => {
    expect(words).toEqual(expect.arrayContaining(['邵东市', '湘西州', '桂东县', '资福镇', '邵东', '桂东']));
    expect(words).not.toContain('邵陽');
    expect(words).not.toContain('中方');
    expect(new Set(words).size).toBe(words.length);
  });

  it('keeps place names whole in jieba once added', () => {
    const jieba = createRequire(import.meta.url)('nodejieba') as {
      insertWord(w: string, tag?: string): boolean;
      cut(t: string, hmm?: boolean): string[];
    };
    for (const word of words) jieba.insertWord(word, 'ns');
    expect(jieba.cut('邵东市加力推进高质量发展', true)).toContain('邵东市');
    expect(jieba.cut('湘西州开展禁毒宣传', true)).toContain('湘西州');
    expect(jieba.cut('桂东县着力建设平安县城', true)).toContain('桂东县');
    // A safe short name does not break everyday words apart.
    expect(jieba.cut('公司股东安排会议', true)).toEqual(expect.arrayContaining(['股东', '安排']));
  });
});
