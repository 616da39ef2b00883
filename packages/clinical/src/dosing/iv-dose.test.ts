import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../shared/finding.ts';
import { DEFAULT_DOSING_CONFIG, resolveDosingConfig, type DosingConfig, type DosingConfigOverrides } from './dosing-config.ts';
import { exceedsLimit } from './dose-rounding.ts';
import { calculateIvDose, type IvDoseCalculation, type IvDoseInput } from './iv-dose.ts';

const NOW = new Date('2025-03-04T09:00:00Z');
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);

const base: IvDoseInput = {
  protocol: 'psychiatric',
  order: { kind: 'infusion', doseMgPerKg: 0.5, durationMin: 40 },
  weightKg: 70,
  weightMeasuredAt: daysAgo(3),
  now: NOW,
  concentrationMgPerMl: 1,
};

function calc(input: Partial<IvDoseInput>, overrides: DosingConfigOverrides = {}): IvDoseCalculation {
  const r = calculateIvDose({ ...base, ...input }, resolveDosingConfig(overrides));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

const codes = (findings: Finding[], rule: number): string[] => findings.filter((f) => f.rule === rule).map((f) => `${f.severity}:${f.code}`);

describe('IV dose calculation', () => {
  it('computes 0.5 mg/kg over 40 min at 70 kg as 35 mg, 35 mL at 1 mg/mL, 52.5 mL/h, 0.75 mg/kg/h, with no findings', () => {
    const d = calc({});
    expect(d).toMatchObject({ doseMg: 35, volumeMl: 35, deliveredMg: 35, rateMlPerH: 52.5, mgPerKgPerH: 0.75, programmedDurationMin: 40, basis: 'actual', blocked: false });
    expect(d.findings).toEqual([]);
  });

  describe('rule 9: weight basis and weight age', () => {
    it.each([
      { title: 'blocks a weight measured 31 days ago, past the 30-day maximum (rule 9)', ageDays: 31, overrides: {}, expected: ['block:weight-stale'] },
      { title: 'accepts a weight measured exactly 30 days ago (rule 9)', ageDays: 30, overrides: {}, expected: [] },
      { title: 'blocks an 8-day-old weight when the clinic maximum is 7 days (rule 9)', ageDays: 8, overrides: { weight: { maxAgeDays: 7 } }, expected: ['block:weight-stale'] },
    ])('$title', ({ ageDays, overrides, expected }) => {
      const d = calc({ weightMeasuredAt: daysAgo(ageDays) }, overrides);
      expect(codes(d.findings, 9)).toEqual(expected);
      expect(d.blocked).toBe(expected.length > 0);
      expect(d.weightAgeDays).toBeCloseTo(ageDays, 9);
    });

    it('doses on adjusted body weight when the order states it, and says so (rule 9)', () => {
      const d = calc({ weightKg: 120, basis: 'adjusted', heightCm: 165.1, sex: 'female' });
      const ibw = 45.5 + 2.3 * 5;
      expect(d.dosingWeightKg).toBeCloseTo(ibw + 0.4 * (120 - ibw), 9);
      expect(d.doseMg).toBeLessThanOrEqual(0.5 * d.dosingWeightKg + 1e-9);
      expect(codes(d.findings, 9)).toEqual(['info:weight-basis-not-actual']);
    });

    it.each([
      { title: 'returns an error for a weight dated in the future (rule 9)', input: { weightMeasuredAt: new Date(NOW.getTime() + 60_000) }, field: 'weightMeasuredAt' },
      { title: 'returns an error for a zero weight (rule 9)', input: { weightKg: 0 }, field: 'weightKg' },
      { title: 'returns an error for an implausible 500 kg weight (rule 9)', input: { weightKg: 500 }, field: 'weightKg' },
      { title: 'returns an error for an ideal basis without height (rule 9)', input: { basis: 'ideal' as const, sex: 'male' as const }, field: 'heightCm' },
    ])('$title', ({ input, field }) => {
      const r = calculateIvDose({ ...base, ...input }, DEFAULT_DOSING_CONFIG);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors.map((e) => e.field)).toContain(field);
    });
  });

  describe('rule 10: psychiatric dose limits per session', () => {
    it.each([
      { title: 'accepts 0.5 mg/kg without a finding (rule 10)', mgPerKg: 0.5, priorMg: 0, overrides: {}, expected: [] },
      { title: 'warns at 0.6 mg/kg, above the 0.5 mg/kg soft limit (rule 10)', mgPerKg: 0.6, priorMg: 0, overrides: {}, expected: ['warning:dose-above-soft-limit'] },
      { title: 'warns but does not block at exactly the 1.0 mg/kg hard limit (rule 10)', mgPerKg: 1.0, priorMg: 0, overrides: {}, expected: ['warning:dose-above-soft-limit'] },
      { title: 'blocks 1.2 mg/kg above the 1.0 mg/kg hard limit (rule 10)', mgPerKg: 1.2, priorMg: 0, overrides: {}, expected: ['block:dose-above-hard-limit'] },
      { title: 'blocks 0.8 mg/kg after 20 mg already given this session, 1.09 mg/kg in all (rule 10)', mgPerKg: 0.8, priorMg: 20, overrides: {}, expected: ['block:dose-above-hard-limit'] },
      { title: 'blocks 0.8 mg/kg when the clinic hard limit is 0.75 mg/kg (rule 10)', mgPerKg: 0.8, priorMg: 0, overrides: { psychiatric: { hardMaxDoseMgPerKg: 0.75 } }, expected: ['block:dose-above-hard-limit'] },
    ])('$title', ({ mgPerKg, priorMg, overrides, expected }) => {
      const d = calc({ order: { kind: 'infusion', doseMgPerKg: mgPerKg, durationMin: 120 }, sessionPriorMg: priorMg }, overrides);
      expect(codes(d.findings, 10)).toEqual(expected);
      expect(d.blocked).toBe(expected.some((c) => c.startsWith('block')));
    });

    it('names the value and the threshold in the block message (rule 10)', () => {
      const [finding] = calc({ order: { kind: 'infusion', doseMgPerKg: 1.2, durationMin: 120 } }).findings.filter((f) => f.rule === 10);
      expect(finding?.message).toMatch(/1\.2 mg\/kg .* 1 mg\/kg hard limit/);
      expect(finding?.thresholds).toEqual({ 'psychiatric.hardMaxDoseMgPerKg': 1 });
      expect(finding?.sources).toContain('S20');
    });

    it('rounds 1.0 mg/kg at 70.06 kg down to 70.0 mg rather than up over the hard limit (rule 10)', () => {
      const d = calc({ weightKg: 70.06, order: { kind: 'infusion', doseMgPerKg: 1.0, durationMin: 120 } });
      expect(d.doseMg).toBe(70);
      expect(codes(d.findings, 10)).toEqual(['warning:dose-above-soft-limit']);
    });

    it('rounds 0.5 mg/kg at 73.3 kg to 36.6 mg rather than over the soft limit (rule 10)', () => {
      const d = calc({ weightKg: 73.3 });
      expect(d.doseMg).toBe(36.6);
      expect(d.findings).toEqual([]);
    });
  });

  describe('rule 11: infusion length, low-dose rate and bolus ceilings', () => {
    it.each([
      { title: 'warns when 0.5 mg/kg would finish in 30 min, under the 40 min minimum (rule 11)', input: { order: { kind: 'infusion' as const, doseMgPerKg: 0.5, durationMin: 30 } }, expected: ['warning:infusion-shorter-than-minimum'] },
      { title: 'warns when 0.75 mg/kg over 40 min runs at 1.125 mg/kg/h, above 1 mg/kg/h (rule 11)', input: { order: { kind: 'infusion' as const, doseMgPerKg: 0.75, durationMin: 40 } }, expected: ['warning:rate-above-low-dose-ceiling'] },
      { title: 'does not warn at exactly 1 mg/kg/h, 0.75 mg/kg over 45 min (rule 11)', input: { order: { kind: 'infusion' as const, doseMgPerKg: 0.75, durationMin: 45 } }, expected: [] },
      { title: 'warns for a 0.6 mg/kg psychiatric bolus, above 0.5 mg/kg (rule 11)', input: { order: { kind: 'bolus' as const, doseMgPerKg: 0.6 } }, expected: ['warning:bolus-above-low-dose-ceiling'] },
      { title: 'does not warn for a 0.2 mg/kg psychiatric bolus (rule 11)', input: { order: { kind: 'bolus' as const, doseMgPerKg: 0.2 } }, expected: [] },
      { title: 'warns when a pain infusion exceeds 1 mg/kg/h (rule 11, low-dose ceiling applied to pain)', input: { protocol: 'pain' as const, order: { kind: 'rate_infusion' as const, rateMgPerKgPerH: 1.5, durationMin: 240 } }, expected: ['warning:rate-above-low-dose-ceiling'] },
    ])('$title', ({ input, expected }) => {
      expect(codes(calc(input).findings, 11)).toEqual(expected);
    });

    it('rounds the pump rate so a 40-min order never finishes early (52.95 mL/h programmed as 52.9, not 53.0) (rule 11)', () => {
      const d = calc({ weightKg: 70.6 });
      expect(d.doseMg).toBe(35.3);
      expect(d.rateMlPerH).toBe(52.9);
      expect(d.programmedDurationMin).toBeGreaterThanOrEqual(40);
      expect(codes(d.findings, 11)).toEqual([]);
    });

    it('warns that 100 mg/mL must not be given IV undiluted (rule 11, clinical.md §4.3)', () => {
      const d = calc({ order: { kind: 'bolus', doseMgPerKg: 0.2 }, concentrationMgPerMl: 100 });
      expect(codes(d.findings, 11)).toEqual(['warning:undiluted-concentration']);
      expect(d.volumeMl).toBe(0.14);
    });
  });

  describe('rule 12: pain protocol hard limits outside an ICU', () => {
    it.each([
      { title: 'blocks a 0.4 mg/kg pain bolus above 0.35 mg/kg (rule 12)', input: { order: { kind: 'bolus' as const, doseMgPerKg: 0.4 } }, overrides: {}, expected: ['block:pain-bolus-above-hard-limit'] },
      { title: 'accepts a 0.35 mg/kg pain bolus (rule 12)', input: { order: { kind: 'bolus' as const, doseMgPerKg: 0.35 } }, overrides: {}, expected: [] },
      { title: 'blocks a 2.5 mg/kg/h pain infusion above 2 mg/kg/h (rule 12)', input: { order: { kind: 'rate_infusion' as const, rateMgPerKgPerH: 2.5, durationMin: 240 } }, overrides: {}, expected: ['block:pain-rate-above-hard-limit'] },
      { title: 'accepts a 2 mg/kg/h pain infusion (rule 12)', input: { order: { kind: 'rate_infusion' as const, rateMgPerKgPerH: 2, durationMin: 240 } }, overrides: {}, expected: [] },
      { title: 'does not block 2.5 mg/kg/h in an ICU and says why (rule 12)', input: { setting: 'icu' as const, order: { kind: 'rate_infusion' as const, rateMgPerKgPerH: 2.5, durationMin: 240 } }, overrides: {}, expected: ['info:pain-limit-not-applied-icu'] },
      { title: 'blocks 2.5 mg/kg/h in an ICU when the clinic does not exempt ICUs (rule 12)', input: { setting: 'icu' as const, order: { kind: 'rate_infusion' as const, rateMgPerKgPerH: 2.5, durationMin: 240 } }, overrides: { pain: { exemptIcu: false } }, expected: ['block:pain-rate-above-hard-limit'] },
    ])('$title', ({ input, overrides, expected }) => {
      const d = calc({ protocol: 'pain', ...input }, overrides);
      expect(codes(d.findings, 12)).toEqual(expected);
      expect(d.blocked).toBe(expected.some((c) => c.startsWith('block')));
    });

    it('computes a rate order as rate × duration: 0.35 mg/kg/h for 4 h at 80 kg is 112 mg at 28 mL/h of 1 mg/mL (rule 12)', () => {
      const d = calc({ protocol: 'pain', weightKg: 80, order: { kind: 'rate_infusion', rateMgPerKgPerH: 0.35, durationMin: 240 } });
      expect(d).toMatchObject({ orderedMgPerKg: 1.4, doseMg: 112, volumeMl: 112, rateMlPerH: 28, blocked: false });
      expect(d.mgPerKgPerH).toBeCloseTo(0.35, 12);
    });
  });

  describe('input checks', () => {
    it.each([
      { title: 'a zero concentration', input: { concentrationMgPerMl: 0 }, field: 'concentrationMgPerMl' },
      { title: 'a concentration above 100 mg/mL', input: { concentrationMgPerMl: 150 }, field: 'concentrationMgPerMl' },
      { title: 'a zero duration', input: { order: { kind: 'infusion' as const, doseMgPerKg: 0.5, durationMin: 0 } }, field: 'order.durationMin' },
      { title: 'a negative dose', input: { order: { kind: 'infusion' as const, doseMgPerKg: -0.5, durationMin: 40 } }, field: 'order.doseMgPerKg' },
      { title: 'a NaN dose', input: { order: { kind: 'bolus' as const, doseMgPerKg: Number.NaN } }, field: 'order.doseMgPerKg' },
      { title: 'an invalid current time', input: { now: new Date(Number.NaN) }, field: 'now' },
      { title: 'a dose that rounds to zero', input: { order: { kind: 'bolus' as const, doseMgPerKg: 0.0001 } }, field: 'order' },
      { title: 'a negative amount already given', input: { sessionPriorMg: -5 }, field: 'sessionPriorMg' },
    ])('returns an error, not NaN, for $title', ({ input, field }) => {
      const r = calculateIvDose({ ...base, ...input }, DEFAULT_DOSING_CONFIG);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors.map((e) => e.field)).toContain(field);
    });

    it('refuses to compute with an invalid configuration', () => {
      const r = calculateIvDose(base, resolveDosingConfig({ psychiatric: { softMaxDoseMgPerKg: 2 } }));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors[0]?.field).toBe('config');
    });
  });

  it('never computes a dose, volume or rate over a hard limit without a block finding (rules 10 and 12)', () => {
    const configArb: fc.Arbitrary<DosingConfig> = fc
      .record({
        soft: fc.double({ min: 0.1, max: 1, noNaN: true }),
        hardExtra: fc.double({ min: 0, max: 1, noNaN: true }),
        painBolus: fc.double({ min: 0.05, max: 1, noNaN: true }),
        painRate: fc.double({ min: 0.2, max: 5, noNaN: true }),
        exemptIcu: fc.boolean(),
        doseStep: fc.constantFrom(0.1, 0.5, 1, 0.01),
        volumeStep: fc.constantFrom(0.01, 0.1, 0.5),
        rateStep: fc.constantFrom(0.1, 1, 0.01),
      })
      .map((c) =>
        resolveDosingConfig({
          psychiatric: { softMaxDoseMgPerKg: c.soft, hardMaxDoseMgPerKg: c.soft + c.hardExtra },
          pain: { hardMaxBolusMgPerKg: c.painBolus, hardMaxRateMgPerKgPerH: c.painRate, exemptIcu: c.exemptIcu },
          rounding: { doseMg: c.doseStep, volumeMl: c.volumeStep, rateMlPerH: c.rateStep },
        }),
      );
    const orderArb = fc.oneof(
      fc.record({ kind: fc.constant('infusion' as const), doseMgPerKg: fc.double({ min: 0.01, max: 3, noNaN: true }), durationMin: fc.double({ min: 1, max: 600, noNaN: true }) }),
      fc.record({ kind: fc.constant('rate_infusion' as const), rateMgPerKgPerH: fc.double({ min: 0.01, max: 8, noNaN: true }), durationMin: fc.double({ min: 1, max: 600, noNaN: true }) }),
      fc.record({ kind: fc.constant('bolus' as const), doseMgPerKg: fc.double({ min: 0.01, max: 3, noNaN: true }) }),
    );
    const inputArb = fc.record({
      protocol: fc.constantFrom('psychiatric' as const, 'pain' as const),
      order: orderArb,
      weightKg: fc.double({ min: 20, max: 350, noNaN: true }),
      basis: fc.constantFrom('actual' as const, 'ideal' as const, 'adjusted' as const),
      heightCm: fc.double({ min: 140, max: 210, noNaN: true }),
      sex: fc.constantFrom('female' as const, 'male' as const),
      concentrationMgPerMl: fc.double({ min: 0.1, max: 100, noNaN: true }),
      setting: fc.constantFrom('outpatient' as const, 'icu' as const),
      sessionPriorMg: fc.double({ min: 0, max: 50, noNaN: true }),
    });
    fc.assert(
      fc.property(inputArb, configArb, (input, config) => {
        const r = calculateIvDose({ ...input, weightMeasuredAt: daysAgo(1), now: NOW }, config);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          return;
        }
        const d = r.value;
        expect(Number.isFinite(d.doseMg) && d.doseMg > 0 && Number.isFinite(d.volumeMl) && d.volumeMl > 0).toBe(true);
        const limitKg = Math.min(d.dosingWeightKg, d.actualWeightKg);
        const givenMg = Math.max(d.doseMg, d.deliveredMg);
        const blocks = (rule: number): boolean => d.findings.some((f) => f.rule === rule && f.severity === 'block');
        if (input.protocol === 'psychiatric') {
          const sessionMgPerKg = (input.sessionPriorMg + givenMg) / limitKg;
          const orderedSession = (input.sessionPriorMg + d.orderedMgPerKg * d.dosingWeightKg) / limitKg;
          if (exceedsLimit(sessionMgPerKg, config.psychiatric.hardMaxDoseMgPerKg) || exceedsLimit(orderedSession, config.psychiatric.hardMaxDoseMgPerKg)) {
            expect(blocks(10)).toBe(true);
          }
        }
        const painLimits = input.protocol === 'pain' && !(input.setting === 'icu' && config.pain.exemptIcu);
        if (painLimits && d.kind === 'bolus' && exceedsLimit(givenMg / limitKg, config.pain.hardMaxBolusMgPerKg)) expect(blocks(12)).toBe(true);
        if (d.rateMlPerH !== null) {
          expect(Number.isFinite(d.rateMlPerH) && d.rateMlPerH > 0).toBe(true);
          if (painLimits && exceedsLimit((d.rateMlPerH * d.concentrationMgPerMl) / limitKg, config.pain.hardMaxRateMgPerKgPerH)) expect(blocks(12)).toBe(true);
        }
        expect(d.blocked).toBe(d.findings.some((f) => f.severity === 'block'));
      }),
      { numRuns: 2000 },
    );
  });
});
