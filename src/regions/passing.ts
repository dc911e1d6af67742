/**
 * Passing mentions: a place name written as part of something else, which says nothing about
 * where the article happens. Each rule looks only at the words right around the mention:
 * - an organisation's name: the place followed by 银行, 公司, 集团, 日报 … (长沙银行 is a bank that
 *   works everywhere), or a street named after it (韶山路); the province's name opening an
 *   institution's (湖南信息学院, 湖南省人民医院); a branch or an institution named after
 *   its town (…永州分行, 吉首大学) says a little, so it keeps some weight;
 * - someone's origin: 来自X, X籍, X人, X游客, X老乡 (a visitor's or a native's home town);
 * - a route or a destination: X至Y, X—Y, 开往X, 飞往X, X方向, X南站 (the trip passes by, the
 *   story is elsewhere);
 * - a neighbour named as a boundary: 东接X, 南抵X、Y, 北与X交界, 与X毗邻 (a place's description
 *   names what lies around it; the neighbours are not its subject);
 * - the scope of a ranking: X首家, X首条, X第一, X唯一, X最美, X率先 (the first or best in the city:
 *   the story is somewhere in it, which a district or street named beside it says better);
 * - a site named after the city: X经开区, X高新区, X国际会议中心, X某某大桥, X某某广场 (it lies in the city, so it counts in
 *   full, but somewhere in it: the city does not lead a county named beside it, see decide.ts);
 * - a visiting group's home: X考察组到Y, X调研团 (the visit is the host's story; the visitors' home
 *   still places an article whose host lies outside Hunan);
 * - a city's residents (长沙市民): somewhere in the city, as a ranking's scope;
 * - a river by a county city's name (沅江、澧水流域): the river;
 * - an unnamed place in the province (湖南一县长, 湖南某地): the text names it better;
 * - a natural feature or landmark named after the place (浏阳河, 武陵山区, 东安门: the matcher
 *   marks these from jieba's place words).
 */
import type { Mention } from './matcher.ts';

/** Why a mention is only in passing. */
export type PassingKind =
  | 'organisation'
  | 'newspaper'
  | 'branch'
  | 'origin'
  | 'route'
  | 'neighbour'
  | 'feature'
  | 'scope'
  | 'site'
  | 'visitors'
  | 'unnamed'
  | 'residents';

/** How much a passing mention still counts, relative to a plain one (1). */
export const PASSING_WEIGHT: Record<PassingKind, number> = {
  organisation: 0,
  // A newsroom's name counts nothing in the text; in a headline it is the newsroom's own story (tagger.ts).
  newspaper: 0,
  origin: 0,
  // The branch of a bank or company is located in the place, but the story is the company's.
  branch: 0.5,
  // A route names real places, but a story about a trip is rarely about its end points.
  route: 0.25,
  // A boundary says where the subject lies, nothing about the neighbour.
  neighbour: 0,
  // A river or mountain named after a place (浏阳河, 武陵山) runs past many; the place counts by its own name.
  feature: 0,
  // The scope of a ranking (长沙首家…, 全市率先…, 长沙最美…) is where the subject is, but as wide as
  // the comparison: a district named beside it says more. It still places the article (tagger.ts).
  scope: 0.25,
  // A zone or venue named after the city (长沙经开区) lies in the city, in some county of it (decide.ts).
  site: 1,
  // A visiting group's home (某市考察组到某镇): the host is the story, but the visitors' home still places it.
  visitors: 0.25,
  // `湖南一县长…`, `湖南某地…`: somewhere in the province, which the text names better.
  unnamed: 0.25,
  // `某市市民王女士来电`: a caller or a crowd of the city, somewhere in it; a district named beside it says where.
  residents: 0.25,
};

/** Kinds that still place the article (at their weight) without making the place the headline's subject. */
export const PLACING_KINDS: ReadonlySet<PassingKind> = new Set(['scope', 'site', 'visitors', 'unnamed', 'residents']);

const ORGANISATION_WORDS = [
  // Companies and banks named after a city.
  '银行|农商|农村商业银行|村镇银行|公司|集团|股份|有限|证券|保险|控股|实业|商会|同乡会|商行',
  // Newspapers and broadcasters: the paper's name, not the story's place.
  '|日报|晚报|都市报|电视台|广播电视台|卫视|新闻网|融媒体中心|融媒|客户端',
  // Streets named after a place (韶山路, 长沙南路) lie in some other town.
  '|[东西南北中]?路|大道|大街|街(?!道)',
].join('');
const ORGANISATION_AFTER = new RegExp(`^(?:${ORGANISATION_WORDS})`);
/**
 * A newsroom named after its place — a paper (长沙晚报, 邵阳日报) or a broadcaster (某县电视台,
 * 某县广播电视台, 某县融媒体中心) — but not as a reporter's outlet (长沙晚报记者, 某县电视台记者).
 */
const NEWSPAPER_AFTER = /^(?:日报|晚报|都市报|广播电视台|电视台|融媒体中心)(?!社?(?:记者|通讯员|评论员))/;
/** A branch, or an institution named after its town (…永州分行, 吉首大学): located there, but not the story. */
const BRANCH_AFTER = /^(?:分行|支行|分公司|营业部|办事处|大学|学院|职业技术学院|师范)/;
/**
 * The province's name opening an institution's (湖南信息学院, 湖南省人民医院, 湖南某某集团): such
 * bodies bear the province's name wherever they stand and whatever the story, so it says nothing.
 */
const PROVINCE_INSTITUTION_AFTER = /^[\u4e00-\u9fa5]{0,6}?(?:大学|学院|医院|集团|公司)/;
// X人 is a person from X (邵阳人), but 人民, 人大, 人社 … are the place's own institutions.
const ORIGIN_AFTER = /^(?:籍|游客|老乡|乡亲|客商|客人|人(?![民大社口才员力工居文事防武寿]))/;
/** 来自 up to four characters before the mention, with no punctuation between (来自湖南长沙的). */
const ORIGIN_BEFORE = /来自[^\s，。、；：！？,.;:!?“”"（）()]{0,4}$/;
const DESTINATION_BEFORE = /(?:开往|发往|飞往|驶往|去往|直达|往返|途经|经停|直飞)$/;
/** A direction or a station: the trip passes by (长沙方向, 长沙南站, 长沙高铁). */
const ROUTE_AFTER = /^(?:方向|[东西南北]?站|高速|高铁|机场)/;
/** A boundary before the place: 东接, 南抵, 西靠, 北毗, 东邻, 西连, 南界, 毗邻, 紧邻. */
const NEIGHBOUR_BEFORE = /(?:[东南西北](?:接|抵|靠|毗|邻|连|界)|毗邻|毗连|紧邻)$/;
/** A boundary after the place: (北与)X交界, (东与)X毗邻, X接壤. */
const NEIGHBOUR_AFTER = /^(?:交界|毗邻|毗连|接壤|相邻|相连)/;
/** What may stand between two neighbours in one boundary: 东接X、Y; 与X和Y交界. */
const NEIGHBOUR_LINK = /^(?:、|和|及|与)$/;

/** A ranking after the place: 首家, 首个, 首条, 首批, 第一, 唯一, 最美, 最大 …, 率先. */
const RANKING_AFTER = /^(?:首[家个座条批例位届开创次]|第一|唯一|最(?!终|后|近|新)|率先|领先)/;

/** True when the place word ending at `end` is the scope of a ranking (`长沙首家`, `全市率先`). */
export function rankingScope(text: string, end: number): boolean {
  return RANKING_AFTER.test(text.slice(end, end + 4));
}

/**
 * A site named after its city: a development zone (经开区, 高新区, 经济技术开发区, 新区, 工业园) or a
 * venue (国际会议中心, 会展中心, 会展新城). A zone the dataset lists (永州经开区) is matched as that zone.
 */
const SITE_AFTER =
  /^(?:经开区|高新区|经济技术开发区|高新技术产业开发区|新区|工业园|产业园|(?:国际)?会议中心|(?:国际)?会展(?:中心|新城)|[\u4e00-\u9fa5]{0,4}?(?:大桥|广场|公园)(?![\u4e00-\u9fa5]{0,2}(?:路|街)))/;
/** A visiting group after its home: 考察组, 调研团, 参观团, 学习团, 观摩团, 访问团. */
const VISITORS_AFTER = /^(?:考察|调研|参观|学习|观摩|访问)(?:组|团)/;

/**
 * The province's name before an unnamed place or person in it (`湖南一县长`, `湖南某地`, `湖南一女子`):
 * a national outlet's way of hiding, or not yet knowing, the county that the text then names.
 */
const UNNAMED_AFTER = /^(?:一|某)(?:县|市|区|镇|乡|村|地|男|女|老人|小区|学校|中学|小学|医院|企业|公司|官员|干部|局长|书记)/;

/** A city's residents (`长沙市民`, `长沙市居民`), after the city's name with or without its 市. */
const RESIDENTS_AFTER = /^市?(?:市民|居民)/;
/** …after a name that ends in 市 (`长沙市民`), but not the city's 民政局, 民营企业, 民族中学 or 民间 groups. */
const RESIDENTS_AFTER_CITY = /^(?:民(?!族|政|营|俗|间)|居民)/;
/**
 * A river named by a place's short name in a list of rivers or before 流域 (`沅江、澧水流域`, `资江沿岸`):
 * the river, not the county city of that name.
 */
const RIVER_AFTER = /^(?:、[\u4e00-\u9fa5]{1,3}[水江河])*(?:流域|水系|沿岸|两岸|上游|下游|中游|干流|支流)/;

/** What may stand between the two ends of a route: 至, 到, a dash, a tilde or an arrow. */
const ROUTE_LINK = /^(?:至|到|—{1,2}|－|-|~|～|→|⇄|↔)$/;

/**
 * Marks the passing mentions among the mentions of one text (in reading order); the result has
 * the same length as `mentions`, null for a mention that counts fully.
 */
export function passingKinds(text: string, mentions: Mention[]): (PassingKind | null)[] {
  const kinds: (PassingKind | null)[] = mentions.map((m) => {
    const after = text.slice(m.end, m.end + 6);
    const before = text.slice(Math.max(0, m.start - 8), m.start);
    if (m.feature) return 'feature';
    if (NEWSPAPER_AFTER.test(after)) return 'newspaper';
    if (ORGANISATION_AFTER.test(after)) return 'organisation';
    if (m.term.credits.level === 'province' && PROVINCE_INSTITUTION_AFTER.test(text.slice(m.end, m.end + 10))) return 'organisation';
    if (BRANCH_AFTER.test(after)) return 'branch';
    if (ORIGIN_AFTER.test(after) || ORIGIN_BEFORE.test(before)) return 'origin';
    if (DESTINATION_BEFORE.test(before) || ROUTE_AFTER.test(after)) return 'route';
    if (NEIGHBOUR_BEFORE.test(before) || NEIGHBOUR_AFTER.test(after)) return 'neighbour';
    // Only a city's or the province's: nothing finer than a county is tagged, so a county's scope is simply the county.
    if (m.term.credits.level !== 'county' && RANKING_AFTER.test(after)) return 'scope';
    if (m.term.credits.level !== 'county' && SITE_AFTER.test(text.slice(m.end, m.end + 10))) return 'site';
    // The province's own groups (湖南代表团 …) are not covered: only a city's or a county's.
    if (m.term.credits.level !== 'province' && VISITORS_AFTER.test(after)) return 'visitors';
    if (m.term.credits.level === 'province' && UNNAMED_AFTER.test(after)) return 'unnamed';
    const named = text.slice(m.start, m.end);
    if (m.term.credits.level === 'prefecture' && (named.endsWith('市') ? RESIDENTS_AFTER_CITY : RESIDENTS_AFTER).test(after))
      return 'residents';
    if (/[江水河]$/.test(named) && RIVER_AFTER.test(text.slice(m.end, m.end + 12))) return 'feature';
    return null;
  });
  markNeighbourLists(text, mentions, kinds);
  for (let i = 0; i + 1 < mentions.length; i++) {
    const link = text.slice(mentions[i].end, mentions[i + 1].start);
    if (ROUTE_LINK.test(link)) {
      kinds[i] ??= 'route';
      kinds[i + 1] ??= 'route';
    }
  }
  return kinds;
}

/** A boundary naming several places (南抵X、Y; 与X、Y交界): all of them are neighbours. */
function markNeighbourLists(text: string, mentions: Mention[], kinds: (PassingKind | null)[]): void {
  const linked = (i: number) => NEIGHBOUR_LINK.test(text.slice(mentions[i].end, mentions[i + 1].start));
  for (let i = 0; i + 1 < mentions.length; i++) if (kinds[i] === 'neighbour' && linked(i)) kinds[i + 1] ??= 'neighbour';
  for (let i = mentions.length - 2; i >= 0; i--) if (kinds[i + 1] === 'neighbour' && linked(i)) kinds[i] ??= 'neighbour';
}
