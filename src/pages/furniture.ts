/**
 * Page furniture: the lines of an e-paper or news-site dump (and of printed pages) that belong to no
 * article — navigation, page and article data, counters, mastheads, copyright footers, image file
 * names, editor credits. They are recognised by their form alone, before any line is classified,
 * so that no headline is ever made of them. The page's own issue or publishing date is read from
 * the same lines (see `pageDateOf`).
 *
 * Every pattern below is a convention shared by many outlets (see docs/page-layouts.md), never the
 * wording of one page.
 */

import { NAVIGATION_WORDS } from './navigation-words.ts';
import { TEMPLATE_LINES } from './template-lines.ts';

/** Why a line is furniture, by family (shown by `xiangwen articles --explain`). */
export type FurnitureKind =
  | 'navigation'
  | 'menu'
  | 'keyword title'
  | 'article data'
  | 'counter'
  | 'masthead'
  | 'credits'
  | 'footer'
  | 'media'
  | 'page header'
  | 'site promo'
  | 'thread header';

/** An issue's own title: its date (`2031年6月3日`, `6月3日`, `2031-06-03`) and the paper's name, either first. */
const ISSUE_DAY = String.raw`(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}`;
const ISSUE_PAPER = String.raw`[\u4e00-\u9fa5]{2,12}(?:手机报|日报|晚报|早报|周报|电子报|数字报)(?:\s*第\s*\d{1,5}\s*期)?`;
const ISSUE_TITLE = new RegExp(String.raw`^(?:${ISSUE_DAY})\s*${ISSUE_PAPER}$|^${ISSUE_PAPER}\s*(?:${ISSUE_DAY})$`);

/** A posting time written day first (`14.09.2031 17:28`), alone on its line: day, month, year. */
export const DAY_FIRST_TIME = /^(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** Patterns by family. Order matters only for the reason shown. */
const PATTERNS: Array<[FurnitureKind, RegExp]> = [
  // `第01版：头版`, `A02版：要闻`, `第3版`, `【第02版：综合】`, `01版 要闻`
  ['page header', /^[【\[]?\s*(?:第\s*)?[A-Z]?\s*\d{1,3}\s*版\s*(?:[：:·\s]\s*[\u4e00-\u9fa5A-Za-z·]{0,12})?\s*[】\]]?$/],
  ['page header', /^第?\s*\d{1,2}\s*版|第\s*\d{1,2}\s*版\s*$/],
  // …with its pager after it: `第A08版:民生热线 上一版3  4下一版` (an e-paper's page bar).
  ['page header', /^(?:第\s*)?[A-Z]\s*\d{1,3}\s*版\s*[：:·]\s*[\u4e00-\u9fa5]{2,12}\s+.{0,6}?(?:上一版|下一版)/],
  // `娄底日报 公告·广告`, `某某晚报 A04 城事`: the paper's name and the page's section
  ['page header', /^[\u4e00-\u9fa5]{2,10}(?:日报|晚报|早报|都市报|报)\s+(?:[A-Z]?\d{1,3}\s*)?[\u4e00-\u9fa5·、]{2,10}$/],
  ['page header', /^[A-Z]\d{1,2}\s*[：:]?\s*[\u4e00-\u9fa5]{2,6}$/],
  // breadcrumbs: `首页 > 新闻 > 本地`, `当前位置：首页>>要闻`, `您现在的位置：…`
  ['navigation', /^.{0,6}位置\s*[：:]/],
  // …also after the site's own label (`某某新闻网站内位置 您当前所在的位置:首页 > 文化 > 内容阅读`)
  ['navigation', /^.{0,20}位置\s*[：:].*(?:>|»|›)/],
  [
    'navigation',
    /^(?:往期回顾|相关新闻|相关阅读|相关报道|相关链接|相关文章|相关推荐|延伸阅读|推荐阅读|热点推荐|热门推荐|更多新闻)\s*[：:]/,
  ],
  // a forum's prompt to log in for what it hides (`查看隐藏内容需先登录`, `登录后可查看附件`, `请登录后下载`)
  ['navigation', /^(?!.*[。！？])(?=.{0,30}$).*(?:(?:需|请|须)先?登录|登录后(?:才能|才可以|可以?|方可)?(?:查看|下载|阅读|回复|浏览))/],
  // app banners and contact lines of the newsroom
  ['navigation', /^(?:立即下载|马上下载|打开APP|打开App|下载APP|下载App|打开客户端|APP内打开|在APP中打开|打开看看)/],
  // `打开某某新闻 查看精彩图片`, `下载某某客户端阅读全文`: an aggregator's app asking for the pictures or the rest
  ['navigation', /^(?:打开|下载)[\u4e00-\u9fa5A-Za-z]{1,10}\s*(?:查看|阅读|看)(?:精彩图片|更多精彩|更多|全文|原文|高清大图|大图)$/],
  [
    'footer',
    /^(?:投稿邮箱|新闻热线|爆料热线|联系邮箱|投稿热线|值班电话|新闻爆料)|^(?=.{0,80}$).*?(?<![\w.-])[\w.-]{1,40}@[\w-]{1,40}\.[\w.]{1,20}/,
  ],
  // `2022-04-11 09:14:26 字号:`: the posting time before the font control is article data (it confirms the headline above).
  ['article data', /^(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+.{0,16}?(?:字[体号]|字体大小)\s*[：:]/],
  ['navigation', /^.{0,30}(?:字[体号]|字体大小)\s*[：:].{0,20}$/],
  ['navigation', /^[\u4e00-\u9fa5A-Za-z ]{1,12}(?:\s*(?:>|＞|»|›|→|>>)\s*[\u4e00-\u9fa5A-Za-z0-9 ]{1,12}){1,6}\s*(?:>|＞|»|›)?$/],
  // …cut before its first crumb (`> 重点推荐 > 某市概况`), or ending on the article's own headline
  // (`首页 › 新闻 › 某县“积分超市”开进山里`): two separators and more, each crumb short but the last
  // (a posting time after the trail, `某某网 > 文化 > 某栏目  2021-11-16 16:46`, makes it article data)
  [
    'navigation',
    /^(?:(?:>>?|＞|»|›)\s*)?(?:[\u4e00-\u9fa5A-Za-z0-9 ]{1,12}\s*(?:>>?|＞|»|›)\s*){2,6}(?![^>＞»›]*(?:19|20)\d\d[-/.年])[^>＞»›]{1,36}$/,
  ],
  ['navigation', /^(?:>>?|＞|»|›)\s*[\u4e00-\u9fa5A-Za-z0-9 ]{1,12}\s*(?:>>?|＞|»|›)\s*(?![^>＞»›]*(?:19|20)\d\d[-/.年])[^>＞»›]{1,36}$/],
  ['navigation', /^(?:字[体号]|文字|字体大小|文字大小)\s*[：:]?\s*[【\[(（]?\s*[大中小](?:\s|[】\])）|｜/]|$)/],
  ['navigation', /^(?:字[体号]|字体大小|文字大小)\s*[：:].{0,20}$/],
  // a reading-settings bar: the background's colour swatches by their codes (`背景：#FFFFFF #FAFBE6 … 默认`);
  // no text prints two colour codes in a row
  ['navigation', /^(?!.*[。！？]).{0,12}#[0-9A-Fa-f]{6}\b[ \u3000,，、]*#[0-9A-Fa-f]{6}\b.{0,80}$/],
  // other CMSs' previous/next links: `上一主题：…`, `下一条：…`, `上一则：…`
  ['navigation', /^(?:上一|下一)(?:篇|版|期|主题|条|则|页|个|张)\s*[：:]/],
  ['navigation', /^(?:分享到|分享至)[：:\s]|^(?:扫一扫|扫码|长按|点击进入|点击查看|点击阅读).{0,30}$/],
  // share buttons: `分享到微信`, `• weixin`, `• qqzone` (a service's name alone; the bullet is stripped before)
  ['navigation', /^(?:分享到|分享至)(?:微信|微博|朋友圈|QQ|qq)|^(?:weixin|weibo|qqzone|qzone|QQ空间|wechat|douban|facebook|twitter)$/i],
  // a forum thread's header: how many read it and replied (`5499个阅读者，54条回复 | 打印 | 收藏`)
  ['thread header', /^(?=.{0,80}$)(?!.*[。！？]).*\d+\s*(?:个|位)?(?:阅读者|读者)[，,、\s]*\d+\s*(?:条|个)(?:回复|回帖|跟帖)/],
  ['thread header', /^(?=.{0,80}$)(?!.*[。！？])\d+\s*(?:条|个)(?:回复|回帖|跟帖)(?:[，,、\s|｜丨]|$)/],
  // …or as a board prints its counters (`查看: 449|回复: 0`, `阅读 1203 回复 12`, `浏览:88 | 评论:3`)
  ['thread header', /^(?:查看|阅读|浏览|点击)\s*[：:]?\s*\d+\s*[|｜丨\s]\s*(?:回复|回帖|评论|跟帖)\s*[：:]?\s*\d+$/],
  // …and the poster's status a forum template prints by the post (`隐身或者不在线`, `当前离线`)
  ['thread header', /^(?:隐身或者?不在线|当前(?:离线|在线)|用户(?:离线|在线))$/],
  // …the poster and the board a repost was filed under (`某网友 发表在 某栏目 某某论坛 https://…`)
  ['thread header', /^(?=.{0,100}$)(?!.*[。！？])\S{1,16}\s+发表(?:在|于)\s+\S.{0,80}$/],
  // …and a forum's link text where a picture stood (`按此在新窗口浏览图片`)
  ['media', /^(?:按此|点此|点击)在新窗口(?:浏览|查看|打开)(?:图片|全图|大图)$/],
  // an app's promotion on a mobile paper: `了解更多精彩新闻，请下载“某某新闻”客户端。`, `下载地址：http://…`
  ['site promo', /^(?:了解|查看|阅读|获取)更多.{0,16}[，,]?\s*(?:请|敬请)?(?:下载|关注|安装).{0,20}(?:客户端|APP|App|app|公众号)[。！!]?$/],
  ['media', /^[\u4e00-\u9fa5]{2,6}\s*[：:]\s*(?:https?:\/\/|www\.)\S+$/i],
  // menu bars: `首页 | 时政要闻 | 乡镇动态 | 视频`, `首页 新闻 政务 服务`
  ['navigation', /^[^|｜丨，。,.]{1,8}(?:\s*[|｜丨]\s*[^|｜丨，。,.]{1,8}){2,}\s*[|｜丨]?$/],
  ['navigation', /^(?=.*首页)[\u4e00-\u9fa5A-Za-z]{2,6}(?:[\s　]+[\u4e00-\u9fa5A-Za-z]{2,6}){2,}$/],
  ['navigation', /^(?=.{0,30}$)[^，。]*首页\s*[|｜丨>]|[|｜丨]\s*首页/],
  ['navigation', /^(?:[【\[]\s*(?:打印|关闭|收藏|返回顶部|纠错|大|中|小)\s*[】\]]\s*){2,}$/],
  ['navigation', /^[【\[]\s*(?:字[体号]|字体大小)[^】\]]{0,16}[】\]]/],
  ['navigation', /^(?:更多|点击|欢迎|进入|请进入).{0,16}(?:频道|栏目|专题|首页|客户端|公众号|下载|关注)$/],
  // `（上接1版）`, `(下转第3版)`: where an article jumps between pages
  ['navigation', /^[（(]?\s*(?:上接|紧接|下转|转第|接第|续第|转\d|接\d)[^）)]{0,12}[）)]?$/],
  // a site's menu with its separators lost (`攻略问答门票地图摄影游记租车…`): forty characters and more
  // with no punctuation or space at all, which no sentence and no headline runs to
  ['navigation', /^[\u4e00-\u9fa5A-Za-z0-9]{40,}$/],
  // `来源：邵阳日报`, `[来源：…]`, `- 来源：…` (bulleted), `发布时间：2024-03-27 来源：… 编辑：…`, `作者：… 2019-06-27 11:21`
  [
    'article data',
    /^(?:[-–*]\s+)?[【\[(（]?\s*(?:来源|稿源|出处|发布时间|发布日期|发表时间|更新时间|更新日期|归档时间|作者|责任编辑|编辑|浏览次数|浏览量|浏览|点击|点击数|点击量|阅读|阅读量|阅读数|访问量|信息来源|发布者|发布人|发布单位|发布机构|发文机关|成文日期|发文日期|索引号|字数|关键词|关键字)\s*[：:]/,
  ],
  // …the fields after the site's name: `某某网   时间：2031-09-21    作者：佚名    来源：某某社` (two fields and more)
  [
    'article data',
    /^(?=.{0,100}$)(?!.*[。！？]).{0,16}?(?:(?:^|\s)(?:来源|发布时间|时间|日期|作者|编辑|责任编辑|浏览|点击)\s*[：:][^：:]{1,30}){2,}$/,
  ],
  // `时间：` and `日期：` also open a notice's own lines (`时间：3月5日上午9时`): furniture only with a numeric date.
  // the poster's role an aggregator prints over the posting time (`创始人`, `小编`): no headline
  ['article data', /^(?:创始人|小编|管理员|楼主|版主|admin|匿名用户)$/],
  // an aggregator's tag line: keywords, the source paper and the date (`某县 湘江 防汛 某某日报 2019-07-29`)
  ['article data', /^(?:[\u4e00-\u9fa5A-Za-z]{2,8}\s+){3,}(?:19|20)\d\d-\d{1,2}-\d{1,2}$/],
  // a blog's category between bars and the posting date: `| 某某动态 |2017-03-21`
  ['article data', /^[|｜丨]?\s*[\u4e00-\u9fa5]{2,8}\s*[|｜丨]\s*(?:19|20)\d\d-\d{1,2}-\d{1,2}$/],
  ['article data', /^(?:时间|日期)\s*[：:]\s*(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}/],
  // any short line carrying a posting time: `凤网 2024-11-07 10:02 阅读数 58`, `- 某某网 2012-06-25 08:55:39`
  ['article data', /^(?=.{0,64}$)(?!.*[。！？，]).*(?:19|20)\d\d(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}/],
  ['article data', /^\d{1,2}月\d{1,2}日\s*(?:上午|下午|晚上|凌晨|中午)?\s*\d{1,2}:\d{2}$|^(?:19|20)\d\d[-/.]\d{1,2}$/],
  // a posting time written day first, as sites abroad print it: `14.09.2031 17:28`, `14/09/2031`
  ['article data', DAY_FIRST_TIME],
  // `湖南日报·新湖南客户端 2024-08-02 17:22:35`, `2025年03月11日 15:20 来源：中国新闻网`
  ['article data', /^.{0,30}\s(?:19|20)\d\d-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$/],
  ['article data', /^(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*(?:\d{1,2}:\d{2}|.{0,8}来源)/],
  ['article data', /^(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+.{0,40})?$/],
  ['counter', /^(?:阅读|浏览|点击|点赞|评论|转发|分享|收藏)(?:量|数|次数)?\s*[：:]?\s*\d+[\d万+.]*\s*(?:次)?$/],
  [
    'counter',
    /^(?=.{0,50}$)(?!.*[。！？]).*(?:\d+\s*次?(?:浏览|阅读)(?:\s|$)|(?:阅读|浏览|点击)(?:数|量|次数)?\s*[：:]?\s*\d+[\d万+.]*\s*次?(?:\s|$))/,
  ],
  ['counter', /^[\d/\s\-—.]+$/],
  // a content farm's meta line: the account, a relative posting time, the category and a count
  // (`某某号3年前历史故事头条354`); the count at the end keeps headlines such as `10年前种下的树` out
  ['article data', /^[\u4e00-\u9fa5A-Za-z·]{2,12}\s*\d{1,2}\s*(?:年|个月|周|天|小时|分钟)前\s*[\u4e00-\u9fa5]{0,12}\s*\d+$/],
  // a reading-time line: `本篇文章733字，读完约2分钟`, `全文共1200字，阅读约需3分钟`
  ['counter', /^(?:本篇|本文|全文)(?:文章)?共?\s*\d+\s*字[，,、\s]*(?:阅读|读完)?(?:约需|需要|约|大约)?\s*\d+\s*分钟$/],
  // a spam mirror's banner of video-site keywords joined by `-`, `_` or `,` (`某某视频在线观看-某某精品…`)
  [
    'navigation',
    /^(?!.*[。！？])(?=(?:.*(?:在线观看|在线播放|免费视频|精品|一区二区|久久|中文字幕|无码|日韩|亚洲|国产)){3})[^\s]{0,12}(?:\s?[-_,，|]\s?[^\s]{2,30}){2,}$/,
  ],
  // one word printed three times and more, nothing else (`某某软件某某软件某某软件`): a spam template's banner
  ['navigation', /^([\u4e00-\u9fa5A-Za-z]{2,6})\1{2,}$/],
  // a promotional banner framed by pictographs (`🚗某某官方入口🚚`): a spam mirror's, never a headline
  ['navigation', /^\p{Extended_Pictographic}.{1,30}\p{Extended_Pictographic}$/u],
  // an account's call to follow it (`关注我们，关注某地`) and a search page's own lines (`搜索标签某地`,
  // `已找到 3 则相关结果`): the site talking about itself, never a headline
  ['site promo', /^关注我们(?:[，,、\s]*关注[\u4e00-\u9fa5]{1,8})?$/],
  // …and a portal's follow button under its data line: `关注某某网`, `关注某某客户端`
  ['site promo', /^关注[\u4e00-\u9fa5]{2,8}(?:网|客户端|公众号|微博|APP|App)$/],
  // …and a WeChat account's: `点击蓝字 关注我们`, `点击上方蓝字关注我们`, `长按二维码关注`
  ['site promo', /^(?:点击|戳)(?:上方)?(?:蓝字|蓝色字体)[，,\s]*关注(?:我们|本号)?[！!]?$|^长按(?:识别)?二维码[，,\s]*关注.{0,8}$/],
  [
    'site promo',
    /^(?:搜索|搜寻)(?:标签|关键词|结果)\s*[：:]?\s*[\u4e00-\u9fa5A-Za-z0-9]{0,12}$|^(?:已|共)?找到\s*\d+\s*(?:则|条|篇|个)(?:相关)?(?:结果|内容|信息|新闻)$/,
  ],
  // a section letter of an e-paper spread (`A`, `B`) standing alone
  ['page header', /^[A-Z]$/],
  // a page or a gallery's picture counter alone: `第2页`, `2/6`, `(1/20)`
  ['page header', /^第\s*\d{1,3}\s*页$|^[(（]?\s*\d{1,3}\s*[\/／]\s*\d{1,3}\s*页?\s*[)）]?$/],
  // mastheads: `国内统一刊号：CN43-0001`, `邮发代号：41-1`, `第23期 总第1647期`, `2022年03月04日 星期五`
  // (only on lines of masthead length: an e-paper dump may glue the masthead to the first article;
  // a series' issue number before a bar and a headline, `《某某》(总第9期)|标题`, is a column name)
  [
    'masthead',
    /^(?=.{0,100}$).*(?:国内统一(?:连续出版物号|刊号)|邮发代号|CN\s*43\s*[-－]|广告(?:经营)?许可证|总第\s*\d+\s*期(?![)）]?\s*[|｜丨]\s*[\u4e00-\u9fa5]))/,
  ],
  ['masthead', /^.{0,16}(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*(?:星期|周|礼拜)[一二三四五六日天].{0,30}$/],
  // an issue's own title on a mobile paper or e-paper: its date and its name, in either order
  // (`2031年5月6日某某手机报`, `5月6日某某手机报`, `某某日报 2031年5月6日`); a headline never is only these
  ['masthead', ISSUE_TITLE],
  // a mobile paper's publisher line under its masthead (`某某县融媒体中心主办`): the outlet, never a headline
  ['masthead', /^[\u4e00-\u9fa5]{2,16}(?:融媒体中心|日报社|报社|新闻中心|广播电视台)(?:主办|出品|编印)$/],
  // an e-paper archive's banner: `某某日报图文数据库(1946-2021)`
  ['masthead', /^.{2,16}(?:数据库|资料库|档案库)\s*[(（]\s*(?:19|20)\d\d\s*[-—–~～]\s*(?:19|20)\d\d\s*[)）]$/],
  // a paper's page reference over a copied piece (`某某日报 1月28日 第二十二版报道`): where it ran, not its headline
  [
    'masthead',
    /^《?[\u4e00-\u9fa5]{2,12}(?:日报|晚报|早报|都市报|报)》?\s*(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日\s*第?\s*[一二三四五六七八九十百\d]{1,5}\s*版\s*(?:报道|刊发|刊登|转载)?$/,
  ],
  // an e-paper page's running head: the paper, the date (a weekday), the page and its section
  // (`某某晚报 2031年12月06日 第04版 综合新闻`); a headline never ends on a page number and a section
  [
    'masthead',
    /^《?[\u4e00-\u9fa5]{2,12}(?:日报|晚报|早报|都市报|时报|商报|周报|报)》?\s*(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日\s*(?:(?:星期|周)[一二三四五六日天]\s*)?第?\s*[A-Z]?\d{1,3}\s*版\s*[：:·]?\s*[\u4e00-\u9fa5]{2,8}$/,
  ],
  // …and a national paper's citation under its headline: `《某某日报》(2031年05月06日 02版)`
  ['masthead', /^《[^》]{2,14}》\s*[(（]\s*(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*(?:第\s*)?[A-Z]?\d{1,3}\s*版\s*[)）]$/],
  // a magazine's issue: `某某 2031年8期`, `《某某》2031年第8期`
  ['masthead', /^《?[\u4e00-\u9fa5]{2,10}》?\s*(?:19|20)\d\d年\s*第?\s*\d{1,2}\s*期$/],
  // a flip-book's title: `《某某报》2024.6.6`, `《某某报》掌上读报-2023.08.18`
  ['masthead', /^《[^》]{2,14}(?:报|刊|周刊)》.{0,12}(?:19|20)\d\d[-.年/]\d{1,2}[-.月/]\d{1,2}日?$/],
  // what a web template leaves unfilled: `粉丝: {{bookData.followerCount}}`
  ['media', /\{\{[^}]{0,60}\}\}/],
  ['masthead', /^(?:农历|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年).{0,16}$/],
  // a mobile paper's weather under its date: `今日天气：多云 19-26℃`, `风向风力：北风2级`
  ['masthead', /^(?=.{0,40}$)(?:今日|明日|今天|明天|后天)天气\s*[：:]|^风向风力\s*[：:]/],
  // editor and production credits closing a page or an article
  [
    'credits',
    /^[【\[(（]?\s*(?:责任编辑|文章来源|责编|编辑|本版编辑|本版责编|美术编辑|版式|美编|校对|组版|值班编辑|审读|审核|一审|二审|三审|终审|初审|复审|监制|出品人?|统筹|策划|制作|签发|主编|编审|排版)\s*[：:|｜丨/]/,
  ],
  // …and a media credit (`视频：张三 李四`, `海报丨王五`), but not a portal's media tag before a headline
  // (`视频丨某县茶园迎来采茶季`): six characters and more with no space after it are a headline, not names.
  ['credits', /^[【\[(（]?\s*(?:视频|摄像|剪辑|海报|设计)\s*[：:|｜丨/](?!\s*[^\s：:|｜丨/]{6,}(?<!中心|报|台|网|社|站)$)/],
  // a run of credits on one line: `主播|张三 责任编辑|李四 二审编辑|王五 终审编辑|赵六`
  ['credits', /(?:责任编辑|一审|二审|三审|终审|监制|主播|制作人)[\s\S]{0,40}(?:责任编辑|一审|二审|三审|终审|监制|主播|制作人)/],
  [
    'footer',
    /(?:版权所有|Copyright|copyright|©|ICP[备证]|公网安备|互联网新闻信息服务许可证|未经(?:书面)?授权|违法和不良信息举报|技术支持\s*[：:]|主办单位\s*[：:]|承办单位\s*[：:])/,
  ],
  ['footer', /^(?:主办|承办|协办|联办|运营|维护)\s*[：:]/],
  [
    'footer',
    /未经.{0,12}(?:授权|许可|同意)|严禁转载|禁止转载|不得转载|转载请注明|(?:刊用|转载|使用)本(?:网站?|站|平台)稿件|^(?:本网站?|本站|本平台|本号)(?:所)?(?:刊载|发布|登载|转载)/,
  ],
  // image file names and bare links
  ['media', /^\S*\.(?:jpe?g|png|gif|webp|bmp|tiff?|mp4|pdf)(?:\s*\(\d+\s*[KM]?B\))?$/i],
  ['media', /^(?=.{0,100}$)(?:https?:\/\/|www\.)\S+/i],
  // what an e-paper's HTML leaves behind: `<!--enpcontent-->`, `/enpproperty-->`
  ['media', /<!--|-->|enpproperty|enpcontent/i],
  // …and an aggregator's: a quote mark alone on its line (`"`), left from its title attribute
  ['media', /^["'“”‘’]+$/],
  // …and a table's cell border or a template's rule alone (`|`, `---`, `◆◆◆`): no letter, no digit
  ['media', /^[^\p{L}\p{N}]+$/u],
  ['media', /^(?:图片|视频|音频|图集)\s*\d*$/],
  // a picture's placeholder in brackets: `【资料图】`, `[图片]`, `【組圖】`
  ['media', /^[【\[(（]\s*(?:资料图|資料圖|资料图片|資料圖片|图片|圖片|组图|組圖|视频|視頻)\s*[】\])）]$/],
  // a forum's attachment and picture codes left in a copy (`[attach]2680[/attach]`, `[img]…[/img]`)
  ['media', /^(?:\[(attach|attachimg|img|media|flash)\][^[\]]{0,200}\[\/\1\]\s*)+$/i],
  // a CMS's field names printed as lines (`Body:`, `news_publish_date:`): the template, not the article
  ['media', /^[A-Za-z][A-Za-z_]{1,30}\s*[:：]$/],
  // …or a template's code token left in the copy (`plugin_name:class_11`): an identifier, never a headline
  ['media', /^(?=[\w:.=-]*_)(?=[\w:.=-]*[A-Za-z])[\w:.=-]{3,60}$/],
  ...TEMPLATE_LINES,
];

/** A label, a colon and four or more short words with nothing else: a menu. */
const LABELLED_MENU = /^([\u4e00-\u9fa5A-Za-z]{1,10})\s*[：:]\s*[\u4e00-\u9fa5]{2,4}(?:[ 　]+[\u4e00-\u9fa5]{2,4}){3,}$/;
/** …unless the label names people (`记者：`, `参加人员：`, `获奖名单：`): then the words are names. */
const PEOPLE_LABEL = /(?:记者|通讯员|摄影|摄像|作者|编辑|责编|文|图|撰稿|编导|主持人?|嘉宾|成员|人员|名单|者|员|人)$/;

/**
 * Answers already given: a line is asked about several times while its page is read (page date,
 * hard wraps, line reading, summary), and some forty patterns are tried each time. A pure function
 * of the text, so a bounded memo changes nothing but the time; it is emptied when full.
 */
const known = new Map<string, FurnitureKind | null>();
const KNOWN_MAX = 20_000;

/** Why `text` (one trimmed line) is furniture, or undefined when it may be article text. */
export function furnitureOf(text: string): FurnitureKind | undefined {
  const answer = known.get(text);
  if (answer !== undefined) return answer ?? undefined;
  if (known.size >= KNOWN_MAX) known.clear();
  const kind = furnitureByForm(text);
  known.set(text, kind ?? null);
  return kind;
}

function furnitureByForm(text: string): FurnitureKind | undefined {
  if (NAVIGATION_WORDS.has(text) || NAVIGATION_WORDS.has(text.replace(/[【】\[\]()（）>»:：•●\s]/g, ''))) return 'navigation';
  // A run of controls on one line: `上一篇 放大 缩小 默认`, `【打印】 【关闭】`.
  // (A language switch glued to the menu, `首页English`, splits where the script changes.)
  const words = text
    .split(/[\s|｜丨/]+|[】\]]\s*[【\[]|(?<=[\u4e00-\u9fa5])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u4e00-\u9fa5])/)
    .map((w) => w.replace(/[【】\[\]()（）:：]/g, ''))
    .filter(Boolean);
  // (An e-paper prints its arrow buttons as digits or arrows: `3 上一篇  下一篇 4 放大 缩小 默认`, `<< 上一篇`.)
  // (…or glued to the word, `3上一篇  下一篇4`: a symbol font's arrows copied as the digits they are coded by.)
  // (An e-paper's toolbar prints the issue's date among its buttons: `上一篇 下一篇 2031年11月29日 放大 缩小`.)
  const controls = words
    .filter((w) => !/^(?:\d|<<?|>>?|[«»‹›←→]|(?:19|20)\d\d(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}))$/.test(w))
    .map((w) => w.replace(/^\d(?=\D)|(?<=\D)\d$/, ''));
  if (controls.length >= 2 && controls.length >= words.length - 2 && controls.every((w) => NAVIGATION_WORDS.has(w))) return 'navigation';
  if (siteBar(text, words)) return 'navigation';
  // A section's menu after its name: `某某景区: 资讯 门票 交通 路书 周边` (names after a role are an author line).
  const menu = LABELLED_MENU.exec(text);
  if (menu && !PEOPLE_LABEL.test(menu[1])) return 'menu';
  if (KEYWORD_TITLE.test(text)) return 'keyword title';
  for (const [kind, pattern] of PATTERNS) if (pattern.test(text)) return kind;
  return undefined;
}

/** Items of a site's top bar: short, and none of them a sentence. */
const SITE_BAR_ITEMS_MIN = 4;
const SITE_BAR_ITEM_MAX = 12;

/**
 * A site's top bar: four or more short items side by side, two or more of them controls
 * (`某某新闻网首页 设为首页 某某新闻网 收藏本站 在线投稿`): the site's own names between its buttons
 * do not make it text.
 */
function siteBar(text: string, words: string[]): boolean {
  // (A date or time makes it the article's data line with its font buttons: `某网 2024-05-06 10:20 放大 缩小`.)
  if (/[，。！？；,;!?]|\d{1,2}:\d{2}|(?:19|20)\d\d\s*[-/.年]/.test(text) || words.length < SITE_BAR_ITEMS_MIN) return false;
  if (words.some((w) => w.length > SITE_BAR_ITEM_MAX)) return false;
  return words.filter((w) => NAVIGATION_WORDS.has(w)).length >= 2;
}

/** A content farm's page title: its search words, then the same words again in brackets (`某地新闻(某地新闻主持人)`). */
const KEYWORD_TITLE = /^([\u4e00-\u9fa5A-Za-z0-9]{2,12})\s*[(（]\s*\1[^()（）]{0,8}[)）]$/;

/** A date alone on a line: the issue date when it stands above every article, a notice's date below one. */
export const BARE_DATE = /^((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日$/;
/** A line of running text (a sentence, or a long line): what ends a page's header. */
export function isRunningText(line: string): boolean {
  return line.length > 40 || /[。！？]["”’」』）)]*$/.test(line);
}
/** `作者：张三 李四` inside a line of article data: the names it gives, if any. */
export function authorsInArticleData(text: string): string | undefined {
  const match =
    /(?:^|\s)作者\s*[：:]\s*([^：:]+?)(?=\s+(?:来源|发布时间|发布日期|时间|日期|编辑|责任编辑|点击|阅读|浏览)\s*[：:]|\s+(?:19|20)\d\d[-/.年]|$)/.exec(
      text,
    );
  return match ? match[1].trim() : undefined;
}

/** How far down a page its masthead, page header or article data may stand. */
const HEADER_LINES = 30;

/**
 * The lines near the top of a page that name its outlet: masthead, page header, article data
 * (`来源：邵阳日报`). The tagger reads the outlet's home region from them (全市 in a city paper is
 * that city).
 */
export function outletLines(lines: string[]): string[] {
  return lines
    .slice(0, HEADER_LINES)
    .map((line) => line.trim())
    .filter((line) => {
      const kind = furnitureOf(line);
      return kind === 'masthead' || kind === 'page header' || kind === 'article data';
    });
}
