/**
 * Splitting a page into articles. The page is read block by block (./blocks.ts) and a small state
 * machine decides where articles start: a headline is a short line that is confirmed by what
 * surrounds it (a subtitle or author line below it, a closed article above it, the `地名：` brief
 * form, a place-name opening, markdown `#`). Short lines that are not confirmed stay inside their
 * article as section headings. Layout damage is repaired afterwards in ./repair.ts.
 *
 * The state is in ./split-state.ts, what each shape of block does in ./split-lines.ts and
 * ./split-short.ts, the evidence weighed in ./split-rules.ts.
 */
import type { ParsedArticle } from './article.ts';
import { type Block, pageBlocks } from './blocks.ts';
import type { Draft } from './draft.ts';
import { repairArticles } from './repair.ts';
import { simplifiedPage } from './script.ts';
import { readArticleData, readAuthorLine, readBoldHeading, readClosing, readSubtitle, readText } from './split-lines.ts';
import { readShort } from './split-short.ts';
import { SplitState, type SplitTrace } from './split-state.ts';

export type { SplitDecision, SplitTrace } from './split-state.ts';

/** Splits the text of one page into articles, repaired, in the characters the page printed. */
export function splitPage(text: string): ParsedArticle[] {
  const script = simplifiedPage(text);
  const articles = repairArticles(splitBlocks(pageBlocks(script.text)));
  if (script.text === text) return articles;
  const back = script.restore;
  return articles.map((a) => ({
    ...a,
    title: back(a.title),
    kicker: back(a.kicker),
    subtitle: back(a.subtitle),
    authors: a.authors.map(back),
    body: a.body.map(back),
    captions: a.captions.map(back),
    ...(a.dateline === undefined ? {} : { dateline: back(a.dateline) }),
  }));
}

/** The state machine over classified blocks (which it leaves as they are); exported for tests of single decisions. */
export function splitBlocks(blocks: readonly Block[], trace: SplitTrace = () => {}): Draft[] {
  const state = new SplitState(blocks, trace);
  for (const [index, block] of blocks.entries()) readBlock(state, block, index);
  return state.drafts;
}

/** One block, by its shape. */
function readBlock(state: SplitState, block: Block, index: number): void {
  switch (block.shape) {
    case 'md-headline':
      state.start(block.text);
      state.trace(block, 'headline', 'markdown #');
      return;
    case 'subtitle':
      readSubtitle(state, block);
      return;
    case 'author-line':
      readAuthorLine(state, block, index);
      return;
    case 'byline':
    case 'end-mark':
    case 'photo-credit':
    case 'author-note':
    case 'date-line':
    case 'caption':
      readClosing(state, block);
      return;
    case 'short':
      readShort(state, block, index);
      return;
    case 'article-data':
      readArticleData(state, block);
      return;
    case 'bold-heading':
      readBoldHeading(state, block);
      return;
    case 'text':
      readText(state, block);
      return;
  }
}
