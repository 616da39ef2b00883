import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfWeek, daysBetween, toEpochDay } from './calendar-date.ts';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', 24, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-03-15', 24, '2025-03-15'],
    ['2025-12-31', -12, '2024-12-31'],
  ])('adds months to %s (+%i) → %s, clamping to the month end', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds days across a leap day and the year end', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(toEpochDay(addDays('2024-12-25', 7)) - toEpochDay('2024-12-25')).toBe(7);
    expect(addDays('2024-12-25', 7)).toBe('2025-01-01');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2025-06-07')).toBe(6);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it.each(['2025-02-30', '2025-2-3', '03/02/2025', ''])('refuses %j naming the field', (bad) => {
    expect(() => toEpochDay(bad, 'takenOn')).toThrow(/takenOn/);
  });
});

describe('days between calendar dates', () => {
  it('counts whole calendar days across month ends, leap days and DST changes', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
    expect(daysBetween('2025-01-10', '2025-01-03')).toBe(-7);
    expect(toEpochDay('1970-01-02')).toBe(1);
  });

  it.each(['2025-02-30', '2025-13-01', '2025-1-1', '2025-01-01T10:00:00Z', ''])('rejects "%s"', (bad) => {
    expect(() => toEpochDay(bad)).toThrow(RangeError);
  });
});
