import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountSheet, InventoryCount, InventoryOverview, Investigation, LotDetail } from '@glia/contracts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { demoCatalog, receiveLot, type DemoCatalog } from './inventory-fixtures.ts';

let t: TestApp;
let nurse: string;
let md: string;
let catalog: DemoCatalog;

beforeAll(async () => {
  t = await createTestApp();
  nurse = await t.loginAs('nurse');
  md = await t.loginAs('medical-director');
  catalog = await demoCatalog(t, nurse);
});
afterAll(() => t.close());

const sign = { password: 'glia-demo' };
const post = (url: string, payload: unknown, cookie = nurse): ReturnType<TestApp['request']> => t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });

async function sheet(locationId?: string): Promise<CountSheet> {
  return (await t.request({ method: 'GET', url: `/api/inventory/count-sheet${locationId ? `?locationId=${locationId}` : ''}`, cookie: nurse })).json() as CountSheet;
}

async function stockOf(lotId: string, locationId: string): Promise<number> {
  const lot = (await t.request({ method: 'GET', url: `/api/inventory/lots/${lotId}`, cookie: nurse })).json() as LotDetail;
  return lot.locations.find((l) => l.locationId === locationId)?.balanceMl ?? 0;
}

describe('shift counts (rule 37)', () => {
  it('hands out a blind count sheet: the lots at the location, without expected quantities', async () => {
    const s = await sheet(catalog.cabinet.id);
    expect(s.lines.length).toBeGreaterThanOrEqual(3);
    expect(s.lines.every((l) => l.locationId === catalog.cabinet.id)).toBe(true);
    expect(Object.keys(s.lines[0]!)).not.toContain('expectedMl');
  });

  it('records a matching count, signed by the counter, without an investigation', async () => {
    const s = await sheet(catalog.cabinet.id);
    const lines = await Promise.all(s.lines.map(async (l) => ({ lotId: l.lotId, locationId: l.locationId, countedMl: await stockOf(l.lotId, l.locationId) })));
    const res = await post('/api/inventory/counts', { kind: 'shift', locationId: catalog.cabinet.id, lines, signature: sign });
    expect(res.statusCode).toBe(201);
    const count = res.json() as InventoryCount;
    expect(count).toMatchObject({ kind: 'shift', locationName: catalog.cabinet.name, countedBy: { displayName: 'Jamie Castillo' }, findings: [], investigationId: null });
    expect(count.lines.every((l) => l.differenceMl === 0)).toBe(true);
  });

  it('refuses an unsigned or wrongly signed count and one that leaves out a lot', async () => {
    const s = await sheet(catalog.cabinet.id);
    const lines = s.lines.map((l) => ({ lotId: l.lotId, locationId: l.locationId, countedMl: 0 }));
    expect((await post('/api/inventory/counts', { kind: 'shift', locationId: catalog.cabinet.id, lines })).statusCode).toBe(400);
    expect((await post('/api/inventory/counts', { kind: 'shift', locationId: catalog.cabinet.id, lines, signature: { password: 'wrong' } })).statusCode).toBe(403);
    const missing = await post('/api/inventory/counts', { kind: 'shift', locationId: catalog.cabinet.id, lines: lines.slice(1), signature: sign });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ field: 'lines', reason: expect.stringContaining(`at ${catalog.cabinet.name}`) });
    expect((await post('/api/inventory/counts', { kind: 'shift', lines, signature: sign })).json().errors[0].field).toBe('locationId');
  });

  it('keeps a difference within 0.1 mL as a difference, without an investigation', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k100.id, locationId: catalog.safe.id, vials: 1 });
    const s = await sheet(catalog.safe.id);
    const lines = await Promise.all(s.lines.map(async (l) => ({ lotId: l.lotId, locationId: l.locationId, countedMl: l.lotId === lot.id ? 4.95 : await stockOf(l.lotId, l.locationId) })));
    const count = (await post('/api/inventory/counts', { kind: 'daily', locationId: catalog.safe.id, lines, signature: sign })).json() as InventoryCount;
    expect(count.lines.find((l) => l.lotId === lot.id)).toMatchObject({ expectedMl: 5, countedMl: 4.95, differenceMl: -0.05 });
    expect(count.investigationId).toBeNull();
  });
});

describe('discrepancies and their investigation', () => {
  let lotId: string;
  let investigation: Investigation;

  async function countShort(byMl: number): Promise<InventoryCount> {
    const s = await sheet(catalog.safe.id);
    const lines = await Promise.all(s.lines.map(async (l) => {
      const stock = await stockOf(l.lotId, l.locationId);
      return { lotId: l.lotId, locationId: l.locationId, countedMl: l.lotId === lotId ? Math.round((stock - byMl) * 100) / 100 : stock };
    }));
    const res = await post('/api/inventory/counts', { kind: 'shift', locationId: catalog.safe.id, lines, signature: sign });
    expect(res.statusCode).toBe(201);
    return res.json() as InventoryCount;
  }

  beforeAll(async () => {
    lotId = (await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 2, lotNumber: 'SHORT-1' })).id;
  });

  it('opens an investigation for a shortage beyond the tolerance (rule 37) and shows it on the overview', async () => {
    const count = await countShort(1.5);
    expect(count.investigationStatus).toBe('open');
    expect(count.findings).toMatchObject([{ rule: 37, code: 'count-shortage', facts: { differenceMl: -1.5, expectedMl: 20, countedMl: 18.5 } }]);
    expect(count.findings[0]!.message).toContain(`SHORT-1 at ${catalog.safe.name}`);
    const overview = (await t.request({ method: 'GET', url: '/api/inventory/overview', cookie: nurse })).json() as InventoryOverview;
    investigation = overview.openInvestigations.find((i) => i.id === count.investigationId)!;
    expect(investigation).toMatchObject({ status: 'open', count: { kind: 'shift', locationName: catalog.safe.name } });
  });

  it('lets only the medical director resolve it, with a valid signature', async () => {
    const body = { outcome: 'adjust-ledger', explanation: 'Recounted: 18.5 mL.', signature: sign };
    expect((await post(`/api/inventory/investigations/${investigation.id}/resolution`, body, nurse)).statusCode).toBe(403);
    expect((await post(`/api/inventory/investigations/${investigation.id}/resolution`, { ...body, signature: { password: 'nope' } }, md)).statusCode).toBe(403);
  });

  it('adjusts the ledger to the count when the medical director finds it right', async () => {
    const res = await post(`/api/inventory/investigations/${investigation.id}/resolution`, { outcome: 'adjust-ledger', explanation: 'Recount with the director confirmed 18.5 mL; vial overfill was mis-estimated at receipt.', signature: sign }, md);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'resolved', resolution: { outcome: 'adjust-ledger', resolvedBy: { displayName: 'Dr. Priya Raman' }, lossReportId: null } });
    expect(await stockOf(lotId, catalog.safe.id)).toBe(18.5);
    const detail = (await t.request({ method: 'GET', url: `/api/inventory/lots/${lotId}`, cookie: nurse })).json() as LotDetail;
    expect(detail.entries.at(-1)).toMatchObject({ kind: 'adjustment', quantityMl: -1.5, stockChangeMl: -1.5, investigationId: investigation.id });
    expect((await post(`/api/inventory/investigations/${investigation.id}/resolution`, { outcome: 'count-error', explanation: 'x', signature: sign }, md)).statusCode).toBe(409);
  });

  it('turns a shortage into a theft report with DEA deadlines when the director finds a theft (rule 38)', async () => {
    const count = await countShort(2);
    const res = await post(`/api/inventory/investigations/${count.investigationId}/resolution`, { outcome: 'theft', explanation: 'Two 1 mL syringes unaccounted for; camera review under way.', signature: sign }, md);
    expect(res.statusCode).toBe(201);
    const resolved = res.json() as Investigation;
    expect(resolved.resolution?.lossReportId).toEqual(expect.any(String));
    expect(await stockOf(lotId, catalog.safe.id)).toBe(16.5);
    const reports = (await t.request({ method: 'GET', url: '/api/inventory/loss-reports', cookie: nurse })).json() as { id: string; kind: string; discoveredOn: string; lots: { quantityMl: number }[]; deadlines: { milestone: string; dueOn: string }[] }[];
    const report = reports.find((r) => r.id === resolved.resolution!.lossReportId)!;
    // Found on Monday 2026-11-23: written notice by Tuesday, Form 106 by 2027-01-07.
    expect(report).toMatchObject({ kind: 'theft', discoveredOn: '2026-11-23', lots: [{ quantityMl: 2 }], deadlines: [{ milestone: 'written-notice', dueOn: '2026-11-24' }, { milestone: 'form-106', dueOn: '2027-01-07' }] });
  });

  it('records a count error without touching the ledger', async () => {
    const count = await countShort(0.5);
    await post(`/api/inventory/investigations/${count.investigationId}/resolution`, { outcome: 'count-error', explanation: 'Vial behind the divider; recount matched.', signature: sign }, md);
    expect(await stockOf(lotId, catalog.safe.id)).toBe(16.5);
  });
});

describe('full inventories (rule 37)', () => {
  it('shows the demo initial inventory and when the biennial one falls due', async () => {
    const overview = (await t.request({ method: 'GET', url: '/api/inventory/overview', cookie: nurse })).json() as InventoryOverview;
    expect(overview.inventoryDue).toMatchObject({ lastInventoryKind: 'initial', lastInventoryOn: '2026-07-26', dueOn: '2028-07-26', finding: null });
  });

  it('refuses a second initial inventory and records a biennial inventory of every location', async () => {
    const all = await sheet();
    expect(new Set(all.lines.map((l) => l.locationId)).size).toBe(2);
    const lines = await Promise.all(all.lines.map(async (l) => ({ lotId: l.lotId, locationId: l.locationId, countedMl: await stockOf(l.lotId, l.locationId) })));
    expect((await post('/api/inventory/counts', { kind: 'initial', lines, signature: sign })).statusCode).toBe(409);
    const res = await post('/api/inventory/counts', { kind: 'biennial', lines, signature: sign, notes: 'Biennial inventory, estimated partial vials.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'biennial', locationId: null, investigationId: null });
    const overview = (await t.request({ method: 'GET', url: '/api/inventory/overview', cookie: nurse })).json() as InventoryOverview;
    expect(overview.inventoryDue).toMatchObject({ lastInventoryKind: 'biennial', lastInventoryOn: '2026-11-23', dueOn: '2028-11-23' });
  });
});
