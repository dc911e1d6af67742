import { describe, expect, it } from 'vitest';
import { describeDatabase, isConnectionLoss } from '../../../src/search/postgres/connection.ts';

describe('describing DATABASE_URL for log lines', () => {
  it('names host, port and database, never user or password', () => {
    expect(describeDatabase('postgres://bot:pa%40ss@db.internal:6432/xiangwen?sslmode=require')).toBe('db.internal:6432/xiangwen');
    expect(describeDatabase('postgresql://bot:secret@db/xiangwen')).toBe('db/xiangwen');
    expect(describeDatabase('postgresql://bot@/xiangwen?host=%2Frun%2Fpostgresql')).toBe('socket /run/postgresql/xiangwen');
    expect(describeDatabase('postgres://bot:secret@db')).toBe('db/(default database)');
    expect(describeDatabase('nonsense')).toBe('(unparsable DATABASE_URL)');
  });
});

describe('telling a lost server from a bug', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
  it('takes refused, reset and dropped connections and a shutting-down server for losses', () => {
    expect(isConnectionLoss(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isConnectionLoss(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isConnectionLoss(withCode('connection failure', '08006'))).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLoss(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isConnectionLoss(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]))).toBe(true);
  });
  it('leaves SQL errors and bugs alone', () => {
    expect(isConnectionLoss(withCode('syntax error at or near "SELEC"', '42601'))).toBe(false);
    expect(isConnectionLoss(new TypeError('x is undefined'))).toBe(false);
    expect(isConnectionLoss('a string')).toBe(false);
  });
});
