/**
 * Issue #10, items 6–8: start-up against a Bot API that answers 5xx for a while and a webhook port
 * already in use; "/region 北京" answering "not in Hunan"; buttons pressed where there is no
 * message (an inline message, a message Telegram no longer sends) answering instead of nothing.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/telegram/i18n.ts';
import type { RunningBot } from '../../src/app/start.ts';
import { PortInUseError } from '../../src/bot/webhook.ts';
import { buttonData, say } from '../e2e/helpers.ts';
import { TEST_TOKEN, waitFor } from '../support/emulator.ts';
import { LEVEL, memoryLogger, rigConfig, rigForSuite, startRigBot } from '../support/harness.ts';
import { allArticles } from '../support/all-articles.ts';

const zh = messages('zh');
const suite = rigForSuite();

describe('start-up', () => {
  it('retries deleteWebhook answering 5xx and logs "bot started" only once it answered', async () => {
    // The first 3 tries are the outbox's own short retry; the 4th failure reaches start-up's backoff.
    suite.rig.proxy.rules.push({ method: 'deleteWebhook', fault: { kind: '500' }, times: 4 });
    const log = memoryLogger();
    const running = await startRigBot(rigConfig(suite.rig.proxy.url, suite.data), log.logger);
    try {
      const msgs = log.lines.map((l) => l.msg);
      const retry = log.lines.findIndex((l) => l.msg === 'cannot reach the Bot API; retrying' && l.call === 'deleteWebhook');
      expect(retry).toBeGreaterThanOrEqual(0);
      expect(msgs.indexOf('bot started with long polling')).toBeGreaterThan(retry);
      const client = suite.rig.emu.client({ userId: 1001, chatId: 1001, type: 'private' });
      expect((await say(suite.rig.emu, client, 1001, '/help')).map((m) => m.text.includes('/search'))).toEqual([true]);
      expect(log.lines.filter((l) => l.level >= LEVEL.error)).toEqual([]);
    } finally {
      await running.stop();
    }
  });

  it('reports a webhook port in use as one line: PortInUseError, and through npm start', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const env = { WEBHOOK_URL: 'https://bot.example.org/hook', PORT: String(port) };
      await expect(startRigBot(rigConfig(suite.rig.proxy.url, suite.data, env), memoryLogger().logger)).rejects.toBeInstanceOf(
        PortInUseError,
      );
      // Not spawnSync: the emulator the child talks to runs in this process.
      const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/main.mjs')], {
        env: {
          ...process.env,
          ...suite.data.env,
          ...env,
          BOT_TOKEN: TEST_TOKEN,
          TELEGRAM_API_ROOT: suite.rig.proxy.url,
          DATA_DIR: suite.data.dataDir,
          PAGES_DIR: suite.data.pagesDir,
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      expect(status).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`port ${port} is already in use`)]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('answers', () => {
  let running: RunningBot;
  beforeAll(async () => {
    running = await startRigBot(rigConfig(suite.rig.proxy.url, suite.data), memoryLogger().logger);
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('answers /region 北京 with "not in Hunan"', async () => {
    const client = suite.rig.emu.client({ userId: 1101, chatId: 1101, type: 'private' });
    const [reply] = await say(suite.rig.emu, client, 1101, '/region 北京');
    expect(reply.text).toBe(zh.regionOutside('北京'));
  });

  /** Presses `data` as a button of a message the update does not carry; returns the callback answer sent. */
  async function pressWithoutMessage(userId: number, data: string): Promise<Record<string, unknown>> {
    const client = suite.rig.emu.client({ userId, chatId: userId, type: 'private' });
    const from = suite.rig.proxy.calls.length;
    await client.sendCallback({ ...client.makeCallbackQuery(data), message: undefined } as never);
    const call = await waitFor(
      () => suite.rig.proxy.calls.slice(from).find((c) => c.method === 'answerCallbackQuery'),
      10_000,
      'a callback answer',
    );
    return call.payload ?? {};
  }

  it('answers subscription buttons without a message (u:, +r:) with a toast', async () => {
    expect((await pressWithoutMessage(1102, 'u:1')).text).toBe(messages('zh').subscribeChatOnly);
    expect((await pressWithoutMessage(1103, '+r:长沙市')).text).toBe(messages('zh').subscribeChatOnly);
  });

  it('opens an article button without a message in the private chat (a t.me deep link), without a stack', async () => {
    const client = suite.rig.emu.client({ userId: 1104, chatId: 1104, type: 'private' });
    const word = (await allArticles(running.index))[0].keywords[0];
    const [list] = await say(suite.rig.emu, client, 1104, word);
    const data = buttonData(list, '1')!;
    const answer = await pressWithoutMessage(1105, data);
    expect(String(answer.url)).toMatch(/^https:\/\/t\.me\/TestNameBot\?start=a_/);
  });
});
