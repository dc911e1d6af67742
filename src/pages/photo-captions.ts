/** Captions standing under an image's file name or a forum's attachment code (docs/page-layouts.md §5). */
import { isNameList, namesWithoutRoles } from './author-lines.ts';
import type { Block, LineReading } from './block-shapes.ts';
import { datelineOf } from './dateline.ts';

/** A caption without a credit, by its opening: `图为…`, `▲…`, `（图）…`, `图：…`, `图①：…` (numbered pictures). */
// (A quote mark left before the marker by the paragraph above, `”▲…截图`, does not hide it.)
const CAPTION_OPENING = /^[”’"]?(?:图为|上图|下图|左图|右图|图[一二三四五六七八九\d①-⑳]?[：:]|[▲△↑↓]|[（(]图[）)])/;
/**
 * A photo's description in the present progressive (`某某主任讲话中`, `某某在发言`): what a caption
 * says of a picture, never a headline.
 */
const CAPTION_PROGRESSIVE = /(?:(?:讲话|发言|致辞|讲解|授课|作报告|宣讲|主持会议)中|在(?:讲话|发言|致辞|讲解|授课))$/;
/**
 * A picture's date and scene, with no verb of news: `2月9日 某州两会“代表通道”发言现场` (the date, a
 * space, then what the picture shows, ending on 现场 or 一角). A headline on a date would say what happened.
 */
const DATED_SCENE = /^\d{1,2}月\d{1,2}日[ \u3000]+\S.{3,40}(?:现场|現場|一角)$/;
/**
 * A view named alone, with its full stop: `某村一角。`, `古镇全景。`, `新城夜景。` (no clause, no verb): what
 * a picture shows, never a paragraph of the text (a headline has no full stop).
 */
const SCENE_NOUN = /^[^，,、；;：:！？!?。\s]{2,16}(?:一角|一隅|全景|远眺|鸟瞰|俯瞰|夜景|掠影)。$/;

/**
 * A picture named by its kind, with no clause: `某某团出征仪式合影`, `某校改造前后对比图`, `座谈会现场` (a group
 * photo, a figure, the scene of a meeting or ceremony). A headline says what happened, not what the picture is.
 */
const PICTURE_KIND = /^[^，,、；;：:！？!?。\s]{2,30}(?:合影|合照|留影|(?:效果|示意|对比|改造|全景|航拍)图|(?:会|仪式|典礼|活动)现场)$/;

/** A caption without a credit, by its form: an opening such as `图为`, a progressive, a dated scene, a view, a picture's kind. */
export function uncreditedCaption(text: string): boolean {
  const forms = [CAPTION_OPENING, CAPTION_PROGRESSIVE, DATED_SCENE, SCENE_NOUN, PICTURE_KIND];
  return forms.some((form) => form.test(text)) && text.length < 150;
}

/** Longest caption printed under an image's file name. */
const PLACEHOLDER_CAPTION_MAX = 80;

/** `5月7日，`, `近日，`: the when a news item's first sentence opens with. */
const DATED_OPENING = /^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚|早|凌晨)?|近日|日前)[，,]/;

/**
 * A picture right under the headline, then a dated sentence: the article's lead, not the picture's
 * caption, unless the text after it opens with a date or a dateline too (only one of them leads).
 */
function leadUnderPicture(block: Block, after: Block | undefined, textAbove: boolean): boolean {
  if (textAbove || !DATED_OPENING.test(block.text) || !/[。！？]$/.test(block.text)) return false;
  return after === undefined || !(DATED_OPENING.test(after.text) || datelineOf(after.text) !== undefined);
}

/** A short line right under an image's file name (`IMG_0931.jpg`, `微信图片_….png`) or attachment code is its caption. */
export function markPhotoCaptions(readings: LineReading[]): void {
  let afterImage = false;
  let textAbove = false;
  for (const [at, reading] of readings.entries()) {
    // (…or a forum's attachment code standing for the picture: `[attach]2680[/attach]`)
    if (reading.furniture === 'media' && /\.(?:jpe?g|png|gif|webp|bmp)\b|\[(?:attach|attachimg|img)\]/i.test(reading.raw)) {
      afterImage = true;
      continue;
    }
    if (!reading.block) continue;
    const block = reading.block;
    if (
      afterImage &&
      (block.shape === 'text' || block.shape === 'short') &&
      block.text.length <= PLACEHOLDER_CAPTION_MAX &&
      !datelineOf(block.text) &&
      !leadUnderPicture(block, readings.slice(at + 1).find((r) => r.block)?.block, textAbove)
    ) {
      reading.block = { ...block, shape: 'caption' };
    }
    afterImage = false;
    if (block.shape === 'text') textAbove = true;
  }
}

/**
 * One sentence on its line with the photographer's credit alone on the next (`某地现场。` / `记者 某某 摄`),
 * and text after them: the picture's caption, even as the first lines under the header (a web copy
 * that puts the lead photo's caption and credit on lines of their own). With no text after them it
 * stays text: a gallery's one description is its article's text.
 */
export function markCreditedCaptions(readings: LineReading[]): void {
  const blocks = readings.filter((r) => r.block);
  blocks.forEach((reading, i) => {
    const line = reading.block;
    const [credit, after] = [blocks[i + 1]?.block, blocks[i + 2]?.block];
    if (line?.shape !== 'text' || credit?.shape !== 'photo-credit' || after?.shape !== 'text') return;
    if (line.text.length > PLACEHOLDER_CAPTION_MAX || !/^[^。！？]+[。！]$/.test(line.text) || datelineOf(line.text)) return;
    reading.block = { ...line, shape: 'caption' };
  });
}

/** `某某 摄`, `某 某摄（某某视觉）` (the agency after it), `资料图片`. */
const BARE_CREDIT =
  /^(?:[\u4e00-\u9fa5·]{1,4}(?:[ \u3000]+[\u4e00-\u9fa5·]{1,4})*[ \u3000]*摄(?:[（(][\u4e00-\u9fa5]{2,8}[)）])?|资料图片|资料图)$/;

/**
 * A picture's credit standing alone on its line, as the credit to keep (the photographer named
 * without the outlet and role: `某某日报全媒体记者 张三 摄` → `张三 摄`); undefined for anything else.
 */
export function photoCreditAlone(text: string): string | undefined {
  if (BARE_CREDIT.test(text)) return text;
  const roleFree = /\S\s*摄$/.test(text) ? namesWithoutRoles(text.replace(/\s*摄$/, '')) : undefined;
  return roleFree && isNameList(roleFree) ? `${roleFree} 摄` : undefined;
}

/** The captions the page's pictures leave: under a file name, and over a credit alone (see above). */
export function markPictures(readings: LineReading[]): void {
  markPhotoCaptions(readings);
  markCreditedCaptions(readings);
}

/** Longest bare caption over the dated text: a picture's short description, no clause of a sentence. */
const CAPTION_OVER_TEXT_MAX = 30;

/**
 * Paragraphs of an article printed before its dateline that are pictures' bare captions: the
 * dateline opens the news text, so what stands above it, under the header or the editor's note, is
 * no text of it. Only one short sentence each, no comma (`某街道新建的公交站台。`).
 */
export function bareCaptionOverDateline(paragraph: string): boolean {
  return paragraph.length <= CAPTION_OVER_TEXT_MAX && /^[^，,；;。！？]+。$/.test(paragraph);
}

/** A news text's first sentence opens with its day: `11月27日清晨,`, `5月7日上午，`. */
const DAY_OPENING = /^\d{1,2}月\d{1,2}日[\u4e00-\u9fa5]{0,3}[，,]/;
/** Shortest paragraph that opens the text under the captions (a sentence and more). */
const DATED_TEXT_MIN = 40;

/**
 * The paragraphs under an article's author line are all bare captions, and `text` opens the news
 * with its day: an e-paper prints the pictures' captions between the byline and the text.
 */
export function captionsOverDatedText(body: readonly string[], text: string): boolean {
  return body.length > 0 && body.every(bareCaptionOverDateline) && text.length >= DATED_TEXT_MIN && DAY_OPENING.test(text);
}
