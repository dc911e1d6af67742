/**
 * Synthetic corpora for the benchmark: articles of about 3 KB made from the seed pages' sentences,
 * each about one of Hunan's counties (named in its headline and opening), on dates spread over
 * the two years before the newest one. Deterministic for a given size (seeded random numbers).
 */
import { readFileSync } from 'node:fs';
import type { Article } from '../src/pages/article.ts';
import { readPages } from '../src/pages/read.ts';
import { sentencesOf } from '../src/pages/summary.ts';
import { splitPage } from '../src/pages/split.ts';

/** Small deterministic PRNG (mulberry32), so runs are comparable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticSource {
  sentences: string[];
  titles: string[];
  places: string[];
}

/** Sentences and headlines of the seed pages, and county names from the gazetteer extract. */
export function syntheticSource(pagesDir = 'seeds'): SyntheticSource {
  const articles = readPages(pagesDir).flatMap((page) => splitPage(page.text));
  const sentences = articles.flatMap((a) => a.body.flatMap(sentencesOf)).filter((s) => s.length >= 12);
  const titles = articles.filter((a) => a.kind !== 'fragment').map((a) => a.title.replace(/^[^：:]{2,8}[：:]/, ''));
  const extract = JSON.parse(readFileSync(new URL('../src/regions/hunan.json', import.meta.url), 'utf8')) as {
    regions: { name: string; level: string }[];
  };
  const places = extract.regions.filter((r) => r.level === 'county').map((r) => r.name);
  return { sentences, titles, places };
}

/** The article text parts of one synthetic article (regions, summary, keywords filled in later). */
export interface SyntheticArticle {
  title: string;
  body: string[];
  date: string;
  file: string;
}

/** `count` synthetic articles, about `bytes` UTF-8 bytes of body each. */
export function* syntheticArticles(count: number, source: SyntheticSource, bytes = 3000): Generator<SyntheticArticle> {
  const next = random(count);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const newest = Date.UTC(2024, 11, 31);
  for (let i = 0; i < count; i++) {
    const place = pick(source.places);
    const short = place.length > 2 ? place.replace(/(市|县|区)$/, '') : place;
    const body: string[] = [];
    let size = 0;
    let paragraph = `${place}${pick(source.sentences)}`;
    while (size < bytes) {
      const sentence = pick(source.sentences);
      paragraph += sentence;
      size += Buffer.byteLength(sentence);
      if (paragraph.length > 150 || size >= bytes) {
        body.push(paragraph);
        paragraph = '';
      }
    }
    const day = Math.floor((i / count) * 730);
    const date = new Date(newest - (730 - day) * 86_400_000).toISOString().slice(0, 10);
    yield { title: `${short}：${pick(source.titles)}`, body, date, file: `${date}_synthetic_${Math.floor(i / 8)}.txt` };
  }
}

export type { Article };
