/**
 * Villages named with a county's stem and a landform (`桂东坪村`, `宁乡冲村`: 湾, 冲, 坪 … are the
 * names of Hunan hamlets). Where the article writes the village as such once (`走进桂东坪村委`),
 * every `桂东坪` in it is that village, also in a subtitle that drops the 村 (`专家走进桂东坪`):
 * no mention of the county (桂东县 is in 郴州; such a hamlet may lie in any prefecture).
 */
import type { FoundMention } from './credit.ts';

/** Landforms and settlements that end a hamlet's name before 村. */
const LANDFORM = '湾冲坪垸塘坡岗岭坳洲桥港溪田庄铺寨峪坑堡垅垄园源';
/** What names the hamlet as a village (or its community, its committee, its group of households). */
const AS_VILLAGE = ['村', '社区', '居委会', '组'];

/** Drops the points of short names that open a village's name the article writes as such. */
export function dropVillageStems(found: FoundMention[], whole: string): void {
  for (const f of found) {
    const { term, start, end } = f.mention;
    const landform = whole[f.order + (end - start)] ?? '';
    if (!term.short || landform === '' || !LANDFORM.includes(landform)) continue;
    if (AS_VILLAGE.some((suffix) => whole.includes(term.text + landform + suffix))) f.points = 0;
  }
}
