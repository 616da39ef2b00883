import { describe, expect, it } from 'vitest';
import { roundHalfUpRatio } from './rounding.ts';

describe('roundHalfUpRatio', () => {
  it.each([
    [7 * 9, 8, 0, 8, 'rounds 7.875 up to 8'],
    [36, 8, 0, 5, 'rounds an exact half (4.5) up, not to even'],
    [13, 5, 2, 2.6, 'keeps an exact two-decimal mean'],
    [7, 6, 2, 1.17, 'rounds 1.1667 to 1.17'],
    [14, 3, 2, 4.67, 'rounds 4.6667 to 4.67'],
    [1005, 1000, 2, 1.01, 'rounds 1.005 up, which float arithmetic gets wrong'],
    [-100, 32, 2, -3.13, 'rounds a negative half away from zero (−3.125 → −3.13)'],
    [-1, 3, 2, -0.33, 'rounds −0.3333 to −0.33'],
    [0, 5, 2, 0, 'returns 0 for a zero numerator'],
  ])('%i / %i to %i decimals is %d: %s', (numerator, denominator, decimals, expected) => {
    expect(roundHalfUpRatio(numerator, denominator, decimals)).toBe(expected);
  });

  it('rejects a zero denominator and non-integer inputs', () => {
    expect(() => roundHalfUpRatio(1, 0, 2)).toThrow(RangeError);
    expect(() => roundHalfUpRatio(1.5, 2, 2)).toThrow(RangeError);
    expect(() => roundHalfUpRatio(1, 2, 1.5)).toThrow(RangeError);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfUpRatio(-1, 1000, 2), -0)).toBe(false);
  });
});
