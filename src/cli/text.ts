/**
 * Plain-text renderings for the `xiangwen` command: a result in a list, an article in full.
 */
import type { Article } from '../pages/article.ts';
import type { SearchHit } from '../search/engine.ts';

/** One result line block for people. */
export function formatHit(hit: Pick<SearchHit, 'title' | 'kind' | 'regions' | 'summary' | 'id' | 'date' | 'file'>, index: number): string {
  const regions = hit.regions.length ? `［${hit.regions.join('·')}］` : '';
  const label = hit.kind === 'fragment' ? '（续文）' : '';
  return `${index + 1}. ${label}${hit.kind === 'fragment' ? '' : hit.title} ${regions}\n   ${hit.summary}\n   id: ${hit.id}  ${hit.date}  ${hit.file}`;
}

/** An article in full, for people. */
export function formatArticle(article: Article): string {
  const lines = [
    article.kicker && `【${article.kicker}】`,
    article.kind === 'fragment' ? '（续文，无标题）' : article.title,
    article.subtitle && `——${article.subtitle}`,
    article.authors.length ? `作者：${article.authors.join(' ')}` : '',
    `地区：${article.regions.join('、') || '（未识别）'}  日期：${article.date}  类型：${article.kind}  来源：${article.file}`,
    `id: ${article.id}`,
    '',
    ...article.body,
    ...article.captions.map((c) => `［图］${c}`),
  ];
  return lines.filter((line, i) => line !== '' || i === 6).join('\n');
}
