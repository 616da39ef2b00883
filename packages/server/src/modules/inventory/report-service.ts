/**
 * Inspector-ready records (clinical.md §15 rules 34, 36-38; 21 CFR 1304.04,
 * 1304.22(c)): dispensing log, receipts log, per-lot history, inventory report
 * and discrepancy report for a clinic-local date range, optionally limited to one
 * schedule so Schedule III records can be exported separately (rule 36). Every
 * report is one table with totals, rendered on screen, as CSV and as PDF from the
 * same numbers. Totals are summed as integers in hundredths, as the ledger is.
 */
import { and, lt, sql } from 'drizzle-orm';
import { earliestDestructionOn } from '@glia/clinical';
import type { InventoryReport, ReportKind, ReportQuery } from '@glia/contracts';
import type { DbOrTx } from '../../db/client.ts';
import { ledgerEntries } from '../../db/schema/index.ts';
import { invalidField, notFound } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { recordDisclosure } from '../disclosures/disclosure-service.ts';
import { nextDate, startOfLocalDay } from './clinic-calendar.ts';
import { countViews } from './count-service.ts';
import {
  balancesBefore,
  drawEntries,
  entriesBetween,
  listCounts,
  listLocations,
  listLots,
  lotsReceivedBetween,
  usersByIds,
  type EntryView,
  type LotWithProduct,
} from './inventory-repo.ts';
import { toLedgerUser } from './inventory-views.ts';
import { administrationRecords } from './ledger-service.ts';
import { inLedgerTransaction, type InventoryDeps, type LedgerContext } from './ledger-context.ts';
import { centiMgOf, fromCenti, toCenti } from './quantities.ts';

type Column = InventoryReport['columns'][number];
type Row = InventoryReport['rows'][number];

const col = (key: string, label: string, numeric = false): Column => ({ key, label, numeric });

const TITLES: Record<ReportKind, string> = {
  dispensing: 'Dispensing and administration log',
  receipts: 'Receipts log',
  'lot-history': 'Lot history',
  inventory: 'Inventory report',
  discrepancies: 'Discrepancy and loss report',
};

interface Built {
  columns: Column[];
  rows: Row[];
  totals: Row | null;
  notes: string[];
  /** Patients named in the rows (a disclosure each when exported). */
  patientIds: string[];
  title?: string;
}

interface ReportScope {
  ctx: LedgerContext;
  query: ReportQuery;
  from: Date;
  to: Date;
  lots: Map<string, LotWithProduct>;
  /** Lots of the requested schedule (all when none). */
  inScope: (lotId: string) => boolean;
}

function clinicTime(instant: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const ml = (centi: number): number => fromCenti(centi);

function sumKeys(rows: readonly Row[], keys: readonly string[]): Row {
  const out: Row = {};
  for (const key of keys) out[key] = fromCenti(rows.reduce((s, r) => s + toCenti(Number(r[key] ?? 0)), 0));
  return out;
}

// ── Dispensing (rule 34) ──────────────────────────────────────────────────

async function dispensing(tx: DbOrTx, s: ReportScope): Promise<Built> {
  const draws = (await drawEntries(tx, and(sql`${ledgerEntries.occurredAt} >= ${s.from}`, lt(ledgerEntries.occurredAt, s.to)))).filter((d) => s.inScope(d.lotId));
  const records = await administrationRecords(tx, draws, s.lots, s.ctx);
  const rows: Row[] = records.map((r) => ({
    drawnAt: clinicTime(new Date(r.drawnAt), s.ctx.timeZone),
    patient: r.patient?.name ?? null,
    mrn: r.patient?.mrn ?? null,
    address: r.patient?.address ?? null,
    drug: r.productName,
    ndc: r.ndc,
    concentration: `${r.concentrationMgPerMl} mg/mL`,
    lot: r.lotNumber,
    drawnMl: r.drawnMl,
    drawnMg: r.drawnMg,
    givenMl: r.givenMl,
    givenMg: r.givenMg,
    wastedMl: r.wastedMl,
    wastedMg: r.wastedMg,
    administeredBy: [r.drawnBy, ...r.administeredBy].map((u) => u.displayName).filter((n, i, a) => a.indexOf(n) === i).join('; '),
    witness: r.witnesses.map((u) => u.displayName).join('; ') || null,
    status: r.status,
  }));
  const numeric = ['drawnMl', 'drawnMg', 'givenMl', 'givenMg', 'wastedMl', 'wastedMg'];
  return {
    columns: [
      col('drawnAt', 'Date and time'), col('patient', 'Patient'), col('mrn', 'MRN'), col('address', 'Address'), col('drug', 'Drug'), col('ndc', 'NDC'),
      col('concentration', 'Strength'), col('lot', 'Lot'), col('drawnMl', 'Drawn mL', true), col('drawnMg', 'Drawn mg', true), col('givenMl', 'Given mL', true),
      col('givenMg', 'Given mg', true), col('wastedMl', 'Wasted mL', true), col('wastedMg', 'Wasted mg', true), col('administeredBy', 'Administered by'),
      col('witness', 'Waste witness'), col('status', 'Record'),
    ],
    rows,
    totals: { drawnAt: 'Total', ...sumKeys(rows, numeric) },
    notes: [
      'Rule 34: drawn = given + wasted; an "open" record does not balance yet and cannot be closed.',
      'Rule 35: every waste carries a second licensed witness.',
    ],
    patientIds: [...new Set(records.flatMap((r) => (r.patient ? [r.patient.id] : [])))],
  };
}

// ── Receipts ──────────────────────────────────────────────────────────────

async function receipts(tx: DbOrTx, s: ReportScope): Promise<Built> {
  const lots = (await lotsReceivedBetween(tx, s.from, s.to)).filter((l) => s.inScope(l.lot.id));
  const users = await usersByIds(tx, lots.flatMap((l) => [l.lot.receivedBy, ...(l.verification ? [l.verification.verifiedBy] : [])]));
  const rows: Row[] = lots.map(({ lot, product, verification }) => ({
    receivedAt: clinicTime(lot.receivedAt, s.ctx.timeZone),
    drug: product.name,
    ndc: product.ndc,
    schedule: product.schedule,
    lot: lot.lotNumber,
    expiresOn: lot.expiresOn,
    supplier: lot.supplier,
    supplierDea: lot.supplierDeaNumber,
    invoice: lot.invoiceNumber,
    vials: lot.receivedVials,
    ml: ml(lot.receivedCentiMl),
    mg: fromCenti(centiMgOf(lot.receivedCentiMl, product.concentrationMgPerMl)),
    receivedBy: toLedgerUser(users, lot.receivedBy).displayName,
    verifiedBy: verification ? toLedgerUser(users, verification.verifiedBy).displayName : 'awaiting verification',
  }));
  return {
    columns: [
      col('receivedAt', 'Received'), col('drug', 'Drug'), col('ndc', 'NDC'), col('schedule', 'Schedule'), col('lot', 'Lot'), col('expiresOn', 'Expires'),
      col('supplier', 'Supplier'), col('supplierDea', 'Supplier DEA no.'), col('invoice', 'Invoice / packing slip'), col('vials', 'Vials', true),
      col('ml', 'mL', true), col('mg', 'mg', true), col('receivedBy', 'Received by'), col('verifiedBy', 'Verified by'),
    ],
    rows,
    totals: { receivedAt: 'Total', vials: rows.reduce((n, r) => n + Number(r.vials), 0), ...sumKeys(rows, ['ml', 'mg']) },
    notes: ['Schedule III-V receipts are recorded from the invoice or packing slip (21 CFR 1304.22(c)).'],
    patientIds: [],
  };
}

// ── Lot history ───────────────────────────────────────────────────────────

function kindLabel(v: EntryView): string {
  return v.entry.kind === 'reversal' ? `reversal of ${v.reversedKind ?? 'entry'}` : v.entry.kind;
}

async function lotHistory(tx: DbOrTx, s: ReportScope): Promise<Built> {
  const lotId = s.query.lotId;
  if (!lotId) throw invalidField('query.lotId', 'is required for the lot history');
  const lot = s.lots.get(lotId);
  if (!lot) throw notFound('Lot');
  const opening = (await balancesBefore(tx, s.from)).filter((b) => b.lotId === lotId).reduce((n, b) => n + b.stockCentiMl, 0);
  const entries = s.inScope(lotId) ? await entriesBetween(tx, { from: s.from, to: s.to, lotId }) : [];
  const users = await usersByIds(tx, entries.flatMap((e) => [e.entry.userId, ...(e.entry.witnessUserId ? [e.entry.witnessUserId] : [])]));
  let running = opening;
  const conc = lot.product.concentrationMgPerMl;
  const rows: Row[] = entries.map((v) => {
    running += v.entry.stockDeltaCentiMl;
    return {
      seq: v.entry.seq,
      occurredAt: clinicTime(v.entry.occurredAt, s.ctx.timeZone),
      kind: kindLabel(v),
      location: v.locationName,
      stockChangeMl: ml(v.entry.stockDeltaCentiMl),
      stockChangeMg: fromCenti(centiMgOf(v.entry.stockDeltaCentiMl, conc)),
      drawnChangeMl: ml(v.entry.drawnDeltaCentiMl),
      stockAfterMl: ml(running),
      user: toLedgerUser(users, v.entry.userId).displayName,
      witness: v.entry.witnessUserId ? toLedgerUser(users, v.entry.witnessUserId).displayName : null,
      session: v.entry.sessionId,
      note: [v.entry.reference, v.entry.reason].filter(Boolean).join(' · ') || null,
    };
  });
  const net = entries.reduce((n, v) => n + v.entry.stockDeltaCentiMl, 0);
  return {
    title: `Lot history: ${lot.product.name}, lot ${lot.lot.lotNumber} (NDC ${lot.product.ndc}, expires ${lot.lot.expiresOn})`,
    columns: [
      col('seq', 'No.', true), col('occurredAt', 'Date and time'), col('kind', 'Movement'), col('location', 'Location'), col('stockChangeMl', 'Stock change mL', true),
      col('stockChangeMg', 'Stock change mg', true), col('drawnChangeMl', 'Drawn change mL', true), col('stockAfterMl', 'Lot stock after mL', true), col('user', 'By'),
      col('witness', 'Witness / verifier'), col('session', 'Session'), col('note', 'Reference / reason'),
    ],
    rows,
    totals: { seq: null, occurredAt: 'Total', stockChangeMl: ml(net), stockChangeMg: fromCenti(centiMgOf(net, conc)), stockAfterMl: ml(opening + net) },
    notes: [`Opening stock ${fromCenti(opening).toFixed(2)} mL; closing stock ${fromCenti(opening + net).toFixed(2)} mL (${fromCenti(centiMgOf(opening + net, conc)).toFixed(2)} mg).`],
    patientIds: [],
  };
}

// ── Inventory (opening + movements = closing) ─────────────────────────────

const INVENTORY_MOVES = [
  ['receipt', 'receivedMl', 'Received mL'],
  ['transfer-in', 'transferInMl', 'Transferred in mL'],
  ['transfer-out', 'transferOutMl', 'Transferred out mL'],
  ['draw', 'drawnMl', 'Drawn mL'],
  ['return', 'returnedMl', 'Returned / Form 41 mL'],
  ['loss', 'lostMl', 'Lost mL'],
  ['adjustment', 'adjustedMl', 'Adjusted mL'],
] as const;

async function inventory(tx: DbOrTx, s: ReportScope): Promise<Built> {
  const opening = await balancesBefore(tx, s.from);
  const closing = await balancesBefore(tx, s.to);
  const entries = await entriesBetween(tx, { from: s.from, to: s.to });
  const locations = new Map((await listLocations(tx)).map((l) => [l.id, l.name]));
  const key = (lotId: string, locationId: string): string => `${lotId}@${locationId}`;
  interface Acc { lotId: string; locationId: string; opening: number; closing: number; drawnOpen: number; moves: Map<string, number>; given: number; wasted: number }
  const acc = new Map<string, Acc>();
  const get = (lotId: string, locationId: string): Acc => {
    const k = key(lotId, locationId);
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { lotId, locationId, opening: 0, closing: 0, drawnOpen: 0, moves: new Map(), given: 0, wasted: 0 }));
    return a;
  };
  for (const b of opening) get(b.lotId, b.locationId).opening = b.stockCentiMl;
  for (const b of closing) {
    const a = get(b.lotId, b.locationId);
    a.closing = b.stockCentiMl;
    a.drawnOpen = b.drawnCentiMl;
  }
  for (const v of entries) {
    const a = get(v.entry.lotId, v.entry.locationId);
    // A reversal counts, with its sign, in the column of the movement it undoes.
    const kind = v.entry.kind === 'reversal' ? (v.reversedKind ?? 'adjustment') : v.entry.kind;
    a.moves.set(kind, (a.moves.get(kind) ?? 0) + v.entry.stockDeltaCentiMl);
    if (kind === 'administration') a.given -= v.entry.drawnDeltaCentiMl;
    if (kind === 'waste') a.wasted -= v.entry.drawnDeltaCentiMl;
  }
  const rows: Row[] = [...acc.values()]
    .filter((a) => s.inScope(a.lotId) && (a.opening !== 0 || a.closing !== 0 || a.moves.size > 0 || a.given !== 0 || a.wasted !== 0 || a.drawnOpen !== 0))
    .map((a) => {
      const { lot, product } = s.lots.get(a.lotId)!;
      const row: Row = {
        drug: product.name,
        ndc: product.ndc,
        schedule: product.schedule,
        lot: lot.lotNumber,
        expiresOn: lot.expiresOn,
        location: locations.get(a.locationId) ?? '',
        openingMl: ml(a.opening),
      };
      // Movements are shown as they change stock: outflows negative.
      for (const [kind, k] of INVENTORY_MOVES) row[k] = ml(a.moves.get(kind) ?? 0);
      row.closingMl = ml(a.closing);
      row.closingMg = fromCenti(centiMgOf(a.closing, product.concentrationMgPerMl));
      row.givenMl = ml(a.given);
      row.wastedMl = ml(a.wasted);
      row.drawnUnaccountedMl = ml(a.drawnOpen);
      return row;
    })
    .sort((x, y) => String(x.drug).localeCompare(String(y.drug)) || String(x.lot).localeCompare(String(y.lot)) || String(x.location).localeCompare(String(y.location)));
  const numeric = ['openingMl', ...INVENTORY_MOVES.map(([, k]) => k), 'closingMl', 'closingMg', 'givenMl', 'wastedMl', 'drawnUnaccountedMl'];
  return {
    columns: [
      col('drug', 'Drug'), col('ndc', 'NDC'), col('schedule', 'Schedule'), col('lot', 'Lot'), col('expiresOn', 'Expires'), col('location', 'Location'),
      col('openingMl', 'Opening mL', true), ...INVENTORY_MOVES.map(([, k, label]) => col(k, label, true)), col('closingMl', 'Closing mL', true),
      col('closingMg', 'Closing mg', true), col('givenMl', 'Given mL', true), col('wastedMl', 'Wasted mL', true), col('drawnUnaccountedMl', 'Drawn, not yet given mL', true),
    ],
    rows,
    totals: { drug: 'Total', ...sumKeys(rows, numeric) },
    notes: [
      'Opening + received + transferred in - transferred out - drawn - returned - lost ± adjusted = closing, per lot and location; reversals are netted in the column of the movement they undo.',
      'Given and wasted account for what was drawn (rule 34). Stock on hand is what is in the safe or cabinet.',
    ],
    patientIds: [],
  };
}

// ── Discrepancies and losses (rules 37, 38) ───────────────────────────────

async function discrepancies(tx: DbOrTx, s: ReportScope): Promise<Built> {
  const counts = await countViews(tx, await listCounts(tx, { from: s.from, to: s.to }));
  const rows: Row[] = [];
  for (const c of counts) {
    for (const line of c.lines.filter((l) => l.differenceMl !== 0 && s.inScope(l.lotId))) {
      rows.push({
        when: clinicTime(new Date(c.countedAt), s.ctx.timeZone),
        type: `count difference (${c.kind})`,
        drug: s.lots.get(line.lotId)!.product.name,
        lot: line.lotNumber,
        location: line.locationName,
        quantityMl: line.differenceMl,
        status: c.investigationStatus ?? 'within tolerance',
        detail: `expected ${line.expectedMl.toFixed(2)} mL, counted ${line.countedMl.toFixed(2)} mL by ${c.countedBy.displayName}`,
      });
    }
  }
  const entries = (await entriesBetween(tx, { from: s.from, to: s.to })).filter((v) => s.inScope(v.entry.lotId));
  const users = await usersByIds(tx, entries.map((v) => v.entry.userId));
  for (const v of entries) {
    const kind = v.entry.kind;
    if (kind !== 'loss' && kind !== 'adjustment' && kind !== 'reversal') continue;
    rows.push({
      when: clinicTime(v.entry.occurredAt, s.ctx.timeZone),
      type: kind === 'loss' ? `loss (${String(v.entry.details.lossKind ?? 'count shortage')})` : kindLabel(v),
      drug: s.lots.get(v.entry.lotId)!.product.name,
      lot: s.lots.get(v.entry.lotId)!.lot.lotNumber,
      location: v.locationName,
      quantityMl: ml(v.entry.stockDeltaCentiMl),
      status: v.entry.lossReportId ? 'DEA report opened' : 'recorded',
      detail: `${v.entry.reason ?? ''} (by ${toLedgerUser(users, v.entry.userId).displayName})`.trim(),
    });
  }
  rows.sort((a, b) => String(a.when).localeCompare(String(b.when)));
  return {
    columns: [col('when', 'Date and time'), col('type', 'What'), col('drug', 'Drug'), col('lot', 'Lot'), col('location', 'Location'), col('quantityMl', 'mL', true), col('status', 'Status'), col('detail', 'Detail')],
    rows,
    totals: { when: 'Total', ...sumKeys(rows, ['quantityMl']) },
    notes: ['Count differences beyond the tolerance open an investigation for the medical director (rule 37); a theft or significant loss starts the DEA deadlines (rule 38).'],
    patientIds: [],
  };
}

// ── Building and exporting ────────────────────────────────────────────────

const BUILDERS: Record<ReportKind, (tx: DbOrTx, s: ReportScope) => Promise<Built>> = {
  dispensing,
  receipts,
  'lot-history': lotHistory,
  inventory,
  discrepancies,
};

async function build(tx: DbOrTx, ctx: LedgerContext, kind: ReportKind, query: ReportQuery): Promise<{ report: InventoryReport; patientIds: string[] }> {
  const lots = new Map((await listLots(tx)).map((l) => [l.lot.id, l]));
  const scope: ReportScope = {
    ctx,
    query,
    from: startOfLocalDay(query.from, ctx.timeZone),
    to: startOfLocalDay(nextDate(query.to), ctx.timeZone),
    lots,
    inScope: (lotId) => !query.schedule || lots.get(lotId)?.product.schedule === query.schedule,
  };
  const built = await BUILDERS[kind](tx, scope);
  const users = await usersByIds(tx, [ctx.actor.userId]);
  const title = `${built.title ?? TITLES[kind]}${query.schedule ? ` (Schedule ${query.schedule})` : ''}`;
  return {
    report: {
      kind,
      title,
      clinicName: ctx.clinicName,
      from: query.from,
      to: query.to,
      schedule: query.schedule ?? null,
      timeZone: ctx.timeZone,
      generatedAt: ctx.now.toISOString(),
      generatedBy: toLedgerUser(users, ctx.actor.userId),
      columns: built.columns,
      rows: built.rows,
      totals: built.totals,
      notes: built.notes,
      retainUntil: earliestDestructionOn(query.to, ctx.rules.ledger),
    },
    patientIds: built.patientIds,
  };
}

/** A report to show on screen. Reading the dispensing log reads each named patient's data (audited per patient). */
export async function getReport(deps: InventoryDeps, actor: AuditActor, kind: ReportKind, query: ReportQuery): Promise<InventoryReport> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const { report, patientIds } = await build(tx, ctx, kind, query);
    await recordAudit(tx, actor, { action: 'inventory.report.view', resourceType: 'inventory-report', resourceId: kind, details: { from: query.from, to: query.to, schedule: query.schedule ?? null, rows: report.rows.length } }, ctx.now);
    for (const patientId of patientIds) {
      await recordAudit(tx, actor, { action: 'inventory.report.read', resourceType: 'inventory-report', resourceId: kind, patientId }, ctx.now);
    }
    return report;
  });
}

/**
 * A report for download. A download naming patients is a disclosure of their
 * data: one accounting-of-disclosures entry per patient, in the same transaction.
 */
export async function exportReport(
  deps: InventoryDeps,
  actor: AuditActor,
  kind: ReportKind,
  query: ReportQuery,
  format: 'csv' | 'pdf',
  render: (report: InventoryReport) => Promise<Buffer>,
): Promise<{ report: InventoryReport; body: Buffer }> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const { report, patientIds } = await build(tx, ctx, kind, query);
    const body = await render(report);
    await recordAudit(tx, actor, { action: 'inventory.report.export', resourceType: 'inventory-report', resourceId: kind, details: { format, from: query.from, to: query.to, schedule: query.schedule ?? null, rows: report.rows.length } }, ctx.now);
    for (const patientId of patientIds) {
      await recordDisclosure(tx, actor, {
        patientId,
        channel: 'download',
        what: `${report.title} ${query.from} to ${query.to} (${format.toUpperCase()})`,
        recipient: 'downloaded for controlled-substance records / inspection',
        resourceType: 'inventory-report',
        resourceId: kind,
      }, ctx.now);
    }
    return { report, body };
  });
}
