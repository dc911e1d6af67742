/**
 * A real PostgreSQL for the tests, with nothing to set up by hand:
 * - `DATABASE_URL` set: a fresh database is created on that server for each test file (the role
 *   needs CREATEDB) and dropped afterwards. vitest.config.ts moves it to XIANGWEN_TEST_DATABASE_URL
 *   before any test runs: the bot reads DATABASE_URL to choose its engine, and every other suite
 *   (and the processes it starts) must keep the embedded default;
 * - otherwise, when PostgreSQL's server programs are installed (Debian's `postgresql` package;
 *   `.ci/run` installs it), each test file starts a throwaway cluster in a temporary folder,
 *   listening on a Unix socket only (no port to collide with), with durability off for speed;
 * - otherwise the PostgreSQL tests are skipped with one message saying how to run them, unless
 *   XIANGWEN_REQUIRE_POSTGRES=1 (CI), which makes that a failure instead.
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` user that
 * Debian's package creates.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { connect } from '../../src/search/postgres/pool.ts';

/** A database the test may use as it likes; `drop` removes it (and its throwaway server). */
export interface TestDatabase {
  url: string;
  /** Another fresh database on the same server (dropped with this one). */
  another(): Promise<string>;
  drop(): Promise<void>;
}

/** Folders where distributions put PostgreSQL's server programs, newest version first. */
function serverBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.map((v) => join(root, v, 'bin'));
}

function findServerBin(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  const candidates = [...serverBinDirs(), ...(onPath ? [join(onPath, '..')] : [])];
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

const isRoot = () => userInfo().uid === 0;

function userExists(name: string): boolean {
  return spawnSync('id', ['-u', name]).status === 0;
}

/** Why no PostgreSQL can be had here, or undefined when one can. Synchronous: used to skip suites. */
export function postgresUnavailable(): string | undefined {
  if (process.env.XIANGWEN_TEST_DATABASE_URL) return undefined;
  if (!findServerBin()) return 'no DATABASE_URL and no PostgreSQL server programs installed (Debian: apt-get install postgresql)';
  if (isRoot() && !userExists('postgres')) return 'running as root and there is no "postgres" user to run a throwaway server';
  return undefined;
}

let announced = false;
/** True when the PostgreSQL suites should run; says once why they are skipped otherwise. */
export function postgresAvailable(): boolean {
  const reason = postgresUnavailable();
  if (reason === undefined) return true;
  if (process.env.XIANGWEN_REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL is required here but cannot be had: ${reason}`);
  if (!announced) console.warn(`PostgreSQL tests skipped: ${reason}. Set DATABASE_URL to run them against a server.`);
  announced = true;
  return false;
}

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function runServerProgram(bin: string, program: string, args: string[]): void {
  const command = isRoot() ? 'runuser' : join(bin, program);
  const fullArgs = isRoot() ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
  execFileSync(command, fullArgs, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
}

/** A PostgreSQL server to create test databases on. */
interface TestServer {
  adminUrl: string;
  stop(): Promise<void>;
}

/** Starts a throwaway cluster in a temporary folder; resolves once it accepts connections. */
function startThrowawayServer(bin: string): TestServer {
  const work = mkdtempSync(join(tmpdir(), 'xiangwen-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(work, uid, gid);
  }
  chmodSync(work, 0o700);
  const data = join(work, 'data');
  runServerProgram(bin, 'initdb', ['-D', data, '-U', 'xiangwen', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // Socket only; durability off: the data lives for one test file.
  const options = `-k ${work} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  runServerProgram(bin, 'pg_ctl', ['-D', data, '-w', '-t', '60', '-l', join(work, 'log'), '-o', options, 'start']);
  return {
    adminUrl: `postgresql://xiangwen@/postgres?host=${encodeURIComponent(work)}`,
    async stop() {
      try {
        runServerProgram(bin, 'pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** The URL of database `name` on the server of `adminUrl` (either URL form: host or socket). */
function urlOf(adminUrl: string, name: string): string {
  // Not `new URL`: a socket URL (`postgresql://user@/db?host=/tmp/…`) has no host to parse.
  const match = /^([a-z]+:\/\/[^/]*)(\/[^?]*)?(\?.*)?$/i.exec(adminUrl);
  if (!match) throw new Error('DATABASE_URL is not a postgres:// URL');
  return `${match[1]}/${name}${match[3] ?? ''}`;
}

/** Fresh databases on `server`, all dropped (and the server stopped) by `drop`. */
async function databasesOn(server: TestServer): Promise<TestDatabase> {
  const names: string[] = [];
  const create = async () => {
    const name = `xiangwen_test_${randomBytes(6).toString('hex')}`;
    await asAdmin(server.adminUrl, `CREATE DATABASE ${name}`);
    names.push(name);
    return urlOf(server.adminUrl, name);
  };
  const url = await create();
  return {
    url,
    another: create,
    async drop() {
      try {
        for (const name of names) await asAdmin(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await server.stop();
      }
    },
  };
}

/** A database for one test file (call postgresAvailable() first). */
export async function testDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.XIANGWEN_TEST_DATABASE_URL;
  if (serverUrl) return databasesOn({ adminUrl: serverUrl, stop: async () => {} });
  const bin = findServerBin();
  if (!bin) throw new Error('no PostgreSQL server programs found');
  return databasesOn(startThrowawayServer(bin));
}

/**
 * A migrated database and a pool on it for the tests of one suite: made before them, dropped
 * after. Call the accessors inside tests.
 */
export function migratedDatabaseForSuite(): { pool(): pg.Pool; database(): TestDatabase } {
  let database: TestDatabase | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    database = await testDatabase();
    pool = await connect(database.url);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });
  const made = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test database is made in beforeAll');
    return value;
  };
  return { pool: () => made(pool), database: () => made(database) };
}

/** Where an e2e suite runs the bot: its environment additions, and how to clean up after. */
export interface E2eBackend {
  name: 'sqlite' | 'postgres';
  /** Added to the bot's environment: DATABASE_URL on PostgreSQL, nothing on SQLite. */
  env: { DATABASE_URL?: string };
  drop(): Promise<void>;
}

/**
 * The backend of the e2e suites: the embedded default (SQLite under DATA_DIR), or, with
 * XIANGWEN_TEST_BACKEND=postgres, a fresh PostgreSQL database for articles and bot state alike,
 * so the same suites prove both (`.ci/run` runs the e2e suites once more that way).
 */
export async function e2eBackend(): Promise<E2eBackend> {
  if (process.env.XIANGWEN_TEST_BACKEND !== 'postgres') return { name: 'sqlite', env: {}, drop: async () => {} };
  if (!postgresAvailable()) throw new Error('XIANGWEN_TEST_BACKEND=postgres, but no PostgreSQL can be had here');
  const database = await testDatabase();
  return { name: 'postgres', env: { DATABASE_URL: database.url }, drop: () => database.drop() };
}
