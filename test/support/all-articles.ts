/**
 * Every article of an index, read through the seam (`seenSince` from the beginning of time),
 * for tests that need to look at the whole archive.
 */
import type { Article } from '../../src/pages/article.ts';
import { type ArticleIndex, seenBetween } from '../../src/search/engine.ts';

/** Ids of every article in the index, oldest first (then by id). */
export async function allIds(index: ArticleIndex): Promise<string[]> {
  const ids: string[] = [];
  for await (const { id } of seenBetween(index, -Infinity)) ids.push(id);
  return ids;
}

/** Every article in the index, in the order of {@link allIds}. */
export async function allArticles(index: ArticleIndex): Promise<Article[]> {
  const articles: Article[] = [];
  for (const id of await allIds(index)) {
    const article = await index.get(id);
    if (article) articles.push(article);
  }
  return articles;
}

/** The first of `items` for which `test` resolves true (an async `find`). */
export async function firstWith<T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<T | undefined> {
  for (const item of items) if (await test(item)) return item;
  return undefined;
}
