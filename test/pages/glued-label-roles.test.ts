/**
 * Round 8b: conventions we claimed, widened to their other forms (docs/page-layouts.md §1.9d, §2.2,
 * §7.2, §9): labels glued before a headline, other roles and credits, other site banners and notice data.
 */
import { describe, expect, it } from 'vitest';
import { explainPage } from '../../src/pages/explain.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { gluedLabelOf } from '../../src/pages/glued-label.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');

describe('a label glued before the headline with a colon', () => {
  it("takes the writer's name off the headline when the same name signs the text, and makes it the author", () => {
    const text = page(
      '江晓禾:山城夜话 某县寻味',
      '[来源:某某日报] [编辑:某某]',
      '山城夜话 某县寻味 老街的夜市。 某某 摄 文/江晓禾 某县的老街一到夜里就热闹起来,米粉摊前排起长队。',
      '街口的油茶铺开了四十年,店主每天凌晨四点起来熬茶。',
    );
    const found = articles(text);
    expect(found.map((a) => [a.title, a.authors])).toEqual([['山城夜话 某县寻味', ['江晓禾']]]);
    const headline = explainPage(text).lines.find((l) => l.line === 1);
    expect(headline?.reason).toContain("the writer's name glued before it");
  });

  it('takes a search keyword off the headline when the text repeats hardly any of its words', () => {
    const text = page(
      '某市治疗腰椎病哪家医院好:走读资江',
      '来源:某某文库 编辑:某某网 时间:2031/05/17 08:40:44',
      '资江从南岭北麓发源,一路向北,流经邵阳、益阳,在益阳城北注入洞庭湖。',
      '沿江而下,两岸的老码头还留着青石台阶。',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['走读资江']);
    expect(explainPage(text).lines[0]?.reason).toContain('a search keyword glued before it');
  });

  it('keeps a place lead, short or long, that the text names (the 地名： brief form)', () => {
    const text = '近日，常德经济技术开发区一家电池企业首条生产线试产成功。';
    expect(gluedLabelOf('常德经开区：新能源电池项目试产', text)).toBeUndefined();
    expect(gluedLabelOf('荷塘区月塘街道：以“三聚焦”促“三提升”', '荷塘区月塘街道以“干部能力提升年”为抓手。')).toBeUndefined();
    expect(gluedLabelOf('桃源：茶旅小镇迎来采茶游', '近日，桃源县茶庵铺镇举办采茶体验周。')).toBeUndefined();
    // A name that does not sign the text is a place lead or a person in the news, not the writer.
    expect(gluedLabelOf('张家界:景区迎来客流高峰', '文/李可 国庆假期，张家界各景区游人如织。')).toBeUndefined();
  });
});

describe('roles and credits in other wordings', () => {
  it('keeps only the writers of a line that names cameramen and editors too (记者：… 摄像：… 编辑：…)', () => {
    const found = articles(
      page(
        '某县直播带货大赛决出十强',
        '记者：谭一然 刘子行 摄像：贺一鸣 编辑：陈小曦',
        '8月14日，某县首届直播带货大赛决赛举行，10名选手进入十强。',
      ),
    );
    expect(found[0]?.authors).toEqual(['谭一然', '刘子行']);
  });

  it('reads 融媒记者 and 特约通讯员 as roles, and a compound surname as one four-character name', () => {
    const datelined = articles(
      page(
        '某村积分超市开进山里人家',
        '云上某县客户端4月17日讯（融媒记者 邹一桐 特约通讯员 曾凡一 摄像 罗嘉一）走进某村，积分超市里货架满满。',
      ),
    );
    expect(datelined[0]?.authors).toEqual(['邹一桐', '曾凡一']);
    const brief = articles(page('某镇举办山歌比赛', '近日，某镇举办山歌比赛，20支队伍参赛。(通讯员 欧阳晓一)'));
    expect(brief[0]?.authors).toEqual(['欧阳晓一']);
  });

  it('leaves photographers as the authors when nobody else is named', () => {
    const found = articles(page('古镇的清晨', '摄影 向天一', '晨雾还没散，古镇的石板路上已经有了挑担的人。'));
    expect(found[0]?.authors).toEqual(['向天一']);
  });
});

describe('site banners, section labels and notices', () => {
  it("drops an outlet's name alone over the first headline, whatever source the article data names", () => {
    for (const banner of ['某某新闻网', '某市人民政府门户网站', '某县广播电视台', '某南晚报']) {
      const text = page(
        banner,
        '某镇“积分超市”开进山里人家',
        '信息来源：某县融媒体中心 发布日期：2031年04月18日 浏览次数：',
        '近日，某镇新开了积分超市。',
      );
      expect(articles(text).map((a) => [a.kicker, a.title])).toEqual([['', '某镇“积分超市”开进山里人家']]);
    }
  });

  it('reads a 【section】 label alone over several items as the section, not as the first item’s kicker', () => {
    const found = articles(
      page(
        '【县市区】',
        '甲县：柑橘丰收',
        '连日来，甲县柑橘进入采摘期。（通讯员 严一琪）',
        '乙县举办芦笙比赛',
        '11月1日，乙县举办芦笙比赛。（通讯员 吴一丹）',
      ),
    );
    expect(found.map((a) => [a.kicker, a.title])).toEqual([
      ['', '甲县：柑橘丰收'],
      ['', '乙县举办芦笙比赛'],
    ]);
  });

  it('keeps a notice whole: disclosure data, its document number, addressees and signature', () => {
    const text = page(
      '关于做好城乡居民医疗保险参保缴费工作的通告',
      '发文机关：某市医疗保障局 成文日期：2031-09-20 发布日期：2031-09-22',
      '某医保通〔2031〕6号',
      '全市城乡居民：',
      '为做好参保缴费工作，现将有关事项通告如下。',
      '一、缴费时间',
      '2031年9月25日至12月31日。',
      '特此通告。',
      '某市医疗保障局',
      '2031年9月20日',
    );
    const found = articles(text);
    expect(found.map((a) => [a.kind, a.title])).toEqual([['notice', '关于做好城乡居民医疗保险参保缴费工作的通告']]);
    expect(found[0]?.body).toContain('全市城乡居民：');
    expect(explainPage(text).lines.find((l) => l.text === '全市城乡居民：')?.reason).toContain('a lead-in ending on a colon');
  });
});

describe('a web lead over the story, and breadcrumbs cut short', () => {
  it("keeps the story whole when its own dateline, naming the article's authors, follows the web lead and photo", () => {
    const text = page(
      '某县“积分超市”开进山里人家',
      '来源：某县融媒体中心 作者：邹一桐 曾凡一 发布日期：2031-04-18',
      '某村的“积分超市”开张三个月，已有186户村民换到了生活用品。',
      '▲村民在积分超市兑换生活用品。',
      '某县客户端4月17日讯（记者 邹一桐 通讯员 曾凡一）走进某村，积分超市里货架满满。',
      '超市的商品由驻村工作队和爱心企业共同筹集。',
    );
    expect(splitPage(text).map((a) => [a.kind, a.title])).toEqual([['feature', '某县“积分超市”开进山里人家']]);
    expect(explainPage(text).lines.find((l) => l.line === 5)?.reason).toContain("the article's own dateline");
  });

  it('still starts another item at a dateline naming other reporters', () => {
    const text = page(
      '某县“积分超市”开进山里人家',
      '来源：某县融媒体中心 作者：邹一桐 发布日期：2031-04-18',
      '某村的“积分超市”开张三个月，已有186户村民换到了生活用品。',
      '本报讯（记者 王小二）近日，某镇举办山歌比赛。',
    );
    expect(splitPage(text).map((a) => a.kind)).toEqual(['feature', 'fragment']);
  });

  it('reads a trail followed by its posting time as article data, so the page keeps its date', () => {
    const found = articles(page('某县村美业旺', '某某网 > 文化 > 乡村振兴      2031-11-16 16:46', '近日，某县燎原村的辣椒迎来丰收。'));
    expect(found[0]?.title).toBe('某县村美业旺');
    expect(furnitureOf('某某网 > 文化 > 乡村振兴      2031-11-16 16:46')).toBe('article data');
  });

  it('drops a breadcrumb cut before its first crumb, or ending on the headline', () => {
    for (const crumb of ['> 重点推荐 > 某市各县市区概况', '首页 › 新闻动态 › 某县“积分超市”开进山里人家']) {
      const found = articles(
        page(crumb, '某县“积分超市”开进山里人家', '来源：某县融媒体中心 发布日期：2031-04-18', '近日，某村新开了积分超市。'),
      );
      expect(found.map((a) => [a.kicker, a.title])).toEqual([['', '某县“积分超市”开进山里人家']]);
    }
  });
});

describe('a digest that cuts its ledes short', () => {
  it('takes the line under a datelined lede cut on a comma for the next headline when a sentence opens under it', () => {
    const text = page(
      '某县整治电动车安全隐患',
      '本报某市讯 近日，某县组织检查组深入老旧小区排查电动车违规充电问题。同时，',
      '“春风行动”送岗位',
      '1月20日，某县在广场举办招聘会，50家企业提供岗位1200个。',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['某县整治电动车安全隐患', '“春风行动”送岗位']);
    expect(explainPage(text).lines.find((l) => l.line === 3)?.reason).toContain('cut short on a comma');
  });

  it('still reads a line that ends the cut sentence as its continuation', () => {
    const found = articles(
      page('某县整治电动车安全隐患', '本报某市讯 近日，某县组织检查组深入老旧小区，', '排查违规充电问题。', '检查组逐一督促整改。'),
    );
    expect(found.map((a) => a.title)).toEqual(['某县整治电动车安全隐患']);
  });
});

describe('a special page and its pieces', () => {
  it("reads a special page's title as the page's, and the first piece under it by its own headline", () => {
    const text = page(
      '山乡十年--某县融媒体中心成立十周年特刊',
      '十年，我们一起走过',
      '十年前的今天，第一期手机报发到了两千多名读者手中。',
      '谢谢你们，亲爱的读者！',
      '——本报编辑部',
      '某县举办山地马拉松',
      '9月14日，首届山地马拉松在某县开跑。（杨一岚）',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['十年，我们一起走过', '某县举办山地马拉松']);
    expect(explainPage(text).lines[0]?.reason).toContain("a special page's title");
  });

  it('takes the piece under a special web page title and its data line as the headline', () => {
    const text = page('不只是新闻--某报晚报版两周年纪念', '2031-01-05 本报记者', '这两年我们一起走过', '今天，晚报版面世整整两年了。');
    expect(articles(text).map((a) => a.title)).toEqual(['这两年我们一起走过']);
  });

  it('reads ——本报编辑部 under a closing line as the signature, not as a subtitle', () => {
    const found = articles(page('致读者', '感谢一年来的陪伴。', '祝福新年，也祝福你们！', '——本报编辑部'));
    expect(found.map((a) => [a.title, a.subtitle])).toEqual([['致读者', '']]);
    expect(found[0]?.body.join('')).toContain('祝福新年');
  });
});

describe('a lead run together on one line', () => {
  it('reads the headline echo, captions, writer’s mark and text of one line as captions, author and text', () => {
    const [found] = articles(
      page(
        '山城夜话',
        '时间:2031-03-02 10:15:21',
        '山城夜话 老街的夜市。 某某 摄 文/江晓禾 某县的老街一到夜里就热闹起来。',
        '街口的油茶铺开了四十年。',
      ),
    );
    expect(found?.authors).toEqual(['江晓禾']);
    expect(found?.captions).toEqual(['老街的夜市。 某某 摄']);
    expect(found?.body[0]).toBe('某县的老街一到夜里就热闹起来。');
  });

  it('drops a forum’s attachment code left in a copy, and reads the line under it as its caption', () => {
    const [found] = articles(page('某县举办摄影展', '[attach]2680[/attach]', '观众在展厅参观。', '近日，某县举办摄影展，展出作品120幅。'));
    expect(found?.captions).toEqual(['观众在展厅参观。']);
    expect(found?.body).toEqual(['近日，某县举办摄影展，展出作品120幅。']);
  });
});

describe('a headline that ends on an anniversary is no special page', () => {
  it('keeps a headline ending on …周年 over its data and a section heading', () => {
    const found = articles(
      page(
        '某县举行活动纪念某某诞辰130周年',
        '来源：某县融媒体中心 发布时间：2031-12-26 10:00',
        '现场直击',
        '12月26日，某县举行纪念活动，干部群众500余人参加。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['某县举行活动纪念某某诞辰130周年']);
  });
});

describe('a first-person piece whose headline names its speaker', () => {
  it('keeps 某某：我与… whole though the speaker signs the text, when the headline is not printed again', () => {
    const found = articles(
      page(
        '江晓禾：我与这张报纸的二十年',
        '来源：某某晚报 作者：江晓禾 2031-05-06 09:00',
        '文/江晓禾 二十年前，我第一次给报社投稿。',
        '那篇稿子只有三百字。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['江晓禾：我与这张报纸的二十年']);
  });
});
