/**
 * Bot latency: the time from a user's message reaching the Bot API emulator to the bot's reply
 * arriving there, p50/p99 over N sequential queries, for the real bot (startBot on the seeds) and
 * for a bare telegraf echo bot on the same emulator; their ratio is the cost of our handlers.
 * Run alone with `node bin/run-ts.mjs bench/bot-latency.ts [--queries N]`, or through `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Telegraf } from 'telegraf';
import { startBot } from '../src/app/start.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { startEmulator, TEST_TOKEN, type Emulator } from '../test/support/emulator.ts';
import { allArticles } from '../test/support/all-articles.ts';

const SEEDS = join(import.meta.dirname, '../seeds');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Sends each text as a private message and times emulator arrival → bot reply arrival. */
async function timeReplies(emu: Emulator, token: string, texts: string[]): Promise<number[]> {
  const client = emu.server.getClient(token, { userId: 42, chatId: 42 });
  const times: number[] = [];
  for (const text of texts) {
    let arrived = 0;
    const onUser = () => (arrived = performance.now());
    emu.server.once('AddedUserMessage', onUser);
    const replied = new Promise<number>((resolve) => emu.server.once('AddedBotMessage', () => resolve(performance.now())));
    await client.sendMessage(client.makeMessage(text));
    const at = await replied;
    times.push(at - arrived);
  }
  return times.sort((a, b) => a - b);
}

/** Runs the benchmark; figures in milliseconds. */
export async function benchBotLatency(options: { queries?: number } = {}): Promise<Record<string, number | string>> {
  const queries = options.queries ?? 200;
  const emu = await startEmulator();
  const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-bench-'));
  try {
    const config = loadConfig({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emu.apiRoot,
      DATA_DIR: dataDir,
      PAGES_DIR: SEEDS,
      LOG_LEVEL: 'silent',
      USER_QUERIES_PER_MINUTE: '10000',
    });
    const running = await startBot(config, { logger: createLogger('silent') });
    // Real queries: the articles' own keywords, in turn.
    const words = [...new Set((await allArticles(running.index)).flatMap((article) => article.keywords.slice(0, 3)))];
    const texts = Array.from({ length: queries }, (_, i) => words[i % words.length]);
    await timeReplies(emu, TEST_TOKEN, texts.slice(0, 10)); // warm-up: jieba, JIT
    const bot = await timeReplies(emu, TEST_TOKEN, texts);
    await running.stop();

    const echoToken = '987654321:ECHO_token';
    const echo = new Telegraf(echoToken, { telegram: { apiRoot: emu.apiRoot } });
    echo.on('text', (ctx) => ctx.reply(ctx.message.text));
    void echo.launch();
    await timeReplies(emu, echoToken, texts.slice(0, 10));
    const bare = await timeReplies(emu, echoToken, texts);
    echo.stop('bench done');

    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      queries,
      'bot p50 ms': round(percentile(bot, 50)),
      'bot p99 ms': round(percentile(bot, 99)),
      'echo p50 ms': round(percentile(bare, 50)),
      'echo p99 ms': round(percentile(bare, 99)),
      'ratio p50': round(percentile(bot, 50) / percentile(bare, 50)),
      'ratio p99': round(percentile(bot, 99) / percentile(bare, 99)),
    };
  } finally {
    await emu.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/bot-latency.ts')) {
  const { values } = parseArgs({ options: { queries: { type: 'string', default: '200' } }, strict: false });
  console.log(JSON.stringify(await benchBotLatency({ queries: Number(values.queries) })));
  process.exit(0);
}
