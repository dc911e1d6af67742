/**
 * Trends: how many articles match a word or a place, per month (per week for ranges under three
 * months), with the places they are about most. Counted from the index, drawn server-side with
 * Vega-Lite (SVG) and resvg (PNG), labels in a Chinese font that ships in an npm package, so a clean
 * machine renders them after `npm install`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { regionWithDescendants, resolveRegion } from '../regions/lookup.ts';
import type { ArticleIndex, SearchHit } from '../search/engine.ts';
import { type DateRange, parseQuery } from '../search/query-parse.ts';

/** Matches counted at most: the search's own bound on a very common word. */
export const TREND_MATCH_MAX = 1000;
/** A range shorter than this many days is drawn per week. */
const WEEKLY_BELOW_DAYS = 92;
/** At most this many bars; a longer span is drawn per year. */
const MAX_BARS = 48;
/** Places listed beside the chart. */
const TOP_PLACES = 5;
/** Chart size in CSS pixels (the PNG is rendered at 2× for phone screens). */
export const CHART = { width: 560, height: 260, scale: 2 } as const;

export interface TrendBar {
  /** `2024-03` (month), `2024-03-11` (week starting Monday) or `2024` (year). */
  period: string;
  count: number;
}

export interface Trend {
  /** What was counted, as the reader will read it back: `营商环境`, `邵阳市`. */
  subject: string;
  range: { from: string; to: string; label?: string };
  granularity: 'month' | 'week' | 'year';
  bars: TrendBar[];
  total: number;
  /** True when a very common word reached {@link TREND_MATCH_MAX}: the bars count the newest matches. */
  capped: boolean;
  places: { name: string; count: number }[];
}

export type TrendOutcome =
  | { kind: 'trend'; trend: Trend }
  | { kind: 'nothing'; subject: string; range?: DateRange }
  | { kind: 'no-subject' }
  | { kind: 'bad-range'; word: string };

const pad = (n: number) => String(n).padStart(2, '0');

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The Monday on or before `date`. */
function weekOf(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7));
  return t.toISOString().slice(0, 10);
}

function periodOf(date: string, granularity: Trend['granularity']): string {
  return granularity === 'year' ? date.slice(0, 4) : granularity === 'month' ? date.slice(0, 7) : weekOf(date);
}

/** Every period from `from` to `to`, so that empty months show as empty bars. */
function periods(from: string, to: string, granularity: Trend['granularity']): string[] {
  const out: string[] = [];
  if (granularity === 'year') for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(String(y));
  else if (granularity === 'month') {
    let [y, m] = from.split('-').map(Number);
    const last = to.slice(0, 7);
    for (let p = `${y}-${pad(m)}`; p <= last; p = `${y}-${pad(m)}`) {
      out.push(p);
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    }
  } else {
    const t = new Date(`${weekOf(from)}T00:00:00Z`);
    for (let p = t.toISOString().slice(0, 10); p <= to; t.setUTCDate(t.getUTCDate() + 7), p = t.toISOString().slice(0, 10)) out.push(p);
  }
  return out;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * Counts the articles of a query (`营商环境`, `邵阳`, `邵阳 营商环境 2023年`) per period. A query
 * that is only a place counts the place's articles (and those of the places under it); anything
 * else is a search, with its time range, phrases and exclusions.
 */
export async function computeTrend(index: ArticleIndex, query: string, today: string): Promise<TrendOutcome> {
  const parsed = parseQuery(query, today);
  if (parsed.badRange) return { kind: 'bad-range', word: parsed.badRange };
  const window = { ...(parsed.range ? { from: parsed.range.from, to: parsed.range.to } : {}) };
  let subject = [parsed.text, ...parsed.phrases.map((p) => `“${p}”`)].filter(Boolean).join(' ');
  if (!subject) return { kind: 'no-subject' };
  let hits: SearchHit[];
  let capped = false;
  const place = parsed.phrases.length === 0 && !parsed.text.includes(' ') ? resolveRegion(parsed.text).region : null;
  if (place && place.level !== 'town') {
    subject = place.name;
    const covered = place.level === 'province' ? undefined : regionWithDescendants(place.name);
    hits = (await index.latest({ ...window, ...(covered ? { regions: covered } : {}), limit: TREND_MATCH_MAX })).hits;
    capped = hits.length >= TREND_MATCH_MAX;
  } else {
    const result = await index.search(parsed.text, { ...window, phrases: parsed.phrases, exclude: parsed.exclude, limit: TREND_MATCH_MAX });
    if (result.noKeywords) return { kind: 'no-subject' };
    hits = result.hits.filter((h) => h.kind !== 'fragment');
    capped = result.capped || result.total > hits.length;
  }
  if (hits.length === 0) return { kind: 'nothing', subject, ...(parsed.range ? { range: parsed.range } : {}) };

  const dates = hits.map((h) => h.date).sort();
  const from = parsed.range?.from ?? dates[0];
  const to = parsed.range?.to ?? dates[dates.length - 1];
  const granularity: Trend['granularity'] =
    daysBetween(from, to) < WEEKLY_BELOW_DAYS ? 'week' : monthsBetween(from, to) > MAX_BARS ? 'year' : 'month';
  const counts = new Map(periods(from, to, granularity).map((p) => [p, 0]));
  for (const date of dates) {
    const period = periodOf(date, granularity);
    if (counts.has(period)) counts.set(period, (counts.get(period) ?? 0) + 1);
  }
  const byPlace = new Map<string, number>();
  for (const hit of hits) {
    // The most specific place of each article; a place trend lists the places under it.
    const name = hit.regions.find((r) => r !== subject) ?? hit.regions[0];
    if (name) byPlace.set(name, (byPlace.get(name) ?? 0) + 1);
  }
  const places = [...byPlace.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
    .slice(0, TOP_PLACES)
    .map(([name, count]) => ({ name, count }));
  return {
    kind: 'trend',
    trend: {
      subject,
      range: { from, to, ...(parsed.range ? { label: parsed.range.label } : {}) },
      granularity,
      bars: [...counts.entries()].map(([period, count]) => ({ period, count })),
      total: hits.length,
      capped,
      places,
    },
  };
}

/** The words on a chart, in the reader's language. */
export interface ChartTexts {
  title: (subject: string, granularity: Trend['granularity']) => string;
  period: Record<Trend['granularity'], string>;
  count: string;
  places: string;
}

const require = createRequire(import.meta.url);
/** Noto Sans (simplified Chinese), shipped by an npm package: no system font is needed. */
// (the package exports no package.json: its main module's folder is found instead: dist/ → fonts/)
const FONT_FILE = join(dirname(dirname(require.resolve('@embedpdf/fonts-sc'))), 'fonts', 'NotoSansHans-Regular.otf');
const FONT_FAMILY = 'Noto Sans Hans';

/** The Vega-Lite specification of a trend: bars per period, and the top places beside them. */
export function trendSpec(trend: Trend, texts: ChartTexts): vegaLite.TopLevelSpec {
  const bars = {
    data: { values: trend.bars },
    mark: { type: 'bar', color: '#b22222' },
    width: CHART.width - 180,
    height: CHART.height,
    encoding: {
      x: { field: 'period', type: 'ordinal', title: texts.period[trend.granularity], axis: { labelAngle: -45, labelOverlap: true } },
      y: { field: 'count', type: 'quantitative', title: texts.count, axis: { tickMinStep: 1 } },
    },
  } as const;
  const places = {
    title: texts.places,
    data: { values: trend.places },
    mark: { type: 'bar', color: '#4a6fa5' },
    width: 110,
    height: CHART.height,
    encoding: {
      y: { field: 'name', type: 'nominal', title: null, sort: '-x' },
      x: { field: 'count', type: 'quantitative', title: texts.count, axis: { tickMinStep: 1 } },
    },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: texts.title(trend.subject, trend.granularity),
    hconcat: trend.places.length > 0 ? [bars, places] : [bars],
    config: { font: FONT_FAMILY, background: 'white' },
  } as vegaLite.TopLevelSpec;
}

/** Draws a trend as a PNG. */
export async function renderTrendPng(trend: Trend, texts: ChartTexts): Promise<Buffer> {
  const view = new vega.View(vega.parse(vegaLite.compile(trendSpec(trend, texts)).spec), { renderer: 'none' });
  const svg = await view.toSVG(CHART.scale);
  view.finalize();
  const png = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: 'white',
  }).render();
  return png.asPng();
}

/** Width and height a PNG declares in its header (for checks and tests). */
export function pngSize(png: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || !signature.every((b, i) => png[i] === b)) return undefined;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
