/**
 * The alias forms of every region, as the rules of ./aliases.ts make them, kept in
 * alias-cache.json (written by `node bin/run-ts.mjs scripts/alias-cache.ts`). Making them takes
 * OpenCC's traditional converter and pinyin-pro for about 2 000 names: 1–2.7 s of CPU, which every
 * process paid on its first place lookup (a start's first query). The cache carries a hash of its
 * inputs (hunan.json and the source of the rules); when they changed since it was written, the forms
 * are made again by the rules, so a stale cache is slower, never wrong (a test keeps it current).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AliasForm, AliasKind } from './aliases.ts';

const CACHE = new URL('./alias-cache.json', import.meta.url);
/** What the forms are made from: the extract, the rules, and the gazetteer that applies them. */
const INPUTS = ['./hunan.json', './aliases.ts', './gazetteer.ts'].map((file) => new URL(file, import.meta.url));

/** The cache file: the inputs' hash and, per region code, its forms as `[text, kind]` pairs. */
export interface AliasCacheFile {
  inputs: string;
  forms: Record<string, [string, AliasKind][]>;
}

/** Hash of the files the forms are made from. */
export function aliasInputsHash(): string {
  const hash = createHash('sha256');
  for (const url of INPUTS) hash.update(readFileSync(url));
  return hash.digest('hex').slice(0, 32);
}

/** The cached forms by region code, or undefined when the cache is missing or stale. */
export function cachedAliasForms(): Map<string, AliasForm[]> | undefined {
  let file: AliasCacheFile;
  try {
    file = JSON.parse(readFileSync(CACHE, 'utf8')) as AliasCacheFile;
  } catch {
    return undefined;
  }
  if (file.inputs !== aliasInputsHash()) return undefined;
  return new Map(Object.entries(file.forms).map(([code, forms]) => [code, forms.map(([text, kind]) => ({ text, kind }))]));
}

/** The cache file's content for `forms` (by region code). */
export function aliasCacheJson(forms: ReadonlyMap<string, AliasForm[]>): string {
  const file: AliasCacheFile = {
    inputs: aliasInputsHash(),
    forms: Object.fromEntries([...forms].map(([code, list]) => [code, list.map((f): [string, AliasKind] => [f.text, f.kind])])),
  };
  return `${JSON.stringify(file)}\n`;
}

/** Where the cache lives (for the script that writes it). */
export const ALIAS_CACHE_FILE = CACHE;
