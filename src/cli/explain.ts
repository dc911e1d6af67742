/** Text output of `xiangwen articles --explain FILE…`: each line of a page, what it was taken for and why. */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { type PageExplanation, explainPage } from '../pages/explain.ts';
import { readPage } from '../pages/read.ts';

const DECISION_LABELS: Record<string, string> = {
  headline: '标题 headline',
  kicker: '引题 kicker',
  subtitle: '副题 subtitle',
  authors: '作者 authors',
  body: '正文 body',
  'section heading': '小标题 heading',
  byline: '署名 byline',
  caption: '图说 caption',
  end: '完 end',
  note: '附注 note',
  date: '日期 date',
  furniture: '版面杂项 furniture',
  joined: '接上行 joined',
};

const WIDTH = 18;

/** Cuts a line for the listing, keeping its start. */
function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The explanation of one page as text. */
export function formatExplanation(file: string, explanation: PageExplanation): string {
  const out = [`== ${file}`];
  for (const line of explanation.lines) {
    const label = DECISION_LABELS[line.decision] ?? line.decision;
    out.push(`${String(line.line).padStart(4)}  ${label.padEnd(WIDTH)}  ${cut(line.text, 40)}${line.reason ? `  ← ${line.reason}` : ''}`);
  }
  out.push(`-- ${explanation.articles.length} 篇 articles:`);
  for (const article of explanation.articles) {
    out.push(
      `   [${article.kind}] ${article.title}${article.authors.length ? `  (${article.authors.join(' ')})` : ''}  · ${article.body.length} 段 paragraphs`,
    );
  }
  return out.join('\n');
}

/** Explains one page file (a path relative to the pages folder, or anywhere), or says why it cannot. */
export function explainPath(pagesDir: string, file: string): PageExplanation | { reason: string } {
  const path = existsSync(file) ? resolve(file) : resolve(pagesDir, file);
  const page = readPage(dirname(path), basename(path));
  return 'text' in page ? explainPage(page.text) : { reason: page.reason };
}

/** Explains the given page files as text, with the files that could not be read. */
export function explainFiles(pagesDir: string, files: string[]): { text: string; failures: string[] } {
  const parts: string[] = [];
  const failures: string[] = [];
  for (const file of files) {
    const explained = explainPath(pagesDir, file);
    if ('reason' in explained) failures.push(`${file}: ${explained.reason}`);
    else parts.push(formatExplanation(file, explained));
  }
  return { text: parts.join('\n\n'), failures };
}
