/**
 * The webhook server, in place of telegraf's: plain node:http, so that
 * - a port already in use is a {@link PortInUseError} (one line at start-up), not an uncaught
 *   `EADDRINUSE` emitted by a server nobody listens to;
 * - every body is checked (./updates.ts) before a handler sees it: `{}`, `null`, `[]`, `42`, a
 *   body that is not JSON or too large is refused with 400/413; an update of an unknown or broken
 *   shape with a usable `update_id` is acknowledged (200) and ignored, so Telegram does not send it
 *   again and again;
 * - the answer goes out at once and the update is handled afterwards by the per-chat dispatcher,
 *   so a slow reply to one chat never holds Telegram's delivery to the others;
 * - refused requests (wrong path, method or secret token, bad bodies) are counted and logged at
 *   most once a minute with the count.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import type { Logger } from '../log.ts';
import { IgnoredUpdates } from './polling.ts';
import type { Dispatcher } from './runner.ts';
import { checkUpdate } from './updates.ts';

/** Telegram's updates are far below this; anything larger is not an update. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The webhook port is taken by another process. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use: stop the other process or set PORT to a free port`);
    this.name = 'PortInUseError';
  }
}

export interface WebhookServerOptions {
  port: number;
  host?: string;
  /** The request path Telegram posts to. */
  path: string;
  secretToken: string;
  dispatcher: Dispatcher;
  logger: Logger;
}

export interface WebhookServer {
  /** The port actually listened on. */
  port: number;
  /** Requests refused so far (wrong path, method, secret; bodies that are no update). */
  readonly refused: number;
  close(): Promise<void>;
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Starts listening; rejects with PortInUseError when the port is taken. */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { dispatcher, logger } = options;
  let refused = 0;
  let refusedSinceLog = 0;
  let lastLog = 0;
  const ignored = new IgnoredUpdates(logger, 'ignored a webhook update of unexpected shape');

  const refuse = (res: ServerResponse, status: number, why: string) => {
    refused++;
    refusedSinceLog++;
    const now = Date.now();
    if (now - lastLog >= 60_000) {
      logger.warn({ status, why, refused: refusedSinceLog, total: refused }, 'refused webhook requests');
      lastLog = now;
      refusedSinceLog = 0;
    }
    if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain' });
    res.end();
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== options.path) return refuse(res, 404, 'unknown path');
    if (req.method !== 'POST') return refuse(res, 405, 'not a POST');
    if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], options.secretToken)) return refuse(res, 403, 'wrong secret token');
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        refuse(res, 413, 'body too large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (tooLarge) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return refuse(res, 400, 'not JSON');
      }
      const checked = checkUpdate(body);
      if (!checked.ok) {
        if (checked.updateId === undefined) return refuse(res, 400, `not an update (${checked.reason})`);
        ignored.note(checked.reason, checked.updateId);
        res.writeHead(200).end();
        return;
      }
      // Acknowledged before it is handled: Telegram waits for nobody's reply to be sent.
      dispatcher.push(checked.update as Update, checked.key);
      res.writeHead(200).end();
    });
  };

  const server: Server = createServer(onRequest);
  // A broken client connection must never become an uncaught error.
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port, options.host);
  });
  server.on('error', (error) => logger.error({ error: error.message }, 'webhook server error'));
  return {
    port: (server.address() as AddressInfo).port,
    get refused() {
      return refused;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
