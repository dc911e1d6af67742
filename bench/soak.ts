/**
 * Soak under a 429 storm: `npm start` (bin/main.mjs, a child process, so its memory is its own)
 * against the Bot API emulator behind the fault proxy. N healthy users (default 100) each send a
 * search, wait for the answer, and send the next, for S seconds (default 60) — once in a quiet run,
 * once while one more chat floods the bot and every send to it answers 429 retry_after 5. Reports
 * the healthy users' reply latency (user message reaching the emulator → the bot's reply reaching
 * it) p50/p99 in both runs, their ratio, and the bot's resident memory (peak sampled VmRSS, VmHWM).
 *
 * Run alone: `node bin/run-ts.mjs bench/soak.ts [--users N] [--seconds S]`, or through
 * `npm run bench` (`--soak-users`, `--soak-seconds`, `--skip-soak`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startEmulator, TEST_TOKEN, type Emulator } from '../test/support/emulator.ts';
import { startFaultProxy, type FaultProxy } from '../test/support/fault-proxy.ts';
import { collectArticles } from '../src/search/open.ts';

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'seeds');
const STORM_CHAT = 99_999;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, hwmMb: NaN };
  }
}

/** Routes the emulator's "bot sent a message" events to whoever waits for that chat. */
export function replyWaiter(emu: Emulator) {
  const waiting = new Map<number, () => void>();
  emu.server.on('AddedBotMessage', () => {
    const last = emu.server.storage.botMessages.at(-1);
    const chat = Number((last?.message as { chat_id?: unknown } | undefined)?.chat_id);
    const wake = waiting.get(chat);
    if (wake) {
      waiting.delete(chat);
      wake();
    }
  });
  return (chat: number) => new Promise<void>((resolve) => waiting.set(chat, resolve));
}

async function startBotProcess(apiRoot: string, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/main.mjs')], {
    env: {
      ...process.env,
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      DATA_DIR: dataDir,
      PAGES_DIR: SEEDS,
      LOG_LEVEL: 'warn',
      USER_QUERIES_PER_MINUTE: '10000',
      PAGES_RESCAN_MINUTES: '0',
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return child;
}

/** One closed-loop run of `users` users for `seconds`; returns the sorted reply times in ms. */
async function run(emu: Emulator, words: string[], users: number, seconds: number, storm: boolean): Promise<number[]> {
  const wait = replyWaiter(emu);
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  let stop = false;
  const stormer = storm
    ? (async () => {
        const client = emu.server.getClient(TEST_TOKEN, { userId: STORM_CHAT, chatId: STORM_CHAT });
        let i = 0;
        while (!stop) {
          await client.sendMessage(client.makeMessage(words[i++ % words.length]));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })()
    : Promise.resolve();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const chat = 10_000 + u;
      const client = emu.server.getClient(TEST_TOKEN, { userId: chat, chatId: chat });
      let i = u;
      while (performance.now() < end) {
        const replied = wait(chat);
        const sent = performance.now();
        await client.sendMessage(client.makeMessage(words[i++ % words.length]));
        // A reply lost would hang this user: give up on it after 30 s and count that.
        const outcome = await Promise.race([replied.then(() => 'ok'), new Promise((resolve) => setTimeout(() => resolve('lost'), 30_000))]);
        times.push(outcome === 'ok' ? performance.now() - sent : 30_000);
      }
    }),
  );
  stop = true;
  await stormer;
  return times.sort((a, b) => a - b);
}

export async function benchSoak(options: { users?: number; seconds?: number } = {}): Promise<Record<string, number | string>> {
  const users = options.users ?? 100;
  const seconds = options.seconds ?? 60;
  const emu = await startEmulator();
  const proxy: FaultProxy = await startFaultProxy(emu.server.config.apiURL);
  const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-soak-'));
  const words = [...new Set(collectArticles(SEEDS).flatMap((a) => a.keywords.slice(0, 3)))];
  const child = await startBotProcess(proxy.url, dataDir);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryOf(child.pid!).rssMb || 0)), 1000);
  try {
    // Ready when it answers; then warm up jieba and the JIT.
    await run(emu, words, 1, 1, false);
    await run(emu, words, 10, 5, false);
    const quiet = await run(emu, words, users, seconds, false);
    proxy.rules.push({ method: 'sendMessage', chatIds: [STORM_CHAT], fault: { kind: '429', retryAfter: 5 } });
    const stormy = await run(emu, words, users, seconds, true);
    const round = (n: number) => Math.round(n * 10) / 10;
    const memory = memoryOf(child.pid!);
    return {
      users,
      seconds,
      'quiet replies': quiet.length,
      'quiet p50 ms': round(percentile(quiet, 50)),
      'quiet p99 ms': round(percentile(quiet, 99)),
      'storm replies': stormy.length,
      'storm p50 ms': round(percentile(stormy, 50)),
      'storm p99 ms': round(percentile(stormy, 99)),
      'p99 storm/quiet': round(percentile(stormy, 99) / percentile(quiet, 99)),
      'storm 429s': proxy.calls.filter((c) => c.fault === '429').length,
      'bot peak RSS MB': round(peakRss),
      'bot VmHWM MB': round(memory.hwmMb),
    };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await proxy.close();
    await emu.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench/soak.ts')) {
  const { values } = parseArgs({
    options: { users: { type: 'string', default: '100' }, seconds: { type: 'string', default: '60' } },
    strict: false,
  });
  console.log(JSON.stringify(await benchSoak({ users: Number(values.users), seconds: Number(values.seconds) })));
  process.exit(0);
}
