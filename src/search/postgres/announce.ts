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
  /** First pause before reconnecting (default 1 000 ms); doubles up to 30 s. */
  retryMs?: number;
}

/** A running listener. */
export interface IngestListener {
  /** Resolves once the listening connection is up (the first time, or again after a drop). */
  connected(): Promise<void>;
  stop(): Promise<void>;
}

/** Listens for ingest announcements on a connection of its own, reconnecting when it drops. */
export function listenForIngests(url: string, options: ListenOptions): IngestListener {
  const { logger } = options;
  const firstPause = options.retryMs ?? 1000;
  let client: pg.Client | undefined;
  let stopped = false;
  let pause = firstPause;
  let lost = false;
  let isUp = false;
  let timer: NodeJS.Timeout | undefined;
  let up: Promise<void> = Promise.resolve();
  let markUp: () => void = () => {};
  const waitForUp = () => {
    up = new Promise<void>((resolve) => {
      markUp = resolve;
    });
  };

  const dropped = (error: unknown) => {
    const current = client;
    client = undefined;
    current?.removeAllListeners();
    // An error emitted after removeAllListeners would otherwise be uncaught.
    current?.on('error', () => {});
    void current?.end().catch(() => {});
    if (stopped) return;
    if (!lost) logger.warn(`the connection that listens for new articles is down; reconnecting: ${(error as Error)?.message ?? error}`);
    if (isUp) waitForUp();
    isUp = false;
    lost = true;
    timer = setTimeout(open, pause);
    timer.unref();
    pause = Math.min(30_000, pause * 2);
  };

  const open = async () => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
    next.on('error', dropped);
    next.on('end', () => dropped(new Error('connection ended')));
    next.on('notification', (message) => {
      if (message.channel !== INGEST_CHANNEL) return;
      const announcement = parseAnnouncement(message.payload);
      if (announcement.from === undefined || announcement.from !== options.ignoreFrom) options.onAnnouncement(announcement);
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${INGEST_CHANNEL}`);
    } catch (error) {
      if (client === next) dropped(error);
      return;
    }
    if (stopped) return void next.end().catch(() => {});
    pause = firstPause;
    isUp = true;
    if (lost) {
      lost = false;
      logger.info('listening for new articles again');
      options.onAnnouncement({ articles: 0, added: 0, removed: 0, missed: true });
    }
    markUp();
  };

  waitForUp();
  void open();
  return {
    connected: () => up,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const current = client;
      client = undefined;
      current?.removeAllListeners();
      current?.on('error', () => {});
      await current?.end().catch(() => {});
    },
  };
}
