import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/bot/rate-limit.ts';

describe('RateLimiter', () => {
  it('allows N queries per minute per user, then refuses with one notice per window', () => {
    const limiter = new RateLimiter(3);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) expect(limiter.take(1, t0 + i).allowed).toBe(true);
    const first = limiter.take(1, t0 + 10);
    expect(first).toEqual({ allowed: false, retryAfterSeconds: 60, notify: true });
    expect(limiter.take(1, t0 + 20)).toMatchObject({ allowed: false, notify: false });
    expect(limiter.take(2, t0 + 20).allowed).toBe(true); // another user is unaffected
    expect(limiter.take(1, t0 + 60_001).allowed).toBe(true); // the oldest query left the window
  });
});
