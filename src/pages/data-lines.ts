/**
 * A county media centre's data line that opens with the posting time and runs long on wide spaces:
 * `2031-06-02 10:05:31      来源：某某中心 | 编辑：… | 作者：…      浏览量：2318`. Fields after the
 * time and no sentence end: article data at any length (a short line with a time is caught already).
 */
export const TIMED_DATA_FIELDS =
  /^(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:来源|作者|编辑|发布)[^。！？，]{0,100}$/;
