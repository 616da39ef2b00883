/**
 * Products, storage locations and lots: set-up, receipt of stock and the stock
 * views (balances by lot and location, the lot's ledger with a book check).
 */
import { ledgerBalance, type LedgerMovement } from '@glia/clinical';
import type { DrugProduct, DrugProductCreate, Lot, LotDetail, LotReceive, LotVerify, StorageLocation, StorageLocationCreate } from '@glia/contracts';
import type { DbOrTx } from '../../db/client.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { reauthenticate, type VerifiedSigner } from '../signing/reauthenticate.ts';
import { isClinicalStaff } from './inventory-access.ts';
import {
  balancesOf,
  entriesOfLot,
  findLocation,
  findLot,
  findProduct,
  insertEntry,
  insertLocation,
  insertLot,
  insertLotVerification,
  insertProduct,
  listLocations,
  listLots,
  listProducts,
  usersByIds,
  type BalanceWithLocation,
  type LotWithProduct,
} from './inventory-repo.ts';
import { entryUserIds, suggestedLots, toLedgerEntry, toLocation, toLot, toProduct } from './inventory-views.ts';
import { inLedgerTransaction, type InventoryDeps, type LedgerContext } from './ledger-context.ts';
import { centiMgOf, fromCenti, toCenti } from './quantities.ts';
import { verifySecondSigner } from './second-signer.ts';

// ── Products and locations ────────────────────────────────────────────────

export async function getProducts(deps: InventoryDeps): Promise<DrugProduct[]> {
  return (await listProducts(deps.database.db)).map(toProduct);
}

export async function createProduct(deps: InventoryDeps, actor: AuditActor, input: DrugProductCreate): Promise<DrugProduct> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const row = await insertProduct(tx, {
      name: input.name,
      ndc: input.ndc,
      concentrationMgPerMl: input.concentrationMgPerMl,
      vialVolumeCentiMl: toCenti(input.vialVolumeMl),
      schedule: input.schedule,
      createdAt: ctx.now,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, actor, { action: 'inventory.product.create', resourceType: 'drug-product', resourceId: row.id, details: { ndc: row.ndc } }, ctx.now);
    return toProduct(row);
  });
}

export async function getLocations(deps: InventoryDeps): Promise<StorageLocation[]> {
  return (await listLocations(deps.database.db)).map(toLocation);
}

export async function createLocation(deps: InventoryDeps, actor: AuditActor, input: StorageLocationCreate): Promise<StorageLocation> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const row = await insertLocation(tx, { name: input.name, kind: input.kind, createdAt: ctx.now, createdBy: ctx.actor.userId });
    await recordAudit(tx, actor, { action: 'inventory.location.create', resourceType: 'storage-location', resourceId: row.id }, ctx.now);
    return toLocation(row);
  });
}

// ── Lot views ─────────────────────────────────────────────────────────────

/** Lots as the API shows them, with balances and the first-expiry-first-out suggestion. */
export async function lotViews(db: DbOrTx, ctx: Pick<LedgerContext, 'today' | 'rules'>, lots: readonly LotWithProduct[], allBalances?: readonly BalanceWithLocation[]): Promise<Lot[]> {
  const balances = allBalances ?? (await balancesOf(db));
  const productIds = new Set(lots.map((l) => l.product.id));
  const sameProducts = (await listLots(db)).filter((l) => productIds.has(l.product.id));
  const users = await usersByIds(db, lots.flatMap((l) => [l.lot.receivedBy, ...(l.verification ? [l.verification.verifiedBy] : [])]));
  const suggested = suggestedLots(sameProducts, balances, ctx.today);
  return lots.map((l) => toLot(l, { today: ctx.today, config: ctx.rules.ledger, users, balances, suggestedLotIds: suggested }));
}

export async function getLots(
  deps: InventoryDeps,
  actor: AuditActor,
  query: { productId?: string | undefined; locationId?: string | undefined; inStock?: 'true' | 'false' | undefined },
): Promise<Lot[]> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    let lots = await listLots(tx, { productId: query.productId });
    const balances = await balancesOf(tx);
    if (query.locationId) {
      const here = new Set(balances.filter((b) => b.locationId === query.locationId && (b.stockCentiMl > 0 || b.drawnCentiMl > 0)).map((b) => b.lotId));
      lots = lots.filter((l) => here.has(l.lot.id));
    }
    if (query.inStock === 'true') {
      const held = new Set(balances.filter((b) => b.stockCentiMl > 0 || b.drawnCentiMl > 0).map((b) => b.lotId));
      lots = lots.filter((l) => held.has(l.lot.id));
    }
    return lotViews(tx, ctx, lots, balances);
  });
}

/**
 * Recomputes the stored balances from the lot's entries with the clinical core's
 * ledgerBalance (per lot and location) and says whether they agree.
 */
function bookCheck(entries: Awaited<ReturnType<typeof entriesOfLot>>, balances: readonly BalanceWithLocation[]): LotDetail['bookCheck'] {
  const key = (lotId: string, locationId: string): string => `${lotId}@${locationId}`;
  const movements: LedgerMovement[] = entries.map(({ entry: e }) =>
    e.kind === 'reversal'
      ? { id: e.id, kind: 'reversal', reversesId: e.reversesEntryId! }
      : { id: e.id, kind: e.kind as Exclude<LedgerMovement['kind'], 'reversal'>, lotId: key(e.lotId, e.locationId), quantityMl: fromCenti(e.quantityCentiMl) },
  );
  const replay = ledgerBalance(movements);
  if (!replay.ok) return { ok: false, message: replay.failure?.finding.message ?? 'The entries do not replay.' };
  for (const b of balances) {
    const r = replay.lots.find((l) => l.lotId === key(b.lotId, b.locationId)) ?? { stockMl: 0, drawnUnaccountedMl: 0 };
    if (toCenti(r.stockMl) !== b.stockCentiMl || toCenti(r.drawnUnaccountedMl) !== b.drawnCentiMl) {
      return { ok: false, message: `At ${b.locationName} the entries sum to ${r.stockMl} mL but the balance shows ${fromCenti(b.stockCentiMl)} mL.` };
    }
  }
  return { ok: true, message: null };
}

export async function getLotDetail(deps: InventoryDeps, actor: AuditActor, lotId: string): Promise<LotDetail> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const lot = await findLot(tx, lotId);
    if (!lot) throw notFound('Lot');
    const balances = await balancesOf(tx);
    const [view] = await lotViews(tx, ctx, [lot], balances);
    const entries = await entriesOfLot(tx, lotId);
    const users = await usersByIds(tx, entryUserIds(entries));
    // The entries name patients by id only; the read is audited with the ids it showed.
    const patientIds = [...new Set(entries.map((e) => e.entry.patientId).filter((id): id is string => id !== null))];
    await recordAudit(tx, actor, { action: 'inventory.lot.read', resourceType: 'inventory-lot', resourceId: lotId, details: { patientIds } }, ctx.now);
    return {
      ...view!,
      entries: entries.map((e) => toLedgerEntry(e, users)),
      bookCheck: bookCheck(entries, balances.filter((b) => b.lotId === lotId)),
    };
  });
}

// ── Receiving ─────────────────────────────────────────────────────────────

/** A verifier must be a second clinical user. */
function checkVerifier(verifier: VerifiedSigner, receivedBy: string, field: string): void {
  if (verifier.userId === receivedBy) throw invalidField(field, 'must be a second person, not the one who received the lot');
  if (!isClinicalStaff(verifier)) throw invalidField(field, 'must belong to a nurse, prescriber or medical director');
}

/**
 * Receives a lot (the Schedule III receipt record: invoice or packing slip) into
 * a location. A second clinical user verifies the shipment — signing on the same
 * device in this request, or later on their own (verifyLot). Writes the lot, its
 * receipt entry and the verification in one transaction.
 */
export async function receiveLot(deps: InventoryDeps, actor: AuditActor, input: LotReceive): Promise<Lot> {
  let verifier: VerifiedSigner | null = null;
  if (input.verifier) {
    verifier = await verifySecondSigner(deps, actor, input.verifier, 'inventory.receipt-verification', 'verifier');
    checkVerifier(verifier, actor.userId!, 'verifier.email');
  }
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const product = await findProduct(tx, input.productId);
    if (!product) throw invalidField('productId', 'is not a known drug product');
    const location = await findLocation(tx, input.locationId);
    if (!location) throw invalidField('locationId', 'is not a known storage location');
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : ctx.now;
    if (receivedAt.getTime() > ctx.now.getTime()) throw invalidField('receivedAt', 'must not be in the future');
    if (input.expiresOn < ctx.today) throw invalidField('expiresOn', 'is in the past: expired stock cannot be received into inventory');
    const centiMl = input.vials * product.vialVolumeCentiMl;
    const lot = await insertLot(tx, {
      productId: product.id,
      lotNumber: input.lotNumber,
      expiresOn: input.expiresOn,
      supplier: input.supplier,
      supplierDeaNumber: input.supplierDeaNumber?.toUpperCase() ?? null,
      invoiceNumber: input.invoiceNumber,
      receivedVials: input.vials,
      receivedCentiMl: centiMl,
      receivedAt,
      locationId: location.id,
      receivedBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    const entry = await insertEntry(tx, {
      lotId: lot.id,
      locationId: location.id,
      kind: 'receipt',
      quantityCentiMl: centiMl,
      quantityCentiMg: centiMgOf(centiMl, product.concentrationMgPerMl),
      occurredAt: receivedAt,
      recordedAt: ctx.now,
      userId: ctx.actor.userId,
      witnessUserId: verifier?.userId ?? null,
      witnessSignedAt: verifier ? ctx.now : null,
      reference: input.invoiceNumber,
      details: { vials: input.vials, supplier: input.supplier },
    });
    const verification = verifier ? await insertLotVerification(tx, { lotId: lot.id, verifiedBy: verifier.userId, verifiedAt: ctx.now }) : null;
    await recordAudit(tx, actor, {
      action: 'inventory.lot.receive',
      resourceType: 'inventory-lot',
      resourceId: lot.id,
      details: { entryId: entry.id, lotNumber: lot.lotNumber, vials: input.vials, ml: fromCenti(centiMl), verifiedBy: verifier?.userId ?? null },
    }, ctx.now);
    const [view] = await lotViews(tx, ctx, [{ lot, product, verification }]);
    return view!;
  });
}

/** A second clinical user, signed in on their own device, verifies a receipt with their password. */
export async function verifyLot(deps: InventoryDeps, actor: AuditActor, lotId: string, body: LotVerify): Promise<Lot> {
  const found = await findLot(deps.database.db, lotId);
  if (!found) throw notFound('Lot');
  const verifier = await reauthenticate(deps, actor, actor.userId!, body.signature, 'inventory.receipt-verification');
  checkVerifier(verifier, found.lot.receivedBy, 'signature');
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const current = (await findLot(tx, lotId))!;
    if (current.verification) throw conflict('This receipt is already verified.');
    const verification = await insertLotVerification(tx, { lotId, verifiedBy: verifier.userId, verifiedAt: ctx.now });
    await recordAudit(tx, actor, { action: 'inventory.lot.verify', resourceType: 'inventory-lot', resourceId: lotId }, ctx.now);
    const [view] = await lotViews(tx, ctx, [{ ...current, verification }]);
    return view!;
  });
}
