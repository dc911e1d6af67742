/**
 * Round 11 (blind13): a digest's zero-padded numbered items under a gallery's numbered alt texts,
 * a forum's prompt to log in, an aggregator's location path before a copied headline, a dash
 * inside ASCII quotes, and a caption marker behind a stray quote (docs/page-layouts.md §1.4,
 * §1.11, §5, §7.2).
 */
import { describe, expect, it } from 'vitest';
import { furnitureOf } from '../../src/pages/furniture.ts';
import { splitPage } from '../../src/pages/split.ts';

const page = (...lines: string[]) => lines.join('\n\n');
const articles = (text: string) => splitPage(text).filter((a) => a.kind !== 'fragment');

describe("a digest's numbered items", () => {
  it('each 0N、 line over its text is an item, titled without its number; the numbered alt texts are furniture', () => {
    const found = articles(
      page(
        '某市三分钟新闻早知道(1)',
        '某市三分钟新闻早知道(2)',
        '01、火炬传递',
        '省运会火炬传递仪式将于7月19日在某山主峰举行。',
        '02、夏令营',
        '7月18日上午，某市大学生夏令营启动，百余名学生参加。',
        '某市三分钟新闻早知道(3)',
        '03、全民健身',
        '7月18日下午，某市科学健身示范基地揭牌。',
        '某市三分钟新闻早知道(4)',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['火炬传递', '夏令营', '全民健身']);
    expect(found[2]?.body).toEqual(['7月18日下午，某市科学健身示范基地揭牌。']);
  });

  it('a feature that opens with text of its own keeps its 01、 lines as sections', () => {
    const found = articles(
      page(
        '老街的三种手艺',
        '本报讯（记者 张小文）老街上的手艺人越来越少，留下来的三种手艺各有各的故事。',
        '01、打铁',
        '铁匠铺开了四十年，炉火一直没有熄过。',
        '02、弹棉',
        '弹棉花的老人说，这门手艺靠的是耐心。',
      ),
    );
    expect(found.map((a) => a.title)).toEqual(['老街的三种手艺']);
  });

  it('two numbered copies of one line may be a series, not a gallery', () => {
    const found = articles(
      page('乡村新图景(1)', '本报讯 某村的新路修通了，村民出行更方便。', '乡村新图景(2)', '本报讯 某村的新房建成了，村民搬进新居。'),
    );
    expect(found.map((a) => a.title)).toEqual(['乡村新图景(1)', '乡村新图景(2)']);
  });
});

describe('copies from aggregators and forums', () => {
  it("a forum's prompt to log in is furniture; a sentence about logging in is text", () => {
    expect(furnitureOf('查看隐藏内容(*)需先登录')).toBe('navigation');
    expect(furnitureOf('登录后可查看附件')).toBe('navigation');
    expect(furnitureOf('村民需先登录政务平台才能办理业务。')).toBeUndefined();
  });

  it("an aggregator's location path before the headline, and a dash inside ASCII quotes", () => {
    const [one] = articles(
      page(
        '湖南某市[某县] 某县"家门口的路——大美风光在路上"主题活动启动',
        '8月8日，由某县宣传部等单位主办的"家门口的路"主题活动在某镇启动。',
      ),
    );
    expect(one?.title).toBe('某县"家门口的路——大美风光在路上"主题活动启动');
    expect(one?.subtitle).toBe('');
  });

  it('a caption marker behind a quote mark left by the paragraph above', () => {
    const [one] = articles(
      page(
        '某村的渡船',
        '本报讯（记者 李明）进入初夏，连日阴雨，去镇上赶集的村民常常等不及渡船。',
        '”▲某报电子版某日第06版截图',
        '村民们发现，驻村干部的船划得越来越稳当。',
      ),
    );
    expect(one?.captions).toHaveLength(1);
    expect(one?.captions[0]).toContain('某报电子版某日第06版截图');
    expect(one?.body.join('')).not.toContain('截图');
  });
});
