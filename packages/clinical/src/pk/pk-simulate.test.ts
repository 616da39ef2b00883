import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PK_MODEL_IDS, PK_MODELS, pkParamsFor, type PkModelId } from './pk-models.ts';
import type { PkSchedule } from './pk-schedule.ts';
import { concentrationAt, concentrationCurve, concentrationsAt, pkStateAt, pkStatesAt, pkSystemFor } from './pk-simulate.ts';
import { derivePkQuantities } from './pk-system.ts';
import { rk4Concentrations, twoCompartmentConcentrations } from './test/pk-reference.ts';

const relClose = (actual: number, expected: number, tol: number): boolean =>
  Math.abs(actual - expected) <= tol * Math.max(Math.abs(expected), 1e-12);

const modelArb = fc.constantFrom<PkModelId>(...PK_MODEL_IDS);
const weightArb = fc.double({ min: 30, max: 200, noNaN: true });
const segmentArb = fc.record({
  startMin: fc.double({ min: 0, max: 200, noNaN: true }),
  lengthMin: fc.double({ min: 0, max: 120, noNaN: true }),
  rateMgPerMin: fc.double({ min: 0, max: 5, noNaN: true }),
});
const scheduleArb: fc.Arbitrary<PkSchedule> = fc
  .record({
    segments: fc.array(segmentArb, { minLength: 1, maxLength: 8 }),
    boluses: fc.array(fc.record({ atMin: fc.double({ min: 0, max: 200, noNaN: true }), doseMg: fc.double({ min: 0, max: 50, noNaN: true }) }), { maxLength: 3 }),
  })
  .map(({ segments, boluses }) => ({
    segments: segments.map((s) => ({ startMin: s.startMin, endMin: s.startMin + s.lengthMin, rateMgPerMin: s.rateMgPerMin })),
    boluses,
  }));

/** Drug given up to t, computed directly from the schedule (not by the simulator). */
function givenUpTo(schedule: PkSchedule, t: number): number {
  const infused = schedule.segments.reduce((sum, s) => sum + s.rateMgPerMin * Math.max(0, Math.min(t, s.endMin) - s.startMin), 0);
  return infused + (schedule.boluses ?? []).reduce((sum, b) => (b.atMin <= t ? sum + b.doseMg : sum), 0);
}

const standard = (weightKg: number): PkSchedule => ({ segments: [{ startMin: 0, endMin: 40, rateMgPerMin: (0.5 * weightKg) / 40 }] });

describe('PK simulation (pk.md §2)', () => {
  it('conserves mass: amounts in all compartments plus eliminated equal the amount given, for random schedules', () => {
    fc.assert(
      fc.property(modelArb, weightArb, scheduleArb, fc.double({ min: 0, max: 600, noNaN: true }), (model, weightKg, schedule, tMin) => {
        const state = pkStateAt(model, weightKg, schedule, tMin);
        const given = givenUpTo(schedule, tMin);
        const body = state.amountsMg.reduce((a, b) => a + b, 0);
        expect(state.givenMg).toBeCloseTo(given, 9);
        expect(Math.abs(body + state.eliminatedMg - given)).toBeLessThanOrEqual(1e-9 * Math.max(given, 1));
        expect(state.amountsMg).toHaveLength(PK_MODELS[model].compartments);
        expect(pkStatesAt(model, weightKg, schedule, [tMin + 1, tMin])[1]).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the steady state R / CL for a long constant infusion', () => {
    fc.assert(
      fc.property(modelArb, weightArb, fc.double({ min: 0.01, max: 10, noNaN: true }), (model, weightKg, rateMgPerMin) => {
        const p = pkParamsFor(model, weightKg);
        const schedule: PkSchedule = { segments: [{ startMin: 0, endMin: 200_000, rateMgPerMin }] };
        const expectedNgPerMl = (1000 * rateMgPerMin) / (p.v1L * p.k10);
        expect(relClose(concentrationAt(model, weightKg, schedule, 100_000), expectedNgPerMl, 1e-9)).toBe(true);
      }),
    );
  });

  it('is never negative and is linear in the dose', () => {
    fc.assert(
      fc.property(modelArb, weightArb, scheduleArb, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 600, noNaN: true }), (model, weightKg, schedule, factor, tMin) => {
        const scaled: PkSchedule = {
          segments: schedule.segments.map((s) => ({ ...s, rateMgPerMin: s.rateMgPerMin * factor })),
          boluses: (schedule.boluses ?? []).map((b) => ({ ...b, doseMg: b.doseMg * factor })),
        };
        const c = concentrationAt(model, weightKg, schedule, tMin);
        const cScaled = concentrationAt(model, weightKg, scaled, tMin);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(Math.abs(cScaled - factor * c)).toBeLessThanOrEqual(1e-9 * Math.max(factor * c, 1e-9));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with an independent RK4 integration and the two-compartment closed form for random infusion schedules', () => {
    fc.assert(
      fc.property(modelArb, weightArb, fc.array(segmentArb, { minLength: 1, maxLength: 4 }), fc.double({ min: 0.1, max: 300, noNaN: true }), (model, weightKg, raw, tMin) => {
        const rows = raw.map((s) => [s.startMin, s.startMin + s.lengthMin, s.rateMgPerMin] as const);
        const schedule: PkSchedule = { segments: rows.map(([startMin, endMin, rateMgPerMin]) => ({ startMin, endMin, rateMgPerMin })) };
        const p = pkParamsFor(model, weightKg);
        const actual = concentrationAt(model, weightKg, schedule, tMin);
        const reference = p.k13 === 0 ? twoCompartmentConcentrations(p, rows, [tMin])[0] : rk4Concentrations(p, rows, [tMin], 0.01)[0];
        expect(Math.abs(actual - (reference ?? Number.NaN))).toBeLessThanOrEqual(1e-6 * Math.max(reference ?? 0, 1e-3));
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same concentrations for a mg/kg dose at any weight, and 70/100 of them for a fixed mg dose at 100 kg', () => {
    for (const model of PK_MODEL_IDS) {
      const times = [5, 40, 120, 240];
      expect(concentrationsAt(model, 100, standard(100), times).map((c, i) => c / (concentrationsAt(model, 70, standard(70), times)[i] ?? 1))).toEqual(
        times.map(() => expect.closeTo(1, 12)),
      );
      const fixed: PkSchedule = { segments: [{ startMin: 0, endMin: 40, rateMgPerMin: 35 / 40 }] };
      const ratio = concentrationAt(model, 100, fixed, 60) / concentrationAt(model, 70, fixed, 60);
      expect(ratio).toBeCloseTo(0.7, 12);
    }
  });

  it('is zero before the first dose and right-continuous at a bolus (C = 1000 × dose / V1)', () => {
    const schedule: PkSchedule = { segments: [], boluses: [{ atMin: 10, doseMg: 17.5 }] };
    expect(concentrationAt('domino_1984', 70, schedule, 9.999)).toBe(0);
    expect(concentrationAt('domino_1984', 70, schedule, 10)).toBeCloseTo((1000 * 17.5) / (0.063 * 70), 9);
  });

  it('follows the unit-bolus coefficients after a bolus: C(t) = 1000 × dose × Σ A_i exp(-λ_i t)', () => {
    for (const model of PK_MODEL_IDS) {
      const d = derivePkQuantities(pkSystemFor(model, 80));
      for (const t of [1, 30, 300]) {
        const expected = 1000 * 20 * d.unitBolusCoefPerL.reduce((s, a, i) => s + a * Math.exp(-(d.ratesPerMin[i] ?? 0) * t), 0);
        expect(relClose(concentrationAt(model, 80, { segments: [], boluses: [{ atMin: 0, doseMg: 20 }] }, t), expected, 1e-12)).toBe(true);
      }
    }
  });

  it('adds overlapping segments (superposition) and sorts unsorted ones', () => {
    const a: PkSchedule = { segments: [{ startMin: 0, endMin: 40, rateMgPerMin: 0.5 }] };
    const b: PkSchedule = { segments: [{ startMin: 20, endMin: 60, rateMgPerMin: 0.3 }] };
    const both: PkSchedule = { segments: [...b.segments, ...a.segments] };
    for (const t of [10, 30, 50, 90]) {
      const sum = concentrationAt('hijazi_2003', 70, a, t) + concentrationAt('hijazi_2003', 70, b, t);
      expect(relClose(concentrationAt('hijazi_2003', 70, both, t), sum, 1e-12)).toBe(true);
    }
  });

  it('treats a zero-rate segment as a pause and an open-ended segment as a running pump', () => {
    const paused: PkSchedule = { segments: [{ startMin: 0, endMin: 15, rateMgPerMin: 0.875 }, { startMin: 15, endMin: 25, rateMgPerMin: 0 }, { startMin: 25, endMin: 50, rateMgPerMin: 0.875 }] };
    const gap: PkSchedule = { segments: [{ startMin: 0, endMin: 15, rateMgPerMin: 0.875 }, { startMin: 25, endMin: 50, rateMgPerMin: 0.875 }] };
    expect(concentrationAt('domino_1984', 70, paused, 60)).toBe(concentrationAt('domino_1984', 70, gap, 60));
    const open: PkSchedule = { segments: [{ startMin: 0, endMin: Infinity, rateMgPerMin: 1 }] };
    const closed: PkSchedule = { segments: [{ startMin: 0, endMin: 1000, rateMgPerMin: 1 }] };
    expect(concentrationAt('clements_1981_250', 70, open, 500)).toBe(concentrationAt('clements_1981_250', 70, closed, 500));
  });

  it('draws a curve equal to the pointwise concentrations, toMin included on the grid', () => {
    fc.assert(
      fc.property(modelArb, scheduleArb, fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (model, schedule, fromMin, stepMin) => {
        const curve = concentrationCurve(model, 70, schedule, { fromMin, toMin: fromMin + 40 * stepMin, stepMin });
        expect(curve.tMin).toHaveLength(41);
        const pointwise = concentrationsAt(model, 70, schedule, curve.tMin);
        curve.concNgPerMl.forEach((c, i) => expect(Math.abs(c - (pointwise[i] ?? 0))).toBeLessThanOrEqual(1e-9 * Math.max(pointwise[i] ?? 0, 1e-6)));
      }),
      { numRuns: 100 },
    );
  });

  it('computes a 0-240 min curve at 1-min resolution well under a millisecond', () => {
    const schedule = standard(70);
    for (let i = 0; i < 200; i++) concentrationCurve('domino_1984', 70, schedule, { fromMin: 0, toMin: 240, stepMin: 1 });
    const started = performance.now();
    for (let i = 0; i < 200; i++) concentrationCurve('domino_1984', 70, schedule, { fromMin: 0, toMin: 240, stepMin: 1 });
    expect((performance.now() - started) / 200).toBeLessThan(1);
  });

  it('accepts the alias clements_250 and rejects unknown models, bad weights, schedules and curve options', () => {
    expect(concentrationAt('clements_250', 70, standard(70), 40)).toBe(concentrationAt('clements_1981_250', 70, standard(70), 40));
    expect(() => concentrationAt('nope' as PkModelId, 70, standard(70), 40)).toThrow(RangeError);
    expect(() => concentrationAt('domino_1984', 0, standard(70), 40)).toThrow(RangeError);
    expect(() => concentrationAt('domino_1984', Number.NaN, standard(70), 40)).toThrow(RangeError);
    expect(() => concentrationAt('domino_1984', 70, { segments: [{ startMin: 10, endMin: 5, rateMgPerMin: 1 }] }, 40)).toThrow(/ends .* before it starts/);
    expect(() => concentrationAt('domino_1984', 70, { segments: [{ startMin: 0, endMin: 5, rateMgPerMin: -1 }] }, 40)).toThrow(RangeError);
    expect(() => concentrationAt('domino_1984', 70, standard(70), Number.NaN)).toThrow(RangeError);
    expect(() => concentrationCurve('domino_1984', 70, standard(70), { fromMin: 0, toMin: 10, stepMin: 0 })).toThrow(RangeError);
    expect(() => concentrationCurve('domino_1984', 70, standard(70), { fromMin: 10, toMin: 0, stepMin: 1 })).toThrow(RangeError);
  });
});
