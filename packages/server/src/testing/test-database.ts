/**
 * A fresh, migrated database for one test file: in-memory PGlite by default,
 * or a new database on the PostgreSQL server of TEST_DATABASE_URL when the
 * Vitest project sets GLIA_TEST_DB=postgres. Dropped again by `destroy()`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';

export interface TestDatabase {
  database: Database;
  /** Connection URL of the PostgreSQL test database (null on PGlite). */
  url: string | null;
  destroy(): Promise<void>;
}

export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.GLIA_TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`GLIA_TEST_DB must be pglite or postgres, not ${kind}`);
  return kind;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(kind: TestDatabaseKind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openPglite(null);
    await runMigrations(database);
    return { database, url: null, destroy: () => database.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('GLIA_TEST_DB=postgres needs TEST_DATABASE_URL (a PostgreSQL server where the test user may CREATE DATABASE)');
  const name = `glia_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE "${name}"`);
  const url = withDatabaseName(base, name);
  const database = openPostgres(url, 5);
  await runMigrations(database);
  return {
    database,
    url,
    destroy: async () => {
      await database.close();
      await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
