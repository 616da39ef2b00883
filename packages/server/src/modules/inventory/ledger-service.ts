/**
 * Movements of controlled-substance stock (clinical.md §11.2, §15 rules 34, 35,
 * 38, 39). Each writes append-only ledger entries in one transaction with its
 * audit entry; the database trigger keeps the balances and refuses any that
 * would go below zero, so concurrent draws serialize on the lot's balance row.
 *
 * The infusion chart writes through the session-facing functions here:
 * drawForSession → recordAdministration / recordWaste (witness on this device)
 * or a pending waste the witness signs on a second device (witnessPendingWaste)
 * → closeAdministrationRecord (rule 34: drawn = given + wasted). Each has an
 * `…InTx` form that joins the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  checkAdministrationBalance,
  checkLotDrawable,
  checkWasteWitness,
  classifyDisposal,
  lossReportDeadlines,
  mgToMl,
  type Finding,
} from '@glia/clinical';
import type {
  AdministrationCreate,
  AdministrationRecord,
  DrawCreate,
  DrawCreated,
  LedgerEntry,
  LossCreate,
  LossReport,
  PendingWaste,
  ReturnCreate,
  ReversalCreate,
  TransferCreate,
  WasteCreate,
  WasteRecorded,
  WitnessSign,
} from '@glia/contracts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { ledgerEntries } from '../../db/schema/index.ts';
import { conflict, forbidden, invalidField, notFound, ruleBlocked, unprocessable } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { reauthenticate, type VerifiedSigner } from '../signing/reauthenticate.ts';
import { localDateOf } from './clinic-calendar.ts';
import { isLicensed } from './inventory-access.ts';
import {
  balancesOf,
  closuresFor,
  drawEntries,
  entriesForDraws,
  entryViewsByIds,
  findEntry,
  findLocation,
  findLot,
  findPendingWaste,
  insertClosure,
  insertEntry,
  insertLossReport,
  insertPendingWaste,
  isReversed,
  listLocations,
  listPendingWastes,
  lockBalances,
  patientsByIds,
  resolvePendingWaste,
  reversedIdsAmong,
  transferLegs,
  usersByIds,
  type EntryRow,
  type LotWithProduct,
  type PatientFacts,
  type PendingWasteRow,
} from './inventory-repo.ts';
import { entryUserIds, toLedgerEntry, toLedgerUser } from './inventory-views.ts';
import { inLedgerTransaction, ledgerContext, type InventoryDeps, type LedgerContext } from './ledger-context.ts';
import { isNegativeStock, ledgerError, ledgerRefusal } from './ledger-errors.ts';
import { lossReportViews } from './loss-service.ts';
import { centiMgOf, fromCenti, toCenti } from './quantities.ts';
import { verifySecondSigner } from './second-signer.ts';

// ── Shared pieces ─────────────────────────────────────────────────────────

async function lotInUrl(tx: DbOrTx, lotId: string): Promise<LotWithProduct> {
  const lot = await findLot(tx, lotId);
  if (!lot) throw notFound('Lot');
  return lot;
}

/** The draw named in the URL, which must belong to the lot named there (else 404). */
async function drawOfLot(tx: DbOrTx, lotId: string, drawId: string): Promise<EntryRow> {
  const draw = await findEntry(tx, drawId);
  if (!draw || draw.kind !== 'draw' || draw.lotId !== lotId) throw notFound('Draw');
  return draw;
}

/**
 * A quantity given as mL or mg, in hundredths of a mL. mg are converted with the
 * clinical core's mgToMl at the clinic's volume increment (0.01 mL by default).
 */
function centiMlOf(input: { ml?: number | undefined; mg?: number | undefined }, concentrationMgPerMl: number, ctx: LedgerContext): number {
  const centi = input.ml !== undefined ? toCenti(input.ml) : toCenti(mgToMl(input.mg!, concentrationMgPerMl, ctx.rules.ledger.volumeIncrementMl));
  if (centi <= 0) throw invalidField(input.ml !== undefined ? 'ml' : 'mg', `is less than the smallest measurable volume (${ctx.rules.ledger.volumeIncrementMl} mL)`);
  return centi;
}

function instantNotInFuture(value: string | undefined, field: string, ctx: LedgerContext): Date {
  if (value === undefined) return ctx.now;
  const at = new Date(value);
  if (at.getTime() > ctx.now.getTime()) throw invalidField(field, 'must not be in the future');
  return at;
}

async function entryViews(tx: DbOrTx, ids: readonly string[]): Promise<LedgerEntry[]> {
  const views = await entryViewsByIds(tx, ids);
  const users = await usersByIds(tx, entryUserIds(views));
  const order = new Map(ids.map((id, i) => [id, i]));
  return views.sort((a, b) => (order.get(a.entry.id) ?? 0) - (order.get(b.entry.id) ?? 0)).map((v) => toLedgerEntry(v, users));
}

function blockFindings(findings: readonly Finding[], rule: number): void {
  const blocks = findings.filter((f) => f.severity === 'block');
  if (blocks.length > 0) throw ruleBlocked(rule, blocks.map((f) => f.message).join(' '), { findings: blocks });
}

// ── Draws ─────────────────────────────────────────────────────────────────

/**
 * Where a draw comes from when the request does not say: a location that holds
 * enough for it, the locked cabinets (the working stock) before the safe, then
 * the one holding most. When none holds enough, the ledger refuses the draw (409).
 */
async function defaultDrawLocation(tx: DbOrTx, lotId: string, centiMl: number): Promise<string | null> {
  const balances = await balancesOf(tx, { lotIds: [lotId] });
  const kinds = new Map((await listLocations(tx)).map((l) => [l.id, l.kind]));
  const ranked = [...balances].sort((a, b) =>
    Number(b.stockCentiMl >= centiMl) - Number(a.stockCentiMl >= centiMl) ||
    Number(kinds.get(b.locationId) === 'cabinet') - Number(kinds.get(a.locationId) === 'cabinet') ||
    b.stockCentiMl - a.stockCentiMl ||
    a.locationName.localeCompare(b.locationName));
  return ranked[0]?.locationId ?? null;
}

export interface DrawInput extends DrawCreate {
  lotId: string;
}

/**
 * Draws a dose from a lot for a session (the session is optional until the
 * infusion chart exists). Refuses an expired lot (rule 39) and, through the
 * ledger trigger, any draw the stock at that location cannot cover.
 */
export async function drawForSessionInTx(tx: Tx, ctx: LedgerContext, input: DrawInput): Promise<DrawCreated> {
  const { lot, product } = await lotInUrl(tx, input.lotId);
  const expired = checkLotDrawable(lot, ctx.today);
  if (expired) throw ruleBlocked(39, expired.message, { findings: [expired] });
  const centiMl = centiMlOf(input, product.concentrationMgPerMl, ctx);
  let locationId = input.locationId;
  if (locationId) {
    if (!(await findLocation(tx, locationId))) throw invalidField('locationId', 'is not a known storage location');
  } else {
    locationId = await defaultDrawLocation(tx, lot.id, centiMl) ?? lot.locationId;
  }
  const entry = await insertEntry(tx, {
    lotId: lot.id,
    locationId,
    kind: 'draw',
    quantityCentiMl: centiMl,
    quantityCentiMg: centiMgOf(centiMl, product.concentrationMgPerMl),
    occurredAt: ctx.now,
    recordedAt: ctx.now,
    userId: ctx.actor.userId,
    sessionId: input.sessionId ?? null,
    details: input.mg !== undefined ? { orderedMg: input.mg } : {},
  });
  await recordAudit(tx, ctx.actor, { action: 'inventory.draw', resourceType: 'inventory-lot', resourceId: lot.id, details: { entryId: entry.id, ml: fromCenti(centiMl), sessionId: input.sessionId ?? null } }, ctx.now);
  const after = await balancesOf(tx, { lotIds: [lot.id] });
  const stock = after.reduce((s, b) => s + b.stockCentiMl, 0);
  const [view] = await entryViews(tx, [entry.id]);
  return { entry: view!, balanceMl: fromCenti(stock), balanceMg: fromCenti(centiMgOf(stock, product.concentrationMgPerMl)) };
}

/** drawForSessionInTx in its own transaction; an overdraw is a 409 carrying the lot's balance. */
export async function drawForSession(deps: InventoryDeps, actor: AuditActor, input: DrawInput): Promise<DrawCreated> {
  const now = deps.now();
  try {
    return await deps.database.db.transaction(async (tx) => drawForSessionInTx(tx, await ledgerContext(tx, actor, now), input));
  } catch (error) {
    if (!isNegativeStock(ledgerRefusal(error))) throw ledgerError(error);
    const lot = await findLot(deps.database.db, input.lotId);
    const stock = (await balancesOf(deps.database.db, { lotIds: [input.lotId] })).reduce((s, b) => s + b.stockCentiMl, 0);
    const balanceMl = fromCenti(stock);
    throw conflict(`Not enough stock: lot ${lot?.lot.lotNumber ?? ''} holds ${balanceMl} mL in all, and this draw needs more than ${input.locationId ? 'that location' : 'its location'} holds.`, {
      balanceMl,
      balanceMg: fromCenti(centiMgOf(stock, lot?.product.concentrationMgPerMl ?? 0)),
    });
  }
}

// ── Administration records (rule 34) ─────────────────────────────────────

function formatAddress(a: PatientFacts['address']): string | null {
  if (!a) return null;
  return [a.line1, a.line2, `${a.city}, ${a.region} ${a.postalCode}`, a.country].filter(Boolean).join(', ');
}

/** Rule 34 records of these draws: drawn, given, wasted, patient, clinicians, status. */
export async function administrationRecords(tx: DbOrTx, draws: readonly EntryRow[], lots: ReadonlyMap<string, LotWithProduct>, ctx: Pick<LedgerContext, 'rules'>): Promise<AdministrationRecord[]> {
  const drawIds = draws.map((d) => d.id);
  const accounting = await entriesForDraws(tx, drawIds);
  const reversed = await reversedIdsAmong(tx, drawIds);
  const closures = await closuresFor(tx, drawIds);
  const patients = await patientsByIds(tx, accounting.map((e) => e.patientId).filter((id): id is string => id !== null));
  const users = await usersByIds(tx, [...draws.map((d) => d.userId), ...accounting.flatMap((e) => [e.userId, e.witnessUserId ?? e.userId]), ...[...closures.values()].map((c) => c.closedBy)]);
  const kindOf = new Map(accounting.map((e) => [e.id, e.kind]));
  return draws.map((draw) => {
    const mine = accounting.filter((e) => e.drawEntryId === draw.id);
    const net = (kind: 'administration' | 'waste'): number =>
      -mine.filter((e) => e.kind === kind || (e.kind === 'reversal' && kindOf.get(e.reversesEntryId!) === kind)).reduce((s, e) => s + e.drawnDeltaCentiMl, 0);
    const live = (kind: 'administration' | 'waste'): EntryRow[] => mine.filter((e) => e.kind === kind && !mine.some((r) => r.reversesEntryId === e.id));
    const drawnCenti = reversed.has(draw.id) ? 0 : draw.quantityCentiMl;
    const givenCenti = net('administration');
    const wastedCenti = net('waste');
    const { lot, product } = lots.get(draw.lotId)!;
    const conc = product.concentrationMgPerMl;
    const findings = checkAdministrationBalance({ drawnMl: fromCenti(drawnCenti), givenMl: fromCenti(givenCenti), wastedMl: fromCenti(wastedCenti) }, ctx.rules.session);
    const patientId = [...live('administration'), ...live('waste')][0]?.patientId ?? null;
    const patient = patientId ? patients.get(patientId) : undefined;
    const closure = closures.get(draw.id);
    const administrations = live('administration');
    const uniqueUsers = (ids: string[]): AdministrationRecord['administeredBy'] => [...new Set(ids)].map((id) => toLedgerUser(users, id));
    return {
      drawEntryId: draw.id,
      lotId: lot.id,
      lotNumber: lot.lotNumber,
      productName: product.name,
      ndc: product.ndc,
      concentrationMgPerMl: conc,
      locationId: draw.locationId,
      sessionId: draw.sessionId,
      patient: patient ? { id: patient.id, mrn: patient.mrn, name: `${patient.familyName}, ${patient.givenName}`, address: formatAddress(patient.address) } : null,
      drawnAt: draw.occurredAt.toISOString(),
      drawnBy: toLedgerUser(users, draw.userId),
      administeredBy: uniqueUsers(administrations.map((e) => e.userId)),
      witnesses: uniqueUsers(live('waste').map((e) => e.witnessUserId!).filter(Boolean)),
      lastAdministeredAt: administrations.at(-1)?.occurredAt.toISOString() ?? null,
      drawnMl: fromCenti(drawnCenti),
      drawnMg: fromCenti(centiMgOf(drawnCenti, conc)),
      givenMl: fromCenti(givenCenti),
      givenMg: fromCenti(centiMgOf(givenCenti, conc)),
      wastedMl: fromCenti(wastedCenti),
      wastedMg: fromCenti(centiMgOf(wastedCenti, conc)),
      status: closure ? 'closed' : findings.length === 0 ? 'balanced' : 'open',
      closedAt: closure?.closedAt.toISOString() ?? null,
      closedBy: closure ? toLedgerUser(users, closure.closedBy) : null,
      findings,
    };
  });
}

async function recordOf(tx: DbOrTx, ctx: LedgerContext, lot: LotWithProduct, drawId: string): Promise<AdministrationRecord> {
  const draw = (await findEntry(tx, drawId))!;
  const [record] = await administrationRecords(tx, [draw], new Map([[lot.lot.id, lot]]), ctx);
  return record!;
}

/** The rule 34 record of one draw; reading it reads the patient's data (audited). */
export async function getAdministrationRecord(deps: InventoryDeps, actor: AuditActor, lotId: string, drawId: string): Promise<AdministrationRecord> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const lot = await lotInUrl(tx, lotId);
    await drawOfLot(tx, lotId, drawId);
    const record = await recordOf(tx, ctx, lot, drawId);
    await recordAudit(tx, actor, { action: 'inventory.administration.read', resourceType: 'ledger-draw', resourceId: drawId, patientId: record.patient?.id ?? null }, ctx.now);
    return record;
  });
}

/** The patient a draw was given to (its first live administration or waste), or null. */
async function patientOfDraw(tx: DbOrTx, drawId: string): Promise<string | null> {
  const rows = await entriesForDraws(tx, [drawId]);
  const reversedIds = new Set(rows.filter((r) => r.kind === 'reversal').map((r) => r.reversesEntryId));
  const pending = await listPendingWastes(tx, { status: 'pending', drawIds: [drawId] });
  return rows.find((r) => (r.kind === 'administration' || r.kind === 'waste') && !reversedIds.has(r.id))?.patientId ?? pending[0]?.patientId ?? null;
}

async function checkPatient(tx: DbOrTx, drawId: string, patientId: string): Promise<void> {
  const known = await patientsByIds(tx, [patientId]);
  if (!known.has(patientId)) throw invalidField('patientId', 'is not a registered patient');
  const current = await patientOfDraw(tx, drawId);
  if (current !== null && current !== patientId) throw conflict('This draw is already recorded for another patient; draw again for this patient.', undefined, [{ field: 'patientId', reason: 'differs from the patient of this draw' }]);
}

export interface AdministrationInput extends AdministrationCreate {
  lotId: string;
  drawId: string;
}

/** Records what was given to the patient from a draw (rule 34). */
export async function recordAdministrationInTx(tx: Tx, ctx: LedgerContext, input: AdministrationInput): Promise<AdministrationRecord> {
  const lot = await lotInUrl(tx, input.lotId);
  const draw = await drawOfLot(tx, input.lotId, input.drawId);
  await lockBalances(tx, lot.lot.id, [draw.locationId]);
  await checkPatient(tx, draw.id, input.patientId);
  const at = instantNotInFuture(input.administeredAt, 'administeredAt', ctx);
  if (at.getTime() < draw.occurredAt.getTime()) throw invalidField('administeredAt', 'must not be before the draw');
  const centiMl = centiMlOf(input, lot.product.concentrationMgPerMl, ctx);
  const entry = await insertEntry(tx, {
    lotId: lot.lot.id,
    locationId: draw.locationId,
    kind: 'administration',
    quantityCentiMl: centiMl,
    quantityCentiMg: centiMgOf(centiMl, lot.product.concentrationMgPerMl),
    occurredAt: at,
    recordedAt: ctx.now,
    userId: ctx.actor.userId,
    sessionId: draw.sessionId,
    patientId: input.patientId,
    drawEntryId: draw.id,
  });
  await recordAudit(tx, ctx.actor, { action: 'inventory.administration.create', resourceType: 'ledger-draw', resourceId: draw.id, patientId: input.patientId, details: { entryId: entry.id, ml: fromCenti(centiMl) } }, ctx.now);
  return recordOf(tx, ctx, lot, draw.id);
}

export async function recordAdministration(deps: InventoryDeps, actor: AuditActor, input: AdministrationInput): Promise<AdministrationRecord> {
  return inLedgerTransaction(deps, actor, (tx, ctx) => recordAdministrationInTx(tx, ctx, input));
}

// ── Waste (rule 35) ───────────────────────────────────────────────────────

async function pendingCentiOf(tx: DbOrTx, drawId: string): Promise<number> {
  return (await listPendingWastes(tx, { status: 'pending', drawIds: [drawId] })).reduce((s, p) => s + p.quantityCentiMl, 0);
}

/** Rule 34 before a waste: given + wasted + waiting wastes may not exceed the draw. */
async function checkWasteFits(tx: DbOrTx, lot: LotWithProduct, draw: EntryRow, centiMl: number, ctx: LedgerContext, excludePending = 0): Promise<void> {
  const record = await recordOf(tx, ctx, lot, draw.id);
  const waiting = (await pendingCentiOf(tx, draw.id)) - excludePending;
  const unaccounted = toCenti(record.drawnMl) - toCenti(record.givenMl) - toCenti(record.wastedMl) - waiting;
  if (centiMl > unaccounted) {
    throw ruleBlocked(34, `Only ${fromCenti(Math.max(unaccounted, 0))} mL of this draw is not yet given or wasted${waiting > 0 ? ` (${fromCenti(waiting)} mL waits for a witness)` : ''}; ${fromCenti(centiMl)} mL cannot be wasted (rule 34).`);
  }
}

/** Rule 35 on a witness: licensed, not the one who wasted, within the shift (± 12 h without a shift record). */
function checkWitness(signer: VerifiedSigner, wastedBy: string, wastedAt: Date, centiMl: number, ctx: LedgerContext): void {
  const findings = checkWasteWitness(
    { wastedMl: fromCenti(centiMl), wastedAt, administeredByUserId: wastedBy, witness: { userId: signer.userId, licensed: isLicensed(signer), signedAt: ctx.now }, shift: null },
    ctx.rules.session,
  );
  blockFindings(findings, 35);
}

export interface WasteInput extends Omit<WasteCreate, 'witness'> {
  lotId: string;
  drawId: string;
}

/**
 * Writes a witnessed waste (rule 35) for a draw: `witness` has re-authenticated
 * in this request. Wastage of a drawn dose belongs on the waste log (rule 39).
 */
export async function recordWasteInTx(tx: Tx, ctx: LedgerContext, input: WasteInput, witness: VerifiedSigner, pending?: PendingWasteRow): Promise<LedgerEntry> {
  blockFindings(classifyDisposal('wastage', 'waste-log').findings, 39);
  const lot = await lotInUrl(tx, input.lotId);
  const draw = await drawOfLot(tx, input.lotId, input.drawId);
  await lockBalances(tx, lot.lot.id, [draw.locationId]);
  const wastedBy = pending?.wastedBy ?? ctx.actor.userId;
  const wastedAt = pending?.wastedAt ?? instantNotInFuture(input.wastedAt, 'wastedAt', ctx);
  if (wastedAt.getTime() < draw.occurredAt.getTime()) throw invalidField('wastedAt', 'must not be before the draw');
  const centiMl = pending?.quantityCentiMl ?? centiMlOf(input, lot.product.concentrationMgPerMl, ctx);
  const patientId = pending?.patientId ?? input.patientId ?? (await patientOfDraw(tx, draw.id));
  if (!patientId) throw invalidField('patientId', 'is required: nothing from this draw has been given to a patient yet');
  await checkPatient(tx, draw.id, patientId);
  checkWitness(witness, wastedBy, wastedAt, centiMl, ctx);
  await checkWasteFits(tx, lot, draw, centiMl, ctx, pending?.quantityCentiMl ?? 0);
  const entry = await insertEntry(tx, {
    lotId: lot.lot.id,
    locationId: draw.locationId,
    kind: 'waste',
    quantityCentiMl: centiMl,
    quantityCentiMg: centiMgOf(centiMl, lot.product.concentrationMgPerMl),
    occurredAt: wastedAt,
    recordedAt: ctx.now,
    userId: wastedBy,
    witnessUserId: witness.userId,
    witnessSignedAt: ctx.now,
    sessionId: draw.sessionId,
    patientId,
    drawEntryId: draw.id,
    details: pending ? { pendingWasteId: pending.id, witnessedOn: 'second device' } : { witnessedOn: 'same device' },
  });
  await recordAudit(tx, ctx.actor, { action: 'inventory.waste.create', resourceType: 'ledger-draw', resourceId: draw.id, patientId, details: { entryId: entry.id, ml: fromCenti(centiMl), witness: witness.userId } }, ctx.now);
  return (await entryViews(tx, [entry.id]))[0]!;
}

async function pendingWasteViews(tx: DbOrTx, rows: readonly PendingWasteRow[]): Promise<PendingWaste[]> {
  const lots = new Map<string, LotWithProduct>();
  for (const r of rows) if (!lots.has(r.lotId)) lots.set(r.lotId, (await findLot(tx, r.lotId))!);
  const users = await usersByIds(tx, rows.map((r) => r.wastedBy));
  const patients = await patientsByIds(tx, rows.map((r) => r.patientId));
  return rows.map((r) => {
    const { lot, product } = lots.get(r.lotId)!;
    const p = patients.get(r.patientId);
    return {
      id: r.id,
      drawEntryId: r.drawEntryId,
      lotId: r.lotId,
      lotNumber: lot.lotNumber,
      productName: product.name,
      concentrationMgPerMl: product.concentrationMgPerMl,
      quantityMl: fromCenti(r.quantityCentiMl),
      quantityMg: fromCenti(centiMgOf(r.quantityCentiMl, product.concentrationMgPerMl)),
      wastedAt: r.wastedAt.toISOString(),
      wastedBy: toLedgerUser(users, r.wastedBy),
      patient: { id: r.patientId, mrn: p?.mrn ?? '', name: p ? `${p.familyName}, ${p.givenName}` : 'Unknown patient' },
      status: r.status as PendingWaste['status'],
      createdAt: r.createdAt.toISOString(),
    };
  });
}

/**
 * Records a waste. With `witness` (e-mail + password typed on this device) it is
 * written to the ledger at once; without, it waits for a witness to sign on a
 * second device (rule 35) and the drawn amount stays unaccounted until then.
 */
export async function recordWaste(deps: InventoryDeps, actor: AuditActor, input: WasteInput & Pick<WasteCreate, 'witness'>): Promise<WasteRecorded> {
  if (input.witness) {
    const witness = await verifySecondSigner(deps, actor, input.witness, 'inventory.waste-witness', 'witness');
    const entry = await inLedgerTransaction(deps, actor, (tx, ctx) => recordWasteInTx(tx, ctx, input, witness));
    return { entry, pending: null };
  }
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const lot = await lotInUrl(tx, input.lotId);
    const draw = await drawOfLot(tx, input.lotId, input.drawId);
    await lockBalances(tx, lot.lot.id, [draw.locationId]);
    const wastedAt = instantNotInFuture(input.wastedAt, 'wastedAt', ctx);
    const centiMl = centiMlOf(input, lot.product.concentrationMgPerMl, ctx);
    const patientId = input.patientId ?? (await patientOfDraw(tx, draw.id));
    if (!patientId) throw invalidField('patientId', 'is required: nothing from this draw has been given to a patient yet');
    await checkPatient(tx, draw.id, patientId);
    if ((await closuresFor(tx, [draw.id])).has(draw.id)) throw conflict('The administration record of this draw is closed.');
    await checkWasteFits(tx, lot, draw, centiMl, ctx);
    const row = await insertPendingWaste(tx, { drawEntryId: draw.id, lotId: lot.lot.id, patientId, quantityCentiMl: centiMl, wastedAt, wastedBy: ctx.actor.userId, createdAt: ctx.now });
    await recordAudit(tx, actor, { action: 'inventory.waste.pending', resourceType: 'ledger-draw', resourceId: draw.id, patientId, details: { pendingWasteId: row.id, ml: fromCenti(centiMl) } }, ctx.now);
    const [pending] = await pendingWasteViews(tx, [row]);
    return { entry: null, pending: pending! };
  });
}

export async function listOpenPendingWastes(deps: InventoryDeps, actor: AuditActor): Promise<PendingWaste[]> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const rows = await listPendingWastes(tx, { status: 'pending' });
    for (const r of rows) await recordAudit(tx, actor, { action: 'inventory.waste.pending.read', resourceType: 'pending-waste', resourceId: r.id, patientId: r.patientId }, ctx.now);
    return pendingWasteViews(tx, rows);
  });
}

/** The witness, signed in on their own device, signs a pending waste (rule 35). */
export async function witnessPendingWaste(deps: InventoryDeps, actor: AuditActor, pendingId: string, body: WitnessSign): Promise<LedgerEntry> {
  const pending = await findPendingWaste(deps.database.db, pendingId);
  if (!pending) throw notFound('Pending waste');
  const witness = await reauthenticate(deps, actor, actor.userId!, body.signature, 'inventory.waste-witness');
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const current = await findPendingWaste(tx, pendingId);
    if (current?.status !== 'pending') throw conflict(`This waste is no longer waiting for a witness (it was ${current?.status ?? 'removed'}).`);
    const entry = await recordWasteInTx(tx, ctx, { lotId: current.lotId, drawId: current.drawEntryId, ml: fromCenti(current.quantityCentiMl) }, witness, current);
    const done = await resolvePendingWaste(tx, pendingId, { status: 'witnessed', ledgerEntryId: entry.id, resolvedAt: ctx.now, resolvedBy: witness.userId });
    if (!done) throw conflict('Someone else resolved this waste at the same moment.');
    return entry;
  });
}

/** The person who recorded a pending waste, or the medical director, withdraws it. */
export async function cancelPendingWaste(deps: InventoryDeps, actor: AuditActor & { roles: readonly string[] }, pendingId: string): Promise<void> {
  await inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const pending = await findPendingWaste(tx, pendingId);
    if (!pending) throw notFound('Pending waste');
    if (pending.wastedBy !== ctx.actor.userId && !actor.roles.includes('medical-director')) throw forbidden('Only the person who recorded this waste or the medical director can withdraw it.');
    const done = await resolvePendingWaste(tx, pendingId, { status: 'cancelled', ledgerEntryId: null, resolvedAt: ctx.now, resolvedBy: ctx.actor.userId });
    if (!done) throw conflict(`This waste is no longer waiting for a witness (it was ${pending.status}).`);
    await recordAudit(tx, actor, { action: 'inventory.waste.cancel', resourceType: 'pending-waste', resourceId: pendingId, patientId: pending.patientId }, ctx.now);
  });
}

// ── Closing an administration record (rule 34) ───────────────────────────

/** Closes a draw's record once drawn = given + wasted (rule 34); blocks otherwise. */
export async function closeAdministrationRecordInTx(tx: Tx, ctx: LedgerContext, lotId: string, drawId: string): Promise<AdministrationRecord> {
  const lot = await lotInUrl(tx, lotId);
  const draw = await drawOfLot(tx, lotId, drawId);
  await lockBalances(tx, lot.lot.id, [draw.locationId]);
  if (await isReversed(tx, draw.id)) throw conflict('This draw was reversed; there is nothing to close.');
  const record = await recordOf(tx, ctx, lot, draw.id);
  if (record.status === 'closed') throw conflict('This administration record is already closed.');
  if ((await pendingCentiOf(tx, draw.id)) > 0) throw conflict('A waste from this draw is still waiting for its witness.');
  blockFindings(record.findings, 34);
  await insertClosure(tx, { drawEntryId: draw.id, drawnCentiMl: toCenti(record.drawnMl), givenCentiMl: toCenti(record.givenMl), wastedCentiMl: toCenti(record.wastedMl), closedBy: ctx.actor.userId, closedAt: ctx.now });
  await recordAudit(tx, ctx.actor, { action: 'inventory.administration.close', resourceType: 'ledger-draw', resourceId: draw.id, patientId: record.patient?.id ?? null }, ctx.now);
  return recordOf(tx, ctx, lot, draw.id);
}

export async function closeAdministrationRecord(deps: InventoryDeps, actor: AuditActor, lotId: string, drawId: string): Promise<AdministrationRecord> {
  return inLedgerTransaction(deps, actor, (tx, ctx) => closeAdministrationRecordInTx(tx, ctx, lotId, drawId));
}

/** The rule 34 records of a session's draws (for the infusion chart). */
export async function administrationRecordsForSession(tx: DbOrTx, ctx: Pick<LedgerContext, 'rules'>, sessionId: string): Promise<AdministrationRecord[]> {
  const draws = await drawEntries(tx, eq(ledgerEntries.sessionId, sessionId));
  const lots = new Map<string, LotWithProduct>();
  for (const d of draws) if (!lots.has(d.lotId)) lots.set(d.lotId, (await findLot(tx, d.lotId))!);
  return administrationRecords(tx, draws, lots, ctx);
}

// ── Transfers, returns, losses ────────────────────────────────────────────

/** Moves stock between two locations: two entries sharing a transfer id. */
export async function transferStock(deps: InventoryDeps, actor: AuditActor, lotId: string, input: TransferCreate): Promise<LedgerEntry[]> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const { lot, product } = await lotInUrl(tx, lotId);
    for (const field of ['fromLocationId', 'toLocationId'] as const) {
      if (!(await findLocation(tx, input[field]))) throw invalidField(field, 'is not a known storage location');
    }
    await lockBalances(tx, lot.id, [input.fromLocationId, input.toLocationId]);
    const transferId = randomUUID();
    const centiMl = toCenti(input.ml);
    const common = { lotId: lot.id, quantityCentiMl: centiMl, quantityCentiMg: centiMgOf(centiMl, product.concentrationMgPerMl), occurredAt: ctx.now, recordedAt: ctx.now, userId: ctx.actor.userId, transferId };
    const out = await insertEntry(tx, { ...common, kind: 'transfer-out', locationId: input.fromLocationId });
    const into = await insertEntry(tx, { ...common, kind: 'transfer-in', locationId: input.toLocationId });
    await recordAudit(tx, actor, { action: 'inventory.transfer', resourceType: 'inventory-lot', resourceId: lot.id, details: { transferId, ml: input.ml, from: input.fromLocationId, to: input.toLocationId } }, ctx.now);
    return entryViews(tx, [out.id, into.id]);
  });
}

/**
 * Returns stock to a reverse distributor or supplier, or records its destruction
 * on DEA Form 41. Rule 39: expired, unwanted or recalled stock leaves only that
 * way — never through the waste log.
 */
export async function returnStock(deps: InventoryDeps, actor: AuditActor, lotId: string, input: ReturnCreate): Promise<LedgerEntry> {
  blockFindings(classifyDisposal(input.reason, input.route).findings, 39);
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const { lot, product } = await lotInUrl(tx, lotId);
    if (!(await findLocation(tx, input.locationId))) throw invalidField('locationId', 'is not a known storage location');
    const at = instantNotInFuture(input.returnedAt, 'returnedAt', ctx);
    const centiMl = toCenti(input.ml);
    const entry = await insertEntry(tx, {
      lotId: lot.id,
      locationId: input.locationId,
      kind: 'return',
      quantityCentiMl: centiMl,
      quantityCentiMg: centiMgOf(centiMl, product.concentrationMgPerMl),
      occurredAt: at,
      recordedAt: ctx.now,
      userId: ctx.actor.userId,
      reason: input.reason,
      reference: input.reference,
      details: { route: input.route, recipient: input.recipient, recipientDeaNumber: input.recipientDeaNumber?.toUpperCase() ?? null },
    });
    await recordAudit(tx, actor, { action: 'inventory.return', resourceType: 'inventory-lot', resourceId: lot.id, details: { entryId: entry.id, ml: input.ml, route: input.route } }, ctx.now);
    return (await entryViews(tx, [entry.id]))[0]!;
  });
}

/**
 * Records stock lost from a location. A theft or significant loss starts the
 * rule 38 deadlines (written notice by the end of the next business day, Form
 * 106 within 45 days) counted from the clinic-local discovery date; a breakage
 * record needs a second signature (rule 39).
 */
export async function recordLoss(deps: InventoryDeps, actor: AuditActor, lotId: string, input: LossCreate): Promise<{ entry: LedgerEntry; lossReport: LossReport | null }> {
  let witness: VerifiedSigner | null = null;
  if (input.kind === 'breakage') {
    blockFindings(classifyDisposal('breakage', 'breakage-record').findings, 39);
    witness = await verifySecondSigner(deps, actor, input.witness!, 'inventory.breakage-witness', 'witness');
    if (witness.userId === actor.userId) throw invalidField('witness.email', 'must be a second person');
    if (!isLicensed(witness)) throw invalidField('witness.email', 'must belong to a licensed nurse, prescriber or medical director');
  }
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const { lot, product } = await lotInUrl(tx, lotId);
    if (!(await findLocation(tx, input.locationId))) throw invalidField('locationId', 'is not a known storage location');
    const discoveredAt = instantNotInFuture(input.discoveredAt, 'discoveredAt', ctx);
    let reportId: string | null = null;
    if (input.kind === 'theft' || input.kind === 'significant-loss') {
      reportId = await openLossReport(tx, ctx, { kind: input.kind, discoveredAt, description: input.description, investigationId: null });
    }
    const centiMl = toCenti(input.ml);
    const entry = await insertEntry(tx, {
      lotId: lot.id,
      locationId: input.locationId,
      kind: 'loss',
      quantityCentiMl: centiMl,
      quantityCentiMg: centiMgOf(centiMl, product.concentrationMgPerMl),
      occurredAt: discoveredAt,
      recordedAt: ctx.now,
      userId: ctx.actor.userId,
      witnessUserId: witness?.userId ?? null,
      witnessSignedAt: witness ? ctx.now : null,
      lossReportId: reportId,
      reason: input.description,
      details: { lossKind: input.kind },
    });
    await recordAudit(tx, actor, { action: 'inventory.loss', resourceType: 'inventory-lot', resourceId: lot.id, details: { entryId: entry.id, ml: input.ml, kind: input.kind, lossReportId: reportId } }, ctx.now);
    const [view] = await entryViews(tx, [entry.id]);
    const report = reportId ? (await lossReportViews(tx, ctx, [reportId]))[0]! : null;
    return { entry: view!, lossReport: report };
  });
}

/** Opens a rule 38 loss report with its two deadlines; returns its id. */
export async function openLossReport(
  tx: DbOrTx,
  ctx: LedgerContext,
  input: { kind: 'theft' | 'significant-loss'; discoveredAt: Date; description: string; investigationId: string | null },
): Promise<string> {
  const discoveredOn = localDateOf(input.discoveredAt, ctx.timeZone);
  // No clinic holiday calendar is kept yet: only weekends move the written-notice deadline.
  const deadlines = lossReportDeadlines(discoveredOn, [], ctx.rules.ledger);
  const row = await insertLossReport(tx, {
    kind: input.kind,
    discoveredAt: input.discoveredAt,
    discoveredOn,
    writtenNoticeDueOn: deadlines.writtenNoticeDueOn,
    form106DueOn: deadlines.form106DueOn,
    description: input.description,
    reportedBy: ctx.actor.userId,
    createdAt: ctx.now,
    investigationId: input.investigationId,
  });
  await recordAudit(tx, ctx.actor, { action: 'inventory.loss-report.open', resourceType: 'loss-report', resourceId: row.id, details: { kind: input.kind, ...deadlines } }, ctx.now);
  return row.id;
}

// ── Reversals ─────────────────────────────────────────────────────────────

/**
 * Corrects a mistake with a reversing entry (nothing is updated or deleted). A
 * transfer is reversed as a whole (both legs); a reversal cannot be reversed.
 */
export async function reverseEntry(deps: InventoryDeps, actor: AuditActor, lotId: string, entryId: string, input: ReversalCreate): Promise<LedgerEntry[]> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    await lotInUrl(tx, lotId);
    const entry = await findEntry(tx, entryId);
    if (!entry || entry.lotId !== lotId) throw notFound('Ledger entry');
    if (entry.kind === 'reversal') throw unprocessable('A reversal cannot itself be reversed; record the movement again instead.');
    const targets = entry.transferId && (entry.kind === 'transfer-in' || entry.kind === 'transfer-out') ? await transferLegs(tx, entry.transferId) : [entry];
    // Undo the incoming leg first, so the stock it brought is checked before it returns.
    targets.sort((a, b) => (a.kind === 'transfer-in' ? -1 : b.kind === 'transfer-in' ? 1 : 0));
    const reversedAlready = await reversedIdsAmong(tx, targets.map((t) => t.id));
    if (reversedAlready.size > 0) throw conflict('This entry has already been reversed.');
    await lockBalances(tx, lotId, targets.map((t) => t.locationId));
    const ids: string[] = [];
    for (const target of targets) {
      const row = await insertEntry(tx, {
        lotId: target.lotId,
        locationId: target.locationId,
        kind: 'reversal',
        quantityCentiMl: target.quantityCentiMl,
        quantityCentiMg: target.quantityCentiMg,
        occurredAt: ctx.now,
        recordedAt: ctx.now,
        userId: ctx.actor.userId,
        reversesEntryId: target.id,
        transferId: target.transferId,
        reason: input.reason,
      });
      ids.push(row.id);
    }
    await recordAudit(tx, actor, { action: 'inventory.reversal', resourceType: 'inventory-lot', resourceId: lotId, patientId: entry.patientId, details: { reversed: targets.map((t) => t.id), entries: ids } }, ctx.now);
    return entryViews(tx, ids);
  });
}

/** Draws still open (not closed, not reversed), for the lot page's actions. */
export async function openDrawIds(tx: DbOrTx, lotId: string): Promise<string[]> {
  const draws = await drawEntries(tx, eq(ledgerEntries.lotId, lotId));
  const ids = draws.map((d) => d.id);
  const closed = await closuresFor(tx, ids);
  const reversed = await reversedIdsAmong(tx, ids);
  return ids.filter((id) => !closed.has(id) && !reversed.has(id));
}

