import { defineConfig } from 'vitest/config';

// DATABASE_URL names the server the PostgreSQL tests make their databases on (test/support/postgres.ts).
// The bot reads the same variable to choose its engine, so it is moved out of the way of every
// other suite and of the processes they start; suites that want PostgreSQL set it themselves.
if (process.env.DATABASE_URL) {
  process.env.XIANGWEN_TEST_DATABASE_URL ??= process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // nodejieba loads its dictionaries once per worker (~1.4 s, ~280 MB): few workers, long timeouts.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
