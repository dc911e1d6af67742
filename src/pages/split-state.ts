/**
 * The splitter's state while it reads a page's blocks (./split.ts): the drafts so far, the article
 * being written, a kicker waiting for its headline; and the steps that write into a draft (text,
 * headings, closing marks) and the evidence that a short line starts a new article.
 */
import { splitNames } from './author-lines.ts';
import { type Block, CONTACT_LABEL, endsSentence, LIST_ITEM, startsMidSentence } from './block-shapes.ts';
import { briefLead } from './brief-lead.ts';
import { datelineOf } from './dateline.ts';
import { type Draft, NOTICE_TITLE, newDraft } from './draft.ts';
import { leadPrintedAgain } from './lead-again.ts';
import { bareCaptionOverDateline, captionsOverDatedText } from './photo-captions.ts';
import { afterNextIsBodyOrHeader, JUMP_IN, JUMP_OUT, LEAD_COLON, leadsInto, PLACE_OPENING, unbalanced } from './split-rules.ts';

/** What the splitter took a block for, and why; `xiangwen articles --explain` prints it. */
export type SplitDecision =
  | 'headline'
  | 'kicker'
  | 'subtitle'
  | 'authors'
  | 'body'
  | 'section heading'
  | 'byline'
  | 'caption'
  | 'end'
  | 'note'
  | 'date'
  | 'furniture';
export type SplitTrace = (block: Block, decision: SplitDecision, reason: string) => void;

/** The decision a closing mark or credit is traced as. */
export const CLOSING_DECISIONS: Record<string, SplitDecision> = {
  byline: 'byline',
  'end-mark': 'end',
  'photo-credit': 'caption',
  'author-note': 'note',
  'date-line': 'date',
  caption: 'caption',
};

/** A headline this long glued before the first paragraph is a copy's third printing, not the text's own opening words. */
const GLUED_HEADLINE_MIN = 8;

/** Markers that open an item's headline in briefs columns and 手机报 (not ▲, a caption's, nor ◎, an author line's). */
const HEADLINE_MARKER = /^[□■●○◆◇★☆▶►▷•·]\s*/;

export class SplitState {
  readonly drafts: Draft[] = [];
  /** The article being written; undefined before the first one. */
  current: Draft | undefined;
  /** A kicker read over the next headline. */
  pendingKicker = '';
  /** The block a kicker line said is the headline under it. */
  forcedHeadline = -1;
  /** The block a headline line said is its unmarked subtitle. */
  forcedSubtitle = -1;

  constructor(
    readonly blocks: readonly Block[],
    readonly trace: SplitTrace,
  ) {}

  /** Starts an article with this headline (its kicker and subtitle from the block, or the pending kicker). */
  start(title: string, from?: Block): Draft {
    const draft = newDraft();
    // `■ 标题`, `★标题`: a briefs column's item marker is no part of the headline.
    draft.title = title.replace(HEADLINE_MARKER, '');
    draft.notice = NOTICE_TITLE.test(title);
    draft.kicker = from?.kicker ?? this.pendingKicker;
    draft.subtitle = from?.subtitle ?? '';
    if (from?.signedBy) draft.authors = [from.signedBy];
    this.pendingKicker = '';
    this.drafts.push(draft);
    this.current = draft;
    return draft;
  }

  /** The article being written, or a new fragment when there is none yet (text before any headline). */
  currentOrFragment(): Draft {
    if (this.current) return this.current;
    const fragment = this.start('');
    fragment.fragment = true;
    // Whatever opens the page before any headline (text, captions, a byline) makes it an excerpt.
    fragment.excerpt = true;
    return fragment;
  }

  /** A new fragment: text that cannot belong to the article being written. */
  startFragment(): Draft {
    const fragment = this.start('');
    fragment.fragment = true;
    return fragment;
  }

  /** Body text into a draft: its dateline read, an unfinished paragraph continued. */
  addText(draft: Draft, raw: string): void {
    // `本报讯（记者 张三）…`, `本报长沙11月20日讯（记者 张三 通讯员 李四）…`: a dateline naming the authors.
    // `…（下转第3版）`: where the article goes on; not text.
    let text = raw.replace(JUMP_OUT, '');
    // A copy that glues the headline once more to its first paragraph (`标题五月的某县…`): the text starts after it.
    if (
      draft.body.length === 0 &&
      draft.title.length >= GLUED_HEADLINE_MIN &&
      text.startsWith(draft.title) &&
      text.length > draft.title.length
    )
      text = text.slice(draft.title.length).trimStart();
    const dateline = datelineOf(text);
    // The first dateline of an item opens its news text, even under an editor's note (编者按).
    // (…or between the author line and a text that opens with its day, when the page prints no dateline.)
    if (!dateline && !draft.datelined && draft.authors.length > 0 && captionsOverDatedText(draft.body, text)) {
      draft.captions.push(...draft.body.splice(0));
      draft.openParagraph = false;
    }
    // (Bare captions of the pictures between the header, or the editor's note, and the dateline.)
    const captions = dateline ? draft.body.filter((p) => !draft.headings.has(p) && bareCaptionOverDateline(p)) : [];
    if (dateline && !draft.datelined && (draft.body.length === captions.length || draft.authors.length === 0)) {
      draft.datelined = true;
      draft.captions.push(...captions);
      draft.body = draft.body.filter((p) => !captions.includes(p));
      draft.dateline = text.slice(0, dateline.length).trim();
      if (dateline.names && draft.authors.length === 0) draft.authors.push(...splitNames(dateline.names));
      if (dateline.title && !draft.title) {
        draft.title = dateline.title;
        draft.wireTitle = true;
        // Wire copy with no headline line (`新华社长沙10月4日电 题：…` first): the 题 names the item, no excerpt.
        if (draft.body.length === 0) draft.fragment = draft.excerpt = false;
      }
      // `中新网长沙3月10日电 题：…` holds the headline, not text.
      text = dateline.title ? '' : text.slice(dateline.length);
      if (text === '') return;
    }
    if (draft.openParagraph && draft.body.length > 0 && !LIST_ITEM.test(text)) {
      draft.body[draft.body.length - 1] += text;
    } else {
      draft.body.push(text);
    }
    draft.inHeader = false;
    draft.stamped = false;
    draft.openParagraph = !endsSentence(text) && (text.length > 20 || unbalanced(text) || /[，、；：]/.test(text));
  }

  /** A section heading, kept in place in the body. */
  addHeading(draft: Draft, text: string): void {
    draft.body.push(text);
    draft.headings.add(text);
    draft.inHeader = false;
    draft.openParagraph = false;
  }

  /**
   * A list of teasers (a channel page, a WeChat account's posts): headline, one paragraph, headline,
   * one paragraph… An article of one unsigned paragraph followed by this short line over one
   * paragraph and another short line (or the page's end) is such a list, not a feature with headings.
   * An article whose header printed its data (source, time) is a web article page: its short lines
   * are its own headings (each item of a list has a data line of its own, or none).
   */
  teaserEvidence(index: number): string | undefined {
    const current = this.current;
    // (A list opens on a headline: an excerpt's one paragraph and a short line under it are not one.)
    if (
      !current ||
      current.authors.length > 0 ||
      current.datelined ||
      current.body.length !== 1 ||
      current.headings.size > 0 ||
      current.excerpt ||
      current.dataLine
    )
      return undefined;
    const [lede, after] = [this.blocks[index + 1], this.blocks[index + 2]];
    if (lede?.shape !== 'text' || (after !== undefined && after.shape !== 'short') || leadsInto(this.blocks[index], lede)) return undefined;
    return 'a list of headlines, each over one paragraph';
  }

  /** What confirms a short line as a headline, or undefined when nothing does. */
  headlineEvidence(block: Block, index: number): string | undefined {
    const current = this.current;
    if (index === 0 || !current) return 'first line of the page';
    if (block.bilingual) return 'its English title printed after it on the line';
    if (block.bracketedEntry) return 'printed in 【】 before its text on the line (an entry of a yearbook)';
    if (current.closed) return 'the article above is closed (byline, end mark, notice date)';
    if (current.stamped) return 'the post above ends with its posting time (a list of posts)';
    // (…unless the list also names the open article: then it is a gallery's captions, printed again.)
    if (block.listed && block.afterSectionBreak && !this.blocks.some((b) => b.listed && b.text === current.title))
      return 'the list of headlines above (导读) names it';
    // (a datelined block without its headline is a news item of its own, whose headings stay inside it)
    if (current.fragment && !current.inHeader && !current.datelined && !current.excerpt) return 'after a fragment';
    if (current.notice) return undefined; // a notice's signature lines are not headlines
    if (block.kicker !== undefined) return 'a 【column】 label before it';
    // An excerpt that opens mid-article: its short lines are its section headings (宁乡：…, 第一天：…, places).
    // …unless the page's title line printed the same words: then it is the excerpt's own headline.
    if (current.excerpt && !current.title) return block.pageTitle ? 'the page title printed it too' : undefined;
    // (…not on the page's last line: one the page ends on is where the excerpt was cut, `某某说：如果`.)
    const under = this.blocks[index + 1];
    if (briefLead(this.blocks, index, current.headings)) return 'the brief form 地名：…';
    if (NOTICE_TITLE.test(block.text)) return 'a notice word (公告, 通知…)';
    // (…with text under it: a place-opening line over another short line is a caption or a heading,
    // and one the page ends on is where the excerpt was cut, inside a sentence; one that leads into the
    // paragraph under it is no headline either.)
    if (PLACE_OPENING.test(block.text) && !leadsInto(block, under) && under !== undefined && under.shape !== 'short')
      return 'opens with a place name';
    return undefined;
  }

  /** The brief form `地名：…` and notice titles: never the continuation of a sentence. */
  strongHeadline(block: Block): boolean {
    return (LEAD_COLON.test(block.text) && !CONTACT_LABEL.test(block.text)) || NOTICE_TITLE.test(block.text) || block.kicker !== undefined;
  }

  /**
   * A subtitle, or an author line naming several people (or followed by text), right under the
   * block at `index`: header material that confirms a headline. (The author line's test looks at
   * the block after `index + 1`, whichever block is asked about.)
   */
  headerFollows(b: Block | undefined, index: number): boolean {
    return (
      b !== undefined &&
      (b.shape === 'subtitle' ||
        (b.shape === 'author-line' && (splitNames(b.text).length > 1 || afterNextIsBodyOrHeader(this.blocks, index + 1))))
    );
  }

  /** Body text: continues the current article, or starts a fragment when it cannot belong to it. */
  handleText(block: Block): void {
    let why = block.roster
      ? "an entry of a roster (names under a group, or a name and its fields): the article's own list"
      : datelineOf(block.text)
        ? 'dateline read'
        : '';
    const jump = JUMP_IN.exec(block.text);
    if (jump) {
      // `（上接1版）…`: the rest of an article begun elsewhere; repair joins it to that article if it is on this page.
      this.addText(this.startFragment(), block.text.slice(jump[0].length));
      this.trace(block, 'body', 'continued from another page (上接…): a fragment');
      return;
    }
    const current = this.current;
    const again = current && leadPrintedAgain(current, block.text);
    if (current && again !== undefined) {
      // The description the CMS printed over the text was its lead, cut before the 。: the full one stands.
      current.body.pop();
      current.openParagraph = false;
      this.addText(current, again);
      this.trace(block, 'body', "the lead printed again in full (the CMS's description over the text): one paragraph");
      return;
    }
    if (!current || current.closed) {
      why = current ? 'text after a closed article: a fragment' : 'text before any headline: a fragment';
      this.startFragment().excerpt = !current;
    } else if (
      datelineOf(block.text) &&
      !current.inHeader &&
      // (headings alone above it, such as a print kicker under a web headline, are no item of their own)
      current.body.some((p) => !current.headings.has(p)) &&
      (current.datelined || current.authors.length > 0) &&
      !ownDateline(current, block.text)
    ) {
      // A new news item whose headline was lost in the layout.
      this.startFragment();
      why = 'a second dateline: another item, its headline lost';
    } else if (
      startsMidSentence(block.text) &&
      !current.inHeader &&
      !current.openParagraph &&
      current.body.length > 0 &&
      endsSentence(current.body[current.body.length - 1])
    ) {
      // A complete paragraph followed by text cut from another sentence: another column's text.
      this.startFragment();
      why = 'opens mid-sentence after a complete paragraph: continued from elsewhere';
    } else if (current.openParagraph && current.body.length > 0 && !LIST_ITEM.test(block.text)) {
      why ||= 'continues the unfinished paragraph above';
    } else if (current.body.length > 0 && ownDateline(current, block.text)) {
      why = "the article's own dateline (it names the article's authors), after its web lead";
    }
    const draft = this.currentOrFragment();
    const untitled = !draft.title;
    this.addText(draft, block.text);
    if (untitled && draft.title) why = 'a wire dateline naming its item (…电 题：…): the headline';
    this.trace(block, 'body', why);
  }
}

/**
 * The article's own dateline, printed after a web lead and its photos: it names only the
 * article's authors (the page's data line gave them), and the article had no dateline yet. A
 * second item's dateline names other reporters, or none.
 */
function ownDateline(current: Draft, text: string): boolean {
  const names = datelineOf(text)?.names;
  if (current.datelined || !names) return false;
  return splitNames(names).every((name) => current.authors.includes(name));
}

/** Bylines, credits, captions and notice dates. */
export function closeOrCredit(draft: Draft, block: Block): void {
  switch (block.shape) {
    case 'end-mark':
      draft.closed = true;
      draft.openParagraph = false;
      return;
    case 'byline': {
      const names = splitNames(block.text.replace(/^[（(]\s*|\s*[）)]$/g, ''));
      // `（张三）` under a headline, before any text: it opens the article, it does not close it.
      if (draft.inHeader && draft.title && draft.body.length === 0) {
        draft.authors.push(...names);
        return;
      }
      if (draft.authors.length === 0) draft.authors.push(...names);
      else draft.closingByline = names;
      draft.closed = true;
      draft.openParagraph = false;
      return;
    }
    case 'photo-credit': {
      draft.photographers.push(...splitNames(block.text.replace(/^[（(]\s*|\s*[）)]$/g, '').replace(/\s*摄$/, '')));
      // The credit signs the caption printed just above it.
      const last = draft.body[draft.body.length - 1];
      // (…unless it is all the text there is: a gallery's one description is its article's text; or it
      // runs to two sentences and more, the text of a wire photo story whose credit closes it)
      const sentences = last?.match(/[。！？]/g)?.length ?? 0;
      if (last !== undefined && draft.body.length > 1 && !draft.inHeader && sentences < 2 && (last.length < 120 || !draft.openParagraph)) {
        draft.captions.push(draft.body.pop() as string);
        draft.openParagraph = false;
      }
      return;
    }
    case 'caption':
      draft.captions.push(block.text);
      return;
    case 'author-note':
      draft.body.push(block.text);
      draft.openParagraph = false;
      draft.closed = true;
      draft.openParagraph = false;
      return;
    case 'date-line':
      draft.body.push(block.text);
      draft.openParagraph = false;
      if (draft.notice) draft.closed = true;
      return;
    default:
      return;
  }
}
