/**
 * Privileges of the application's database role on PostgreSQL, derived from
 * the database itself: every table gets SELECT, INSERT, UPDATE, DELETE except
 * the operations a `glia_refuse_change()` trigger refuses on it. A table whose
 * trigger refuses UPDATE and DELETE (the audit trail, the ledger, addenda,
 * disclosures…) is left with SELECT and INSERT only, so even a compromised
 * application cannot alter or remove its rows; the trigger stays as a second
 * wall against the owner. TRUNCATE is never granted. Tables added later by
 * any migration are covered as soon as they carry the trigger.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from './client.ts';

export type RefusedOperation = 'UPDATE' | 'DELETE' | 'TRUNCATE';

export interface AppendOnlyTable {
  table: string;
  refused: RefusedOperation[];
}

/** pg_trigger.tgtype bits (src/include/catalog/pg_trigger.h). */
const TRIGGER_TYPE_DELETE = 8;
const TRIGGER_TYPE_UPDATE = 16;
const TRIGGER_TYPE_TRUNCATE = 32;

/** Tables of the current schema carrying a glia_refuse_change() trigger, with the operations it refuses. */
export async function appendOnlyTables(db: DbOrTx): Promise<AppendOnlyTable[]> {
  const rows = await queryRows<{ table_name: string; refuses_update: boolean; refuses_delete: boolean; refuses_truncate: boolean }>(
    db,
    sql`SELECT c.relname AS table_name,
               bool_or((t.tgtype & ${TRIGGER_TYPE_UPDATE}) <> 0) AS refuses_update,
               bool_or((t.tgtype & ${TRIGGER_TYPE_DELETE}) <> 0) AS refuses_delete,
               bool_or((t.tgtype & ${TRIGGER_TYPE_TRUNCATE}) <> 0) AS refuses_truncate
          FROM pg_trigger t
          JOIN pg_class c ON c.oid = t.tgrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_proc p ON p.oid = t.tgfoid
         WHERE p.proname = 'glia_refuse_change' AND NOT t.tgisinternal AND n.nspname = current_schema()
         GROUP BY c.relname
         ORDER BY c.relname`,
  );
  return rows.map((r) => ({
    table: r.table_name,
    refused: [...(r.refuses_update ? ['UPDATE' as const] : []), ...(r.refuses_delete ? ['DELETE' as const] : []), ...(r.refuses_truncate ? ['TRUNCATE' as const] : [])],
  }));
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface GrantReport {
  role: string;
  appendOnly: AppendOnlyTable[];
}

/**
 * Grants `role` what the application needs and no more. Run as the owner of
 * the tables (the migration role) after every migration: `npm run db:grant -- <role>`.
 */
export async function grantApplicationRole(db: DbOrTx, role: string): Promise<GrantReport> {
  if (!ROLE_NAME.test(role)) throw new Error(`Role name "${role}" must be lower-case letters, digits and underscores`);
  const appendOnly = await appendOnlyTables(db);
  const r = sql.identifier(role);
  await db.execute(sql`GRANT USAGE ON SCHEMA public TO ${r}`);
  await db.execute(sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
  await db.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await db.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  for (const { table, refused } of appendOnly) {
    const rowOps = refused.filter((op) => op !== 'TRUNCATE');
    if (rowOps.length > 0) await db.execute(sql.raw(`REVOKE ${rowOps.join(', ')} ON TABLE "${table}" FROM "${role}"`));
  }
  return { role, appendOnly };
}
