/**
 * A small HTTP proxy in front of a Bot API root (the telegram-test-api emulator) that injects the
 * failures real Telegram produces, by rule: 429 with `retry_after`, 403, 500, a migrated group,
 * a dropped connection before the request reaches Telegram, a dropped connection after Telegram
 * accepted it (the response is lost), or a request held forever (for crash tests).
 * Every request is logged with the fault it got, so tests can count what reached the emulator.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A failure to inject. */
export type Fault =
  | { kind: '429'; retryAfter: number }
  | { kind: '403' }
  | { kind: '500' }
  | { kind: 'migrate'; to: number }
  /** Connection closed before forwarding: Telegram never saw the request. */
  | { kind: 'drop' }
  /** Forwarded (Telegram accepted it), then the connection closed: the response is lost. */
  | { kind: 'drop-after-forward' }
  /** Never answered, never forwarded. */
  | { kind: 'hold' }
  /** Forwarded, then the response is never sent. */
  | { kind: 'hold-after-forward' }
  /** Answered here with `{ ok: true, result }`: stands in for a method the emulator lacks (getChatMember). */
  | { kind: 'answer'; result: unknown };

/** When a rule applies. All given conditions must hold. */
export interface FaultRule {
  fault: Fault;
  /** Bot API method (default: any). */
  method?: string;
  /** Only requests to these chat ids. */
  chatIds?: number[];
  /** Only requests about these user ids (`user_id`, e.g. getChatMember). */
  userIds?: number[];
  /** Every Nth request matching the other conditions (1 = each). Default 1. */
  every?: number;
  /** Apply at most this many times. */
  times?: number;
}

/** One proxied request. */
export interface ProxyCall {
  method: string;
  chatId?: number;
  /** The fault injected, if any. */
  fault?: Fault['kind'];
  /** When the request arrived (performance.now()). */
  at: number;
  /** The request body, when it was JSON. */
  payload?: Record<string, unknown>;
}

/** A running proxy. */
export interface FaultProxy {
  /** Use as TELEGRAM_API_ROOT / telegraf's `apiRoot`. */
  url: string;
  rules: FaultRule[];
  calls: ProxyCall[];
  /** Called for each request, after the fault was decided. */
  onCall?: (call: ProxyCall) => void;
  close(): Promise<void>;
}

interface RuleState {
  seen: number;
  applied: number;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A numeric field of the request body (`chat_id`, `user_id`), JSON or form-encoded. */
function parseNumber(body: Buffer, contentType: string | undefined, field: string): number | undefined {
  const text = body.toString('utf8');
  try {
    if (contentType?.includes('json')) {
      const value = (JSON.parse(text) as Record<string, unknown>)[field];
      return value === undefined ? undefined : Number(value);
    }
    const value = new URLSearchParams(text).get(field);
    return value === null ? undefined : Number(value);
  } catch {
    return undefined;
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the proxy on 127.0.0.1 (a free port) forwarding to `target`, e.g. `http://127.0.0.1:9000`. */
export async function startFaultProxy(target: string, rules: FaultRule[] = []): Promise<FaultProxy> {
  const upstream = new URL(target);
  const states = new WeakMap<FaultRule, RuleState>();
  const held: ServerResponse[] = [];

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (res) => {
          readBody(res).then((data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }), reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const choose = (method: string, chatId: number | undefined, userId: number | undefined): Fault | undefined => {
    for (const rule of proxy.rules) {
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.chatIds !== undefined && (chatId === undefined || !rule.chatIds.includes(chatId))) continue;
      if (rule.userIds !== undefined && (userId === undefined || !rule.userIds.includes(userId))) continue;
      let state = states.get(rule);
      if (state === undefined) {
        state = { seen: 0, applied: 0 };
        states.set(rule, state);
      }
      if (rule.times !== undefined && state.applied >= rule.times) continue;
      state.seen++;
      if (state.seen % (rule.every ?? 1) !== 0) continue;
      state.applied++;
      return rule.fault;
    }
    return undefined;
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const method = /\/bot[^/]+\/([A-Za-z]+)/.exec(req.url ?? '')?.[1] ?? '';
      const chatId = parseNumber(body, req.headers['content-type'], 'chat_id');
      const fault = choose(method, chatId, parseNumber(body, req.headers['content-type'], 'user_id'));
      let payload: Record<string, unknown> | undefined;
      try {
        payload = req.headers['content-type']?.includes('json')
          ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>)
          : undefined;
      } catch {
        payload = undefined;
      }
      const call: ProxyCall = { method, chatId, fault: fault?.kind, at: performance.now(), payload };
      proxy.calls.push(call);
      proxy.onCall?.(call);
      switch (fault?.kind) {
        case '429':
          return reply(res, 429, {
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${fault.retryAfter}`,
            parameters: { retry_after: fault.retryAfter },
          });
        case '403':
          return reply(res, 403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
        case '500':
          return reply(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
        case 'migrate':
          return reply(res, 400, {
            ok: false,
            error_code: 400,
            description: 'Bad Request: group chat was upgraded to a supergroup chat',
            parameters: { migrate_to_chat_id: fault.to },
          });
        case 'answer':
          return reply(res, 200, { ok: true, result: fault.result });
        case 'drop':
          return req.socket.destroy();
        case 'hold':
          held.push(res);
          return;
      }
      const answer = await forward(req, body);
      if (fault?.kind === 'drop-after-forward') return req.socket.destroy();
      if (fault?.kind === 'hold-after-forward') {
        held.push(res);
        return;
      }
      res.writeHead(answer.status, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
      res.end(answer.body);
    })().catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    rules,
    calls: [],
    async close() {
      for (const res of held) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
