/**
 * A TCP gate in front of the test PostgreSQL server: the bot connects to the gate, the gate
 * forwards to the server (its Unix socket or its host and port). `shut()` drops every connection
 * and refuses new ones, as a server that went away; `open()` lets them through again; `freeze()`
 * stops carrying bytes on the connections open now without closing them, as a network that died
 * silently (new connections still pass). Works the
 * same on a throwaway server and on one named by DATABASE_URL, which a test cannot restart.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

export interface TcpGate {
  /** The database URL through the gate. */
  url: string;
  shut(): Promise<void>;
  freeze(): void;
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Where the server of `url` listens, and `url` rewritten to go through 127.0.0.1:`port`. */
function route(url: string, port: number): { target: { path: string } | { host: string; port: number }; url: string } {
  const match = /^([a-z]+:\/\/)([^@/?]*@)?([^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(url);
  if (!match) throw new Error('not a postgres:// URL');
  const [, scheme, user = '', authority, path = '/', query = ''] = match;
  const params = new URLSearchParams(query);
  const socketDir = params.get('host');
  params.delete('host');
  const rest = params.size > 0 ? `?${params}` : '';
  const through = `${scheme}${user}127.0.0.1:${port}${path}${rest}`;
  if (socketDir) return { target: { path: join(socketDir, `.s.PGSQL.${params.get('port') ?? 5432}`) }, url: through };
  const [host, serverPort = '5432'] = authority.split(/:(?=\d+$)/);
  return { target: { host: host || '127.0.0.1', port: Number(serverPort) }, url: through };
}

/** Starts a gate in front of the server of `url` on a free port. */
export async function startTcpGate(url: string): Promise<TcpGate> {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let target: ReturnType<typeof route>['target'] | undefined;
  const server: Server = createServer((client) => {
    if (!target) return client.destroy();
    const upstream = connect(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.on('close', () => pairs.delete(pair));
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const routed = route(url, port);
  target = routed.target;
  const shut = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    url: routed.url,
    shut,
    freeze() {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
      pairs.clear();
    },
    async open() {
      if (!server.listening) await listen(port);
    },
    close: shut,
  };
}
