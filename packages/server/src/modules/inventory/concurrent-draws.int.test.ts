import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DrawCreated, LotDetail } from '@glia/contracts';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { demoCatalog, receiveLot, type DemoCatalog } from './inventory-fixtures.ts';

let t: TestApp;
let nurse: string;
let catalog: DemoCatalog;

beforeAll(async () => {
  t = await createTestApp();
  nurse = await t.loginAs('nurse');
  catalog = await demoCatalog(t, nurse);
});
afterAll(() => t.close());

describe('concurrent draws on one lot', () => {
  it('lets exactly 30 of 50 simultaneous draws through when the stock covers 30, and the ledger sums to the balance', async () => {
    // 3 vials × 10 mL = 30 mL at 50 mg/mL; each draw is 50 mg = 1 mL, so the stock covers exactly 30.
    const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 3 });
    expect(lot.balanceMl).toBe(30);

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => t.request({ method: 'POST', url: `/api/inventory/lots/${lot.id}/draws`, cookie: nurse, payload: { mg: 50 } })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.filter((s) => s === 409)).toHaveLength(20);
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ code: 'CONFLICT', balanceMl: expect.any(Number) });
    }
    const after = responses.filter((r) => r.statusCode === 201).map((r) => r.json() as DrawCreated);
    expect(after.every((d) => d.entry.quantityMl === 1 && d.entry.quantityMg === 50)).toBe(true);
    // The balances returned after each draw are all different: the draws serialized.
    expect(new Set(after.map((d) => d.entry.stockAfterMl)).size).toBe(30);

    const detail = (await t.request({ method: 'GET', url: `/api/inventory/lots/${lot.id}`, cookie: nurse })).json() as LotDetail;
    expect(detail).toMatchObject({ balanceMl: 0, balanceMg: 0, drawnUnaccountedMl: 30 });
    expect(detail.entries.filter((e) => e.kind === 'draw')).toHaveLength(30);
    expect(detail.bookCheck).toEqual({ ok: true, message: null });

    const [sums] = await queryRows<{ stock: string; drawn: string; mg: string }>(
      t.testDb.database.db,
      sql`SELECT sum(stock_delta_centi_ml) AS stock, sum(drawn_delta_centi_ml) AS drawn, sum(CASE WHEN kind = 'receipt' THEN quantity_centi_mg ELSE -quantity_centi_mg END) AS mg FROM ledger_entries WHERE lot_id = ${lot.id}`,
    );
    expect(Number(sums!.stock)).toBe(0);
    expect(Number(sums!.drawn)).toBe(3000);
    expect(Number(sums!.mg)).toBe(0);
    const [balance] = await queryRows<{ stock: number }>(t.testDb.database.db, sql`SELECT stock_centi_ml AS stock FROM ledger_balances WHERE lot_id = ${lot.id}`);
    expect(Number(balance!.stock)).toBe(Number(sums!.stock));
  });

  it('keeps an exact remainder to the hundredth of a mL under concurrent draws of uneven size', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k100.id, locationId: catalog.safe.id, vials: 1 });
    expect(lot.balanceMl).toBe(5);
    // 0.37 mL each (37 mg at 100 mg/mL): 13 fit in 5 mL (4.81 mL), leaving 0.19 mL.
    const responses = await Promise.all(Array.from({ length: 20 }, () => t.request({ method: 'POST', url: `/api/inventory/lots/${lot.id}/draws`, cookie: nurse, payload: { mg: 37 } })));
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(13);
    const lots = (await t.request({ method: 'GET', url: '/api/inventory/lots', cookie: nurse })).json() as { id: string; balanceMl: number; balanceMg: number }[];
    expect(lots.find((l) => l.id === lot.id)).toMatchObject({ balanceMl: 0.19, balanceMg: 19 });
  });
});
