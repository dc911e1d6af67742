/**
 * A full integrity check of the index's SQLite file (`PRAGMA quick_check`), run in a child process
 * after start-up. The start-up probe (../search/open.ts) reads only what start-up needs, and a
 * query finds damage only where it reads; this check reads every page, so damage anywhere leads
 * to a rebuild. In a child because it reads the whole file (hundreds of MB for a large archive),
 * which would stall replies on the main thread.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const SCRIPT = `
const [, modulePath, file] = process.argv;
const Database = require(modulePath);
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('quick_check(5)', { simple: false }).map((row) => Object.values(row)[0]);
  db.close();
  process.stdout.write(rows.join('; '));
} catch (error) {
  process.stdout.write(String(error && error.message || error));
}
`;

/**
 * Resolves undefined when `articles.db` under `indexDir` is intact, else a one-line description
 * of the damage. Never rejects: a check that cannot run says nothing.
 */
export function checkIndexFile(indexDir: string): Promise<string | undefined> {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', SCRIPT, modulePath, join(indexDir, 'articles.db')], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    // The check is one synchronous call in the child, deaf to its parent's going: a bot that stops
    // (or restarts in a loop) would leave it reading the whole file for tens of seconds.
    const stopCheck = () => child.kill('SIGKILL');
    process.once('exit', stopCheck);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', () => resolve(undefined));
    child.on('exit', (code) => {
      process.off('exit', stopCheck);
      const verdict = out.trim();
      if (code !== 0 || verdict === '') return resolve(undefined);
      resolve(verdict === 'ok' ? undefined : `integrity check: ${verdict.split('\n')[0].slice(0, 200)}`);
    });
  });
}
