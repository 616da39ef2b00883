/**
 * Clinic-local wall times for scheduling. Opening and working hours are stored as
 * clinic-local 'HH:MM' per weekday; appointments are UTC instants.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone: creating Intl.DateTimeFormat is the slow part of zone arithmetic. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

function zonedParts(ms: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  if (out.hour === 24) out.hour = 0;
  return out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The clinic-local calendar date (YYYY-MM-DD) of an instant. */
export function localDateOf(instant: Date, timeZone: string): string {
  const p = zonedParts(instant.getTime(), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

function offsetMs(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant a clinic-local day starts (local midnight, or the first instant after a DST gap). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall - offsetMs(wall, timeZone);
  guess = wall - offsetMs(guess, timeZone);
  return new Date(guess);
}

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
  const p = zonedParts(instant.getTime(), timeZone);
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, minutes: p.hour * 60 + p.minute };
}

const dayClocks = new Map<string, (hhmm: string) => number>();

/**
 * Wall time → instant for one clinic-local day, computed once per zone and date:
 * on days without a UTC-offset change (all but two a year) a wall time is the
 * local midnight plus its minutes; on DST days each time goes through localInstant.
 */
export function dayClock(date: string, timeZone: string): (hhmm: string) => number {
  const key = `${timeZone}|${date}`;
  let clock = dayClocks.get(key);
  if (!clock) {
    const start = startOfLocalDay(date, timeZone).getTime();
    const nextStart = startOfLocalDay(addDays(date, 1), timeZone).getTime();
    clock = nextStart - start === 86_400_000 ? (hhmm) => start + minutesOf(hhmm) * MS_PER_MIN : (hhmm) => localInstant(date, hhmm, timeZone).getTime();
    if (dayClocks.size > 10_000) dayClocks.clear();
    dayClocks.set(key, clock);
  }
  return clock;
}
