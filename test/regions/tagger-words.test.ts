/**
 * Round 9's evidence from the words around a name (README "Tagging articles"): villages that name
 * their county, a river or mountain named after a place, a county's stem before a suffix that
 * opens the next word, a name run into dictionary words, a city as a ranking's scope. The villages
 * are real names from the extract (facts); every sentence is invented.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { villageName } from '../../scripts/village-names.ts';
import { placeWordsForJieba } from '../../src/regions/dictionary.ts';
import { gazetteer } from '../../src/regions/gazetteer.ts';
import { tagRegions, type TaggableArticle } from '../../src/regions/tagger.ts';

function article(title: string, body: string[], more: Partial<TaggableArticle> = {}): TaggableArticle {
  return { title, body, kicker: '', subtitle: '', captions: [], authors: [], ...more };
}

describe('a village named without its county', () => {
  it('is its county’s when the name is unique and distinctive in Hunan', () => {
    const harvest = article('仙溪冲村的油茶丰收了', ['霜降前后，仙溪冲村的油茶林里满是摘果的村民。', '仙溪冲村今年新建了一座榨油坊。']);
    expect(tagRegions(harvest)).toEqual(['苏仙区', '郴州市']);
  });

  it('weighs less than a county’s own name', () => {
    // The village in the headline (½ of 4) against a neighbour county named in the opening and again.
    const season = article('洲下桥村的黄花菜', ['新邵县的黄花菜基地也迎来了采摘季。', '新邵县的合作社收购了两百吨。']);
    expect(tagRegions(season)[0]).toBe('新邵县');
  });

  it('says nothing when the name is shared or runs on from a word before it', () => {
    expect(tagRegions(article('红星村的稻子熟了', ['红星村的稻田一片金黄。']))).toEqual([]);
    // 岭茶村 is a village; in 云岭茶村 its first character closes the word 云岭.
    expect(tagRegions(article('走进云岭茶村', ['云岭茶村的茶园在山腰上。']))).toEqual([]);
  });

  it('stays out of jieba’s dictionary (search cuts text as before)', () => {
    const words = new Set(placeWordsForJieba());
    expect(words.has('仙溪冲村')).toBe(false);
    expect(words.has('邵东市')).toBe(true);
  });
});

describe('a river or mountain named after a place', () => {
  it('is the feature, not the county or district', () => {
    expect(tagRegions(article('武陵山区的秋天', ['深秋的武陵山区层林尽染，花垣县的山寨里飘着腊肉香。']))).toEqual([
      '花垣县',
      '湘西土家族苗族自治州',
    ]);
    expect(tagRegions(article('走读浏阳河', ['浏阳河九曲十八弯，两岸是菜地和苗木。']))).toEqual([]);
  });

  it('leaves the county its own mentions', () => {
    const essay = article('浏阳河边的烟花厂', ['浏阳河从城边流过。', '在浏阳，烟花厂的工人正忙着赶订单。']);
    expect(tagRegions(essay)).toEqual(['浏阳市', '长沙市']);
  });
});

describe('a county’s short name before a suffix that opens the next word', () => {
  it('counts when the article names the county in full (新化|村村通, 宁乡|镇村)', () => {
    const buses = article('新化村村通客车全覆盖', ['新化县最后一批偏远村通上了客车。']);
    expect(tagRegions(buses)).toEqual(['新化县', '娄底市']);
    const cadres = article('宁乡镇村干部走访农户', ['宁乡市组织镇村两级干部走访种粮大户。']);
    expect(tagRegions(cadres)).toEqual(['宁乡市', '长沙市']);
  });

  it('says nothing alone (湘阴村 is also a village of 永兴县)', () => {
    expect(tagRegions(article('湘阴村的故事', ['村口的老樟树下，老人们聊着往事。']))).toEqual([]);
  });
});

describe('a name run into dictionary words', () => {
  it('is no mention across a nickname and the word after it (雁城步行街, 莲城步行街)', () => {
    const night = article('雁城步行街夜市开张', ['衡阳市雁峰区的步行街夜市每晚开到十一点。']);
    expect(tagRegions(night)).toEqual(['雁峰区', '衡阳市']);
    expect(tagRegions(article('莲城步行街上新了', ['湘潭市雨湖区的步行街添了二十个摊位。']))).toEqual(['雨湖区', '湘潭市']);
  });

  it('still finds the county written plainly', () => {
    expect(tagRegions(article('城步的春天', ['城步苗族自治县的山里开满了杜鹃花。']))).toEqual(['城步苗族自治县', '邵阳市']);
  });
});

describe('a city as the scope of a ranking', () => {
  it('yields to the district where the story is (长沙首家…, 全市率先…)', () => {
    const study = article('长沙首家夜间社区书房开门', [
      '全市首家夜间开放的社区书房在芙蓉区定王台街道开门迎客。',
      '这是长沙率先实现刷脸借书的社区书房。',
    ]);
    expect(tagRegions(study)).toEqual(['芙蓉区', '长沙市']);
  });

  it('still places an article that names nothing finer', () => {
    expect(tagRegions(article('长沙首条无人驾驶公交线开通', ['线路全长十二公里。']))).toEqual(['长沙市']);
  });
});

describe('the village extract (src/regions/hunan-villages.json)', () => {
  const extract = JSON.parse(readFileSync('src/regions/hunan-villages.json', 'utf8')) as { villages: Record<string, string[]> };
  const g = gazetteer();

  it('holds unique village and community names under Hunan counties, none a division’s name or short name', () => {
    const names = Object.values(extract.villages).flat();
    expect(names.length).toBeGreaterThan(10000);
    expect(new Set(names).size).toBe(names.length);
    const counties = new Set(g.ofLevel('county').map((c) => c.code));
    for (const code of Object.keys(extract.villages)) expect(counties.has(code)).toBe(true);
    const taken = new Set(g.all().flatMap((r) => [r.name, ...r.aliases]));
    for (const name of names) {
      expect(name).toMatch(/(?:村|社区)$/);
      expect(taken.has(name)).toBe(false);
      expect(taken.has(name.replace(/(?:村|社区)$/, ''))).toBe(false);
    }
  });

  it('names a committee by its place (村委会 → 村, 居委会 → 社区)', () => {
    expect(villageName('十八洞村委会')).toBe('十八洞村');
    expect(villageName('李家村村委会')).toBe('李家村');
    expect(villageName('西园社区居委会')).toBe('西园社区');
    expect(villageName('城东居委会')).toBe('城东社区');
    expect(villageName('某某农场虚拟生活区')).toBeNull();
  });
});
