/**
 * Issue #10, item 4: no outgoing message exceeds 4 096 characters. The length guard under every
 * call (unit), and through the emulator: a long /subscriptions list, echoes of a very long
 * /subscribe and /unsubscribe, and subscription keywords capped like searches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitPayload } from '../../src/telegram/length-guard.ts';
import type { RunningBot } from '../../src/app/start.ts';
import { messages } from '../../src/telegram/i18n.ts';
import { say } from '../e2e/helpers.ts';
import { memoryLogger, preparedData, type PreparedData, rigConfig, startRig, startRigBot, type Rig } from '../support/harness.ts';

describe('the length guard', () => {
  const long = Array.from({ length: 300 }, (_, i) => `<b>第${i}段</b>这是一段用来测试长度的文字，共有好几十个字，写得很长很长。`).join(
    '\n\n',
  );

  it('splits a long sendMessage into parts under 4 096, buttons on the last, the reply reference on the first', () => {
    expect(long.length).toBeGreaterThan(4096 * 3);
    const markup = { inline_keyboard: [[{ text: 'x', callback_data: 'x' }]] };
    const parts = fitPayload('sendMessage', {
      chat_id: 1,
      text: long,
      parse_mode: 'HTML',
      reply_markup: markup,
      reply_parameters: { message_id: 3 },
    });
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect((part.text as string).length).toBeLessThanOrEqual(4096);
    expect(parts.map((p) => p.reply_markup !== undefined)).toEqual(parts.map((_, i) => i === parts.length - 1));
    expect(parts.map((p) => p.reply_parameters !== undefined)).toEqual(parts.map((_, i) => i === 0));
    expect(
      parts
        .map((p) => p.text)
        .join('')
        .replace(/<[^>]+>|\s/g, ''),
    ).toBe(long.replace(/<[^>]+>|\s/g, ''));
  });

  it('cuts an edit, a callback answer and a caption to fit, ending in "…"', () => {
    const [edit] = fitPayload('editMessageText', { chat_id: 1, message_id: 2, text: long, parse_mode: 'HTML' });
    expect((edit.text as string).length).toBeLessThanOrEqual(4096);
    expect(edit.text as string).toMatch(/…$/);
    const [toast] = fitPayload('answerCallbackQuery', { callback_query_id: 'q', text: '长'.repeat(500) });
    expect(Array.from(toast.text as string).length).toBe(200);
    const [photo] = fitPayload('sendPhoto', { chat_id: 1, caption: 'x'.repeat(2000) });
    expect((photo.caption as string).length).toBeLessThanOrEqual(1024);
  });

  it('leaves texts within the limits alone', () => {
    const payload = { chat_id: 1, text: 'short' };
    expect(fitPayload('sendMessage', payload)).toEqual([payload]);
  });
});

describe('through the bot', () => {
  let data: PreparedData;
  let rig: Rig;
  let running: RunningBot;
  const texts = messages('zh');

  beforeAll(async () => {
    data = await preparedData();
    rig = await startRig();
    running = await startRigBot(rigConfig(rig.proxy.url, data), memoryLogger().logger);
  });
  afterAll(async () => {
    await running?.stop();
    await rig?.close();
    await data?.cleanup();
  });

  const maxLength = () =>
    Math.max(...rig.emu.server.storage.botMessages.map((m) => String((m.message as { text?: unknown }).text ?? '').length));

  it('lists 20 long subscriptions (stored before keywords were capped) in messages under 4 096', async () => {
    const chatId = 801;
    for (let i = 0; i < 20; i++)
      await running.digest.store.subscribe({ chatId, keywords: [`关键词${i}${'很长的订阅'.repeat(200)}`], time: '08:00' }, Date.now());
    const client = rig.emu.client({ userId: chatId, chatId, type: 'private' });
    const replies = await say(rig.emu, client, chatId, '/subscriptions');
    for (const reply of replies) expect(reply.text.length).toBeLessThanOrEqual(4096);
    expect(replies.map((r) => r.text).join('\n')).toContain('20.');
  });

  it('refuses subscription keywords longer than a search may be, and shortens echoes', async () => {
    const chatId = 802;
    const client = rig.emu.client({ userId: chatId, chatId, type: 'private' });
    const words = Array.from({ length: 400 }, (_, i) => `词${i}`).join(' ');
    const [subscribed] = await say(rig.emu, client, chatId, `/subscribe ${words}`);
    expect(subscribed.text).toBe(texts.subscriptionTooLong(100));
    expect(await running.digest.store.subscriptions(chatId)).toEqual([]);
    const [unsubscribed] = await say(rig.emu, client, chatId, `/unsubscribe ${words}`);
    expect(unsubscribed.text.length).toBeLessThan(200);
    const [badTime] = await say(rig.emu, client, chatId, `/subscribe 长沙 ${'9'.repeat(2000)}:99`);
    expect(badTime.text.length).toBeLessThan(4096);
  });

  it('sent nothing over 4 096 characters in this whole file', () => {
    expect(maxLength()).toBeLessThanOrEqual(4096);
  });
});
