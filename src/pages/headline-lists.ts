/**
 * Lists of headlines: short lines in a row with no text under each (e-paper navigation, related
 * news, a gallery's captions) are furniture; the last of them may be the headline of the text
 * under it. What ends a list above an article's header (its toolbar, its font controls) is read
 * here too.
 */
import { CONTACT_LABEL, type LineReading } from './block-shapes.ts';
import { pairsOf } from './headline-forms.ts';

/** Headline-shaped lines in a row that make a list: more than a kicker, headline and subtitle. */
const LIST_MIN = 3;

/**
 * Two list lines printed alike: the same series name before a dash or bar. (A line equal to
 * an item is not alike: e-paper navigation lists the page's own headlines, printed again over
 * their articles.)
 */
function sameShape(a: LineReading, b: LineReading): boolean {
  const [x, y] = [a.block?.text ?? '', b.block?.text ?? ''];
  const series = (t: string) => /^(.{2,12}?)(?:——|丨|\|)/.exec(t)?.[1];
  return x !== y && series(x) !== undefined && series(x) === series(y);
}

/** An article's own controls: the font size switch, printed next to its headline. */
const PAGE_CONTROLS = /^.{0,8}(?:字[体号體號]|字体大小)\s*[：:]?.{0,16}(?:放大|缩小|縮小|[大中小]|T\s*[|｜]\s*T)/;

/** …or an e-paper's article toolbar (`3 上一篇  下一篇 4 放大 缩小 默认`), printed right over the headline. */
const ARTICLE_TOOLBAR = /(?:上一篇|下一篇)[\s\d<>«»‹›←→上下一篇]*放大\s*缩小/;

const LIST_LEAD_IN = /(?:是|有|为|如下|包括|分别是|名单)[：:]$/;

export function markLists(readings: LineReading[]): void {
  let run: LineReading[] = [];
  // A paragraph ending in a colon, or a lead-in line (`入选的十个村是：`, `名单如下：`), introduces the
  // lines under it: the text's own list, not a list of headlines.
  let introduced = false;
  let lastText = '';
  const flush = (followedByMore: boolean, at = readings.length, least = LIST_MIN) => {
    if (introduced) {
      run = [];
      return;
    }
    // The last line of the run may be the headline of what follows it, unless it is printed like
    // the items above it (`走村记——东岭篇`, `走村记——西岭篇` …), or the text under it never repeats
    // a word of it (a gallery's captions over a dateline: the last caption is no headline).
    const last = run[run.length - 1];
    const headsText = last && !run.slice(0, -1).some((r) => sameShape(r, last)) && sharesWordWithText(last, readings.slice(at));
    const listed = followedByMore && headsText ? run.slice(0, -1) : run;
    if (listed.length >= least)
      for (const r of listed) {
        r.furniture = 'list';
        r.block = undefined;
      }
    run = [];
  };
  readings.forEach((reading, i) => {
    // Page controls (`字体：大 中 小`) with a headline-shaped line right under them: the list ended
    // above the controls, and the line under them is the article's headline.
    if (!reading.block) {
      // (An e-paper's toolbar comes after the page's whole navigation: every short line above it is
      // navigation, however few — `第02版` / `要闻`.)
      const toolbar = ARTICLE_TOOLBAR.test(reading.raw);
      if (
        (toolbar || PAGE_CONTROLS.test(reading.raw)) &&
        run.length > 0 &&
        readings.slice(i + 1).find((r) => r.block)?.block?.shape === 'short'
      ) {
        flush(false, i, toolbar ? 1 : LIST_MIN);
        reading.furniture = 'controls';
      }
      return;
    }
    if (reading.block.shape === 'short' && !CONTACT_LABEL.test(reading.block.text)) {
      if (run.length === 0) introduced = /[：:]$/.test(lastText) || LIST_LEAD_IN.test(reading.block.text);
      run.push(reading);
    } else {
      flush(true, i);
      lastText = reading.block.text;
    }
  });
  flush(false);
}

const NUMBERED_SECTION = /^(?:[（(]?[一二三四五六七八九十]{1,3}[）)、]|第[一二三四五六七八九十]{1,3}[章节部分条]|\d{1,2}[、.．])/;

/** How much of the text under a list's last line is read for its words. */
const HEADED_TEXT_CHARS = 1000;

/**
 * A headline repeats some word of its own text: the last of a run of short lines, with the text
 * straight under it (no subtitle, author line or article data to confirm a header), that shares no
 * two-character word with that text (its first thousand characters, section headings skipped)
 * heads nothing. A headline confirmed by its header stays one whatever its words (a feature's
 * `橘香“湘”里话丰年` over its `——subtitle` and byline), and so may a line with no text under it (a
 * post without text).
 */
function sharesWordWithText(line: LineReading, below: LineReading[]): boolean {
  if (below.find((r) => r.block)?.block?.shape !== 'text') return true;
  let text = '';
  for (const r of below) {
    if (!r.block) continue;
    if (text.length >= HEADED_TEXT_CHARS) break;
    if (r.block.shape === 'text') text += r.block.text;
  }
  // (A numbered section, `（一）编制目的`, heads its text whatever its words.)
  if (text === '' || NUMBERED_SECTION.test(line.block?.text ?? '')) return true;
  const words = pairsOf(line.block?.text ?? '');
  return words.size === 0 || [...pairsOf(text)].some((pair) => words.has(pair));
}
