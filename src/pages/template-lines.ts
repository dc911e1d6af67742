/**
 * Lines a site's template prints around the article (round 15, blind15): its footer's notices and
 * codes, and what its widgets leave in a copy. Read as furniture (./furniture.ts), never as text.
 */
import { SITE_DATA_LINE } from './data-lines.ts';
import type { FurnitureKind } from './furniture.ts';

export const TEMPLATE_LINES: Array<[FurnitureKind, RegExp]> = [
  // a site's own data lines (a long one opening with the time, `某某在线 | 编辑:…`, `来源 | 某某晚报`)
  ['article data', SITE_DATA_LINE],
  // a paper's tip-off channels under its story (`爆料、维权通道:…`) and a platform's disclaimer for what its users post
  // …a comment box's rules (`请自觉遵守互联网相关的政策法规…`) and a channel's reprint notice (`转载请附上原文出处链接和本声明`)
  [
    'footer',
    /^爆料[、，,和及与]?(?:维权|投诉|求助)?(?:通道|渠道|方式|热线)?[：:]|仅提供信息存储服务|^Notice: The content above|^请自觉遵守互联网相关的?政策法规|转载请附上原文出处/,
  ],
  // a government site's registration code (`网站标识码：4300000001`, `政府网站标识码`)
  ['footer', /^(?:政府)?网站标识码\s*[：:]?\s*[\dA-Za-z]{6,}/],
  // a template's rule around its label (`------分隔线------`), and DedeCMS's QR widget (`织梦二维码生成器`)
  ['media', /^[-—–=_*~]{3,}\s*[\u4e00-\u9fa5A-Za-z]{1,6}\s*[-—–=_*~]{3,}$|^织梦二维码生成器$|^(?:用?手机)?扫描二维码.{0,10}$/],
];
