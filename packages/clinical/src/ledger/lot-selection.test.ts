import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEDGER_CONFIG } from './ledger-config.ts';
import { checkLotDrawable, lotExpiry, suggestLotToDraw } from './lot-selection.ts';
import type { DrawCandidate } from './lot-selection.ts';

describe('lot expiry (rule 39)', () => {
  it.each([
    { expiresOn: '2026-11-22', today: '2026-11-23', status: 'expired', daysLeft: -1 },
    { expiresOn: '2026-11-23', today: '2026-11-23', status: 'expiring-soon', daysLeft: 0 },
    { expiresOn: '2026-12-23', today: '2026-11-23', status: 'expiring-soon', daysLeft: 30 },
    { expiresOn: '2026-12-24', today: '2026-11-23', status: 'in-date', daysLeft: 31 },
    { expiresOn: '2028-03-31', today: '2026-11-23', status: 'in-date', daysLeft: 494 },
  ])('a lot expiring $expiresOn is $status on $today ($daysLeft days left)', ({ expiresOn, today, status, daysLeft }) => {
    expect(lotExpiry(expiresOn, today, DEFAULT_LEDGER_CONFIG)).toEqual({ status, daysLeft });
  });

  it('refuses a malformed expiry date', () => {
    expect(() => lotExpiry('2026-02-30', '2026-01-01', DEFAULT_LEDGER_CONFIG)).toThrow('expiresOn');
  });
});

describe('drawing from a lot (rule 39)', () => {
  it('blocks a draw from a lot the day after its expiry date (rule 39)', () => {
    const f = checkLotDrawable({ lotNumber: 'K50-A', expiresOn: '2026-11-22' }, '2026-11-23');
    expect(f).toMatchObject({ rule: 39, severity: 'block', code: 'lot-expired', facts: { daysExpired: 1 }, sources: ['S38'] });
    expect(f?.message).toContain('Lot K50-A expired on 2026-11-22');
  });

  it('allows a draw on the expiry date itself (rule 39)', () => {
    expect(checkLotDrawable({ lotNumber: 'K50-A', expiresOn: '2026-11-23' }, '2026-11-23')).toBeNull();
  });
});

describe('first-expiry-first-out suggestion', () => {
  const lots: DrawCandidate[] = [
    { lotId: 'late', expiresOn: '2027-06-30', stockMl: 50 },
    { lotId: 'soon', expiresOn: '2026-12-10', stockMl: 0.5 },
    { lotId: 'expired', expiresOn: '2026-11-01', stockMl: 20 },
    { lotId: 'empty', expiresOn: '2026-11-30', stockMl: 0 },
  ];

  it.each([
    { neededMl: 0, lotId: 'soon', why: 'the in-date lot with stock that expires first' },
    { neededMl: 0.5, lotId: 'soon', why: 'a lot holding exactly the volume needed' },
    { neededMl: 0.51, lotId: 'late', why: 'the next lot when the first cannot cover the draw' },
    { neededMl: 60, lotId: null, why: 'nothing when no lot can cover the draw' },
  ])('suggests $lotId for $neededMl mL: $why', ({ neededMl, lotId }) => {
    expect(suggestLotToDraw(lots, '2026-11-23', neededMl)).toBe(lotId);
  });

  it('breaks a tie on the expiry date by lot id', () => {
    expect(suggestLotToDraw([{ lotId: 'b', expiresOn: '2027-01-01', stockMl: 1 }, { lotId: 'a', expiresOn: '2027-01-01', stockMl: 1 }], '2026-11-23')).toBe('a');
  });

  it('never suggests an expired or empty lot, and always the earliest in-date expiry that qualifies', () => {
    const lot = fc.record({
      lotId: fc.string({ minLength: 1, maxLength: 4 }),
      expiresOn: fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
      stockMl: fc.integer({ min: 0, max: 5000 }).map((c) => c / 100),
    });
    fc.assert(
      fc.property(fc.array(lot, { maxLength: 12 }), (candidates) => {
        const today = '2026-11-23';
        const chosen = suggestLotToDraw(candidates, today);
        const eligible = candidates.filter((l) => l.expiresOn >= today && l.stockMl > 0);
        if (eligible.length === 0) return chosen === null;
        const minExpiry = eligible.map((l) => l.expiresOn).sort()[0];
        return eligible.some((l) => l.lotId === chosen && l.expiresOn === minExpiry);
      }),
    );
  });
});
