import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PacerAbortedError, SendPacer } from '../../src/telegram/pacer.ts';

// The pacer runs on vitest's fake timers and is handed the fake clock, so every release time is
// exact: the tests state the schedule itself, and a pacer that releases one slot early fails.
const fakeClock = () => Date.now();

interface Release {
  chatId: number;
  at: number;
}

/** Queues one acquire per entry of `chats` (in that order) and records when each is released. */
function queue(pacer: SendPacer, chats: number[]): Release[] {
  const released: Release[] = [];
  for (const chatId of chats) void pacer.acquire(chatId).then(() => released.push({ chatId, at: Date.now() }));
  return released;
}

/** The release times of one chat. */
const timesOf = (released: Release[], chatId: number) => released.filter((r) => r.chatId === chatId).map((r) => r.at);

describe('SendPacer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('releases messages to different chats one overall gap apart, never more than the rate in any second', async () => {
    const pacer = new SendPacer({ perSecond: 40, perChatPerMinute: 60_000 }, fakeClock);
    const released = queue(
      pacer,
      Array.from({ length: 90 }, (_, i) => i + 1),
    );
    await vi.runAllTimersAsync();
    expect(released.map((r) => r.chatId)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    expect(released.map((r) => r.at)).toEqual(Array.from({ length: 90 }, (_, i) => i * 25));
    for (const r of released) expect(released.filter((u) => u.at >= r.at && u.at - r.at < 1000).length).toBeLessThanOrEqual(40);
  });

  it('after a stalled event loop releases one extra message at once, never a burst', async () => {
    let stall = 0;
    const pacer = new SendPacer({ perSecond: 40, perChatPerMinute: 60_000 }, () => Date.now() + stall);
    const released: number[] = [];
    const record = () => released.push(Date.now() + stall);
    for (let chatId = 1; chatId <= 8; chatId++) void pacer.acquire(chatId).then(record);
    await vi.advanceTimersByTimeAsync(60); // released at 0, 25, 50; the next timer is due at 75
    stall = 200; // the process was busy: that timer fires when the clock already reads 275
    await vi.runAllTimersAsync();
    // The late slot and the one after it (a zero-delay timer fires 1 ms later), then back on the 25 ms grid.
    expect(released).toEqual([0, 25, 50, 275, 276, 300, 325, 350]);
  });

  it('keeps the per-chat gap for private chats and the longer gap for groups, letting other chats use the slots between', async () => {
    const pacer = new SendPacer({ perSecond: 1000, perChatPerMinute: 600, perGroupPerMinute: 300 }, fakeClock);
    const released = queue(pacer, [...Array(5).fill(7), ...Array(4).fill(-8), ...Array(5).fill(9)]);
    await vi.runAllTimersAsync();
    expect(timesOf(released, 7)).toEqual([0, 100, 200, 300, 400]);
    expect(timesOf(released, -8)).toEqual([1, 201, 401, 601]);
    expect(timesOf(released, 9)).toEqual([2, 102, 202, 302, 402]);
  });

  it('lets other chats go while one chat waits its turn (no head-of-line blocking)', async () => {
    const pacer = new SendPacer({ perSecond: 1000, perChatPerMinute: 60 }, fakeClock);
    const released = queue(pacer, [1, 1, 2, 3]);
    await vi.runAllTimersAsync();
    expect(released).toEqual([
      { chatId: 1, at: 0 },
      { chatId: 2, at: 1 },
      { chatId: 3, at: 2 },
      { chatId: 1, at: 1000 },
    ]);
  });

  it('holds a chat back for exactly the time Telegram asked (retry_after), others unaffected', async () => {
    const pacer = new SendPacer({ perSecond: 1000, perChatPerMinute: 60_000 }, fakeClock);
    await pacer.acquire(5);
    pacer.pause(5, 300);
    const released = queue(pacer, [5, 6]);
    await vi.advanceTimersByTimeAsync(299);
    expect(released).toEqual([{ chatId: 6, at: 1 }]);
    await vi.advanceTimersByTimeAsync(1);
    expect(released).toEqual([
      { chatId: 6, at: 1 },
      { chatId: 5, at: 300 },
    ]);
  });

  it('gives up a wait when its signal aborts, and the slot goes to the next message', async () => {
    const pacer = new SendPacer({ perSecond: 10, perChatPerMinute: 60_000 }, fakeClock);
    await pacer.acquire(1);
    const stop = new AbortController();
    const abandoned = pacer.acquire(2, stop.signal);
    const released = queue(pacer, [3]);
    stop.abort();
    await expect(abandoned).rejects.toBeInstanceOf(PacerAbortedError);
    expect(pacer.waiting).toBe(1);
    await vi.runAllTimersAsync();
    expect(released).toEqual([{ chatId: 3, at: 100 }]);
    await expect(pacer.acquire(4, AbortSignal.abort())).rejects.toBeInstanceOf(PacerAbortedError);
  });
});
