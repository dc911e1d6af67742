/**
 * Issue #10, item 1: one chat's trouble never delays another. Through the fault proxy: a 429 with
 * a long retry_after for one chat, a chat whose every send answers 500, a user who blocked the
 * bot. Assertions are about order and outcome ("B was answered while A still waited"), never
 * tight timings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/app/start.ts';
import { repliesAfter, say, sentTo } from '../e2e/helpers.ts';
import { waitFor } from '../support/emulator.ts';
import { LEVEL, memoryLogger, preparedData, type PreparedData, rigConfig, startRig, startRigBot, type Rig } from '../support/harness.ts';

let rig: Rig;
let running: RunningBot;
let data: PreparedData;
const log = memoryLogger();

beforeAll(async () => {
  data = await preparedData();
  rig = await startRig();
  running = await startRigBot(rigConfig(rig.proxy.url, data), log.logger, { replyDeadlineMs: 4000 });
});
afterAll(async () => {
  await running?.stop();
  await rig?.close();
  await data?.cleanup();
});

function chat(id: number) {
  return { id, client: rig.emu.client({ userId: id, chatId: id, type: 'private' }) };
}

describe('per-chat isolation', () => {
  it('answers other chats while one chat waits out a 429 retry_after', async () => {
    const a = chat(501);
    const b = chat(502);
    rig.proxy.rules.push({ method: 'sendMessage', chatIds: [a.id], fault: { kind: '429', retryAfter: 3 }, times: 1 });
    const aBefore = sentTo(rig.emu, a.id).length;
    await a.client.sendCommand(a.client.makeCommand('/help'));
    await waitFor(() => (rig.proxy.calls.some((c) => c.chatId === a.id && c.fault === '429') ? true : undefined));
    const [reply] = await say(rig.emu, b.client, b.id, '/help');
    expect(reply.text).toContain('/search'); // the help text itself, not an apology
    // B has its answer while A is still held back by its own retry_after.
    expect(sentTo(rig.emu, a.id).length).toBe(aBefore);
    // …and A gets its answer once the wait is over.
    const late = await repliesAfter(rig.emu, a.id, aBefore, 20_000);
    expect(late.map((m) => m.text)).toEqual([reply.text]);
  });

  it('holds back only the limited chat: its next send waits for the same retry_after instead of drawing another 429', async () => {
    const a = chat(511);
    rig.proxy.rules.push({ method: 'sendMessage', chatIds: [a.id], fault: { kind: '429', retryAfter: 2 }, times: 1 });
    const before = sentTo(rig.emu, a.id).length;
    await a.client.sendCommand(a.client.makeCommand('/help'));
    await a.client.sendCommand(a.client.makeCommand('/start'));
    await waitFor(() => (sentTo(rig.emu, a.id).length >= before + 2 ? true : undefined), 20_000);
    const toA = rig.proxy.calls.filter((c) => c.chatId === a.id && c.method === 'sendMessage');
    expect(toA.filter((c) => c.fault === '429').length).toBe(1);
  });

  it('drops a reply that cannot be delivered within the deadline with one log line, and keeps serving everyone', async () => {
    const c = chat(521);
    const b = chat(522);
    const rule = { method: 'sendMessage', chatIds: [c.id], fault: { kind: '500' as const } };
    rig.proxy.rules.push(rule);
    const mark = log.lines.length;
    await c.client.sendCommand(c.client.makeCommand('/help'));
    await waitFor(() => (rig.proxy.calls.some((call) => call.chatId === c.id && call.fault === '500') ? true : undefined));
    const [reply] = await say(rig.emu, b.client, b.id, '/help');
    expect(reply).toBeDefined();
    const dropped = await waitFor(() => log.lines.slice(mark).find((l) => l.msg.startsWith('reply dropped')), 20_000, 'the drop line');
    expect(dropped.chat).toBe(String(c.id));
    expect(log.lines.slice(mark).filter((l) => l.msg.startsWith('reply dropped')).length).toBe(1);
    // The chat's queue moved on: once sends work again, it is answered.
    rig.proxy.rules.splice(rig.proxy.rules.indexOf(rule), 1);
    const again = await say(rig.emu, c.client, c.id, '/help');
    expect(again.length).toBeGreaterThan(0);
  });

  it('logs a user who blocked the bot as one info line, without an apology or an error-level line', async () => {
    const d = chat(531);
    rig.proxy.rules.push({ method: 'sendMessage', chatIds: [d.id], fault: { kind: '403' } });
    const mark = log.lines.length;
    const calls = rig.proxy.calls.length;
    await d.client.sendCommand(d.client.makeCommand('/help'));
    const line = await waitFor(() => log.lines.slice(mark).find((l) => l.msg.includes('blocked the bot')));
    expect(line.level).toBe(LEVEL.info);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(log.lines.slice(mark).filter((l) => l.level >= LEVEL.error)).toEqual([]);
    // One send, no apology attempt.
    expect(rig.proxy.calls.slice(calls).filter((c) => c.chatId === d.id && c.method === 'sendMessage').length).toBe(1);
  });
});
