/**
 * The web lead printed twice: a CMS's description over the article's text, then the text itself.
 */
import { datelineOf } from './dateline.ts';
import type { Draft } from './draft.ts';

/** Shorter descriptions are no evidence: a few words can open two paragraphs alike. */
const LEAD_MIN = 8;

/**
 * A CMS (DedeCMS and the like) prints the article's description over the text: its dateline and
 * first sentence without the 。. The text then opens with the same dateline and the whole lead.
 * Returns the lead after its dateline when `text` is that second printing.
 */
export function leadPrintedAgain(current: Draft, text: string): string | undefined {
  const dateline = datelineOf(text);
  const printed = current.body[current.body.length - 1];
  if (!dateline || current.body.length !== 1 || printed === undefined || current.dateline === undefined) return undefined;
  const rest = text.slice(dateline.length).trim();
  const words = (s: string) => s.replace(/\s+/g, '').replace(/[。！？!?…，,；;]+$/, '');
  const same = words(current.dateline) === words(text.slice(0, dateline.length)) && words(rest).startsWith(words(printed));
  return same && words(printed).length >= LEAD_MIN ? rest : undefined;
}
