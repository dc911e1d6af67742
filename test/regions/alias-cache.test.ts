/**
 * The alias cache (src/regions/alias-cache.json) holds what the rules make, so a gazetteer built
 * from it is the gazetteer the rules give.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aliasInputsHash, cachedAliasForms } from '../../src/regions/alias-cache.ts';
import { Gazetteer, type GazetteerExtract, namedRegions } from '../../src/regions/gazetteer.ts';

const extract = JSON.parse(readFileSync('src/regions/hunan.json', 'utf8')) as GazetteerExtract;

describe('alias cache', () => {
  it('is current: written from the present extract and rules (else run scripts/alias-cache.ts)', () => {
    const file = JSON.parse(readFileSync('src/regions/alias-cache.json', 'utf8')) as { inputs: string };
    expect(file.inputs).toBe(aliasInputsHash());
    const cached = cachedAliasForms();
    expect(cached).toBeDefined();
    for (const region of namedRegions(extract)) expect(cached?.get(region.code), region.name).toEqual(region.forms);
  });

  it('gives the same regions and aliases as the rules themselves', () => {
    const fromRules = new Gazetteer(extract);
    const fromCache = new Gazetteer(extract, cachedAliasForms());
    expect(fromCache.all()).toEqual(fromRules.all());
    for (const { forms } of namedRegions(extract))
      for (const { text } of forms) expect(fromCache.claimantsOfSharedAlias(text), text).toEqual(fromRules.claimantsOfSharedAlias(text));
  });
});
