/**
 * Controlled-substance calendar rules (clinical.md §11.2, §15 rules 36-38).
 * All dates are clinic-local 'YYYY-MM-DD' strings; the caller converts instants.
 */
import type { Finding } from '../shared/finding.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { addDays, addMonths, dayOfWeek, toEpochDay } from '../shared/calendar-date.ts';
import type { LedgerConfig } from './ledger-config.ts';

const SOURCES = ['S38'];

function assertWeekendDays(weekendDays: readonly number[]): void {
  if (weekendDays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) throw new RangeError(`weekendDays: values must be 0 (Sunday) to 6 (Saturday), got ${weekendDays.join(', ')}`);
  if (new Set(weekendDays).size >= 7) throw new RangeError('weekendDays: at least one day of the week must be a business day');
}

/** True when `date` is neither a weekend day (`config.weekendDays`) nor in `holidays`. */
export function isBusinessDay(date: CalendarDate, holidays: readonly CalendarDate[], config: Pick<LedgerConfig, 'weekendDays'>): boolean {
  return !config.weekendDays.includes(dayOfWeek(date)) && !holidays.includes(date);
}

/**
 * The business day `count` business days after `date` (count ≥ 1): each step moves
 * to the next calendar day that is not a weekend day or a listed holiday. `date`
 * itself is day 0 whether or not it is a business day.
 */
export function addBusinessDays(date: CalendarDate, count: number, holidays: readonly CalendarDate[], config: Pick<LedgerConfig, 'weekendDays'>): CalendarDate {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count: must be a whole number ≥ 1, got ${count}`);
  assertWeekendDays(config.weekendDays);
  toEpochDay(date, 'date');
  holidays.forEach((h, i) => toEpochDay(h, `holidays[${i}]`));
  let current = date;
  let remaining = count;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isBusinessDay(current, holidays, config)) remaining--;
  }
  return current;
}

export interface LossReportDeadlines {
  discoveredOn: CalendarDate;
  /** Last day (end of day, clinic time) for the written notice to the DEA Field Division. */
  writtenNoticeDueOn: CalendarDate;
  /** Last day for DEA Form 106. */
  form106DueOn: CalendarDate;
}

/**
 * Rule 38: deadlines started by discovering a theft or significant loss.
 * Written notice: by the end of the next business day after the discovery date
 * (`theftLossNoticeBusinessDays`, 1) in the clinic's local calendar, skipping
 * `weekendDays` (Saturday, Sunday) and the given holidays — a loss found on Friday
 * evening or Saturday is due Monday, or Tuesday if Monday is a holiday.
 * Form 106: discovery date + `form106CalendarDays` (45) calendar days, not moved
 * off weekends or holidays (conservative). Source: 21 CFR 1301.76(b);
 * 88 FR 40707 ([S38]).
 */
export function lossReportDeadlines(discoveredOn: CalendarDate, holidays: readonly CalendarDate[], config: LedgerConfig): LossReportDeadlines {
  toEpochDay(discoveredOn, 'discoveredOn');
  return {
    discoveredOn,
    writtenNoticeDueOn: addBusinessDays(discoveredOn, config.theftLossNoticeBusinessDays, holidays, config),
    form106DueOn: addDays(discoveredOn, config.form106CalendarDays),
  };
}

/**
 * Rule 37: the date the next full inventory is due: the initial or last full
 * inventory date + `inventoryIntervalMonths` (24) months, on the same day of the
 * month (clamped to the month's last day). Taking it on that date is in time.
 * Source: 21 CFR 1304.11 ([S38]).
 */
export function nextInventoryDueOn(lastInventoryOn: CalendarDate, config: LedgerConfig): CalendarDate {
  return addMonths(lastInventoryOn, config.inventoryIntervalMonths, 'lastInventoryOn');
}

/**
 * Rule 37: a prompt for the biennial inventory. Warning when no initial inventory
 * is recorded or the due date has passed; information within
 * `inventoryReminderDays` (30) of the due date; null otherwise. Source: [S38].
 */
export function inventoryDueFinding(lastInventoryOn: CalendarDate | null, today: CalendarDate, config: LedgerConfig): Finding | null {
  const todayDay = toEpochDay(today, 'today');
  if (lastInventoryOn === null) {
    return {
      rule: 37, severity: 'warning', code: 'initial-inventory-missing',
      message: 'No initial controlled-substance inventory is recorded; take it on the first day of handling (rule 37).',
      facts: { lastInventoryOn: null }, sources: SOURCES,
    };
  }
  const dueOn = nextInventoryDueOn(lastInventoryOn, config);
  const daysLeft = toEpochDay(dueOn) - todayDay;
  const thresholds = { inventoryIntervalMonths: config.inventoryIntervalMonths, inventoryReminderDays: config.inventoryReminderDays };
  const facts = { lastInventoryOn, dueOn, daysLeft };
  if (daysLeft < 0) {
    return {
      rule: 37, severity: 'warning', code: 'inventory-overdue',
      message: `The full inventory was due ${dueOn} (${-daysLeft} days ago; last ${lastInventoryOn}); take it now (rule 37).`,
      facts, thresholds, sources: SOURCES,
    };
  }
  if (daysLeft <= config.inventoryReminderDays) {
    return {
      rule: 37, severity: 'info', code: 'inventory-due-soon',
      message: `The full inventory is due by ${dueOn} (${daysLeft} days; last ${lastInventoryOn}) (rule 37).`,
      facts, thresholds, sources: SOURCES,
    };
  }
  return null;
}

/**
 * Rule 36: the earliest date a controlled-substance record may be destroyed: the
 * day after `retentionYears` (2) years from the record's date (its latest entry),
 * so the record is kept for the whole period. Source: 21 CFR 1304.04(a) ([S38]).
 */
export function earliestDestructionOn(recordOn: CalendarDate, config: LedgerConfig): CalendarDate {
  if (!Number.isInteger(config.retentionYears) || config.retentionYears < 2) {
    throw new RangeError(`retentionYears: must be a whole number ≥ 2 (21 CFR 1304.04(a)), got ${config.retentionYears}`);
  }
  return addDays(addMonths(recordOn, config.retentionYears * 12, 'recordOn'), 1);
}
