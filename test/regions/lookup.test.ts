/** Region lookup: what a reader types → the Hunan place meant, on the real gazetteer. */
import { describe, expect, it } from 'vitest';
import { regionWithDescendants, resolveRegion } from '../../src/regions/lookup.ts';

const nameOf = (query: string) => resolveRegion(query).region?.name ?? null;

describe('resolving a typed place name', () => {
  it('accepts official and short names', () => {
    expect(nameOf('桂东县')).toBe('桂东县');
    expect(nameOf('桂东')).toBe('桂东县');
    expect(nameOf('郴州')).toBe('郴州市');
    expect(nameOf('邵东')).toBe('邵东市');
    expect(nameOf('  天心区 ')).toBe('天心区');
  });

  it('accepts autonomous forms', () => {
    expect(nameOf('湘西州')).toBe('湘西土家族苗族自治州');
    expect(nameOf('湘西')).toBe('湘西土家族苗族自治州');
    expect(nameOf('江华')).toBe('江华瑶族自治县');
  });

  it('accepts traditional characters', () => {
    expect(nameOf('邵陽')).toBe('邵阳市');
    expect(nameOf('桂東縣')).toBe('桂东县');
  });

  it('accepts pinyin with or without spaces and tones', () => {
    for (const q of ['guidong', 'gui dong', 'Guìdōng', 'GUIDONG', 'guidongxian']) expect(nameOf(q)).toBe('桂东县');
    expect(nameOf('shaoyang')).toBe('邵阳市');
    expect(nameOf('hunan')).toBe('湖南省');
  });

  it('accepts a former designation and a leading province or prefecture', () => {
    expect(nameOf('邵东县')).toBe('邵东市');
    expect(nameOf('望城县')).toBe('望城区');
    expect(nameOf('岳麓区（长沙）')).toBe('岳麓区');
    expect(nameOf('湖南郴州桂东')).toBe('桂东县');
    expect(nameOf('湖南省')).toBe('湖南省');
  });

  it('resolves a town only when its name is unique', () => {
    expect(resolveRegion('资福镇').region).toMatchObject({ name: '资福镇', level: 'town', parent: '宁乡市' });
    const shared = resolveRegion('龙潭镇');
    expect(shared.region).toBeNull();
    expect(shared.reason).toBe('ambiguous');
    expect(shared.suggestions.length).toBeGreaterThan(1);
    expect(shared.suggestions.every((r) => r.name === '龙潭镇')).toBe(true);
  });

  it('does not take a different division with the same stem for the county', () => {
    expect(nameOf('洪江区')).toBe('洪江区');
    expect(nameOf('洪江')).toBe('洪江市');
    expect(nameOf('桂东镇')).toBeNull();
  });

  it('finds functional zones by their usual and their long names', () => {
    expect(resolveRegion('洪江区').region).toMatchObject({ name: '洪江区', parent: '怀化市', zone: true });
    expect(nameOf('洪江管理区')).toBe('洪江区');
    expect(nameOf('怀化市洪江管理区')).toBe('洪江区');
    expect(nameOf('湘潭高新技术产业开发区')).toBe('湘潭高新区');
    expect(nameOf('永州经济技术开发区')).toBe('永州经开区');
  });

  it('answers a zone the dataset does not list with the place it lies in', () => {
    expect(nameOf('娄底经开区')).toBe('娄底市');
    expect(nameOf('娄底经济技术开发区')).toBe('娄底市');
    expect(nameOf('长沙高新区')).toBe('长沙市');
    expect(nameOf('浏阳经开区')).toBe('浏阳市');
  });
});

describe('names it does not know', () => {
  it('says a place elsewhere in China is not in Hunan', () => {
    for (const q of ['北京', '北京市', 'beijing', '广西', '广州', '湘东区', '萍乡', '江西萍乡湘东区', '广西桂林', '福建永定区']) {
      expect(resolveRegion(q)).toEqual({ region: null, suggestions: [], reason: 'not-hunan' });
    }
  });

  it('answers an unknown name with no region and at most three suggestions', () => {
    const result = resolveRegion('xyz');
    expect(result.region).toBeNull();
    expect(result.reason).toBe('unknown');
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('suggests the closest names by characters or pinyin', () => {
    expect(resolveRegion('邵洋').suggestions[0]?.name).toBe('邵阳市');
    expect(resolveRegion('桂冬').suggestions[0]?.name).toBe('桂东县');
    expect(resolveRegion('guidon').suggestions[0]?.name).toBe('桂东县');
    expect(resolveRegion('邵洋').suggestions.length).toBeLessThanOrEqual(3);
  });
});

describe('a region with its descendants', () => {
  it('lists the prefecture first, then its counties, without towns', () => {
    const names = regionWithDescendants('郴州市');
    expect(names[0]).toBe('郴州市');
    expect(names).toEqual(expect.arrayContaining(['桂阳县', '桂东县', '永兴县', '安仁县']));
    expect(names).toHaveLength(12);
  });

  it('resolves an alias first', () => {
    expect(regionWithDescendants('湘西州')[0]).toBe('湘西土家族苗族自治州');
    expect(regionWithDescendants('桂东')).toEqual(['桂东县']);
  });

  it('gives nothing for an unknown name', () => {
    expect(regionWithDescendants('xyz')).toEqual([]);
  });
});
