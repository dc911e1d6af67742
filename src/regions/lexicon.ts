/**
 * What general Chinese vocabulary says about the gazetteer's aliases, read from jieba's own
 * dictionary (shipped with nodejieba: about 350 000 words with a frequency and a part-of-speech
 * tag). Two questions, both answered from data rather than from a hand list of places:
 * - is a short alias also a common word? (中方 "the Chinese side", 通道 "passage", 凤凰 "phoenix");
 * - which longer words contain an alias? (长沙人 is a person, not a mention of the place).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A dictionary word with jieba's frequency and part-of-speech tag (ns = place name). */
export interface LexiconEntry {
  word: string;
  frequency: number;
  tag: string;
}

/**
 * A word jieba has seen this often is part of everyday vocabulary. In jieba's counts real but
 * rarely written place names (桂东 22, 邵阳 55, 天心 87) stay below it, while words such as
 * 中方 (1408), 会同 (859), 洞口 (736) or 芙蓉 (755) are far above.
 */
export const COMMON_WORD_FREQUENCY = 100;

/**
 * The same bar for words jieba tags as a name (nr…, nz). Its name tags are noisy — 常德 (655),
 * 张家界 (193) and 娄底 are tagged as person names — so only a very frequent one (凤凰, 1348) is
 * taken for an everyday word.
 */
export const COMMON_NAME_FREQUENCY = 1000;

/**
 * A longer word containing an alias must be seen this often to hide it: jieba's list holds
 * one-off entries such as 和沅江 (3) that would otherwise swallow real mentions.
 */
export const MIN_COMPOUND_FREQUENCY = 10;

/** The longest dictionary word kept as a compound: longer ones are phrases, not words. */
const MAX_COMPOUND_LENGTH = 6;

/**
 * Names whose edges the matcher checks against dictionary words: `both` (short names: 城步 in
 * 雁城步行街) at both edges, `left` (villages: 岭茶村 in 云岭茶村) at the left one only.
 */
export interface EdgeNames {
  both?: Iterable<string>;
  left?: Iterable<string>;
}

/** Path of jieba's main dictionary inside the installed nodejieba package. */
export function jiebaDictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
}

/**
 * The dictionary entries relevant to a set of aliases (the aliases themselves and the words
 * containing one) and the everyday two-character words.
 */
export class Lexicon {
  private readonly entries = new Map<string, LexiconEntry>();
  private readonly compoundMap = new Map<string, { word: string; offset: number }[]>();
  private readonly commonPairs = new Set<string>();
  private readonly placePairs = new Set<string>();
  /** Two-character words (any frequency) ending in a character that opens an alias: 雁城 before 城步. */
  private readonly leftEdgeWords = new Set<string>();
  /** Words of two or three characters seen {@link MIN_COMPOUND_FREQUENCY} times or more, opening with a character that closes an alias: 步行, 步道 after 城步. */
  private readonly rightEdgeWords = new Set<string>();

  /**
   * Reads the dictionary text (one `word frequency tag` per line) and keeps the entries of
   * `aliases` and of the longer words that contain one of them; and the words that may run into
   * the names of `edges` (see {@link cutsWords}, {@link joinsLeft}).
   */
  constructor(dictionaryText: string, aliases: Iterable<string>, edges: EdgeNames = {}) {
    const byFirstChar = new Map<string, string[]>();
    const both = [...(edges.both ?? [])];
    const firstChars = new Set([...both, ...(edges.left ?? [])].map((name) => name[0]));
    const lastChars = new Set(both.map((name) => name[name.length - 1]));
    for (const alias of aliases) {
      const first = alias[0];
      const list = byFirstChar.get(first) ?? [];
      if (!list.includes(alias)) list.push(alias);
      byFirstChar.set(first, list);
    }
    for (const line of dictionaryText.split('\n')) {
      const space = line.indexOf(' ');
      if (space < 2) continue;
      const word = line.slice(0, space);
      if (word.length > MAX_COMPOUND_LENGTH) continue;
      if (word.length === 2 && Number(line.slice(space + 1, line.indexOf(' ', space + 1))) >= COMMON_WORD_FREQUENCY) {
        this.commonPairs.add(word);
        if (line.trimEnd().endsWith(' ns')) this.placePairs.add(word);
      }
      this.noteEdgeWord(word, line.slice(space + 1), firstChars, lastChars);
      let found = false;
      for (let i = 0; i < word.length; i++) {
        for (const alias of byFirstChar.get(word[i]) ?? []) {
          if (!word.startsWith(alias, i)) continue;
          if (!found) {
            const [, frequency, tag] = line.trim().split(' ');
            this.entries.set(word, { word, frequency: Number(frequency) || 0, tag: tag ?? '' });
            found = true;
          }
          if (word !== alias) {
            const list = this.compoundMap.get(alias) ?? [];
            list.push({ word, offset: i });
            this.compoundMap.set(alias, list);
          }
        }
      }
    }
  }

  private noteEdgeWord(word: string, rest: string, firstChars: Set<string>, lastChars: Set<string>): void {
    if (word.length === 2 && firstChars.has(word[1])) this.leftEdgeWords.add(word);
    if ((word.length === 2 || word.length === 3) && lastChars.has(word[0]) && Number.parseInt(rest, 10) >= MIN_COMPOUND_FREQUENCY)
      this.rightEdgeWords.add(word);
  }

  /**
   * True when a name at [start, end) of `text` runs into dictionary words: its last character and
   * the two after it are a word (莲城步行街: 步行街), or it cuts a word at both edges — the character
   * before it and its first character are a word (雁城, even a rare one) and its last character
   * opens a word with what follows (步行, 步道). Neither `雁城步行街` nor `莲城步行街` holds 城步.
   */
  cutsWords(text: string, start: number, end: number): boolean {
    if (end >= text.length) return false;
    if (this.rightEdgeWords.has(text.slice(end - 1, end + 2))) return true;
    return this.joinsLeft(text, start) && this.rightEdgeWords.has(text.slice(end - 1, end + 1));
  }

  /** True when the character before `start` and the one at it are a dictionary word (云岭 before 岭茶村). */
  joinsLeft(text: string, start: number): boolean {
    return start > 0 && this.leftEdgeWords.has(text.slice(start - 1, start + 1));
  }

  /** jieba's entry for the word, if it has one. */
  entry(word: string): LexiconEntry | undefined {
    return this.entries.get(word);
  }

  /**
   * True when the word is everyday vocabulary: jieba knows it as something other than a place
   * name (tag `ns`) and has counted it at least {@link COMMON_WORD_FREQUENCY} times (at least
   * {@link COMMON_NAME_FREQUENCY} times when it tags it as a name).
   */
  isCommonWord(word: string): boolean {
    const e = this.entries.get(word);
    if (e === undefined || e.tag === 'ns') return false;
    const isName = e.tag.startsWith('nr') || e.tag === 'nz';
    return e.frequency >= (isName ? COMMON_NAME_FREQUENCY : COMMON_WORD_FREQUENCY);
  }

  /**
   * True when the two characters form an everyday two-character word (股东, 安排, 乡村): a match
   * whose edge splits such a word is probably not a place name.
   */
  isCommonPair(pair: string): boolean {
    return this.commonPairs.has(pair);
  }

  /** True when the two characters are a frequent word that jieba tags as a place name (江西, 福建, 四川). */
  isPlacePair(pair: string): boolean {
    return this.placePairs.has(pair);
  }

  /** The dictionary words that contain `alias`, with the alias's offset inside each. */
  compounds(alias: string): readonly { word: string; offset: number }[] {
    return this.compoundMap.get(alias) ?? [];
  }

  /**
   * The longer words in which `alias` is not a place mention: everyday words and names seen at
   * least {@link MIN_COMPOUND_FREQUENCY} times (长沙人, 世外桃源, 雨花台), and place names that
   * start before it (天津市 holds 津市). A place name that starts with the alias (长沙地区) is
   * the place itself.
   */
  hidingCompounds(alias: string): { word: string; offset: number }[] {
    return this.compounds(alias).filter(({ word, offset }) => {
      const e = this.entries.get(word);
      if (!e) return false;
      return e.tag === 'ns' ? offset > 0 : e.frequency >= MIN_COMPOUND_FREQUENCY;
    });
  }
}

/** A lexicon for these aliases built from the installed jieba dictionary. */
export function loadLexicon(aliases: Iterable<string>, edges: EdgeNames = {}): Lexicon {
  return new Lexicon(readFileSync(jiebaDictionaryPath(), 'utf8'), aliases, edges);
}
