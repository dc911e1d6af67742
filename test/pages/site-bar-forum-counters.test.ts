/**
 * Round 11 (blind12): a site's top bar of names and buttons, a breadcrumb after the site's own
 * label, a search box's label, a forum thread's board label, its counters and a template's code
 * token, a web article's section heading after one paragraph, and bracketed photo captions
 * between a headline and its author line (docs/page-layouts.md §7.1, §7.2, §1.9, §5).
 */
import { describe, expect, it } from 'vitest';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');

describe("a site's own furniture in new forms", () => {
  it("a top bar of the site's names between two or more buttons is navigation", () => {
    expect(furnitureOf('某某新闻网首页 设为首页  某某新闻网 收藏本站 在线投稿  投稿邮箱')).toBe('navigation');
    // …but a line with the article's time is its data line, buttons and all.
    expect(furnitureOf('某某网 2031-05-06 10:20:11 张三 李四 放大 缩小')).not.toBe('navigation');
    // …and a sentence naming the buttons is text.
    expect(furnitureOf('点击设为首页，再收藏本站，就能随时看到本地新闻。')).toBeUndefined();
  });

  it("a breadcrumb after the site's own label, and a search box's label", () => {
    expect(furnitureOf('某某新闻网站内位置 您当前所在的位置:某某分站 > 人文地理 > 内容阅读')).toBe('navigation');
    expect(furnitureOf('站内查找')).toBe('navigation');
    expect(furnitureOf('站内搜索')).toBe('navigation');
  });

  it("a forum's counters, its copy-link button and a template's code token", () => {
    expect(furnitureOf('查看: 449|回复: 0')).toBe('thread header');
    expect(furnitureOf('阅读 1203 回复 12')).toBe('thread header');
    expect(furnitureOf('[复制链接]')).toBe('navigation');
    expect(furnitureOf('plugin_sign:class_11')).toBe('media');
    // A headline with a model number is no code token.
    expect(furnitureOf('C919')).toBeUndefined();
  });
});

describe('headlines in new forms', () => {
  it("a forum thread: the board's label in ASCII brackets is the kicker, the counters are furniture", () => {
    const [thread, ...rest] = articles(
      page(
        '[本地资讯] 某县代表团来某市考察乡村建设',
        '[复制链接]',
        '查看: 120|回复: 3',
        'plugin_sign:class_11',
        '发表于 2031-5-17 14:47:30 | 显示全部楼层 |阅读模式',
        '5月15日，某县代表团一行来某市考察乡村建设，先后走访了三个村的集中建房点。',
        '考察中，代表团表示，将把好经验带回去，推动两地交流合作。',
      ),
    );
    expect(rest).toEqual([]);
    expect(thread?.title).toBe('某县代表团来某市考察乡村建设');
    expect(thread?.kicker).toBe('本地资讯');
  });

  it("a web article's short line after its one opening paragraph is a section heading, not a teaser list", () => {
    const found = articles(
      page(
        '立即下载',
        '某县培育特色产业 小果子做成大产业',
        '2031-01-16 11:51:39 字号:',
        '某县培育特色产业 小果子做成大产业',
        '某县是个农业县，近年来，全县立足资源优势，培育特色产业，带动群众增收。',
        '小果子飘香',
        '眼下，某乡的柑橘基地迎来了一年中最热闹的时刻，果农们忙着采摘、装箱。',
        '某村柑橘基地丰收',
        '乡党委书记告诉记者，今年基地预计产果三百吨。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['某县培育特色产业 小果子做成大产业']);
    expect(found[0]?.body).toContain('小果子飘香');
  });

  it('bracketed photo captions between a headline and its author line stay in the article', () => {
    const found = articles(
      page(
        '某区：潮头再立 城势而上',
        '——看某区如何建设区域中心城市',
        '【城区航拍图】',
        '【交通网络。】',
        '【市民公园。本版图片均由某区融媒体中心提供】',
        '文/张小文 李 明',
        '冬日的暖阳洒在江心洲上，登上观景楼，满城流光与一湾碧水交相辉映。',
        '五年来，某区交出了一份高质量发展的成绩单。',
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.title).toBe('某区：潮头再立 城势而上');
    expect(found[0]?.authors).toEqual(['张小文', '李明']);
  });

  it('a copy that glues the headline once more to the first paragraph: the text starts after it', () => {
    const [one] = articles(
      page(
        '某县绘就乡村共富新图景',
        '某县绘就乡村共富新图景',
        '某县绘就乡村共富新图景五月的某县某镇，青山叠翠，游客络绎不绝。',
        '镇里的露营基地成了新的打卡地。',
      ),
    );
    expect(one?.title).toBe('某县绘就乡村共富新图景');
    expect(one?.body[0]).toBe('五月的某县某镇，青山叠翠，游客络绎不绝。');
  });

  it('a bar that only looks like the column bar (∣) parts a series from its headline', () => {
    const [one] = articles(page('某某答卷⑭∣某区：潮头再立 城势而上', '本报讯 某区日前召开会议，部署明年重点工作。'));
    expect(one?.kicker).toBe('某某答卷⑭');
    expect(one?.title).toBe('某区：潮头再立 城势而上');
  });
});
