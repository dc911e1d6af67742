import type { Article } from '../../src/pages/article.ts';

/** An invented article as the pipeline would record it (no regions, no keywords), for engine tests. */
export function inventedArticle(file: string, date: string, title: string, body: string): Article {
  return {
    id: `${file}#${title}`,
    file,
    date,
    title,
    kicker: '',
    subtitle: '',
    authors: [],
    body: [body],
    captions: [],
    kind: 'brief',
    regions: [],
    summary: body,
    keywords: [],
  };
}
