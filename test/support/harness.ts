/**
 * The reliability suite's bench: the telegram-test-api emulator, the fault proxy in front of it, a
 * data folder whose index is built once per test file, and the real bot (startBot) pointed at the
 * proxy, with its log lines captured so tests can check what an operator would see.
 */
import { afterAll, beforeAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot, type StartOptions } from '../../src/app/start.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { buildIndex } from '../../src/search/open.ts';
import { startEmulator, TEST_TOKEN, type Emulator } from './emulator.ts';
import { startFaultProxy, type FaultProxy, type FaultRule } from './fault-proxy.ts';

export const SEEDS = join(import.meta.dirname, '../../seeds');

/** One captured log line. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A logger writing into memory; `lines` holds every line as parsed JSON. */
export function memoryLogger(level: 'debug' | 'info' | 'warn' = 'info'): { logger: Logger; lines: LogLine[]; raw: string[] } {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const logger = createLogger(level, {
    write(chunk: string) {
      for (const text of chunk.split('\n').filter(Boolean)) {
        raw.push(text);
        lines.push(JSON.parse(text) as LogLine);
      }
    },
  });
  return { logger, lines, raw };
}

/** pino's numeric levels. */
export const LEVEL = { debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

/** A data folder with the seeds' index already built (so a bot starts in a second or two). */
export function preparedData(): { dataDir: string; pagesDir: string; cleanup(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-rel-'));
  const pagesDir = mkdtempSync(join(tmpdir(), 'xiangwen-rel-pages-'));
  cpSync(SEEDS, pagesDir, { recursive: true });
  buildIndex({ pagesDir, dataDir });
  return {
    dataDir,
    pagesDir,
    cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(pagesDir, { recursive: true, force: true });
    },
  };
}

export interface Rig {
  emu: Emulator;
  proxy: FaultProxy;
  close(): Promise<void>;
}

/** The emulator with a fault proxy in front of it. */
export async function startRig(rules: FaultRule[] = []): Promise<Rig> {
  const emu = await startEmulator();
  const proxy = await startFaultProxy(emu.server.config.apiURL, rules);
  return {
    emu,
    proxy,
    async close() {
      await proxy.close();
      await emu.stop();
    },
  };
}

/** The configuration of a bot talking to `apiRoot`. */
export function rigConfig(apiRoot: string, data: { dataDir: string; pagesDir: string }, env: Record<string, string> = {}): Config {
  return loadConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    DATA_DIR: data.dataDir,
    PAGES_DIR: data.pagesDir,
    LOG_LEVEL: 'info',
    USER_QUERIES_PER_MINUTE: '1000',
    PAGES_RESCAN_MINUTES: '0',
    ...env,
  });
}

/** Starts the real bot on the rig. */
export async function startRigBot(config: Config, logger: Logger, options: Partial<StartOptions> = {}): Promise<RunningBot> {
  return startBot(config, { logger, pollRetryMs: 50, ...options });
}

/** The rig and a prepared data folder for the tests of one file: started before them, closed after. */
export function rigForSuite(): { readonly data: ReturnType<typeof preparedData>; readonly rig: Rig } {
  let data: ReturnType<typeof preparedData> | undefined;
  let rig: Rig | undefined;
  beforeAll(async () => {
    data = preparedData();
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
    data?.cleanup();
  });
  return {
    get data() {
      if (!data) throw new Error('the data folder is prepared in beforeAll');
      return data;
    },
    get rig() {
      if (!rig) throw new Error('the rig starts in beforeAll');
      return rig;
    },
  };
}
