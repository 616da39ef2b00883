import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, fromEpochDay, toEpochDay } from '../shared/calendar-date.ts';
import { DEFAULT_LEDGER_CONFIG } from './ledger-config.ts';
import { earliestDestructionOn, inventoryDueFinding, isBusinessDay, lossReportDeadlines, nextInventoryDueOn } from './ledger-deadlines.ts';

const cfg = DEFAULT_LEDGER_CONFIG;

describe('theft or significant loss deadlines (rule 38)', () => {
  it.each([
    { title: 'a Tuesday discovery is due Wednesday', discoveredOn: '2025-06-03', holidays: [], notice: '2025-06-04', form106: '2025-07-18' },
    { title: 'a Friday discovery is due Monday', discoveredOn: '2025-06-06', holidays: [], notice: '2025-06-09', form106: '2025-07-21' },
    { title: 'a Saturday discovery is due Monday', discoveredOn: '2025-06-07', holidays: [], notice: '2025-06-09', form106: '2025-07-22' },
    { title: 'a Friday discovery before a Monday holiday is due Tuesday', discoveredOn: '2025-05-23', holidays: ['2025-05-26'], notice: '2025-05-27', form106: '2025-07-07' },
    { title: 'the day before Independence Day on a Thursday skips to Monday', discoveredOn: '2025-07-03', holidays: ['2025-07-04'], notice: '2025-07-07', form106: '2025-08-17' },
  ])('$title (rule 38)', ({ discoveredOn, holidays, notice, form106 }) => {
    expect(lossReportDeadlines(discoveredOn, holidays, cfg)).toEqual({ discoveredOn, writtenNoticeDueOn: notice, form106DueOn: form106 });
  });

  it('refuses a malformed holiday naming it (rule 38)', () => {
    expect(() => lossReportDeadlines('2025-06-03', ['2025-06-31'], cfg)).toThrow('holidays[0]');
  });

  it('always lands on the first business day after discovery, never on a weekend or holiday (property, rule 38)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('2020-01-01'), max: toEpochDay('2035-12-31') }), fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 10 }), (day, offsets) => {
        const discoveredOn = fromEpochDay(day);
        const holidays = offsets.map((o) => addDays(discoveredOn, o));
        const { writtenNoticeDueOn, form106DueOn } = lossReportDeadlines(discoveredOn, holidays, cfg);
        expect([0, 6]).not.toContain(dayOfWeek(writtenNoticeDueOn));
        expect(holidays).not.toContain(writtenNoticeDueOn);
        expect(toEpochDay(writtenNoticeDueOn)).toBeGreaterThan(day);
        for (let d = day + 1; d < toEpochDay(writtenNoticeDueOn); d++) expect(isBusinessDay(fromEpochDay(d), holidays, cfg)).toBe(false);
        expect(toEpochDay(form106DueOn) - day).toBe(45);
      }),
      { numRuns: 500 },
    );
  });
});

describe('biennial inventory (rule 37)', () => {
  it.each([
    ['2023-05-15', '2025-05-15'],
    ['2024-02-29', '2026-02-28'],
  ])('an inventory on %s is next due %s (rule 37)', (last, due) => {
    expect(nextInventoryDueOn(last, cfg)).toBe(due);
  });

  it.each([
    { title: 'warns when no initial inventory is recorded', last: null, today: '2025-06-01', code: 'initial-inventory-missing' },
    { title: 'warns when the inventory is overdue', last: '2023-05-15', today: '2025-05-16', code: 'inventory-overdue' },
    { title: 'reminds within 30 days of the due date', last: '2023-05-15', today: '2025-04-15', code: 'inventory-due-soon' },
    { title: 'is quiet more than 30 days before the due date', last: '2023-05-15', today: '2025-04-14', code: null },
  ])('$title (rule 37)', ({ last, today, code }) => {
    expect(inventoryDueFinding(last, today, cfg)?.code ?? null).toBe(code);
  });
});

describe('record retention (rule 36)', () => {
  it.each([
    ['2023-03-01', 2, '2025-03-02'],
    ['2024-02-29', 2, '2026-03-01'],
    ['2023-03-01', 5, '2028-03-02'],
  ])('a record of %s kept %i years may be destroyed from %s (rule 36)', (recordOn, retentionYears, expected) => {
    expect(earliestDestructionOn(recordOn, { ...cfg, retentionYears })).toBe(expected);
  });

  it('refuses a retention shorter than the federal 2 years (rule 36)', () => {
    expect(() => earliestDestructionOn('2023-03-01', { ...cfg, retentionYears: 1 })).toThrow('retentionYears');
  });
});
