/**
 * The text behind `xiangwen region [--json] NAME` and `xiangwen regions [--json]`: a place lookup
 * with the articles about it, and the tree of regions that have articles. Both return the text to
 * print; src/cli.ts does the printing.
 */
import type { ArticleIndex, SearchHit } from '../search/engine.ts';
import type { Region, RegionLevel } from '../regions/gazetteer.ts';
import { regionWithDescendants, resolveRegion } from '../regions/lookup.ts';
import { type RegionCountNode, regionTree } from '../regions/tree.ts';
import { formatHit } from './text.ts';

/** Results shown for a region query. */
const REGION_RESULTS = 20;

const LEVEL_LABEL: Record<RegionLevel, string> = { province: '省', prefecture: '地级', county: '县级', town: '乡镇' };

const ref = (r: Region) => ({ name: r.name, level: r.level, parent: r.parent });

/** `名称（县级，郴州市）` */
const describe = (r: Region) => `${r.name}（${LEVEL_LABEL[r.level]}${r.parent ? `，${r.parent}` : ''}）`;

/**
 * `xiangwen region NAME`: the place meant and the articles about it and its sub-regions (most
 * specific matches for the asked region first). A town has no tagged articles of its own, so its
 * name is searched as a keyword. Unknown names answer with suggestions; places outside Hunan and
 * ambiguous names say so.
 */
export async function regionCommand(index: ArticleIndex, query: string, json: boolean): Promise<string> {
  const { region, suggestions, reason } = resolveRegion(query);
  let hits: SearchHit[] = [];
  let total = 0;
  let covered: string[] = [];
  if (region && region.level === 'town') {
    const result = await index.search(region.name, { limit: REGION_RESULTS });
    hits = result.hits;
    total = result.total;
    covered = [region.name];
  } else if (region) {
    covered = regionWithDescendants(region.name);
    const result = await index.byRegions(covered, { limit: REGION_RESULTS });
    hits = result.hits;
    total = result.total;
  }
  if (json) {
    return JSON.stringify(
      {
        query,
        region: region ? ref(region) : null,
        reason,
        suggestions: suggestions.map(ref),
        total,
        results: hits.map(({ id, title, regions, summary }) => ({ id, title, regions, summary })),
      },
      null,
      2,
    );
  }
  if (!query.trim()) return '用法：xiangwen region [--json] 地名（例如：郴州、桂东县、guidong、湘西州）';
  if (!region) {
    if (reason === 'not-hunan') return `“${query}”不在湖南省。湘闻只收录湖南各地的新闻。`;
    const list = suggestions.map(describe).join('、');
    if (reason === 'ambiguous') return `“${query}”有多处同名地方：${list}。请写得更具体一些，例如加上所属的县市区。`;
    return `没有找到地名“${query}”。${list ? `您是不是要找：${list}？` : '请检查写法，或换个名称试试。'}`;
  }
  const scope = covered.length > 1 ? `及其下辖 ${covered.length - 1} 个地区` : '';
  const head = `${describe(region)}${scope}：共 ${total} 篇`;
  return [head, hits.length ? hits.map(formatHit).join('\n') : '暂时没有相关文章。'].join('\n');
}

/** `xiangwen regions`: the tree of regions with article counts (an article counts under each of its regions). */
export async function regionsCommand(index: ArticleIndex, json: boolean): Promise<string> {
  const tree = regionTree(await index.regionCounts());
  if (json) return JSON.stringify({ regions: tree }, null, 2);
  if (tree.length === 0) return '索引里还没有标注了地区的文章。';
  const lines: string[] = [];
  const walk = (node: RegionCountNode, depth: number) => {
    lines.push(`${'  '.repeat(depth)}${node.name}  ${node.count} 篇`);
    for (const child of node.children) walk(child, depth + 1);
  };
  for (const node of tree) walk(node, 0);
  return lines.join('\n');
}
