/**
 * Extractive summaries: the most informative opening sentence or two of an article's body, about
 * 60–120 Chinese characters. Section headings, captions and bylines are never used (they are not
 * body sentences), and a lede that is only a quotation gives way to the reporting sentence after it.
 * Lines the splitter left in the body that are no text (article data, credits, captions, a series
 * announcement) and clutter glued before a first sentence are passed over (./summary-openers.ts).
 */
import type { ParsedArticle } from './article.ts';
import { EDITOR_NOTE, endsSentence, startsMidSentence } from './block-shapes.ts';
import { datelineOf } from './dateline.ts';
import { isDataOrCredits, summaryParagraphs, withoutGluedOpeners } from './summary-openers.ts';

export const SUMMARY_MIN = 60;
export const SUMMARY_MAX = 120;

/** Sentences of a paragraph, each keeping its closing punctuation and quote marks. */
export function sentencesOf(paragraph: string): string[] {
  return (
    paragraph
      .match(/[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

/**
 * Sentences a summary should not open with: all quotation (`“……”`), a note in brackets, the
 * attribution after a quotation (`……负责人介绍道。`), or text cut from a sentence on another page.
 */
export function weakOpening(sentence: string): boolean {
  return (
    /^[“「『"].*[”」』"]$/.test(sentence) ||
    /^[（(].*[）)]$/.test(sentence) ||
    (sentence.length < 40 && /(说|表示|介绍|坦言|感慨|告诉记者)道?[。！]$/.test(sentence)) ||
    startsMidSentence(sentence)
  );
}

/** Cuts text to at most `max` characters at a clause boundary, marking the cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const boundary = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('；'), cut.lastIndexOf('、'), cut.lastIndexOf('。'));
  return `${boundary > max / 2 ? cut.slice(0, boundary) : cut.slice(0, max - 1)}……`;
}

/** `paragraph` without the dateline opening it, if any. */
function withoutDateline(paragraph: string): string {
  return paragraph.slice(datelineOf(paragraph)?.length ?? 0);
}

/** Text without punctuation and spaces, to compare labels printed with other dots (`·`, `•`). */
const bare = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * A series' note opening the text with the article's own kicker in brackets (`【某某·县市区扫描】今日推出
 * 某区篇。某区隶属于…`): the editor introduces this instalment; the article's own text follows.
 */
function seriesNote(article: Partial<Pick<ParsedArticle, 'kicker'>>, first: string | undefined): boolean {
  const label = /^[【\[]([^】\]]{2,30})[】\]]/.exec(first ?? '')?.[1];
  return label !== undefined && article.kicker !== undefined && article.kicker !== '' && bare(label) === bare(article.kicker);
}

/** The summary of an article ('' when it has no body text). */
export function summarise(article: Pick<ParsedArticle, 'body'> & Partial<Pick<ParsedArticle, 'captions' | 'kicker'>>): string {
  // An editor's note (`编者按：` and its paragraph) introduces the article; the news text follows it.
  const noted = EDITOR_NOTE.test(article.body[0] ?? '') && article.body.length > 2 ? article.body.slice(2) : article.body;
  const body = seriesNote(article, noted[0]) && noted.length > 1 ? noted.slice(1) : noted;
  // A dateline the splitter left in place (a second item's, an odd form) never opens a summary.
  const paragraphs = summaryParagraphs(body, (article.captions?.length ?? 0) > 0)
    .filter((p) => endsSentence(p) || p.length > 40)
    .map((p) => withoutGluedOpeners(withoutDateline(withoutGluedOpeners(p))))
    .filter(Boolean);
  const sentences = paragraphs
    .slice(0, 4)
    .flatMap(sentencesOf)
    .filter((s) => s.length >= 6 && !isDataOrCredits(s));
  if (sentences.length === 0) return clip(body.join(''), SUMMARY_MAX);
  // Skip leading quotations when a reporting sentence follows soon.
  let start = 0;
  while (start < sentences.length - 1 && start < 3 && weakOpening(sentences[start])) start++;
  let summary = '';
  for (const sentence of sentences.slice(start)) {
    if (summary.length >= SUMMARY_MIN) break;
    summary += sentence; // clipped below when the second sentence runs long
  }
  return clip(summary, SUMMARY_MAX);
}
