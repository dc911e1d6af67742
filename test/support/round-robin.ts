/**
 * A round-robin HTTP proxy, as a load balancer in front of several bot instances in webhook mode:
 * each request goes to the next target in turn, with its method, path, headers and body; the
 * target's answer goes back unchanged. It records which target got which request, so a test can
 * see that every instance served some updates.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One forwarded request. */
export interface Forwarded {
  /** Index of the target that got it. */
  target: number;
  /** The Telegram update id of the body, when it has one. */
  updateId?: number;
  status: number;
}

export interface RoundRobin {
  url: string;
  forwarded: Forwarded[];
  close(): Promise<void>;
}

/** Headers that belong to one connection, not to the request (fetch sets its own). */
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function updateIdOf(body: Buffer): number | undefined {
  try {
    const id = (JSON.parse(body.toString('utf8')) as { update_id?: unknown }).update_id;
    return typeof id === 'number' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the proxy on 127.0.0.1 in front of `targets` (base URLs such as `http://127.0.0.1:8443`). */
export async function startRoundRobin(targets: string[]): Promise<RoundRobin> {
  const forwarded: Forwarded[] = [];
  let next = 0;
  const server = createServer(async (req, res) => {
    const target = next;
    next = (next + 1) % targets.length;
    const body = await bodyOf(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !HOP_BY_HOP.has(entry[0])),
    );
    try {
      const answer = await fetch(`${targets[target]}${req.url}`, {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body),
      });
      forwarded.push({ target, updateId: updateIdOf(body), status: answer.status });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      // The instance is down: a load balancer answers 502 (Telegram would post the update again).
      forwarded.push({ target, updateId: updateIdOf(body), status: 502 });
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
