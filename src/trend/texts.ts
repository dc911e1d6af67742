/** The words of a trend chart and its one-line summary, in Chinese and English. */
import type { ChartTexts, Trend } from './trend.ts';

export type TrendLanguage = 'zh' | 'en';

export interface TrendTexts extends ChartTexts {
  /** The caption: total, the busiest period, the places reported most. */
  summary: (trend: Trend) => string;
}

const monthLabel = (period: string, lang: TrendLanguage) => {
  if (period.length === 4) return lang === 'zh' ? `${period}年` : period;
  const [y, m, d] = period.split('-').map(Number);
  if (d) return lang === 'zh' ? `${y}年${m}月${d}日那一周` : `the week of ${period}`;
  return lang === 'zh' ? `${y}年${m}月` : `${period}`;
};

function busiest(trend: Trend): { period: string; count: number } {
  return trend.bars.reduce((best, bar) => (bar.count > best.count ? bar : best), trend.bars[0]);
}

/** The three places reported most, each with its count, in the language's list style. */
function topPlaces(trend: Trend, lang: TrendLanguage): string {
  const [open, close, separator] = lang === 'zh' ? ['（', '）', '、'] : [' (', ')', ', '];
  return trend.places
    .slice(0, 3)
    .map((p) => `${p.name}${open}${p.count}${close}`)
    .join(separator);
}

const zh: TrendTexts = {
  title: (subject, granularity) => `「${subject}」每${granularity === 'week' ? '周' : granularity === 'year' ? '年' : '月'}报道数`,
  period: { month: '月份', week: '周（起始日）', year: '年份' },
  count: '篇数',
  places: '地区',
  summary: (trend) => {
    const top = busiest(trend);
    const places = topPlaces(trend, 'zh');
    return (
      `「${trend.subject}」${trend.range.from} 至 ${trend.range.to} 共 ${trend.total}${trend.capped ? '+' : ''} 篇；` +
      `最多的是${monthLabel(top.period, 'zh')}（${top.count} 篇）${places ? `；报道最多的地区：${places}` : ''}。`
    );
  },
};

const en: TrendTexts = {
  title: (subject, granularity) => `“${subject}”: articles per ${granularity}`,
  period: { month: 'Month', week: 'Week (starting)', year: 'Year' },
  count: 'Articles',
  places: 'Places',
  summary: (trend) => {
    const top = busiest(trend);
    const places = topPlaces(trend, 'en');
    return (
      `“${trend.subject}”, ${trend.range.from} to ${trend.range.to}: ${trend.total}${trend.capped ? '+' : ''} articles; ` +
      `most in ${monthLabel(top.period, 'en')} (${top.count})${places ? `; places reported most: ${places}` : ''}.`
    );
  },
};

export function trendTexts(lang: TrendLanguage): TrendTexts {
  return lang === 'en' ? en : zh;
}
