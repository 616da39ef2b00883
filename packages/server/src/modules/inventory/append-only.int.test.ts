import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';

/** The ledger's record tables (the list the PostgreSQL grant script gives INSERT + SELECT only). */
const APPEND_ONLY_INVENTORY_TABLES = [
  'drug_products',
  'storage_locations',
  'inventory_lots',
  'lot_verifications',
  'ledger_entries',
  'administration_closures',
  'inventory_counts',
  'inventory_count_lines',
  'discrepancy_investigations',
  'investigation_resolutions',
  'loss_reports',
  'loss_report_milestones',
] as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A theft with its written notice recorded, so every append-only table holds rows.
  const nurse = await t.loginAs('nurse');
  const md = await t.loginAs('medical-director');
  const lots = (await t.request({ method: 'GET', url: '/api/inventory/lots?inStock=true', cookie: nurse })).json() as { id: string; locations: { locationId: string; balanceMl: number }[] }[];
  const lot = lots.find((l) => l.locations.some((x) => x.balanceMl >= 1))!;
  const loss = await t.request({ method: 'POST', url: `/api/inventory/lots/${lot.id}/losses`, cookie: nurse, payload: { locationId: lot.locations.find((x) => x.balanceMl >= 1)!.locationId, ml: 1, kind: 'theft', description: 'Vial missing from the cabinet.' } });
  const reportId = (loss.json() as { lossReport: { id: string } }).lossReport.id;
  const done = await t.request({ method: 'POST', url: `/api/inventory/loss-reports/${reportId}/milestones`, cookie: md, payload: { milestone: 'written-notice', completedOn: '2026-11-23', reference: 'Faxed to the DEA field division' } });
  if (done.statusCode !== 201) throw new Error(done.body);
});
afterAll(() => t.close());

const db = (): TestApp['testDb']['database']['db'] => t.testDb.database.db;

type Executor = Pick<ReturnType<typeof db>, 'execute'>;

/** Runs `query` (directly, or inside `wrap`) and returns the SQLSTATE it failed with, or null. */
async function sqlState(query: ReturnType<typeof sql>, wrap?: (run: (on: Executor) => Promise<unknown>) => Promise<void>): Promise<string | null> {
  try {
    if (wrap) await wrap((on) => on.execute(query));
    else await db().execute(query);
    return null;
  } catch (error) {
    let current: unknown = error;
    while (current) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
      current = (current as { cause?: unknown }).cause;
    }
    throw error;
  }
}

describe('the ledger is append-only in the database (rule 36)', () => {
  it('holds demo rows in every append-only table, so the refusals below are real', async () => {
    for (const table of APPEND_ONLY_INVENTORY_TABLES) {
      const [row] = await queryRows<{ n: string }>(db(), sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`);
      expect(Number(row!.n), table).toBeGreaterThan(0);
    }
  });

  it.each(APPEND_ONLY_INVENTORY_TABLES)('refuses UPDATE, DELETE and TRUNCATE on %s', async (table) => {
    const t1 = sql.identifier(table);
    expect(await sqlState(sql`UPDATE ${t1} SET id = id`)).toBe('42501');
    expect(await sqlState(sql`DELETE FROM ${t1}`)).toBe('42501');
    expect(await sqlState(sql`TRUNCATE ${t1} CASCADE`)).toBe('42501');
  });

  it('refuses an UPDATE of a ledger entry even when the row exists', async () => {
    const [entry] = await queryRows<{ id: string }>(db(), sql`SELECT id FROM ledger_entries WHERE kind = 'draw' LIMIT 1`);
    expect(await sqlState(sql`UPDATE ledger_entries SET quantity_centi_ml = 1 WHERE id = ${entry!.id}`)).toBe('42501');
    expect(await sqlState(sql`DELETE FROM ledger_entries WHERE id = ${entry!.id}`)).toBe('42501');
  });

  it('lets only the ledger trigger write the balances', async () => {
    expect(await sqlState(sql`UPDATE ledger_balances SET stock_centi_ml = stock_centi_ml + 100`)).toBe('42501');
    expect(await sqlState(sql`DELETE FROM ledger_balances`)).toBe('42501');
    const [lot] = await queryRows<{ id: string; location: string }>(db(), sql`SELECT id, location_id AS location FROM inventory_lots LIMIT 1`);
    expect(await sqlState(sql`INSERT INTO ledger_balances (lot_id, location_id, stock_centi_ml) VALUES (${lot!.id}, gen_random_uuid(), 100)`)).toBe('42501');
  });

  it('offers no route that changes or deletes a lot or an entry', async () => {
    const nurse = await t.loginAs('nurse');
    const lots = (await t.request({ method: 'GET', url: '/api/inventory/lots', cookie: nurse })).json() as { id: string }[];
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      expect((await t.request({ method, url: `/api/inventory/lots/${lots[0]!.id}`, cookie: nurse, payload: {} })).statusCode).toBe(404);
    }
    const mutating = t.app.routeCatalog.filter((r) => r.url.startsWith('/api/inventory') && ['PATCH', 'PUT', 'DELETE'].includes(r.method));
    expect(mutating).toEqual([]);
  });
});

describe('an application role with INSERT + SELECT only', () => {
  const role = `glia_app_t_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    await db().execute(sql.raw(`CREATE ROLE ${role} NOLOGIN`));
    await db().execute(sql.raw(`GRANT USAGE ON SCHEMA public TO ${role}`));
    await db().execute(sql.raw(`GRANT SELECT, INSERT ON ${APPEND_ONLY_INVENTORY_TABLES.join(', ')} TO ${role}`));
    await db().execute(sql.raw(`GRANT SELECT ON ledger_balances, clinic_settings, users, patients TO ${role}`));
  });
  afterAll(async () => {
    await db().execute(sql.raw(`DROP OWNED BY ${role}`));
    await db().execute(sql.raw(`DROP ROLE ${role}`));
  });

  /** Runs one statement as the application role; returns the SQLSTATE of a refusal, or null. */
  const asApp = (statement: ReturnType<typeof sql>): Promise<string | null> =>
    sqlState(statement, async (run) => {
      await db().transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL ROLE ${role}`));
        await run(tx);
      });
    });

  it('lacks the privilege to UPDATE, DELETE or TRUNCATE ledger rows and balances', async () => {
    expect(await asApp(sql`UPDATE ledger_entries SET reason = reason`)).toBe('42501');
    expect(await asApp(sql`DELETE FROM ledger_entries`)).toBe('42501');
    expect(await asApp(sql`TRUNCATE ledger_entries`)).toBe('42501');
    expect(await asApp(sql`UPDATE ledger_balances SET stock_centi_ml = 0`)).toBe('42501');
  });

  it('still records a draw: the SECURITY DEFINER trigger maintains the balance for it', async () => {
    const [target] = await queryRows<{ lot: string; location: string; stock: number; user: string }>(
      db(),
      sql`SELECT b.lot_id AS lot, b.location_id AS location, b.stock_centi_ml AS stock, (SELECT id FROM users WHERE email = 'nurse@demo.glia.local') AS user
            FROM ledger_balances b JOIN inventory_lots l ON l.id = b.lot_id JOIN drug_products p ON p.id = l.product_id
           WHERE b.stock_centi_ml >= 10 AND p.concentration_mg_per_ml = 50 LIMIT 1`,
    );
    expect(await asApp(sql`INSERT INTO ledger_entries (lot_id, location_id, kind, quantity_centi_ml, quantity_centi_mg, occurred_at, recorded_at, user_id)
                           VALUES (${target!.lot}, ${target!.location}, 'draw', 10, 500, now(), now(), ${target!.user})`)).toBeNull();
    const [after] = await queryRows<{ stock: number }>(db(), sql`SELECT stock_centi_ml AS stock FROM ledger_balances WHERE lot_id = ${target!.lot} AND location_id = ${target!.location}`);
    expect(Number(after!.stock)).toBe(Number(target!.stock) - 10);
  });
});
