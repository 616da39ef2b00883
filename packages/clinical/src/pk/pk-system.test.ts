import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PK_MODEL_IDS, PK_MODELS, pkParamsFor, resolvePkModelId } from './pk-models.ts';
import { createPkSystem, derivePkQuantities } from './pk-system.ts';

describe('PK eigen-system', () => {
  it('finds eigenvalues whose sum, pairwise products and product match the characteristic polynomial, for random 3-compartment models', () => {
    const k = fc.double({ min: 1e-4, max: 2, noNaN: true });
    fc.assert(
      fc.property(k, k, k, k, k, (k10, k12, k21, k13, k31) => {
        fc.pre(Math.abs(k21 - k31) > 1e-3 * Math.max(k21, k31));
        const s = createPkSystem({ v1L: 10, k10, k12, k21, k13, k31 });
        const [a = 0, b = 0, c = 0] = s.ratesPerMin;
        const close = (x: number, y: number): boolean => Math.abs(x - y) <= 1e-9 * Math.abs(y);
        expect(close(a + b + c, k10 + k12 + k13 + k21 + k31)).toBe(true);
        expect(close(a * b + a * c + b * c, k10 * k21 + k10 * k31 + k21 * k31 + k12 * k31 + k13 * k21)).toBe(true);
        expect(close(a * b * c, k10 * k21 * k31)).toBe(true);
        expect(a).toBeGreaterThan(b);
        expect(b).toBeGreaterThan(c);
        expect(s.modeInput.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 11);
        for (const w of s.modeInput) expect(w).toBeGreaterThan(0);
      }),
    );
  });

  it('solves two-compartment models exactly like the quadratic formula', () => {
    for (const id of ['clements_1981_250', 'hijazi_2003'] as const) {
      const m = PK_MODELS[id];
      const sum = m.k10 + m.k12 + m.k21;
      const alpha = (sum + Math.sqrt(sum * sum - 4 * m.k10 * m.k21)) / 2;
      const s = createPkSystem(pkParamsFor(id, 70));
      expect(s.compartments).toBe(2);
      expect(s.ratesPerMin[0]).toBeCloseTo(alpha, 14);
      expect(s.ratesPerMin[1]).toBeCloseTo((m.k10 * m.k21) / alpha, 14);
    }
  });

  it('derives per-kg clearance and volumes that do not depend on weight, with CL = V1 × k10', () => {
    for (const id of PK_MODEL_IDS) {
      const a = derivePkQuantities(createPkSystem(pkParamsFor(id, 60)));
      const b = derivePkQuantities(createPkSystem(pkParamsFor(id, 120)));
      expect(b.clLPerMin / 120).toBeCloseTo(a.clLPerMin / 60, 12);
      expect(b.vssL / 120).toBeCloseTo(a.vssL / 60, 12);
      expect(a.clLPerMin).toBeCloseTo(PK_MODELS[id].v1LPerKg * 60 * PK_MODELS[id].k10, 12);
      expect(b.ratesPerMin).toEqual(a.ratesPerMin);
      expect(a.unitBolusCoefPerL.reduce((x, y) => x + y, 0)).toBeCloseTo(1 / a.v1L, 12);
    }
  });

  it('rejects parameters the closed form cannot represent', () => {
    const base = { v1L: 5, k10: 0.3, k12: 0.2, k21: 0.05, k13: 0.1, k31: 0.01 };
    expect(() => createPkSystem({ ...base, k10: 0 })).toThrow(/k10/);
    expect(() => createPkSystem({ ...base, k12: -1 })).toThrow(/k12/);
    expect(() => createPkSystem({ ...base, v1L: 0 })).toThrow(/V1/);
    expect(() => createPkSystem({ ...base, k21: 0 })).toThrow(/k21/);
    expect(() => createPkSystem({ ...base, k31: 0.05 })).toThrow(/must differ/);
    expect(createPkSystem({ ...base, k12: 0, k13: 0 }).ratesPerMin).toEqual([0.3]);
  });

  it('resolves model names and the clements_250 alias', () => {
    expect(resolvePkModelId('clements_250')).toBe('clements_1981_250');
    expect(resolvePkModelId('domino_1984')).toBe('domino_1984');
    expect(resolvePkModelId('toString')).toBeNull();
    expect(resolvePkModelId('kamp_2020')).toBeNull();
  });
});
