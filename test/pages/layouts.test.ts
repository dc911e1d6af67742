/**
 * Layout conventions of real Hunan outlets (docs/page-layouts.md), each on a small page of our own
 * invented text: web and e-paper furniture, datelines, author lines, headline forms, notices.
 */
import { describe, expect, it } from 'vitest';
import { datelineOf, namesWithoutRoles, authorsOfLine } from '../../src/pages/blocks.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { pageDateOf } from '../../src/pages/page-date.ts';
import { splitPage } from '../../src/pages/split.ts';
import { summarise } from '../../src/pages/summary.ts';

const page = (...lines: string[]) => lines.join('\n\n');
const titles = (text: string) =>
  splitPage(text)
    .filter((a) => a.kind !== 'fragment')
    .map((a) => a.title);

describe('page furniture', () => {
  it.each([
    '版面导航',
    '标题导航',
    '上一篇 放大 缩小 默认',
    '字体：【大 中 小】',
    '首页 > 新闻中心 > 县域动态',
    '当前位置：首页>>要闻',
    '[来源：某某日报]',
    '发布时间：2024-03-27 来源：某某网 编辑：周琳',
    '阅读：57',
    '点击量:1203',
    '国内统一刊号:CN43-0009',
    '第01版：头版',
    'A03版：要闻',
    '2022年03月04日 星期五',
    'IMG_2031.jpg',
    '责任编辑：贺丽',
    '【打印】 【关闭】',
    '分享到：',
    '版权所有 某某报社',
    '2019-08-12 06:24:20',
    '打开某某新闻 查看精彩图片',
  ])('drops %s', (line) => {
    expect(furnitureOf(line)).toBeDefined();
  });

  it.each(['时间：3月5日上午9时', '乡村振兴，我们来了！', '隆回县自然资源局', '某县举办农民丰收节'])('keeps %s', (line) => {
    expect(furnitureOf(line)).toBeUndefined();
  });

  it('reads the date a page prints for itself', () => {
    expect(pageDateOf(['某某日报', '2022年03月04日 星期五', '第01版：头版'])).toBe('2022-03-04');
    expect(pageDateOf(['某县新修村道', '发布时间：2019-08-12 06:24:20 来源：某县融媒体中心'])).toBe('2019-08-12');
    expect(pageDateOf(['征地公告', '现将某村集体土地征收事项公告如下。', '某县自然资源局', '2023年3月1日'])).toBeUndefined();
    expect(pageDateOf(['某某日报', '2024年06月20日', '苗寨夜色里的非遗集市', '入夜，老街灯笼次第亮起。'])).toBe('2024-06-20');
  });

  it("never makes a headline of a web page's furniture", () => {
    const text = page(
      '首页 > 新闻 > 县域',
      '桃江县新建十座乡村图书室_某某新闻网',
      '字体：【大 中 小】',
      '桃江县新建十座乡村图书室',
      '来源：某某新闻网 作者：周晓岚 发布时间：2024-03-27 10:02',
      '阅读：57',
      '近日，桃江县在十个行政村新建乡村图书室，每间藏书三千余册。',
      '图书室由村部闲置房屋改建，配有桌椅和电子阅读设备。',
      '上一篇：某县开展春耕备耕',
      '下一篇：某镇举办读书分享会',
      '责任编辑：贺丽',
      '版权所有 某某新闻网',
    );
    const articles = splitPage(text);
    expect(articles.map((a) => a.title)).toEqual(['桃江县新建十座乡村图书室']);
    expect(articles[0].authors).toEqual(['周晓岚']);
    expect(articles[0].body[0]).toBe('近日，桃江县在十个行政村新建乡村图书室，每间藏书三千余册。');
  });

  it("takes an e-paper's list of headlines for navigation", () => {
    const text = page(
      '第02版：要闻',
      '标题导航',
      '某市召开防汛工作会议',
      '某县油茶喜获丰收',
      '某镇修通最后一公里',
      '某区开展消防演练',
      '某市召开防汛工作会议',
      '本报记者 贺明远',
      '6月3日，某市召开防汛工作会议，部署今年汛期各项工作。',
    );
    expect(titles(text)).toEqual(['某市召开防汛工作会议']);
  });
});

describe('datelines', () => {
  it.each([
    ['本报1月31日讯（记者 周晓岚）今年以来，', ['周晓岚']],
    ['新湖南客户端衡阳讯（通讯员 贺明远 刘一帆）近日，', ['贺明远', '刘一帆']],
    ['掌上长沙11月27日讯（全媒体记者 唐思雨）26日，', ['唐思雨']],
    ['某某日报3月3日讯（全媒体记者 龚逸 通讯员 邹敏）', ['龚逸', '邹敏']],
    ['本报讯(陈 玫 罗 倩)近日，', ['陈玫', '罗倩']],
    ['邵阳新闻网讯 (通讯员彭晓 谭立)6月14日，', ['彭晓', '谭立']],
  ])('reads %s', (text, names) => {
    const dateline = datelineOf(text);
    expect(dateline?.names?.split(' ')).toEqual(names);
  });

  it('reads a wire dateline with its headline', () => {
    expect(datelineOf('中新网长沙3月10日电 题：山村小学有了新操场')?.title).toBe('山村小学有了新操场');
  });

  it.each(['国网某县供电公司日前完成线路改造。', '通讯员们冒雨采访。', '喜讯传来，全村沸腾。'])('sees no dateline in %s', (text) => {
    expect(datelineOf(text)).toBeUndefined();
  });

  it('keeps the dateline out of the body and the summary', () => {
    const [article] = splitPage(
      page(
        '某县新建三座便民桥',
        '某某日报5月2日讯（全媒体记者 龚逸）近日，某县三座便民桥建成通车，沿线群众出行更方便。桥梁由县交通部门统一设计，每座可通行小型车辆。',
      ),
    );
    expect(article.authors).toEqual(['龚逸']);
    expect(article.body[0].startsWith('近日')).toBe(true);
    expect(summarise(article).startsWith('近日')).toBe(true);
  });
});

describe('author lines', () => {
  it.each([
    ['□ 某某报记者 张晓 通讯员 李明', '张晓 李明'],
    ['■ 本报记者 周晓岚', '周晓岚'],
    ['文/图 某某晚报记者 唐思雨', '唐思雨'],
    ['湖南日报·华声在线记者 贺明远 通讯员 刘一帆', '贺明远 刘一帆'],
    ['某某日报记者 龚逸 通讯员 邹敏 摄影报道', '龚逸 邹敏'],
    ['记者 谭立 长沙报道', '谭立'],
    ['某某日报社城建新闻部副主任 龚晓', '龚晓'],
  ])('reads %s', (line, names) => {
    expect(namesWithoutRoles(line)).toBe(names);
  });

  it('takes an institution as the author', () => {
    expect(authorsOfLine('湖南日报评论员')).toBe('湖南日报评论员');
    const [article] = splitPage(page('让每一块田都长出希望', '湖南日报评论员', '春耕时节，田野里处处是忙碌的身影。'));
    expect(article.title).toBe('让每一块田都长出希望');
    expect(article.authors).toEqual(['湖南日报评论员']);
  });

  it('never reads a headline as an author line', () => {
    expect(namesWithoutRoles('优秀通讯员李明')).toBeUndefined();
  });
});

describe('headline forms', () => {
  it('puts a 【栏目】 prefix in the kicker', () => {
    const [article] = splitPage(page('【乡村振兴】某村种下千亩油菜', '本报讯（记者 周晓岚）近日，某村千亩油菜进入花期。'));
    expect(article.title).toBe('某村种下千亩油菜');
    expect(article.kicker).toBe('乡村振兴');
  });

  it('splits 主题——副题 printed on one line', () => {
    const [article] = splitPage(page('山路通了 果子俏了——某县修通产业路见闻', '本报记者 贺明远', '清晨，运果车沿着新修的产业路驶出山村。'));
    expect(article.title).toBe('山路通了 果子俏了');
    expect(article.subtitle).toBe('某县修通产业路见闻');
  });

  it("closes letter-spaced titles and keeps a notice's contact lines inside it", () => {
    const articles = splitPage(
      page(
        '征 地 公 告',
        '根据有关规定，现将某县某镇某村集体土地征收事项公告如下。',
        '联系电话：0739-1234567',
        '联系人：周先生',
        '某县自然资源局',
        '2023年3月1日',
      ),
    );
    expect(articles.map((a) => a.title)).toEqual(['征地公告']);
    expect(articles[0].body).toContain('联系电话：0739-1234567');
  });

  it('takes a headline ending in ！ or ？', () => {
    expect(titles(page('春耕正当时，你准备好了吗？', '本报讯（记者 唐思雨）连日来，某县各地农户忙着翻耕水田。'))).toEqual([
      '春耕正当时，你准备好了吗？',
    ]);
  });

  it('reads pages with half-width punctuation', () => {
    const text = page(
      '某县开展"送法下乡"活动',
      '本报讯(记者 谭立)近日,某县司法局组织律师走进乡村,为群众提供法律咨询。',
      '活动现场,律师们耐心解答群众提出的问题。',
      '某镇举办农产品展销会',
      '本报讯(通讯员 邹敏)日前,某镇在集镇广场举办农产品展销会,吸引大批群众选购。',
    );
    expect(titles(text)).toEqual(['某县开展"送法下乡"活动', '某镇举办农产品展销会']);
  });
});

describe('long web headlines', () => {
  it("takes a line too long for a headline's shape when article data confirms it", () => {
    const text = page(
      '首页 > 新闻',
      '某省出台支持县域经济高质量发展的若干政策措施 推动县域特色产业集群发展壮大',
      '来源：某某网 2024-03-27 10:02',
      '近日，省政府办公厅印发若干政策措施，从产业、人才、金融等方面支持县域经济发展。',
      '责任编辑：周琳',
    );
    expect(titles(text)).toEqual(['某省出台支持县域经济高质量发展的若干政策措施 推动县域特色产业集群发展壮大']);
  });
});

describe('pages in traditional characters', () => {
  it('splits them by the same conventions and gives the articles back as printed', () => {
    const text = page(
      '首頁 > 新聞 > 縣域',
      '城步舉辦鄉村文化節',
      '來源：某某新聞網 作者：周曉嵐 發布時間：2024-05-02 09:30',
      '某某新聞網5月1日訊（記者 周曉嵐）近日，城步苗族自治縣舉辦鄉村文化節，來自各鄉鎮的文藝隊伍同台演出。',
      '活動現場還設置了非遺展示區，吸引數千名群眾觀看。',
      '責任編輯：賀麗',
    );
    const articles = splitPage(text);
    expect(articles.map((a) => a.title)).toEqual(['城步舉辦鄉村文化節']);
    expect(articles[0].authors).toEqual(['周曉嵐']);
    expect(articles[0].body[0]).toBe('近日，城步苗族自治縣舉辦鄉村文化節，來自各鄉鎮的文藝隊伍同台演出。');
  });
});

describe('web articles', () => {
  it('takes short lines between a signed header and the text for photo captions, not headlines', () => {
    const text = page(
      '某县古村落修缮完工',
      '来源：某某新闻网 作者：贺明远 2024-06-27 11:21',
      '修缮一新的老祠堂',
      '村口的古樟树',
      '村民在古戏台前合影',
      '某某新闻网6月27日讯 近日，某县古村落修缮工程完工，二十余栋古民居恢复原貌。',
      '工程历时一年，投入资金八百余万元。',
    );
    const articles = splitPage(text);
    expect(articles.map((a) => a.title)).toEqual(['某县古村落修缮完工']);
    expect(articles[0].body[0].startsWith('近日')).toBe(true);
  });
});
