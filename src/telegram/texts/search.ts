/**
 * The search bot's part of the message catalogue (../i18n.ts): every sentence of search, lists,
 * articles and help, in Simplified Chinese (the default) and English (for users whose Telegram
 * language code is `en`). Texts that take values are functions; they return plain text
 * and the caller escapes it for HTML, except where the name ends in `Html` (those receive values
 * that are already escaped).
 */

/** Example queries shown in /help, picked from the current index (see ./examples.ts). */
export interface HelpExamples {
  keyword: string;
  region: string;
  articleId?: string;
  /** A reporter who signed articles of the index. */
  author?: string;
}

export const searchZh = {
  helpPrivate: (ex: HelpExamples, username: string, digest = false) =>
    [
      '湘闻：查找湖南各地报纸文章的机器人。',
      '',
      `直接发送关键词就能搜索，例如：${ex.keyword}`,
      `/search ${ex.keyword} — 按关键词搜索`,
      `/region ${ex.region} — 某地及其下辖地区的文章`,
      '/regions — 按地区浏览（带文章数）',
      `/latest ${ex.region} — 最新文章（不写地名就是全省）`,
      `/author ${ex.author ?? '张三'} — 某位记者写的文章`,
      `/trend ${ex.keyword} — 报道趋势图（每月篇数和报道最多的地区）`,
      `/article ${ex.articleId ?? 'ID'} — 阅读全文`,
      ...(digest
        ? [
            '',
            `/subscribe ${ex.region} — 订阅每日摘要（地名、关键词或两者，可加时间，如 07:30；每周一次：${ex.region} 每周一 08:00）`,
            '/subscriptions — 查看和取消订阅；/unsubscribe — 取消订阅',
            '/digest — 现在预览摘要（不计为已推送）',
          ]
        : []),
      '',
      `关键词之间用空格分开；地名可以和关键词一起写，例如：${ex.region} ${ex.keyword}`,
      `还可以加时间（近一周、本月、今年、2022年11月、2022-11-01..2022-11-30、11月以来），用引号搜整句（"${ex.keyword}"），用减号排除（-疫情）。`,
      `在任意聊天中输入 @${username} 关键词，可以把文章分享出去。`,
    ].join('\n'),
  helpGroup: (ex: HelpExamples, username: string, digest = false) =>
    [
      '湘闻：在群里这样用我：',
      `/search@${username} ${ex.keyword} — 搜索`,
      `@${username} ${ex.keyword} — 提到我也是搜索`,
      `/region@${username} ${ex.region} — 某地的文章`,
      `/latest@${username} ${ex.region} — 最新文章`,
      `/author@${username} ${ex.author ?? '张三'} — 某位记者的文章`,
      `/trend@${username} ${ex.keyword} — 报道趋势图`,
      ...(digest
        ? [`/subscribe@${username} ${ex.region} — 为本群订阅每日摘要（仅管理员）`, `/subscriptions@${username} — 查看本群的订阅`]
        : []),
      '',
      '群里的其他消息我不会回应。想看全文，点结果下面的编号按钮。',
    ].join('\n'),
  searchUsage: (keyword: string) => `请在 /search 后面写上关键词，例如：/search ${keyword}`,
  regionUsage: (region: string) => `请在 /region 后面写上地名，例如：/region ${region}`,
  authorUsage: (author: string) => `请在 /author 后面写上记者的名字，例如：/author ${author}`,
  latestUnderstood: (region?: string) => `最新文章：${region ?? '全省'}`,
  authorUnderstood: (name: string) => `作者：${name}`,
  latestEmpty: (region?: string) => `暂时没有${region ? `关于${region}的` : ''}文章。`,
  authorEmpty: (name: string) => `没有找到署名为「${name}」的文章。`,
  searchWord: (word: string) => `搜索「${word}」`,
  excluding: (words: string) => `不含：${words}`,
  related: '相关报道：',
  uploadRefused: '抱歉，只有编辑部指定的聊天可以上传报纸页面。如需上传，请联系管理员把本聊天加入 ADMIN_CHAT_IDS。',
  uploadNotText: (name: string) => `「${name}」不是 .txt 页面文件。请发送报纸页面的纯文本文件（UTF-8、GBK/GB18030、Big5 或 UTF-16 均可）。`,
  uploadTooLarge: (kb: number) => `文件太大了：页面文件最大 ${kb} KB。`,
  uploadFailed: '下载文件失败，请稍后再发一次。',
  uploadUnreadable: (reason: string) => `无法读取这个文件（${reason}）。请发送报纸页面的纯文本文件。`,
  uploadDuplicate: (file: string) => `这个页面已经有了（与 ${file} 完全相同），没有重复保存。`,
  uploadSaved: (file: string, encoding: string, count: number) => `已保存为 ${file}（${encoding}），识别出 ${count} 篇文章，稍后即可搜索：`,
  uploadMore: (count: number) => `……另有 ${count} 篇`,
  uploadNoArticles: '没有识别出带标题的文章，请检查页面内容（可用 xiangwen articles --explain 查看原因）。',
  uploadFragments: (count: number) => `${count} 段没有标题的续文（从别的版面接续而来），已作为续文收录。`,
  uploadPlaceless: (count: number) => `${count} 篇文章没有识别出湖南地名。`,
  trendUsage: (keyword: string) => `请在 /trend 后面写上词或地名，可加时间范围，例如：/trend ${keyword} 今年`,
  trendNothing: (subject: string, range?: string) =>
    `「${subject}」${range ? `在${range}` : ''}没有文章，没有可画的趋势。可以换个词，或去掉时间范围。`,
  allTime: '不限时间',
  badRange: (word: string) =>
    `「${word}」不是有效的日期或时间范围。可以这样写：近一周、本月、今年、2022年11月、2022-11-01..2022-11-30、11月以来。`,
  byDate: '按时间 ⏱',
  byRelevance: '按相关度 ✦',
  exclusionOnly: (words: string, keyword: string) =>
    `只写了要排除的词（${words}）。请再加上要搜索的词，例如：${keyword} -${words.split('、')[0]}`,
  articleUsage: '请在 /article 后面写上文章编号（结果列表里的按钮会直接打开文章）。',
  tooLong: (max: number) => `查询太长了（最多 ${max} 个字），请只写几个关键词。`,
  noKeywords: (keyword: string) => `这条消息里没有可以搜索的词（表情和符号无法检索）。请发送中文关键词，例如：${keyword}`,
  understood: (parts: string[]) => `按：${parts.join(' / ')}`,
  resultsCount: (total: number, capped: boolean) => `共 ${total}${capped ? '+' : ''} 篇`,
  partialNote: '（没有同时包含全部词语的文章，以下为部分匹配）',
  noResults: (query: string) => `没有找到与「${query}」相关的文章。`,
  noResultsHint: '可以试试下面的按钮，或换个说法。',
  dropWord: (word: string) => `去掉「${word}」`,
  widenTo: (region: string) => `扩大到${region}`,
  tryRegion: (region: string) => `地区：${region}`,
  prev: '◀ 上一页',
  next: '下一页 ▶',
  expired: '此列表已过期，请重新搜索',
  rateLimited: (perMinute: number) => `查询太频繁了，请稍等一会儿再试（每人每分钟最多 ${perMinute} 次）。`,
  apology: '抱歉，处理时出了点问题，请稍后再试。',
  indexRebuilding: '暂时无法搜索，正在重建索引，请稍后再试。',
  chatOnly: '此按钮只能在聊天中使用。',
  regionOutside: (query: string) => `「${query}」不在湖南省。本机器人只收录湖南的地区新闻。`,
  articleNotFound: '没有找到这篇文章，它可能已从资料库中移除。请重新搜索。',
  regionUnknown: (query: string) => `没有找到地名「${query}」。`,
  regionSuggest: '你是不是要找：',
  regionEmpty: (name: string) => `暂时没有关于${name}的文章。`,
  regionsTitle: '按地区浏览（括号内为文章数，含下辖地区）：',
  regionsEmpty: '资料库里还没有标注地区的文章。',
  authors: '作者：',
  captions: '图片说明：',
  regionsLabel: '地区：',
  readInBot: '在机器人中阅读全文',
  inlineEmpty: '没有找到相关文章',
  inlineHint: '输入关键词搜索湖南各地新闻',
  commands: {
    start: '开始使用',
    help: '使用说明',
    search: '按关键词搜索文章',
    region: '某地及下辖地区的文章',
    regions: '按地区浏览',
    latest: '最新文章（可加地名）',
    author: '某位记者写的文章',
    trend: '报道趋势图（词或地名，可加时间）',
    article: '按编号阅读全文',
    subscribe: '订阅每日摘要（地名或关键词）',
    subscriptions: '查看和取消订阅',
    unsubscribe: '取消订阅',
    digest: '预览本聊天的每日摘要',
  },
};

/** The shape every language must fill; the Chinese texts define it. */
export type SearchTexts = typeof searchZh;

export const searchEn: SearchTexts = {
  helpPrivate: (ex, username, digest = false) =>
    [
      'Xiangwen: finds articles from Hunan regional newspapers.',
      '',
      `Send any keywords to search, e.g. ${ex.keyword}`,
      `/search ${ex.keyword} — search by keywords`,
      `/region ${ex.region} — articles about a place and its sub-regions`,
      '/regions — browse by region (with counts)',
      `/latest ${ex.region} — the newest articles (all of Hunan without a place)`,
      `/author ${ex.author ?? 'Zhang San'} — articles by a reporter`,
      `/trend ${ex.keyword} — a chart of articles per month and the places reported most`,
      `/article ${ex.articleId ?? 'ID'} — read an article in full`,
      ...(digest
        ? [
            '',
            `/subscribe ${ex.region} — daily digest of a place, keywords or both (add a time such as 07:30; weekly: ${ex.region} 每周一 08:00)`,
            '/subscriptions — list and remove subscriptions; /unsubscribe — remove one',
            '/digest — preview the digest now (not counted as sent)',
          ]
        : []),
      '',
      `Separate words with spaces; a place name may go with the words, e.g. ${ex.region} ${ex.keyword}`,
      `Add a time (近一周 past week, 本月 this month, 今年 this year, 2022年11月, 2022-11-01..2022-11-30, 11月以来 since November), quotes for an exact phrase ("${ex.keyword}"), a minus to leave a word out (-疫情).`,
      `Type @${username} keywords in any chat to share an article.`,
    ].join('\n'),
  helpGroup: (ex, username, digest = false) =>
    [
      'Xiangwen in groups:',
      `/search@${username} ${ex.keyword} — search`,
      `@${username} ${ex.keyword} — mentioning me is a search too`,
      `/region@${username} ${ex.region} — articles about a place`,
      `/latest@${username} ${ex.region} — the newest articles`,
      `/author@${username} ${ex.author ?? 'Zhang San'} — articles by a reporter`,
      `/trend@${username} ${ex.keyword} — a coverage chart`,
      ...(digest
        ? [
            `/subscribe@${username} ${ex.region} — daily digest for this group (administrators only)`,
            `/subscriptions@${username} — this group's subscriptions`,
          ]
        : []),
      '',
      'I ignore other group messages. Press a numbered button under the results to read an article.',
    ].join('\n'),
  searchUsage: (keyword) => `Write keywords after /search, e.g. /search ${keyword}`,
  regionUsage: (region) => `Write a place name after /region, e.g. /region ${region}`,
  authorUsage: (author) => `Write a reporter's name after /author, e.g. /author ${author}`,
  latestUnderstood: (region) => `Newest articles: ${region ?? 'all of Hunan'}`,
  authorUnderstood: (name) => `By: ${name}`,
  latestEmpty: (region) => `No articles${region ? ` about ${region}` : ''} yet.`,
  authorEmpty: (name) => `No articles signed by “${name}”.`,
  searchWord: (word) => `Search “${word}”`,
  excluding: (words) => `not: ${words}`,
  related: 'Related:',
  uploadRefused: 'Sorry, only the newsroom’s chats may upload newspaper pages. Ask the operator to add this chat to ADMIN_CHAT_IDS.',
  uploadNotText: (name) =>
    `“${name}” is not a .txt page file. Send the plain text of a newspaper page (UTF-8, GBK/GB18030, Big5 or UTF-16).`,
  uploadTooLarge: (kb) => `The file is too large: page files may be at most ${kb} KB.`,
  uploadFailed: 'Downloading the file failed; please send it again later.',
  uploadUnreadable: (reason) => `This file cannot be read (${reason}). Send the plain text of a newspaper page.`,
  uploadDuplicate: (file) => `This page is already here (the same as ${file}); it was not saved again.`,
  uploadSaved: (file, encoding, count) => `Saved as ${file} (${encoding}); ${count} articles found, searchable shortly:`,
  uploadMore: (count) => `… and ${count} more`,
  uploadNoArticles: 'No article with a headline was found; check the page (xiangwen articles --explain shows why).',
  uploadFragments: (count) => `${count} blocks without a headline (continued from another page) were kept as continuations.`,
  uploadPlaceless: (count) => `${count} articles name no Hunan place the tagger knows.`,
  trendUsage: (keyword) => `Write a word or a place after /trend, optionally a time range, e.g. /trend ${keyword} 今年`,
  trendNothing: (subject, range) =>
    `No articles for “${subject}”${range ? ` in ${range}` : ''}: nothing to plot. Try another word, or drop the time range.`,
  allTime: 'Any time',
  badRange: (word) => `“${word}” is not a valid date or range. Try: 近一周, 本月, 今年, 2022年11月, 2022-11-01..2022-11-30, 11月以来.`,
  byDate: 'Newest first ⏱',
  byRelevance: 'By relevance ✦',
  exclusionOnly: (words, keyword) =>
    `Only words to leave out (${words}). Add a word to search for, e.g. ${keyword} -${words.split('、')[0]}`,
  articleUsage: 'Write an article id after /article (the buttons under results open articles directly).',
  tooLong: (max) => `That query is too long (at most ${max} characters); a few keywords are enough.`,
  noKeywords: (keyword) =>
    `There is nothing searchable in that message (emoji and symbols are not indexed). Try Chinese keywords, e.g. ${keyword}`,
  understood: (parts) => `Searched: ${parts.join(' / ')}`,
  resultsCount: (total, capped) => `${total}${capped ? '+' : ''} articles`,
  partialNote: '(No article has all the words; partial matches follow.)',
  noResults: (query) => `No articles found for “${query}”.`,
  noResultsHint: 'Try one of the buttons below, or other words.',
  dropWord: (word) => `Without “${word}”`,
  widenTo: (region) => `Widen to ${region}`,
  tryRegion: (region) => `Region: ${region}`,
  prev: '◀ Prev',
  next: 'Next ▶',
  expired: 'This list has expired, please search again',
  rateLimited: (perMinute) => `Too many queries; please wait a moment (at most ${perMinute} per minute).`,
  apology: 'Sorry, something went wrong. Please try again later.',
  indexRebuilding: 'Search is unavailable for a moment: the index is being rebuilt. Please try again shortly.',
  chatOnly: 'This button works only in a chat with the bot.',
  regionOutside: (query) => `“${query}” is not in Hunan; this bot covers Hunan's regional news only.`,
  articleNotFound: 'Article not found; it may have been removed from the archive. Please search again.',
  regionUnknown: (query) => `Unknown place “${query}”.`,
  regionSuggest: 'Did you mean:',
  regionEmpty: (name) => `No articles about ${name} yet.`,
  regionsTitle: 'Browse by region (article counts include sub-regions):',
  regionsEmpty: 'No article in the archive is tagged with a region yet.',
  authors: 'By ',
  captions: 'Captions: ',
  regionsLabel: 'Regions: ',
  readInBot: 'Read in the bot',
  inlineEmpty: 'No matching articles',
  inlineHint: 'Type keywords to search Hunan news',
  commands: {
    start: 'Start',
    help: 'How to use the bot',
    search: 'Search articles by keywords',
    region: 'Articles about a place and its sub-regions',
    latest: 'The newest articles (optionally of a place)',
    author: 'Articles by a reporter',
    trend: 'A chart of coverage over time (word or place)',
    regions: 'Browse by region',
    article: 'Read an article by id',
    subscribe: 'Daily digest of a place or keywords',
    subscriptions: 'List and remove subscriptions',
    unsubscribe: 'Remove a subscription',
    digest: "Preview this chat's daily digest",
  },
};
