/**
 * Database rows → API shapes of @glia/contracts, in mL and mg.
 */
import { lotExpiry, suggestLotToDraw, type LedgerConfig } from '@glia/clinical';
import type { DrugProduct, LedgerEntry, LedgerUser, Lot, StorageLocation } from '@glia/contracts';
import type { BalanceWithLocation, EntryView, LocationRow, LotWithProduct, ProductRow, UserRef } from './inventory-repo.ts';
import { fromCenti } from './quantities.ts';

export function toLedgerUser(users: Map<string, UserRef>, id: string): LedgerUser {
  const u = users.get(id);
  return u ? { id: u.id, displayName: u.displayName, credentials: u.credentials } : { id, displayName: 'Unknown user', credentials: null };
}

export function toProduct(p: ProductRow): DrugProduct {
  return {
    id: p.id,
    name: p.name,
    ndc: p.ndc,
    concentrationMgPerMl: p.concentrationMgPerMl,
    vialVolumeMl: fromCenti(p.vialVolumeCentiMl),
    schedule: p.schedule as DrugProduct['schedule'],
    createdAt: p.createdAt.toISOString(),
  };
}

export function toLocation(l: LocationRow): StorageLocation {
  return { id: l.id, name: l.name, kind: l.kind as StorageLocation['kind'], createdAt: l.createdAt.toISOString() };
}

export function toLedgerEntry(view: EntryView, users: Map<string, UserRef>): LedgerEntry {
  const e = view.entry;
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind as LedgerEntry['kind'],
    reversedKind: (view.reversedKind as LedgerEntry['kind'] | null) ?? null,
    lotId: e.lotId,
    locationId: e.locationId,
    locationName: view.locationName,
    quantityMl: fromCenti(e.quantityCentiMl),
    quantityMg: fromCenti(e.quantityCentiMg),
    stockChangeMl: fromCenti(e.stockDeltaCentiMl),
    drawnChangeMl: fromCenti(e.drawnDeltaCentiMl),
    stockAfterMl: fromCenti(e.stockAfterCentiMl),
    drawnAfterMl: fromCenti(e.drawnAfterCentiMl),
    occurredAt: e.occurredAt.toISOString(),
    recordedAt: e.recordedAt.toISOString(),
    user: toLedgerUser(users, e.userId),
    witness: e.witnessUserId ? toLedgerUser(users, e.witnessUserId) : null,
    witnessSignedAt: e.witnessSignedAt?.toISOString() ?? null,
    sessionId: e.sessionId,
    patientId: e.patientId,
    drawEntryId: e.drawEntryId,
    reversesEntryId: e.reversesEntryId,
    reversedByEntryId: view.reversedByEntryId,
    transferId: e.transferId,
    investigationId: e.investigationId,
    lossReportId: e.lossReportId,
    reason: e.reason,
    reference: e.reference,
    details: e.details,
  };
}

/** Users named on entries (author and witness). */
export function entryUserIds(views: readonly EntryView[]): string[] {
  return views.flatMap((v) => [v.entry.userId, ...(v.entry.witnessUserId ? [v.entry.witnessUserId] : [])]);
}

export interface LotViewContext {
  today: string;
  config: LedgerConfig;
  users: Map<string, UserRef>;
  balances: readonly BalanceWithLocation[];
  /** All lots of the products shown, for the first-expiry-first-out suggestion. */
  suggestedLotIds: ReadonlySet<string>;
}

/** The lot each product should be drawn from next (first expiry, in date, with stock). */
export function suggestedLots(lots: readonly LotWithProduct[], balances: readonly BalanceWithLocation[], today: string): Set<string> {
  const stock = new Map<string, number>();
  for (const b of balances) stock.set(b.lotId, (stock.get(b.lotId) ?? 0) + b.stockCentiMl);
  const byProduct = new Map<string, LotWithProduct[]>();
  for (const l of lots) byProduct.set(l.product.id, [...(byProduct.get(l.product.id) ?? []), l]);
  const out = new Set<string>();
  for (const group of byProduct.values()) {
    const id = suggestLotToDraw(group.map((l) => ({ lotId: l.lot.id, expiresOn: l.lot.expiresOn, stockMl: fromCenti(stock.get(l.lot.id) ?? 0) })), today);
    if (id) out.add(id);
  }
  return out;
}

export function toLot({ lot, product, verification }: LotWithProduct, ctx: LotViewContext): Lot {
  const mine = ctx.balances.filter((b) => b.lotId === lot.id);
  const stockCentiMl = mine.reduce((s, b) => s + b.stockCentiMl, 0);
  const drawnCentiMl = mine.reduce((s, b) => s + b.drawnCentiMl, 0);
  const expiry = lotExpiry(lot.expiresOn, ctx.today, ctx.config);
  return {
    id: lot.id,
    lotNumber: lot.lotNumber,
    productId: product.id,
    productName: product.name,
    ndc: product.ndc,
    schedule: product.schedule as Lot['schedule'],
    concentrationMgPerMl: product.concentrationMgPerMl,
    vialVolumeMl: fromCenti(product.vialVolumeCentiMl),
    expiresOn: lot.expiresOn,
    expiryStatus: expiry.status,
    daysToExpiry: expiry.daysLeft,
    supplier: lot.supplier,
    supplierDeaNumber: lot.supplierDeaNumber,
    invoiceNumber: lot.invoiceNumber,
    receivedVials: lot.receivedVials,
    receivedMl: fromCenti(lot.receivedCentiMl),
    receivedMg: fromCenti(lot.receivedCentiMl * product.concentrationMgPerMl),
    receivedAt: lot.receivedAt.toISOString(),
    receivedLocationId: lot.locationId,
    receivedBy: toLedgerUser(ctx.users, lot.receivedBy),
    verifiedBy: verification ? toLedgerUser(ctx.users, verification.verifiedBy) : null,
    verifiedAt: verification?.verifiedAt.toISOString() ?? null,
    balanceMl: fromCenti(stockCentiMl),
    balanceMg: fromCenti(stockCentiMl * product.concentrationMgPerMl),
    drawnUnaccountedMl: fromCenti(drawnCentiMl),
    locations: mine
      .filter((b) => b.stockCentiMl !== 0 || b.drawnCentiMl !== 0)
      .map((b) => ({
        locationId: b.locationId,
        locationName: b.locationName,
        balanceMl: fromCenti(b.stockCentiMl),
        balanceMg: fromCenti(b.stockCentiMl * product.concentrationMgPerMl),
        drawnUnaccountedMl: fromCenti(b.drawnCentiMl),
      })),
    suggested: ctx.suggestedLotIds.has(lot.id),
  };
}
