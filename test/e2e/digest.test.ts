/**
 * The daily digest end to end: the real bot (startBot, as `npm start` runs it) with the real index
 * and gazetteer, against the telegram-test-api emulator behind the fault proxy (which answers
 * getChatMember, a method the emulator lacks: one user is an administrator, another is not).
 * Subscribing in a private chat and in a forum group, the one-tap buttons, a restart, a page file
 * dropped into PAGES_DIR while the bot runs and the digest that follows (sent by
 * `xiangwen digest --now`, as a cron job would), unsubscribing, groups that become supergroups;
 * `npm start` itself is in ./npm-start.test.ts.
 *
 * The page that "arrives" is the seed page whose articles share a region with the other pages, and
 * that region is the subscription: both are taken from the articles, not written into the test.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gazetteerLookup } from '../../src/regions/region-lookup.ts';
import { startBot, type RunningBot } from '../../src/app/start.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { localDateTime } from '../../src/digest/run.ts';
import { messages } from '../../src/telegram/i18n.ts';
import { createLogger } from '../../src/log.ts';
import { collectArticles } from '../../src/search/open.ts';
import { BOT_USERNAME, startEmulator, TEST_TOKEN, waitFor, type Emulator } from '../support/emulator.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { type E2eBackend, e2eBackend } from '../support/postgres.ts';
import { buttonData, press, repliesAfter, say, sentTo, type BotMessage } from './helpers.ts';
import { allArticles, allIds, firstWith } from '../support/all-articles.ts';

import { listable, pickHeldPage, runBin, SEEDS, seedsWithout, tempFolder, TZ } from './digest-support.ts';

const DAY = 86_400_000;
const zh = messages('zh');
const logger = createLogger('silent');

const PRIVATE = 301;
const GROUP = -1005201;
const TOPIC = 77;
const ADMIN = 901;
const MEMBER = 902;

let held: string;
let region: string;
/** A keyword that finds articles (from the index). */
let keyword: string;
let emu: Emulator;
let proxy: FaultProxy;
let running: RunningBot;
let config: Config;
let pagesDir: string;
let dataDir: string;
/** SQLite, or PostgreSQL with XIANGWEN_TEST_BACKEND=postgres. */
let backend: E2eBackend;
const folders: string[] = [];

const tempDir = (name: string) => tempFolder(folders, name);

const pagesWithoutHeld = () => seedsWithout(held, tempDir('pages'));

const member = (status: string, id: number) => ({
  kind: 'answer' as const,
  result: { status, user: { id, is_bot: false, first_name: 'U' } },
});

/** The environment the bot and `xiangwen digest` share: the emulator behind the proxy, the suite's folders. */
const botEnv = () => ({
  ...backend.env,
  BOT_TOKEN: TEST_TOKEN,
  TELEGRAM_API_ROOT: proxy.url,
  PAGES_DIR: pagesDir,
  DATA_DIR: dataDir,
  DIGEST_TZ: TZ,
  LOG_LEVEL: 'silent',
});

/** `xiangwen digest --now --json [--chat ID]` against the running bot's database and the emulator. */
async function digestNow(chatId?: number): Promise<{ served: number; failed: number; skipped: number }> {
  const chat = chatId === undefined ? [] : ['--chat', String(chatId)];
  const result = await runBin('xiangwen.mjs', ['digest', '--now', '--json', ...chat], botEnv());
  if (result.code !== 0) process.stderr.write(result.stderr);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { served: number; failed: number; skipped: number };
}

/** Article ids behind the open buttons of messages. */
function openedIds(messages: BotMessage[]): string[] {
  return messages.flatMap((m) =>
    m.keyboard.flat().flatMap((b) => ('callback_data' in b && b.callback_data.startsWith('a:') ? [b.callback_data.slice(2)] : [])),
  );
}

const privateClient = () => emu.client({ userId: PRIVATE, chatId: PRIVATE, type: 'private' });
const groupClient = (userId: number) => emu.client({ userId, chatId: GROUP, type: 'supergroup', chatTitle: '论坛' });
const inTopic = { message_thread_id: TOPIC, is_topic_message: true };

beforeAll(async () => {
  ({ held, region } = pickHeldPage(collectArticles(SEEDS)));
  emu = await startEmulator();
  proxy = await startFaultProxy(emu.server.config.apiURL, [
    { method: 'getChatMember', userIds: [ADMIN], fault: member('administrator', ADMIN) },
    { method: 'getChatMember', userIds: [MEMBER], fault: member('member', MEMBER) },
  ]);
  pagesDir = pagesWithoutHeld();
  dataDir = tempDir('data');
  backend = await e2eBackend();
  config = loadConfig({
    ...botEnv(),
    PAGES_RESCAN_MINUTES: '0',
  });
  running = await startBot(config, { logger });
  const index = running.index;
  const candidates = new Set((await allArticles(index)).flatMap((article) => article.keywords));
  keyword = (await firstWith(
    [...candidates].filter((w) => /^\p{Script=Han}{2,4}$/u.test(w) && gazetteerLookup().resolve(w).region === null),
    async (w) => (await index.search(w, { limit: 1 })).total > 1,
  ))!;
  expect(keyword, 'the seeds hold a keyword with results').toBeDefined();
});

afterAll(async () => {
  await running?.stop();
  await proxy?.close();
  await emu?.stop();
  await backend?.drop();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('daily digest through the real bot', () => {
  it('subscribes in a private chat and confirms "每天 08:00 推送：…（含下辖区县）"; lists and previews', async () => {
    const client = privateClient();
    const [reply] = await say(emu, client, PRIVATE, `/subscribe ${region}`);
    expect(reply.text).toBe(`已订阅。每天 08:00 推送：${region}（含下辖区县）`);
    const [again] = await say(emu, client, PRIVATE, `/subscribe ${region} 7:30`);
    expect(again.text).toBe(`已有这个订阅，已更新为每天 07:30 推送：${region}（含下辖区县）`);
    await say(emu, client, PRIVATE, `/subscribe ${region}`);

    const [list] = await say(emu, client, PRIVATE, '/subscriptions');
    expect(list.text).toBe(`${zh.listTitle(1)}\n1. 每天 08:00：${region}（含下辖区县）`);
    const [subscription] = await running.digest.store.subscriptions(PRIVATE);
    expect(buttonData(list, zh.removeButton(1))).toBe(`u:${subscription.id}`);

    const preview = await say(emu, client, PRIVATE, '/digest');
    expect(preview[0].text).toContain(zh.previewNote);
    expect(preview[0].text).toContain(`${region}（含下辖区县）`);
    expect(openedIds(preview).length).toBeGreaterThan(0);
    expect(await running.digest.store.deliveriesOf(PRIVATE)).toEqual([]); // a preview marks nothing as sent
  });

  it('offers one-tap subscribe buttons under searches, region lists and articles, and removes with the list button', async () => {
    const client = privateClient();
    const store = running.digest.store;
    const [results] = await say(emu, client, PRIVATE, keyword);
    expect(buttonData(results, zh.subscribeKeywordButton)).toBe(`+k:${keyword}`);
    await press(client, results, `+k:${keyword}`);
    await waitFor(
      async () => ((await store.subscriptions(PRIVATE)).some((s) => s.keywords.join(' ') === keyword) ? true : undefined),
      30_000,
      'the keyword subscription',
    );

    const [regionList] = await say(emu, client, PRIVATE, `/region ${region}`);
    expect(buttonData(regionList, zh.subscribeRegionButton)).toBe(`+r:${region}`);
    const open = buttonData(regionList, /^1$/)!;
    const article = (await running.index.get(open.slice(2)))!;
    const before = sentTo(emu, PRIVATE).length;
    await press(client, regionList, open);
    const parts = await waitFor(
      () => (sentTo(emu, PRIVATE).length > before ? sentTo(emu, PRIVATE).slice(before) : undefined),
      30_000,
      'the article',
    );
    expect(parts[0].text).toContain(article.title.slice(0, 6));
    await waitFor(() => (sentTo(emu, PRIVATE).at(-1)!.keyboard.length > 0 ? true : undefined), 30_000, 'the article’s last part');
    expect(buttonData(sentTo(emu, PRIVATE).at(-1)!, zh.subscribeRegionButton)).toBe(`+r:${article.regions[0]}`);

    // The list has one remove button per entry; the keyword's takes it away again.
    const [list] = await say(emu, client, PRIVATE, '/subscriptions');
    expect(list.text).toContain(`2. 每天 08:00：${keyword}`);
    await press(client, list, buttonData(list, zh.removeButton(2))!);
    await waitFor(async () => ((await store.subscriptions(PRIVATE)).length === 1 ? true : undefined), 30_000, 'the removal');
    expect((await store.subscriptions(PRIVATE)).map((s) => s.region)).toEqual([region]);
  });

  it('subscribes a forum group from a topic as an administrator, and refuses a non-administrator politely', async () => {
    const admin = groupClient(ADMIN);
    const [ok] = await say(emu, admin, GROUP, `/subscribe@${BOT_USERNAME} ${region}`, inTopic);
    expect(ok.text).toBe(`已订阅。每天 08:00 推送：${region}（含下辖区县）`);
    expect(ok.raw.message_thread_id).toBe(TOPIC);

    const other = groupClient(MEMBER);
    const [refused] = await say(emu, other, GROUP, `/subscribe@${BOT_USERNAME} ${keyword}`);
    expect(refused.text).toBe(zh.adminsOnly);
    const [refusedToo] = await say(emu, other, GROUP, `/unsubscribe@${BOT_USERNAME} all`);
    expect(refusedToo.text).toBe(zh.adminsOnly);
    const [list] = await say(emu, other, GROUP, `/subscriptions@${BOT_USERNAME}`);
    expect(list.text).toContain(`1. 每天 08:00：${region}（含下辖区县）`);
    expect((await running.digest.store.subscriptions(GROUP)).map((s) => [s.region, s.threadId])).toEqual([[region, TOPIC]]);
    expect(proxy.calls.filter((c) => c.method === 'getChatMember').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps subscriptions across a restart, having closed the database cleanly', async () => {
    await running.stop();
    // The last connection closed: SQLite folded its write-ahead log back into the file (on
    // PostgreSQL there is no bot.db at all).
    expect(existsSync(join(dataDir, 'bot.db-wal'))).toBe(false);
    running = await startBot(config, { logger });
    const [mine] = await say(emu, privateClient(), PRIVATE, '/subscriptions');
    expect(mine.text).toBe(`${zh.listTitle(1)}\n1. 每天 08:00：${region}（含下辖区县）`);
    const [theirs] = await say(emu, groupClient(MEMBER), GROUP, `/subscriptions@${BOT_USERNAME}`);
    expect(theirs.text).toContain(`${region}（含下辖区县）`);
  });

  it('picks up a new page file while running; two digest runs at once send its articles once', async () => {
    const store = running.digest.store;
    // Yesterday's digests have gone out (as yesterday's run records them): today's reports what is new since.
    const yesterday = localDateTime(Date.now() - DAY, TZ).date;
    const cutoff = Date.now();
    for (const target of await store.targets())
      await store.startDelivery({ ...target, period: yesterday, cutoff, articleIds: [], parts: [] }, cutoff);
    const oldIds = new Set(await allIds(running.index));

    copyFileSync(join(SEEDS, held), join(pagesDir, held));
    // Replies go on while the index is rebuilt in the background.
    const [answer] = await say(emu, privateClient(), PRIVATE, `/region ${region}`);
    expect(answer.text).toContain(region);
    const fresh = await waitFor(
      async () => {
        const ids = (await allIds(running.index)).filter((id) => !oldIds.has(id));
        return ids.length > 0 ? ids : undefined;
      },
      90_000,
      'the new page to be indexed',
    );
    const freshArticles = await Promise.all(fresh.map(async (id) => (await running.index.get(id))!));
    expect(freshArticles.every((article) => article.file === held)).toBe(true);
    const names = new Set(gazetteerLookup().withDescendants(region));
    const expected = freshArticles
      .filter((article) => listable(article) && article.regions.some((r) => names.has(r)))
      .map((article) => article.id);
    expect(expected.length).toBeGreaterThan(0);

    const privateBefore = sentTo(emu, PRIVATE).length;
    const groupBefore = sentTo(emu, GROUP).length;
    // Two `xiangwen digest --now` at once (as from two instances): each digest is claimed by one of
    // them and arrives once.
    const runs = await Promise.all([digestNow(), digestNow()]);
    expect(runs.map((run) => run.served).reduce((x, y) => x + y)).toBe(2);
    expect(runs.map((run) => run.failed)).toEqual([0, 0]);
    const privateDigest = sentTo(emu, PRIVATE).slice(privateBefore);
    const groupDigest = sentTo(emu, GROUP).slice(groupBefore);
    for (const digest of [privateDigest, groupDigest]) {
      expect(digest.length).toBeGreaterThan(0);
      expect(digest[0].text).toContain(`${region}（含下辖区县）`);
      expect(digest[0].text).not.toContain(zh.firstDigestNote);
      expect(openedIds(digest).sort()).toEqual([...expected].sort());
    }
    expect(groupDigest.every((m) => m.raw.message_thread_id === TOPIC)).toBe(true);

    // Served once: a second run today finds both served already and sends nothing.
    expect(await digestNow()).toEqual({ served: 0, failed: 0, skipped: 2 });
    expect(sentTo(emu, PRIVATE).length).toBe(privateBefore + privateDigest.length);
  }, 150_000);

  it('unsubscribes, and no digest arrives afterwards', async () => {
    const reader = 302;
    const control = 303;
    const client = emu.client({ userId: reader, chatId: reader, type: 'private' });
    await say(emu, client, reader, `/subscribe ${region}`);
    await say(emu, client, reader, `/subscribe ${keyword} 18:00`);
    const [one] = await say(emu, client, reader, `/unsubscribe ${region}`);
    expect(one.text).toBe(`已取消订阅：${region}（含下辖区县）`);
    const [rest] = await say(emu, client, reader, '/unsubscribe all');
    expect(rest.text).toBe('已取消全部 1 个订阅。');
    const [none] = await say(emu, client, reader, '/subscriptions');
    expect(none.text).toBe(zh.listEmpty);
    await say(emu, emu.client({ userId: control, chatId: control, type: 'private' }), control, `/subscribe ${region}`);

    const readerBefore = sentTo(emu, reader).length;
    expect(await digestNow(reader)).toEqual({ served: 0, failed: 0, skipped: 0 });
    expect(await digestNow(control)).toEqual({ served: 1, failed: 0, skipped: 0 });
    expect(sentTo(emu, control).at(-1)!.text).toContain(zh.firstDigestNote);
    expect(sentTo(emu, reader).length).toBe(readerBefore);
  }, 90_000);

  it('moves a group’s subscriptions when it becomes a supergroup, by the service message or a refused reply', async () => {
    const store = running.digest.store;
    const basic = emu.client({ userId: ADMIN, chatId: -5301, type: 'group', chatTitle: '小组' });
    await say(emu, basic, -5301, `/subscribe@${BOT_USERNAME} ${region}`);
    await basic.sendMessage(basic.makeMessage('', { migrate_to_chat_id: -1005301 } as never));
    await waitFor(async () => ((await store.subscriptions(-1005301)).length === 1 ? true : undefined), 30_000, 'the subscriptions to move');
    expect(await store.subscriptions(-5301)).toEqual([]);

    // Telegram refuses a reply to the old id with migrate_to_chat_id: the reply follows, so do the subscriptions.
    const other = emu.client({ userId: ADMIN, chatId: -5302, type: 'group', chatTitle: '小组二' });
    await say(emu, other, -5302, `/subscribe@${BOT_USERNAME} ${keyword}`);
    proxy.rules.push({ method: 'sendMessage', chatIds: [-5302], fault: { kind: 'migrate', to: -1005302 } });
    try {
      const before = sentTo(emu, -1005302).length;
      await other.sendCommand(other.makeCommand(`/subscriptions@${BOT_USERNAME}`));
      const [list] = await repliesAfter(emu, -1005302, before);
      expect(list.text).toContain(`1. 每天 08:00：${keyword}`);
      expect(await store.subscriptions(-5302)).toEqual([]);
      expect((await store.subscriptions(-1005302)).map((s) => s.keywords.join(' '))).toEqual([keyword]);
    } finally {
      proxy.rules.pop();
    }
  });
});
