/**
 * The site's own name printed over a web article (`某某网--某某信息服务商`, `某某网官网`): the
 * article data under the headline says which site it is (`来源：某某网`), so a line above that
 * opens with the same name is the site's banner, not a headline.
 */
import type { LineReading } from './block-shapes.ts';

/** `来源：某某网`: the source an article-data line names, when it is a site or an outlet. */
const SOURCE_SITE = /来源[:：]\s*([\u4e00-\u9fa5A-Za-z]{2,12}?(?:网|客户端|日报|晚报|报|电视台|融媒体中心))/;

const isArticleData = (r: LineReading) => r.furniture === 'article data' || r.block?.shape === 'article-data';

/** An outlet's name alone on its line: `某某新闻网`, `某市人民政府门户网站`, `某县广播电视台`, `某某晚报`. */
const OUTLET_NAME =
  /^(?=.*[\u4e00-\u9fa5]{2})[\u4e00-\u9fa5\dA-Za-z]{2,14}(?:网|网站|电视台|融媒体中心|客户端|日报|晚报|早报|都市报|手机报)$/;

/**
 * The page's first line, an outlet's name standing over a short line (the headline, or a kicker
 * and headline): the site's banner, whatever source the article data names (a county news site
 * whose data says `信息来源：某县融媒体中心`), never the headline's kicker, nor the first item of a list of
 * headlines (a stacked kicker, headline and subtitle under it would read as one).
 */
export function markSiteBanner(readings: LineReading[]): void {
  const [first, next] = readings.filter((r) => r.block);
  if (first?.block?.shape !== 'short' || next?.block?.shape !== 'short') return;
  if (!OUTLET_NAME.test(first.block.text.replace(/\s+/g, ''))) return;
  first.furniture = 'site banner';
  first.block = undefined;
}

/**
 * Marks as furniture the lines above the page's first article data that open with the site it
 * names (only the page's head: further down, a dateline such as `某某报讯` opens with the name
 * too). (The banner over the first headline is read before lists: `markSiteBanner`.)
 */
export function markSiteNameLines(readings: LineReading[]): void {
  markPosters(readings);
  const at = readings.findIndex(isArticleData);
  if (at < 0) return;
  const site = readings
    .slice(at, at + 3)
    .filter(isArticleData)
    .map((r) => SOURCE_SITE.exec(r.raw)?.[1])
    .find((name) => name !== undefined);
  if (!site) return;
  // The last block above the article data is its headline, even when it opens with the site's name.
  const above = readings.slice(0, at).filter((r) => r.block);
  for (const reading of above.slice(0, -1)) {
    if (reading.block?.text.replace(/\s+/g, '').startsWith(site)) {
      reading.furniture = 'site name';
      reading.block = undefined;
    }
  }
}

/** The account a platform's copy names as the poster: an outlet, a morning paper, a government's release account. */
const POSTER = new RegExp(`${OUTLET_NAME.source.slice(0, -2)}|晨报|在线|发布)$`);

/**
 * The poster between the headline and the posting time (self-media platforms' copies: `标题` /
 * `某某晨报` / `2031-11-05 10:20 · 湖南`): an outlet's or account's name alone right over the article
 * data is part of that data, so the line above it is the headline (before, the name was).
 */
function markPosters(readings: LineReading[]): void {
  const blocks = readings.filter((r) => r.block);
  blocks.forEach((reading, i) => {
    const block = reading.block;
    if (i === 0 || block?.shape !== 'short' || blocks[i + 1]?.block?.shape !== 'article-data') return;
    if (POSTER.test(block.text.replace(/\s+/g, ''))) reading.block = { ...block, shape: 'article-data' };
  });
}

/**
 * The site's own name as its footer prints it: `不代表某某网立场`, `某某网版权所有`, `版权所有：某某网`
 * (a reprinting site disclaims the views of what it carries, and signs its copyright).
 */
const FOOTER_SITE = [
  /不代表(?:本站|本网)?[ \u3000]*([\u4e00-\u9fa5A-Za-z]{2,12}?(?:网|在线|客户端))(?:的)?(?:观点|立场)/,
  /([\u4e00-\u9fa5A-Za-z]{2,12}?(?:网|在线))[ \u3000]*版权所有/,
  /版权所有[:：]?[ \u3000]*([\u4e00-\u9fa5A-Za-z]{2,12}?(?:网|在线))/,
];

function footerSite(readings: readonly LineReading[]): string | undefined {
  for (const reading of readings)
    for (const pattern of FOOTER_SITE) {
      const name = pattern.exec(reading.raw)?.[1];
      // (`不代表本网立场` names no site: `本网` is any site's word for itself.)
      if (name && !/^本/.test(name)) return name;
    }
  return undefined;
}

/**
 * A site's slogan printed over the headline (`某某网与您共同讲好某某故事`, with slogans stacked over
 * it): among the short lines heading the page, one naming the site its footer names, and every
 * line above it, are the site's banner. The last short line over the text stays the headline,
 * even when it names the site (an item on the site's own doings).
 */
export function markSiteSlogans(readings: LineReading[]): void {
  const site = footerSite(readings);
  if (!site) return;
  const head: LineReading[] = [];
  for (const reading of readings) {
    if (!reading.block) continue;
    if (reading.block.shape !== 'short') break;
    head.push(reading);
  }
  let named = head.length - 2;
  while (named >= 0 && !head[named].block?.text.includes(site)) named--;
  for (const reading of head.slice(0, named + 1)) {
    reading.furniture = 'site slogan';
    reading.block = undefined;
  }
}
