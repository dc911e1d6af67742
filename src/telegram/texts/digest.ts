/**
 * The digest's and the subscription commands' part of the message catalogue (../i18n.ts), in
 * Simplified Chinese (default) and English. Functions return plain text; callers escape for HTML.
 * A schedule comes in already described ("每天 08:00", "Mondays at 08:00": describeWhen in
 * ../../digest/when.ts).
 */

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const digestZh = {
  digestTitle: (date: string) => `湘闻每日摘要 · ${date}`,
  weeklyDigestTitle: (date: string) => `湘闻每周摘要 · ${date}`,
  firstDigestNote: '（首次推送：以下是最近的几篇）',
  regionScope: (region: string) => `${region}（含下辖区县）`,
  subscriptionLabel: (parts: string[]) => parts.join(' · '),
  more: (count: number) => `……另有 ${count} 篇，可用 /search 查看`,
  open: '阅读',
  subscribeUsage: (time: string) =>
    `用法：/subscribe 地名或关键词 [每周一] [HH:MM]\n例如：/subscribe 邵阳 或 /subscribe 邵阳 营商环境 07:30，每周一次：/subscribe 邵阳 每周一 08:00（默认每天 ${time} 推送）`,
  subscribed: (when: string, what: string) => `已订阅。${when} 推送：${what}`,
  subscriptionUpdated: (when: string, what: string) => `已有这个订阅，已更新为${when} 推送：${what}`,
  subscriptionLimit: (max: number) => `这个聊天最多 ${max} 个订阅。请先用 /unsubscribe 取消一些。`,
  badTime: (text: string) => `「${text}」不是有效的时间，请写成 HH:MM（24 小时制），例如 08:00。`,
  nothingToSubscribe: '没有可订阅的地名或关键词（表情和符号无法检索）。',
  subscriptionTooLong: (max: number) => `订阅的关键词太长了（最多 ${max} 个字），请只写几个关键词。`,
  storageFailed: '抱歉，订阅暂时无法保存（数据库出了问题），请稍后再试。这次的更改没有保存。',
  adminsOnly: '抱歉，只有群管理员可以为本群订阅或取消订阅。大家都可以用 /subscriptions 查看订阅。',
  unsubscribeUsage: '用法：/unsubscribe 地名或关键词，或 /unsubscribe all 取消全部。也可以在 /subscriptions 的列表里点按钮取消。',
  unsubscribed: (what: string) => `已取消订阅：${what}`,
  unsubscribedAll: (count: number) => (count === 0 ? '这个聊天没有订阅。' : `已取消全部 ${count} 个订阅。`),
  notSubscribed: (what: string) => `没有找到订阅「${what}」。用 /subscriptions 查看现有订阅。`,
  listTitle: (count: number) => `本聊天的每日摘要订阅（${count} 个）：`,
  listEmpty: '这个聊天还没有订阅。用 /subscribe 地名或关键词 订阅每日摘要，例如：/subscribe 长沙',
  listEntry: (index: number, when: string, what: string) => `${index}. ${when}：${what}`,
  removeButton: (index: number) => `取消 ${index}`,
  removedToast: '已取消这个订阅',
  goneToast: '这个订阅已经不存在了',
  previewEmpty: '目前没有新的文章。到了推送时间如果仍然没有新文章，就不会发消息。',
  previewNote: '（预览，不计为已推送）',
  unknownRegionHint: (suggestions: string[]) => `没有找到这个地名，按关键词订阅。你是不是要找：${suggestions.join('、')}`,
  subscribeChatOnly: '请在聊天中使用这个按钮（在机器人的私聊或群里点按）。',
  subscribeRegionButton: '订阅此地区',
  subscribeKeywordButton: '订阅此关键词',
};

/** The shape every language must fill; the Chinese texts define it. */
export type DigestTexts = typeof digestZh;

export const digestEn: DigestTexts = {
  digestTitle: (date) => `Xiangwen daily digest · ${date}`,
  weeklyDigestTitle: (date) => `Xiangwen weekly digest · ${date}`,
  firstDigestNote: '(First digest: the latest few articles)',
  regionScope: (region) => `${region} (with its sub-regions)`,
  subscriptionLabel: (parts) => parts.join(' · '),
  more: (count) => `… and ${count} more; use /search to see them`,
  open: 'Read',
  subscribeUsage: (time) =>
    `Usage: /subscribe place-or-keywords [每周一] [HH:MM]\ne.g. /subscribe 邵阳 or /subscribe 邵阳 营商环境 07:30, weekly: /subscribe 邵阳 每周一 08:00 (default: daily at ${time})`,
  subscribed: (when, what) => `Subscribed. ${capitalise(when)}: ${what}`,
  subscriptionUpdated: (when, what) => `You already had this subscription; now ${when}: ${what}`,
  subscriptionLimit: (max) => `A chat may have at most ${max} subscriptions. Remove some with /unsubscribe first.`,
  badTime: (text) => `“${text}” is not a valid time; write HH:MM (24-hour), e.g. 08:00.`,
  nothingToSubscribe: 'There is no place name or keyword to subscribe to (emoji and symbols are not indexed).',
  subscriptionTooLong: (max) => `Those keywords are too long (at most ${max} characters); please use a few words.`,
  storageFailed: 'Sorry, subscriptions cannot be saved right now (a database problem). This change was not saved.',
  adminsOnly:
    'Sorry, only group administrators may subscribe or unsubscribe this group. Anyone may list subscriptions with /subscriptions.',
  unsubscribeUsage: 'Usage: /unsubscribe place-or-keywords, or /unsubscribe all. The buttons under /subscriptions remove one too.',
  unsubscribed: (what) => `Unsubscribed: ${what}`,
  unsubscribedAll: (count) => (count === 0 ? 'This chat has no subscriptions.' : `Removed all ${count} subscriptions.`),
  notSubscribed: (what) => `No subscription “${what}” found. See /subscriptions.`,
  listTitle: (count) => `Daily digest subscriptions of this chat (${count}):`,
  listEmpty: 'This chat has no subscriptions yet. Subscribe with /subscribe place-or-keywords, e.g. /subscribe 长沙',
  listEntry: (index, when, what) => `${index}. ${when}: ${what}`,
  removeButton: (index) => `Remove ${index}`,
  removedToast: 'Subscription removed',
  goneToast: 'That subscription no longer exists',
  previewEmpty: 'No new articles right now. If there are still none at digest time, no message is sent.',
  previewNote: '(Preview; not counted as sent)',
  unknownRegionHint: (suggestions) => `Unknown place; subscribed as keywords. Did you mean: ${suggestions.join(', ')}`,
  subscribeChatOnly: 'Please use this button in a chat (the private chat with the bot, or a group).',
  subscribeRegionButton: 'Subscribe to this region',
  subscribeKeywordButton: 'Subscribe to these words',
};
