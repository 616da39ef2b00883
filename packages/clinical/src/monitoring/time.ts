/** Milliseconds in one minute. */
export const MS_PER_MIN = 60_000;

/** Minutes from `from` to `to` (negative when `to` is earlier). */
export function minutesBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / MS_PER_MIN;
}

/** A new Date `minutes` after `at`. */
export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MS_PER_MIN);
}

/** True when the value is a Date holding a real instant (not `new Date('x')`). */
export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
