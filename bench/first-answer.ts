/**
 * Process start → first answered query: the real bot (`npm start`, bin/main.mjs) spawned on an
 * existing snapshot against the Bot API emulator, with a user's search already waiting; the time
 * from the spawn to the bot's reply reaching the emulator. Run with jieba's dictionaries loading
 * on a worker beside the snapshot load (the default) and in the main thread after it
 * (XIANGWEN_SEGMENTER=thread), alternately, `runs` times each.
 *
 * Alone: `node bin/run-ts.mjs bench/first-answer.ts PAGES_DIR DATA_DIR [--runs N]`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator, TEST_TOKEN } from '../test/support/emulator.ts';
import { replyWaiter } from './soak.ts';

const ROOT = join(import.meta.dirname, '..');
const CHAT = 4242;

/** One start of the bot: milliseconds from spawn to the first reply. */
async function firstAnswer(pagesDir: string, dataDir: string, segmenter: 'worker' | 'thread'): Promise<number> {
  const emu = await startEmulator();
  try {
    const client = emu.server.getClient(TEST_TOKEN, { userId: CHAT, chatId: CHAT });
    const replied = replyWaiter(emu)(CHAT);
    await client.sendMessage(client.makeMessage('邵阳 营商环境'));
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/main.mjs')], {
      env: {
        ...process.env,
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: emu.server.config.apiURL,
        DATA_DIR: dataDir,
        PAGES_DIR: pagesDir,
        LOG_LEVEL: 'warn',
        PAGES_RESCAN_MINUTES: '0',
        XIANGWEN_SEGMENTER: segmenter,
      },
      stdio: 'ignore',
    });
    try {
      await Promise.race([replied, new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 300 s')), 300_000))]);
      return Math.round(performance.now() - started);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  } finally {
    await emu.stop();
  }
}

/** Start → first answer, both ways, alternating (the machine's load drifts): every run and the best. */
export async function benchFirstAnswer(pagesDir: string, dataDir: string, runs = 3): Promise<Record<string, number[] | number>> {
  const times = { worker: [] as number[], thread: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const way of ['worker', 'thread'] as const) times[way].push(await firstAnswer(pagesDir, dataDir, way));
  }
  return {
    firstAnswerMs_jiebaOnWorker: times.worker,
    firstAnswerMs_jiebaInMainThread: times.thread,
    firstAnswerBestMs_jiebaOnWorker: Math.min(...times.worker),
    firstAnswerBestMs_jiebaInMainThread: Math.min(...times.thread),
  };
}

if (process.argv[1]?.endsWith('bench/first-answer.ts')) {
  const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '3' } }, allowPositionals: true });
  console.log(JSON.stringify(await benchFirstAnswer(positionals[0], positionals[1], Number(values.runs))));
  process.exit(0);
}
