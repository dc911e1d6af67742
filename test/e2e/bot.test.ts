/**
 * The real bot (startBot, as `npm start` runs it) against the telegram-test-api emulator, talked to
 * as a user: private search, paging, articles, regions, groups, bad inputs, forged buttons, the
 * rate limit. Queries are taken from the loaded index, not written into the test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatArticle } from '../../src/bot/format.ts';
import { gazetteerLookup } from '../../src/regions/region-lookup.ts';
import { pngSize } from '../../src/trend/trend.ts';
import { messages } from '../../src/telegram/i18n.ts';
import { decodeDeepLink, encodeDeepLink } from '../../src/bot/deep-link.ts';
import { startBot, type RunningBot } from '../../src/app/start.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { ArticleIndex } from '../../src/search/engine.ts';
import { collectArticles } from '../../src/search/open.ts';
import { BOT_USERNAME, startEmulator, TEST_TOKEN, waitFor, type Emulator } from '../support/emulator.ts';
import { gbkBytes } from '../support/gbk.ts';
import { buttonData, lastUserMessageId, plain, press, repliesAfter, say, sentTo } from './helpers.ts';
import { allArticles, allIds, firstWith } from '../support/all-articles.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const zh = messages('zh');
const RATE = 12;
/** The newsroom's chat: its documents are page files. */
const EDITOR = 7770;

let emu: Emulator;
let running: RunningBot;
let dataDir: string;
let pagesDir: string;
let index: ArticleIndex;
/** A keyword with more than one page of results, and one region with articles. */
let keyword: string;
let region: string;
let nextUser = 100;
const migrations: [number, number][] = [];
/** A fresh private chat (user id = chat id) so the per-user rate limit never mixes tests. */
function privateChat() {
  const id = nextUser++;
  return { id, client: emu.client({ userId: id, chatId: id, type: 'private' }) };
}

beforeAll(async () => {
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
  const config = loadConfig({
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
  const candidates = new Set((await allArticles(index)).flatMap((article) => article.keywords));
  keyword = (await firstWith(
    [...candidates].filter((w) => /^\p{Script=Han}{2,4}$/u.test(w) && gazetteerLookup().resolve(w).region === null),
    async (w) => (await index.search(w, { limit: 1 })).total > 5,
  ))!;
  region = [...(await index.regionCounts()).entries()].sort((a, b) => b[1] - a[1])[0][0];
  expect(keyword, 'the seeds hold a keyword with two pages of results').toBeDefined();
});

afterAll(async () => {
  await running?.stop();
  await emu?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(pagesDir, { recursive: true, force: true });
});

describe('private chat', () => {
  it('answers plain text with a result page: understanding line, bold headlines, open and paging buttons', async () => {
    const { id, client } = privateChat();
    const [reply] = await say(emu, client, id, keyword);
    expect(reply.raw.parse_mode).toBe('HTML');
    expect(reply.text.split('\n')[0]).toContain(zh.understood([keyword]));
    expect(reply.text).toMatch(/<b>[^<]+<\/b>/);
    expect(reply.text).toContain(`<b>${keyword}</b>`); // highlighted in a summary
    expect(reply.keyboard[0].map((b) => b.text)).toEqual(['1', '2', '3', '4', '5']);
    expect(buttonData(reply, zh.next)).toBeDefined();
    expect(reply.keyboard.at(-1)!.some((b) => /^1\/\d+$/.test(b.text))).toBe(true);
  });

  it('pages by editing the list when 下一页 is pressed', async () => {
    const { id, client } = privateChat();
    const [list] = await say(emu, client, id, `/search ${keyword}`);
    const first = list.text;
    const before = emu.calls.length;
    await press(client, list, buttonData(list, zh.next)!);
    const edited = await waitFor(() => {
      const now = sentTo(emu, id).find((m) => m.messageId === list.messageId)!;
      return now.text !== first ? now : undefined;
    });
    expect(sentTo(emu, id).length).toBe(1); // edited, not sent anew
    expect(edited.text).toMatch(/· 2\/\d+/);
    expect(edited.keyboard[0][0].text).toBe('6');
    expect(buttonData(edited, zh.prev)).toBeDefined();
    // The proxy records a call once the emulator has answered it: wait for the record too.
    const methods = await waitFor(() => {
      const seen = emu.calls.slice(before).map((c) => c.method);
      return seen.includes('editMessageText') ? seen : undefined;
    });
    expect(methods).toEqual(expect.arrayContaining(['answerCallbackQuery', 'editMessageText']));
    expect(methods).not.toContain('sendMessage');
  });

  it('opens the longest article from its button, split under 4096 characters', async () => {
    const { id, client } = privateChat();
    const longest = (await allArticles(index)).sort((a, b) => b.body.join('').length - a.body.join('').length)[0];
    const expected = formatArticle(longest, zh);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const all = await say(emu, client, id, `/article ${longest.id}`);
    expect(all.map((m) => m.text)).toEqual(expected);
    for (const m of all) expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(plain(all.map((m) => m.text).join(''))).toContain(longest.body.at(-1)!.slice(-20));

    // The same article through an open button under a result list.
    const chat2 = privateChat();
    const [results] = await say(emu, chat2.client, chat2.id, keyword);
    const open = results.keyboard[0][0];
    const before = sentTo(emu, chat2.id).length;
    await press(chat2.client, results, 'callback_data' in open ? open.callback_data : '');
    const article = await repliesAfter(emu, chat2.id, before);
    expect(article[0].text).toMatch(/^(<i>.*<\/i>\n)?<b>/);
  });

  it('lists a region with its sub-regions, and suggests for an unknown place', async () => {
    const { id, client } = privateChat();
    const [reply] = await say(emu, client, id, `/region ${region}`);
    expect(reply.text.split('\n')[0]).toContain(zh.understood([region]));
    expect(reply.keyboard[0].length).toBeGreaterThan(0);
    const [unknown] = await say(emu, client, id, '/region 不存在的地方');
    expect(unknown.text).toContain(zh.regionUnknown('不存在的地方'));
  });

  it('shows the region tree with counts as buttons', async () => {
    const { id, client } = privateChat();
    const [tree] = await say(emu, client, id, '/regions');
    expect(tree.text).toContain(zh.regionsTitle);
    expect(tree.keyboard.flat().length).toBeGreaterThan(0);
    expect(tree.keyboard.flat()[0].text).toMatch(/（\d+）$/);
  });

  it('explains itself on /start and /help with examples that find articles', async () => {
    const { id, client } = privateChat();
    const [help] = await say(emu, client, id, '/start');
    expect(help.text).toContain('/search');
    const example = /\/search (\S+)/.exec(plain(help.text))![1];
    expect((await index.search(example, { limit: 1 })).total).toBeGreaterThan(0);
  });

  it('answers in English when the user speaks en', async () => {
    const { id, client } = privateChat();
    const en = messages('en');
    const [help] = await say(emu, client, id, '/help', { from: { language_code: 'en' } });
    expect(help.text).toContain('Xiangwen');
    const [results] = await say(emu, client, id, keyword, { from: { language_code: 'en' } });
    expect(results.text).toContain(en.understood([keyword]));
  });

  it('opens a search and an article from deep links', async () => {
    const { id, client } = privateChat();
    const [search] = await say(emu, client, id, `/start ${encodeDeepLink({ kind: 'search', query: keyword })}`);
    expect(search.text).toContain(zh.understood([keyword]));
    const articleId = (await allIds(index))[0];
    const [article] = await say(emu, client, id, `/start a_${articleId}`);
    expect(article.text).toContain(`<b>`);
    expect(decodeDeepLink(`a_${articleId}`)).toEqual({ kind: 'article', id: articleId });
  });
});

describe('bad inputs', () => {
  it('answers empty, huge, emoji-only and markup-laden queries helpfully', async () => {
    const { id, client } = privateChat();
    const [empty] = await say(emu, client, id, '/search');
    expect(plain(empty.text)).toContain('/search');
    const [huge] = await say(emu, client, id, '湖南'.repeat(160));
    expect(huge.text).toContain(zh.tooLong(100));
    const [emoji] = await say(emu, client, id, '😀🎉👍');
    expect(plain(emoji.text)).toContain(plain(zh.noKeywords('')).slice(0, 10));
    const [markup] = await say(emu, client, id, `<b>&${keyword}`);
    expect(markup.text).not.toContain('<b>&');
    expect(markup.text.split('\n')[0]).toMatch(/^按：/);
  });

  it('answers a forged or unknown button with "expired" and changes nothing', async () => {
    const { id, client } = privateChat();
    const [list] = await say(emu, client, id, keyword);
    for (const data of ['s9999:x', 'a:no-such-article', 'S0:zzzzzz', '💥', 's0:']) {
      const before = emu.calls.length;
      await press(client, list, data);
      const answer = await waitFor(() => emu.calls.slice(before).find((c) => c.method === 'answerCallbackQuery'));
      expect(answer.payload.text, data).toBe(zh.expired);
    }
    expect(sentTo(emu, id).map((m) => m.text)).toEqual([list.text]);
  });

  it('limits queries per user per minute with one polite message', async () => {
    const { id, client } = privateChat();
    for (let i = 0; i < RATE; i++) await say(emu, client, id, keyword);
    const [refused] = await say(emu, client, id, keyword);
    expect(refused.text).toBe(zh.rateLimited(RATE));
    const other = privateChat();
    const [served] = await say(emu, other.client, other.id, keyword);
    expect(served.text).toContain(zh.understood([keyword]));
  });
});

describe('time and people', () => {
  /** Dates of the listed articles, in the order shown (`· 2024-01-05` after the regions). */
  const datesIn = (html: string) => [...plain(html).matchAll(/(\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]);

  it('lists the newest articles, newest first, and pages them', async () => {
    const { id, client } = privateChat();
    const [reply] = await say(emu, client, id, '/latest');
    const total = (await index.latest({ limit: 1 })).total;
    expect(reply.text.split('\n')[0]).toContain(`${zh.latestUnderstood()} · ${zh.resultsCount(total, false)}`);
    const dates = datesIn(reply.text);
    expect(dates.length).toBeGreaterThan(0);
    expect([...dates].sort().reverse()).toEqual(dates);
    const first = reply.text;
    await press(client, reply, buttonData(reply, zh.next)!);
    const edited = await waitFor(() => {
      const now = sentTo(emu, id).find((m) => m.messageId === reply.messageId)!;
      return now.text !== first ? now : undefined;
    });
    expect(edited.text).toMatch(/· 2\/\d+/);
  });

  it('lists the newest articles of a place and offers its subscription', async () => {
    const { id, client } = privateChat();
    const [reply] = await say(emu, client, id, `/latest ${region}`);
    expect(reply.text.split('\n')[0]).toContain(zh.latestUnderstood(region));
    const [unknown] = await say(emu, client, id, '/latest 不存在的地方');
    expect(unknown.text).toContain(zh.regionUnknown('不存在的地方'));
  });

  it("lists a reporter's articles, and says so when nobody of that name signed one", async () => {
    const articles = await allArticles(index);
    const counts = new Map<string, number>();
    for (const a of articles) for (const name of a.authors) counts.set(name, (counts.get(name) ?? 0) + 1);
    const [author, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const { id, client } = privateChat();
    const [reply] = await say(emu, client, id, `/author ${author}`);
    expect(reply.text.split('\n')[0]).toContain(`${zh.authorUnderstood(author)} · ${zh.resultsCount(count, false)}`);
    const signed = new Set(articles.filter((a) => a.authors.includes(author)).map((a) => a.title));
    const shown = [...reply.text.matchAll(/<b>([^<]+)<\/b>/g)].map((m) => m[1]).filter((t) => t !== author);
    expect(shown.length).toBeGreaterThan(0);
    for (const title of shown) expect(signed.has(plain(title))).toBe(true);

    const [nobody] = await say(emu, client, id, '/author 欧阳不存在');
    expect(nobody.text).toContain(zh.authorEmpty('欧阳不存在'));
    expect(buttonData(nobody, zh.searchWord('欧阳不存在'))).toBeDefined();
    const [usage] = await say(emu, client, id, '/author');
    expect(usage.text).toContain('/author');
  });

  it('reads a time range, confirms it, and offers the whole archive when it is empty', async () => {
    const { id, client } = privateChat();
    const [month] = await say(emu, client, id, `${keyword} 本月`);
    expect(month.text.split('\n')[0]).toContain(zh.understood([keyword, '本月']));
    const [empty] = await say(emu, client, id, `${keyword} 2019年11月`);
    expect(empty.text.split('\n')[0]).toContain(zh.understood([keyword, '2019年11月']));
    const wider = buttonData(empty, zh.allTime);
    expect(wider).toBeDefined();
    await press(client, empty, wider!);
    const edited = await waitFor(() => {
      const now = sentTo(emu, id).find((m) => m.messageId === empty.messageId)!;
      return now.text !== empty.text ? now : undefined;
    });
    expect(edited.text.split('\n')[0]).toContain(zh.understood([keyword]));
  });

  it('re-sorts a result list by time in place, and back', async () => {
    const { id, client } = privateChat();
    const [list] = await say(emu, client, id, keyword);
    await press(client, list, buttonData(list, zh.byDate)!);
    const byDate = await waitFor(() => {
      const now = sentTo(emu, id).find((m) => m.messageId === list.messageId)!;
      return buttonData(now, zh.byRelevance) ? now : undefined;
    });
    expect(sentTo(emu, id).length).toBe(1);
    expect(buttonData(byDate, zh.next)).toMatch(/^o1:/);
  });

  it('reads quoted phrases and exclusions, and answers an exclusion alone', async () => {
    const { id, client } = privateChat();
    const [phrase] = await say(emu, client, id, `"${keyword}" -不存在的词`);
    expect(phrase.text.split('\n')[0]).toContain(zh.understood([`“${keyword}”`, zh.excluding('不存在的词')]));
    const [bad] = await say(emu, client, id, `${keyword} 2022年13月`);
    expect(bad.text).toContain(zh.badRange('2022年13月'));
    const [alone] = await say(emu, client, id, '-疫情');
    expect(alone.text).toContain(zh.exclusionOnly('疫情', keyword).slice(0, 8));
  });

  it('offers related articles under an opened article, never the article itself', async () => {
    const articles = (await allArticles(index)).filter((a) => a.kind !== 'fragment' && a.regions.length > 0);
    const { id, client } = privateChat();
    let found: { article: (typeof articles)[number]; buttons: string[] } | undefined;
    for (const article of articles.slice(0, 8)) {
      const parts = await say(emu, client, id, `/article ${article.id}`);
      const buttons = parts
        .at(-1)!
        .keyboard.flat()
        .filter((b) => b.text.startsWith(zh.related))
        .map((b) => ('callback_data' in b ? b.callback_data : ''));
      if (buttons.length > 0) {
        found = { article, buttons };
        break;
      }
    }
    expect(found, 'some seed article has related articles').toBeDefined();
    expect(found!.buttons.length).toBeLessThanOrEqual(5);
    expect(found!.buttons).not.toContain(`a:${found!.article.id}`);
    for (const data of found!.buttons) expect(await index.get(data.slice(2))).toBeDefined();
  });

  it('sends a trend chart as a PNG with a one-line caption, and says why when there is none', async () => {
    const { id, client } = privateChat();
    const photos = () => emu.calls.filter((c) => c.method === 'sendPhoto' && c.payload.chat_id === id);
    await client.sendCommand(client.makeCommand(`/trend ${keyword}`));
    const [photo] = await waitFor(() => (photos().length > 0 ? photos() : undefined));
    expect(String(photo.payload.caption)).toMatch(new RegExp(`^「${keyword}」.+共 \\d+\\+? 篇`));
    expect(pngSize(photo.file!)).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    const [nothing] = await say(emu, client, id, `/trend ${keyword} 2019年`);
    expect(nothing.text).toContain(zh.trendNothing(keyword, '2019年'));
    const [usage] = await say(emu, client, id, '/trend');
    expect(usage.text).toContain('/trend');
  });

  it('answers /latest@TestNameBot and /author@TestNameBot in a group', async () => {
    const group = emu.client({ userId: 950, chatId: -5950, type: 'group', chatTitle: '时间群' });
    const [latest] = await say(emu, group, -5950, `/latest@${BOT_USERNAME} ${region}`);
    expect(latest.text).toContain(zh.latestUnderstood(region));
    expect(latest.raw.reply_parameters).toMatchObject({ message_id: lastUserMessageId(emu, -5950) });
    await group.sendCommand(group.makeCommand(`/trend@${BOT_USERNAME} ${keyword}`));
    const photo = await waitFor(() => emu.calls.find((c) => c.method === 'sendPhoto' && c.payload.chat_id === -5950));
    expect(photo.payload.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
    const [author] = await say(emu, group, -5950, `/author@${BOT_USERNAME} 欧阳不存在`);
    expect(author.text).toContain(zh.authorEmpty('欧阳不存在'));
    // A file shared in a group is none of the bot's business: no refusal, no answer.
    const before = sentTo(emu, -5950).length;
    const shared = group.makeMessage('', {
      document: { file_id: 'g1', file_unique_id: 'g1', file_name: 'notes.txt', file_size: 10 },
    }) as Record<string, unknown>;
    delete shared.text;
    await group.sendMessage(shared as never);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo(emu, -5950).length).toBe(before);
  });
});

describe('editors adding pages from the chat', () => {
  let nextFile = 1;
  /** Sends `bytes` as a document from `chatId` and returns the bot's answer. */
  async function upload(chatId: number, name: string, bytes: Buffer, size = bytes.length) {
    const client = emu.client({ userId: chatId, chatId, type: 'private' });
    const fileId = `f${nextFile++}`;
    emu.files.set(fileId, bytes);
    const message = client.makeMessage('', {
      document: { file_id: fileId, file_unique_id: fileId, file_name: name, file_size: size },
    }) as Record<string, unknown>;
    delete message.text;
    const before = sentTo(emu, chatId).length;
    await client.sendMessage(message as never);
    return (await repliesAfter(emu, chatId, before, 20_000))[0];
  }
  // An invented page in a county paper's layout, as a newsroom would export it (GB18030).
  const PAGE = [
    '某县新建三座乡村图书室',
    '本报记者 周晓岚',
    '近日，隆回县在三个行政村建成乡村图书室，每间藏书三千余册，村民可免费借阅。',
    '图书室由村部闲置房屋改建而成。',
    '',
    '某镇开展春季植树活动',
    '本报讯（通讯员 贺明远）3月12日，隆回县桃洪镇组织干部群众在荒山上栽下樟树苗五千余株。',
  ].join('\n');

  it("stores an editor's page under a dated name, says what it found, and makes it searchable", async () => {
    const answer = await upload(EDITOR, '县报第二版.txt', Buffer.from(gbkBytes(PAGE)));
    expect(answer.text).toMatch(/已保存为 \d{4}-\d{2}-\d{2}_县报第二版\.txt（gb18030），识别出 2 篇文章/);
    expect(answer.text).toContain('1. 某县新建三座乡村图书室（隆回县、邵阳市）');
    const file = /已保存为 (\S+\.txt)/.exec(plain(answer.text))![1];
    expect(readFileSync(join(pagesDir, file), 'utf8').length).toBeGreaterThan(0);
    // The running bot picks the page up without a restart.
    await waitFor(
      async () =>
        (await running.index.search('乡村图书室', { limit: 5 })).hits.some((h) => h.title === '某县新建三座乡村图书室') ? true : undefined,
      60_000,
      'the uploaded page in the index',
    );
  });

  it('refuses a copy of a page it has, a binary file, another kind of file and a file too large, saying why', async () => {
    expect((await upload(EDITOR, '再发一次.txt', Buffer.from(gbkBytes(PAGE)))).text).toContain('这个页面已经有了');
    expect((await upload(EDITOR, 'photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]))).text).toContain(
      '无法读取这个文件',
    );
    expect(await upload(EDITOR, '版面.pdf', Buffer.from('%PDF-1.4'))).toMatchObject({
      text: expect.stringContaining('不是 .txt 页面文件'),
    });
    expect((await upload(EDITOR, '大文件.txt', Buffer.from('某'), 50_000_000)).text).toContain('文件太大了');
  });

  it('refuses a document from anyone else politely', async () => {
    expect((await upload(8881, 'page.txt', Buffer.from(PAGE))).text).toContain('只有编辑部指定的聊天可以上传');
  });
});

describe('group chat', () => {
  let group: ReturnType<typeof emu.client>;
  const GROUP = -5001;
  beforeAll(async () => {
    group = emu.client({ userId: 900, chatId: GROUP, type: 'group', chatTitle: '测试群' });
  });

  it('answers /search@TestNameBot compactly, quoting the asking message, with deep-link open buttons', async () => {
    const [reply] = await say(emu, group, GROUP, `/search@${BOT_USERNAME} ${keyword}`);
    expect(reply.raw.reply_parameters).toMatchObject({ message_id: lastUserMessageId(emu, GROUP) });
    expect(reply.text).toContain(zh.understood([keyword]));
    expect(reply.keyboard[0][0]).toMatchObject({ url: expect.stringMatching(/^https:\/\/t\.me\/TestNameBot\?start=a_/) });
    expect(reply.text).not.toContain('\n\n'); // compact: no blank line between results
  });

  it('treats a mention as a search and ignores other chatter and commands for other bots', async () => {
    const [reply] = await say(emu, group, GROUP, `@${BOT_USERNAME} ${keyword}`);
    expect(reply.text).toContain(zh.understood([keyword]));
    const before = sentTo(emu, GROUP).length;
    await group.sendMessage(group.makeMessage(`今天天气不错 ${keyword}`));
    await group.sendCommand(group.makeCommand(`/search@OtherBot ${keyword}`));
    // A later command proves the bot has read past the ignored messages.
    const after = await say(emu, group, GROUP, `/help@${BOT_USERNAME}`);
    expect(sentTo(emu, GROUP).length).toBe(before + 1);
    expect(after[0].text).toContain(`@${BOT_USERNAME}`);
  });

  it('answers in the forum topic of the asking message', async () => {
    const topic = emu.client({ userId: 901, chatId: -1007001, type: 'supergroup', chatTitle: '论坛' });
    const [reply] = await say(emu, topic, -1007001, `/search@${BOT_USERNAME} ${keyword}`, {
      message_thread_id: 77,
      is_topic_message: true,
    });
    expect(reply.raw.message_thread_id).toBe(77);
  });

  it('keeps working when the group becomes a supergroup', async () => {
    const old = emu.client({ userId: 902, chatId: -6001, type: 'group' });
    await old.sendMessage(old.makeMessage('', { migrate_to_chat_id: -1006001 } as never));
    await waitFor(() => (migrations.length > 0 ? true : undefined));
    expect(migrations).toEqual([[-6001, -1006001]]);
    const moved = emu.client({ userId: 902, chatId: -1006001, type: 'supergroup' });
    const [reply] = await say(emu, moved, -1006001, `/search@${BOT_USERNAME} ${keyword}`);
    expect(reply.text).toContain(zh.understood([keyword]));
  });
});
