/** Series labels with their number, pen-name bylines, numbered notices, a site's own lines (docs/page-layouts.md §1.5, §2.3, §7.2, §9). */
import { describe, expect, it } from 'vitest';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');

describe('series labels and bylines', () => {
  it('reads a piece’s own title under the same series label as a heading of the one article', () => {
    const found = articles(
      page(
        '【田间笔记】之二：一条水渠连起三个村，为何年年修年年坏？',
        '| 农事动态 |2031-05-02',
        '【田间笔记】之二：水渠的账',
        '上游的村修了闸，下游的村就缺水，这条渠的纠纷持续了好些年。',
        '去年三个村坐到一起，定下了轮流放水的规矩。',
      ),
    );
    expect(found.map((a) => [a.title, a.kicker])).toEqual([['一条水渠连起三个村，为何年年修年年坏？', '田间笔记之二']]);
    expect(found[0]?.body.join('')).toContain('轮流放水');
  });

  it('keeps the number of a series with its label, not in the headline', () => {
    const found = articles(page('【走进乡村】（三）山坳里的蜂蜜合作社', '记者 周明远', '合作社去年卖出蜂蜜两万斤，社员户均增收四千元。'));
    expect(found.map((a) => [a.title, a.kicker])).toEqual([['山坳里的蜂蜜合作社', '走进乡村（三）']]);
  });

  it('takes 文/ with a pen name under a short headline as the author line', () => {
    const found = articles(page('雨后的茶山', '文/青石听泉', '雨停了，茶山上的雾还没散，采茶人已经背着竹篓上了山。'));
    expect(found.map((a) => [a.title, a.authors])).toEqual([['雨后的茶山', ['青石听泉']]]);
  });
});

describe('notices', () => {
  it('reads a notice whose title ends with its document number, signed by two offices, as one notice', () => {
    const found = articles(
      page(
        '某市人民政府办公室关于印发《某市城区停车管理办法》的通知（某政办发〔2031〕12号）',
        '发布时间：2031-03-03 来源：某市人民政府网',
        '各区人民政府，市直各单位：',
        '《某市城区停车管理办法》已经市人民政府同意，现印发给你们，请认真执行。',
        '某市人民政府办公室',
        '某市交通运输局',
        '2031年3月2日',
        '某市城区停车管理办法',
        '第一条 为规范城区停车秩序，制定本办法。',
      ),
    );
    expect(found.map((a) => a.kind)).toEqual(['notice']);
    expect(found[0]?.body.join('')).toContain('规范城区停车秩序');
  });
});

describe("the site's own lines", () => {
  it('never takes a follow-us line or a search page’s lines for a headline', () => {
    expect(furnitureOf('关注我们，关注某县')).toBe('site promo');
    expect(furnitureOf('搜索标签某县')).toBe('site promo');
    expect(furnitureOf('已找到 12 条相关结果')).toBe('site promo');
    expect(furnitureOf('关注我们的孩子')).toBeUndefined();
    const found = articles(
      page(
        '搜索标签某县',
        '已找到 1 条相关结果',
        '某县新建五座乡村文化广场',
        '2031-06-01 10:00 来源：某县发布',
        '今年以来，某县在五个村新建文化广场。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['某县新建五座乡村文化广场']);
  });

  it('reads a blog’s category and date between bars as article data', () => {
    expect(furnitureOf('| 乡村动态 |2031-03-21')).toBe('article data');
  });
});

describe('page controls and meta lines', () => {
  it('reads a content farm’s meta line (account, 3年前, category, count) as article data, not text', () => {
    expect(furnitureOf('乡土通3年前地理常识头条512')).toBe('article data');
    expect(furnitureOf('村里10年前种下的树')).toBeUndefined();
    const found = articles(page('某镇属于哪个县，某镇在哪里', '乡土通3年前地理常识头条512', '某镇坐落在河谷里，老街沿河铺开。'));
    expect(found.map((a) => [a.title, a.body[0]])).toEqual([['某镇属于哪个县，某镇在哪里', '某镇坐落在河谷里，老街沿河铺开。']]);
  });

  it('drops a government page’s eye-care switch and an empty 浏览量', () => {
    expect(furnitureOf('视力保护色：')).toBe('navigation');
    expect(furnitureOf('浏览量：')).toBe('article data');
  });
});
