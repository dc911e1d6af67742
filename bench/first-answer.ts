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
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator, TEST_TOKEN } from '../test/support/emulator.ts';
import { replyWaiter } from './soak.ts';

const ROOT = join(import.meta.dirname, '..');
const CHAT = 4242;

/**
 * CPU time (ms) a process has used so far: its main thread and all its threads (Linux /proc;
 * undefined elsewhere). On a shared machine the wall time of a start follows the load; the main
 * thread's CPU time is what a start costs on the critical path (the module loader's thread and the
 * segmenter worker run beside it).
 */
function cpuSoFar(pid: number): { mainThreadMs: number; processMs: number } | undefined {
  const ticks = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, at 100 ticks a second
  };
  try {
    return {
      mainThreadMs: ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')),
      processMs: ticks(readFileSync(`/proc/${pid}/stat`, 'utf8')),
    };
  } catch {
    return undefined;
  }
}

/** One start of the bot: milliseconds from spawn to the first reply, and the CPU it had used by then. */
async function firstAnswer(
  pagesDir: string,
  dataDir: string,
  segmenter: 'worker' | 'thread',
): Promise<{ wallMs: number; cpu: ReturnType<typeof cpuSoFar> }> {
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
      return { wallMs: Math.round(performance.now() - started), cpu: cpuSoFar(child.pid ?? 0) };
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
  const mainCpu = { worker: [] as number[], thread: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const way of ['worker', 'thread'] as const) {
      const { wallMs, cpu } = await firstAnswer(pagesDir, dataDir, way);
      times[way].push(wallMs);
      if (cpu) mainCpu[way].push(cpu.mainThreadMs);
    }
  }
  return {
    firstAnswerMs_jiebaOnWorker: times.worker,
    firstAnswerMs_jiebaInMainThread: times.thread,
    firstAnswerBestMs_jiebaOnWorker: Math.min(...times.worker),
    firstAnswerBestMs_jiebaInMainThread: Math.min(...times.thread),
    firstAnswerMainThreadCpuMs_jiebaOnWorker: mainCpu.worker,
    firstAnswerMainThreadCpuMs_jiebaInMainThread: mainCpu.thread,
  };
}

if (process.argv[1]?.endsWith('bench/first-answer.ts')) {
  const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '3' } }, allowPositionals: true });
  console.log(JSON.stringify(await benchFirstAnswer(positionals[0], positionals[1], Number(values.runs))));
  process.exit(0);
}
