/**
 * Clinic-local wall times for scheduling. Opening and working hours are stored as
 * clinic-local 'HH:MM' per weekday; appointments are UTC instants.
 */
import { localDateOf, nextDate, startOfLocalDay } from '../inventory/clinic-calendar.ts';

export { localDateOf, nextDate, startOfLocalDay };

const MS_PER_MIN = 60_000;

/** Minutes after local midnight of 'HH:MM'. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Weekday (0 = Sunday) of a 'YYYY-MM-DD' calendar date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The instant of a clinic-local wall time on a date. Counted from the start of the
 * local day plus the UTC offset change within the day, so DST days are right for
 * times after the switch (clinics are closed at 2-3 am).
 */
export function localInstant(date: string, hhmm: string, timeZone: string): Date {
  const dayStart = startOfLocalDay(date, timeZone).getTime();
  const naive = dayStart + minutesOf(hhmm) * MS_PER_MIN;
  const wall = localMinutesOf(new Date(naive), timeZone);
  const drift = wall.date === date ? wall.minutes - minutesOf(hhmm) : 0;
  return new Date(naive - drift * MS_PER_MIN);
}

/** Clinic-local date and minutes after midnight of an instant. */
export function localMinutesOf(instant: Date, timeZone: string): { date: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { date: localDateOf(instant, timeZone), minutes: get('hour') * 60 + get('minute') };
}
