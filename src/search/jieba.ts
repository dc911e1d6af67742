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
import { SegmenterWorker } from './segmenter-worker.ts';

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
let worker: SegmenterWorker | undefined;
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

/** The worker's jieba while it works; this thread's if the worker fails (said once on stderr). */
const remote: Segmenter = {
  cut: (text) => callWorker({ method: 'cut', text }),
  cutForSearch: (text) => callWorker({ method: 'cutForSearch', text }),
  extract: (text, top) => callWorker({ method: 'extract', text, top }),
};

function callWorker<T>(call: SegmenterCall): T {
  try {
    return (worker as SegmenterWorker).call<T>(call);
  } catch (error) {
    process.emitWarning(`segmenter worker failed, segmenting in this thread: ${(error as Error).message.split('\n')[0]}`);
    void worker?.close();
    worker = undefined;
    const local = localSegmenter();
    return (call.method === 'extract' ? local.extract(call.text, call.top ?? 8) : local[call.method](call.text, true)) as T;
  }
}

function segmenter(): Segmenter {
  return worker ? remote : localSegmenter();
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
  return segmenter()
    .cutForSearch(normaliseForSearch(text), true)
    .map((t) => t.trim())
    .filter(meaningful);
}

/**
 * How queries are cut while the segmenter worker still loads jieba's dictionaries (a loaded index
 * gives its vocabulary: see ./early-cut.ts); undefined: a query waits for jieba. A cut that throws
 * (its index closed) waits for jieba too. Index tokens and keywords always come from jieba.
 */
export function cutQueriesEarlyWith(cut: ((text: string) => string[]) | undefined): void {
  earlyCut = cut;
}

/** The early cut of `text` while jieba is not ready on the worker, or undefined. */
function cutEarly(text: string): string[] | undefined {
  if (earlyCut === undefined || worker === undefined || worker.ready) return undefined;
  try {
    return earlyCut(text);
  } catch {
    return undefined;
  }
}

/** Query words: the plain cut of the normalised query, stop words and duplicates dropped. */
export function queryWords(query: string): string[] {
  const text = normaliseForSearch(query);
  const words = (cutEarly(text) ?? segmenter().cut(text, true)).map((t) => t.trim()).filter(meaningful);
  return [...new Set(words)];
}

/** Resolves once jieba answers without waiting for its dictionaries (at once without a worker). */
export function segmenterReady(): Promise<void> {
  return worker?.whenReady() ?? Promise.resolve();
}

/** Top keywords of a text by jieba's TF-IDF, without numbers and single characters. */
export function keywordsOf(text: string, top = 8): string[] {
  return segmenter()
    .extract(text, top * 2)
    .map((k) => k.word)
    .filter((w) => [...w].length > 1 && !/^[\d.%]+$/.test(w) && meaningful(w))
    .slice(0, top);
}
