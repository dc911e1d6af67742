/**
 * Splitting a page into articles. The page is read block by block (./blocks.ts) and a small state
 * machine decides where articles start: a headline is a short line that is confirmed by what
 * surrounds it (a subtitle or author line below it, a closed article above it, the `地名：` brief
 * form, a place-name opening, markdown `#`). Short lines that are not confirmed stay inside their
 * article as section headings. Layout damage is repaired afterwards in ./repair.ts.
 */
import type { ParsedArticle } from './article.ts';
import { type Block, CONTACT_LABEL, datelineOf, EDITOR_NOTE, LIST_ITEM, endsSentence, isNameList, namesWithoutRoles, pageBlocks, splitNames, startsMidSentence } from './blocks.ts';
import { type Draft, NOTICE_TITLE, newDraft } from './draft.ts';
import { repairArticles } from './repair.ts';
import { simplifiedPage } from './script.ts';

/** `邵东：…`, `江华交警：…`, `荷塘区月塘街道：…`: the brief form, a short lead then a colon. */
const LEAD_COLON = /^[^，。：:“”‘’、\s]{2,12}[：:]\S/;
/** An opening that names a place by its administrative suffix (`湘西州开展…`, `桃源县漳江街道…`). */
// The name before the suffix holds no particle or measure word (`一次全景式的乡村…` names no place), and the
// suffix does not open an everyday word (乡村, 市民, 区域, 县域, 小区…).
// Nor is the suffix the end of an everyday word (景区, 社区, 城市, 超市, 城镇, 家乡, 全省…).
const PLACE_OPENING = new RegExp('^(?![全该本我各此])(?:(?![的了是在和与个次场])[\\u4e00-\\u9fa5]){2,6}?' +
  '(?:(?<![景社园小城山矿校辖片库湖街郊灾老营厂军战警新])区|(?<![城超夜集股都门菜花早黑])市|(?<!郡)县|(?<!神)州|' +
  '(?<![城乡村古重小集])镇|(?<![城家故回下异老返同])乡|街道|(?<![全外节反本])省)(?![长委政级村民场域内外里间面容貌情])');

/** A bare posting time (`4月16日 下午 4:38`, `2031-02-03 10:15`): the end of one post in a list of posts. */
const POSTING_TIME = /^(?:\d{1,2}月\d{1,2}日\s*(?:上午|下午|晚上|凌晨|中午)?\s*\d{1,2}:\d{2}|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)$/;
/** A prize rank over a list of winners (`一等奖`), or the appendix line over it (`附：获奖名单`). */
const PRIZE_LIST_LINE = /^(?:(?:特|一|二|三|四|五|优秀|优胜|鼓励|提名|金|银|铜)(?:等)?奖|附[：:].{0,40}(?:名单|名录|一览表))$/;

/** What the splitter took a block for, and why; `xiangwen articles --explain` prints it. */
export type SplitDecision = 'headline' | 'kicker' | 'subtitle' | 'authors' | 'body' | 'section heading' | 'byline' | 'caption' | 'end' | 'note' | 'date' | 'furniture';
export type SplitTrace = (block: Block, decision: SplitDecision, reason: string) => void;

const CLOSING_DECISIONS: Record<string, SplitDecision> = {
  byline: 'byline', 'end-mark': 'end', 'photo-credit': 'caption', 'author-note': 'note', 'date-line': 'date', caption: 'caption',
};

/** A photo story prints up to this many captions between its headline and its author line… */
const PHOTO_LEAD_CAPTIONS_MAX = 12;
/** …each at most this long, and most much shorter. */
const PHOTO_LEAD_CAPTION_MAX = 100;
const PHOTO_LEAD_CAPTION_MEAN = 45;

/** The text so far of a titled, unsigned article is a photo story's captions (then its author line). */
function photoStoryLead(draft: Draft): boolean {
  const body = draft.body;
  if (body.length === 0 || body.length > PHOTO_LEAD_CAPTIONS_MAX || draft.headings.size > 0) return false;
  const mean = body.reduce((sum, p) => sum + p.length, 0) / body.length;
  return mean <= PHOTO_LEAD_CAPTION_MEAN && body.every((p) => p.length <= PHOTO_LEAD_CAPTION_MAX && endsSentence(p));
}

/** `（上接1版）`, `(接第2版①)` opening a paragraph; `（下转第3版）` closing one. */
const JUMP_IN = /^[（(]\s*(?:上接|接上|接第|续第|接)[^（）()]{0,12}[）)]\s*/;
const JUMP_OUT = /\s*[（(]\s*(?:下转|转第|转)[^（）()]{0,12}[）)]\s*$/;

/** A paragraph closed by names in parentheses right after its last sentence. */
const TRAILING_BYLINE = /([。！？”])\s*[（(]([^（）()]{2,30})[）)]$/;
/** …or by a reporter named without brackets: `…完工。  通讯员 李静`, `…开幕。记者张辉`. */
const TRAILING_BARE_BYLINE = /([。！？”])\s*((?:本报)?(?:记者|通讯员|实习生)\s*[\u4e00-\u9fa5·]{2,4}(?:[ 　、]+(?:(?:记者|通讯员|实习生)\s*)?[\u4e00-\u9fa5·]{2,4}){0,3})$/;

/** A kicker is a label: no clause break outside quotes (`此外，对于…` is a cut sentence). */
function kickerShaped(text: string): boolean {
  return !/[，；,;]/.test(text.replace(/[“『「《(（][^”』」》)）]*[”』」》)）]/g, ''));
}

/** Clauses outside quotes: headings have one or two (`织密红色网格，治理精准到人`), running text more. */
function clauseCount(text: string): number {
  return text.replace(/[“『「《(（][^”』」》)）]*[”』」》)）]/g, '').split(/[，；,;]/).length;
}

/** Quotes or brackets opened and not closed: a line cut in the middle of a sentence. */
function unbalanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/[“‘『「（(《]/g) !== count(/[”’』」）)》]/g);
}

/** Splits the text of one page into articles, repaired, in the characters the page printed. */
export function splitPage(text: string): ParsedArticle[] {
  const script = simplifiedPage(text);
  const articles = repairArticles(splitBlocks(pageBlocks(script.text)));
  if (script.text === text) return articles;
  const back = script.restore;
  return articles.map((a) => ({
    ...a, title: back(a.title), kicker: back(a.kicker), subtitle: back(a.subtitle), authors: a.authors.map(back), body: a.body.map(back), captions: a.captions.map(back),
    ...(a.dateline === undefined ? {} : { dateline: back(a.dateline) }),
  }));
}

/** The state machine over classified blocks; exported for tests of single decisions. */
export function splitBlocks(blocks: Block[], trace: SplitTrace = () => {}): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let pendingKicker = '';
  let forcedHeadline = -1;

  const start = (title: string, from?: Block): Draft => {
    current = newDraft();
    current.title = title;
    current.notice = NOTICE_TITLE.test(title);
    current.kicker = from?.kicker ?? pendingKicker;
    current.subtitle = from?.subtitle ?? '';
    pendingKicker = '';
    drafts.push(current);
    return current;
  };
  const addText = (draft: Draft, raw: string): void => {
    // `本报讯（记者 张三）…`, `本报长沙11月20日讯（记者 张三 通讯员 李四）…`: a dateline naming the authors.
    // `…（下转第3版）`: where the article goes on; not text.
    let text = raw.replace(JUMP_OUT, '');
    const dateline = datelineOf(text);
    // The first dateline of an item opens its news text, even under an editor's note (编者按).
    if (dateline && !draft.datelined && (draft.body.length === 0 || draft.authors.length === 0)) {
      draft.datelined = true;
      draft.dateline = text.slice(0, dateline.length).trim();
      if (dateline.names && draft.authors.length === 0) draft.authors.push(...splitNames(dateline.names));
      if (dateline.title && !draft.title) draft.title = dateline.title;
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
  };
  const addHeading = (draft: Draft, text: string): void => {
    draft.body.push(text);
    draft.headings.add(text);
    draft.inHeader = false;
    draft.openParagraph = false;
  };
  /**
   * A list of teasers (a channel page, a WeChat account's posts): headline, one paragraph, headline,
   * one paragraph… An article of one unsigned paragraph followed by this short line over one
   * paragraph and another short line (or the page's end) is such a list, not a feature with headings.
   */
  const teaserEvidence = (index: number): string | undefined => {
    if (!current || current.authors.length > 0 || current.datelined || current.body.length !== 1 || current.headings.size > 0) return undefined;
    const [lede, after] = [blocks[index + 1], blocks[index + 2]];
    if (lede?.shape !== 'text' || (after !== undefined && after.shape !== 'short')) return undefined;
    return 'a list of headlines, each over one paragraph';
  };
  /** What confirms a short line as a headline, or undefined when nothing does. */
  const headlineEvidence = (block: Block, index: number): string | undefined => {
    if (index === 0 || !current) return 'first line of the page';
    if (current.closed) return 'the article above is closed (byline, end mark, notice date)';
    if (current.stamped) return 'the post above ends with its posting time (a list of posts)';
    // (a datelined block without its headline is a news item of its own, whose headings stay inside it)
    if (current.fragment && !current.inHeader && !current.datelined) return 'after a fragment';
    if (current.notice) return undefined; // a notice's signature lines are not headlines
    if (block.kicker !== undefined) return 'a 【column】 label before it';
    if (LEAD_COLON.test(block.text) && !CONTACT_LABEL.test(block.text)) return 'the brief form 地名：…';
    if (NOTICE_TITLE.test(block.text)) return 'a notice word (公告, 通知…)';
    if (PLACE_OPENING.test(block.text)) return 'opens with a place name';
    return undefined;
  };
  /** The brief form `地名：…` and notice titles: never the continuation of a sentence. */
  const strongHeadline = (block: Block): boolean =>
    (LEAD_COLON.test(block.text) && !CONTACT_LABEL.test(block.text)) || NOTICE_TITLE.test(block.text) || block.kicker !== undefined;

  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    const afterNext = blocks[index + 2];
    const headerFollows = (b: Block | undefined) =>
      b !== undefined && (b.shape === 'subtitle' || (b.shape === 'author-line' && (splitNames(b.text).length > 1 || afterNextIsBodyOrHeader(blocks, index + 1))));

    switch (block.shape) {
      case 'md-headline':
        start(block.text);
        trace(block, 'headline', 'markdown #');
        return;
      case 'subtitle': {
        const subtitle = block.text.replace(/^(——|──|—|--)+\s*/, '').trim();
        if (current && current.inHeader && !current.subtitle) {
          current.subtitle = subtitle;
          trace(block, 'subtitle', 'under its headline');
        } else if (current && current.body.length > 0 && current.headings.has(current.body[current.body.length - 1])) {
          // A subtitle under a line we took for a section heading: that line was a headline.
          const title = current.body.pop() as string;
          current.headings.delete(title);
          start(title).subtitle = subtitle;
          trace(block, 'subtitle', 'the line above it is a headline after all');
        } else {
          start('').subtitle = subtitle;
          trace(block, 'subtitle', 'no headline above it (displaced or lost)');
        }
        return;
      }
      case 'author-line': {
        const names = splitNames(block.text);
        if (current?.winnersList) {
          // `溆浦县 舒雨桐` under `一等奖`: an entry of the list, not a byline.
          addText(current, block.text);
          current.openParagraph = false;
          trace(block, 'body', 'an entry of a winners\' list');
          return;
        }
        if (current && current.inHeader && (current.title || current.subtitle || current.kicker)) {
          current.authors.push(...names);
          current.signed = true;
          trace(block, 'authors', 'under the headline');
        } else if (current && current.title && current.authors.length === 0 && photoStoryLead(current)) {
          // A photo story: short captions printed between the headline and its author line.
          current.captions.push(...current.body.splice(0));
          current.authors.push(...names);
          current.signed = true;
          current.inHeader = true;
          current.openParagraph = false;
          trace(block, 'authors', 'the short paragraphs above it are photo captions');
        } else if (names.length > 1 || afterNextIsBodyOrHeader(blocks, index)) {
          // Authors with no headline above them: the headline is displaced (or lost).
          start('');
          (current as Draft).authors.push(...names);
          (current as Draft).signed = true;
          trace(block, 'authors', 'no headline above them: an article whose headline is printed elsewhere');
        } else if (current && block.byRole && current.body.length > 0 && current.authors.length === 0 && !current.inHeader) {
          // `记者 张三` after the text: the article's byline.
          current.authors.push(...names);
          trace(block, 'byline', 'a reporter named after the text');
        } else if (current) {
          addText(current, block.text);
          trace(block, 'body', 'a lone name inside the text');
        } else if (next?.shape === 'short') {
          // `衡阳` over the first headline of a tag page: the tag's (or account's) name, not a person.
          trace(block, 'furniture', 'a lone name over the first headline: the page\'s tag or account name');
        } else {
          start(block.text);
          trace(block, 'headline', 'first line of the page');
        }
        return;
      }
      case 'byline':
      case 'end-mark':
      case 'photo-credit':
      case 'author-note':
      case 'date-line':
      case 'caption':
        if (!current) start('').fragment = true;
        closeOrCredit(current as Draft, block);
        trace(block, CLOSING_DECISIONS[block.shape], current?.fragment && current.body.length === 0 ? 'before any article' : '');
        return;
      case 'short': {
        if (block.label && (next?.shape === 'short' || next?.shape === 'md-headline')) {
          pendingKicker = block.kicker ?? '';
          trace(block, 'kicker', 'a column label over the next headline');
          return;
        }
        if (PRIZE_LIST_LINE.test(block.text)) {
          if (!current) start('').fragment = true;
          addHeading(current as Draft, block.text);
          (current as Draft).winnersList = true;
          trace(block, 'section heading', 'a prize rank or winners\' list label (一等奖, 附：…名单): never a headline');
          return;
        }
        if (block.label || CONTACT_LABEL.test(block.text) || EDITOR_NOTE.test(block.text)) {
          // `联系电话：…`, `地址：…`: a notice's own lines, each a paragraph of its own.
          if (!current) start('').fragment = true;
          addText(current as Draft, block.text);
          (current as Draft).openParagraph = false;
          trace(block, 'body', 'a label line (column, contact details, editor\'s note): never a headline');
          return;
        }
        if (current && current.inHeader && current.title && current.authors.length > 0 && current.body.length === 0 && kickerShaped(block.text) &&
            next?.shape !== 'author-line' && next?.shape !== 'article-data' && !headerFollows(next)) {
          // A signed headline with no text yet: what stands before its text is its series line
          // (printed under the author line) or, after that, the captions of a web article's lead photos.
          if (!current.kicker) {
            current.kicker = block.text;
            trace(block, 'kicker', 'a series line under the author line');
          } else {
            current.captions.push(block.text);
            trace(block, 'caption', 'between a signed headline and its text');
          }
          return;
        }
        // A dateline (`本报讯…`) opens a news item: the short line above it is its headline.
        const confirmation = index === forcedHeadline ? 'a kicker above it'
          : headerFollows(next) ? (next?.shape === 'subtitle' ? 'a subtitle below it' : 'an author line below it')
          : next?.shape === 'article-data' ? 'article data (source, time) below it'
          : next?.shape === 'text' && datelineOf(next.text) ? 'a dateline below it' : undefined;
        if (confirmation) {
          start(block.text, block);
          trace(block, 'headline', confirmation);
          return;
        }
        if (next?.shape === 'md-headline') {
          pendingKicker = block.text;
          trace(block, 'kicker', 'over a markdown headline');
          return;
        }
        if (next?.shape === 'short' && !next.label && !EDITOR_NOTE.test(next.text) && !CONTACT_LABEL.test(next.text) &&
            afterNext !== undefined && afterNext.shape !== 'short' && kickerShaped(block.text) &&
            (headerFollows(afterNext) || headlineEvidence(next, index + 1) !== undefined)) {
          // Two short lines over the body: a kicker and its headline.
          pendingKicker = block.text;
          forcedHeadline = index + 1;
          trace(block, 'kicker', 'two short lines over the text: kicker and headline');
          return;
        }
        const placeHeadline = PLACE_OPENING.test(block.text) && next !== undefined && next.shape === 'text';
        const continuation = unbalanced(block.text) ? 'a quote or bracket left open'
          : clauseCount(block.text) > 2 ? 'more clauses than a headline has'
          : current?.openParagraph && !current.inHeader && !current.closed && !strongHeadline(block) && !placeHeadline ? 'the paragraph above is unfinished' : undefined;
        if (continuation) {
          if (!current) start('').fragment = true;
          addText(current as Draft, block.text);
          trace(block, 'body', continuation);
          return;
        }
        const evidence = headlineEvidence(block, index) ?? teaserEvidence(index);
        if (evidence) {
          start(block.text, block);
          trace(block, 'headline', evidence);
          return;
        }
        addHeading(current as Draft, block.text);
        trace(block, 'section heading', 'short, but nothing confirms a new article');
        return;
      }
      case 'article-data':
        // (A post listed with no text at all ends at its time too, when that is a list's `…下午 4:38`.)
        if (current && POSTING_TIME.test(block.text) && ((!current.inHeader && current.body.length > 0) || (current.title && /[上下]午|晚上|凌晨|中午/.test(block.text)))) {
          // `4月16日 下午 4:38` under a post's text: that post ends; an unfinished lede stays unfinished.
          current.stamped = true;
          current.openParagraph = false;
          trace(block, 'furniture', 'a posting time: the post above ends here');
          return;
        }
        trace(block, 'furniture', 'article data (source, time, editor)');
        return; // it confirmed the headline above it (see 'short'); it holds no text
      case 'bold-heading':
        if (!current) start('').fragment = true;
        addHeading(current as Draft, block.text);
        trace(block, 'section heading', 'bold or markdown ##');
        return;
      case 'text': {
        // `…生机和活力。（康少兵）`: a byline closing the last paragraph.
        const trailing = TRAILING_BYLINE.exec(block.text) ?? TRAILING_BARE_BYLINE.exec(block.text);
        const trailingNames = trailing ? namesWithoutRoles(trailing[2]) ?? (isNameList(trailing[2]) ? trailing[2] : undefined) : undefined;
        if (trailing && trailingNames) {
          const text = block.text.slice(0, trailing.index + trailing[1].length);
          blocks[index] = { ...block, text };
          handleText(blocks[index]);
          closeOrCredit(current as Draft, { line: block.line, text: `（${trailingNames}）`, shape: 'byline' });
          trace(block, 'body', 'closed by the byline at its end');
          return;
        }
        handleText(block);
        return;
      }
    }
  });
  return drafts;

  /** Body text: continues the current article, or starts a fragment when it cannot belong to it. */
  function handleText(block: Block): void {
    let why = datelineOf(block.text) ? 'dateline read' : '';
    const jump = JUMP_IN.exec(block.text);
    if (jump) {
      // `（上接1版）…`: the rest of an article begun elsewhere; repair joins it to that article if it is on this page.
      start('').fragment = true;
      addText(current as Draft, block.text.slice(jump[0].length));
      trace(block, 'body', 'continued from another page (上接…): a fragment');
      return;
    }
    if (!current || current.closed) {
      why = current ? 'text after a closed article: a fragment' : 'text before any headline: a fragment';
      start('').fragment = true;
    } else if (datelineOf(block.text) && !current.inHeader && current.body.length > 0 && (current.datelined || current.authors.length > 0)) {
      // A new news item whose headline was lost in the layout.
      start('').fragment = true;
      why = 'a second dateline: another item, its headline lost';
    } else if (startsMidSentence(block.text) && !current.inHeader && !current.openParagraph && current.body.length > 0 &&
               endsSentence(current.body[current.body.length - 1])) {
      // A complete paragraph followed by text cut from another sentence: another column's text.
      start('').fragment = true;
      why = 'opens mid-sentence after a complete paragraph: continued from elsewhere';
    } else if (current.openParagraph && current.body.length > 0 && !LIST_ITEM.test(block.text)) {
      why ||= 'continues the unfinished paragraph above';
    }
    addText(current as Draft, block.text);
    trace(block, 'body', why);
  }
}

/** Whether the block after `index` is body text or header material (so `index` is a real author line). */
function afterNextIsBodyOrHeader(blocks: Block[], index: number): boolean {
  const after = blocks[index + 1];
  return after !== undefined && after.shape !== 'short';
}

/** Bylines, credits, captions and notice dates. */
function closeOrCredit(draft: Draft, block: Block): void {
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
      if (last !== undefined && !draft.inHeader && (last.length < 120 || !draft.openParagraph)) {
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

