/**
 * Issue #10, item 3: updates of any shape are survived, in polling and in webhook mode. Hostile
 * batches reach the polling bot through the fault proxy (which answers getUpdates itself), hostile
 * bodies are posted to the webhook; afterwards the bot must still answer an ordinary message.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/app/start.ts';
import { checkUpdate } from '../../src/bot/updates.ts';
import { say, sentTo } from '../e2e/helpers.ts';
import { freePort, waitFor } from '../support/emulator.ts';
import { LEVEL, memoryLogger, preparedData, type PreparedData, rigConfig, startRig, startRigBot, type Rig } from '../support/harness.ts';

let data: PreparedData;
beforeAll(async () => {
  data = await preparedData();
});
afterAll(() => data?.cleanup());

const from = { id: 601, is_bot: false, first_name: '读者' };
const chat = { id: 601, type: 'private', first_name: '读者' };
/** Bodies that are no update at all. */
const NOT_UPDATES: unknown[] = [{}, null, [], 42, 'text', { update_id: 'x' }, { update_id: -1 }];
/** Updates whose shape the handlers could not survive unchecked. */
const BROKEN_UPDATES: unknown[] = [
  { update_id: 9 },
  { update_id: 10, message: { message_id: 1, date: 0, chat, from, text: 42 } },
  { update_id: 11, message: { message_id: 1, date: 0, chat, from, text: '/help', entities: 'nope' } },
  { update_id: 12, message: { message_id: 1, date: 0, chat: null, from, text: 'x' } },
  { update_id: 13, message: null },
  { update_id: 14, callback_query: { id: 'c', from, data: { a: 1 } } },
  { update_id: 15, callback_query: { id: 'c', from: { id: 'me' }, data: 'u:1' } },
  { update_id: 16, inline_query: { id: 'q', from, query: 7, offset: '' } },
  { update_id: 17, some_future_update: { x: 1 } },
  { update_id: 18, message: { message_id: 1, date: 0, chat, from, text: 'a' }, callback_query: { id: 'c', from } },
  { update_id: 19, message: [] },
];

describe('update shapes', () => {
  it('accepts ordinary updates and refuses the broken ones with a reason', () => {
    expect(checkUpdate({ update_id: 1, message: { message_id: 1, date: 0, chat, from, text: 'hi' } })).toMatchObject({
      ok: true,
      key: 'chat:601',
    });
    expect(
      checkUpdate({ update_id: 2, callback_query: { id: 'c', from, chat_instance: 'i', inline_message_id: 'm', data: 'a:x' } }),
    ).toMatchObject({ ok: true, key: 'user:601' });
    for (const body of NOT_UPDATES) {
      const checked = checkUpdate(body);
      expect(checked.ok).toBe(false);
      expect(checked.ok ? 'accepted' : checked.updateId).toBeUndefined();
    }
    for (const body of BROKEN_UPDATES)
      expect(checkUpdate(body), JSON.stringify(body)).toMatchObject({ ok: false, updateId: (body as { update_id: number }).update_id });
  });
});

describe('polling mode', () => {
  let rig: Rig;
  let running: RunningBot;
  const log = memoryLogger();
  beforeAll(async () => {
    rig = await startRig();
    running = await startRigBot(rigConfig(rig.proxy.url, data), log.logger);
  });
  afterAll(async () => {
    await running?.stop();
    await rig?.close();
  });

  it('survives a batch of hostile updates (ids far above the emulator’s) and keeps answering', async () => {
    const batch = [...BROKEN_UPDATES, ...NOT_UPDATES].map((u, i) =>
      u && typeof u === 'object' && 'update_id' in u ? { ...u, update_id: 1_000_000 + i } : u,
    );
    rig.proxy.rules.push({ method: 'getUpdates', fault: { kind: 'answer', result: batch }, times: 1 });
    await waitFor(() => (rig.proxy.calls.some((c) => c.method === 'getUpdates' && c.fault === 'answer') ? true : undefined));
    let settled = false;
    void running.stopped.then(
      () => (settled = true),
      () => (settled = true),
    );
    const client = rig.emu.client({ userId: 602, chatId: 602, type: 'private' });
    const [reply] = await say(rig.emu, client, 602, '/help');
    expect(reply.text).toContain('/search');
    expect(settled).toBe(false);
    expect(log.lines.filter((l) => l.level >= LEVEL.error)).toEqual([]);
    expect(log.lines.some((l) => l.msg.startsWith('ignored an update'))).toBe(true);
  });

  it('ignores a message whose text is not a string, sent through the emulator like any other', async () => {
    const client = rig.emu.client({ userId: 603, chatId: 603, type: 'private' });
    await client.sendMessage({ ...client.makeMessage('x'), text: 42 as unknown as string });
    const [reply] = await say(rig.emu, client, 603, '/help');
    expect(reply).toBeDefined();
    expect(sentTo(rig.emu, 603).length).toBe(1);
    expect(log.lines.filter((l) => l.level >= LEVEL.error)).toEqual([]);
  });

  it('logs an outage of getUpdates once at warn, and its end once with the number of failures', async () => {
    const mark = log.lines.length;
    rig.proxy.rules.push(
      { method: 'getUpdates', fault: { kind: '500' }, times: 3 },
      { method: 'getUpdates', fault: { kind: 'drop' }, times: 2 },
    );
    const client = rig.emu.client({ userId: 604, chatId: 604, type: 'private' });
    const [reply] = await say(rig.emu, client, 604, '/help', {});
    expect(reply).toBeDefined();
    const lines = log.lines.slice(mark);
    const start = lines.filter((l) => l.msg.startsWith('cannot fetch updates'));
    const end = lines.filter((l) => l.msg.startsWith('fetching updates from Telegram works again'));
    expect(start.length).toBe(1);
    expect(start[0].level).toBe(LEVEL.warn);
    expect(end.length).toBe(1);
    expect(end[0]).toMatchObject({ level: LEVEL.warn, failures: 5 });
  });
});

describe('webhook mode', () => {
  let rig: Rig;
  let running: RunningBot;
  let port: number;
  const log = memoryLogger();
  const SECRET = 'hook-secret_1';
  beforeAll(async () => {
    rig = await startRig();
    port = await freePort();
    running = await startRigBot(
      rigConfig(rig.proxy.url, data, { WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: SECRET, PORT: String(port) }),
      log.logger,
    );
  });
  afterAll(async () => {
    await running?.stop();
    await rig?.close();
  });
  const post = (body: string, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }, path = '/hook') =>
    fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('refuses bodies that are no update (400), acknowledges broken updates (200), and survives all of them', async () => {
    for (const body of NOT_UPDATES) expect((await post(JSON.stringify(body))).status, JSON.stringify(body)).toBe(400);
    expect((await post('{not json')).status).toBe(400);
    expect((await post('x'.repeat(2_000_000))).status).toBe(413);
    for (const body of BROKEN_UPDATES) expect((await post(JSON.stringify(body))).status, JSON.stringify(body)).toBe(200);
    expect((await post('{}', {})).status).toBe(403);
    expect((await post('{}', undefined, '/elsewhere')).status).toBe(404);
    // Still serving: an ordinary update is answered.
    const update = {
      update_id: 77,
      message: {
        message_id: 5,
        date: 0,
        chat: { id: 610, type: 'private', first_name: 'x' },
        from: { id: 610, is_bot: false, first_name: 'x' },
        text: '/help',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      },
    };
    expect((await post(JSON.stringify(update))).status).toBe(200);
    await waitFor(() => (sentTo(rig.emu, 610).length > 0 ? true : undefined));
    expect(running.webhook!.refused).toBe(NOT_UPDATES.length + 4);
    // Refusals are logged at a limited rate: one line for this burst.
    expect(log.lines.filter((l) => l.msg === 'refused webhook requests').length).toBe(1);
    expect(log.lines.filter((l) => l.level >= LEVEL.error)).toEqual([]);
  });
});

describe('the process-wide guard', () => {
  it('logs an unhandled rejection and an uncaught exception in one line each, with the update id, and the process lives on', () => {
    const child = spawnSync(
      process.execPath,
      [join(import.meta.dirname, '../../bin/run-ts.mjs'), join(import.meta.dirname, 'guard-child.ts')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('still alive');
    const lines = child.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'unhandled rejection; still serving', update: 77, error: 'Error: forgotten promise' }),
      expect.objectContaining({ msg: 'uncaught exception; still serving', update: 78, error: 'TypeError: thrown from a timer' }),
    ]);
  });
});
