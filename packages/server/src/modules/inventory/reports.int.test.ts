import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DrawCreated, InventoryReport } from '@glia/contracts';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { demoCatalog, receiveLot, signerOf, type DemoCatalog } from './inventory-fixtures.ts';
import { formatHundredths } from './quantities.ts';

let t: TestApp;
let nurse: string;
let md: string;
let catalog: DemoCatalog;

/** The text of every page of a PDF, in reading order. */
async function pdfText(body: Buffer): Promise<string> {
  const task = getDocument({ data: new Uint8Array(body), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  return pages.join('\n');
}

const ledgerCentiSum = async (where: ReturnType<typeof sql>): Promise<number> => {
  const [row] = await queryRows<{ n: string | null }>(t.testDb.database.db, sql`SELECT coalesce(sum(stock_delta_centi_ml), 0) AS n FROM ledger_entries WHERE ${where}`);
  return Number(row!.n);
};

const report = async (kind: string, query: string, cookie = md): Promise<InventoryReport> => {
  const res = await t.request({ method: 'GET', url: `/api/inventory/reports/${kind}?${query}`, cookie });
  if (res.statusCode !== 200) throw new Error(`${kind}: ${res.statusCode} ${res.body}`);
  return res.json() as InventoryReport;
};

beforeAll(async () => {
  t = await createTestApp();
  nurse = await t.loginAs('nurse');
  md = await t.loginAs('medical-director');
  catalog = await demoCatalog(t, nurse);
  // Today's activity on top of the demo history: a receipt, a transfer, a dose with witnessed waste, a return and a loss.
  const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 3, lotNumber: 'RPT-1' });
  await t.request({ method: 'POST', url: `/api/inventory/lots/${lot.id}/transfers`, cookie: nurse, payload: { fromLocationId: catalog.safe.id, toLocationId: catalog.cabinet.id, ml: 10 } });
  const patients = (await t.request({ method: 'GET', url: '/api/patients?q=', cookie: nurse })).json() as { id: string }[];
  const draw = (await t.request({ method: 'POST', url: `/api/inventory/lots/${lot.id}/draws`, cookie: nurse, payload: { mg: 42.5, locationId: catalog.cabinet.id } })).json() as DrawCreated;
  await t.request({ method: 'POST', url: `/api/inventory/lots/${lot.id}/draws/${draw.entry.id}/administrations`, cookie: nurse, payload: { patientId: patients[3]!.id, mg: 37.5 } });
  await t.request({ method: 'POST', url: `/api/inventory/lots/${lot.id}/draws/${draw.entry.id}/wastes`, cookie: nurse, payload: { mg: 5, witness: signerOf('nurse2') } });
  await t.request({ method: 'POST', url: `/api/inventory/lots/${lot.id}/returns`, cookie: nurse, payload: { locationId: catalog.safe.id, ml: 3.33, reason: 'unwanted', route: 'reverse-distributor', recipient: 'Reverse Co (demo)', reference: 'RA-77' } });
  await t.request({ method: 'POST', url: `/api/inventory/lots/${lot.id}/losses`, cookie: nurse, payload: { locationId: catalog.safe.id, ml: 0.5, kind: 'minor-loss', description: 'Spill while drawing' } });
});
afterAll(() => t.close());

describe('inventory report (inspector-style)', () => {
  it('adds up: opening + movements = closing on every row, and the closing total equals the ledger', async () => {
    const r = await report('inventory', 'from=2026-01-01&to=2026-11-23&schedule=III');
    expect(r).toMatchObject({ title: 'Inventory report (Schedule III)', schedule: 'III', timeZone: 'America/Chicago', retainUntil: '2028-11-24' });
    const moves = ['receivedMl', 'transferInMl', 'transferOutMl', 'drawnMl', 'returnedMl', 'lostMl', 'adjustedMl'];
    for (const row of r.rows) {
      const sum = [row.openingMl, ...moves.map((k) => row[k])].reduce((n: number, v) => n + Math.round(Number(v) * 100), 0);
      expect(sum, `${row.lot} at ${row.location}`).toBe(Math.round(Number(row.closingMl) * 100));
    }
    const end = new Date('2026-11-24T06:00:00Z');
    expect(Math.round(Number(r.totals!.closingMl) * 100)).toBe(await ledgerCentiSum(sql`occurred_at < ${end}`));
    expect(r.totals!.openingMl).toBe(0);
    expect(r.totals!.returnedMl).toBe(-3.33);
    expect(r.totals!.lostMl).toBe(-0.5);
  });

  it('renders as a PDF whose totals are the ledger totals', async () => {
    const json = await report('inventory', 'from=2026-11-23&to=2026-11-23&schedule=III');
    const res = await t.request({ method: 'GET', url: '/api/inventory/reports/inventory/export?from=2026-11-23&to=2026-11-23&schedule=III&format=pdf', cookie: md });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="glia-inventory-schedule-III-2026-11-23-to-2026-11-23.pdf"');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Inventory report (Schedule III)');
    expect(text).toContain('2026-11-23 to 2026-11-23');

    // Ledger sums for the day, computed independently of the report code.
    const dayStart = new Date('2026-11-23T06:00:00Z');
    const dayEnd = new Date('2026-11-24T06:00:00Z');
    const opening = await ledgerCentiSum(sql`occurred_at < ${dayStart}`);
    const closing = await ledgerCentiSum(sql`occurred_at < ${dayEnd}`);
    const received = await ledgerCentiSum(sql`occurred_at >= ${dayStart} AND occurred_at < ${dayEnd} AND kind = 'receipt'`);
    const drawn = await ledgerCentiSum(sql`occurred_at >= ${dayStart} AND occurred_at < ${dayEnd} AND kind = 'draw'`);
    expect(Math.round(Number(json.totals!.openingMl) * 100)).toBe(opening);
    expect(Math.round(Number(json.totals!.closingMl) * 100)).toBe(closing);
    const totalsLine = text.slice(text.lastIndexOf('Total'));
    for (const value of [opening, received, drawn, closing]) expect(totalsLine).toContain(formatHundredths(value));
    expect(totalsLine.indexOf(formatHundredths(opening))).toBeLessThan(totalsLine.indexOf(formatHundredths(closing)));
  });

  it('exports the same table as CSV, totals last', async () => {
    const json = await report('inventory', 'from=2026-11-01&to=2026-11-23');
    const res = await t.request({ method: 'GET', url: '/api/inventory/reports/inventory/export?from=2026-11-01&to=2026-11-23&format=csv', cookie: md });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parse(res.body) as string[][];
    expect(rows[0]).toEqual(json.columns.map((c) => c.label));
    expect(rows).toHaveLength(json.rows.length + 2);
    const totals = rows.at(-1)!;
    expect(totals[0]).toBe('Total');
    expect(totals[json.columns.findIndex((c) => c.key === 'closingMl')]).toBe(Number(json.totals!.closingMl).toFixed(2));
  });
});

describe('other reports', () => {
  it('lists every administration with the rule 34 facts, and records a disclosure per patient on download', async () => {
    const r = await report('dispensing', 'from=2026-07-01&to=2026-11-23');
    expect(r.rows).toHaveLength(9);
    const today = r.rows.find((row) => row.lot === 'RPT-1')!;
    expect(today).toMatchObject({ drawnMl: 0.85, drawnMg: 42.5, givenMl: 0.75, givenMg: 37.5, wastedMl: 0.1, wastedMg: 5, witness: 'Avery Lindqvist', status: 'balanced', concentration: '50 mg/mL' });
    expect(String(today.address)).toMatch(/Street/);
    expect(r.totals).toMatchObject({ drawnMl: 6.95 });
    const patientIds = [...new Set((await queryRows<{ id: string }>(t.testDb.database.db, sql`SELECT DISTINCT patient_id AS id FROM ledger_entries WHERE kind = 'administration'`)).map((x) => x.id))];

    const before = await queryRows<{ n: string }>(t.testDb.database.db, sql`SELECT count(*) AS n FROM disclosures`);
    const res = await t.request({ method: 'GET', url: '/api/inventory/reports/dispensing/export?from=2026-07-01&to=2026-11-23&format=pdf', cookie: md });
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(String(today.patient));
    const after = await queryRows<{ n: string }>(t.testDb.database.db, sql`SELECT count(*) AS n FROM disclosures`);
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(patientIds.length);
    const disclosures = (await t.request({ method: 'GET', url: `/api/patients/${patientIds[0]}/disclosures`, cookie: md })).json() as { what: string; channel: string }[];
    expect(disclosures[0]).toMatchObject({ channel: 'download', what: expect.stringContaining('Dispensing and administration log') });
  });

  it('lists receipts with invoice, receiver and verifier', async () => {
    const r = await report('receipts', 'from=2026-11-23&to=2026-11-23');
    expect(r.rows).toEqual([expect.objectContaining({ lot: 'RPT-1', vials: 3, ml: 30, mg: 1500, receivedBy: 'Jamie Castillo', verifiedBy: 'Dr. Priya Raman' })]);
    expect(r.totals).toMatchObject({ vials: 3, ml: 30, mg: 1500 });
  });

  it('gives one lot its history with a running balance that ends at the ledger balance', async () => {
    const lots = (await t.request({ method: 'GET', url: '/api/inventory/lots', cookie: nurse })).json() as { id: string; lotNumber: string; balanceMl: number }[];
    const lot = lots.find((l) => l.lotNumber === 'RPT-1')!;
    const r = await report('lot-history', `from=2026-11-23&to=2026-11-23&lotId=${lot.id}`);
    expect(r.title).toContain('lot RPT-1');
    expect(r.rows.map((row) => row.kind)).toEqual(['receipt', 'transfer-out', 'transfer-in', 'draw', 'administration', 'waste', 'return', 'loss']);
    expect(r.rows.at(-1)!.stockAfterMl).toBe(lot.balanceMl);
    expect(r.totals!.stockAfterMl).toBe(lot.balanceMl);
    expect(lot.balanceMl).toBe(25.32);
  });

  it('lists losses, adjustments and count differences in the discrepancy report', async () => {
    const r = await report('discrepancies', 'from=2026-07-01&to=2026-11-23');
    expect(r.rows.map((row) => row.type)).toEqual(expect.arrayContaining(['count difference (shift)', 'adjustment', 'loss (minor-loss)']));
  });

  it('keeps Schedule III apart: another schedule has no records', async () => {
    const r = await report('inventory', 'from=2026-01-01&to=2026-11-23&schedule=II');
    expect(r.rows).toEqual([]);
    expect(r.totals!.closingMl).toBe(0);
  });

  it.each([
    { query: 'from=2026-11-23&to=2026-11-01&format=pdf', field: 'query.to' },
    { query: 'from=2026-11-01&to=2026-11-23&format=xml', field: 'query.format' },
  ])('refuses a bad range or format ($field)', async ({ query, field }) => {
    const res = await t.request({ method: 'GET', url: `/api/inventory/reports/inventory/export?${query}`, cookie: md });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('needs a lot for the lot history', async () => {
    const res = await t.request({ method: 'GET', url: '/api/inventory/reports/lot-history?from=2026-11-01&to=2026-11-23', cookie: md });
    expect(res.statusCode).toBe(400);
  });
});
