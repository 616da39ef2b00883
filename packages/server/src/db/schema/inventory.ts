import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { patients } from './patients.ts';
import { users } from './users.ts';

/**
 * The controlled-substance ledger (clinical.md §11.2, §15 rules 34-39;
 * 21 CFR 1304.04, 1304.11, 1304.22(c), 1301.76(b)).
 *
 * Quantities are stored as INTEGERS in hundredths: `*_centi_ml` = 0.01 mL and
 * `*_centi_mg` = 0.01 mg. Product concentrations are whole mg/mL, so every
 * entry's centi-mg is exactly its centi-mL × the concentration (the ledger
 * trigger checks it) and sums never drift: the books balance to 0.01 mL.
 *
 * Append-only (the database refuses UPDATE, DELETE and TRUNCATE; corrections are
 * reversing entries): drug_products, storage_locations, inventory_lots,
 * lot_verifications, ledger_entries, administration_closures, inventory_counts,
 * inventory_count_lines, discrepancy_investigations, investigation_resolutions,
 * loss_reports, loss_report_milestones. ledger_balances is a projection that
 * only the ledger trigger may write; pending_wastes is workflow state.
 */

/** A drug product as bought: one NDC, one concentration, one vial size. */
export const drugProducts = pgTable(
  'drug_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** National Drug Code as printed, 10 digits in 4-4-2, 5-3-2 or 5-4-1 form, or 11 digits 5-4-2. */
    ndc: text('ndc').notNull(),
    /** Whole mg per mL (ketamine 10, 50, 100 mg/mL). */
    concentrationMgPerMl: integer('concentration_mg_per_ml').notNull(),
    /** Volume of one vial, 0.01 mL. */
    vialVolumeCentiMl: integer('vial_volume_centi_ml').notNull(),
    /** DEA schedule: ketamine and esketamine are III. */
    schedule: text('schedule').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('drug_products_ndc_key').on(t.ndc),
    check('drug_products_concentration_positive', sql`${t.concentrationMgPerMl} > 0`),
    check('drug_products_vial_volume_positive', sql`${t.vialVolumeCentiMl} > 0`),
    check('drug_products_schedule_valid', sql`${t.schedule} IN ('II', 'III', 'IV', 'V')`),
    check('drug_products_ndc_format', sql`${t.ndc} ~ '^[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}$'`),
  ],
);

/** Where controlled substances are kept: a safe or a locked cabinet (21 CFR 1301.75(b)). */
export const storageLocations = pgTable(
  'storage_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('storage_locations_name_key').on(sql`lower(${t.name})`),
    check('storage_locations_kind_valid', sql`${t.kind} IN ('safe', 'cabinet')`),
  ],
);

/** One lot as received on one invoice or packing slip: the receipt record. */
export const inventoryLots = pgTable(
  'inventory_lots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id').notNull().references(() => drugProducts.id),
    lotNumber: text('lot_number').notNull(),
    /** Usable through this clinic-local date (rule 39). */
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    supplier: text('supplier').notNull(),
    supplierDeaNumber: text('supplier_dea_number'),
    /** Invoice or packing-slip number: the Schedule III receipt record. */
    invoiceNumber: text('invoice_number').notNull(),
    receivedVials: integer('received_vials').notNull(),
    receivedCentiMl: integer('received_centi_ml').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Where the lot was put on receipt. */
    locationId: uuid('location_id').notNull().references(() => storageLocations.id),
    receivedBy: uuid('received_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('inventory_lots_receipt_key').on(t.productId, t.lotNumber, t.invoiceNumber),
    index('inventory_lots_expires_idx').on(t.expiresOn),
    check('inventory_lots_vials_positive', sql`${t.receivedVials} > 0 AND ${t.receivedCentiMl} > 0`),
    check('inventory_lots_lot_number_not_blank', sql`btrim(${t.lotNumber}) <> ''`),
  ],
);

/**
 * A second person checked a receipt against its invoice and signed (with their
 * password), in the receiving request or later on their own device. One per lot;
 * never the person who received it (a trigger checks).
 */
export const lotVerifications = pgTable(
  'lot_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lotId: uuid('lot_id').notNull().references(() => inventoryLots.id),
    verifiedBy: uuid('verified_by').notNull().references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('lot_verifications_lot_key').on(t.lotId)],
);

/**
 * Entry numbers. The ledger trigger takes the next number only after it holds
 * the lot-and-location balance lock, so for each lot and location the numbers
 * follow the order in which the balance changed.
 */
export const ledgerEntrySeq = pgSequence('ledger_entry_seq', { startWith: 1 });

export const LEDGER_KINDS = ['receipt', 'transfer-in', 'transfer-out', 'draw', 'administration', 'waste', 'return', 'loss', 'adjustment', 'reversal'] as const;

/**
 * Every movement of stock, append-only. The application writes the kind and the
 * quantity; the BEFORE INSERT trigger glia_ledger_apply() derives the signed
 * deltas, checks mg = mL × concentration, locks and updates ledger_balances,
 * refuses a negative balance and stores the balances after the entry.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Set by the trigger from ledger_entry_seq (the default is never kept). */
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    lotId: uuid('lot_id').notNull().references(() => inventoryLots.id),
    locationId: uuid('location_id').notNull().references(() => storageLocations.id),
    kind: text('kind').notNull(),
    /** Magnitude in 0.01 mL (> 0), except an adjustment, which is signed. A reversal copies the reversed entry's. */
    quantityCentiMl: integer('quantity_centi_ml').notNull(),
    /** quantityCentiMl × concentration: 0.01 mg. */
    quantityCentiMg: integer('quantity_centi_mg').notNull(),
    /** Set by the trigger: change of stock on hand (0.01 mL). */
    stockDeltaCentiMl: integer('stock_delta_centi_ml').notNull().default(0),
    /** Set by the trigger: change of drawn-and-not-yet-given-or-wasted (0.01 mL). */
    drawnDeltaCentiMl: integer('drawn_delta_centi_ml').notNull().default(0),
    /** Set by the trigger: stock at this lot and location after the entry (0.01 mL). */
    stockAfterCentiMl: integer('stock_after_centi_ml').notNull().default(0),
    drawnAfterCentiMl: integer('drawn_after_centi_ml').notNull().default(0),
    /** When it happened (a waste witnessed later keeps the time of the waste). */
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    /** Second signer: the witness of a waste or a breakage (re-authenticated). */
    witnessUserId: uuid('witness_user_id').references(() => users.id),
    witnessSignedAt: timestamp('witness_signed_at', { withTimezone: true, mode: 'date' }),
    /** The infusion session (no foreign key until sessions exist). */
    sessionId: uuid('session_id'),
    patientId: uuid('patient_id').references(() => patients.id),
    /** The draw an administration or waste accounts for (rule 34). */
    drawEntryId: uuid('draw_entry_id').references((): AnyPgColumn => ledgerEntries.id),
    reversesEntryId: uuid('reverses_entry_id').references((): AnyPgColumn => ledgerEntries.id),
    /** Both legs of a transfer share it. */
    transferId: uuid('transfer_id'),
    investigationId: uuid('investigation_id'),
    lossReportId: uuid('loss_report_id'),
    /** Why (reversals, adjustments, losses, returns). */
    reason: text('reason'),
    /** Invoice, Form 41 number, return authorisation… */
    reference: text('reference'),
    /** Kind-specific facts, e.g. a return's route and recipient or a loss's kind. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('ledger_entries_seq_key').on(t.seq),
    uniqueIndex('ledger_entries_reverses_key').on(t.reversesEntryId),
    index('ledger_entries_lot_idx').on(t.lotId, t.seq),
    index('ledger_entries_occurred_idx').on(t.occurredAt),
    index('ledger_entries_draw_idx').on(t.drawEntryId),
    index('ledger_entries_patient_idx').on(t.patientId),
    index('ledger_entries_session_idx').on(t.sessionId),
    check('ledger_entries_kind_valid', sql`${t.kind} IN ('receipt', 'transfer-in', 'transfer-out', 'draw', 'administration', 'waste', 'return', 'loss', 'adjustment', 'reversal')`),
    check('ledger_entries_quantity_sign', sql`${t.quantityCentiMl} <> 0 AND (${t.kind} IN ('adjustment', 'reversal') OR ${t.quantityCentiMl} > 0)`),
    check('ledger_entries_accounts_for_a_draw', sql`${t.kind} NOT IN ('administration', 'waste') OR (${t.drawEntryId} IS NOT NULL AND ${t.patientId} IS NOT NULL)`),
    check('ledger_entries_waste_witnessed', sql`${t.kind} <> 'waste' OR (${t.witnessUserId} IS NOT NULL AND ${t.witnessUserId} <> ${t.userId} AND ${t.witnessSignedAt} IS NOT NULL)`),
    check('ledger_entries_reversal_target', sql`(${t.kind} = 'reversal') = (${t.reversesEntryId} IS NOT NULL)`),
    check('ledger_entries_reason_given', sql`${t.kind} NOT IN ('reversal', 'adjustment', 'loss', 'return') OR btrim(coalesce(${t.reason}, '')) <> ''`),
    check('ledger_entries_transfer_paired', sql`${t.kind} NOT IN ('transfer-in', 'transfer-out') OR ${t.transferId} IS NOT NULL`),
  ],
);

/**
 * Balance per lot and location, maintained only by the ledger trigger (a guard
 * trigger refuses any other write). Each row is the lock that serializes the
 * movements of its lot and location; CHECKs keep both balances ≥ 0.
 */
export const ledgerBalances = pgTable(
  'ledger_balances',
  {
    lotId: uuid('lot_id').notNull().references(() => inventoryLots.id),
    locationId: uuid('location_id').notNull().references(() => storageLocations.id),
    stockCentiMl: integer('stock_centi_ml').notNull().default(0),
    drawnCentiMl: integer('drawn_centi_ml').notNull().default(0),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'ledger_balances_pkey', columns: [t.lotId, t.locationId] }),
    check('ledger_balances_stock_nonnegative', sql`${t.stockCentiMl} >= 0`),
    check('ledger_balances_drawn_nonnegative', sql`${t.drawnCentiMl} >= 0`),
  ],
);

/** Rule 34: a draw's record closed once drawn = given + wasted. */
export const administrationClosures = pgTable(
  'administration_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawEntryId: uuid('draw_entry_id').notNull().references(() => ledgerEntries.id),
    drawnCentiMl: integer('drawn_centi_ml').notNull(),
    givenCentiMl: integer('given_centi_ml').notNull(),
    wastedCentiMl: integer('wasted_centi_ml').notNull(),
    closedBy: uuid('closed_by').notNull().references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('administration_closures_draw_key').on(t.drawEntryId),
    check('administration_closures_balanced', sql`${t.drawnCentiMl} = ${t.givenCentiMl} + ${t.wastedCentiMl}`),
  ],
);

/**
 * A waste waiting for its witness on a second device (rule 35). Workflow state:
 * the record is the ledger entry written when the witness signs.
 */
export const pendingWastes = pgTable(
  'pending_wastes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawEntryId: uuid('draw_entry_id').notNull().references(() => ledgerEntries.id),
    lotId: uuid('lot_id').notNull().references(() => inventoryLots.id),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    quantityCentiMl: integer('quantity_centi_ml').notNull(),
    wastedAt: timestamp('wasted_at', { withTimezone: true, mode: 'date' }).notNull(),
    wastedBy: uuid('wasted_by').notNull().references(() => users.id),
    status: text('status').notNull().default('pending'),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
  },
  (t) => [
    index('pending_wastes_status_idx').on(t.status, t.createdAt),
    check('pending_wastes_status_valid', sql`${t.status} IN ('pending', 'witnessed', 'cancelled')`),
    check('pending_wastes_quantity_positive', sql`${t.quantityCentiMl} > 0`),
  ],
);

/**
 * A signed count: a shift or daily count of one location, or a full inventory
 * (initial or biennial, rule 37) of every location when location_id is null.
 */
export const inventoryCounts = pgTable(
  'inventory_counts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    locationId: uuid('location_id').references(() => storageLocations.id),
    countedAt: timestamp('counted_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The count's clinic-local date (the date of an initial or biennial inventory). */
    countedOn: date('counted_on', { mode: 'string' }).notNull(),
    countedBy: uuid('counted_by').notNull().references(() => users.id),
    /** The counter re-authenticated to sign the count. */
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    notes: text('notes'),
  },
  (t) => [
    index('inventory_counts_counted_idx').on(t.countedAt),
    check('inventory_counts_kind_valid', sql`${t.kind} IN ('shift', 'daily', 'initial', 'biennial')`),
    check('inventory_counts_scope', sql`${t.kind} IN ('initial', 'biennial') OR ${t.locationId} IS NOT NULL`),
  ],
);

/** One lot at one location in a count: what the ledger expected and what was counted. */
export const inventoryCountLines = pgTable(
  'inventory_count_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countId: uuid('count_id').notNull().references(() => inventoryCounts.id),
    lotId: uuid('lot_id').notNull().references(() => inventoryLots.id),
    locationId: uuid('location_id').notNull().references(() => storageLocations.id),
    expectedCentiMl: integer('expected_centi_ml').notNull(),
    countedCentiMl: integer('counted_centi_ml').notNull(),
  },
  (t) => [
    uniqueIndex('inventory_count_lines_key').on(t.countId, t.lotId, t.locationId),
    check('inventory_count_lines_nonnegative', sql`${t.expectedCentiMl} >= 0 AND ${t.countedCentiMl} >= 0`),
  ],
);

/** Opened by a count whose difference exceeds the tolerance (rule 37); the medical director resolves it. */
export const discrepancyInvestigations = pgTable(
  'discrepancy_investigations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countId: uuid('count_id').notNull().references(() => inventoryCounts.id),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The rule 37 findings of countDiscrepancies. */
    findings: jsonb('findings').$type<unknown[]>().notNull(),
  },
  (t) => [uniqueIndex('discrepancy_investigations_count_key').on(t.countId)],
);

export const investigationResolutions = pgTable(
  'investigation_resolutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    investigationId: uuid('investigation_id').notNull().references(() => discrepancyInvestigations.id),
    outcome: text('outcome').notNull(),
    explanation: text('explanation').notNull(),
    resolvedBy: uuid('resolved_by').notNull().references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }).notNull(),
    lossReportId: uuid('loss_report_id'),
  },
  (t) => [
    uniqueIndex('investigation_resolutions_investigation_key').on(t.investigationId),
    check('investigation_resolutions_outcome_valid', sql`${t.outcome} IN ('count-error', 'adjust-ledger', 'theft', 'significant-loss')`),
  ],
);

/** A theft or significant loss (rule 38): its two DEA deadlines, computed at discovery. */
export const lossReports = pgTable(
  'loss_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    discoveredAt: timestamp('discovered_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Clinic-local date of discovery; the deadlines count from it. */
    discoveredOn: date('discovered_on', { mode: 'string' }).notNull(),
    writtenNoticeDueOn: date('written_notice_due_on', { mode: 'string' }).notNull(),
    form106DueOn: date('form_106_due_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    reportedBy: uuid('reported_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    investigationId: uuid('investigation_id').references(() => discrepancyInvestigations.id),
  },
  (t) => [check('loss_reports_kind_valid', sql`${t.kind} IN ('theft', 'significant-loss')`)],
);

/** "Written notice sent" and "Form 106 filed": each stops one of a loss report's deadlines. */
export const lossReportMilestones = pgTable(
  'loss_report_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lossReportId: uuid('loss_report_id').notNull().references(() => lossReports.id),
    milestone: text('milestone').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    reference: text('reference'),
    recordedBy: uuid('recorded_by').notNull().references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('loss_report_milestones_key').on(t.lossReportId, t.milestone),
    check('loss_report_milestones_valid', sql`${t.milestone} IN ('written-notice', 'form-106')`),
  ],
);
