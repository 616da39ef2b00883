import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryCount, InventoryOverview, LotDetail } from '@glia/contracts';
import { createTestApp, type TestApp } from '../../testing/index.ts';

let t: TestApp;
let nurse: string;
beforeAll(async () => {
  t = await createTestApp();
  nurse = await t.loginAs('nurse');
});
afterAll(() => t.close());

describe('the demo clinic inventory', () => {
  it('holds ketamine 50 and 100 mg/mL lots, one expiring within 30 days and suggested first', async () => {
    const overview = (await t.request({ method: 'GET', url: '/api/inventory/overview', cookie: nurse })).json() as InventoryOverview;
    expect(overview.lots.map((l) => [l.lotNumber, l.concentrationMgPerMl, l.schedule])).toEqual(expect.arrayContaining([
      ['KT50-2411A', 50, 'III'],
      ['KT50-2403C', 50, 'III'],
      ['KT100-2409B', 100, 'III'],
    ]));
    expect(overview.expiringSoon.map((l) => [l.lotNumber, l.daysToExpiry])).toEqual([['KT50-2403C', 20]]);
    expect(overview.lots.filter((l) => l.suggested).map((l) => l.lotNumber).sort()).toEqual(['KT100-2409B', 'KT50-2403C']);
    expect(overview.pendingWasteCount).toBe(0);
    // A full inventory counts for every location: the safe was last counted by the initial inventory.
    expect(overview.lastCounts.map((c) => [c.locationName, c.countedAt?.slice(0, 10)])).toEqual([
      ['Infusion suite cabinet', '2026-11-23'],
      ['Main safe (medication room)', '2026-07-26'],
    ]);
    expect(overview.openInvestigations).toEqual([]);
  });

  it('has a history of receipts, transfers, draws and witnessed waste that balances', async () => {
    const lots = (await t.request({ method: 'GET', url: '/api/inventory/lots', cookie: nurse })).json() as { id: string }[];
    for (const { id } of lots) {
      const lot = (await t.request({ method: 'GET', url: `/api/inventory/lots/${id}`, cookie: nurse })).json() as LotDetail;
      expect(lot.bookCheck).toEqual({ ok: true, message: null });
      expect(lot.entries[0]).toMatchObject({ kind: 'receipt', witness: { displayName: 'Dr. Priya Raman' } });
      expect(lot.entries.filter((e) => e.kind === 'waste').every((e) => e.witness !== null && e.witness.id !== e.user.id)).toBe(true);
      expect(lot.drawnUnaccountedMl).toBe(0);
    }
  });

  it('has an initial inventory, a resolved count discrepancy and yesterday\'s clean shift count', async () => {
    const counts = (await t.request({ method: 'GET', url: '/api/inventory/counts', cookie: nurse })).json() as InventoryCount[];
    expect(counts.map((c) => [c.kind, c.countedOn, c.investigationStatus])).toEqual([
      ['shift', '2026-11-22', null],
      ['shift', '2026-10-30', 'resolved'],
      ['initial', '2026-07-26', null],
    ]);
  });
});

describe('the inventory API description', () => {
  it('documents the lot routes outside tools rely on, with their roles', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { description?: string }>> };
    expect(Object.keys(doc.paths['/api/inventory/lots']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/inventory/lots/{id}']!)).toContain('get');
    expect(doc.paths['/api/inventory/lots/{id}/draws']!.post!.description).toContain('Roles: nurse, prescriber, medical-director.');
  });
});
