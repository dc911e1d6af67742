import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telegram, TelegramError } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { installRetry, type RetryOptions } from '../../src/telegram/api-retry.ts';

type Step = (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) => void;

const ok: Step = (_req, res, body) =>
  res.end(JSON.stringify({ ok: true, result: { message_id: 1, chat: { id: body.chat_id }, date: 0, text: body.text } }));
const tooMany =
  (seconds: number): Step =>
  (_req, res) => {
    res.statusCode = 429;
    res.end(
      JSON.stringify({
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${seconds}`,
        parameters: { retry_after: seconds },
      }),
    );
  };
const serverError: Step = (_req, res) => {
  res.statusCode = 502;
  res.end('Bad Gateway');
};
const badRequest: Step = (_req, res) => {
  res.statusCode = 400;
  res.end(JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: chat not found' }));
};
const dropConnection: Step = (req) => req.socket.destroy();

/** A real HTTP server playing `steps` in order (the last one repeats); records every request. */
async function scripted(
  steps: Step[],
): Promise<{ telegram: Telegram; requests: { method: string; body: Record<string, unknown>; at: number }[]; server: Server }> {
  const requests: { method: string; body: Record<string, unknown>; at: number }[] = [];
  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    requests.push({ method: req.url!.split('/').pop()!, body, at: Date.now() });
    res.setHeader('content-type', 'application/json');
    steps[Math.min(requests.length - 1, steps.length - 1)](req, res, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { telegram: new Telegram('123:test', { apiRoot: `http://127.0.0.1:${port}` }), requests, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const fast: RetryOptions = { baseDelayMs: 10, maxDelayMs: 50 };

describe('the Bot API retry wrapper', () => {
  it('waits retry_after on 429, backs off on 5xx, then succeeds', async () => {
    const { telegram, requests } = await scripted([tooMany(1), serverError, ok]);
    const retries: string[] = [];
    installRetry(telegram, { ...fast, onRetry: (info) => retries.push(info.reason) });
    const sent = await telegram.sendMessage(42, '你好');
    expect(sent.text).toBe('你好');
    expect(requests.map((r) => r.method)).toEqual(['sendMessage', 'sendMessage', 'sendMessage']);
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(990);
    expect(retries).toEqual(['rate-limit', 'server-error']);
  });

  it('retries a dropped connection', async () => {
    const { telegram, requests } = await scripted([dropConnection, ok]);
    installRetry(telegram, fast);
    await telegram.sendMessage(42, 'x');
    expect(requests.length).toBe(2);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { telegram, requests } = await scripted([serverError]);
    installRetry(telegram, { ...fast, maxAttempts: 3 });
    await expect(telegram.sendMessage(42, 'x')).rejects.toSatisfy((e) => e instanceof TelegramError && e.code === 502);
    expect(requests.length).toBe(3);
  });

  it('does not retry a 400, nor a 429 asking for a longer wait than allowed', async () => {
    const bad = await scripted([badRequest]);
    installRetry(bad.telegram, fast);
    await expect(bad.telegram.sendMessage(42, 'x')).rejects.toThrow(/chat not found/);
    expect(bad.requests.length).toBe(1);

    const slow = await scripted([tooMany(3600), ok]);
    installRetry(slow.telegram, { ...fast, maxRetryAfterSeconds: 60 });
    await expect(slow.telegram.sendMessage(42, 'x')).rejects.toSatisfy((e) => e instanceof TelegramError && e.code === 429);
    expect(slow.requests.length).toBe(1);
  });

  it('follows a group that became a supergroup and reports the move', async () => {
    const moved: Step = (_req, res, body) => {
      if (body.chat_id === -100) {
        res.statusCode = 400;
        res.end(
          JSON.stringify({
            ok: false,
            error_code: 400,
            description: 'Bad Request: group chat was upgraded to a supergroup chat',
            parameters: { migrate_to_chat_id: -1001234 },
          }),
        );
      } else ok(_req, res, body);
    };
    const { telegram, requests } = await scripted([moved]);
    const moves: [number | string, number][] = [];
    installRetry(telegram, { ...fast, onChatMigrated: (from, to) => void moves.push([from, to]) });
    const sent = await telegram.sendMessage(-100, 'x');
    expect(sent.chat.id).toBe(-1001234);
    expect(requests.map((r) => r.body.chat_id)).toEqual([-100, -1001234]);
    expect(moves).toEqual([[-100, -1001234]]);
  });

  it('stops waiting when its signal is aborted', async () => {
    const { telegram, requests } = await scripted([tooMany(30), ok]);
    const abort = new AbortController();
    installRetry(telegram, { ...fast, signal: abort.signal });
    const started = Date.now();
    setTimeout(() => abort.abort(), 100);
    await expect(telegram.sendMessage(42, 'x')).rejects.toSatisfy((e) => e instanceof TelegramError && e.code === 429);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(requests.length).toBe(1);
  });

  it('leaves getUpdates to telegraf (its polling loop retries on its own)', async () => {
    const { telegram, requests } = await scripted([serverError]);
    installRetry(telegram, fast);
    await expect(telegram.getUpdates(0, 1, 0, [])).rejects.toThrow();
    expect(requests.length).toBe(1);
  });
});
