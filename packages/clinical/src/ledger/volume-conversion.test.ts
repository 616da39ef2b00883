import { describe, expect, it } from 'vitest';
import { mgToMl, mlToMg } from './volume-conversion.ts';

describe('mg ↔ mL conversion (rules 34, 36-39)', () => {
  it.each([
    { doseMg: 35, concentrationMgPerMl: 50, incrementMl: 0.01 as const, ml: 0.7 },
    { doseMg: 37, concentrationMgPerMl: 50, incrementMl: 0.01 as const, ml: 0.74 },
    { doseMg: 37, concentrationMgPerMl: 50, incrementMl: 0.1 as const, ml: 0.7 },
    { doseMg: 42.5, concentrationMgPerMl: 10, incrementMl: 0.1 as const, ml: 4.3 },
    { doseMg: 35, concentrationMgPerMl: 100, incrementMl: 0.01 as const, ml: 0.35 },
    { doseMg: 6.25, concentrationMgPerMl: 50, incrementMl: 0.01 as const, ml: 0.13 },
    { doseMg: 1.005, concentrationMgPerMl: 1, incrementMl: 0.01 as const, ml: 1.01 },
    { doseMg: 0, concentrationMgPerMl: 50, incrementMl: 0.1 as const, ml: 0 },
  ])('$doseMg mg at $concentrationMgPerMl mg/mL is $ml mL at $incrementMl mL (halves away from zero)', ({ doseMg, concentrationMgPerMl, incrementMl, ml }) => {
    expect(mgToMl(doseMg, concentrationMgPerMl, incrementMl)).toBe(ml);
  });

  it.each([
    { volumeMl: 0.7, concentrationMgPerMl: 50, mg: 35 },
    { volumeMl: 0.33, concentrationMgPerMl: 10, mg: 3.3 },
    { volumeMl: 1.111, concentrationMgPerMl: 1.5, mg: 1.67 },
  ])('$volumeMl mL at $concentrationMgPerMl mg/mL is $mg mg (0.01 mg)', ({ volumeMl, concentrationMgPerMl, mg }) => {
    expect(mlToMg(volumeMl, concentrationMgPerMl)).toBe(mg);
  });

  it('refuses a zero or negative concentration and a negative dose', () => {
    expect(() => mgToMl(10, 0, 0.1)).toThrow('concentrationMgPerMl');
    expect(() => mgToMl(-1, 10, 0.1)).toThrow('doseMg');
    expect(() => mlToMg(Number.NaN, 10)).toThrow('volumeMl');
  });
});
