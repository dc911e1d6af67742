/**
 * The bot e2e suites' rig: the emulator and the real bot (startBot, as `npm start` runs it) over
 * the seeds plus one long page, and the queries taken from the loaded index. ES module bindings
 * are live, so the suites read `emu`, `keyword` … after `startBotRig` has set them.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { gazetteerLookup } from '../../src/regions/region-lookup.ts';
import { messages } from '../../src/telegram/i18n.ts';
import { startBot, type RunningBot } from '../../src/app/start.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { ArticleIndex } from '../../src/search/engine.ts';
import { collectArticles } from '../../src/search/open.ts';
import { startEmulator, TEST_TOKEN, type Emulator } from '../support/emulator.ts';
import { type E2eBackend, e2eBackend } from '../support/postgres.ts';
import { allArticles, firstWith } from '../support/all-articles.ts';

export const SEEDS = join(import.meta.dirname, '../../seeds');
export const zh = messages('zh');
export const RATE = 12;
/** The newsroom's chat: its documents are page files. */
export const EDITOR = 7770;

export let emu: Emulator;
export let running: RunningBot;
export let dataDir: string;
export let pagesDir: string;
export let index: ArticleIndex;
/** SQLite, or PostgreSQL with XIANGWEN_TEST_BACKEND=postgres. */
export let backend: E2eBackend;
/** A keyword with more than one page of results, and one region with articles. */
export let keyword: string;
export let region: string;
let nextUser = 100;
export const migrations: [number, number][] = [];
/** A fresh private chat (user id = chat id) so the per-user rate limit never mixes tests. */
export function privateChat() {
  const id = nextUser++;
  return { id, client: emu.client({ userId: id, chatId: id, type: 'private' }) };
}

/** Starts the emulator and the real bot over the seeds plus one long page; sets the bindings above. */
export async function startBotRig(): Promise<void> {
  emu = await startEmulator({ record: true });
  dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-e2e-'));
  // The seeds, plus one page holding a single long report made of the seeds' own paragraphs: no
  // seed article is longer than one message, and splitting must be seen end to end.
  pagesDir = mkdtempSync(join(tmpdir(), 'xiangwen-e2e-pages-'));
  cpSync(SEEDS, pagesDir, { recursive: true });
  const paragraphs = collectArticles(SEEDS)
    .filter((a) => a.kind === 'feature')
    .flatMap((a) => a.body.filter((p) => p.length > 80))
    .slice(0, 60);
  writeFileSync(
    join(pagesDir, '999_long_report.txt'),
    ['长篇通讯：测试用的长文章', '', '记者 王小明', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'),
  );
  backend = await e2eBackend();
  const config = loadConfig({
    ...backend.env,
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    DATA_DIR: dataDir,
    PAGES_DIR: pagesDir,
    LOG_LEVEL: 'silent',
    USER_QUERIES_PER_MINUTE: String(RATE),
    ADMIN_CHAT_IDS: String(EDITOR),
  });
  running = await startBot(config, { logger: createLogger('silent'), onChatMigrated: (from, to) => migrations.push([from, to]) });
  index = running.index;
  // The suites test the bot as it runs once warm; a start's first answers (before compact.json and
  // jieba are loaded) are tested in test/search/background-load.test.ts.
  await index.warm?.();
  // On PostgreSQL nothing of the bot's state or articles is kept under DATA_DIR.
  if (backend.name === 'postgres') expect(existsSync(join(dataDir, 'bot.db'))).toBe(false);
  keyword = (await pagedKeyword(index))!;
  region = [...(await index.regionCounts()).entries()].sort((a, b) => b[1] - a[1])[0][0];
  expect(keyword, 'the seeds hold a keyword with two pages of results').toBeDefined();
}

/** A short keyword (not a place name) with more than one page of results in `index`. */
export async function pagedKeyword(index: ArticleIndex): Promise<string | undefined> {
  const candidates = new Set((await allArticles(index)).flatMap((article) => article.keywords));
  return firstWith(
    [...candidates].filter((w) => /^\p{Script=Han}{2,4}$/u.test(w) && gazetteerLookup().resolve(w).region === null),
    async (w) => (await index.search(w, { limit: 1 })).total > 5,
  );
}

export async function stopBotRig(): Promise<void> {
  await running?.stop();
  await emu?.stop();
  await backend?.drop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(pagesDir, { recursive: true, force: true });
}
