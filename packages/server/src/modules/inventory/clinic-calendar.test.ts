import { describe, expect, it } from 'vitest';
import { daysBetween, localDateOf, nextDate, startOfLocalDay } from './clinic-calendar.ts';

describe('clinic calendar', () => {
  it.each([
    { instant: '2026-11-24T05:59:59Z', zone: 'America/Chicago', date: '2026-11-23' },
    { instant: '2026-11-24T06:00:00Z', zone: 'America/Chicago', date: '2026-11-24' },
    { instant: '2026-07-01T04:30:00Z', zone: 'America/New_York', date: '2026-07-01' },
    { instant: '2026-07-01T03:30:00Z', zone: 'America/New_York', date: '2026-06-30' },
  ])('dates $instant as $date in $zone', ({ instant, zone, date }) => {
    expect(localDateOf(new Date(instant), zone)).toBe(date);
  });

  it.each([
    { date: '2026-11-23', zone: 'America/Chicago', instant: '2026-11-23T06:00:00.000Z' },
    { date: '2026-07-01', zone: 'America/Chicago', instant: '2026-07-01T05:00:00.000Z' },
    { date: '2026-03-08', zone: 'America/Chicago', instant: '2026-03-08T06:00:00.000Z' },
    { date: '2026-11-01', zone: 'America/Chicago', instant: '2026-11-01T05:00:00.000Z' },
    { date: '2026-05-05', zone: 'UTC', instant: '2026-05-05T00:00:00.000Z' },
  ])('starts $date in $zone at $instant', ({ date, zone, instant }) => {
    expect(startOfLocalDay(date, zone).toISOString()).toBe(instant);
  });

  it('steps to the next day across a month end and counts days between dates', () => {
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
    expect(daysBetween('2026-11-23', '2026-12-23')).toBe(30);
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
  });
});
