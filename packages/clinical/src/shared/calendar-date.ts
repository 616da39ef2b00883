/**
 * Calendar dates in the clinic's own zone, written 'YYYY-MM-DD'.
 *
 * The caller converts instants to local dates; this module only does
 * proleptic-Gregorian arithmetic on day numbers, so no time zone or
 * daylight-saving rule can shift a date. Invalid strings throw a RangeError
 * naming the field, because a wrong date in a deadline or a test window is a
 * clinical error, not something to guess around.
 */

/** A calendar date as 'YYYY-MM-DD' in the clinic's local calendar. */
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date; throws RangeError naming `field` when malformed or impossible. */
export function toEpochDay(date: CalendarDate, field = 'date'): number {
  const match = DATE_PATTERN.exec(date);
  if (match === null) throw new RangeError(`${field}: expected a calendar date 'YYYY-MM-DD', got '${date}'`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`${field}: '${date}' is not a real calendar date`);
  }
  return Math.round(ms / MS_PER_DAY);
}

/** The 'YYYY-MM-DD' string for a day number from {@link toEpochDay}. */
export function fromEpochDay(epochDay: number): CalendarDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: CalendarDate, days: number, field = 'date'): CalendarDate {
  return fromEpochDay(toEpochDay(date, field) + days);
}

/**
 * `date` plus `months` calendar months; a day that does not exist in the target
 * month is clamped to its last day (2024-02-29 + 24 months = 2026-02-28).
 */
export function addMonths(date: CalendarDate, months: number, field = 'date'): CalendarDate {
  toEpochDay(date, field);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromEpochDay(Math.round(Date.UTC(year, month, Math.min(d, lastDay)) / MS_PER_DAY));
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate, field = 'date'): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date, field) + 4) % 7) + 7) % 7;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to, 'to') - toEpochDay(from, 'from');
}
