/**
 * What a mirror or a forum leaves in a line it copied, beyond what ./blocks.ts cleans: a pinyin
 * gloss whose character the copy lost, and the label of a picture attachment run into the text.
 */

const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

/**
 * A gloss right after the column bar (`某地故事①|(qū)某县`): mirrors gloss characters, so the one it
 * belonged to was lost with the bar. Only a tone-marked gloss: `|(app)` may be a word.
 */
const GLOSS_AFTER_BAR = /(?<=[|｜丨]\s*)[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,12})[)）]/g;

/**
 * `图片附件` before a paragraph: a forum prints it where an attached picture stands (hidden from
 * visitors who are not logged in), and the copy runs it into the text after it.
 */
const ATTACHMENT_LABEL = /^\s*(?:图片附件|圖片附件)\s*(?=\S)/;

/** The line without a lost character's gloss and an attachment's label. */
export function withoutCopyLeftovers(text: string): string {
  return text.replace(GLOSS_AFTER_BAR, (gloss, letters: string) => (TONE_MARK.test(letters) ? '' : gloss)).replace(ATTACHMENT_LABEL, '');
}
