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
import { type LineEnd, SegmenterClient, SegmenterWorker } from './segmenter-worker.ts';

interface NodeJieba {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  extract(text: string, top: number): { word: string; weight: number }[];
  insertWord(word: string, tag?: string): boolean;
  DEFAULT_STOP_WORD_DICT: string;
}

/** What this module asks of jieba, in this thread or on the segmenter worker. */
export type Segmenter = Pick<NodeJieba, 'cut' | 'cutForSearch' | 'extract'>;
/** One call to the segmenter worker (./segmenter-worker.ts). */
export interface SegmenterCall {
  method: 'cut' | 'cutForSearch' | 'extract';
  text: string;
  top?: number;
}

const require = createRequire(import.meta.url);
let jieba: NodeJieba | undefined;
let worker: SegmenterWorker | SegmenterClient | undefined;
let stopWords: Set<string> | undefined;
let earlyCut: ((text: string) => string[]) | undefined;

/** nodejieba in this thread, with the place names (its own dictionaries load on first use, ~1.4 s). */
export function localSegmenter(): Segmenter {
  if (!jieba) {
    jieba = require('nodejieba') as NodeJieba;
    for (const word of placeWordsForJieba()) jieba.insertWord(word, 'ns');
  }
  return jieba;
}

/**
 * Starts loading jieba's dictionaries on a worker thread (see ./segmenter-worker.ts), unless this
 * thread has them already; from then on this thread's cuts go to the worker. Called where a
 * process starts loading the index (openIndex), so that both loads overlap. On a machine with one
 * core that gains nothing: XIANGWEN_SEGMENTER=thread keeps jieba in this thread.
 */
export function startSegmenterWorker(): void {
  if (!jieba && !worker && process.env.XIANGWEN_SEGMENTER !== 'thread') worker = new SegmenterWorker();
}

/**
 * Sends this thread's cuts down `line` to a segmenter worker another thread started: the full
 * build's preparing workers share one jieba so (see ./build-workers.ts).
 */
export function useSegmenterLine(line: LineEnd): void {
  if (!jieba && !worker) worker = new SegmenterClient(line);
}

/** One call answered by a jieba in this thread. */
function runLocally(local: Segmenter, call: SegmenterCall): unknown {
  return call.method === 'extract' ? local.extract(call.text, call.top ?? 8) : local[call.method](call.text, true);
}

/**
 * Runs `calls` on the worker's jieba while it works, in one round trip (a round trip is two
 * thread hand-offs, slow on a busy machine: a page's articles go together); on this thread's if
 * the worker fails (said once on stderr).
 */
function runAll<T>(calls: SegmenterCall[]): T[] {
  if (calls.length === 0) return [];
  if (worker) {
    try {
      return worker.call<T[]>(calls);
    } catch (error) {
      process.emitWarning(`segmenter worker failed, segmenting in this thread: ${(error as Error).message.split('\n')[0]}`);
      void worker?.close();
      worker = undefined;
    }
  }
  const local = localSegmenter();
  return calls.map((call) => runLocally(local, call) as T);
}

/** jieba's stop words plus punctuation-only tokens. */
export function isStopWord(word: string): boolean {
  if (!stopWords) {
    // nodejieba's module loads its dictionaries only on the first cut: naming the file is free.
    const list = readFileSync((require('nodejieba') as NodeJieba).DEFAULT_STOP_WORD_DICT, 'utf8')
      .split('\n')
      .map((w) => w.trim())
      .filter(Boolean);
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
  return indexTokensOfEach([text])[0];
}

/** indexTokens of each of `texts`, in one call to the segmenter. */
export function indexTokensOfEach(texts: readonly string[]): string[][] {
  const normalised = texts.map(normaliseForSearch);
  // Most articles have no kicker, subtitle or authors: nothing to cut there.
  const calls = normalised.filter(Boolean).map((text): SegmenterCall => ({ method: 'cutForSearch', text }));
  const cuts = runAll<string[]>(calls);
  let next = 0;
  return normalised.map((text) => (text === '' ? [] : cuts[next++].map((t) => t.trim()).filter(meaningful)));
}

/**
 * How queries are cut while the segmenter worker still loads jieba's dictionaries (a loaded index
 * gives its vocabulary: see ./early-cut.ts); undefined: a query waits for jieba. A cut that throws
 * (its index closed) waits for jieba too. Index tokens and keywords always come from jieba.
 */
export function cutQueriesEarlyWith(cut: ((text: string) => string[]) | undefined): void {
  earlyCut = cut;
}

/** True while queries are cut early (see {@link cutQueriesEarlyWith}): a later cut of the same query may differ. */
export function cutsEarly(): boolean {
  return earlyCut !== undefined && worker !== undefined && !worker.ready;
}

/** The early cut of `text` while jieba is not ready on the worker, or undefined. */
function cutEarly(text: string): string[] | undefined {
  if (!cutsEarly() || earlyCut === undefined) return undefined;
  try {
    return earlyCut(text);
  } catch {
    return undefined;
  }
}

/** Query words: the plain cut of the normalised query, stop words and duplicates dropped. */
export function queryWords(query: string): string[] {
  return queryCut(query).words;
}

/**
 * The normalised query, every piece the segmenter cut it into (stop words, spaces and punctuation
 * included, in reading order) and the query words among them (see {@link queryWords}).
 */
export function queryCut(query: string): { text: string; pieces: string[]; words: string[] } {
  const text = normaliseForSearch(query);
  const pieces = cutEarly(text) ?? runAll<string[]>([{ method: 'cut', text }])[0];
  return { text, pieces, words: [...new Set(pieces.map((t) => t.trim()).filter(meaningful))] };
}

/** Resolves once jieba answers without waiting for its dictionaries (at once without a worker). */
export function segmenterReady(): Promise<void> {
  return worker?.whenReady() ?? Promise.resolve();
}

/** Top keywords of a text by jieba's TF-IDF, without numbers and single characters. */
export function keywordsOf(text: string, top = 8): string[] {
  return keywordsOfEach([text], top)[0];
}

/** keywordsOf each of `texts`, in one call to the segmenter. */
export function keywordsOfEach(texts: readonly string[], top = 8): string[][] {
  const found = runAll<{ word: string }[]>(texts.map((text): SegmenterCall => ({ method: 'extract', text, top: top * 2 })));
  return found.map((keywords) =>
    keywords
      .map((k) => k.word)
      .filter((w) => [...w].length > 1 && !/^[\d.%]+$/.test(w) && meaningful(w))
      .slice(0, top),
  );
}
