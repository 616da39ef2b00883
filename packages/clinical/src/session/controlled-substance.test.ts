import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at } from '../monitoring/test-helpers.ts';
import { checkAdministrationBalance, checkWasteWitness } from './controlled-substance.ts';
import type { WasteWitnessInput } from './controlled-substance.ts';
import { DEFAULT_SESSION_CONFIG } from './session-config.ts';

describe('administration balance (rule 34)', () => {
  it.each([
    { title: 'balances when drawn equals given plus wasted (rule 34)', amounts: { drawnMl: 10, givenMl: 7.3, wastedMl: 2.7 }, code: null },
    { title: 'balances within 0.01 mL (rule 34)', amounts: { drawnMl: 10, givenMl: 7.3, wastedMl: 2.69 }, code: null },
    { title: 'blocks closing when 0.02 mL is unaccounted for (rule 34)', amounts: { drawnMl: 10, givenMl: 7.3, wastedMl: 2.68 }, code: 'amount-unbalanced' },
    { title: 'blocks closing when given plus wasted exceeds drawn (rule 34)', amounts: { drawnMl: 5, givenMl: 5, wastedMl: 1 }, code: 'amount-unbalanced' },
    { title: 'blocks a negative amount (rule 34)', amounts: { drawnMl: 5, givenMl: 6, wastedMl: -1 }, code: 'amount-invalid' },
    { title: 'blocks a missing amount (rule 34)', amounts: { drawnMl: 5, givenMl: Number.NaN, wastedMl: 0 }, code: 'amount-invalid' },
  ])('$title', ({ amounts, code }) => {
    const findings = checkAdministrationBalance(amounts);
    expect(findings.map((f) => f.code)).toEqual(code === null ? [] : [code]);
    expect(findings.every((f) => f.rule === 34 && f.severity === 'block')).toBe(true);
  });

  it('uses the configured tolerance (rule 34)', () => {
    const config = { ...DEFAULT_SESSION_CONFIG, balanceToleranceMl: 0.05 };
    expect(checkAdministrationBalance({ drawnMl: 10, givenMl: 7.3, wastedMl: 2.66 }, config)).toEqual([]);
  });

  it('balances whenever wasted is drawn minus given (rule 34)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, b) => {
        const drawnMl = Math.max(a, b) / 1000;
        const givenMl = Math.min(a, b) / 1000;
        expect(checkAdministrationBalance({ drawnMl, givenMl, wastedMl: drawnMl - givenMl })).toEqual([]);
      }),
    );
  });
});

describe('waste witness (rule 35)', () => {
  const valid: WasteWitnessInput = {
    wastedMl: 2.7,
    wastedAt: at(45),
    administeredByUserId: 'rn-a',
    witness: { userId: 'rn-b', licensed: true, signedAt: at(50) },
  };

  it.each([
    { title: 'accepts a licensed colleague signing within the shift (rule 35)', change: {}, codes: [] },
    { title: 'needs no witness when nothing was wasted (rule 35)', change: { wastedMl: 0, witness: null }, codes: [] },
    { title: 'requires a witness for any waste (rule 35)', change: { witness: null }, codes: ['witness-missing'] },
    { title: 'rejects the administering clinician as witness (rule 35)', change: { witness: { userId: 'rn-a', licensed: true, signedAt: at(50) } }, codes: ['witness-same-user'] },
    { title: 'rejects an unlicensed witness (rule 35)', change: { witness: { userId: 'tech-c', licensed: false, signedAt: at(50) } }, codes: ['witness-not-licensed'] },
    { title: 'rejects a signature 13 hours after the waste (rule 35)', change: { witness: { userId: 'rn-b', licensed: true, signedAt: at(45 + 13 * 60) } }, codes: ['witness-signature-outside-shift'] },
    { title: 'rejects a signature outside the recorded shift (rule 35)', change: { shift: { startsAt: at(-60), endsAt: at(30) } }, codes: ['witness-signature-outside-shift'] },
    { title: 'reports every witness problem at once (rule 35)', change: { witness: { userId: 'rn-a', licensed: false, signedAt: at(2000) } }, codes: ['witness-same-user', 'witness-not-licensed', 'witness-signature-outside-shift'] },
  ])('$title', ({ change, codes }) => {
    const findings = checkWasteWitness({ ...valid, ...change } as WasteWitnessInput);
    expect(findings.map((f) => f.code)).toEqual(codes);
    expect(findings.every((f) => f.rule === 35 && f.severity === 'block')).toBe(true);
  });
});
