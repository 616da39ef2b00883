import { describe, expect, it } from 'vitest';
import { DEFAULT_CLINIC_RULE_CONFIG, resolveClinicRuleConfig } from './clinic-rule-config.ts';

describe('clinic rule configuration', () => {
  it('returns the clinical.md §15 defaults without overrides', () => {
    const config = resolveClinicRuleConfig();
    expect(config.dosing.psychiatric.hardMaxDoseMgPerKg).toBe(1);
    expect(config.spacing.iv.minGapHours).toBe(24);
    expect(config.monitoring.bpUrgent.systolicMmHg).toBe(180);
    expect(config.discharge.iv.minObservationAfterInfusionMin).toBe(60);
  });

  it('applies a nested override without touching its siblings', () => {
    const config = resolveClinicRuleConfig({ discharge: { iv: { minObservationAfterInfusionMin: 90 } } });
    expect(config.discharge.iv.minObservationAfterInfusionMin).toBe(90);
    expect(config.discharge.minAldreteScore).toBe(DEFAULT_CLINIC_RULE_CONFIG.discharge.minAldreteScore);
  });

  it('keeps thresholds shared by two rule families equal (rules 4, 8, 9, 18)', () => {
    const config = resolveClinicRuleConfig({
      eligibility: { rule4: { pregnancyTestWindowDays: 3 }, rule8: { benzodiazepineWarnAboveDzeMgPerDay: 10 } },
      dosing: { weight: { maxAgeDays: 14 } },
    });
    expect(config.session.pregnancyTestMaxAgeDays).toBe(3);
    expect(config.medications.benzodiazepineWarnAboveDzeMgPerDay).toBe(10);
    expect(config.session.weightMaxAgeDays).toBe(14);
  });

  it('refuses an unknown key, naming it', () => {
    expect(() => resolveClinicRuleConfig({ dosing: { psychiatric: { hardMaxDoseMgPerKgg: 2 } } } as never)).toThrow(/hardMaxDoseMgPerKgg/);
  });
});
