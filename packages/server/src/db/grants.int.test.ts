/**
 * The application's database role may only SELECT and INSERT on append-only
 * tables: an UPDATE or DELETE of an audit row is refused by PostgreSQL's
 * privileges (not only by the trigger), while ordinary tables stay writable.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { initializeDatabase } from '../seed/initialize.ts';
import { recordAudit } from '../modules/audit/audit-service.ts';
import { appendOnlyTables, grantApplicationRole } from './grants.ts';
import { queryRows } from './client.ts';

let testDb: TestDatabase;
const role = `glia_app_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await initializeDatabase(testDb.database, { seedDemo: true, now: new Date('2026-11-23T15:00:00Z') });
  await testDb.database.db.execute(sql.raw(`CREATE ROLE "${role}" NOLOGIN`));
});
afterAll(async () => {
  await testDb.database.db.execute(sql.raw(`DROP OWNED BY "${role}"`));
  await testDb.database.db.execute(sql.raw(`DROP ROLE "${role}"`));
  await testDb.destroy();
});

/** The messages of an error and its causes (Drizzle wraps the driver's error). */
function messages(error: unknown): string {
  const out: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) out.push(String(e.message));
  return out.join(' | ');
}

/** Runs `statement` as the application role, in a transaction that is rolled back either way. */
async function asAppRole(statement: ReturnType<typeof sql>): Promise<string | null> {
  try {
    await testDb.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL ROLE "${role}"`));
      await tx.execute(statement);
      tx.rollback();
    });
    return null;
  } catch (error) {
    const text = messages(error);
    return /Rollback/i.test(text) && !/permission denied|append-only/.test(text) ? null : text;
  }
}

describe('db:grant', () => {
  it('finds the append-only tables from their glia_refuse_change triggers, including ones added later', async () => {
    const tables = await appendOnlyTables(testDb.database.db);
    const names = tables.map((t) => t.table);
    expect(names).toEqual(expect.arrayContaining(['audit_events', 'addenda', 'disclosures', 'ledger_entries', 'break_glass_access']));
    expect(tables.find((t) => t.table === 'audit_events')!.refused).toEqual(['UPDATE', 'DELETE', 'TRUNCATE']);
    // The balance table is only protected from TRUNCATE; the application keeps updating it.
    expect(tables.find((t) => t.table === 'ledger_balances')?.refused).toEqual(['TRUNCATE']);
  });

  it('gives the role SELECT and INSERT only on append-only tables: UPDATE and DELETE are refused by privilege', async () => {
    await grantApplicationRole(testDb.database.db, role);
    const update = await asAppRole(sql`UPDATE audit_events SET action = 'tampered' WHERE seq = 1`);
    expect(update).toMatch(/permission denied for table audit_events/);
    const del = await asAppRole(sql`DELETE FROM audit_events WHERE seq = 1`);
    expect(del).toMatch(/permission denied for table audit_events/);
    expect(await asAppRole(sql`TRUNCATE audit_events`)).toMatch(/permission denied/);
    expect(await asAppRole(sql`UPDATE break_glass_access SET reason = 'changed reason text'`)).toMatch(/permission denied/);

    const privileges = await queryRows<{ privilege_type: string }>(
      testDb.database.db,
      sql`SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = ${role} AND table_name = 'audit_events' ORDER BY privilege_type`,
    );
    expect(privileges.map((p) => p.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it('leaves the role able to append audit entries and to change ordinary tables', async () => {
    await grantApplicationRole(testDb.database.db, role);
    await testDb.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL ROLE "${role}"`));
      await recordAudit(tx, { userId: null, userEmail: 'grant-test', clientIp: null, requestId: null }, { action: 'test.append', resourceType: 'test' }, new Date());
      await tx.execute(sql`UPDATE clinic_settings SET phone = '(555) 010-0199' WHERE id = 1`);
    });
    const [row] = await queryRows<{ n: number }>(testDb.database.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.append'`);
    expect(row!.n).toBe(1);
  });

  it('refuses a role name that is not a plain identifier', async () => {
    await expect(grantApplicationRole(testDb.database.db, 'app"; DROP TABLE users; --')).rejects.toThrow(/Role name/);
  });
});
