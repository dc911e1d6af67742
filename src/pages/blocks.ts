/**
 * Classifying the lines of a page. Each non-empty line of a page is one block; this file decides
 * what each block looks like on its own (a possible headline, an author line, a byline, a caption
 * credit…). Whether a headline-shaped line really starts an article depends on its neighbours and
 * is decided in ./split.ts.
 */
import { withoutCopyLeftovers } from './copy-leftovers.ts';
import { splitGluedDataLine } from './glued-data.ts';
import { markGluedLabels, splitRunTogetherLeads } from './glued-label.ts';
import { markRelatedLinks } from './related-links.ts';
import { splitBilingualHeadlines } from './bilingual.ts';
import { splitBracketedEntries } from './bracketed-entry.ts';
import { markPictures, photoCreditAlone, uncreditedCaption } from './photo-captions.ts';
import { markRetitledPageTitle } from './split-retitled.ts';
import { markSiteBanner, markSiteNameLines, markSiteSlogans } from './site-name.ts';
import {
  authorsOfLine,
  INSTITUTION_AUTHOR,
  isNameList,
  isPenNameLine,
  LINE_MARKER,
  namesWithoutRoles,
  pairSingleCharacters,
  slashCreditNames,
  staffByline,
} from './author-lines.ts';
import { type Block, type BlockShape, CONTACT_LABEL, type LineReading, MAX_HEADING_LENGTH } from './block-shapes.ts';
import { datelineOf } from './dateline.ts';
import { authorsInArticleData, furnitureOf, isRunningText } from './furniture.ts';
import { markFieldValues } from './field-values.ts';
import { markIssueDate } from './page-date.ts';
import { printedLines, unwrapHardWrapped } from './hard-wrap.ts';
import { markRosters } from './roster.ts';
import {
  closeLetterSpacing,
  dashInsideQuotes,
  hasTitleLabel,
  headingShaped,
  markLongHeadlines,
  markBaitHeadlines,
  markRepeatedTitles,
  TITLE_DASH_SUBTITLE,
  withColumn,
  withoutFarmMarks,
  withoutCopyPrefix,
  withoutTitleLabel,
  withoutTitleQuotes,
} from './headline-forms.ts';
import { markLists, markNumberedCopies } from './headline-lists.ts';

// The modules the line reading is built from, re-exported for the splitter, the tagger and tests.
export * from './block-shapes.ts';
export { authorsOfLine, isNameList, namesWithoutRoles, splitNames } from './author-lines.ts';
export { type Dateline, datelineOf } from './dateline.ts';
export { printedLines, unwrapHardWrapped } from './hard-wrap.ts';

const BRACKETED = /^[（(]\s*([^（）()]+?)\s*[）)]$/;
const TRAILING_CREDIT = /[（(][^（）()]{2,40}(?:摄|供图|图)[）)]$/;
/** A caption signed after it without brackets: `工人正在赶制订单。 邹凯 摄`, `…一角。本报记者 谭雨薇 摄`. */
const TRAILING_BARE_CREDIT =
  /(?:[。！？]|[ 　])\s*(?:[\u4e00-\u9fa5·]{0,16}?(?:记者|通讯员))?\s*[\u4e00-\u9fa5·]{2,4}(?:[ 　、]+[\u4e00-\u9fa5·]{2,4}){0,3}\s*(?:摄|摄影|供图)$/;

/** Strips markdown markers; returns the text and what the markers said. */
function stripMarkdown(raw: string): { text: string; heading: number; bold: boolean } {
  let text = raw.trim();
  let heading = 0;
  const hashes = /^(#{1,6})\s+/.exec(text);
  if (hashes) {
    heading = hashes[1].length;
    text = text.slice(hashes[0].length).trim();
  }
  // A run of four or more asterisks at either end is decoration (`标题******`), not bold markers.
  text = text.replace(/^[*＊]{4,}|[*＊]{4,}$/g, '').trim();
  let bold = false;
  const wholeBold = /^\*\*(.+?)\*\*$/.exec(text);
  if (wholeBold) {
    bold = true;
    text = wholeBold[1].trim();
  }
  // Bold lead-ins inside a paragraph (`**智治提效**。正文`) are emphasis only: drop the markers.
  text = text.replace(/\*\*(.+?)\*\*/g, '$1');
  return { text, heading, bold };
}

/** Bullets before a headline or a paragraph (`★北湖区：…`, `• 株洲日报讯…`); they are not text. */
const BULLET = /^[★☆●○◆◇▶►▷•]\s*/;

const HTML_ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&ldquo;': '“',
  '&rdquo;': '”',
  '&mdash;': '—',
  '&hellip;': '…',
};

/** A wiki's tabs glued after the entry's name (`某某中心查看源代码讨论查看历史`), as copied. */
const WIKI_TABS =
  /(?<=[\u4e00-\u9fa5]{2})(?:检视原始码|檢視原始碼|查看源代码|编辑源代码|讨论|討論|检视历史|檢視歷史|查看历史|编辑|編輯){2,}$/;

/**
 * What copying from a web page leaves in a line: HTML tags and entities, pinyin glosses after
 * characters (`长(zhǎng)沙`, spam mirrors), role words printed letter-spaced (`记 者：张三`).
 */
/** A national e-paper's citation after the byline: `本报记者 某某 《 某某日报 》( 2031年05月21日 第 07 版)`, `04 版` without 第. */
const PAPER_CITATION = /\s*《\s*[^》]{2,12}?\s*》\s*[(（]\s*(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*(?:第\s*)?\d{1,3}\s*版\s*[)）]$/;

function cleanLine(text: string): string {
  return (
    withoutCopyLeftovers(text)
      .replace(WIKI_TABS, '')
      .replace(PAPER_CITATION, '')
      .replace(/<\/?[a-zA-Z][^<>]{0,300}>/g, '')
      // Bars that only look like the column bar (∣ a maths sign, │ a box-drawing line, ￨): the bar itself.
      .replace(/[∣│￨]/g, '｜')
      .replace(/&(?:[a-z]+|#\d+);/g, (entity) => HTML_ENTITIES[entity] ?? entity)
      .replace(/(?<=[\u4e00-\u9fa5])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,12}[)）]/g, '')
      .replace(
        /(记|编|通|摄|校)[ \u3000]+(者|辑|讯[ \u3000]*员|影|对)(?=[ \u3000]*[：:])/g,
        (_, a: string, b: string) => a + b.replace(/[ \u3000]/g, ''),
      )
      .trim()
      .replace(CELL_BAR_AFTER_SENTENCE, '')
  );
}

/** A table cell's bar left after a sentence or a photo credit (`某县城全貌。某某摄 |`). */
const CELL_BAR_AFTER_SENTENCE = /(?<=[。！？摄”\u4e00-\u9fa5])\s+[|｜]$/;

/** A document number (`娄经征预告〔2024〕12号`, `湘政办发[2024]3号`): part of a notice, never a headline. */
const DOCUMENT_NUMBER = /[〔［\[(（]\s*(?:19|20)\d\d\s*[〕］\])）]\s*(?:第\s*)?\d{1,4}\s*号$/;

/** `（某某视察项目建设现场）`: a scene in brackets, with no full stop; not names, a number or a date. */
function bracketedScene(inner: string): boolean {
  const text = inner.trim();
  return (
    text.length >= 6 &&
    text.length <= 60 &&
    /[\u4e00-\u9fa5]{4}/.test(text) &&
    !/^[\d一二三四五六七八九十]+$/.test(text) &&
    !/^(?:19|20)\d\d年|^\d{1,2}月\d{1,2}日$/.test(text) &&
    !/[，。；]/.test(text)
  );
}

/** `——本报编辑部` under a closing wish: the piece's signature (an editorial's, a letter's), no subtitle. */
function signedOff(text: string, block: (shape: BlockShape, extra?: Partial<Block>) => LineReading): LineReading | undefined {
  const signOff = /^(?:——|──|—|--)\s*(\S.*)$/.exec(text)?.[1];
  return signOff && INSTITUTION_AUTHOR.test(signOff) ? block('byline', { text: signOff }) : undefined;
}

/** Classifies one line of a page; undefined for blank lines and page furniture. */
export function classifyLine(raw: string, line: number): Block | undefined {
  return readLine(raw, line).block;
}

/** A role and a name closed by a colon, alone on its line: who speaks in the lines under it. */
const SPEAKER_LABEL = /^[^，。,：:]{2,24}\s[\u4e00-\u9fa5]{2,4}\s*[：:]$/;

function readLine(raw: string, line: number): LineReading {
  const stripped = stripMarkdown(raw);
  const { heading, bold } = stripped;
  let text = closeLetterSpacing(cleanLine(stripped.text).replace(BULLET, ''));
  if (text === '') return { line, raw };
  const furniture = furnitureOf(text);
  if (furniture === 'article data') {
    const authors = authorsInArticleData(text);
    const names =
      authors && (authorsOfLine(authors) ?? (isNameList(authors.replace(/[，,、]/g, ' ')) ? authors.replace(/[，,、]/g, ' ') : undefined));
    return { line, raw, block: names ? { line, text: names, shape: 'author-line' } : { line, text, shape: 'article-data' } };
  }
  if (furniture) return { line, raw, furniture };
  const block = (shape: BlockShape, extra: Partial<Block> = {}): LineReading => ({ line, raw, block: { line, text, shape, ...extra } });
  // `某校文学社主编 张三：` over a quotation (a TV script's speaker): the speaker's label, never a byline.
  const speaker = SPEAKER_LABEL.test(text);
  if (!speaker && INSTITUTION_AUTHOR.test(text)) return block('author-line', { text: text.replace(LINE_MARKER, '') });
  if (!speaker && staffByline(text)) return block('author-line', { text: '' });
  const roleFree = speaker ? undefined : namesWithoutRoles(text);
  const byRole = roleFree !== undefined && !/^[（(]/.test(text) && /记者|通讯员|实习生|评论员/.test(text);
  // `文/某某`: the writer's mark makes it an author line even for a pen name no surname test knows.
  if (roleFree !== undefined && isPenNameLine(text)) return block('author-line', { text: roleFree, penName: true });
  const slashCredits = speaker ? undefined : slashCreditNames(text);
  if (slashCredits !== undefined) return block('author-line', { text: slashCredits });
  if (roleFree !== undefined && !/^[（(]/.test(text)) text = roleFree;

  if (/^(——|──|—|--)/.test(text)) return signedOff(text, block) ?? block('subtitle');
  if (heading === 1) return block('md-headline');
  if (heading >= 2) return block(text.length <= MAX_HEADING_LENGTH ? 'bold-heading' : 'text');
  if (bold) return block('bold-heading');

  if (/^[（(](?:完|全文完|本文完)[）)]$/.test(text)) return block('end-mark');
  const bracketed = BRACKETED.exec(text);
  if (bracketed) {
    const inner = namesWithoutRoles(bracketed[1]) ?? pairSingleCharacters(bracketed[1].trim());
    if (inner !== bracketed[1].trim()) text = `（${inner}）`;
    if (/^作者(系|为|是)/.test(inner)) return block('author-note');
    if (/\s*摄$/.test(inner) && isNameList(inner.replace(/\s*摄$/, '').trim())) return block('photo-credit');
    if (isNameList(inner)) return block('byline');
  }
  // A sentence wholly in brackets (`（新建的村级服务中心。）`, `（资料图片）`): a caption.
  // …and a scene in brackets with no full stop (`（某某视察建设现场）`): headlines are never bracketed.
  if (
    bracketed &&
    (/[。！]$/.test(bracketed[1].trim()) || /图片|图为|供图|截图|[。！]\s*.{2,24}摄$/.test(bracketed[1]) || bracketedScene(bracketed[1])) &&
    text.length < 150
  )
    return block('caption');
  // `某某 摄`, `某 某摄（某某视觉）`, `资料图片`, `某某日报记者 某某 摄`: a picture's credit on its own line
  const credit = photoCreditAlone(text);
  if (credit !== undefined) return block('photo-credit', { text: credit });
  if ((TRAILING_CREDIT.test(text) || TRAILING_BARE_CREDIT.test(text)) && text.length < 150) return block('caption');
  if (uncreditedCaption(text)) return block('caption');
  if (/^(19|20)\d\d年\d{1,2}月\d{1,2}日$/.test(text)) return block('date-line');
  if (isNameList(text) && !/(公告|启事|声明|通知|通告|公示)$/.test(text)) return block('author-line', byRole ? { byRole } : {});
  if (datelineOf(text)) return block('text'); // a dateline opens running text, even when short
  if (DOCUMENT_NUMBER.test(text)) return block('text'); // `某政发〔2024〕12号` under a notice's title
  const farm = withoutFarmMarks(text);
  text = farm.text;
  const dashed = TITLE_DASH_SUBTITLE.exec(text);
  if (dashed && headingShaped(dashed[1]) && headingShaped(dashed[2]) && !CONTACT_LABEL.test(text) && !dashInsideQuotes(dashed[1])) {
    return { line, raw, block: withColumn({ line, text: dashed[1], shape: 'short', subtitle: dashed[2], dropped: farm.dropped }) };
  }
  // A web page title keeps the site's name after it: `标题_站名`, `标题-【新闻】`, `标题|某某日报` (the source paper).
  // (Only after a headline's worth of words: `读报|我与某某日报` is a column and its headline.)
  // …or after a colon, when the name says it is a site (`标题：某某官方网站`, `标题:某某官网`).
  text = text.replace(
    /\s*(?:_[^_]{2,16}){1,3}$|\s*-\s*【[^】]{1,10}】$|[：:][^：:，。]{2,16}(?:官方网站|官网|网站|首页|门户网站?)$|\s*[|｜]\s*[\u4e00-\u9fa5]{2,8}(?:日报|晚报|早报|都市报|报|网|新闻社|通讯社|电视台|客户端)$/,
    (suffix) => (text.length - suffix.length >= 6 ? '' : suffix),
  );
  const labelled = hasTitleLabel(text);
  const bare = withoutFarmMarks(withoutCopyPrefix(withoutTitleQuotes(withoutTitleLabel(text))));
  text = bare.text;
  const dropped = bare.dropped ?? farm.dropped;
  const titleField = { ...(labelled ? { titleField: true } : {}), ...(dropped ? { dropped } : {}) };
  if (headingShaped(text)) {
    const split = withColumn({ line, text, shape: 'short', ...titleField });
    if (split.kicker !== undefined && headingShaped(split.text)) return { line, raw, block: split };
    // `【温馨提示】` alone: a column label, never a headline by itself.
    if (/^【[^】]{1,12}】$/.test(text)) return block('short', { kicker: text.slice(1, -1), label: true });
    return block('short', titleField);
  }
  return block('text');
}

/**
 * Every line of a page with what it was taken for. After each line is read on its own, two
 * readings need the page: a run of four or more headline-shaped lines with nothing between them
 * is a list (an e-paper's 标题导航, a 相关新闻 box), and a headline printed twice in a web dump
 * (the page title, then again over the article; also `标题_站名`) keeps only its last printing,
 * unless the first has the article's data right under it. A bilingual line (headline, English
 * title, caption) is read as two blocks first.
 */
export function pageLines(text: string): LineReading[] {
  const printed = printedLines(text);
  const read = unwrapHardWrapped(printed).flatMap((joined, index) =>
    splitGluedDataLine(joined).map((part) => ({ ...readLine(part, index + 1), raw: printed[index] })),
  );
  markIssueDate(read);
  markFieldValues(read);
  markMenuBullets(read);
  markRelatedLinks(read);
  markPictures(read);
  const readings = splitBracketedEntries(splitBilingualHeadlines(read));
  markLongHeadlines(readings);
  markRosters(readings);
  markSiteBanner(readings);
  markSiteSlogans(readings);
  markNumberedCopies(readings);
  markLists(readings);
  markRepeatedTitles(readings);
  markRetitledPageTitle(readings);
  markBaitHeadlines(readings);
  markGluedLabels(readings);
  const leads = splitRunTogetherLeads(readings);
  markSiteNameLines(leads);
  return leads;
}

/** Classifies every non-empty line of a page (furniture left out). */
export function pageBlocks(text: string): Block[] {
  return blocksOf(pageLines(text));
}

/** The blocks of a page's lines, each marked when a masthead or a list of headlines stands before it. */
export function blocksOf(readings: readonly LineReading[]): Block[] {
  const blocks: Block[] = [];
  const listed = new Set(readings.filter((r) => r.furniture === 'list').map((r) => listKey(r.raw)));
  let section = false;
  for (const reading of readings) {
    if (reading.furniture && SECTION_BREAKS.has(reading.furniture)) section = true;
    if (!reading.block) continue;
    const marks = { ...(section ? { afterSectionBreak: true } : {}), ...(listed.has(listKey(reading.block.text)) ? { listed: true } : {}) };
    blocks.push(Object.keys(marks).length > 0 ? { ...reading.block, ...marks } : reading.block);
    section = false;
  }
  return blocks;
}

/** A list line and a headline compared: without bullets, spaces and the site's markup. */
function listKey(text: string): string {
  return text.replace(BULLET, '').replace(/\s+/g, '');
}

/** Furniture that parts a page into regions (a masthead, a list of headlines): no paragraph runs across it. */
const SECTION_BREAKS = new Set<string>(['masthead', 'list', 'page header']);

/** A site's menu printed as a bulleted list (`• 时政`, `• 国际`, …): one or two words an item. */
const MENU_BULLET = /^\s*(?:[•●▪◦·]|[-*]\s)/;
const MENU_ITEM_MAX = 4;
const MENU_MIN = 3;

/**
 * Three or more bulleted one-word lines in a row above the page's first paragraph are its menu,
 * never authors or headlines. (Below the text a bulleted list may be the article's own.)
 */
function markMenuBullets(readings: LineReading[]): void {
  let run: LineReading[] = [];
  const flush = () => {
    if (run.length >= MENU_MIN)
      for (const reading of run) {
        reading.furniture = 'menu';
        reading.block = undefined;
      }
    run = [];
  };
  for (const reading of readings) {
    const text = reading.block?.text;
    if (text === undefined) continue;
    if (MENU_BULLET.test(reading.raw) && text.replace(/\s+/g, '').length <= MENU_ITEM_MAX && !/[，。、：:！？]/.test(text)) {
      run.push(reading);
      continue;
    }
    flush();
    if (isRunningText(text)) return;
  }
  flush();
}
