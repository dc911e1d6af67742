/**
 * The home's one-character name: local papers write their own city or county by its first
 * character after a verb of coming and staying (`来沅采访` on 沅江's site, `来郴投资`, `在邵工作`,
 * `来到汨`). One character is never an alias (道, 攸 would match everywhere), so this counts only
 * for the article's home (tagger.ts: the outlet's region or the dateline's place), and never for a
 * character that names a province (`来湘` is Hunan, `来桂` Guangxi).
 */
import type { Region } from './gazetteer.ts';
import type { Lexicon } from './lexicon.ts';
import type { Mention } from './matcher.ts';

/**
 * One-character names of provinces (湘 is Hunan, 桂 Guangxi, 吉 Jilin, 宁 Ningxia, 云 Yunnan, 新
 * Xinjiang …): `来桂` on 桂阳's site may well be Guangxi, so a home whose name starts with one of
 * them is never written by one character here.
 */
const PROVINCE_CHARACTERS = new Set([...'京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云藏陕秦甘陇青宁新港澳台']);

/** Verbs of coming, going and staying that the one-character name follows. */
const ARRIVAL = '(?:来到|來到|来|來|到|在|赴|抵|回|返|驻|駐|离|離)';

/**
 * Where `text` writes the home by its first character after an arrival verb: the character's
 * positions. Not inside a place mention (在沅江), nor where the character and the next one make an
 * everyday word (在永远, 来常规).
 */
export function homeCharacterAt(text: string, home: Region, mentions: Mention[], lexicon: Lexicon): number[] {
  const first = home.name[0];
  if (!first || PROVINCE_CHARACTERS.has(first) || home.level === 'province' || home.level === 'town') return [];
  const out: number[] = [];
  for (const m of text.matchAll(new RegExp(`${ARRIVAL}${first}(?=[\\u4e00-\\u9fa5])`, 'g'))) {
    const at = (m.index ?? 0) + m[0].length - 1;
    const inPlaceName = mentions.some((p) => p.start <= at && at < p.end);
    if (!inPlaceName && !lexicon.isCommonPair(text.slice(at, at + 2))) out.push(at);
  }
  return out;
}
