/**
 * The PostgreSQL schema: migrations apply once each, also when several processes start at once,
 * and a database migrated by newer code is refused with a message.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/search/postgres/migrations.ts';
import { connect, migrate, PostgresSchemaError } from '../../../src/search/postgres/pool.ts';
import { postgresAvailable, type TestDatabase, testDatabase } from '../../support/postgres.ts';

describe.runIf(postgresAvailable())('PostgreSQL schema', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(() => database?.drop());

  it('applies every migration exactly once, even when instances start together', async () => {
    const pools = await Promise.all([1, 2, 3].map(() => connect(database.url)));
    try {
      const { rows } = await pools[0].query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(pools[1])).toEqual([]);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('refuses a database migrated by newer code, and changes nothing', async () => {
    const pool = new pg.Pool({ connectionString: database.url });
    try {
      await pool.query("INSERT INTO schema_migrations (version, description) VALUES (999, 'from the future')");
      await expect(migrate(pool)).rejects.toThrow(PostgresSchemaError);
      await expect(migrate(pool)).rejects.toThrow(/version 999.*update the program/);
      await pool.query('DELETE FROM schema_migrations WHERE version = 999');
    } finally {
      await pool.end();
    }
  });
});
