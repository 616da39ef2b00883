import { describe, expect, it } from 'vitest';
import { formatMrn, isValidMrn, luhnCheckDigit } from './mrn.ts';

describe('MRN', () => {
  it.each([
    ['7992739871', 3],
    ['1001', 7],
    ['0', 0],
  ])('computes the Luhn check digit of %s as %i', (digits, check) => {
    expect(luhnCheckDigit(digits)).toBe(check);
  });

  it('formats prefix, number and check digit and validates its own output', () => {
    expect(formatMrn('GL', 1001)).toBe('GL-10017');
    expect(isValidMrn('GL-10017')).toBe(true);
  });

  it('rejects a single mistyped digit', () => {
    expect(isValidMrn('GL-10018')).toBe(false);
    expect(isValidMrn('GL-20017')).toBe(false);
  });
});
