/** Waiting that a shutdown cuts short. */
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Resolves after `ms` with true, or as soon as `signal` aborts with false (it never rejects: an
 * abort only wakes the caller early, who then gives up).
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return false;
  try {
    await delay(ms, undefined, signal ? { signal } : undefined);
    return true;
  } catch {
    return false;
  }
}
