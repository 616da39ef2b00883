/**
 * The controlled-substance ledger (clinical.md §11.2, §15 rules 34-39): products,
 * storage locations, lots, ledger entries, counts, losses and reports.
 * Quantities are in mL and mg with at most two decimals (0.01 mL, 0.01 mg).
 */
import { z } from 'zod';
import { CalendarDate, Email, Instant, Problem, Text, Uuid } from './common.ts';
import { Reauthentication } from './signing.ts';

const hundredths = (v: number): boolean => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

/** A volume in mL: > 0, a multiple of 0.01 mL. */
export const Milliliters = z
  .number({ message: 'must be a number of mL' })
  .positive({ message: 'must be more than 0 mL' })
  .max(100_000, { message: 'must be at most 100000 mL' })
  .refine(hundredths, { message: 'must be a multiple of 0.01 mL' });

/** A mass in mg: > 0, a multiple of 0.01 mg. */
export const Milligrams = z
  .number({ message: 'must be a number of mg' })
  .positive({ message: 'must be more than 0 mg' })
  .max(10_000_000, { message: 'must be at most 10000000 mg' })
  .refine(hundredths, { message: 'must be a multiple of 0.01 mg' });

export const DRUG_SCHEDULES = ['II', 'III', 'IV', 'V'] as const;
export const DrugSchedule = z.enum(DRUG_SCHEDULES);
export type DrugSchedule = z.infer<typeof DrugSchedule>;

export const LOCATION_KINDS = ['safe', 'cabinet'] as const;
export const LocationKind = z.enum(LOCATION_KINDS);

export const LEDGER_ENTRY_KINDS = ['receipt', 'transfer-in', 'transfer-out', 'draw', 'administration', 'waste', 'return', 'loss', 'adjustment', 'reversal'] as const;
export const LedgerEntryKind = z.enum(LEDGER_ENTRY_KINDS);
export type LedgerEntryKind = z.infer<typeof LedgerEntryKind>;

/** A finding of the clinical core (rule number of clinical.md §15, severity, message, facts). */
export const LedgerFinding = z.object({
  rule: z.number().int(),
  severity: z.enum(['block', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  thresholds: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  sources: z.array(z.string()),
});
export type LedgerFinding = z.infer<typeof LedgerFinding>;

/** A staff member as named on a controlled-substance record. */
export const LedgerUser = z.object({ id: Uuid, displayName: z.string(), credentials: z.string().nullable() });
export type LedgerUser = z.infer<typeof LedgerUser>;

/**
 * A second person signing in the same request, on the same tablet: their e-mail
 * and password (and TOTP code when enrolled). Used for a waste witness, a breakage
 * witness and the verifier of a receipt.
 */
export const SecondSigner = z.strictObject({
  email: Email,
  signature: Reauthentication,
});
export type SecondSigner = z.infer<typeof SecondSigner>;

// ── Products and locations ────────────────────────────────────────────────

export const NDC_PATTERN = /^(\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2})$/;

export const DrugProduct = z.object({
  id: Uuid,
  name: z.string(),
  ndc: z.string(),
  concentrationMgPerMl: z.number().int(),
  vialVolumeMl: z.number(),
  schedule: DrugSchedule,
  createdAt: z.string(),
});
export type DrugProduct = z.infer<typeof DrugProduct>;

export const DrugProductCreate = z.strictObject({
  name: Text(200),
  ndc: z.string().trim().regex(NDC_PATTERN, { message: 'must be an NDC with dashes: 4-4-2, 5-3-2, 5-4-1 or 5-4-2 digits' }),
  concentrationMgPerMl: z.number().int({ message: 'must be whole mg/mL' }).min(1).max(1000),
  vialVolumeMl: Milliliters.refine((v) => v <= 1000, { message: 'must be at most 1000 mL' }),
  schedule: DrugSchedule,
});
export type DrugProductCreate = z.infer<typeof DrugProductCreate>;

export const StorageLocation = z.object({ id: Uuid, name: z.string(), kind: LocationKind, createdAt: z.string() });
export type StorageLocation = z.infer<typeof StorageLocation>;

export const StorageLocationCreate = z.strictObject({ name: Text(100), kind: LocationKind });
export type StorageLocationCreate = z.infer<typeof StorageLocationCreate>;

// ── Lots ──────────────────────────────────────────────────────────────────

export const LotLocationBalance = z.object({
  locationId: Uuid,
  locationName: z.string(),
  balanceMl: z.number(),
  balanceMg: z.number(),
  drawnUnaccountedMl: z.number(),
});
export type LotLocationBalance = z.infer<typeof LotLocationBalance>;

export const EXPIRY_STATUSES = ['expired', 'expiring-soon', 'in-date'] as const;

export const Lot = z.object({
  id: Uuid,
  lotNumber: z.string(),
  productId: Uuid,
  productName: z.string(),
  ndc: z.string(),
  schedule: DrugSchedule,
  concentrationMgPerMl: z.number().int(),
  vialVolumeMl: z.number(),
  expiresOn: z.string(),
  expiryStatus: z.enum(EXPIRY_STATUSES),
  daysToExpiry: z.number().int(),
  supplier: z.string(),
  supplierDeaNumber: z.string().nullable(),
  invoiceNumber: z.string(),
  receivedVials: z.number().int(),
  receivedMl: z.number(),
  receivedMg: z.number(),
  receivedAt: z.string(),
  receivedLocationId: Uuid,
  receivedBy: LedgerUser,
  /** The second person who checked the receipt, or null while it awaits verification. */
  verifiedBy: LedgerUser.nullable(),
  verifiedAt: z.string().nullable(),
  /** Stock on hand over every location. */
  balanceMl: z.number(),
  balanceMg: z.number(),
  /** Drawn into syringes and not yet given or wasted. */
  drawnUnaccountedMl: z.number(),
  locations: z.array(LotLocationBalance),
  /** First-expiry-first-out: the lot of its product to draw from next. */
  suggested: z.boolean(),
});
export type Lot = z.infer<typeof Lot>;

export const LotReceive = z.strictObject({
  productId: Uuid,
  lotNumber: Text(40),
  expiresOn: CalendarDate,
  supplier: Text(200),
  supplierDeaNumber: z.string().trim().regex(/^[A-Za-z]{2}\d{7}$/, { message: 'must be a DEA number: two letters and seven digits' }).nullable().optional(),
  invoiceNumber: Text(60).describe('Invoice or packing-slip number: the receipt record for Schedule III-V.'),
  vials: z.number().int({ message: 'must be a whole number of vials' }).min(1).max(1000),
  locationId: Uuid,
  receivedAt: Instant.optional().describe('When the shipment arrived; now when left out. Not in the future.'),
  verifier: SecondSigner.optional().describe('A second clinical user who checked the shipment against the invoice, signing on this device. Leave out to have the receipt verified later (POST …/verification).'),
});
export type LotReceive = z.infer<typeof LotReceive>;

/** The signed-in user verifies a receipt received by someone else (on their own device). */
export const LotVerify = z.strictObject({ signature: Reauthentication });
export type LotVerify = z.infer<typeof LotVerify>;

export const LotListQuery = z.strictObject({
  productId: Uuid.optional(),
  locationId: Uuid.optional(),
  inStock: z.enum(['true', 'false']).optional().describe('true: only lots with stock on hand or drawn and unaccounted.'),
});

export const LotIdParams = z.strictObject({ id: Uuid });
export const LotEntryParams = z.strictObject({ id: Uuid, entryId: Uuid });
export const LotDrawParams = z.strictObject({ id: Uuid, drawId: Uuid });

export const LedgerEntry = z.object({
  id: Uuid,
  seq: z.number().int(),
  kind: LedgerEntryKind,
  /** For a reversal: the kind of the entry it reverses. */
  reversedKind: LedgerEntryKind.nullable(),
  lotId: Uuid,
  locationId: Uuid,
  locationName: z.string(),
  quantityMl: z.number(),
  quantityMg: z.number(),
  stockChangeMl: z.number(),
  drawnChangeMl: z.number(),
  /** Balances at this lot and location after the entry. */
  stockAfterMl: z.number(),
  drawnAfterMl: z.number(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  user: LedgerUser,
  witness: LedgerUser.nullable(),
  witnessSignedAt: z.string().nullable(),
  sessionId: Uuid.nullable(),
  patientId: Uuid.nullable(),
  drawEntryId: Uuid.nullable(),
  reversesEntryId: Uuid.nullable(),
  reversedByEntryId: Uuid.nullable(),
  transferId: Uuid.nullable(),
  investigationId: Uuid.nullable(),
  lossReportId: Uuid.nullable(),
  reason: z.string().nullable(),
  reference: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LotDetail = Lot.extend({
  entries: z.array(LedgerEntry),
  /** The stored balances recomputed from the entries by the clinical core's ledgerBalance. */
  bookCheck: z.object({ ok: z.boolean(), message: z.string().nullable() }),
});
export type LotDetail = z.infer<typeof LotDetail>;

const exactlyOneQuantity = (v: { ml?: number | undefined; mg?: number | undefined }): boolean => (v.ml === undefined) !== (v.mg === undefined);
const quantityIssue = { message: 'give the quantity in either ml or mg', path: ['ml'] };

export const DrawCreate = z
  .strictObject({
    sessionId: Uuid.optional().describe('The infusion session the dose is drawn for.'),
    mg: Milligrams.optional(),
    ml: Milliliters.optional(),
    locationId: Uuid.optional().describe('Where the vial is; needed only when the lot is kept in more than one place.'),
  })
  .refine(exactlyOneQuantity, quantityIssue);
export type DrawCreate = z.infer<typeof DrawCreate>;

export const DrawCreated = z.object({
  entry: LedgerEntry,
  /** The lot's stock on hand after the draw. */
  balanceMl: z.number(),
  balanceMg: z.number(),
});
export type DrawCreated = z.infer<typeof DrawCreated>;

/** 409: the draw would take the lot's stock below zero. */
export const OverdrawProblem = Problem.extend({
  balanceMl: z.number().optional(),
  balanceMg: z.number().optional(),
});

export const AdministrationCreate = z
  .strictObject({
    patientId: Uuid,
    ml: Milliliters.optional(),
    mg: Milligrams.optional(),
    administeredAt: Instant.optional(),
  })
  .refine(exactlyOneQuantity, quantityIssue);
export type AdministrationCreate = z.infer<typeof AdministrationCreate>;

export const WasteCreate = z
  .strictObject({
    patientId: Uuid.optional().describe("Defaults to the patient the draw was given to."),
    ml: Milliliters.optional(),
    mg: Milligrams.optional(),
    wastedAt: Instant.optional(),
    witness: SecondSigner.optional().describe('The witness signing on this device. Leave out to wait for a witness on a second device.'),
  })
  .refine(exactlyOneQuantity, quantityIssue);
export type WasteCreate = z.infer<typeof WasteCreate>;

export const LedgerPatient = z.object({ id: Uuid, mrn: z.string(), name: z.string() });

export const PendingWaste = z.object({
  id: Uuid,
  drawEntryId: Uuid,
  lotId: Uuid,
  lotNumber: z.string(),
  productName: z.string(),
  concentrationMgPerMl: z.number().int(),
  quantityMl: z.number(),
  quantityMg: z.number(),
  wastedAt: z.string(),
  wastedBy: LedgerUser,
  patient: LedgerPatient,
  status: z.enum(['pending', 'witnessed', 'cancelled']),
  createdAt: z.string(),
});
export type PendingWaste = z.infer<typeof PendingWaste>;

export const WasteRecorded = z.object({
  /** The ledger entry, when witnessed in this request. */
  entry: LedgerEntry.nullable(),
  /** The waste waiting for its witness on a second device. */
  pending: PendingWaste.nullable(),
});
export type WasteRecorded = z.infer<typeof WasteRecorded>;

export const WitnessSign = z.strictObject({ signature: Reauthentication });
export type WitnessSign = z.infer<typeof WitnessSign>;

export const PendingWasteParams = z.strictObject({ id: Uuid });

export const ADMINISTRATION_STATUSES = ['open', 'balanced', 'closed'] as const;

/** Rule 34: one draw and what became of it. */
export const AdministrationRecord = z.object({
  drawEntryId: Uuid,
  lotId: Uuid,
  lotNumber: z.string(),
  productName: z.string(),
  ndc: z.string(),
  concentrationMgPerMl: z.number().int(),
  locationId: Uuid,
  sessionId: Uuid.nullable(),
  patient: z.object({ id: Uuid, mrn: z.string(), name: z.string(), address: z.string().nullable() }).nullable(),
  drawnAt: z.string(),
  drawnBy: LedgerUser,
  administeredBy: z.array(LedgerUser),
  witnesses: z.array(LedgerUser),
  lastAdministeredAt: z.string().nullable(),
  drawnMl: z.number(),
  drawnMg: z.number(),
  givenMl: z.number(),
  givenMg: z.number(),
  wastedMl: z.number(),
  wastedMg: z.number(),
  status: z.enum(ADMINISTRATION_STATUSES),
  closedAt: z.string().nullable(),
  closedBy: LedgerUser.nullable(),
  findings: z.array(LedgerFinding),
});
export type AdministrationRecord = z.infer<typeof AdministrationRecord>;

export const TransferCreate = z
  .strictObject({ fromLocationId: Uuid, toLocationId: Uuid, ml: Milliliters })
  .refine((v) => v.fromLocationId !== v.toLocationId, { message: 'must differ from fromLocationId', path: ['toLocationId'] });
export type TransferCreate = z.infer<typeof TransferCreate>;

export const DISPOSAL_REASONS = ['expired', 'unwanted', 'recalled'] as const;
export const DISPOSAL_ROUTES = ['form-41', 'reverse-distributor', 'waste-log', 'breakage-record'] as const;

export const ReturnCreate = z.strictObject({
  locationId: Uuid,
  ml: Milliliters,
  reason: z.enum(DISPOSAL_REASONS),
  route: z.enum(DISPOSAL_ROUTES).describe('Rule 39: only form-41 or reverse-distributor are accepted for stock.'),
  recipient: Text(200).describe('Reverse distributor or supplier that took the stock, or "DEA Form 41 destruction".'),
  recipientDeaNumber: z.string().trim().regex(/^[A-Za-z]{2}\d{7}$/, { message: 'must be a DEA number: two letters and seven digits' }).nullable().optional(),
  reference: Text(100).describe('Form 41 number, return authorisation or invoice.'),
  returnedAt: Instant.optional(),
});
export type ReturnCreate = z.infer<typeof ReturnCreate>;

export const LOSS_KINDS = ['theft', 'significant-loss', 'breakage', 'minor-loss'] as const;
export const LossKind = z.enum(LOSS_KINDS);

export const LossCreate = z
  .strictObject({
    locationId: Uuid,
    ml: Milliliters,
    kind: LossKind.describe('theft and significant-loss start the rule 38 DEA deadlines; breakage needs a witness.'),
    description: Text(2000),
    discoveredAt: Instant.optional(),
    witness: SecondSigner.optional(),
  })
  .refine((v) => v.kind !== 'breakage' || v.witness !== undefined, { message: 'is required for a breakage record (two signatures)', path: ['witness'] });
export type LossCreate = z.infer<typeof LossCreate>;

export const ReversalCreate = z.strictObject({ reason: Text(500) });
export type ReversalCreate = z.infer<typeof ReversalCreate>;

export const ReversalResult = z.object({ entries: z.array(LedgerEntry) });
export type ReversalResult = z.infer<typeof ReversalResult>;

// ── Loss reports (rule 38) ────────────────────────────────────────────────

export const LOSS_MILESTONES = ['written-notice', 'form-106'] as const;
export const LossMilestone = z.enum(LOSS_MILESTONES);

export const LossDeadline = z.object({
  milestone: LossMilestone,
  dueOn: z.string(),
  status: z.enum(['done', 'due', 'overdue']),
  /** Days from today to the due date (negative when overdue). */
  daysLeft: z.number().int(),
  completedOn: z.string().nullable(),
  reference: z.string().nullable(),
  recordedBy: LedgerUser.nullable(),
});
export type LossDeadline = z.infer<typeof LossDeadline>;

export const LossReport = z.object({
  id: Uuid,
  kind: z.enum(['theft', 'significant-loss']),
  discoveredAt: z.string(),
  discoveredOn: z.string(),
  description: z.string(),
  reportedBy: LedgerUser,
  investigationId: Uuid.nullable(),
  lots: z.array(z.object({ lotId: Uuid, lotNumber: z.string(), productName: z.string(), quantityMl: z.number(), quantityMg: z.number() })),
  deadlines: z.array(LossDeadline),
  open: z.boolean(),
});
export type LossReport = z.infer<typeof LossReport>;

export const LossCreated = z.object({ entry: LedgerEntry, lossReport: LossReport.nullable() });
export type LossCreated = z.infer<typeof LossCreated>;

export const MilestoneCreate = z.strictObject({
  milestone: LossMilestone,
  completedOn: CalendarDate,
  reference: Text(200).nullable().optional().describe('e.g. the Form 106 confirmation number or to whom the notice went.'),
});
export type MilestoneCreate = z.infer<typeof MilestoneCreate>;

export const LossReportParams = z.strictObject({ id: Uuid });

// ── Counts and investigations (rule 37) ───────────────────────────────────

export const COUNT_KINDS = ['shift', 'daily', 'initial', 'biennial'] as const;
export const CountKind = z.enum(COUNT_KINDS);
export type CountKind = z.infer<typeof CountKind>;

export const CountSheetQuery = z.strictObject({
  locationId: Uuid.optional().describe('One location (shift or daily count); leave out for a full inventory of every location.'),
});

/** What to count, without the expected quantities: counts are blind. */
export const CountSheet = z.object({
  locationId: Uuid.nullable(),
  lines: z.array(z.object({
    lotId: Uuid,
    lotNumber: z.string(),
    productName: z.string(),
    concentrationMgPerMl: z.number().int(),
    vialVolumeMl: z.number(),
    expiresOn: z.string(),
    locationId: Uuid,
    locationName: z.string(),
  })),
});
export type CountSheet = z.infer<typeof CountSheet>;

export const CountCreate = z
  .strictObject({
    kind: CountKind,
    locationId: Uuid.optional(),
    lines: z.array(z.strictObject({
      lotId: Uuid,
      locationId: Uuid,
      countedMl: z.number().min(0, { message: 'must be 0 mL or more' }).max(100_000).refine(hundredths, { message: 'must be a multiple of 0.01 mL' }),
    })).max(500),
    notes: Text(2000).nullable().optional(),
    signature: Reauthentication,
  })
  .refine((v) => v.kind === 'initial' || v.kind === 'biennial' || v.locationId !== undefined, { message: 'is required for a shift or daily count', path: ['locationId'] });
export type CountCreate = z.infer<typeof CountCreate>;

export const INVESTIGATION_OUTCOMES = ['count-error', 'adjust-ledger', 'theft', 'significant-loss'] as const;

export const InvestigationResolution = z.object({
  outcome: z.enum(INVESTIGATION_OUTCOMES),
  explanation: z.string(),
  resolvedBy: LedgerUser,
  resolvedAt: z.string(),
  lossReportId: Uuid.nullable(),
});

export const CountLine = z.object({
  lotId: Uuid,
  lotNumber: z.string(),
  productName: z.string(),
  locationId: Uuid,
  locationName: z.string(),
  expectedMl: z.number(),
  countedMl: z.number(),
  differenceMl: z.number(),
});

export const Investigation = z.object({
  id: Uuid,
  countId: Uuid,
  openedAt: z.string(),
  findings: z.array(LedgerFinding),
  status: z.enum(['open', 'resolved']),
  resolution: InvestigationResolution.nullable(),
  count: z.object({ kind: CountKind, locationName: z.string().nullable(), countedAt: z.string(), countedBy: LedgerUser }),
  lines: z.array(CountLine),
});
export type Investigation = z.infer<typeof Investigation>;

export const InventoryCount = z.object({
  id: Uuid,
  kind: CountKind,
  locationId: Uuid.nullable(),
  locationName: z.string().nullable(),
  countedAt: z.string(),
  countedOn: z.string(),
  countedBy: LedgerUser,
  notes: z.string().nullable(),
  lines: z.array(CountLine),
  findings: z.array(LedgerFinding),
  investigationId: Uuid.nullable(),
  investigationStatus: z.enum(['open', 'resolved']).nullable(),
});
export type InventoryCount = z.infer<typeof InventoryCount>;

export const CountParams = z.strictObject({ id: Uuid });

export const InvestigationResolve = z.strictObject({
  outcome: z.enum(INVESTIGATION_OUTCOMES).describe('count-error: the ledger was right; adjust-ledger: correct it to the count; theft / significant-loss: record the shortage as a loss and start the rule 38 deadlines.'),
  explanation: Text(2000),
  signature: Reauthentication,
});
export type InvestigationResolve = z.infer<typeof InvestigationResolve>;

// ── Overview ──────────────────────────────────────────────────────────────

export const InventoryDue = z.object({
  lastInventoryOn: z.string().nullable(),
  lastInventoryKind: CountKind.nullable(),
  dueOn: z.string().nullable(),
  finding: LedgerFinding.nullable(),
});

export const InventoryOverview = z.object({
  today: z.string(),
  lots: z.array(Lot),
  expiringSoon: z.array(Lot),
  inventoryDue: InventoryDue,
  openInvestigations: z.array(Investigation),
  openLossReports: z.array(LossReport),
  pendingWasteCount: z.number().int(),
  lastCounts: z.array(z.object({ locationId: Uuid, locationName: z.string(), countedAt: z.string().nullable(), countedBy: LedgerUser.nullable() })),
  locations: z.array(StorageLocation),
  products: z.array(DrugProduct),
});
export type InventoryOverview = z.infer<typeof InventoryOverview>;

// ── Reports (rule 36) ─────────────────────────────────────────────────────

export const REPORT_KINDS = ['dispensing', 'receipts', 'lot-history', 'inventory', 'discrepancies'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

export const ReportParams = z.strictObject({ kind: ReportKind });

const reportFilters = {
  from: CalendarDate.describe('First day, clinic time.'),
  to: CalendarDate.describe('Last day (included), clinic time.'),
  schedule: DrugSchedule.optional().describe('Only records of this schedule, e.g. III to export Schedule III records separately (rule 36).'),
  lotId: Uuid.optional().describe('Required for lot-history.'),
};
const rangeOrdered = (v: { from: string; to: string }): boolean => v.from <= v.to;
const rangeIssue = { message: 'must not be before from', path: ['to'] };

export const ReportQuery = z.strictObject(reportFilters).refine(rangeOrdered, rangeIssue);
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ReportExportQuery = z.strictObject({ ...reportFilters, format: z.enum(['csv', 'pdf']) }).refine(rangeOrdered, rangeIssue);
export type ReportExportQuery = z.infer<typeof ReportExportQuery>;

export const ReportCell = z.union([z.string(), z.number(), z.null()]);

/** A report as a table: the same columns and totals feed the screen, the CSV and the PDF. */
export const InventoryReport = z.object({
  kind: ReportKind,
  title: z.string(),
  clinicName: z.string(),
  from: z.string(),
  to: z.string(),
  schedule: DrugSchedule.nullable(),
  timeZone: z.string(),
  generatedAt: z.string(),
  generatedBy: LedgerUser,
  columns: z.array(z.object({ key: z.string(), label: z.string(), numeric: z.boolean() })),
  rows: z.array(z.record(z.string(), ReportCell)),
  totals: z.record(z.string(), ReportCell).nullable(),
  notes: z.array(z.string()),
  /** Rule 36: the earliest date these records may be destroyed. */
  retainUntil: z.string(),
});
export type InventoryReport = z.infer<typeof InventoryReport>;
