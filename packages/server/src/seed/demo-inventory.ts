/**
 * The demo clinic's controlled-substance records, relative to the seed time so
 * the demo always looks current: ketamine 50 mg/mL and 100 mg/mL lots (one
 * expiring within 30 days), receipts verified by a second person, transfers to
 * the infusion-suite cabinet, draws for eight infusions with the dose given and
 * the rest wasted before a licensed witness, a past count discrepancy resolved
 * by the medical director, and yesterday's clean shift count. Every movement
 * goes through the ledger trigger, so the balances are computed, not typed.
 * Supplier, NDCs and DEA numbers are fictional.
 */
import { randomUUID } from 'node:crypto';
import { asc, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { patients, users } from '../db/schema/index.ts';
import { recordAudit } from '../modules/audit/audit-service.ts';
import { localDateOf, startOfLocalDay } from '../modules/inventory/clinic-calendar.ts';
import {
  balancesOf,
  insertClosure,
  insertCount,
  insertCountLines,
  insertEntry,
  insertInvestigation,
  insertLocation,
  insertLot,
  insertLotVerification,
  insertProduct,
  insertResolution,
  type EntryInsert,
  type LotRow,
  type ProductRow,
} from '../modules/inventory/inventory-repo.ts';
import { centiMgOf } from '../modules/inventory/quantities.ts';

const SYSTEM_ACTOR = { userId: null, userEmail: 'system', clientIp: null, requestId: null };
const DAY_MS = 86_400_000;

export async function seedDemoInventory(tx: Tx, now: Date, timeZone: string): Promise<void> {
  const staff = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ['medical-director@demo.glia.local', 'nurse@demo.glia.local', 'nurse2@demo.glia.local', 'prescriber@demo.glia.local']));
  const user = (email: string): string => staff.find((s) => s.email === email)!.id;
  const md = user('medical-director@demo.glia.local');
  const nurse = user('nurse@demo.glia.local');
  const nurse2 = user('nurse2@demo.glia.local');
  const prescriber = user('prescriber@demo.glia.local');
  const patientIds = (await tx.select({ id: patients.id }).from(patients).orderBy(asc(patients.mrn)).limit(8)).map((p) => p.id);

  /** Clinic-local wall time `daysAgo` days before the seed time. */
  const at = (daysAgo: number, hour: number, minute = 0): Date =>
    new Date(startOfLocalDay(localDateOf(new Date(now.getTime() - daysAgo * DAY_MS), timeZone), timeZone).getTime() + (hour * 60 + minute) * 60_000);
  const dateAgo = (days: number): string => localDateOf(new Date(now.getTime() - days * DAY_MS), timeZone);
  const dateAhead = (days: number): string => localDateOf(new Date(now.getTime() + days * DAY_MS), timeZone);

  const k50 = await insertProduct(tx, { name: 'Ketamine HCl injection 50 mg/mL, 10 mL vial', ndc: '55555-0150-10', concentrationMgPerMl: 50, vialVolumeCentiMl: 1000, schedule: 'III', createdAt: at(130, 9), createdBy: md });
  const k100 = await insertProduct(tx, { name: 'Ketamine HCl injection 100 mg/mL, 5 mL vial', ndc: '55555-0300-05', concentrationMgPerMl: 100, vialVolumeCentiMl: 500, schedule: 'III', createdAt: at(130, 9), createdBy: md });
  const safe = await insertLocation(tx, { name: 'Main safe (medication room)', kind: 'safe', createdAt: at(130, 9), createdBy: md });
  const cabinet = await insertLocation(tx, { name: 'Infusion suite cabinet', kind: 'cabinet', createdAt: at(130, 9), createdBy: md });

  // Rule 37: the initial inventory on the first day of handling, before any stock (zero on hand).
  await insertCount(tx, { kind: 'initial', locationId: null, countedAt: at(120, 8), countedOn: dateAgo(120), countedBy: md, signedAt: at(120, 8), notes: 'Initial inventory on the first day of handling controlled substances: no stock on hand.' });

  const entry = (product: ProductRow, lot: LotRow, values: Omit<EntryInsert, 'lotId' | 'quantityCentiMg' | 'recordedAt'>): Promise<{ id: string }> =>
    insertEntry(tx, { ...values, lotId: lot.id, quantityCentiMg: centiMgOf(values.quantityCentiMl, product.concentrationMgPerMl), recordedAt: values.occurredAt });

  const receive = async (product: ProductRow, lotNumber: string, expiresOn: string, invoiceNumber: string, vials: number, receivedAt: Date): Promise<LotRow> => {
    const centiMl = vials * product.vialVolumeCentiMl;
    const lot = await insertLot(tx, {
      productId: product.id, lotNumber, expiresOn, supplier: 'Northwind Medical Supply (demo)', supplierDeaNumber: 'RN0000001', invoiceNumber,
      receivedVials: vials, receivedCentiMl: centiMl, receivedAt, locationId: safe.id, receivedBy: nurse, createdAt: receivedAt,
    });
    await insertLotVerification(tx, { lotId: lot.id, verifiedBy: md, verifiedAt: receivedAt });
    await entry(product, lot, { locationId: safe.id, kind: 'receipt', quantityCentiMl: centiMl, occurredAt: receivedAt, userId: nurse, witnessUserId: md, witnessSignedAt: receivedAt, reference: invoiceNumber, details: { vials, supplier: 'Northwind Medical Supply (demo)' } });
    return lot;
  };
  const transfer = async (product: ProductRow, lot: LotRow, centiMl: number, when: Date): Promise<void> => {
    const transferId = randomUUID();
    await entry(product, lot, { locationId: safe.id, kind: 'transfer-out', quantityCentiMl: centiMl, occurredAt: when, userId: nurse, transferId });
    await entry(product, lot, { locationId: cabinet.id, kind: 'transfer-in', quantityCentiMl: centiMl, occurredAt: when, userId: nurse, transferId });
  };

  const lotA = await receive(k50, 'KT50-2411A', dateAhead(400), 'NW-40211', 5, at(118, 10, 30));
  await transfer(k50, lotA, 2000, at(118, 11));
  const lotC = await receive(k100, 'KT100-2409B', dateAhead(250), 'NW-40388', 3, at(75, 10));
  await transfer(k100, lotC, 500, at(75, 10, 20));
  // The expiring-soon lot: expires within 30 days of the seed time.
  const lotB = await receive(k50, 'KT50-2403C', dateAhead(20), 'NW-40502', 2, at(40, 9, 45));
  await transfer(k50, lotB, 2000, at(40, 10));

  // Eight infusions: draw, give, waste the rest before a licensed witness (rules 34, 35), close.
  const infusions: { daysAgo: number; product: ProductRow; lot: LotRow; drawn: number; given: number; by: string; witness: string }[] = [
    { daysAgo: 110, product: k50, lot: lotA, drawn: 80, given: 70, by: nurse, witness: nurse2 },
    { daysAgo: 96, product: k50, lot: lotA, drawn: 90, given: 84, by: nurse2, witness: nurse },
    { daysAgo: 61, product: k100, lot: lotC, drawn: 40, given: 35, by: nurse, witness: prescriber },
    { daysAgo: 38, product: k50, lot: lotB, drawn: 80, given: 76, by: nurse, witness: nurse2 },
    { daysAgo: 24, product: k50, lot: lotB, drawn: 100, given: 92, by: nurse2, witness: nurse },
    { daysAgo: 12, product: k50, lot: lotB, drawn: 80, given: 70, by: nurse, witness: md },
    { daysAgo: 6, product: k100, lot: lotC, drawn: 50, given: 42, by: nurse, witness: nurse2 },
    { daysAgo: 2, product: k50, lot: lotB, drawn: 90, given: 80, by: nurse2, witness: nurse },
  ];
  for (const [i, inf] of infusions.entries()) {
    const patientId = patientIds[i % patientIds.length]!;
    const drawnAt = at(inf.daysAgo, 9, 15);
    const draw = await entry(inf.product, inf.lot, { locationId: cabinet.id, kind: 'draw', quantityCentiMl: inf.drawn, occurredAt: drawnAt, userId: inf.by });
    const common = { locationId: cabinet.id, userId: inf.by, patientId, drawEntryId: draw.id };
    await entry(inf.product, inf.lot, { ...common, kind: 'administration', quantityCentiMl: inf.given, occurredAt: at(inf.daysAgo, 10, 0) });
    const wastedAt = at(inf.daysAgo, 10, 5);
    await entry(inf.product, inf.lot, { ...common, kind: 'waste', quantityCentiMl: inf.drawn - inf.given, occurredAt: wastedAt, witnessUserId: inf.witness, witnessSignedAt: at(inf.daysAgo, 10, 7), details: { witnessedOn: 'same device' } });
    await insertClosure(tx, { drawEntryId: draw.id, drawnCentiMl: inf.drawn, givenCentiMl: inf.given, wastedCentiMl: inf.drawn - inf.given, closedBy: inf.by, closedAt: at(inf.daysAgo, 10, 10) });

    if (inf.daysAgo === 24) {
      // A past shift count found 0.2 mL less of lot A than the ledger; the medical director adjusted the ledger (rule 37).
      const countedAt = at(24, 18);
      const lines = (await balancesOf(tx, { locationId: cabinet.id })).filter((b) => b.stockCentiMl > 0);
      const count = await insertCount(tx, { kind: 'shift', locationId: cabinet.id, countedAt, countedOn: dateAgo(24), countedBy: nurse2, signedAt: countedAt, notes: 'End-of-day count.' });
      await insertCountLines(tx, lines.map((b) => ({ countId: count.id, lotId: b.lotId, locationId: b.locationId, expectedCentiMl: b.stockCentiMl, countedCentiMl: b.lotId === lotA.id ? b.stockCentiMl - 20 : b.stockCentiMl })));
      const expectedA = lines.find((b) => b.lotId === lotA.id)!.stockCentiMl;
      const investigation = await insertInvestigation(tx, {
        countId: count.id,
        openedAt: countedAt,
        findings: [{
          rule: 37, severity: 'warning', code: 'count-shortage',
          message: `Lot KT50-2411A at Infusion suite cabinet: counted ${(expectedA - 20) / 100} mL, ledger ${expectedA / 100} mL (short by 0.2 mL, tolerance 0.1 mL); investigate and reconcile. If it is a theft or significant loss, the DEA notice timers start now (rule 37, rule 38).`,
          facts: { lotId: 'KT50-2411A at Infusion suite cabinet', countedMl: (expectedA - 20) / 100, expectedMl: expectedA / 100, differenceMl: -0.2 },
          thresholds: { countToleranceMl: 0.1 }, sources: ['S38'],
        }],
      });
      const resolvedAt = at(23, 9);
      const explanation = 'Partial vial under-read at the end-of-day count (meniscus); second count with the medical director confirmed 0.2 mL less in the vial. Ledger adjusted; no sign of diversion.';
      await entry(k50, lotA, { locationId: cabinet.id, kind: 'adjustment', quantityCentiMl: -20, occurredAt: resolvedAt, userId: md, investigationId: investigation.id, reason: explanation });
      await insertResolution(tx, { investigationId: investigation.id, outcome: 'adjust-ledger', explanation, resolvedBy: md, resolvedAt });
    }
  }

  // Yesterday's end-of-day shift count of the cabinet: matches the ledger.
  const countedAt = at(1, 18);
  const lines = (await balancesOf(tx, { locationId: cabinet.id })).filter((b) => b.stockCentiMl > 0);
  const count = await insertCount(tx, { kind: 'shift', locationId: cabinet.id, countedAt, countedOn: dateAgo(1), countedBy: nurse, signedAt: countedAt, notes: null });
  await insertCountLines(tx, lines.map((b) => ({ countId: count.id, lotId: b.lotId, locationId: b.locationId, expectedCentiMl: b.stockCentiMl, countedCentiMl: b.stockCentiMl })));

  await recordAudit(tx, SYSTEM_ACTOR, { action: 'system.seed-demo-inventory', resourceType: 'inventory', details: { lots: 3, draws: infusions.length } }, now);
}
