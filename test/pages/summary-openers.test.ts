/**
 * Summaries never open with a dateline, a byline or furniture (issue #9): what real pages leave in
 * an article's body, passed over by the summary while the body keeps it. Invented text only.
 */
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/pages/summary.ts';

const TEXT = '9月27日，某县一个山村的稻田里举办了第三届“开镰节”，村民们用镰刀割下今年的第一把稻穗。';
const MORE = '活动当天还评选出了十户“种粮能手”，每户获得一台小型脱粒机，村民们都很高兴。';

describe('what a summary passes over', () => {
  it('passes over an image tag and the captions beside it, or in an article with photos', () => {
    expect(summarise({ body: ['[attach]3301[/attach]', '开镰仪式现场。', '村民在田间收割稻谷。', TEXT, MORE] })).toMatch(/^9月27日/);
    expect(summarise({ body: ['开镰仪式现场。', TEXT, MORE], captions: ['稻田航拍。'] })).toMatch(/^9月27日/);
  });

  it('keeps a short lede that stands alone', () => {
    expect(summarise({ body: ['提起笔来有点沉重。', TEXT, MORE] })).toMatch(/^提起笔来有点沉重。/);
  });

  it('passes over article data, credits, a series announcement and an editor’s note run into its label', () => {
    const data = '作者：某某频道  发布时间：2032-09-27 15:40  浏览次数：210  字号：大 中 小 打印本页 关闭窗口';
    expect(summarise({ body: [data, TEXT, MORE] })).toMatch(/^9月27日/);
    // …and the text that line runs into, past its page controls.
    expect(summarise({ body: [`作者：某某  发布时间：2032-09-27  查看次数：  放大 缩小 默认${TEXT}`, MORE] })).toMatch(/^9月27日/);
    expect(summarise({ body: ['演唱：某某乐队 作词：某某 作曲：某某 编曲：某某 监制：某某 出品：某某频道', TEXT] })).toMatch(/^9月27日/);
    expect(summarise({ body: ['即日起，本频道推出“乡音”系列报道，记录乡村里的老手艺、老腔调，敬请关注。', TEXT] })).toMatch(/^9月27日/);
    expect(summarise({ body: ['编者按：丰收时节，本报记者走进田间地头，记录乡村里的新变化和新故事。', TEXT] })).toMatch(/^9月27日/);
  });

  it('takes off labels, attributions and outlet names glued before the first sentence', () => {
    expect(summarise({ body: [`摘要：${TEXT}`, MORE] })).toMatch(/^9月27日/);
    expect(summarise({ body: [`据某某晨报9月28日报道 ${TEXT}`, MORE] })).toMatch(/^9月27日/);
    expect(summarise({ body: [`某某邮报某地报道（记者 某某某）${TEXT}`, MORE] })).toMatch(/^9月27日/);
    expect(summarise({ body: [`| 某某县融媒体中心${TEXT}`, MORE] })).toMatch(/^9月27日/);
    expect(summarise({ body: [`本报综合 ${TEXT}`, MORE] })).toMatch(/^9月27日/);
    expect(summarise({ body: [`新某某9月28日訊 ${TEXT}`, MORE] })).toMatch(/^9月27日/);
    expect(summarise({ body: [`某某日報9月28日訊（記者 某某）${TEXT}`, MORE] })).toMatch(/^9月27日/);
    // …and a caption run into the first paragraph before its dateline.
    expect(summarise({ body: [`活动现场。某某网某县站9月27日讯（记者 某某）${TEXT.slice(6)}`, MORE] })).toMatch(/^某县一个山村/);
  });

  it('keeps an attribution woven into the sentence, and loses nothing when only clutter is there', () => {
    expect(summarise({ body: ['据某某发布报道、9月27日，某县举办了第三届“开镰节”，村民们割下了今年的第一把稻穗。'] })).toMatch(
      /^据某某发布报道/,
    );
    expect(summarise({ body: ['开镰仪式现场。'] })).toBe('开镰仪式现场。');
  });
});
