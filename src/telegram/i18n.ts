/**
 * The message catalogue: every sentence the bot and the digest say, in one language type. Simplified
 * Chinese is the default; English is for users whose Telegram language code is `en`. The texts live
 * by topic in ./texts/ (search, digest) and are served together by {@link messages}. Texts that
 * take values are functions; they return plain text and the caller escapes it for HTML, except
 * where the name ends in `Html` (those receive values that are already escaped).
 */
import { digestEn, digestZh, type DigestTexts } from './texts/digest.ts';
import { searchEn, searchZh, type SearchTexts } from './texts/search.ts';

export type { HelpExamples } from './texts/search.ts';

/** The languages the bot speaks (of a chat, of a user). */
export type Lang = 'zh' | 'en';

/** Every text of one language. */
export type Messages = SearchTexts & DigestTexts;

const MESSAGES: Record<Lang, Messages> = {
  zh: { ...searchZh, ...digestZh },
  en: { ...searchEn, ...digestEn },
};

/**
 * Picks the reply language from a Telegram `language_code` (`en`, `en-GB` … → English; anything
 * else, or none, → Chinese, the bot's audience).
 */
export function pickLang(languageCode: string | undefined): Lang {
  return languageCode !== undefined && /^en(?:$|[-_])/i.test(languageCode) ? 'en' : 'zh';
}

/** The catalogue for a language. */
export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}
