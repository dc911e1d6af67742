/**
 * Headline forms: letter-spaced titles, `主题——副题` and `栏目|标题` on one line, what a headline
 * may look like; and the passes over a page's lines that need neighbours (long one-line
 * headlines, a headline printed twice; lists of headlines are ./headline-lists.ts).
 */
import { type Block, endsSentence, type LineReading, MAX_HEADING_LENGTH } from './block-shapes.ts';
import { datelineOf } from './dateline.ts';
import { markShareBars } from './share-bar.ts';

/** Letter-spaced titles (`征 地 公 告`): single characters with spaces between them. */
export function closeLetterSpacing(text: string): string {
  return /^[\u4e00-\u9fa5](?:[ \u3000]+[\u4e00-\u9fa5]){2,}$/.test(text) ? text.replace(/[ \u3000]+/g, '') : text;
}

/**
 * `【栏目】标题`: a column label printed before the headline on the same line; its number in the
 * series may follow the label (`【某某笔记】之六：标题`, `【某某】（三）标题`) and stays with it.
 */
// (`之六`, `第3期` only before a colon, so `【栏目】之后…` stays a headline; a bracketed number needs none.)
// (A forum prints its board's label in ASCII brackets: `[时事评论] 标题`.)
const COLUMN_PREFIX =
  /^(?:【([^】]{1,14})】|\[([^\]]{1,14})\])\s*((?:之[一二三四五六七八九十]{1,3}|第[一二三四五六七八九十\d]{1,3}[期篇集])(?=\s*[：:])|[(（][一二三四五六七八九十\d]{1,3}[)）])?[：:]?\s*(.+)$/;
/** `主题——副题` on one line. */
// A single dash joins places (`长沙—广州`), so only a double one parts title and subtitle.
export const TITLE_DASH_SUBTITLE = /^(.{4,36}?)\s*(?:——|──|--)\s*(.{4,40})$/;
/** `栏目|标题`, `栏目丨标题`: a column name and a bar before the headline. */
// (丨 is itself a CJK character, so the column name must not swallow it.) Series names run to
// sixteen characters and may hold spaces, book-title marks and an issue number
// (`某某采访团…侧记丨…`, `山水青溪 等你来 | …`, `《青溪印记》(第12期)|…`); one that lists places
// with 、 (`某某团走进甲市、乙县某村见证丨…`) runs to twenty-four.
// A series may be quoted and numbered (`某村和“它的邻居们”①丨…`, a 红网 series on a portal's reprint).
const COLUMN_BAR =
  /^((?:(?!丨)[\u4e00-\u9fa5A-Za-z0-9·《》()（）“”‘’①-⑳ \u3000]){2,16}?|(?:(?!丨)[\u4e00-\u9fa5A-Za-z0-9·《》()（）“”‘’①-⑳ \u3000、]){4,24}?)\s*[|｜丨]\s*(.+)$/;

/**
 * `标题｜系列③`, `标题|某某行之二`, `标题 | 系列·某县篇`: the bar reversed, a series name with its number
 * (or its instalment's `·…篇`) after the headline. (That mark is what tells a series from a headline after the bar.)
 */
const BAR_SERIES =
  /^(.{4,40}?)\s*[|｜丨]\s*((?:(?![|｜丨]).){2,20}?(?:[①-⑳]|之[一二三四五六七八九十]{1,3}|[(（][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}[期篇站集季]|·[\u4e00-\u9fa5]{2,8}篇))$/;

/** A headline with its column name (`【栏目】标题`, `栏目丨标题`, `标题｜系列③`) taken off into the kicker. */
export function withColumn(headline: Block): Block {
  const series = BAR_SERIES.exec(headline.text);
  if (series) return { ...headline, text: series[1], kicker: series[2] };
  const prefixed = COLUMN_PREFIX.exec(headline.text);
  if (prefixed && prefixed[4].length >= 4)
    return { ...headline, text: prefixed[4], kicker: (prefixed[1] ?? prefixed[2]) + (prefixed[3] ?? '') };
  const column = COLUMN_BAR.exec(headline.text);
  // (A numbered series before the bar, `某地地名故事①|某县`, is a column for sure: a place's name alone is its headline.)
  const least = column && NUMBERED_SERIES.test(column[1]) ? 2 : 4;
  return column && column[2].length >= least ? { ...headline, text: column[2], kicker: column[1] } : headline;
}

/** A series' number at the end of a column name: `①`, `之三`, `(二)`, `第5期`. */
const NUMBERED_SERIES =
  /(?:[①-⑳]|之[一二三四五六七八九十]{1,3}|[(（][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}[期篇站集季])\s*$/;

/**
 * Gambling spam that mirror sites glue before a headline (`某某彩现场开奖结果十村记…`): words no
 * news headline opens with. What follows it is the headline.
 */
const SPAM_PREFIX =
  /^[\u4e00-\u9fa5\dA-Za-z]{0,12}?(?:开奖结果|开奖记录|开奖号码|开奖直播|开奖现场|六合彩|时时彩|博彩|娱乐城|百家乐|彩票网)\s*/;

/**
 * An aggregator's location path before a copied headline, the county in ASCII brackets:
 * `湖南某市[某县] 某县举办…`. It files the item; the headline is what follows.
 */
const LOCATION_TAG = /^[\u4e00-\u9fa5]{2,8}\[[\u4e00-\u9fa5]{2,8}\]\s+/;

/**
 * A farm's place tag glued before a copied headline that opens with the same place and a colon
 * (`某县某镇某县某镇：标题`): the words doubled before the colon, a glitch no newsroom prints.
 */
const DOUBLED_LEAD = /^([\u4e00-\u9fa5]{2,10})(?=\1[:：])/;

/** The line without a spam prefix, a location path or a doubled tag, when enough of a headline is left after it. */
export function withoutCopyPrefix(text: string): string {
  const spam = SPAM_PREFIX.exec(text) ?? LOCATION_TAG.exec(text) ?? DOUBLED_LEAD.exec(text);
  return spam && text.length - spam[0].length >= 4 ? text.slice(spam[0].length) : text;
}

/**
 * What a content farm adds to a copied headline: its keyword column before it (`当前观察：`,
 * `天天快讯：`, `当前滚动：`, `全球观热点：`, in traditional characters too, the farm's template words, never a newsroom's column) and an aggregator's page
 * number after it, spaced inside its brackets (`标题( 五 )`, the fifth page of the story).
 */
const FARM_COLUMN =
  /^(?:当前|當前|今日|每日|天天|全球|环球|環球|世界|焦点|焦點|实时|實時|热门|熱門)(?:观|觀|看)?(?:观察|觀察|热闻|熱聞|热点|熱點|快讯|快訊|快看|快播|速递|速遞|热议|熱議|聚焦|播报|播報|热文|熱文|关注|關注|热搜|熱搜|看点|看點|滚动|滾動)\s*[:：]\s*/;
// (…or a gallery's picture counter, `标题 ( / 6)`, `标题（2/6）`)
const PAGE_NUMBER = /\s*[(（](?:\s+(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s+|\s*(?:\d{1,2}\s*)?[/／]\s*\d{1,2}\s*)[)）]$/;

/**
 * A posting platform's tag on a copied headline: `置顶`, `原创`, `精华` before or after it (glued only
 * where no headline opens or ends with the word), a one-character badge spaced after it (`标题 热`, `标题 荐`),
 * a topic's hashtag (`#某某#`) before or after it.
 */
// (`原创`, `精华` open headlines too, `原创歌曲…`: before it only with a space.)
const PLATFORM_TAG_BEFORE = /^(?:(?:置顶|热帖)\s*|(?:原创|精华)\s+|#[^#\s]{1,20}#\s*)/;
// (`精华` ends headlines too, `民间艺术精华`: after it only with a space.)
const PLATFORM_TAG_AFTER = /(?:\s*(?:原创|置顶)|\s+(?:精华|热|荐|新|顶|热门|推荐)|\s*#[^#\s]{1,20}#)$/;

/** The headline without a content farm's keyword column and page number, and what was dropped. */
export function withoutFarmMarks(text: string): { text: string; dropped?: string } {
  const column = FARM_COLUMN.exec(text);
  const page = PAGE_NUMBER.exec(text);
  let bare = column ? text.slice(column[0].length) : text;
  if (page) bare = bare.slice(0, bare.length - page[0].length);
  const tagged = bare;
  bare = bare.replace(PLATFORM_TAG_BEFORE, '').replace(PLATFORM_TAG_AFTER, '');
  const tag = bare !== tagged;
  if (bare.length < 4 || bare === text) return { text };
  const what = [
    column && "a content farm's keyword column before it",
    page && "an aggregator's page number after it",
    tag && "a platform's tag (置顶, 原创, #话题#) on it",
  ];
  return { text: bare, dropped: what.filter(Boolean).join(' and ') };
}

/**
 * `标题：…`, `题目：…`: a CMS prints the field's label before the title; print and close buttons
 * (`[打印本页]`, `【关闭窗口】`) may follow it on the same line. Neither is part of the headline.
 * (`原标题：` is left alone: reprints print it under their own, new headline.)
 */
const TITLE_LABEL = /^(?:标题|题目|文章标题)\s*[:：]\s*/;
const TRAILING_BUTTONS = /(?:\s*[[【]\s*(?:打印本页|打印此文|打印|关闭窗口|关闭|收藏本页|收藏)\s*[\]】])+$/;

/** The title without its CMS field label and the buttons printed after it, when a title is left. */
export function withoutTitleLabel(text: string): string {
  const bare = text.replace(TRAILING_BUTTONS, '');
  const label = TITLE_LABEL.exec(bare);
  const title = label ? bare.slice(label[0].length) : bare;
  return title.length >= 4 ? title : text;
}

/** Whether the line carries a CMS's title field label (`标题：…`). */
export function hasTitleLabel(text: string): boolean {
  return TITLE_LABEL.test(text);
}

/** `'标题'`: an aggregator prints the title in ASCII quotes, markup rather than a quotation. */
const QUOTED_TITLE = /^'([^']{4,40})'$/;

/** The title without an aggregator's ASCII quotes round the whole line. */
export function withoutTitleQuotes(text: string): string {
  return QUOTED_TITLE.exec(text)?.[1] ?? text;
}

/** True when the dash of `主题——副题` would fall inside quotes (`“长沙——广州”专列`). */
export function dashInsideQuotes(head: string): boolean {
  // (ASCII quotes open and close alike: an odd number of them leaves one open.)
  const asciiOpen = (head.match(/"/g)?.length ?? 0) % 2 === 1;
  return asciiOpen || (head.match(/[“「『《]/g)?.length ?? 0) > (head.match(/[”」』》]/g)?.length ?? 0);
}

/**
 * Short, and no sentence inside: a headline, kicker or section heading. A title may close with `！`
 * or `？` (`乡村振兴，我们来了！`) but not with a full stop, and never holds a quoted exclamation.
 */
export function headingShaped(text: string): boolean {
  if (text.length > MAX_HEADING_LENGTH || /[，、,]$/.test(text)) return false;
  const body = text.replace(/[！？!?]+["”’』」）)]*$/, '');
  // …but a quoted exclamation (`“太好了！”`) is speech.
  if (body !== text && (body.length < 4 || /^[“"「『]/.test(text) || /[！？!?]["”’』」]$/.test(text) || text.length > 30)) return false;
  return !endsSentence(body) && !/[。！？]/.test(body);
}

/** The longest headline a web page or e-paper prints on one line (main title and subtitle together). */
const LONG_HEADLINE_MAX = 64;

/**
 * A line too long for a headline on its own shape, with no sentence in it, is one when what
 * follows says so: article data, an author line or a dateline right under it (web pages print
 * long headlines, and a `主题——副题` pair, on one line). A platform's share bar under the page's
 * first line says so too (./share-bar.ts).
 */
export function markLongHeadlines(readings: LineReading[]): void {
  const blocks = readings.filter((r) => r.block);
  blocks.forEach((reading, i) => {
    const block = reading.block as Block;
    const next = blocks[i + 1]?.block;
    // (A lede cut short, `……` or clause after clause, is not a headline even over a posting time.)
    if (
      block.shape !== 'text' ||
      block.text.length > LONG_HEADLINE_MAX ||
      // (An exclamation may open a headline, `盛会来了！…召开`; a quoted one is speech.)
      /[。；;]|[，,、…]$|[！？!?]["”’」』]/.test(block.text) ||
      (block.text.match(/[，,]/g)?.length ?? 0) >= 2 ||
      datelineOf(block.text) ||
      !next
    )
      return;
    const confirmed =
      next.shape === 'article-data' || next.shape === 'author-line' || (next.shape === 'text' && datelineOf(next.text) !== undefined);
    if (!confirmed) return;
    const dashed = TITLE_DASH_SUBTITLE.exec(block.text);
    const headline: Block = dashed ? { ...block, shape: 'short', text: dashed[1], subtitle: dashed[2] } : { ...block, shape: 'short' };
    reading.block = withColumn(headline);
  });
  markShareBars(readings);
}

/** A web page's title line: the headline, then a separator and the site's or column's name. */
const SITE_SUFFIX = /(?:[_|｜丨\-–—]).{1,30}$/;

/** Where a breadcrumb trail starts: the home page, or the `当前位置` label. */
const BREADCRUMB_START = /^(?:首页|主页|网站首页|当前位置|您的位置|你的位置|您现在的位置)/;

export function markRepeatedTitles(readings: LineReading[]): void {
  const blocks = readings.filter((r) => r.block);
  blocks.forEach((reading, i) => {
    const block = reading.block;
    if (!block || (block.shape !== 'short' && block.shape !== 'text' && block.shape !== 'md-headline')) return;
    const key = block.text.replace(/\s+/g, '');
    const bare = key.replace(SITE_SUFFIX, '');
    // A long title with the site's name is text-shaped; only its exact repetition counts then.
    const textShaped = block.shape === 'text';
    for (const later of blocks.slice(i + 1, i + 8)) {
      const other = later.block;
      if (!other || other === block) continue;
      const otherKey = other.text.replace(/\s+/g, '');
      if (otherKey.length < 4) continue;
      // The same headline again (or this line is it plus the site's name, or plus its subtitle).
      // …or a series label before it: `相约2025丨某某活动启动` over `某某活动启动`.
      const seriesPrefixed =
        key.endsWith(otherKey) && /[丨|｜:：·]$/.test(key.slice(0, key.length - otherKey.length)) && otherKey.length >= 6;
      // …or a breadcrumb run on to it without separators: `首页 资讯某县资讯 某县举行…活动` over `某县举行…活动`.
      const crumbPrefixed =
        key.endsWith(otherKey) && otherKey.length >= 6 && BREADCRUMB_START.test(key.slice(0, key.length - otherKey.length));
      if (crumbPrefixed) {
        reading.furniture = 'navigation';
        reading.block = undefined;
        return;
      }
      if (textShaped ? otherKey === bare && bare !== key : otherKey === key || otherKey === bare || seriesPrefixed) {
        // The same words twice, the first with the article's data right under it (`标题：…` / `作者：… 时间：…`,
        // then the title field again over the text): the first is the headline, the second the copy.
        // …or the first over its own text and data, the second printed again under them (a gallery's
        // page title at its foot): the first is the headline there too.
        // …or the first with its header under it (a subtitle, an author line) and the second printed
        // again below them over the photo (an e-paper's picture title): the first is the headline.
        const between = blocks.slice(i + 1, blocks.indexOf(later)).map((r) => r.block?.shape);
        const under = blocks[i + 1]?.block?.shape;
        const confirmed =
          // (The web headline may add its place before the print one's words: `某区：标题` over `标题`.)
          ((otherKey === key || seriesPrefixed) && under === 'article-data') ||
          (between.includes('text') && between.includes('article-data')) ||
          (otherKey === key && (under === 'subtitle' || under === 'author-line'));
        const copy = confirmed ? later : reading;
        copy.furniture = 'repeated title';
        copy.block = undefined;
        if (!confirmed) later.block = { ...other, pageTitle: true };
        return;
      }
    }
  });
}

/** How often a spam mirror prints its bait headline before the text it has nothing to do with. */
const BAIT_PRINTINGS = 3;
/** How many paragraphs after the headline are read for its words. */
const BAIT_TEXT_PARAGRAPHS = 3;

/** The two-character runs of a line (its words, roughly, without a dictionary). */
export function pairsOf(text: string): Set<string> {
  const chars = [...text.replace(/[^\u4e00-\u9fa5]/g, '')];
  return new Set(chars.slice(1).map((c, i) => chars[i] + c));
}

/**
 * A spam mirror glues another site's headline over a text it copied from elsewhere: the headline
 * printed three times and more (menu, page title, over and glued to the text), and the paragraphs
 * under it share not one two-character word with it. That headline names no article of the page;
 * the text is an excerpt without its headline. (A real article's opening always repeats some word
 * of its headline.)
 */
export function markBaitHeadlines(readings: LineReading[]): void {
  const compact = (s: string) => s.replace(/\s+/g, '');
  readings.forEach((reading, i) => {
    const block = reading.block;
    if (block?.shape !== 'short' || block.text.length < 6) return;
    const key = compact(block.text);
    const later = readings.slice(i + 1).filter((r) => r.block?.shape === 'text');
    const printings =
      readings.slice(0, i + 1).filter((r) => compact(r.raw) === key || compact(r.block?.text ?? '') === key).length +
      (later[0] && compact(later[0].block?.text ?? '').startsWith(key) ? 1 : 0);
    if (printings < BAIT_PRINTINGS || later.length === 0) return;
    const words = pairsOf(key);
    const text = later
      .slice(0, BAIT_TEXT_PARAGRAPHS)
      .map((r) => compact(r.block?.text ?? '').replace(key, ''))
      .join('');
    if ([...pairsOf(text)].some((pair) => words.has(pair))) return;
    reading.furniture = 'bait title';
    reading.block = undefined;
  });
}

/** The words of a line without spaces and punctuation, to compare two printings of a headline. */
export const wordsOf = (text: string) => text.replace(/[\s\p{P}]/gu, '');

/** Two printings of one headline: one holds the other, or they share nearly all their characters in order. */
export function sameHeadline(a: string, b: string): boolean {
  const [x, y] = [wordsOf(a), wordsOf(b)];
  if (Math.min(x.length, y.length) < 6) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const shorter = x.length <= y.length ? x : y;
  const longer = shorter === x ? y : x;
  let at = 0;
  for (const ch of longer) if (ch === shorter[at]) at++;
  return at >= shorter.length * 0.85;
}
