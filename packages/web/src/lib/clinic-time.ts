/**
 * Dates and times as staff must see them.
 *
 * Instants are stored in UTC and always shown in the clinic's time zone (from /api/auth/me),
 * never in the zone of the device, so a tablet with a wrong zone still shows clinic time.
 * Calendar dates (dates of birth) are plain YYYY-MM-DD values: they are formatted without
 * any time zone arithmetic so they can never shift by a day.
 */

const LOCALE = 'en-US';

const instantFormatters = new Map<string, Intl.DateTimeFormat>();

function instantFormatter(timeZone: string, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withSeconds}`;
  let formatter = instantFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: withSeconds ? '2-digit' : undefined,
      timeZoneName: 'short',
    });
    instantFormatters.set(key, formatter);
  }
  return formatter;
}

/** Formats a UTC instant (ISO-8601) in the clinic's zone, e.g. "Apr 12, 2025, 3:04 PM CDT". */
export function formatInstant(iso: string, timeZone: string, options: { withSeconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return instantFormatter(timeZone, options.withSeconds ?? false).format(date);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const calendarFormatter = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/**
 * Formats a calendar date (YYYY-MM-DD) with a written month, e.g. "Apr 12, 1980", so that
 * day and month cannot be confused. Formatted in UTC on purpose: the value has no zone.
 */
export function formatCalendarDate(value: string): string {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return value;
  return calendarFormatter.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

function zonedParts(date: Date, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Today's calendar date (YYYY-MM-DD) in the clinic's zone. */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  const p = zonedParts(now, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Whole years between a birth date and a calendar date (both YYYY-MM-DD), or null if unreadable. */
export function ageOn(birthDate: string, onDate: string): number | null {
  const b = CALENDAR_DATE.exec(birthDate);
  const d = CALENDAR_DATE.exec(onDate);
  if (!b || !d) return null;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [dy, dm, dd] = [Number(d[1]), Number(d[2]), Number(d[3])];
  let age = dy - by;
  if (dm < bm || (dm === bm && dd < bd)) age -= 1;
  return age >= 0 ? age : null;
}

function offsetMs(instantMs: number, timeZone: string): number {
  const p = zonedParts(new Date(instantMs), timeZone);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The UTC instant (ISO-8601, Z) of a wall-clock time in the clinic's zone, for filters such as
 * "from 1 March" typed by a user. A time that falls in a daylight-saving gap resolves to the
 * instant one hour earlier; an ambiguous time takes the first occurrence.
 */
export function zonedWallTimeToInstant(date: string, time: string, timeZone: string): string | null {
  const d = CALENDAR_DATE.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wallAsUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  let guess = wallAsUtc - offsetMs(wallAsUtc, timeZone);
  guess = wallAsUtc - offsetMs(guess, timeZone);
  return new Date(guess).toISOString();
}

/** The calendar date after the given one (YYYY-MM-DD). */
export function nextCalendarDate(value: string): string | null {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1)).toISOString().slice(0, 10);
}

const compactFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A compact, sortable clinic-time stamp for dense tables, e.g. "2025-04-12 15:04:05". The page
 * says which zone it is in; formatInstant gives the zone name where space allows.
 */
export function formatInstantCompact(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = compactFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    compactFormatters.set(timeZone, formatter);
  }
  const p = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The calendar date of an instant in the clinic's zone, written out, e.g. "Apr 12, 2025". */
export function formatInstantDate(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE, { timeZone, year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}
