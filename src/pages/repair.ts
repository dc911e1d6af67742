/**
 * Repairing layout damage after the first split: duplicated paragraphs, headlines printed away
 * from their text, paragraphs of one article printed inside another. Decisions rest on how much
 * distinctive vocabulary (character bigrams weighted by rarity on the page) paragraphs share.
 */
import type { ParsedArticle } from './article.ts';
import { type Draft, kindOf } from './draft.ts';

/** A character of the vocabulary (Chinese character, letter or digit) as 1…SYMBOLS − 1; 0 for any other. */
const SYMBOLS = 0x9fa5 - 0x4e00 + 1 + 62 + 1;
function symbolOf(unit: number): number {
  if (unit >= 0x4e00 && unit <= 0x9fa5) return unit - 0x4e00 + 63;
  if (unit >= 48 && unit <= 57) return unit - 47;
  if (unit >= 65 && unit <= 90) return unit - 54;
  if (unit >= 97 && unit <= 122) return unit - 60;
  return 0;
}

/**
 * Bigrams of the Chinese characters, letters and digits in a text (other characters are skipped,
 * so a bigram may span them), each as one small integer: no string is made for a bigram, and the
 * sets and counts below are keyed by numbers.
 */
function bigrams(text: string): Set<number> {
  const grams = new Set<number>();
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const symbol = symbolOf(text.charCodeAt(i));
    if (symbol === 0) continue;
    if (previous !== 0) grams.add(previous * SYMBOLS + symbol);
    previous = symbol;
  }
  return grams;
}

/** Similarity of texts within one page: the share of `text`'s distinctive bigrams found in `other`. */
class PageVocabulary {
  /** Made on the first comparison: most pages need no repair that compares texts. */
  private documentFrequency: Map<number, number> | undefined;
  private readonly weights = new Map<number, number>();
  private readonly paragraphs: number;

  constructor(private readonly texts: string[]) {
    this.paragraphs = Math.max(1, texts.length);
  }

  private frequencies(): Map<number, number> {
    if (this.documentFrequency) return this.documentFrequency;
    const frequency = new Map<number, number>();
    for (const paragraph of this.texts) {
      for (const gram of this.bigramsOf(paragraph)) frequency.set(gram, (frequency.get(gram) ?? 0) + 1);
    }
    this.documentFrequency = frequency;
    return frequency;
  }

  private weight(gram: number): number {
    let weight = this.weights.get(gram);
    if (weight === undefined) {
      weight = Math.log((this.paragraphs + 1) / ((this.frequencies().get(gram) ?? 0) + 0.5));
      this.weights.set(gram, weight);
    }
    return weight;
  }

  /**
   * Bigram sets of the texts compared so far: the repairs compare the same paragraphs and article
   * texts many times over (a tenth of a build's page splitting went into remaking these sets).
   * Lives as long as the page's vocabulary.
   */
  private readonly gramsOf = new Map<string, Set<number>>();

  private bigramsOf(text: string): Set<number> {
    let grams = this.gramsOf.get(text);
    if (!grams) {
      grams = bigrams(text);
      this.gramsOf.set(text, grams);
    }
    return grams;
  }

  /** 0…1: how much of `text` (by weight) occurs in `other`. */
  similarity(text: string, other: string): number {
    const theirs = this.bigramsOf(other);
    let shared = 0;
    let total = 0;
    for (const gram of this.bigramsOf(text)) {
      const weight = this.weight(gram);
      total += weight;
      if (theirs.has(gram)) shared += weight;
    }
    return total === 0 ? 0 : shared / total;
  }
}

const DUPLICATE_MIN_LENGTH = 8;

/** Drops paragraphs printed twice on the page (also a truncated copy of an earlier paragraph). */
function dropDuplicates(drafts: Draft[]): void {
  const seen: string[] = [];
  for (const draft of drafts) {
    draft.body = draft.body.filter((paragraph) => {
      const key = paragraph.replace(/\s+/g, '');
      if (key.length < DUPLICATE_MIN_LENGTH) return true;
      if (seen.some((earlier) => earlier === key || (key.length >= 12 && earlier.startsWith(key)))) return false;
      seen.push(key);
      return true;
    });
  }
}

const textOf = (draft: Draft, skip?: string): string => [draft.title, draft.subtitle, ...draft.body.filter((p) => p !== skip)].join('\n');

/** Below this similarity two texts are taken as unrelated. */
const RELATED = 0.25;
/** A paragraph moves only when it is this much closer to its new article than to its own. */
const CLEARLY_CLOSER = 1.6;

/**
 * An article with authors but no headline, and later on the page a headline whose text is mostly
 * the untitled article's: the headline was displaced. The untitled article takes the headline, and
 * the paragraphs under that headline go to whichever of the open articles they resemble.
 */
function reuniteDisplacedHeadlines(drafts: Draft[], vocabulary: PageVocabulary): void {
  for (const untitled of drafts.filter((d) => !d.title && !d.fragment && d.body.length > 0)) {
    const at = drafts.indexOf(untitled);
    let best: { draft: Draft; score: number } | undefined;
    for (const candidate of drafts.slice(at + 1)) {
      if (!candidate.title || candidate.signed || candidate.subtitle) continue;
      const score = vocabulary.similarity(candidate.title, textOf(untitled));
      if (score > (best?.score ?? RELATED)) best = { draft: candidate, score };
    }
    if (!best) continue;
    const headline = best.draft;
    untitled.title = headline.title;
    untitled.kicker ||= headline.kicker;
    const others = drafts.slice(at + 1, drafts.indexOf(headline)).filter((d) => !d.fragment && d.title);
    for (const paragraph of headline.body) {
      const home = [untitled, ...others].reduce((a, b) =>
        vocabulary.similarity(paragraph, textOf(b, paragraph)) > vocabulary.similarity(paragraph, textOf(a, paragraph)) ? b : a,
      );
      home.body.push(paragraph);
      if (headline.headings.has(paragraph)) home.headings.add(paragraph);
    }
    // The headline's byline signs whichever article got its last paragraph, if that one has none.
    const lastHome = others.find((d) => d.body.includes(headline.body[headline.body.length - 1])) ?? untitled;
    if (lastHome.authors.length === 0) lastHome.authors.push(...headline.authors);
    untitled.captions.push(...headline.captions);
    drafts.splice(drafts.indexOf(headline), 1);
  }
}

/** Mean of how much closer each paragraph of `part` is to the rest of `part` than to `other`. */
function coherence(vocabulary: PageVocabulary, part: string[], other: string[]): number {
  const otherText = other.join('\n');
  let sum = 0;
  part.forEach((paragraph, i) => {
    const rest = part.filter((_, j) => j !== i).join('\n');
    sum += vocabulary.similarity(paragraph, rest) - vocabulary.similarity(paragraph, otherText);
  });
  return part.length === 0 ? 0 : sum / part.length;
}

/**
 * A headline (usually with its authors) followed by no text, printed after an article whose last
 * paragraphs are about something else: those paragraphs are the headline's text.
 */
function reclaimTextForEmptyHeadlines(drafts: Draft[], vocabulary: PageVocabulary): void {
  drafts.forEach((draft, index) => {
    if (!draft.title || draft.body.length > 0) return;
    // Find the earlier article, and the point in it, where the text turns to another subject: the
    // cut that makes both parts most coherent, provided the second part is closer to this headline.
    let best: { source: Draft; cut: number; score: number } | undefined;
    for (const source of drafts.slice(0, index)) {
      if (source.fragment || source.body.length < 4) continue;
      for (let cut = Math.ceil(source.body.length / 2); cut < source.body.length; cut++) {
        const head = source.body.slice(0, cut);
        const tail = source.body.slice(cut);
        const towardsHeadline = vocabulary.similarity(draft.title, tail.join('\n')) - vocabulary.similarity(draft.title, head.join('\n'));
        if (towardsHeadline <= 0) continue;
        const score = towardsHeadline + coherence(vocabulary, head, tail) + coherence(vocabulary, tail, head);
        if (score > (best?.score ?? 0)) best = { source, cut, score };
      }
    }
    if (!best) return;
    const tail = best.source.body.splice(best.cut);
    draft.body.push(...tail);
    for (const paragraph of tail) if (best.source.headings.delete(paragraph)) draft.headings.add(paragraph);
  });
}

/**
 * Two headlines printed one after the other, the first with no text, the second over paragraphs of
 * both (two narrow columns read across): the paragraphs are shared out between them by what they
 * have in common with each headline and its text. Paragraphs keep their order.
 */
function shareInterleavedText(drafts: Draft[], vocabulary: PageVocabulary): void {
  for (let index = 0; index + 1 < drafts.length; index++) {
    const empty = drafts[index];
    const full = drafts[index + 1];
    if (!empty.title || empty.fragment || empty.body.length > 0 || !full.title || full.fragment || full.body.length < 2) continue;
    const paragraphs = [...full.body];
    // Paragraphs that name what one headline says are that article's; the rest go, one by one, to
    // the article whose text so far they resemble more (ties stay with the article printed over them).
    const emptyHead = `${empty.title}\n${empty.subtitle}`;
    const fullHead = `${full.title}\n${full.subtitle}`;
    const side = new Map<string, boolean>();
    for (const p of paragraphs) {
      const towardsEmpty = vocabulary.similarity(p, emptyHead);
      const towardsFull = vocabulary.similarity(p, fullHead);
      if (towardsEmpty !== towardsFull) side.set(p, towardsEmpty > towardsFull);
    }
    if (![...side.values()].some(Boolean)) continue;
    for (const p of paragraphs) {
      if (side.has(p)) continue;
      const textOfSide = (mine: boolean) => [mine ? emptyHead : fullHead, ...paragraphs.filter((q) => side.get(q) === mine)].join('\n');
      side.set(p, vocabulary.similarity(p, textOfSide(true)) > vocabulary.similarity(p, textOfSide(false)));
    }
    const mine = new Set(paragraphs.filter((p) => side.get(p)));
    if (mine.size === paragraphs.length) continue;
    empty.body = paragraphs.filter((p) => mine.has(p));
    full.body = paragraphs.filter((p) => !mine.has(p));
    for (const paragraph of empty.body) if (full.headings.delete(paragraph)) empty.headings.add(paragraph);
  }
}

/**
 * Paragraphs at the end of an article that clearly belong to the next article (printed before
 * its headline) move there.
 */
function moveStrayTails(drafts: Draft[], vocabulary: PageVocabulary): void {
  for (let index = 0; index + 1 < drafts.length; index++) {
    const draft = drafts[index];
    const next = drafts[index + 1];
    // A closed article keeps its text, unless its closing byline may have come with the stray text.
    if ((draft.closed && draft.closingByline.length === 0) || next.fragment || !next.title || draft.body.length < 3) continue;
    const moved: string[] = [];
    while (draft.body.length > 2) {
      const paragraph = draft.body[draft.body.length - 1];
      if (draft.headings.has(paragraph)) break;
      const own = vocabulary.similarity(paragraph, textOf(draft, paragraph));
      const theirs = vocabulary.similarity(paragraph, textOf(next));
      if (theirs < RELATED || theirs < own * CLEARLY_CLOSER) break;
      moved.unshift(draft.body.pop() as string);
    }
    next.body.push(...moved);
    // The byline that closed the moved text signs the article it moved to.
    if (moved.length > 0 && draft.closingByline.length > 0 && next.authors.length === 0) {
      next.authors.push(...draft.closingByline);
      draft.closingByline = [];
    }
  }
}

/** A tail joins an article only when it is this much closer to it than to any other. */
const TAIL_MARGIN = 1.5;

/**
 * A headless block that starts mid-sentence continues an article printed elsewhere on the page
 * (`（上接1版）`, a column that jumps): it joins the article whose text it clearly shares, never
 * merely the one printed before it. A block that resembles no article stays a fragment.
 */
function joinTailsToTheirArticles(drafts: Draft[], vocabulary: PageVocabulary): void {
  for (const tail of drafts.filter((d) => d.fragment && d.body.length > 0)) {
    const candidates = drafts.filter((d) => d !== tail && !d.fragment && d.title && d.body.length > 0);
    // Paragraph by paragraph from the top: the tail's own text, then whatever was printed after it.
    while (tail.body.length > 0) {
      const paragraph = tail.body[0];
      const [best, second] = candidates
        .map((draft) => ({ draft, score: vocabulary.similarity(paragraph, textOf(draft)) }))
        .sort((a, b) => b.score - a.score);
      if (!best || best.score < RELATED || (second && best.score < second.score * TAIL_MARGIN)) break;
      best.draft.body.push(tail.body.shift() as string);
    }
  }
}

/** A label for a fragment, which has no headline of its own. */
function fragmentLabel(draft: Draft): string {
  const first = draft.body[0] ?? draft.captions[0] ?? '';
  return `（续）${first.slice(0, 16)}${first.length > 16 ? '…' : ''}`;
}

/** Repairs the drafts of one page and turns them into articles. */
export function repairArticles(drafts: Draft[]): ParsedArticle[] {
  dropDuplicates(drafts);
  const vocabulary = new PageVocabulary(drafts.flatMap((d) => [d.title, ...d.body]).filter(Boolean));
  reuniteDisplacedHeadlines(drafts, vocabulary);
  reclaimTextForEmptyHeadlines(drafts, vocabulary);
  shareInterleavedText(drafts, vocabulary);
  moveStrayTails(drafts, vocabulary);
  joinTailsToTheirArticles(drafts, vocabulary);
  // A headline with no text under it, even after the repairs above, is no article: a site's name
  // over a web page, a column label, a footer line that looked like a brief. …except a post in a
  // list of posts that its own posting time closed (a video post whose summary was only credits).
  return drafts
    .filter((d) => d.body.length > 0 || d.captions.length > 0 || (d.stamped && d.title !== '' && !d.fragment))
    .map((draft) => {
      const kind = kindOf(draft);
      return {
        title: kind === 'fragment' ? fragmentLabel(draft) : draft.title,
        kicker: draft.kicker,
        subtitle: draft.subtitle,
        authors: [...new Set(draft.authors.length > 0 ? draft.authors : draft.photographers)],
        body: draft.body,
        captions: draft.captions,
        kind,
        ...(draft.dateline === undefined ? {} : { dateline: draft.dateline }),
      };
    });
}
