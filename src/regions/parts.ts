/**
 * The parts of an article the region tagger reads, in reading order, each with the points a
 * mention there earns (./tagger.ts): the headline lines, the opening paragraph (its dateline
 * skipped), later paragraphs, captions and author lines.
 */
import type { ParsedArticle } from '../pages/article.ts';
import { datelineOf } from '../pages/dateline.ts';

/** Points a mention earns by where it stands. */
export const PART_WEIGHT = { title: 4, kicker: 3, subtitle: 3, opening: 2, body: 1, caption: 1, author: 1 } as const;

/** What {@link parts} reads of an article. */
export type PartsOfArticle = Pick<ParsedArticle, 'title' | 'kicker' | 'subtitle' | 'body' | 'captions' | 'authors'>;

/** Characters of opening text that count as the first paragraph (a short lead line is joined by the next). */
const OPENING_LENGTH = 40;

/**
 * The dateline opening the first paragraph (本报长沙11月20日讯, 掌上长沙11月27日讯, 中新网长沙3月10日电,
 * 新湖南客户端衡阳讯, 邵阳日报3月3日讯 …, with its bracketed byline): the page reader's own reading of
 * it, so that both stages agree on what a dateline is. The filing place is not the subject.
 */
export function datelineLength(paragraph: string): number {
  const opening = /^[\s\u3000]*/.exec(paragraph)?.[0].length ?? 0;
  const dateline = datelineOf(paragraph.slice(opening));
  return dateline ? opening + dateline.length : 0;
}

/**
 * An editor's note opening the text (`编者按：…`, `【开栏语】…`): it presents the series or column
 * the piece belongs to (`…推出《某某》专栏，讲好湖南故事`), not the piece's own place, so it is read
 * as a later paragraph and the opening is what follows it.
 */
const EDITORS_NOTE = /^[\s\u3000]*[【\[]?(?:编者按|编者的话|编前语|开栏语|开篇语|策划人语)[】\]]?\s*[：:]/;

export type PartKind = 'headline' | 'opening' | 'rest';

/** The article's parts in reading order, each with its weight. */
export function parts(article: PartsOfArticle): { text: string; weight: number; kind: PartKind; skip: number }[] {
  const out: { text: string; weight: number; kind: PartKind; skip: number }[] = [
    { text: article.kicker, weight: PART_WEIGHT.kicker, kind: 'headline', skip: 0 },
    { text: article.title, weight: PART_WEIGHT.title, kind: 'headline', skip: 0 },
    { text: article.subtitle, weight: PART_WEIGHT.subtitle, kind: 'headline', skip: 0 },
  ];
  let opening = 0;
  let first = true;
  article.body.forEach((paragraph) => {
    if (EDITORS_NOTE.test(paragraph)) {
      out.push({ text: paragraph, weight: PART_WEIGHT.body, kind: 'rest', skip: 0 });
      return;
    }
    const inOpening = opening < OPENING_LENGTH;
    // Only the first paragraph (after an editor's note) can open with a dateline.
    const skip = first ? datelineLength(paragraph) : 0;
    first = false;
    out.push({ text: paragraph, weight: inOpening ? PART_WEIGHT.opening : PART_WEIGHT.body, kind: inOpening ? 'opening' : 'rest', skip });
    opening += paragraph.length - skip;
  });
  for (const caption of article.captions) out.push({ text: caption, weight: PART_WEIGHT.caption, kind: 'rest', skip: 0 });
  for (const author of article.authors) out.push({ text: author, weight: PART_WEIGHT.author, kind: 'rest', skip: 0 });
  return out.filter((p) => p.text.length > 0);
}
