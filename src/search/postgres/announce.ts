/**
 * Telling the other instances that an ingest changed the articles: PostgreSQL's LISTEN/NOTIFY.
 * The ingesting process NOTIFYs after its transactions committed; every instance holds one
 * connection of its own that LISTENs (a pooled connection would be handed to queries and lose
 * the subscription). When that connection drops it is opened again with a growing pause, and the
 * caller is told that announcements may have been missed meanwhile, so it re-reads anyway.
 */
import pg from 'pg';
import type { LogSink } from '../update.ts';
import type { IngestResult } from './ingest.ts';

/** The channel ingests are announced on. */
export const INGEST_CHANNEL = 'xiangwen_articles';

/** What one announcement says (a NOTIFY payload is at most 8 000 bytes: counts, never ids). */
export interface IngestAnnouncement {
  articles: number;
  added: number;
  removed: number;
  /** Which process ingested (a random id per opened engine), so it can skip its own. */
  from?: string;
  /** True when it stands for announcements missed while the listening connection was down. */
  missed?: boolean;
}

/** Announces a finished ingest on {@link INGEST_CHANNEL} (nothing when it changed nothing). */
export async function announceIngest(db: pg.Pool | pg.ClientBase, result: IngestResult, from: string): Promise<void> {
  if (result.mode === 'unchanged') return;
  const payload: IngestAnnouncement = { articles: result.articles, added: result.added.length, removed: result.removed.length, from };
  await db.query('SELECT pg_notify($1, $2)', [INGEST_CHANNEL, JSON.stringify(payload)]);
}

/** Reads a payload; anything odd (another program on the channel) still means "re-read". */
function parseAnnouncement(payload: string | undefined): IngestAnnouncement {
  try {
    const value = JSON.parse(payload ?? '') as Partial<IngestAnnouncement>;
    const count = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : 0);
    const from = typeof value.from === 'string' ? value.from : undefined;
    return { articles: count(value.articles), added: count(value.added), removed: count(value.removed), from };
  } catch {
    return { articles: 0, added: 0, removed: 0, missed: true };
  }
}

export interface ListenOptions {
  /** Called for each announcement, and once after each reconnection (`missed: true`). */
  onAnnouncement: (announcement: IngestAnnouncement) => void;
  logger: LogSink;
  /** Announcements from this id (the listener's own process) are not passed on. */
  ignoreFrom?: string;
  /** How often the connection is checked (default 30 000 ms); no answer within a third of it drops it. */
  heartbeatMs?: number;
  /** First pause before reconnecting (default 1 000 ms); doubles up to 30 s. */
  retryMs?: number;
}

/** A running listener. */
export interface IngestListener {
  /** Resolves once the listening connection is up (the first time, or again after a drop). */
  connected(): Promise<void>;
  stop(): Promise<void>;
}

/** How often the listening connection is checked: a dead network does not always close it. */
const HEARTBEAT_MS = 30_000;
/** Longest wait for the heartbeat's answer. */
const HEARTBEAT_TIMEOUT_MS = 10_000;

/**
 * The listening connection: opened by {@link listenForIngests}, reopened after a drop (an error,
 * the server closing it, or a heartbeat that got no answer in time).
 */
class Listener implements IngestListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private readonly firstPause: number;
  private pause: number;
  private lost = false;
  private isUp = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly heartbeatMs: number;
  private up!: Promise<void>;
  private markUp: () => void = () => {};

  constructor(
    private readonly url: string,
    private readonly options: ListenOptions,
  ) {
    this.firstPause = options.retryMs ?? 1000;
    this.pause = this.firstPause;
    this.heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
    this.waitForUp();
    void this.open();
    this.heartbeat = setInterval(() => {
      const client = this.client;
      client?.query('SELECT 1').catch((error: unknown) => this.dropped(error, client));
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  connected(): Promise<void> {
    return this.up;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    await this.release()?.catch(() => {});
  }

  private waitForUp(): void {
    this.up = new Promise<void>((resolve) => {
      this.markUp = resolve;
    });
  }

  /** Forgets the current connection and ends it; an error it emits afterwards is swallowed. */
  private release(): Promise<void> | undefined {
    const current = this.client;
    this.client = undefined;
    current?.removeAllListeners();
    current?.on('error', () => {});
    return current?.end();
  }

  /** `from` lost its connection; a connection already replaced is not dropped twice. */
  private dropped(error: unknown, from: pg.Client): void {
    if (from !== this.client) return;
    void this.release()?.catch(() => {});
    if (this.stopped) return;
    const reason = error instanceof Error ? error.message : String(error);
    if (!this.lost) this.options.logger.warn(`the connection that listens for new articles is down; reconnecting: ${reason}`);
    if (this.isUp) this.waitForUp();
    this.isUp = false;
    this.lost = true;
    this.timer = setTimeout(() => void this.open(), this.pause);
    this.timer.unref();
    this.pause = Math.min(30_000, this.pause * 2);
  }

  private async open(): Promise<void> {
    const next = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: 5000,
      query_timeout: Math.min(HEARTBEAT_TIMEOUT_MS, Math.ceil(this.heartbeatMs / 3)),
      keepAlive: true,
    });
    next.on('error', (error) => this.dropped(error, next));
    next.on('end', () => this.dropped(new Error('connection ended'), next));
    next.on('notification', (message) => {
      if (message.channel !== INGEST_CHANNEL) return;
      const announcement = parseAnnouncement(message.payload);
      if (announcement.from === undefined || announcement.from !== this.options.ignoreFrom) this.options.onAnnouncement(announcement);
    });
    this.client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${INGEST_CHANNEL}`);
    } catch (error) {
      this.dropped(error, next);
      return;
    }
    if (this.stopped) return void next.end().catch(() => {});
    this.pause = this.firstPause;
    this.isUp = true;
    if (this.lost) {
      this.lost = false;
      this.options.logger.info('listening for new articles again');
      this.options.onAnnouncement({ articles: 0, added: 0, removed: 0, missed: true });
    }
    this.markUp();
  }
}

/** Listens for ingest announcements on a connection of its own, reconnecting when it drops. */
export function listenForIngests(url: string, options: ListenOptions): IngestListener {
  return new Listener(url, options);
}
