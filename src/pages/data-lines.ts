/**
 * A county media centre's data line that opens with the posting time and runs long on wide spaces:
 * `2031-06-02 10:05:31      来源：某某中心 | 编辑：… | 作者：…      浏览量：2318`. Fields after the
 * time and no sentence end: article data at any length (a short line with a time is caught already).
 */
const TIMED_DATA_FIELDS = /^(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:来源|作者|编辑|发布)[^。！？，]{0,100}$/;

/**
 * The site's name, a bar, then the editors' fields (`某某在线 | 编辑:某某值班主任:某某值班编委:某某`):
 * a data label right after the bar is no headline's first word.
 */
const SITE_BAR_FIELDS = /^[\u4e00-\u9fa5A-Za-z0-9]{2,12}\s*[|｜丨]\s*(?:编辑|责任编辑|作者|来源|值班主任)\s*[：:][^。！？，]{0,80}$/;

/** `来源 | 某某晚报`: the source's label with a bar for its colon (a WeChat post's credits), no column's name. */
const SOURCE_BAR = /^(?:来源|稿源|出处)\s*[|｜丨]\s*[^。！？，|｜丨]{2,24}$/;

/** `05-05 10:08`: an app's posting time with no year, alone on its line. */
const YEARLESS_TIME = /^\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}$/;

/** Data lines of a site's own shapes (above), each article data. */
export const SITE_DATA_LINE = new RegExp(
  [TIMED_DATA_FIELDS, SITE_BAR_FIELDS, SOURCE_BAR, YEARLESS_TIME].map((form) => form.source).join('|'),
);
