/**
 * What the rest of the program needs to know about the PostgreSQL connection without holding it:
 * a description of DATABASE_URL that is safe to log (the URL carries a password), which errors
 * mean "the server cannot be reached" rather than a bug, and the errors start-up reports when the
 * server is not there or its schema is newer than this code. Free of the driver, so the entry
 * points can name these errors without loading it.
 */

/**
 * `host:port/database` of a `postgres://` URL, never its user or password: what log lines and
 * messages name. A Unix-socket URL (`postgres://user@/db?host=/run/postgresql`) is described by
 * its socket folder.
 */
export function describeDatabase(url: string): string {
  // Not `new URL`: a socket URL has no host, which WHATWG URLs refuse.
  const match = /^[a-z]+:\/\/(?:[^@/?]*@)?([^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(url.trim());
  if (!match) return '(unparsable DATABASE_URL)';
  const database = decodeURIComponent((match[2] ?? '/').slice(1)) || '(default database)';
  const socket = new URLSearchParams(match[3] ?? '').get('host');
  const host = match[1] || (socket ? `socket ${socket}` : 'localhost');
  return `${host}/${database}`;
}

/** Error codes of Node's network layer that mean the server is not there (or went away). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOENT',
]);

/**
 * SQLSTATEs of a server that cannot serve right now: class 08 (connection exception), 57P01–03
 * (shut down by an administrator, crashed, starting up), 53300 (too many connections).
 */
function unavailableState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/**
 * True when `error` means the database cannot be reached at the moment (refused, reset, dropped,
 * shutting down, the pool's connect timeout), so the same call may work later; false for SQL
 * errors and bugs.
 */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || unavailableState(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionLoss);
  // node-postgres raises these as plain Errors without a code.
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(
    error.message,
  );
}

/** PostgreSQL could not be reached or refused us at start-up; the message is one line for the operator. */
export class PostgresUnreachableError extends Error {
  constructor(
    readonly database: string,
    cause: unknown,
  ) {
    super(`cannot use the PostgreSQL database at ${database} (DATABASE_URL): ${reasonOf(cause)}`);
    this.name = 'PostgresUnreachableError';
  }
}

/** The first line of an error's message, with AggregateError's parts (one per address tried) named. */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.split('\n')[0];
}

/** The database cannot be used by this code (migrated by a newer one); the message says why in one line. */
export class PostgresSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresSchemaError';
  }
}
