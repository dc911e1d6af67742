/**
 * Round 8b: conventions we claimed, widened to their other forms (docs/page-layouts.md §1.9d, §2.2,
 * §7.2, §9): labels glued before a headline, other roles and credits, other site banners and notice data.
 */
import { describe, expect, it } from 'vitest';
import { explainPage } from '../../src/pages/explain.ts';
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
