/**
 * Trend charts on the seed pages, given publication dates by their file names: the counts are the
 * index's, and the picture is a PNG of the chart's size with Chinese labels drawn.
 */
import { describe, expect, it } from 'vitest';
import { datedSeedsForSuite } from '../support/dated-seeds.ts';
import { trendTexts } from '../../src/trend/texts.ts';
import { CHART, computeTrend, pngSize, renderTrendPng, trendSpec } from '../../src/trend/trend.ts';

const seedIndex = datedSeedsForSuite();

describe('counting a trend', () => {
  it("counts a word's articles per month, empty months included, as the index does", async () => {
    const outcome = await computeTrend(seedIndex(), '发展', '2024-12-01');
    if (outcome.kind !== 'trend') throw new Error(outcome.kind);
    const { trend } = outcome;
    const hits = (await seedIndex().search('发展', { limit: 1000 })).hits.filter((h) => h.kind !== 'fragment');
    expect(trend.granularity).toBe('month');
    expect(trend.total).toBe(hits.length);
    expect(trend.bars.reduce((sum, b) => sum + b.count, 0)).toBe(hits.length);
    for (const bar of trend.bars) expect(bar.count).toBe(hits.filter((h) => h.date.startsWith(bar.period)).length);
    expect(trend.bars[0].period).toBe(
      hits
        .map((h) => h.date)
        .sort()[0]
        .slice(0, 7),
    );
    expect(trend.bars.some((b) => b.count === 0)).toBe(true); // months without articles still show
  });

  it('counts a place and the places under it, per week for a short range', async () => {
    const region = [...(await seedIndex().regionCounts()).entries()]
      .filter(([name]) => name.endsWith('市'))
      .sort((a, b) => b[1] - a[1])[0][0];
    const outcome = await computeTrend(seedIndex(), `${region} 2023-03-01..2023-03-31`, '2024-12-01');
    if (outcome.kind === 'trend') {
      expect(outcome.trend.subject).toBe(region);
      expect(outcome.trend.granularity).toBe('week');
      expect(outcome.trend.range).toMatchObject({ from: '2023-03-01', to: '2023-03-31' });
    } else {
      expect(outcome.kind).toBe('nothing');
    }
  });

  it('says so when there is nothing to plot, or nothing to count', async () => {
    expect(await computeTrend(seedIndex(), '发展 2019年', '2024-12-01')).toMatchObject({ kind: 'nothing', subject: '发展' });
    expect(await computeTrend(seedIndex(), '近一周', '2024-12-01')).toEqual({ kind: 'no-subject' });
  });
});

describe('drawing a trend', () => {
  it("renders a PNG of the chart's size, with the Chinese title in the chart", async () => {
    const outcome = await computeTrend(seedIndex(), '发展', '2024-12-01');
    if (outcome.kind !== 'trend') throw new Error(outcome.kind);
    const texts = trendTexts('zh');
    expect(JSON.stringify(trendSpec(outcome.trend, texts))).toContain('「发展」每月报道数');
    const png = await renderTrendPng(outcome.trend, texts);
    const size = pngSize(png);
    expect(size).toBeDefined();
    expect(size!.width).toBeGreaterThanOrEqual(CHART.width * CHART.scale * 0.9);
    expect(size!.height).toBeGreaterThanOrEqual(CHART.height * CHART.scale);
    expect(texts.summary(outcome.trend)).toMatch(/^「发展」.+共 \d+ 篇/);
  });
});
