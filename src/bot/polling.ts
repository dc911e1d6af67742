/**
 * The long-polling loop, in place of telegraf's: it hands each update to the per-chat
 * {@link Dispatcher} and fetches the next batch at once, instead of awaiting every handler of the
 * batch (telegraf's loop does, so one chat's slow reply stalled every user). Only when the
 * dispatcher is full does it wait for room.
 *
 * Failures of getUpdates itself are an outage: the first failure is logged once at warn, retries
 * back off (1 s doubling to 30 s, or `retry_after`), and the end of the outage is logged once with
 * the number of failed calls and its length. 401 and 409 end the loop (the token is rejected or
 * another process polls); main.ts reports them in one line.
 */
import { TelegramError, type Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../log.ts';
import type { CallApi } from '../telegram/api-retry.ts';
import { oneLine } from './guard.ts';
import type { Dispatcher } from './runner.ts';
import { checkUpdate } from './updates.ts';
import { sleep } from '../telegram/sleep.ts';

export interface PollingOptions {
  telegram: Telegram;
  dispatcher: Dispatcher;
  logger: Logger;
  signal: AbortSignal;
  /** Seconds Telegram may hold a getUpdates call open (default 30). */
  timeoutSeconds?: number;
  /** First retry delay after a failed getUpdates (default 1 000 ms); doubles up to 30 s. */
  baseDelayMs?: number;
  /** Called once the first getUpdates succeeded (the bot is receiving). */
  onFirstBatch?: () => void;
}

/** Logs ignored updates at most once a minute, with how many there were. */
export class IgnoredUpdates {
  private count = 0;
  private last = 0;
  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}
  note(reason: string, updateId?: number): void {
    this.count++;
    const now = Date.now();
    if (now - this.last < 60_000) return;
    this.logger.info({ update: updateId, reason, count: this.count }, this.what);
    this.last = now;
    this.count = 0;
  }
}

/**
 * Polls until `signal` aborts (resolves) or Telegram refuses for good (rejects with the
 * TelegramError: 401 or 409).
 */
export async function pollUpdates(options: PollingOptions): Promise<void> {
  const { telegram, dispatcher, logger, signal } = options;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const ignored = new IgnoredUpdates(logger, 'ignored an update of unexpected shape');
  let offset = 0;
  let failures = 0;
  let outageSince = 0;
  let first = true;
  while (!signal.aborted) {
    await dispatcher.room();
    if (signal.aborted) break;
    let batch: unknown;
    try {
      // telegraf types the signal as its abort-controller shim's; the standard one is what it uses.
      const callApi = telegram.callApi.bind(telegram) as unknown as CallApi;
      batch = await callApi('getUpdates', { timeout: options.timeoutSeconds ?? 30, offset }, { signal });
      if (!Array.isArray(batch)) throw new Error(`getUpdates answered ${typeof batch}, not a list of updates`);
    } catch (error) {
      if (signal.aborted || (error instanceof Error && error.name === 'AbortError')) break;
      if (error instanceof TelegramError && (error.code === 401 || error.code === 409)) throw error;
      failures++;
      if (failures === 1) {
        outageSince = Date.now();
        logger.warn({ error: oneLine(error) }, 'cannot fetch updates from Telegram; retrying until it answers');
      }
      const retryAfter = error instanceof TelegramError ? error.parameters?.retry_after : undefined;
      await sleep(retryAfter !== undefined ? retryAfter * 1000 : Math.min(30_000, baseDelayMs * 2 ** Math.min(failures - 1, 5)), signal);
      continue;
    }
    if (failures > 0) {
      logger.warn({ failures, seconds: Math.round((Date.now() - outageSince) / 100) / 10 }, 'fetching updates from Telegram works again');
      failures = 0;
    }
    if (first) {
      first = false;
      options.onFirstBatch?.();
    }
    for (const raw of batch as unknown[]) {
      const id = (raw as { update_id?: unknown } | null)?.update_id;
      // Confirm every update that has an id, even one we ignore: otherwise it comes back forever.
      if (typeof id === 'number' && Number.isSafeInteger(id) && id >= offset) offset = id + 1;
      const checked = checkUpdate(raw);
      if (!checked.ok) {
        ignored.note(checked.reason, checked.updateId);
        continue;
      }
      dispatcher.push(checked.update as Update, checked.key);
    }
  }
}
