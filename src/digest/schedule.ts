/**
 * When digests go out while the bot runs: one croner job per distinct subscription time (`HH:MM`
 * in DIGEST_TZ) fires {@link runDueDigests} at that minute, plus a catch-up run at start-up and
 * every 15 minutes, which serves digests whose time passed while the bot was down and resumes any
 * left unfinished. Runs never overlap; a run serves only what is due and not yet served, so extra
 * runs are harmless.
 */
import { Cron } from 'croner';
import { cronOf } from './when.ts';
import type { Logger } from '../log.ts';
import type { DigestSources } from './compose.ts';
import { runDueDigests, type RunCounts } from './run.ts';
import type { SendMessage } from './sender.ts';
import type { DigestStore } from './store.ts';

/** Options of {@link startDigestSchedule}. */
export interface DigestScheduleOptions {
  store: DigestStore;
  sources: DigestSources;
  send: SendMessage;
  /** DIGEST_TZ. */
  timeZone: string;
  logger: Logger;
  /** Catch-up pattern (default every 15 minutes). */
  catchUp?: string;
  /** Run the catch-up once at start (default true). */
  runAtStart?: boolean;
}

/** A running schedule. */
export interface DigestSchedule {
  /** Re-reads the subscription times (call after a subscription changed); resolves once the jobs match them. Never rejects (a failure is logged). */
  sync(): Promise<void>;
  /** Runs due digests now (waits for a run in progress first). */
  runNow(): Promise<RunCounts>;
  /** The times that have a job, sorted. */
  readonly times: string[];
  /** Stops every job and cuts a run in progress short between messages (what it did not send stays in flight for the next start); waits for it. */
  stop(): Promise<void>;
}

/** Starts the digest jobs. */
export function startDigestSchedule(options: DigestScheduleOptions): DigestSchedule {
  const { store, timeZone, logger } = options;
  const jobs = new Map<string, Cron>();
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const abort = new AbortController();

  // Runs are chained one after another: a job firing during a run waits its turn.
  const run = (why: string): Promise<RunCounts> => {
    const next = chain.then(async () => {
      if (abort.signal.aborted) return { served: 0, failed: 0, skipped: 0 };
      const counts = await runDueDigests({
        store,
        sources: options.sources,
        send: options.send,
        now: Date.now(),
        timeZone,
        logger,
        signal: abort.signal,
      });
      if (counts.served + counts.failed > 0) logger.info({ why, ...counts }, 'digests sent');
      return counts;
    });
    chain = next.catch((error: unknown) => logger.error({ err: error }, 'digest run failed'));
    return next;
  };

  const sync = () => syncJobs().catch((error: unknown) => logger.error({ err: error }, 'reading the digest times failed'));
  const syncJobs = async () => {
    if (stopped) return;
    const wanted = new Set((await store.targets()).map((target) => target.time));
    if (stopped) return;
    for (const [time, job] of jobs) {
      if (!wanted.has(time)) {
        job.stop();
        jobs.delete(time);
      }
    }
    for (const time of wanted) {
      if (jobs.has(time)) continue;
      const pattern = cronOf(time);
      if (pattern === undefined) continue;
      // Unnamed: croner's job names are global to the process, and two schedules (two bots in one
      // test process) would collide on them.
      jobs.set(time, new Cron(pattern, { timezone: timeZone }, () => void run(`time ${time}`)));
    }
  };

  const catchUp = new Cron(options.catchUp ?? '*/15 * * * *', { timezone: timeZone }, () => {
    void sync();
    void run('catch-up');
  });
  void sync();
  if (options.runAtStart !== false) void run('start-up');

  return {
    sync,
    runNow: () => run('manual'),
    get times() {
      return [...jobs.keys()].sort();
    },
    async stop() {
      stopped = true;
      abort.abort();
      catchUp.stop();
      for (const job of jobs.values()) job.stop();
      jobs.clear();
      await chain;
    },
  };
}
