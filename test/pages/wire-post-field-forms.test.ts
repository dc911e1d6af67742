/**
 * Round 14 (blind12b, blind13): a wire item whose only headline is its dateline's 题, a gloss the
 * column bar left, a web post's clause-rich exclaimed headline, a feature's sections in the brief
 * form, an e-paper toolbar's date, a forum post's time, data fields on two lines, an attachment's
 * label and a city daily's `全媒体讯` dateline (docs/page-layouts.md §1.5, §1.6, §1.8, §2.2, §3, §8).
 */
import { describe, expect, it } from 'vitest';
import { datelineOf } from '../../src/pages/dateline.ts';
import { explainPage } from '../../src/pages/explain.ts';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { pageDateOf } from '../../src/pages/page-date.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');

describe('headlines the splitter used to miss', () => {
  it("takes a wire item's headline from its dateline's 题 when no headline line stands above it", () => {
    const text = page(
      '某某社长沙6月12日电 题:山村的“樱桃经济”',
      '某某社记者林若溪',
      '初夏时节,汝城县的一个小镇上,家家户户的院子里挂满了红透的樱桃。',
    );
    const [article] = articles(text);
    expect(article?.title).toBe('山村的“樱桃经济”');
    expect(article?.body[0]).toMatch(/^初夏时节/);
    expect(explainPage(text).lines[0]?.reason).toContain('a wire dateline naming its item');
  });

  it('drops a tone-marked gloss left after the column bar, and keeps a place name alone as the headline of a numbered series', () => {
    const text = page(
      '某市地名故事③|(qū)溆浦——溆水之滨 山水画廊',
      '溆浦因溆水得名,縣城坐落在溆水之濱,自古便是湘西的水陸要沖。漢代在此設縣。',
    );
    const [article] = articles(text);
    expect([article?.kicker, article?.title, article?.subtitle]).toEqual(['某市地名故事③', '溆浦', '溆水之滨 山水画廊']);
  });

  it('keeps a plain word in brackets after the bar, and a two-character headline after an unnumbered column', () => {
    const [glossless] = articles(page('某某频道|(app)新版上线', '新版客户端今天上线,增加了语音播报功能。'));
    expect(glossless?.title).toBe('(app)新版上线');
    const [unnumbered] = articles(page('地名故事|溆浦', '溆浦因溆水得名,县城坐落在溆水之滨,自古便是水陆要冲。'));
    expect(unnumbered?.title).toBe('地名故事|溆浦');
  });

  it("takes a post's first line of three clauses closed by ！ as its headline, not one closed by 。", () => {
    const exclaimed = page('这个周末,某县老街火了,三天接待游客超十万!', '这个周末,永顺县的老街上人头攒动,街边的小吃摊从早到晚排着长队。');
    expect(articles(exclaimed).map((a) => a.title)).toEqual(['这个周末,某县老街火了,三天接待游客超十万!']);
    const told = page(
      '这个周末,某县老街火了,三天接待游客超十万',
      '据县文旅部门统计,三天里老街共接待游客十万余人次,街边的小吃摊从早到晚排着长队。',
    );
    expect(explainPage(told).lines[0]?.reason).toBe('more clauses than a headline has');
  });
});

describe("a post's introduction over the story it reprints", () => {
  it("keeps the story's byline under the introduction as the post's own, in one article", () => {
    const text = page(
      '这个周末,某县老街火了,三天接待游客超十万!',
      '这个周末,永顺县的老街上人头攒动,某某日报的报道在客户端的浏览量已超过五十万。',
      '▲老街的夜景 某某日报记者 向晚晴 摄',
      '某某日报记者 向晚晴 彭一帆',
      '老街全长一公里多,两旁是清一色的木板房,保留了吊脚楼的老样子。',
    );
    const found = splitPage(text);
    expect(found.map((a) => [a.kind, a.title, a.authors])).toEqual([
      ['feature', '这个周末,某县老街火了,三天接待游客超十万!', ['向晚晴', '彭一帆']],
    ]);
  });

  it('still starts a headless article at a byline under a first article that has its own dateline', () => {
    const text = page(
      '某县新建图书室',
      '本报讯 11月24日,某县今年新建的五座乡村图书室全部建成开放,图书室由村部的旧仓库改建而成,藏书三千余册,配有电脑和阅读桌,每天下午向村民开放。',
      '本报记者 向晚晴 彭一帆',
      '老街全长一公里多,两旁是清一色的木板房,近两年县里对老街进行了修缮。',
    );
    expect(splitPage(text).map((a) => a.kind)).toEqual(['brief', 'fragment']);
  });
});

describe('the brief form 地名：… and section headings of that form', () => {
  it("keeps a feature's sections in one article when their text never names the lead again", () => {
    const text = page(
      '山水之间何以为家?作家采风团走进某市寻访绿色与乡愁',
      '6月3日至4日,作家采风活动在郴州举行,三十余位作家走进乡村、园区和古村落,记录这座城市的变化。',
      '绿色转身:在云雾里读懂生态',
      '6月3日上午,作家们沿着新修的步道上山。讲解员介绍,这片山林十年前还是采石场,如今森林覆盖率已超过八成。',
      '一位作家在笔记本上写道,山上的每一棵树都是人们一锄一锄种下的。',
      '乡愁深处:在老屋里触摸记忆',
      '"这口井有四百年了!"6月4日上午,村里的老人指着',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['山水之间何以为家?作家采风团走进某市寻访绿色与乡愁']);
  });

  it('keeps a section whose lead sets a scene (…里, …上) as a heading, though its text repeats the words', () => {
    const text = page(
      '山水之间何以为家?作家采风团走进某市寻访绿色与乡愁',
      '6月3日至4日,作家采风活动在郴州举行,三十余位作家走进乡村、园区和古村落,记录这座城市的变化。',
      '老屋里:在门槛上读懂岁月',
      '走进古村的一栋老屋,门槛已被磨得发亮。屋主人说,这栋老屋住过五代人,梁上的雕花还是清代的手艺。',
      '作家们在老屋的天井里坐下来,听屋主人讲祖辈留下的家训。',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['山水之间何以为家?作家采风团走进某市寻访绿色与乡愁']);
    expect(explainPage(text).lines[2]?.decision).toBe('section heading');
  });

  it('starts a brief at a place lead its text names, in the first paragraph or the second', () => {
    const text = page(
      '某地要闻',
      '近日,市里召开乡村振兴工作推进会,部署下半年重点工作。',
      '邵东:小商品撑起大市场',
      '本报讯 近日,邵东市的小商品市场迎来采购旺季,日均客流超过两万人次。',
      '宁乡市资福镇:网格员走进千家万户',
      '社区的事情千头万绪,难在件件有回音。',
      '资福镇把全镇划成六十个网格,每个网格配一名网格员。',
    );
    expect(articles(text).map((a) => a.title)).toEqual(['某地要闻', '邵东:小商品撑起大市场', '宁乡市资福镇:网格员走进千家万户']);
  });
});

describe('page dates, article data and datelines', () => {
  it("reads the issue's date among an e-paper toolbar's buttons, their arrows copied as digits", () => {
    expect(furnitureOf('3上一篇  下一篇4 2031年11月26日 放大 缩小 默认')).toBe('navigation');
    expect(furnitureOf('3上一期  下一期4')).toBe('navigation');
    expect(pageDateOf(['第03版:要闻', '3上一篇  下一篇4 2031年11月26日 放大 缩小 默认', '某县新建五座乡村图书室'])).toBe('2031-11-26');
    expect(pageDateOf(['上一篇 下一篇 2031-11-26 放大 缩小', '某县新建五座乡村图书室'])).toBe('2031-11-26');
  });

  it("takes a forum post's time as the page's date", () => {
    expect(pageDateOf(["某某论坛's Archiver", '青山绿水 发表于 2031-5-9 20:15', '湘江边晨练的老人救起落水儿童'])).toBe('2031-05-09');
  });

  it('reads a data field printed on two lines, the label alone and its value under it, as article data', () => {
    const text = page(
      '株洲警方:网传消息系谣言',
      '来源:',
      '某某晚报',
      '近日网上流传一则消息,株洲市警方经走访核实,系有人拼接旧视频编造。',
      '标签:',
      '株洲|谣言',
      '责任编辑:',
      '周小川',
    );
    const [article] = articles(text);
    expect(article?.body).toEqual(['近日网上流传一则消息,株洲市警方经走访核实,系有人拼接旧视频编造。']);
    expect(
      explainPage(text)
        .lines.filter((l) => l.decision === 'furniture')
        .map((l) => l.text),
    ).toEqual(['来源:', '某某晚报', '标签:', '株洲|谣言', '责任编辑:', '周小川']);
  });

  it('takes the short comma-less sentences between the header and the dateline as captions, and still reads the dateline', () => {
    const text = page(
      '“茶香小镇”迎来采茶季',
      '作者:方晓 李青禾    来源:某某日报    发布时间:2031年04月08日',
      '茶垄间的采茶工人。',
      '合作社里分拣装箱的新茶。',
      '某某日报全媒体讯(方晓 李青禾)清明前后,岳阳县一个茶乡小镇的茶园里,采茶工人背着竹篓穿行在茶垄间。',
    );
    const [article] = articles(text);
    expect(article?.captions).toEqual(['茶垄间的采茶工人。', '合作社里分拣装箱的新茶。']);
    expect(article?.body).toEqual(['清明前后,岳阳县一个茶乡小镇的茶园里,采茶工人背着竹篓穿行在茶垄间。']);
  });

  it('takes them as captions between the author line and a text that opens with its day, and not over any other text', () => {
    const dated = page(
      '某县新建五座乡村图书室',
      '记者 唐晓峰 通讯员 罗一鸣',
      '图书室里的小读者。',
      '11月24日,武冈市一个山村的图书室里,几名小学生正趴在桌上看书,这是该市今年新建的图书室之一。',
    );
    expect(articles(dated)[0]?.captions).toEqual(['图书室里的小读者。']);
    const undated = page(
      '某县新建五座乡村图书室',
      '记者 唐晓峰 通讯员 罗一鸣',
      '天亮了。',
      '武冈市一个山村的图书室里,几名小学生正趴在桌上看书,这是该市今年新建的图书室之一。',
    );
    expect(articles(undated)[0]?.body[0]).toBe('天亮了。');
  });

  it("drops a forum's attachment label run into the first paragraph", () => {
    const [article] = articles(
      page('某县农民丰收节开幕', '查看隐藏内容(*)需先登录', '图片附件9月22日,平江县农民丰收节在三市镇开幕,近千名农民群众参加。'),
    );
    expect(article?.body[0]).toMatch(/^9月22日/);
  });

  it("reads a city daily's `全媒体讯` dateline with its reporters' bare names (the 日 of 日报 is no date)", () => {
    expect(datelineOf('某某日报全媒体讯(方晓 李青禾)清明前后,岳阳县的茶园里一片繁忙。')).toEqual({ length: 16, names: '方晓 李青禾' });
    expect(datelineOf('某某日报全媒体讯 清明前后,茶园里一片繁忙。')?.length).toBe(9);
    expect(datelineOf('某某网9月25日湘西州讯 近日,某地举行活动。')?.length).toBe(13);
  });
});
