/**
 * The real bot against the emulator (see ./bot-rig.ts): editors adding pages from the chat, and
 * group chats (mentions, commands for other bots, a group that becomes a supergroup).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USERNAME, waitFor } from '../support/emulator.ts';
import { gbkBytes } from '../support/gbk.ts';
import { lastUserMessageId, plain, repliesAfter, say, sentTo } from './helpers.ts';
import { EDITOR, emu, keyword, migrations, pagesDir, running, startBotRig, stopBotRig, zh } from './bot-rig.ts';

beforeAll(startBotRig);
afterAll(stopBotRig);

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
