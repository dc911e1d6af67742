import { describe, expect, it } from 'vitest';
import { SendPacer } from '../../src/telegram/pacer.ts';

async function releaseTimes(pacer: SendPacer, chats: number[]): Promise<{ chatId: number; at: number }[]> {
  const times: { chatId: number; at: number }[] = [];
  await Promise.all(chats.map((chatId) => pacer.acquire(chatId).then(() => times.push({ chatId, at: performance.now() }))));
  return times.sort((a, b) => a.at - b.at);
}

describe('SendPacer', () => {
  it('never exceeds the overall rate in any one-second window (one late slot at most)', async () => {
    const pacer = new SendPacer({ perSecond: 40, perChatPerMinute: 60_000 });
    const times = await releaseTimes(pacer, Array.from({ length: 90 }, (_, i) => i + 1));
    for (const [i, t] of times.entries()) {
      const inWindow = times.slice(i).filter((u) => u.at - t.at < 1000).length;
      expect(inWindow).toBeLessThanOrEqual(41);
    }
  });

  it('keeps the per-chat gap for private chats and the longer gap for groups', async () => {
    const pacer = new SendPacer({ perSecond: 1000, perChatPerMinute: 600, perGroupPerMinute: 300 });
    const chats = [...Array(5).fill(7), ...Array(4).fill(-8), ...Array(5).fill(9)] as number[];
    const times = await releaseTimes(pacer, chats);
    for (const chatId of [7, -8, 9]) {
      const own = times.filter((t) => t.chatId === chatId).map((t) => t.at);
      const gap = chatId < 0 ? 200 : 100;
      for (let i = 1; i < own.length; i++) expect(own[i] - own[i - 1]).toBeGreaterThanOrEqual(gap - 1);
    }
  });

  it('lets other chats go while one chat waits its turn (no head-of-line blocking)', async () => {
    const pacer = new SendPacer({ perSecond: 1000, perChatPerMinute: 60 });
    const order: number[] = [];
    await Promise.all([1, 1, 2, 3].map((chatId) => pacer.acquire(chatId).then(() => order.push(chatId))));
    expect(order).toEqual([1, 2, 3, 1]);
  });

  it('holds a chat back for the time Telegram asked (retry_after)', async () => {
    const pacer = new SendPacer({ perSecond: 1000, perChatPerMinute: 60_000 });
    await pacer.acquire(5);
    const paused = performance.now();
    pacer.pause(5, 300);
    await pacer.acquire(5);
    expect(performance.now() - paused).toBeGreaterThanOrEqual(299);
  });
});
