import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceedsLimit, floorToStep, roundToStep, roundWithinCeilings } from './dose-rounding.ts';

describe('dose rounding', () => {
  it.each([
    [36.65, 0.1, 36.7],
    [36.649, 0.1, 36.6],
    [52.5, 0.1, 52.5],
    [0.105, 0.01, 0.11],
    [12.345, 0.25, 12.25],
    [7, 1, 7],
  ])('rounds %d to the nearest %d step as %d', (value, step, expected) => {
    expect(roundToStep(value, step)).toBe(expected);
  });

  it('floors without binary noise (36.7 stays 36.7)', () => {
    expect(floorToStep(36.7, 0.1)).toBe(36.7);
    expect(floorToStep(36.79, 0.1)).toBe(36.7);
  });

  it('rounds down instead of up when rounding up would cross a ceiling the value respects', () => {
    expect(roundWithinCeilings(70.06, 0.1, [70.06])).toBe(70);
    expect(roundWithinCeilings(70.06, 0.1, [80])).toBe(70.1);
    expect(roundWithinCeilings(71, 0.1, [70.06])).toBe(71);
  });

  it('never carries a value that respects a ceiling above it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.constantFrom(0.1, 0.01, 0.5, 1), fc.double({ min: 0, max: 1.2, noNaN: true }), (value, step, fraction) => {
        const ceiling = value * (1 + fraction * 0.01);
        const rounded = roundWithinCeilings(value, step, [ceiling]);
        expect(exceedsLimit(rounded, ceiling)).toBe(false);
        expect(Math.abs(rounded - value)).toBeLessThanOrEqual(step * (1 + 1e-9));
      }),
    );
  });
});
