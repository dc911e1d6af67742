/**
 * Writes src/regions/alias-cache.json: every region's alias forms as the rules make them (see
 * src/regions/alias-cache.ts). Run it after changing hunan.json, aliases.ts or gazetteer.ts; a test
 * fails until it is run.
 *
 * Usage: node bin/run-ts.mjs scripts/alias-cache.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ALIAS_CACHE_FILE, aliasCacheJson } from '../src/regions/alias-cache.ts';
import { type GazetteerExtract, namedRegions } from '../src/regions/gazetteer.ts';

const extract = JSON.parse(readFileSync(new URL('../src/regions/hunan.json', import.meta.url), 'utf8')) as GazetteerExtract;
const forms = new Map(namedRegions(extract).map((region) => [region.code, region.forms]));
writeFileSync(ALIAS_CACHE_FILE, aliasCacheJson(forms));
console.log(`${forms.size} regions → src/regions/alias-cache.json`);
