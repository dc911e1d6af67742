/**
 * The draft of an article while a page is being split (./split.ts) and repaired (./repair.ts).
 */
import type { ArticleKind, ParsedArticle } from './article.ts';

/** Headline words that mark an announcement rather than news. */
// …also with the notice's document number printed after it (`…的通知（某办发〔2024〕2号）`).
export const NOTICE_TITLE = /(公告|启事|声明|通知|通告|公示|讣告|拍卖会|遗失)(?:[（(][^（()）]{1,16}[〔[［]\d{4}[〕\]］]\d{1,4}号[）)])?$/;

/** An article while it is being assembled: its fields so far, and the splitter's state. */
export interface Draft extends Omit<ParsedArticle, 'kind'> {
  /** Section headings seen in the body (kept in `body` too, in place). */
  headings: Set<string>;
  notice: boolean;
  /** Text that starts mid-sentence or has no headline: continued from elsewhere. */
  fragment: boolean;
  /**
   * It opens the page with no headline above it (text, or an author line, first): an excerpt that
   * starts mid-article. Its short lines are its own section headings unless a new article is
   * confirmed (an author line, subtitle, dateline or article data under the line; a closing mark).
   */
  excerpt: boolean;
  /** True while the header (kicker, title, subtitle, authors) may still grow. */
  inHeader: boolean;
  /** A byline or a notice's date closed it: what follows belongs to another article. */
  closed: boolean;
  /** The last body paragraph stops mid-sentence: the next text block continues it. */
  openParagraph: boolean;
  /** The author line came from a line standing alone, not from a byline: a signed feature. */
  signed: boolean;
  /** Names of a closing byline that did not become the authors (the article had some already). */
  closingByline: string[];
  /** Photographers credited in the article: its authors when nobody else signed it. */
  photographers: string[];
  /** Its dateline (`本报讯…`) was read: a second dateline opens another item. */
  datelined: boolean;
  /** Its text was followed by a bare posting time: a list's item ended there. */
  stamped: boolean;
  /** A prize rank or `附：…名单` was read: the name lines after it are the list's entries. */
  winnersList: boolean;
  /** Its header printed the article's data (source, time, editor): a web article page, not a list's item. */
  dataLine: boolean;
  /** The headline came from a wire dateline's `题：…` (`新华社长沙3月4日电题:…`): printed alone again later, it is a copy. */
  wireTitle?: boolean;
  /** It is a digest's numbered item (`01、…`): the next number opens the next item. */
  digestItem: boolean;
}

export function newDraft(): Draft {
  return {
    title: '',
    kicker: '',
    subtitle: '',
    authors: [],
    body: [],
    captions: [],
    headings: new Set(),
    notice: false,
    fragment: false,
    excerpt: false,
    inHeader: true,
    closed: false,
    openParagraph: false,
    signed: false,
    closingByline: [],
    photographers: [],
    datelined: false,
    stamped: false,
    winnersList: false,
    dataLine: false,
    digestItem: false,
  };
}

/** The kind of a finished draft. */
export function kindOf(draft: Draft): ArticleKind {
  if (draft.fragment || !draft.title) return 'fragment';
  if (NOTICE_TITLE.test(draft.title)) return 'notice';
  const length = draft.body.reduce((sum, p) => sum + p.length, 0);
  if (draft.signed || draft.subtitle || draft.headings.size > 0 || length > 1200) return 'feature';
  return 'brief';
}
