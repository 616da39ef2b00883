import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSING_CONFIG, resolveDosingConfig, validateDosingConfig } from './dosing-config.ts';

describe('dosing configuration', () => {
  it('has valid defaults matching clinical.md §15 rules 9-13', () => {
    expect(validateDosingConfig(DEFAULT_DOSING_CONFIG)).toEqual([]);
    expect(DEFAULT_DOSING_CONFIG.weight.maxAgeDays).toBe(30);
    expect(DEFAULT_DOSING_CONFIG.psychiatric).toEqual({ softMaxDoseMgPerKg: 0.5, hardMaxDoseMgPerKg: 1.0, minInfusionDurationMin: 40 });
    expect(DEFAULT_DOSING_CONFIG.pain.hardMaxBolusMgPerKg).toBe(0.35);
    expect(DEFAULT_DOSING_CONFIG.esketamine.allowedDosesMg).toEqual([28, 56, 84]);
  });

  it('cannot be changed for everyone at run time', () => {
    expect(() => {
      (DEFAULT_DOSING_CONFIG.psychiatric as { hardMaxDoseMgPerKg: number }).hardMaxDoseMgPerKg = 5;
    }).toThrow(TypeError);
  });

  it('applies a clinic override section by section and keeps the other defaults', () => {
    const c = resolveDosingConfig({ psychiatric: { hardMaxDoseMgPerKg: 0.75 } });
    expect(c.psychiatric).toEqual({ softMaxDoseMgPerKg: 0.5, hardMaxDoseMgPerKg: 0.75, minInfusionDurationMin: 40 });
    expect(c.weight).toEqual(DEFAULT_DOSING_CONFIG.weight);
  });

  it.each([
    [{ psychiatric: { softMaxDoseMgPerKg: 1.5 } }, /softMaxDoseMgPerKg must not exceed/],
    [{ rounding: { doseMg: 0 } }, /rounding.doseMg/],
    [{ esketamine: { allowedDosesMg: [28, 50] } }, /50 mg is not a whole number/],
    [{ weight: { maxAgeDays: -1 } }, /weight.maxAgeDays/],
  ])('reports an unusable override %j', (overrides, message) => {
    expect(validateDosingConfig(resolveDosingConfig(overrides)).join('\n')).toMatch(message);
  });
});
