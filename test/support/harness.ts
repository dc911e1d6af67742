/**
 * The reliability suite's bench: the telegram-test-api emulator, the fault proxy in front of it, a
 * data folder whose index is built once per test file, and the real bot (startBot) pointed at the
 * proxy, with its log lines captured so tests can check what an operator would see. With
 * XIANGWEN_TEST_BACKEND=postgres (as the e2e suites, ../support/postgres.ts e2eBackend) the bot
 * keeps its articles and state in a fresh PostgreSQL database instead of DATA_DIR, so the same
 * suites prove both backends; suites about the embedded files ask for SQLite whatever the backend.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot, type StartOptions } from '../../src/app/start.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { buildIndex } from '../../src/search/open.ts';
import { startEmulator, TEST_TOKEN, type Emulator } from './emulator.ts';
import { startFaultProxy, type FaultProxy, type FaultRule } from './fault-proxy.ts';
import { type E2eBackend, e2eBackend } from './postgres.ts';

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

/** The pages and data of one test file, and the backend the bot keeps its articles and state in. */
export interface PreparedData {
  dataDir: string;
  pagesDir: string;
  backend: E2eBackend['name'];
  /** Added to the bot's environment: DATABASE_URL on PostgreSQL, nothing on SQLite. */
  env: E2eBackend['env'];
  cleanup(): Promise<void>;
}

/**
 * A copy of the seed pages and a data folder, on the backend of XIANGWEN_TEST_BACKEND (SQLite
 * alone with `embedded`). On SQLite the seeds' index is built here, so a bot starts in a second
 * or two; on PostgreSQL the first bot started ingests them.
 */
export async function preparedData(options: { embedded?: boolean } = {}): Promise<PreparedData> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiangwen-rel-'));
  const pagesDir = mkdtempSync(join(tmpdir(), 'xiangwen-rel-pages-'));
  cpSync(SEEDS, pagesDir, { recursive: true });
  const backend: E2eBackend = options.embedded ? { name: 'sqlite', env: {}, drop: async () => {} } : await e2eBackend();
  if (backend.name === 'sqlite') buildIndex({ pagesDir, dataDir });
  return {
    dataDir,
    pagesDir,
    backend: backend.name,
    env: backend.env,
    async cleanup() {
      // On PostgreSQL nothing of the bot's state or articles is kept under DATA_DIR.
      if (backend.name === 'postgres') expect(existsSync(join(dataDir, 'bot.db')), 'bot.db on PostgreSQL').toBe(false);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(pagesDir, { recursive: true, force: true });
      await backend.drop();
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

/** The configuration of a bot talking to `apiRoot`, on the backend of `data`. */
export function rigConfig(
  apiRoot: string,
  data: Pick<PreparedData, 'dataDir' | 'pagesDir' | 'env'>,
  env: Record<string, string> = {},
): Config {
  return loadConfig({
    ...data.env,
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
export function rigForSuite(options: { embedded?: boolean } = {}): { readonly data: PreparedData; readonly rig: Rig } {
  let data: PreparedData | undefined;
  let rig: Rig | undefined;
  beforeAll(async () => {
    data = await preparedData(options);
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
    await data?.cleanup();
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
