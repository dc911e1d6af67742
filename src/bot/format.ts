/**
 * Message texts as Telegram HTML. Every string from a user or an article is escaped here (through
 * escapeHtml/highlight); nothing else in the bot builds HTML. Result lists show a bold headline,
 * the regions and date, and a one- or two-line summary with the query words highlighted, under a
 * line saying how the query was understood ("按：邵阳市 / 营商环境").
 */
import type { Article } from '../pages/article.ts';
import type { SearchHit } from '../search/engine.ts';
import { escapeHtml, highlight, snippet } from '../telegram/html.ts';
import type { Messages } from '../telegram/i18n.ts';
import type { ResultPage } from './query.ts';
import { splitMessage } from '../telegram/split-message.ts';

/** Summary lengths in characters: two lines in a private chat, one in a group. */
const SUMMARY_CHARS = { full: 70, compact: 36 } as const;

/** The "按：邵阳市 / 营商环境 · 共 12 篇" line. */
export function formatUnderstanding(view: ResultPage, t: Messages): string {
  const { understood } = view;
  const parts = [
    ...(understood.region ? [understood.region] : []),
    ...understood.words,
    ...(understood.phrases ?? []).map((p) => `“${p}”`),
    ...(understood.range ? [understood.range] : []),
    ...(understood.exclude?.length ? [t.excluding(understood.exclude.join('、'))] : []),
  ];
  const count = view.total > 0 ? ` · ${t.resultsCount(view.total, view.capped)}` : '';
  const pageOf = view.pages > 1 ? ` · ${view.page + 1}/${view.pages}` : '';
  const head =
    view.kind === 'latest'
      ? t.latestUnderstood(view.understood.region)
      : view.kind === 'author'
        ? t.authorUnderstood(view.source)
        : t.understood(parts);
  return `${escapeHtml(head)}${escapeHtml(count + pageOf)}`;
}

function formatHit(hit: SearchHit, n: number, words: string[], compact: boolean): string {
  // A fragment's "title" is only a label made from its first words: never shown bold as a headline.
  const head = hit.kind === 'fragment' ? `<i>${escapeHtml(hit.title)}</i>` : `<b>${escapeHtml(hit.title)}</b>`;
  const where = [hit.regions.slice(0, 2).join('、'), hit.date].filter(Boolean).join(' · ');
  const summary = highlight(snippet(hit.summary, words, compact ? SUMMARY_CHARS.compact : SUMMARY_CHARS.full), words);
  return compact
    ? `${n}. ${head}${where ? ` <i>${escapeHtml(where)}</i>` : ''}\n${summary}`
    : `${n}. ${head}\n<i>${escapeHtml(where)}</i>\n${summary}`;
}

/** A result page: the understanding line, then numbered hits (or the no-results message). */
export function formatResultPage(view: ResultPage, t: Messages, compact: boolean): string {
  const lines = [formatUnderstanding(view, t)];
  if (view.total === 0) {
    lines.push(
      escapeHtml(
        view.kind === 'region'
          ? t.regionEmpty(view.source)
          : view.kind === 'latest'
            ? t.latestEmpty(view.understood.region)
            : view.kind === 'author'
              ? t.authorEmpty(view.source)
              : t.noResults(view.source),
      ),
      ...(view.wayOut.length > 0 ? [escapeHtml(t.noResultsHint)] : []),
    );
    return lines.join('\n');
  }
  if (view.partial) lines.push(escapeHtml(t.partialNote));
  const words = [...view.understood.words, ...(view.understood.phrases ?? [])];
  view.hits.forEach((hit, i) => {
    lines.push((compact ? '' : '\n') + formatHit(hit, view.page * view.pageSize + i + 1, words, compact));
  });
  return lines.join('\n');
}

/**
 * A whole article — kicker, bold headline, subtitle, authors, date and regions, body paragraphs,
 * photo captions — split into messages under Telegram's 4,096-character limit.
 */
export function formatArticle(article: Article, t: Messages): string[] {
  const head: string[] = [];
  if (article.kicker) head.push(`<i>${escapeHtml(article.kicker)}</i>`);
  head.push(`<b>${escapeHtml(article.title)}</b>`);
  if (article.subtitle) head.push(`——${escapeHtml(article.subtitle)}`);
  if (article.authors.length > 0) head.push(escapeHtml(t.authors + article.authors.join(' ')));
  const meta = [article.date, article.regions.length > 0 ? t.regionsLabel + article.regions.join('、') : ''].filter(Boolean).join(' · ');
  if (meta) head.push(`<i>${escapeHtml(meta)}</i>`);
  const blocks = [head.join('\n'), ...article.body.map(escapeHtml)];
  if (article.captions.length > 0) {
    blocks.push(`<i>${escapeHtml(t.captions)}</i>\n${article.captions.map((c) => `<i>${escapeHtml(c)}</i>`).join('\n')}`);
  }
  return splitMessage(blocks.join('\n\n'));
}

/** What an inline result posts into a chat: headline, summary and regions. */
export function formatInlineMessage(hit: SearchHit, t: Messages): string {
  const lines = [`<b>${escapeHtml(hit.title)}</b>`, escapeHtml(hit.summary)];
  const meta = [hit.regions.length > 0 ? t.regionsLabel + hit.regions.join('、') : '', hit.date].filter(Boolean).join(' · ');
  if (meta) lines.push(`<i>${escapeHtml(meta)}</i>`);
  return lines.join('\n');
}

/** One line of the region tree: "邵阳市（12）". */
export function regionLabel(name: string, count: number): string {
  return `${name}（${count}）`;
}
