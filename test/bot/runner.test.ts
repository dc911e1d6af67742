/**
 * The per-chat dispatcher and outbox on their own: order within a chat, concurrency across chats,
 * the bounds, and a 429 holding back one chat only. Real timers, generous bounds only.
 */
import { TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { Outbox, ReplyDroppedError } from '../../src/bot/outbox.ts';
import { currentUpdate, Dispatcher } from '../../src/bot/runner.ts';
import { createLogger } from '../../src/log.ts';

const logger = createLogger('silent');
const update = (id: number) => ({ update_id: id }) as Update;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Dispatcher', () => {
  it('runs one chat in order and other chats meanwhile', async () => {
    const log: string[] = [];
    let releaseA = () => {};
    const dispatcher = new Dispatcher({
      logger,
      handle: async (u) => {
        log.push(`start ${u.update_id}`);
        if (u.update_id === 1) await new Promise<void>((resolve) => (releaseA = resolve));
        log.push(`end ${u.update_id}`);
      },
    });
    dispatcher.push(update(1), 'chat:a');
    dispatcher.push(update(2), 'chat:a');
    dispatcher.push(update(3), 'chat:b');
    await sleep(20);
    // Chat b is done while chat a's first update still waits; a's second has not started.
    expect(log).toEqual(['start 1', 'start 3', 'end 3']);
    releaseA();
    await dispatcher.idle();
    expect(log).toEqual(['start 1', 'start 3', 'end 3', 'end 1', 'start 2', 'end 2']);
  });

  it('drops updates beyond a chat’s bound, makes the poller wait when full, and names the update being handled', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: number[] = [];
    const dispatcher = new Dispatcher({
      logger,
      maxPerChat: 2,
      maxPending: 3,
      handle: async () => {
        seen.push(currentUpdate.getStore()!.updateId);
        await gate;
      },
    });
    expect(dispatcher.push(update(1), 'chat:a')).toBe(true);
    expect(dispatcher.push(update(2), 'chat:a')).toBe(true);
    expect(dispatcher.push(update(3), 'chat:a')).toBe(false);
    dispatcher.push(update(4), 'chat:b');
    let roomy = false;
    void dispatcher.room().then(() => (roomy = true));
    await sleep(10);
    expect(roomy).toBe(false);
    release();
    await dispatcher.idle();
    expect(roomy).toBe(true);
    expect(seen.sort()).toEqual([1, 2, 4]);
  });

  it('logs a failing handler and goes on with the chat', async () => {
    const done: number[] = [];
    const dispatcher = new Dispatcher({
      logger,
      handle: async (u) => {
        if (u.update_id === 1) throw new Error('boom');
        done.push(u.update_id);
      },
    });
    dispatcher.push(update(1), 'chat:a');
    dispatcher.push(update(2), 'chat:a');
    await dispatcher.idle();
    expect(done).toEqual([2]);
  });
});

describe('Outbox', () => {
  const tooMany = (seconds: number) =>
    new TelegramError({ error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });

  it('holds back the limited chat for its retry_after, and only that chat', async () => {
    const calls: string[] = [];
    const sentAt: number[] = [];
    let limited = true;
    const outbox = new Outbox({ logger, baseDelayMs: 5 });
    const send = outbox.wrap(async (method, payload) => {
      calls.push(`${method} ${String(payload.chat_id)}`);
      sentAt.push(performance.now());
      if (payload.chat_id === 1 && limited) {
        limited = false;
        throw tooMany(1);
      }
      return true;
    });
    const a = send('sendMessage', { chat_id: 1, text: 'a' });
    await sleep(20);
    await send('sendMessage', { chat_id: 2, text: 'b' });
    expect(outbox.heldChats).toBe(1);
    expect(calls).toEqual(['sendMessage 1', 'sendMessage 2']);
    await a;
    expect(calls).toEqual(['sendMessage 1', 'sendMessage 2', 'sendMessage 1']);
    // Chat 2 went meanwhile (the order above); chat 1 was tried again only after the second Telegram asked for.
    expect(sentAt[2] - sentAt[0]).toBeGreaterThanOrEqual(995);
  });

  it('drops at once a reply whose retry_after is beyond the deadline, and rejects other errors unchanged', async () => {
    const outbox = new Outbox({ logger, deadlineMs: 500 });
    const send = outbox.wrap(async (_method, payload) => {
      if (payload.chat_id === 1) throw tooMany(30);
      throw new TelegramError({ error_code: 400, description: 'Bad Request: chat not found' });
    });
    await expect(send('sendMessage', { chat_id: 1, text: 'x' })).rejects.toBeInstanceOf(ReplyDroppedError);
    await expect(send('sendMessage', { chat_id: 2, text: 'x' })).rejects.toMatchObject({ code: 400 });
  });

  it('sends a text over 4 096 characters as several messages, in order', async () => {
    const texts: string[] = [];
    const outbox = new Outbox({ logger });
    const send = outbox.wrap(async (_method, payload) => {
      texts.push(String(payload.text));
      return { message_id: texts.length };
    });
    const result = await send('sendMessage', { chat_id: 1, text: `${'一句话。'.repeat(1500)}` });
    expect(texts.length).toBe(2);
    expect(texts.every((t) => t.length <= 4096)).toBe(true);
    expect(result).toEqual({ message_id: 2 });
  });
});
