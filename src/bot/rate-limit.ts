/**
 * Per-user query limit: at most N queries in any sliding window of one minute. A refused user gets
 * one polite message per window (later refusals in the same window stay silent, so a flood does not
 * make the bot flood back).
 */

/** The verdict on one query. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; notify: boolean };

export class RateLimiter {
  private readonly recent = new Map<number, number[]>();
  private readonly notified = new Map<number, number>();
  private calls = 0;

  /**
   * @param perWindow queries allowed per user in one window (`USER_QUERIES_PER_MINUTE`)
   * @param windowMs  window length, one minute unless a test needs otherwise
   */
  constructor(
    readonly perWindow: number,
    private readonly windowMs: number = 60_000,
  ) {}

  /** Counts a query by `userId` at `now` and says whether to serve it. */
  take(userId: number, now: number = Date.now()): RateVerdict {
    if (++this.calls % 1000 === 0) this.sweep(now);
    const since = now - this.windowMs;
    const stamps = (this.recent.get(userId) ?? []).filter((t) => t > since);
    if (stamps.length < this.perWindow) {
      stamps.push(now);
      this.recent.set(userId, stamps);
      return { allowed: true };
    }
    this.recent.set(userId, stamps);
    const retryAfterSeconds = Math.max(1, Math.ceil((stamps[0] + this.windowMs - now) / 1000));
    const lastNotice = this.notified.get(userId);
    const notify = lastNotice === undefined || lastNotice <= since;
    if (notify) this.notified.set(userId, now);
    return { allowed: false, retryAfterSeconds, notify };
  }

  /** Forgets users idle for a whole window, so the maps do not grow without bound. */
  private sweep(now: number): void {
    const since = now - this.windowMs;
    for (const [user, stamps] of this.recent) if (stamps[stamps.length - 1] <= since) this.recent.delete(user);
    for (const [user, at] of this.notified) if (at <= since) this.notified.delete(user);
  }
}
