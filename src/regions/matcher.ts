/**
 * Finds the place terms in a text in one left-to-right pass: at each character only the terms
 * starting with that character and the next are tried (an index by first two characters, longest
 * first), so the cost grows with the text, not with the 2 000-odd names. The longest acceptable term wins and
 * matches never overlap (邵东市 is one mention, not 邵东 + 东市).
 *
 * Short names are checked against the characters around them before they count:
 * - inside a longer word jieba knows (长沙人 is a person, 世外桃源 a paradise, 天津市 holds 津市)
 *   → no mention;
 * - followed by another division's suffix (洪江区 beside 洪江市, a village 桃源村 beside 桃源县):
 *   a different place with the same stem → no mention; a county's stem followed by 县 or 市 is
 *   its former designation (邵东县 before it became 邵东市) and counts;
 *   a county's stem followed by a village's or town's suffix that makes no Hunan division's name
 *   (`湘阴村美业旺`, `宁乡镇村干部`: the suffix opens the next word) is a `pending` mention: it
 *   counts only where the article also names that place in full (credit.ts), as a weak name does;
 * - both edges split an everyday two-character word (股东安排 holds 东安), or a dictionary word
 *   of any frequency runs into its first character while its last opens another word (雁城步行街
 *   holds 城步) → no mention; for a weak (common-word) name one split edge is enough;
 * - its last character and the next make a compass direction (湘西北, 桂东北): a part of a larger
 *   area → no mention;
 * - the short name and the character after it are a place word jieba knows, ending in a natural
 *   feature or landmark (浏阳河, 武陵山, 永兴岛, 东安门): the mention is marked `feature` — the
 *   river, mountain or gate is named after the place (or an older place of that name) and may lie
 *   far from it (passing.ts weighs it 0).
 * A town's name several towns share (place-terms.ts: `after`) counts only right after its county or
 * prefecture (长沙某某街道).
 * A town's full name is dropped when its last character starts an everyday word (…乡村, …道路);
 * a village's (place-terms.ts) when its first character ends a dictionary word begun before it
(云岭茶村 holds the village 岭茶村).
 *
 * The full names of places elsewhere in China (place-terms.ts: ElsewhereNames) are matched too and
 * credit nothing: where one starts, the text names that place, so a Hunan name inside it is no
 * mention (全南县 holds 南县, Sichuan's 资阳市 holds 资阳, 化隆回族自治县 holds 隆回).
 */
import type { PlaceTerm, PlaceTerms } from './place-terms.ts';

/** One place term found in a text, at [start, end). */
export interface Mention {
  term: PlaceTerm;
  start: number;
  end: number;
  /** Named with a feature's word (浏阳河, 武陵山): see above. */
  feature?: true;
  /** A short name run into a village's or town's suffix (湘阴村美): counts only when the place is also named in full. */
  pending?: true;
}

/** What the matcher makes of a term at a position. */
type Verdict = 'mention' | 'pending' | 'no';

/** Suffixes that make a stem the name of some division (a county, a town, a village …). */
const DIVISION_SUFFIX = /^(?:区|县|市|州|镇|乡|村|街道|社区|管理区)/;
/** After a county's stem, 县 or 市 is its former or current designation (many counties became cities). */
const FORMER_COUNTY_SUFFIX = /^(?:县|市)/;
/** Suffixes of villages and towns: after a county's stem they may open the next word instead (村美, 镇村). */
const LOCAL_SUFFIX = /^(?:村|社区|镇|乡|街道)/;
/**
 * A short name's last character and the next as one compass direction (湘西 + 北 = 西北): the text
 * names a compass part of a larger area (湘西北 is north-west Hunan, 桂东北 north-east Guangxi).
 */
const COMPASS_PAIR = /^[东西][南北]$/;
/** Last characters of a natural feature or landmark named after a place (浏阳河, 武陵山, 东安门). */
const FEATURE_END = /[山河江湖溪水洲岛洞峰岭门寺庙桥]$/;

/**
 * The first two UTF-16 units at `start` as one number: the key of the opening indexes, looked up at
 * every character a term starts with, so no two-character string is made there. A single unit
 * (the text's last) gives a key of its own, as its one-character slice did.
 */
function openingAt(text: string, start: number): number {
  const second = start + 1 < text.length ? text.charCodeAt(start + 1) : 65_536;
  return text.charCodeAt(start) * 65_537 + second;
}

/** The matcher for one term list. Build it once and reuse it for every text. */
export class PlaceMatcher {
  /** Terms by their first two characters (every term has at least two; see openingAt), longest first. */
  private readonly byOpening = new Map<number, PlaceTerm[]>();
  /** 1 for every UTF-16 unit that starts some term: most characters of a text are rejected here, without building a key. */
  private readonly opensTerm = new Uint8Array(65536);
  private readonly hidingWords = new Map<string, { word: string; offset: number }[]>();
  /** By short name, the place words jieba knows that add one feature character to it (浏阳 → 浏阳河). */
  private readonly featureWords = new Map<string, string[]>();
  /** Names of places elsewhere by their first two characters, longest first. */
  private readonly elsewhereByOpening = new Map<number, string[]>();
  /** 1 for every UTF-16 unit that starts the name of a place elsewhere (as opensTerm). */
  private readonly opensElsewhere = new Uint8Array(65536);

  constructor(private readonly terms: PlaceTerms) {
    for (const name of terms.elsewhere.names) {
      const opening = openingAt(name, 0);
      const list = this.elsewhereByOpening.get(opening) ?? [];
      list.push(name);
      this.elsewhereByOpening.set(opening, list);
      this.opensElsewhere[name.charCodeAt(0)] = 1;
    }
    for (const list of this.elsewhereByOpening.values()) list.sort((a, b) => b.length - a.length);
    for (const term of terms.terms) {
      const opening = openingAt(term.text, 0);
      const list = this.byOpening.get(opening) ?? [];
      list.push(term);
      this.byOpening.set(opening, list);
      this.opensTerm[term.text.charCodeAt(0)] = 1;
    }
    for (const list of this.byOpening.values()) list.sort((a, b) => b.text.length - a.text.length);
    // Longer words that hide a short name, minus those that are place terms themselves (岳阳楼)
    // and those that only qualify it by a place before it (jieba's 湖南永州 is 永州, qualified).
    const termTexts = new Set(terms.terms.map((t) => t.text));
    const qualified = (word: string, offset: number, alias: string) =>
      offset > 0 && offset + alias.length === word.length && termTexts.has(word.slice(0, offset));
    const { lexicon } = terms;
    for (const term of terms.terms) {
      if (!term.short) continue;
      this.hidingWords.set(
        term.text,
        lexicon.hidingCompounds(term.text).filter((c) => !termTexts.has(c.word) && !qualified(c.word, c.offset, term.text)),
      );
      const features = lexicon
        .compounds(term.text)
        .filter(({ word, offset }) => offset === 0 && word.length === term.text.length + 1 && FEATURE_END.test(word))
        .filter(({ word }) => lexicon.entry(word)?.tag === 'ns' && !termTexts.has(word))
        .map(({ word }) => word);
      if (features.length > 0) this.featureWords.set(term.text, features);
    }
  }

  private hiding(alias: string): { word: string; offset: number }[] {
    return this.hidingWords.get(alias) ?? [];
  }

  /**
   * The place mentions in `text`, in reading order. `onElsewhere` hears of every name of a place
   * elsewhere the scan steps over (湘东区, 资阳市), with where it starts.
   */
  scan(text: string, onElsewhere?: (name: string, start: number) => void): Mention[] {
    const mentions: Mention[] = [];
    let i = 0;
    while (i < text.length) {
      const found = this.matchAt(text, i, mentions[mentions.length - 1]);
      const elsewhere = this.elsewhereAt(text, i);
      if (elsewhere > 0 && (!found || i + elsewhere > found.end)) {
        onElsewhere?.(text.slice(i, i + elsewhere), i);
        i += elsewhere;
      } else if (found) {
        mentions.push(found);
        i = found.end;
      } else {
        i++;
      }
    }
    return mentions;
  }

  /** Length of the longest name of a place elsewhere starting at `start`; 0 when none. */
  private elsewhereAt(text: string, start: number): number {
    if (this.opensElsewhere[text.charCodeAt(start)] === 0) return 0;
    const candidates = this.elsewhereByOpening.get(openingAt(text, start));
    if (!candidates) return 0;
    return candidates.find((name) => text.startsWith(name, start))?.length ?? 0;
  }

  private matchAt(text: string, start: number, previous: Mention | undefined): Mention | undefined {
    if (this.opensTerm[text.charCodeAt(start)] === 0) return undefined;
    const candidates = this.byOpening.get(openingAt(text, start));
    if (!candidates) return undefined;
    for (const term of candidates) {
      if (!text.startsWith(term.text, start)) continue;
      // A name several towns share counts only right after the place that says which (长沙某某街道).
      if (term.after && !(previous?.end === start && term.after.has(previous.term.credits.code))) continue;
      const end = start + term.text.length;
      const verdict = this.verdict(text, term, start, end);
      if (verdict === 'no') continue;
      const mention: Mention = { term, start, end };
      if (verdict === 'pending') mention.pending = true;
      if (this.featureWords.get(term.text)?.some((word) => text.startsWith(word, start))) mention.feature = true;
      return mention;
    }
    return undefined;
  }

  private verdict(text: string, term: PlaceTerm, start: number, end: number): Verdict {
    const { lexicon } = this.terms;
    const splitsLeft = start > 0 && lexicon.isCommonPair(text[start - 1] + text[start]);
    const splitsRight = end < text.length && lexicon.isCommonPair(text[end - 1] + text[end]);
    const yes = (ok: boolean): Verdict => (ok ? 'mention' : 'no');
    if (term.village) return yes(!splitsLeft && !lexicon.joinsLeft(text, start));
    // Official names stand on their own; a town's name must not run into an everyday word.
    if (!term.short) return yes(term.named.level !== 'town' || !splitsRight);
    for (const { word, offset } of this.hiding(term.text)) {
      if (start >= offset && text.startsWith(word, start - offset)) return 'no';
    }
    if (COMPASS_PAIR.test(text.slice(end - 1, end + 1))) return 'no';
    const suffix = this.suffixVerdict(text, term, end);
    if (suffix === 'no') return 'no';
    if (term.strength === 'weak') return !splitsLeft && !splitsRight ? suffix : 'no';
    return splitsLeft && splitsRight ? 'no' : lexicon.cutsWords(text, start, end) ? 'no' : suffix;
  }

  /** What a division suffix right after a short name makes of it (see the file's comment). */
  private suffixVerdict(text: string, term: PlaceTerm, end: number): Verdict {
    const after = text.slice(end, end + 3);
    // 区域, 市场, 村民 … start with a suffix character but are words of their own.
    if (!DIVISION_SUFFIX.test(after) || this.terms.lexicon.isCommonPair(after.slice(0, 2))) return 'mention';
    if (term.named.level !== 'county') return 'no';
    if (FORMER_COUNTY_SUFFIX.test(after)) return 'mention';
    const local = LOCAL_SUFFIX.exec(after)?.[0];
    if (!local || this.terms.gazetteer.byName(term.text + local).length > 0) return 'no';
    return 'pending';
  }
}
