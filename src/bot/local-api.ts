/**
 * A tiny Bot API server on 127.0.0.1 whose answers come from a function. Console mode points the
 * real bot at it and prints what the bot sends; tests record the calls. Requests are
 * `POST /bot<token>/<method>` with a JSON body (telegraf sends no uploads here); a handler answers
 * with a result, or throws an {@link ApiFailure} to answer `{ ok: false, … }`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from './multipart.ts';

/** Thrown by a handler to make the server answer a Bot API error. */
export class ApiFailure extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(`${errorCode}: ${description}`);
  }
}

/** Answers one Bot API call. */
/** `file`: the bytes of an upload (sendPhoto), when the call carried one. */
export type ApiHandler = (method: string, payload: Record<string, unknown>, file?: Buffer) => unknown;

export interface LocalApi {
  /** The API root to give telegraf (`telegram.apiRoot`). */
  url: string;
  close(): Promise<void>;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startLocalApi(handler: ApiHandler): Promise<LocalApi> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = /^\/bot[^/]+\/([A-Za-z]+)/.exec(req.url ?? '')?.[1] ?? '';
    let payload: Record<string, unknown> = {};
    let file: Buffer | undefined;
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      // An upload (a trend chart): its fields, and the file itself.
      const form = parseMultipart(Buffer.concat(chunks), contentType);
      payload = form.fields;
      file = form.file;
    } else {
      try {
        const body = Buffer.concat(chunks).toString('utf8');
        payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      } catch {
        payload = {};
      }
    }
    let answer: unknown;
    try {
      answer = { ok: true, result: (await handler(method, payload, file)) ?? true };
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(500, String(error));
      res.statusCode = failure.errorCode;
      answer = { ok: false, error_code: failure.errorCode, description: failure.description, parameters: failure.parameters };
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
