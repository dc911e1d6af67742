/**
 * The sending process of the crash test (test/digest/crash.test.ts): one digest run against the
 * Bot API root in argv[3], with the bot database in the folder argv[2] and the real index of the
 * pages in argv[4] (snapshot under argv[5], built by the test); prints the counts as JSON.
 * The test SIGKILLs it mid-run and starts it again.
 */
import { join } from 'node:path';
import { Telegram } from 'telegraf';
import type { CallApi } from '../../src/telegram/api-retry.ts';
import { openDatabase } from '../../src/digest/db.ts';
import { runDueDigests } from '../../src/digest/run.ts';
import { createDigestSender } from '../../src/digest/sender.ts';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.ts';
import { gazetteerLookup } from '../../src/regions/region-lookup.ts';
import { createLogger } from '../../src/log.ts';
import { openIndex } from '../../src/search/open.ts';
import { CRASH_LEASE_MS, CRASH_NOW, MESSAGE_LIMIT, TEST_TOKEN } from './fixture.ts';
import Database from 'better-sqlite3';
import { PostgresDigestStore } from '../../src/digest/postgres/store.ts';
import type { DigestStore } from '../../src/digest/store.ts';
import { FirstSeenLedger } from '../../src/search/first-seen.ts';

const [dataDir, apiRoot, pagesDir, indexDataDir, stateUrl] = process.argv.slice(2);
const logger = createLogger('silent');
/** The state: bot.db in argv[2], or the PostgreSQL database of argv[6] (another instance each start). */
async function openState(): Promise<{ store: DigestStore; firstSeen: FirstSeenLedger; seenAt?: number }> {
  if (stateUrl === undefined) {
    const sqlite = new SqliteDigestStore(openDatabase(join(dataDir, 'bot.db')));
    return { store: sqlite, firstSeen: sqlite.firstSeen };
  }
  // The SQLite engine's own ledger, the seed articles first seen the day before, as the test's bot.db has them.
  const ledger = new FirstSeenLedger(new Database(':memory:'));
  return {
    store: await PostgresDigestStore.connect(stateUrl, { leaseMs: CRASH_LEASE_MS }),
    firstSeen: ledger,
    seenAt: CRASH_NOW - 86_400_000,
  };
}
const { store, firstSeen, seenAt } = await openState();
const index = await openIndex({ pagesDir, dataDir: indexDataDir }, { firstSeen, ...(seenAt === undefined ? {} : { now: seenAt }) });
const regions = gazetteerLookup();
const telegram = new Telegram(TEST_TOKEN, { apiRoot });
const send = createDigestSender({
  callApi: telegram.callApi.bind(telegram) as unknown as CallApi,
  store,
  logger,
  limits: { perSecond: 100, perChatPerMinute: 3000 },
  retry: { baseDelayMs: 20, maxDelayMs: 100 },
});
process.stdout.write('started\n');
const counts = await runDueDigests({
  sources: { index, expandRegion: (name) => regions.withDescendants(name) },
  store,
  send,
  now: CRASH_NOW,
  timeZone: 'Asia/Shanghai',
  ignoreTime: true,
  messageLimit: MESSAGE_LIMIT,
  logger,
});
await await store.close();
await index.close();
process.stdout.write(`${JSON.stringify(counts)}\n`);
