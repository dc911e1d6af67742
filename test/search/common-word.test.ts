/**
 * The common-word bound (README, Query cost round) holds on both engines alike: a word whose
 * newest 50 matches are a fifth or more of the articles published since the oldest of them is not
 * ranked by the full text, so its matches rank by the compact fields, places and date on SQLite
 * and PostgreSQL alike, while a rare word's still rank by the full text. Without PostgreSQL the
 * suite runs on SQLite alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineName, type EngineUnderTest, openEngine } from '../support/engines.ts';
import { inventedPage } from '../support/invented-pages.ts';
import { postgresAvailable } from '../support/postgres.ts';

const DAY = 86_400_000;
const PLACES = ['汝城县', '桂东县', '宁乡市', '双牌县', '祁阳市'];

/**
 * 70 daily pages after the seeds, one article each; every one says 巡河 one to five times (the
 * common word), and every seventh also says 萤火虫 a varying number of times (a rare word).
 */
function dailyPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (let i = 0; i < 70; i++) {
    const date = new Date(Date.UTC(2024, 8, 1) + i * DAY).toISOString().slice(0, 10);
    const often = '巡河'.repeat(1 + (i % 5));
    const rare = i % 7 === 0 ? `夜里能见到萤火虫。${'萤火虫'.repeat(1 + (i % 3))}` : '';
    pages[`${date}_river.txt`] = inventedPage([[`第${i}号河段整治进展`, PLACES[i % PLACES.length], `志愿者${often}，${rare}清理垃圾。`]]);
  }
  return pages;
}

const engines: EngineName[] = postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite'];
const opened = new Map<EngineName, EngineUnderTest>();

beforeAll(async () => {
  for (const name of engines) opened.set(name, await openEngine(name, dailyPages(), Date.UTC(2024, 11, 1)));
});
afterAll(async () => {
  for (const engine of opened.values()) await engine.close();
});

describe('a common word', () => {
  it.each(engines)('ranks its matches on %s without the full text: newest first among equals', async (name) => {
    const { hits } = await opened.get(name)!.index.search('巡河', { limit: 30 });
    expect(hits).toHaveLength(30);
    // Every match is alike in its compact fields, so the newest come first whatever the word's count.
    expect(hits.map((hit) => hit.date)).toEqual([...hits.map((hit) => hit.date)].sort().reverse());
  });

  it.each(engines)('leaves a rare word ranked by the full text on %s', async (name) => {
    const { hits } = await opened.get(name)!.index.search('萤火虫', { limit: 30 });
    expect(hits).toHaveLength(10);
    expect(new Set(hits.map((hit) => hit.score)).size, 'scores differ with the word count').toBeGreaterThan(1);
  });
});
