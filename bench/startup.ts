/**
 * How the bot runs in production: through tsx (`npm start`), or compiled with tsc? This measures
 * both on the seeds, as `npm start` would run them: the time from spawning the process to the bot
 * polling the emulator, to its first search answer (jieba's dictionaries load on that first
 * query), and the process's own memory then (VmRSS, and the peak VmHWM). The compiled tree is
 * built here, in a temporary folder, with the project's own tsc; nothing is left behind.
 *
 * `node bin/run-ts.mjs bench/startup.ts [--runs N]` (default 5 per way, alternating). Not part of
 * `npm test`; the figures are in README (*How the bot runs in production*).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startEmulator, TEST_TOKEN, type Emulator } from '../test/support/emulator.ts';

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'seeds');

/** One way of running the bot: the command line, and the TMPDIR its process sees (tsx's cache lives there). */
interface Way {
  name: string;
  args: string[];
  tmpDir: () => string;
}

interface Sample {
  readyMs: number;
  firstAnswerMs: number;
  rssMb: number;
  hwmMb: number;
}

/** Compiles src/ with the project's tsc into `out`, laid out so that the compiled code finds what the sources find. */
function compile(out: string): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      ROOT,
      '--noEmit',
      'false',
      '--rewriteRelativeImportExtensions',
      '--outDir',
      out,
      '--rootDir',
      ROOT,
    ],
    { stdio: 'inherit' },
  );
  cpSync(join(ROOT, 'src/regions/hunan.json'), join(out, 'src/regions/hunan.json'));
  cpSync(join(ROOT, 'package.json'), join(out, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
}

function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** Starts the bot one way against a fresh emulator, asks one search, and measures. */
async function sample(way: Way, dataDir: string): Promise<Sample> {
  const emu: Emulator = await startEmulator();
  const started = performance.now();
  const child = spawn(process.execPath, way.args, {
    cwd: ROOT,
    env: {
      ...process.env,
      TMPDIR: way.tmpDir(),
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emu.apiRoot,
      PAGES_DIR: SEEDS,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      PAGES_RESCAN_MINUTES: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const readyMs = await new Promise<number>((resolve, reject) => {
      let log = '';
      child.stderr.on('data', (chunk) => {
        log += String(chunk);
        if (log.includes('bot started with long polling')) resolve(performance.now() - started);
      });
      child.once('exit', (code) => reject(new Error(`${way.name} exited (${code}) before polling:\n${log}`)));
      setTimeout(() => reject(new Error(`${way.name}: not polling within 120 s`)), 120_000).unref();
    });
    const client = emu.client({ userId: 700, chatId: 700 });
    const answered = new Promise<void>((resolve) => emu.server.once('AddedBotMessage', () => resolve()));
    await client.sendMessage(client.makeMessage('营商环境'));
    const late = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${way.name}: no answer within 60 s`)), 60_000).unref(),
    );
    await Promise.race([answered, late]);
    const firstAnswerMs = performance.now() - started;
    return { readyMs, firstAnswerMs, ...memoryOf(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await emu.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const range = (values: number[]) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;

export async function benchStartup(runs = 5): Promise<Record<string, Record<string, string>>> {
  const work = mkdtempSync(join(tmpdir(), 'xiangwen-startup-'));
  try {
    const out = join(work, 'out');
    const built = performance.now();
    compile(out);
    const buildMs = performance.now() - built;
    const warmTmp = join(work, 'tsx-warm');
    mkdirSync(warmTmp);
    let cold = 0;
    const ways: Way[] = [
      { name: 'tsx, cold cache', args: [join(ROOT, 'bin/main.mjs')], tmpDir: () => mkdtempSync(join(work, `tsx-cold-${cold++}-`)) },
      { name: 'tsx, warm cache', args: [join(ROOT, 'bin/main.mjs')], tmpDir: () => warmTmp },
      { name: 'compiled (tsc)', args: [join(out, 'src/main.js')], tmpDir: () => warmTmp },
    ];
    // One data folder per way, built by an uncounted first start: the snapshot fingerprints the
    // pipeline's source files, which are .ts for tsx and .js for the compiled tree.
    const dataDirs = new Map(ways.map((way, i) => [way, join(work, `data-${i}`)]));
    for (const way of ways) await sample(way, dataDirs.get(way) ?? '');
    const samples = new Map<Way, Sample[]>(ways.map((way) => [way, []]));
    for (let run = 0; run < runs; run++) for (const way of ways) samples.get(way)?.push(await sample(way, dataDirs.get(way) ?? ''));
    const report: Record<string, Record<string, string>> = { build: { 'tsc build ms': String(Math.round(buildMs)) } };
    for (const [way, list] of samples) {
      const of = (key: keyof Sample) => list.map((s) => s[key]);
      report[way.name] = {
        'ready ms (median, range)': `${Math.round(median(of('readyMs')))} (${range(of('readyMs'))})`,
        'first answer ms': `${Math.round(median(of('firstAnswerMs')))} (${range(of('firstAnswerMs'))})`,
        'RSS MB': `${Math.round(median(of('rssMb')))} (${range(of('rssMb'))})`,
        'VmHWM MB': `${Math.round(median(of('hwmMb')))} (${range(of('hwmMb'))})`,
      };
    }
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench/startup.ts')) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } }, strict: false });
  console.log(JSON.stringify(await benchStartup(Number(values.runs)), null, 2));
  process.exit(0);
}
