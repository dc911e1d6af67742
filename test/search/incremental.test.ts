/**
 * Incremental updates give the same index as a full build of the same pages: after each step of
 * adding, changing, touching, moving and removing page files, the incrementally updated snapshot
 * and a fresh full build answer every question identically (ids and their order, search results
 * and their order, region lists and counts, article records).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SnapshotIndex } from '../../src/search/article-index.ts';
import { indexDirOf, staleReason } from '../../src/search/open.ts';
import { FORMAT_VERSION } from '../../src/search/snapshot.ts';
import { type IndexUpdate, updateIndex } from '../../src/search/update.ts';
import { allIds } from '../support/all-articles.ts';
import { answers, page, stored } from '../support/snapshot-compare.ts';

const work = mkdtempSync(join(tmpdir(), 'xiangwen-incremental-'));
const pagesDir = join(work, 'pages');
const dataDir = join(work, 'data');
mkdirSync(pagesDir);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SEEDS = [
  '000_a0e9c727c4644766.txt',
  '001_b17ddf1131039e0b.txt',
  '002_57c19a390998e31f.txt',
  '003_dddf51ff3723c7fd.txt',
  '004_215f585422bec4e2.txt',
];
const seed = (name: string, as = name) => copyFileSync(join('seeds', name), join(pagesDir, as));

const write = (file: string, text: string) => {
  mkdirSync(join(pagesDir, file, '..'), { recursive: true });
  writeFileSync(join(pagesDir, file), text);
};

let step = 0;
let previousIds: string[] = [];
/** Updates the incremental snapshot, builds a full one beside it, and checks they agree. */
async function checkStep(): Promise<{ update: IndexUpdate; index: SnapshotIndex }> {
  const update = await updateIndex({ pagesDir, dataDir });
  const fullDir = join(work, `full-${step++}`);
  await updateIndex({ pagesDir, dataDir: fullDir, full: true });
  const incremental = SnapshotIndex.load(indexDirOf(dataDir));
  const full = SnapshotIndex.load(indexDirOf(fullDir));
  try {
    expect(await answers(incremental)).toEqual(await answers(full));
    expect(stored(dataDir)).toEqual(stored(fullDir));
    expect(incremental.info.articles).toBe(full.info.articles);
    // The update reports exactly the ids that appeared and disappeared.
    const ids = await allIds(incremental);
    expect([...update.added].sort()).toEqual(ids.filter((id) => !previousIds.includes(id)).sort());
    expect([...update.removed].sort()).toEqual(previousIds.filter((id) => !ids.includes(id)).sort());
    previousIds = ids;
    expect(staleReason({ pagesDir, dataDir })).toBeUndefined();
  } finally {
    await full.close();
  }
  return { update, index: incremental };
}

describe('incremental index updates', () => {
  it('builds the first snapshot in full', async () => {
    seed(SEEDS[0]);
    seed(SEEDS[1]);
    write(
      '2024-05-06_county.txt',
      page([
        ['浏阳市新建三所乡村学校', '浏阳市', '三所乡村学校建成投入使用，新增学位两千个。'],
        ['桂东县茶叶喜获丰收', '桂东县', '茶园面积扩大到十万亩，茶农收入明显增加。'],
      ]),
    );
    const { update, index } = await checkStep();
    await index.close();
    expect(update.mode).toBe('full');
    expect(update.added.length).toBeGreaterThan(10);
  });

  it('adds pages: a newer day, an older day, and a page sorting inside an existing day', async () => {
    write('2024-06-01_later.txt', page([['汝城县修通乡村公路', '汝城县', '一条通往深山村寨的公路全线贯通。']]));
    write('2023-01-15_earlier.txt', page([['邵东市打火机产业升级', '邵东市', '打火机企业引进自动化生产线，产品销往海外。']]));
    // Same day as the county page, and its name sorts before it: the day's articles are renumbered.
    write(
      '2024-05-06_a_first.txt',
      page([
        ['安仁县举办赶分社', '安仁县', '传统药材交易会吸引了各地客商。'],
        ['桂东县新建茶叶学校', '桂东县', '一所茶叶职业学校开始招生，开设茶叶加工专业。'],
      ]),
    );
    seed(SEEDS[2]);
    const { update, index } = await checkStep();
    try {
      expect(update.mode).toBe('incremental');
      expect(update.changedFiles.sort()).toEqual(
        ['2023-01-15_earlier.txt', '2024-05-06_a_first.txt', '2024-06-01_later.txt', SEEDS[2]].sort(),
      );
      expect((await index.search('赶分社')).hits[0]).toMatchObject({ title: '安仁县举办赶分社', date: '2024-05-06' });
      expect((await index.search('茶叶')).hits.map((h) => h.title)).toContain('桂东县新建茶叶学校');
    } finally {
      await index.close();
    }
  });

  it('changes a page: an edited article gets a new id, an untouched one keeps its id', async () => {
    const before = SnapshotIndex.load(indexDirOf(dataDir));
    const kept = (await before.search('浏阳市新建三所乡村学校')).hits[0].id;
    const edited = (await before.search('桂东县茶叶喜获丰收')).hits[0].id;
    await before.close();
    write(
      '2024-05-06_county.txt',
      page([
        ['浏阳市新建三所乡村学校', '浏阳市', '三所乡村学校建成投入使用，新增学位两千个。'],
        ['桂东县茶叶喜获丰收', '桂东县', '今年春茶产量再创新高，茶叶远销省外。'],
        ['宜章县开展禁毒宣传', '宜章县', '禁毒志愿者走进高校和社区宣传禁毒知识。'],
      ]),
    );
    const { update, index } = await checkStep();
    try {
      expect(update.changedFiles).toEqual(['2024-05-06_county.txt']);
      expect(update.removed).toEqual([edited]);
      expect(update.added).toHaveLength(2);
      expect((await index.get(kept))?.title).toBe('浏阳市新建三所乡村学校');
      expect(await index.get(edited)).toBeUndefined();
    } finally {
      await index.close();
    }
  });

  it('skips a touched file whose content is unchanged, without re-reading its articles', async () => {
    const path = join(pagesDir, '2024-06-01_later.txt');
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    expect(staleReason({ pagesDir, dataDir })).toMatch(/page files changed/);
    const { update, index } = await checkStep();
    await index.close();
    expect(update).toMatchObject({ mode: 'unchanged', added: [], removed: [], changedFiles: [] });
  });

  it('moves the articles of a page dated by its file time when only that time changes', async () => {
    // The seed pages print no date: their date is the file's time, so a touch can move them.
    const path = join(pagesDir, SEEDS[1]);
    const old = new Date(Date.UTC(2022, 2, 4, 4));
    utimesSync(path, old, old);
    const { update, index } = await checkStep();
    try {
      expect(update.changedFiles).toEqual([SEEDS[1]]);
      expect(update.added).toEqual([]); // same ids, another day
      expect((await index.get(previousIds[0]))?.date).toBe('2022-03-04');
    } finally {
      await index.close();
    }
  });

  it('removes a page: its articles leave search and region results', async () => {
    const before = SnapshotIndex.load(indexDirOf(dataDir));
    const gone = (await before.search('汝城县修通乡村公路')).hits[0];
    await before.close();
    expect(gone.title).toBe('汝城县修通乡村公路');
    unlinkSync(join(pagesDir, '2024-06-01_later.txt'));
    unlinkSync(join(pagesDir, SEEDS[0]));
    const { update, index } = await checkStep();
    try {
      expect(update.removed).toContain(gone.id);
      expect((await index.search('汝城')).hits.map((h) => h.id)).not.toContain(gone.id);
      expect((await index.byRegions(['汝城县'])).total).toBe(0);
      expect((await index.regionCounts()).has('汝城县')).toBe(false);
    } finally {
      await index.close();
    }
  });

  it('handles a page moved into a sub-folder, a renamed seed, an unreadable file and a new seed together', async () => {
    mkdirSync(join(pagesDir, 'archive'));
    renameSync(join(pagesDir, '2023-01-15_earlier.txt'), join(pagesDir, 'archive', '2023-01-15_earlier.txt'));
    seed(SEEDS[3], 'zz_copy.txt');
    seed(SEEDS[4]);
    writeFileSync(join(pagesDir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const { update, index } = await checkStep();
    try {
      expect(update.mode).toBe('incremental');
      // The moved page's ids stay (they hash the file name, not its folder).
      const moved = await Promise.all(update.added.map((id) => index.get(id)));
      expect(moved.some((article) => article?.file === 'archive/2023-01-15_earlier.txt')).toBe(false);
      expect((await index.search('打火机')).hits[0].file).toBe('archive/2023-01-15_earlier.txt');
    } finally {
      await index.close();
    }
    // Nothing changed since: the next update reads nothing.
    const again = await updateIndex({ pagesDir, dataDir });
    expect(again).toMatchObject({ mode: 'unchanged', added: [], removed: [] });
  });

  it('rebuilds in full when the compact postings are damaged', async () => {
    const damaged = new Database(join(indexDirOf(dataDir), 'articles.db'));
    damaged.exec('DROP TABLE compact_postings');
    damaged.close();
    write('2024-07-02_delta.txt', page([['临武县举办香芋节', '临武县', '香芋节吸引游客品尝特色美食。']]));
    const { update, index } = await checkStep();
    await index.close();
    expect(update.mode).toBe('full');
    expect(update.reason).toMatch(/compact_postings/);
  });

  /**
   * Turns the snapshot back into one of `formatVersion`: format 5 held the compact index in
   * compact.json, not in articles.db; format 4 had no partial index of fragments either.
   */
  const asFormat = (formatVersion: number) => {
    const indexDir = indexDirOf(dataDir);
    const db = new Database(join(indexDir, 'articles.db'));
    db.exec("DROP TABLE compact_postings; DELETE FROM state WHERE key = 'compact_totals'");
    if (formatVersion < 5) db.exec('DROP INDEX articles_fragments');
    db.close();
    const metaFile = join(indexDir, 'meta.json');
    writeFileSync(metaFile, JSON.stringify({ ...JSON.parse(readFileSync(metaFile, 'utf8')), formatVersion }));
    expect(() => SnapshotIndex.load(indexDir)).toThrow(/has format/);
  };
  const hasFragmentsIndex = () => {
    const db = new Database(join(indexDirOf(dataDir), 'articles.db'), { readonly: true });
    const found = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'articles_fragments'").get();
    db.close();
    return found !== undefined;
  };

  for (const [formatVersion, day] of [
    [FORMAT_VERSION - 1, '03'],
    [FORMAT_VERSION - 2, '05'],
  ] as const) {
    it(`upgrades a snapshot of format ${formatVersion} in place (derives the compact postings from the records), then updates it incrementally`, async () => {
      asFormat(formatVersion);
      write(`2024-07-${day}_format.txt`, page([[`桂东县茶园迎来采摘季${day}`, '桂东县', '茶农忙着采摘新茶。']]));
      const { update, index } = await checkStep();
      await index.close();
      expect(update.mode).toBe('incremental');
      expect(hasFragmentsIndex()).toBe(true);
    });
  }

  it('rebuilds in full a snapshot of an older format', async () => {
    asFormat(FORMAT_VERSION - 3);
    write('2024-07-04_format.txt', page([['汝城县温泉小镇迎客', '汝城县', '温泉小镇周末游客增多。']]));
    const { update, index } = await checkStep();
    await index.close();
    expect(update.mode).toBe('full');
    expect(update.reason).toMatch(/has format/);
    expect(hasFragmentsIndex()).toBe(true);
  });

  it('rebuilds in full when the snapshot parts disagree, and refuses to empty the index', async () => {
    const db = new Database(join(indexDirOf(dataDir), 'articles.db'));
    db.exec("UPDATE state SET value = CAST(value - 1 AS TEXT) WHERE key = 'generation'");
    db.close();
    write('2024-07-01_more.txt', page([['嘉禾县铸造产业园开园', '嘉禾县', '铸造产业园首批企业入驻投产。']]));
    const { update, index } = await checkStep();
    await index.close();
    expect(update.mode).toBe('full');
    expect(update.reason).toMatch(/disagree/);
    expect(update.added).toHaveLength(1);

    for (const file of [
      ...SEEDS.slice(1),
      'zz_copy.txt',
      '2024-05-06_county.txt',
      '2024-05-06_a_first.txt',
      '2024-07-01_more.txt',
      '2024-07-02_delta.txt',
      '2024-07-03_format.txt',
      '2024-07-04_format.txt',
      '2024-07-05_format.txt',
      'archive/2023-01-15_earlier.txt',
      'broken.txt',
    ]) {
      rmSync(join(pagesDir, file), { force: true });
    }
    await expect(updateIndex({ pagesDir, dataDir })).rejects.toThrow(/no articles/);
    // The failed update left the snapshot as it was.
    const kept = SnapshotIndex.load(indexDirOf(dataDir));
    expect(kept.info.articles).toBe(previousIds.length);
    await kept.close();
  });
});
