/**
 * Round-11 splitter conventions from blind11 (docs/page-layouts.md §1.13, §3, §5, §6, §7.2): a site's slogans over the
 * headline, a reading-settings bar, a slogan subtitle over a dateline, a web article's picture line
 * between its paragraphs, a dated lead under a picture, a closing byline on the page's last lines.
 * Invented text.
 */
import { describe, expect, it } from 'vitest';
import { explainPage } from '../../src/pages/explain.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');
const lineOf = (text: string, line: string) => explainPage(text).lines.find((l) => l.text.startsWith(line));

describe("a site's slogans over the headline", () => {
  const footer = '本站内容来自网络,不代表青苔网立场';
  it('drops the line naming the site its footer names, and the slogans above it', () => {
    const text = page(
      '读懂山乡变化 记下邻里温情',
      '青苔网和您一道讲述身边事',
      '某县石门镇开通乡村夜班公交',
      '青苔网讯(通讯员 何雨)本月起,某县石门镇开通两条夜班公交线路,末班车延至晚上十点。',
      footer,
    );
    expect(articles(text).map((a) => a.title)).toEqual(['某县石门镇开通乡村夜班公交']);
    expect(lineOf(text, '青苔网和您')?.reason).toMatch(/site's slogan/);
    expect(lineOf(text, '读懂山乡')?.decision).toBe('furniture');
  });

  it('keeps the last short line over the text as the headline, even when it names the site', () => {
    const text = page('青苔网举办首届乡村摄影展', '青苔网讯 本周末,青苔网在县文化馆举办首届乡村摄影展,展出作品两百余幅。', footer);
    expect(articles(text).map((a) => a.title)).toEqual(['青苔网举办首届乡村摄影展']);
  });
});

describe('a reading-settings bar', () => {
  it('reads colour swatches and 阅读内容 as navigation, and finds the headline under them', () => {
    const text = page(
      '背景:#FFFFFF #EFEFEF #E3F1E0 默认',
      '阅读内容',
      '某县新建五个口袋公园',
      '本报讯(记者 黎青)今年以来,某县利用边角地新建五个口袋公园,市民出门五分钟就能见到绿。',
    );
    expect(lineOf(text, '背景:')?.decision).toBe('furniture');
    expect(lineOf(text, '阅读内容')?.decision).toBe('furniture');
    expect(articles(text).map((a) => a.title)).toEqual(['某县新建五个口袋公园']);
  });

  it('keeps a sentence that cites one colour code as text', () => {
    const text = page('某县统一店招颜色', '本报讯 某县老街店招统一采用#8B4513的深棕色,与青砖灰瓦相协调。');
    expect(articles(text)[0]?.body.join('')).toContain('#8B4513');
  });
});

describe('two short lines over a dateline', () => {
  it('takes a slogan the opening does not repeat for the subtitle', () => {
    const text = page(
      '某县举办首届龙舟邀请赛',
      '桨声激荡好时光',
      '本报讯(记者 田雨)6月2日,某县首届龙舟邀请赛在城区河段开赛,十六支队伍参赛。',
    );
    const [found] = articles(text);
    expect(found?.title).toBe('某县举办首届龙舟邀请赛');
    expect(found?.subtitle).toBe('桨声激荡好时光');
  });

  it('keeps kicker and headline when the opening retells the second line', () => {
    const text = page('端午时节', '某县首届龙舟邀请赛开赛', '本报讯(记者 田雨)6月2日,某县首届龙舟邀请赛在城区河段开赛,十六支队伍参赛。');
    const [found] = articles(text);
    expect(found?.title).toBe('某县首届龙舟邀请赛开赛');
    expect(found?.kicker).toBe('端午时节');
  });
});

describe("a web article's short line between its paragraphs", () => {
  const lede = '6月5日凌晨,某镇干部分组巡查河堤,发现两处管涌险情后立即组织抢护,天亮前险情得到控制。';
  const after = '“再晚半小时就危险了。”带队的镇干部说。目前,全镇巡堤人员已增至两百余人。';
  it('stays inside the article under its source and editor data', () => {
    const text = page(
      '某镇连夜排除两处管涌险情',
      '2031-06-05 10:02:11 来源:某县人民政府 作者:某镇党政办 责任编辑:程文',
      lede,
      '干部连夜巡堤查险',
      after,
    );
    expect(articles(text).map((a) => a.title)).toEqual(['某镇连夜排除两处管涌险情']);
  });

  it('still reads a list of teasers without such data as headlines over one paragraph each', () => {
    const text = page(
      '某镇连夜排除两处管涌险情',
      lede,
      '某村新修机耕道三公里',
      '今年春耕前,某村新修机耕道三公里,农机可以直接开到田边。',
      '某县开展防溺水宣传',
    );
    expect(articles(text).map((a) => a.title)).toContain('某村新修机耕道三公里');
  });
});

describe('a picture under the headline, then a dated sentence', () => {
  it('reads the dated sentence as the lead', () => {
    const text = page(
      '某镇举办稻田音乐节',
      'DSC_0412.jpg',
      '9月20日,某镇首届稻田音乐节在万亩稻田旁开幕,三千多名游客前来观看。',
      '音乐节持续两天,设有农产品市集。',
    );
    expect(articles(text)[0]?.body[0]).toMatch(/^9月20日,某镇首届稻田音乐节/);
  });

  it('keeps it a caption when the text after it opens with a date too', () => {
    const text = page(
      '某镇举办稻田音乐节',
      'DSC_0412.jpg',
      '9月20日,游客在稻田旁观看演出。',
      '9月20日,某镇首届稻田音乐节在万亩稻田旁开幕,三千多名游客前来观看。',
    );
    expect(lineOf(text, '9月20日,游客')?.decision).toBe('caption');
  });
});

describe('a closing byline on the page’s last lines', () => {
  it('gives the article its writers, not an article of their own', () => {
    const text = page(
      '某县新增两座污水处理站',
      '2031-05-10 09:30:00 [来源:某某在线]',
      '某某在线5月9日讯 今天,某县两座乡镇污水处理站投入运行,日处理能力共三千吨。',
      '两座站点服务周边六个村,污水经处理后达标排放。',
      '■某某晚报·某某在线记者 龙小溪 通讯员 吴桐',
      '今日热点',
      '焦点图',
    );
    const found = splitPage(text);
    expect(found.map((a) => a.title)).toEqual(['某县新增两座污水处理站']);
    expect(found[0]?.authors).toEqual(['龙小溪', '吴桐']);
  });

  it('reads a dateline naming a brand and a site joined by a dash', () => {
    const text = page('某县表彰十佳志愿者', '某某在线—某某新闻网3月5日讯(记者 欧阳晴 通讯员 柏林)今天,某县表彰了十名优秀志愿者。');
    const [found] = articles(text);
    expect(found?.authors).toEqual(['欧阳晴', '柏林']);
    expect(found?.body[0]).toMatch(/^今天,某县表彰/);
  });
});

describe('a footer that disclaims for 本网', () => {
  it('names no site: a kicker with 本网 in it stays', () => {
    const text = page(
      '本网特稿',
      '某县山歌传人带出三十个徒弟',
      '本网讯 某县山歌传人杨老汉今年七十岁,二十年来带出徒弟三十多人。',
      '本文仅代表作者观点,不代表本网立场',
    );
    const [found] = articles(text);
    expect(found?.title).toBe('某县山歌传人带出三十个徒弟');
    expect(found?.kicker).toBe('本网特稿');
  });
});
