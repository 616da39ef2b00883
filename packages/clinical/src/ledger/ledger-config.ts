/**
 * Controlled-substance ledger defaults (clinical.md §11.2, §15 rules 36-39).
 * CONFIG items; state law may require longer retention or stricter counts.
 */
export interface LedgerConfig {
  /** Volumes (to draw and to record) are rounded to this increment, half away from zero: 0.01 mL (1-mL syringe graduation) or 0.1 mL. */
  volumeIncrementMl: 0.1 | 0.01;
  /** Count discrepancies larger than this per lot raise an alert (rule 37). Schedule III partial vials may be estimated, hence not 0. */
  countToleranceMl: number;
  /** Rule 37: a full inventory at least every this many months (21 CFR 1304.11: biennial). */
  inventoryIntervalMonths: number;
  /** Rule 37: remind this many days before the inventory falls due. */
  inventoryReminderDays: number;
  /** Rule 36: keep records at least this many years (21 CFR 1304.04(a): 2; some states longer). */
  retentionYears: number;
  /** Rule 38: written notice to the DEA Field Division within this many business days of discovery (21 CFR 1301.76(b)). */
  theftLossNoticeBusinessDays: number;
  /** Rule 38: DEA Form 106 within this many calendar days of discovery (88 FR 40707). */
  form106CalendarDays: number;
  /** Days of the week that are not business days, 0 = Sunday … 6 = Saturday. */
  weekendDays: number[];
  /** A lot is flagged "expiring soon" when it expires within this many days (rule 39: expired stock leaves only by Form 41 or a reverse distributor). Glia choice. */
  expiringSoonDays: number;
}

export const DEFAULT_LEDGER_CONFIG: LedgerConfig = {
  volumeIncrementMl: 0.01,
  countToleranceMl: 0.1,
  inventoryIntervalMonths: 24,
  inventoryReminderDays: 30,
  retentionYears: 2,
  theftLossNoticeBusinessDays: 1,
  form106CalendarDays: 45,
  weekendDays: [0, 6],
  expiringSoonDays: 30,
};
