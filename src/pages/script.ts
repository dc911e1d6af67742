/**
 * Pages in traditional characters (Hong Kong and Taiwan reprints, mirrors of mainland sites) are
 * split like any other: the splitter reads a simplified copy, whose conventions it knows
 * (来源, 记者, 本报讯), and the articles are given back in the characters the page printed.
 */
import * as OpenCC from 'opencc-js';

let convert: ((text: string) => string) | undefined;

/**
 * Characters that exist only in traditional writing and fill every page of it. A page with none of
 * them is not converted at all, which keeps the (slow) converter off simplified pages.
 */
const TRADITIONAL_MARKERS = /[們個這來時會說為發國學與對過還後動區縣鄉鎮報聞網訊記編輯責臺灣於從當產業經濟費點開關係讓證據際]/g;
const MARKERS_MIN = 3;

export interface PageScript {
  /** The page in simplified characters (the page itself when it already is). */
  text: string;
  /** Gives a string cut from `text` back in the page's own characters. */
  restore(simplified: string): string;
}

/** A simplified reading of a page, and the way back to its own characters. */
export function simplifiedPage(page: string): PageScript {
  const identity: PageScript = { text: page, restore: (s) => s };
  if ((page.match(TRADITIONAL_MARKERS)?.length ?? 0) < MARKERS_MIN) return identity;
  convert ??= OpenCC.Converter({ from: 'hk', to: 'cn' }) as (text: string) => string;
  const simplified = convert(page);
  // The converter maps character for character almost always; if a phrase changed length the
  // positions no longer match, and the articles stay simplified rather than be restored wrongly.
  if (simplified.length !== page.length) return { text: simplified, restore: (s) => s };
  const back = new Map<string, string>();
  for (let i = 0; i < page.length; i++) if (simplified[i] !== page[i] && !back.has(simplified[i])) back.set(simplified[i], page[i]);
  return { text: simplified, restore: (s) => s.replace(/[\u3400-\u9fff]/g, (char) => back.get(char) ?? char) };
}
