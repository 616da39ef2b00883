/**
 * SQL of the controlled-substance ledger. Every function takes the database or an
 * open transaction. Ledger entries are only ever inserted; the trigger
 * glia_ledger_apply() derives their deltas and balances.
 */
import { and, asc, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import {
  administrationClosures,
  discrepancyInvestigations,
  drugProducts,
  inventoryCountLines,
  inventoryCounts,
  inventoryLots,
  investigationResolutions,
  ledgerBalances,
  ledgerEntries,
  lossReportMilestones,
  lossReports,
  lotVerifications,
  patients,
  pendingWastes,
  storageLocations,
  users,
} from '../../db/schema/index.ts';

export type ProductRow = typeof drugProducts.$inferSelect;
export type LocationRow = typeof storageLocations.$inferSelect;
export type LotRow = typeof inventoryLots.$inferSelect;
export type EntryRow = typeof ledgerEntries.$inferSelect;
export type EntryInsert = typeof ledgerEntries.$inferInsert;
export type BalanceRow = typeof ledgerBalances.$inferSelect;
export type PendingWasteRow = typeof pendingWastes.$inferSelect;
export type CountRow = typeof inventoryCounts.$inferSelect;
export type CountLineRow = typeof inventoryCountLines.$inferSelect;
export type InvestigationRow = typeof discrepancyInvestigations.$inferSelect;
export type ResolutionRow = typeof investigationResolutions.$inferSelect;
export type LossReportRow = typeof lossReports.$inferSelect;
export type MilestoneRow = typeof lossReportMilestones.$inferSelect;
export type ClosureRow = typeof administrationClosures.$inferSelect;
export type VerificationRow = typeof lotVerifications.$inferSelect;

export interface UserRef {
  id: string;
  displayName: string;
  credentials: string | null;
}

// ── Users ─────────────────────────────────────────────────────────────────

export async function usersByIds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, UserRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName, credentials: users.credentials }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

// ── Products and locations ────────────────────────────────────────────────

export async function listProducts(db: DbOrTx): Promise<ProductRow[]> {
  return db.select().from(drugProducts).orderBy(asc(drugProducts.name), asc(drugProducts.concentrationMgPerMl));
}

export async function findProduct(db: DbOrTx, id: string): Promise<ProductRow | null> {
  const [row] = await db.select().from(drugProducts).where(eq(drugProducts.id, id)).limit(1);
  return row ?? null;
}

export async function insertProduct(db: DbOrTx, values: typeof drugProducts.$inferInsert): Promise<ProductRow> {
  const [row] = await db.insert(drugProducts).values(values).returning();
  return row!;
}

export async function listLocations(db: DbOrTx): Promise<LocationRow[]> {
  return db.select().from(storageLocations).orderBy(asc(storageLocations.name));
}

export async function findLocation(db: DbOrTx, id: string): Promise<LocationRow | null> {
  const [row] = await db.select().from(storageLocations).where(eq(storageLocations.id, id)).limit(1);
  return row ?? null;
}

export async function insertLocation(db: DbOrTx, values: typeof storageLocations.$inferInsert): Promise<LocationRow> {
  const [row] = await db.insert(storageLocations).values(values).returning();
  return row!;
}

// ── Lots and balances ─────────────────────────────────────────────────────

export interface LotWithProduct {
  lot: LotRow;
  product: ProductRow;
  /** The second person's check of the receipt, or null while it awaits one. */
  verification: VerificationRow | null;
}

const lotSelection = { lot: inventoryLots, product: drugProducts, verification: lotVerifications };

export async function insertLot(db: DbOrTx, values: typeof inventoryLots.$inferInsert): Promise<LotRow> {
  const [row] = await db.insert(inventoryLots).values(values).returning();
  return row!;
}

export async function listLots(db: DbOrTx, filter: { productId?: string | undefined; lotIds?: readonly string[] } = {}): Promise<LotWithProduct[]> {
  const conditions: SQL[] = [];
  if (filter.productId) conditions.push(eq(inventoryLots.productId, filter.productId));
  if (filter.lotIds) {
    if (filter.lotIds.length === 0) return [];
    conditions.push(inArray(inventoryLots.id, [...filter.lotIds]));
  }
  return db
    .select(lotSelection)
    .from(inventoryLots)
    .innerJoin(drugProducts, eq(drugProducts.id, inventoryLots.productId))
    .leftJoin(lotVerifications, eq(lotVerifications.lotId, inventoryLots.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(drugProducts.name), asc(inventoryLots.expiresOn), asc(inventoryLots.lotNumber));
}

export async function findLot(db: DbOrTx, id: string): Promise<LotWithProduct | null> {
  const [row] = await listLots(db, { lotIds: [id] });
  return row ?? null;
}

export async function insertLotVerification(db: DbOrTx, values: typeof lotVerifications.$inferInsert): Promise<VerificationRow> {
  const [row] = await db.insert(lotVerifications).values(values).returning();
  return row!;
}

export interface BalanceWithLocation extends BalanceRow {
  locationName: string;
}

export async function balancesOf(db: DbOrTx, filter: { lotIds?: readonly string[]; locationId?: string | undefined } = {}): Promise<BalanceWithLocation[]> {
  const conditions: SQL[] = [];
  if (filter.lotIds) {
    if (filter.lotIds.length === 0) return [];
    conditions.push(inArray(ledgerBalances.lotId, [...filter.lotIds]));
  }
  if (filter.locationId) conditions.push(eq(ledgerBalances.locationId, filter.locationId));
  const rows = await db
    .select({ b: ledgerBalances, locationName: storageLocations.name })
    .from(ledgerBalances)
    .innerJoin(storageLocations, eq(storageLocations.id, ledgerBalances.locationId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(storageLocations.name));
  return rows.map((r) => ({ ...r.b, locationName: r.locationName }));
}

/** Locks the balance rows of a lot at these locations (glia_ledger_lock, fixed order). */
export async function lockBalances(db: DbOrTx, lotId: string, locationIds: readonly string[]): Promise<void> {
  const ids = sql.join([...new Set(locationIds)].map((id) => sql`${id}::uuid`), sql`, `);
  await db.execute(sql`SELECT glia_ledger_lock(${lotId}::uuid, ARRAY[${ids}]::uuid[])`);
}

// ── Ledger entries ────────────────────────────────────────────────────────

export async function insertEntry(db: DbOrTx, values: EntryInsert): Promise<EntryRow> {
  const [row] = await db.insert(ledgerEntries).values(values).returning();
  return row!;
}

export interface EntryView {
  entry: EntryRow;
  locationName: string;
  reversedByEntryId: string | null;
  reversedKind: string | null;
}

const reversal = alias(ledgerEntries, 'reversal');
const reversed = alias(ledgerEntries, 'reversed');

export async function listEntryViews(db: DbOrTx, where: SQL | undefined, order: 'asc' | 'desc' = 'asc'): Promise<EntryView[]> {
  const rows = await db
    .select({ entry: ledgerEntries, locationName: storageLocations.name, reversedByEntryId: reversal.id, reversedKind: reversed.kind })
    .from(ledgerEntries)
    .innerJoin(storageLocations, eq(storageLocations.id, ledgerEntries.locationId))
    .leftJoin(reversal, eq(reversal.reversesEntryId, ledgerEntries.id))
    .leftJoin(reversed, eq(reversed.id, ledgerEntries.reversesEntryId))
    .where(where)
    .orderBy(order === 'asc' ? asc(ledgerEntries.seq) : desc(ledgerEntries.seq));
  return rows;
}

export async function entriesOfLot(db: DbOrTx, lotId: string): Promise<EntryView[]> {
  return listEntryViews(db, eq(ledgerEntries.lotId, lotId));
}

export async function findEntryView(db: DbOrTx, id: string): Promise<EntryView | null> {
  const [row] = await listEntryViews(db, eq(ledgerEntries.id, id));
  return row ?? null;
}

export async function entryViewsByIds(db: DbOrTx, ids: readonly string[]): Promise<EntryView[]> {
  if (ids.length === 0) return [];
  return listEntryViews(db, inArray(ledgerEntries.id, [...ids]));
}

export async function findEntry(db: DbOrTx, id: string): Promise<EntryRow | null> {
  const [row] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, id)).limit(1);
  return row ?? null;
}

/** Entries that account for draws (administrations, wastes and their reversals). */
export async function entriesForDraws(db: DbOrTx, drawIds: readonly string[]): Promise<EntryRow[]> {
  if (drawIds.length === 0) return [];
  return db.select().from(ledgerEntries).where(inArray(ledgerEntries.drawEntryId, [...drawIds])).orderBy(asc(ledgerEntries.seq));
}

export async function transferLegs(db: DbOrTx, transferId: string): Promise<EntryRow[]> {
  return db.select().from(ledgerEntries).where(and(eq(ledgerEntries.transferId, transferId), inArray(ledgerEntries.kind, ['transfer-in', 'transfer-out']))).orderBy(asc(ledgerEntries.seq));
}

export async function isReversed(db: DbOrTx, entryId: string): Promise<boolean> {
  const [row] = await db.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.reversesEntryId, entryId)).limit(1);
  return row !== undefined;
}

/** Draws (kind draw) matching a filter, oldest first. */
export async function drawEntries(db: DbOrTx, where: SQL | undefined): Promise<EntryRow[]> {
  return db.select().from(ledgerEntries).where(and(eq(ledgerEntries.kind, 'draw'), where)).orderBy(asc(ledgerEntries.occurredAt), asc(ledgerEntries.seq));
}

export async function reversedIdsAmong(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: ledgerEntries.reversesEntryId }).from(ledgerEntries).where(inArray(ledgerEntries.reversesEntryId, [...ids]));
  return new Set(rows.map((r) => r.id!));
}

// ── Administration records ────────────────────────────────────────────────

export async function closuresFor(db: DbOrTx, drawIds: readonly string[]): Promise<Map<string, ClosureRow>> {
  if (drawIds.length === 0) return new Map();
  const rows = await db.select().from(administrationClosures).where(inArray(administrationClosures.drawEntryId, [...drawIds]));
  return new Map(rows.map((r) => [r.drawEntryId, r]));
}

export async function insertClosure(db: DbOrTx, values: typeof administrationClosures.$inferInsert): Promise<ClosureRow> {
  const [row] = await db.insert(administrationClosures).values(values).returning();
  return row!;
}

export interface PatientFacts {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  address: { line1: string; line2?: string | null; city: string; region: string; postalCode: string; country: string } | null;
}

export async function patientsByIds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, PatientFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: patients.id, mrn: patients.mrn, givenName: patients.givenName, familyName: patients.familyName, address: patients.address })
    .from(patients)
    .where(inArray(patients.id, unique));
  return new Map(rows.map((r) => [r.id, { ...r, address: r.address ?? null }]));
}

// ── Pending wastes ────────────────────────────────────────────────────────

export async function insertPendingWaste(db: DbOrTx, values: typeof pendingWastes.$inferInsert): Promise<PendingWasteRow> {
  const [row] = await db.insert(pendingWastes).values(values).returning();
  return row!;
}

export async function findPendingWaste(db: DbOrTx, id: string): Promise<PendingWasteRow | null> {
  const [row] = await db.select().from(pendingWastes).where(eq(pendingWastes.id, id)).limit(1);
  return row ?? null;
}

export async function listPendingWastes(db: DbOrTx, filter: { status?: 'pending'; drawIds?: readonly string[] } = {}): Promise<PendingWasteRow[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(pendingWastes.status, filter.status));
  if (filter.drawIds) {
    if (filter.drawIds.length === 0) return [];
    conditions.push(inArray(pendingWastes.drawEntryId, [...filter.drawIds]));
  }
  return db.select().from(pendingWastes).where(conditions.length ? and(...conditions) : undefined).orderBy(asc(pendingWastes.createdAt));
}

/** Moves a pending waste out of 'pending'; null when it was no longer pending. */
export async function resolvePendingWaste(
  db: DbOrTx,
  id: string,
  values: { status: 'witnessed' | 'cancelled'; ledgerEntryId: string | null; resolvedAt: Date; resolvedBy: string },
): Promise<PendingWasteRow | null> {
  const [row] = await db.update(pendingWastes).set(values).where(and(eq(pendingWastes.id, id), eq(pendingWastes.status, 'pending'))).returning();
  return row ?? null;
}

// ── Counts and investigations ─────────────────────────────────────────────

export async function insertCount(db: DbOrTx, values: typeof inventoryCounts.$inferInsert): Promise<CountRow> {
  const [row] = await db.insert(inventoryCounts).values(values).returning();
  return row!;
}

export async function insertCountLines(db: DbOrTx, values: (typeof inventoryCountLines.$inferInsert)[]): Promise<void> {
  if (values.length > 0) await db.insert(inventoryCountLines).values(values);
}

export async function listCounts(db: DbOrTx, filter: { ids?: readonly string[]; from?: Date; to?: Date; limit?: number } = {}): Promise<CountRow[]> {
  const conditions: SQL[] = [];
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    conditions.push(inArray(inventoryCounts.id, [...filter.ids]));
  }
  if (filter.from) conditions.push(sql`${inventoryCounts.countedAt} >= ${filter.from}`);
  if (filter.to) conditions.push(lt(inventoryCounts.countedAt, filter.to));
  const query = db.select().from(inventoryCounts).where(conditions.length ? and(...conditions) : undefined).orderBy(desc(inventoryCounts.countedAt));
  return filter.limit ? query.limit(filter.limit) : query;
}

export async function linesOfCounts(db: DbOrTx, countIds: readonly string[]): Promise<CountLineRow[]> {
  if (countIds.length === 0) return [];
  return db.select().from(inventoryCountLines).where(inArray(inventoryCountLines.countId, [...countIds]));
}

/** The latest full inventory (initial or biennial, rule 37). */
export async function lastFullInventory(db: DbOrTx): Promise<CountRow | null> {
  const [row] = await db.select().from(inventoryCounts).where(inArray(inventoryCounts.kind, ['initial', 'biennial'])).orderBy(desc(inventoryCounts.countedOn), desc(inventoryCounts.countedAt)).limit(1);
  return row ?? null;
}

export async function initialInventory(db: DbOrTx): Promise<CountRow | null> {
  const [row] = await db.select().from(inventoryCounts).where(eq(inventoryCounts.kind, 'initial')).limit(1);
  return row ?? null;
}

/** The latest count of each location; a full inventory (no location) counts for every location. */
export async function lastCountPerLocation(db: DbOrTx): Promise<{ locationId: string; countedAt: Date; countedBy: string }[]> {
  const rows = await queryRows<{ locationId: string; countedAt: Date | string; countedBy: string }>(
    db,
    sql`SELECT DISTINCT ON (l.id) l.id AS "locationId", c.counted_at AS "countedAt", c.counted_by AS "countedBy"
          FROM storage_locations l JOIN inventory_counts c ON c.location_id = l.id OR c.location_id IS NULL
         ORDER BY l.id, c.counted_at DESC`,
  );
  return rows.map((r) => ({ ...r, countedAt: new Date(r.countedAt) }));
}

export async function insertInvestigation(db: DbOrTx, values: typeof discrepancyInvestigations.$inferInsert): Promise<InvestigationRow> {
  const [row] = await db.insert(discrepancyInvestigations).values(values).returning();
  return row!;
}

export async function listInvestigations(db: DbOrTx, filter: { ids?: readonly string[]; countIds?: readonly string[]; open?: boolean } = {}): Promise<{ investigation: InvestigationRow; resolution: ResolutionRow | null }[]> {
  const conditions: SQL[] = [];
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    conditions.push(inArray(discrepancyInvestigations.id, [...filter.ids]));
  }
  if (filter.countIds) {
    if (filter.countIds.length === 0) return [];
    conditions.push(inArray(discrepancyInvestigations.countId, [...filter.countIds]));
  }
  if (filter.open === true) conditions.push(isNull(investigationResolutions.id));
  return db
    .select({ investigation: discrepancyInvestigations, resolution: investigationResolutions })
    .from(discrepancyInvestigations)
    .leftJoin(investigationResolutions, eq(investigationResolutions.investigationId, discrepancyInvestigations.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(discrepancyInvestigations.openedAt));
}

export async function insertResolution(db: DbOrTx, values: typeof investigationResolutions.$inferInsert): Promise<ResolutionRow> {
  const [row] = await db.insert(investigationResolutions).values(values).returning();
  return row!;
}

// ── Loss reports ──────────────────────────────────────────────────────────

export async function insertLossReport(db: DbOrTx, values: typeof lossReports.$inferInsert): Promise<LossReportRow> {
  const [row] = await db.insert(lossReports).values(values).returning();
  return row!;
}

export async function listLossReports(db: DbOrTx, filter: { ids?: readonly string[]; from?: Date; to?: Date } = {}): Promise<LossReportRow[]> {
  const conditions: SQL[] = [];
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    conditions.push(inArray(lossReports.id, [...filter.ids]));
  }
  if (filter.from) conditions.push(sql`${lossReports.discoveredAt} >= ${filter.from}`);
  if (filter.to) conditions.push(lt(lossReports.discoveredAt, filter.to));
  return db.select().from(lossReports).where(conditions.length ? and(...conditions) : undefined).orderBy(desc(lossReports.discoveredAt));
}

export async function milestonesOf(db: DbOrTx, reportIds: readonly string[]): Promise<MilestoneRow[]> {
  if (reportIds.length === 0) return [];
  return db.select().from(lossReportMilestones).where(inArray(lossReportMilestones.lossReportId, [...reportIds]));
}

export async function insertMilestone(db: DbOrTx, values: typeof lossReportMilestones.$inferInsert): Promise<MilestoneRow> {
  const [row] = await db.insert(lossReportMilestones).values(values).returning();
  return row!;
}

export async function lossEntriesOf(db: DbOrTx, reportIds: readonly string[]): Promise<EntryRow[]> {
  if (reportIds.length === 0) return [];
  return db.select().from(ledgerEntries).where(and(inArray(ledgerEntries.lossReportId, [...reportIds]), eq(ledgerEntries.kind, 'loss'))).orderBy(asc(ledgerEntries.seq));
}

// ── Report queries ────────────────────────────────────────────────────────

/** Entries whose movement happened in [from, to), optionally of one lot. */
export async function entriesBetween(db: DbOrTx, range: { from: Date; to: Date; lotId?: string | undefined }): Promise<EntryView[]> {
  const conditions: SQL[] = [sql`${ledgerEntries.occurredAt} >= ${range.from}`, lt(ledgerEntries.occurredAt, range.to)];
  if (range.lotId) conditions.push(eq(ledgerEntries.lotId, range.lotId));
  return listEntryViews(db, and(...conditions));
}

/** Per lot and location: stock and drawn sums of every entry that happened before `before`. */
export async function balancesBefore(db: DbOrTx, before: Date): Promise<{ lotId: string; locationId: string; stockCentiMl: number; drawnCentiMl: number }[]> {
  const rows = await db
    .select({
      lotId: ledgerEntries.lotId,
      locationId: ledgerEntries.locationId,
      stockCentiMl: sql<string>`coalesce(sum(${ledgerEntries.stockDeltaCentiMl}), 0)`,
      drawnCentiMl: sql<string>`coalesce(sum(${ledgerEntries.drawnDeltaCentiMl}), 0)`,
    })
    .from(ledgerEntries)
    .where(lt(ledgerEntries.occurredAt, before))
    .groupBy(ledgerEntries.lotId, ledgerEntries.locationId);
  return rows.map((r) => ({ ...r, stockCentiMl: Number(r.stockCentiMl), drawnCentiMl: Number(r.drawnCentiMl) }));
}

export async function lotsReceivedBetween(db: DbOrTx, from: Date, to: Date): Promise<LotWithProduct[]> {
  return db
    .select(lotSelection)
    .from(inventoryLots)
    .innerJoin(drugProducts, eq(drugProducts.id, inventoryLots.productId))
    .leftJoin(lotVerifications, eq(lotVerifications.lotId, inventoryLots.id))
    .where(and(sql`${inventoryLots.receivedAt} >= ${from}`, lt(inventoryLots.receivedAt, to)))
    .orderBy(asc(inventoryLots.receivedAt));
}
