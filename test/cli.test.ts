/**
 * The `xiangwen` command as a user runs it (a child process through bin/xiangwen.mjs). With
 * XIANGWEN_TEST_BACKEND=postgres every command runs with DATABASE_URL (a fresh database), as the
 * e2e suites do; the two tests about the snapshot's files run on SQLite only.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbkBytes } from './support/gbk.ts';
import { type E2eBackend, e2eBackend } from './support/postgres.ts';

const work = mkdtempSync(join(tmpdir(), 'xiangwen-cli-'));
const dataDir = join(work, 'data');
const onPostgres = process.env.XIANGWEN_TEST_BACKEND === 'postgres';
let backend: E2eBackend | undefined;
beforeAll(async () => {
  backend = await e2eBackend();
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await backend?.drop();
});

function xiangwen(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/xiangwen.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, PAGES_DIR: 'seeds', LOG_LEVEL: 'warn', ...backend?.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('xiangwen CLI', () => {
  it('explains every line of a page: furniture, headline and the evidence for it', () => {
    const page = join(work, 'web-page.txt');
    writeFileSync(
      page,
      [
        '首页 > 新闻 > 县域',
        '某镇新修三座便民桥',
        '来源：某县融媒体中心 发布时间：2024-03-27 10:02',
        '阅读：57',
        '近日，某镇三座便民桥建成通车，沿线群众出行更方便。',
        '责任编辑：贺丽',
      ].join('\n'),
    );
    const { code, stdout } = xiangwen(['articles', '--explain', page]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1\s+版面杂项 furniture\s+首页 > 新闻 > 县域\s+← navigation/);
    expect(stdout).toMatch(/2\s+标题 headline\s+某镇新修三座便民桥\s+← article data \(source, time\) below it/);
    expect(stdout).toMatch(/5\s+正文 body/);
    expect(stdout).toContain('1 篇 articles');
    const json = JSON.parse(xiangwen(['articles', '--explain', '--json', page]).stdout);
    expect(json[0].lines.map((l: { decision: string }) => l.decision)).toEqual([
      'furniture',
      'headline',
      'furniture',
      'furniture',
      'body',
      'furniture',
    ]);
    expect(json[0].articles[0].title).toBe('某镇新修三座便民桥');
  });

  it('builds the index and searches it, as JSON', () => {
    expect(xiangwen(['build-index']).code).toBe(0);
    const { code, stdout } = xiangwen(['search', '--json', '--limit', '3', '跨境电商']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ query: '跨境电商', terms: ['跨境', '电商'] });
    expect(result.total).toBeGreaterThan(0);
    expect(result.results[0]).toMatchObject({ title: '破局提质谋发展 商务赋能启新程' });
    expect(Object.keys(result.results[0])).toEqual(expect.arrayContaining(['id', 'title', 'regions', 'summary', 'score']));
  });

  it('shows one article in full, and says so clearly when the id is unknown', () => {
    const found = JSON.parse(xiangwen(['search', '--json', '禁毒']).stdout).results[0];
    const shown = xiangwen(['show', found.id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(found.title);
    const missing = xiangwen(['show', 'no-such-id']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no article with id no-such-id/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers a query of stop words with a clear "no keywords" line', () => {
    const { code, stdout } = xiangwen(['search', '的', '了']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/没有可搜索的关键词/);
  });

  it('lists the articles of any folder of pages, GB18030, BOM and CRLF included, and skips broken files', () => {
    const pages = join(work, 'other-pages');
    mkdirSync(pages);
    const brief =
      '某县：新建文化广场投入使用\r\n\r\n近日，某县城东文化广场建成开放，广场面积两万平方米，配有健身器材和儿童游乐设施。\r\n\r\n（张三）\r\n';
    writeFileSync(join(pages, '2023-01-02_gbk.txt'), gbkBytes(brief));
    writeFileSync(
      join(pages, '2023-01-03_bom.txt'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(brief.replace('文化广场', '体育公园'))]),
    );
    writeFileSync(join(pages, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe]));
    const { code, stdout, stderr } = xiangwen(['articles', '--json'], { PAGES_DIR: pages });
    expect(code).toBe(0);
    const articles = JSON.parse(stdout);
    expect(articles.map((a: { title: string }) => a.title)).toEqual(['某县：新建文化广场投入使用', '某县：新建体育公园投入使用']);
    expect(articles[0]).toMatchObject({ authors: ['张三'], kind: 'brief', file: '2023-01-02_gbk.txt' });
    for (const key of ['id', 'title', 'kicker', 'subtitle', 'authors', 'kind', 'regions', 'summary', 'keywords', 'body', 'file']) {
      expect(articles[0]).toHaveProperty(key);
    }
    expect(stderr).toMatch(/broken\.txt/);
  });

  it('looks up a prefecture with its counties, by short name, pinyin and traditional characters', () => {
    const chenzhou = JSON.parse(xiangwen(['region', '--json', '郴州']).stdout);
    expect(chenzhou.region).toEqual({ name: '郴州市', level: 'prefecture', parent: '湖南省' });
    const regions = chenzhou.results.flatMap((r: { regions: string[] }) => r.regions);
    for (const county of ['桂阳县', '桂东县', '永兴县', '安仁县']) expect(regions).toContain(county);
    for (const name of ['桂东', '桂东县', 'guidong', 'gui dong']) {
      const result = JSON.parse(xiangwen(['region', '--json', name]).stdout);
      expect(result.region?.name, name).toBe('桂东县');
      expect(result.results[0].title).toBe('平安底色提升幸福成色');
    }
    expect(JSON.parse(xiangwen(['region', '--json', '邵陽']).stdout).region.name).toBe('邵阳市');
    expect(JSON.parse(xiangwen(['region', '--json', '湘西州']).stdout).results[0].title).toBe('湘西州开展“禁毒知识进高校”活动');
  });

  it('answers clearly for a place outside Hunan and for an unknown name', () => {
    expect(xiangwen(['region', '北京']).stdout).toMatch(/不在湖南省/);
    const unknown = JSON.parse(xiangwen(['region', '--json', '邵杨']).stdout);
    expect(unknown).toMatchObject({ region: null, reason: 'unknown' });
    expect(unknown.suggestions.map((s: { name: string }) => s.name)).toContain('邵阳市');
    expect(xiangwen(['region', 'xyz']).stdout).toMatch(/没有找到地名/);
  });

  it('prints the regions that have articles as a tree with counts', () => {
    const { regions } = JSON.parse(xiangwen(['regions', '--json']).stdout);
    expect(regions[0].name).toBe('湖南省');
    const chenzhou = regions[0].children.find((n: { name: string }) => n.name === '郴州市');
    expect(chenzhou.count).toBeGreaterThanOrEqual(6);
    expect(chenzhou.children.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(['桂阳县', '桂东县']));
  });

  it.skipIf(onPostgres)('exits non-zero with a clear message when the pages hold no article', () => {
    const empty = join(work, 'empty-pages');
    mkdirSync(empty);
    writeFileSync(join(empty, 'blank.txt'), '\n\n');
    const { code, stderr } = xiangwen(['build-index'], { PAGES_DIR: empty, DATA_DIR: join(work, 'empty-data') });
    expect(code).toBe(1);
    expect(stderr).toMatch(/no articles found/);
  });

  it.skipIf(onPostgres)('rebuilds a corrupt index with one clear line, without a stack trace', () => {
    writeFileSync(join(dataDir, 'index', 'meta.json'), 'garbage');
    const { code, stderr } = xiangwen(['search', '禁毒']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/corrupt/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
