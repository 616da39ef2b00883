import { describe, expect, it } from 'vitest';
import { adjustedBodyWeightKg, dosingWeightKg, idealBodyWeightKg } from './body-weight.ts';
import { DEFAULT_DOSING_CONFIG } from './dosing-config.ts';

describe('dosing weight (rule 9, clinical.md §16 Q2)', () => {
  it.each([
    [152.4, 'male', 50],
    [152.4, 'female', 45.5],
    [177.8, 'male', 50 + 2.3 * 10],
    [165.1, 'female', 45.5 + 2.3 * 5],
  ] as const)('gives a Devine ideal body weight for %d cm %s of %d kg', (heightCm, sex, expected) => {
    expect(idealBodyWeightKg(heightCm, sex)).toBeCloseTo(expected, 10);
  });

  it('adjusts body weight as IBW + 0.4 × (actual − IBW)', () => {
    expect(adjustedBodyWeightKg(120, 70)).toBeCloseTo(90, 10);
  });

  it('doses on actual weight by default without needing height or sex (rule 9)', () => {
    const r = dosingWeightKg({ actualKg: 82, basis: 'actual' }, DEFAULT_DOSING_CONFIG);
    expect(r).toEqual({ ok: true, value: { basis: 'actual', actualKg: 82, dosingKg: 82, idealKg: null, adjustedKg: null, cappedAtActual: false } });
  });

  it('uses the actual weight when the ideal weight is above it (underweight patient, rule 9)', () => {
    const r = dosingWeightKg({ actualKg: 50, basis: 'ideal', heightCm: 185, sex: 'male' }, DEFAULT_DOSING_CONFIG);
    expect(r.ok && r.value.dosingKg).toBe(50);
    expect(r.ok && r.value.cappedAtActual).toBe(true);
  });

  it.each([
    [{ actualKg: 0, basis: 'actual' as const }, 'weightKg'],
    [{ actualKg: Number.NaN, basis: 'actual' as const }, 'weightKg'],
    [{ actualKg: 500, basis: 'actual' as const }, 'weightKg'],
    [{ actualKg: 90, basis: 'ideal' as const, sex: 'male' as const }, 'heightCm'],
    [{ actualKg: 90, basis: 'adjusted' as const, heightCm: 170 }, 'sex'],
  ])('returns an error rather than a number for %j (rule 9)', (input, field) => {
    const r = dosingWeightKg(input, DEFAULT_DOSING_CONFIG);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field)).toContain(field);
  });
});
