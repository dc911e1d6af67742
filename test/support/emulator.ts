/**
 * The Telegram Bot API emulator (telegram-test-api) for end-to-end tests and the latency benchmark,
 * started in-process on 127.0.0.1 on a free port. Quirks worth knowing: getMe answers the username
 * `TestNameBot`; getUpdates answers at once (no long polling), so a polling bot spins — keep tests
 * short and stop the bot; a callback query carries a message_id only when given one
 * (`makeCallbackQuery(data, { message: { message_id } })`); methods it lacks (setMyCommands,
 * answerInlineQuery …) answer HTTP 500.
 *
 * With `record: true` the bot talks to a small recording proxy in front of the emulator, so tests
 * can also see calls the emulator does not store (answerCallbackQuery texts, failed methods).
 */
import { parseMultipart } from '../../src/bot/multipart.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import TelegramServerModule from 'telegram-test-api';
import type { TelegramServer as TelegramServerType } from 'telegram-test-api/lib/telegramServer.js';
import type { ClientOptions, TelegramClient } from 'telegram-test-api/lib/modules/telegramClient.js';

// The package is CommonJS with an ES-module-style default export.
const TelegramServer = ((TelegramServerModule as unknown as { default?: typeof TelegramServerType }).default ??
  TelegramServerModule) as unknown as typeof TelegramServerType;

/** A token of the shape the config accepts; the emulator accepts any. */
export const TEST_TOKEN = '123456789:TEST_token-for-the-emulator';
/** The username the emulator's getMe returns. */
export const BOT_USERNAME = 'TestNameBot';

/** One Bot API call the bot made, as seen by the recording proxy. */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  status: number;
  at: number;
  /** The file uploaded with the call (sendPhoto), as sent. */
  file?: Buffer;
}

let standInMessageId = 900_000;

/** sendPhoto, which the emulator lacks: recorded with its fields and file, answered as Telegram would. */
function standInSendPhoto(body: Buffer, contentType: string): { call: Omit<RecordedCall, 'at'>; answer: unknown } {
  const { fields, file } = parseMultipart(body, contentType);
  const payload: Record<string, unknown> = { ...fields };
  for (const key of ['chat_id', 'reply_parameters', 'reply_markup']) {
    if (typeof payload[key] === 'string') {
      try {
        payload[key] = JSON.parse(payload[key] as string);
      } catch {
        /* keep the text */
      }
    }
  }
  const message = {
    message_id: standInMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat: { id: payload.chat_id, type: 'private' },
    photo: [],
    caption: fields.caption,
  };
  return { call: { method: 'sendPhoto', payload, status: 200, ...(file ? { file } : {}) }, answer: { ok: true, result: message } };
}

export interface Emulator {
  server: TelegramServerType;
  /** The API root to give the bot (the proxy when recording). */
  apiRoot: string;
  /** Files the getFile stand-in serves, by file id (with `record`): what a user "uploaded". */
  files: Map<string, Buffer>;
  /** Calls recorded by the proxy (empty without `record`). */
  calls: RecordedCall[];
  client(options?: Partial<ClientOptions>): TelegramClient;
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that nobody listens on right now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function recordingProxy(target: string, calls: RecordedCall[], files: Map<string, Buffer>): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    // A file the bot downloads after getFile (the stand-in below): /file/bot<token>/documents/<id>.
    const download = /^\/file\/bot[^/]+\/documents\/(.+)$/.exec(req.url ?? '');
    if (download) {
      const file = files.get(decodeURIComponent(download[1]));
      res.writeHead(file ? 200 : 404).end(file);
      return;
    }
    const method = /\/bot[^/]+\/([A-Za-z]+)/.exec(req.url ?? '')?.[1] ?? '';
    if (method === 'getFile') {
      // The emulator lacks getFile: files the test registered in `files` are known by their id.
      const fileId = String((JSON.parse(body.toString('utf8') || '{}') as { file_id?: string }).file_id ?? '');
      const file = files.get(fileId);
      calls.push({ method, payload: { file_id: fileId }, status: file ? 200 : 400, at: Date.now() });
      const answer = file
        ? { ok: true, result: { file_id: fileId, file_unique_id: fileId, file_size: file.length, file_path: `documents/${fileId}` } }
        : { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' };
      res.writeHead(file ? 200 : 400, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      return;
    }
    if (method === 'sendPhoto') {
      const { call, answer } = standInSendPhoto(body, req.headers['content-type'] ?? '');
      calls.push({ ...call, at: Date.now() });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      return;
    }
    let payload: Record<string, unknown> = {};
    try {
      payload = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      // not JSON: record the method only
    }
    try {
      const answer = await fetch(`${target}${req.url}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: req.method === 'GET' ? undefined : body,
      });
      const text = await answer.text();
      if (method !== 'getUpdates') calls.push({ method, payload, status: answer.status, at: Date.now() });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Starts the emulator (and, with `record`, the recording proxy). */
export async function startEmulator(options: { record?: boolean } = {}): Promise<Emulator> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
  await server.start();
  const calls: RecordedCall[] = [];
  const files = new Map<string, Buffer>();
  const proxy = options.record ? await recordingProxy(server.config.apiURL, calls, files) : undefined;
  return {
    server,
    apiRoot: proxy?.url ?? server.config.apiURL,
    calls,
    files,
    client: (clientOptions) => server.getClient(TEST_TOKEN, { timeout: 10_000, ...clientOptions }),
    async stop() {
      if (proxy) {
        proxy.server.closeAllConnections();
        await new Promise((resolve) => proxy.server.close(resolve));
      }
      await server.stop();
    },
  };
}

/** Polls `check` every 10 ms until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
