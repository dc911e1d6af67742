/**
 * The real bot (startBot, as `npm start` runs it) against the telegram-test-api emulator, talked to
 * as a user: private search, paging, articles, regions, bad inputs, forged buttons, the rate
 * limit. Queries are taken from the loaded index, not written into the test (see ./bot-rig.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatArticle } from '../../src/bot/format.ts';
import { pngSize } from '../../src/trend/trend.ts';
import { messages } from '../../src/telegram/i18n.ts';
import { decodeDeepLink, encodeDeepLink } from '../../src/bot/deep-link.ts';
import { BOT_USERNAME, waitFor } from '../support/emulator.ts';
import { buttonData, lastUserMessageId, plain, press, repliesAfter, say, sentTo } from './helpers.ts';
import { allArticles, allIds } from '../support/all-articles.ts';
import { emu, index, keyword, privateChat, RATE, region, startBotRig, stopBotRig, zh } from './bot-rig.ts';

beforeAll(startBotRig);
afterAll(stopBotRig);

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
