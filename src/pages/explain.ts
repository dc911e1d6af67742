/**
 * Why a page split as it did: every line of the page with what the splitter took it for and the
 * evidence (`xiangwen articles --explain FILE`). Editors use it to see why a page split wrongly;
 * developers use it to find the rule to change.
 */
import type { ParsedArticle } from './article.ts';
import { blocksOf, pageLines, printedLines } from './blocks.ts';
import { simplifiedPage } from './script.ts';
import { type SplitDecision, splitBlocks, splitPage } from './split.ts';

export interface ExplainedLine {
  /** 1-based line number in the page. */
  line: number;
  /** The line as printed (trimmed). */
  text: string;
  decision: SplitDecision | 'joined';
  reason: string;
}

export interface PageExplanation {
  lines: ExplainedLine[];
  /** The articles the page gives, after layout repair (which may move text between them). */
  articles: ParsedArticle[];
}

/** Labels of furniture families, for the reason column. */
const FURNITURE_REASONS: Record<string, string> = {
  navigation: 'navigation (menus, breadcrumbs, page controls)',
  'keyword title': "a content farm's keyword title (its search words again in brackets)",
  menu: "a site's menu (bulleted one-word items above the text, a section's name and its words)",
  'site promo': 'the site about itself (follow us, search results)',
  'article data': 'article data (source, time, editor, counters)',
  counter: 'a counter (reads, clicks)',
  'thread header': "a forum thread's header (its readers and replies, the thread's controls)",
  masthead: "masthead (issue number, issue date, the issue's own title, a page reference, registration)",
  credits: 'editor and production credits',
  footer: 'site footer (copyright, licences)',
  media: 'an image file name or link, or what a template left (`-->`, a cell border)',
  'page header': 'page header (版次) or a page or picture counter (第2页, 1/20)',
  list: 'a list of headlines (e-paper navigation, related news)',
  controls: "the article's font controls: the list above ends here, the short lines under them are the article's headline",
  'repeated title': 'the headline printed again (web page title)',
  'retitled page':
    "a reprint's page title: a picture's placeholder, then the article's own headline over its text, sharing a run of its words",
  'bait title': "a spam mirror's bait headline (printed three times and more over a text that shares none of its words)",
  'site name': "the site's own name over the article (the one its article data names as source)",
  'site banner': "the site's banner (an outlet's name alone over the first headline)",
  'site slogan': "the site's slogan over the headline (it names the site the page's footer names)",
};

/** What a label glued before the headline was taken for (./glued-label.ts). */
const GLUED_REASONS: Record<'author' | 'keyword', string> = {
  author: "; the writer's name glued before it (the text is signed with it)",
  keyword: '; a search keyword glued before it (the text shares none of its words)',
};

/** Explains the split of one page. */
export function explainPage(text: string): PageExplanation {
  // Decisions are taken on the simplified reading, as in splitPage; lines are shown as printed.
  const printed = printedLines(text);
  const readings = pageLines(simplifiedPage(text).text).map((reading) => ({ ...reading, raw: printed[reading.line - 1] ?? reading.raw }));
  const decisions = new Map<number, { decision: SplitDecision; reason: string }>();
  const blocks = blocksOf(readings);
  // (Keyed by line and by line and text: a bilingual line is read as two blocks, its headline and its text.)
  const ofBlock = new Map<string, { decision: SplitDecision; reason: string }>();
  splitBlocks(blocks, (block, decision, why) => {
    // (What reading the line took off a headline is evidence too: `…; dropped a content farm's keyword column`.)
    const reason = block.dropped && decision === 'headline' ? `${why}; dropped ${block.dropped}` : why;
    decisions.set(block.line, { decision, reason });
    ofBlock.set(`${block.line}|${block.text}`, { decision, reason });
  });
  const articles = splitPage(text);
  const lines: ExplainedLine[] = [];
  let lastWithText = 0;
  for (const reading of readings) {
    const printed = reading.raw.trim();
    if (printed === '') continue;
    if (reading.furniture) {
      lines.push({
        line: reading.line,
        text: printed,
        decision: 'furniture',
        reason: FURNITURE_REASONS[reading.furniture] ?? reading.furniture,
      });
    } else if (reading.block) {
      const own = ofBlock.get(`${reading.line}|${reading.block.text}`);
      const decided = own ?? decisions.get(reading.line) ?? { decision: 'body', reason: '' };
      const shared = readings.filter((r) => r.line === reading.line && r.block).length > 1;
      const glued = reading.block.gluedLabel ? GLUED_REASONS[reading.block.gluedLabel] : '';
      lines.push({ line: reading.line, text: shared ? reading.block.text : printed, ...decided, reason: decided.reason + glued });
      lastWithText = reading.line;
    } else {
      // A blank reading of a non-blank line: its text was joined to the line above (hard-wrapped column).
      lines.push({
        line: reading.line,
        text: printed,
        decision: 'joined',
        reason: `continues line ${lastWithText} (a column's line break)`,
      });
    }
  }
  return { lines, articles };
}
