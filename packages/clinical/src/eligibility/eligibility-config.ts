/**
 * Eligibility and screening defaults (clinical.md §15 rules 1-8). Every value is a
 * CONFIG item the medical director signs off; where the rule text gives no number
 * the default is marked as a Glia assumption.
 */
import type { MedicationFlagConfig } from '../medications/medication-config.ts';
import { DEFAULT_MEDICATION_FLAG_CONFIG } from '../medications/medication-config.ts';
import type { Indication } from './icd10-codes.ts';

export interface EligibilityConfig {
  rule1: {
    /** Failed adequate antidepressant trials in the current episode needed for depression (1-3). [S20], [S50], [S49] */
    minFailedAdequateTrials: number;
    /** A trial marked adequate counts only if it lasted at least this many weeks. [S51], [S51b] */
    minTrialWeeks: number;
    /** What a failed trial counts: every trial, distinct drugs, or distinct antidepressant classes ([S51b] counts classes). */
    countDistinct: 'trial' | 'drug' | 'class';
    /** Indications that qualify a patient for a psychiatric infusion. */
    qualifyingIndications: Indication[];
    /** Qualifying indications that also need the failed-trial count ("for depression"). */
    trialsRequiredFor: Indication[];
  };
  rule2: {
    /** Dose a standard consent covers when it records no maximum; above it re-consent is needed. [S1a], [S3] */
    standardConsentMaxDoseMgPerKg: number;
  };
  rule4: {
    /** A negative pregnancy test must be dated on the reference date or up to this many days before it. [S51], [S4], [S5] */
    pregnancyTestWindowDays: number;
    /** When the test is required: at each series start (and the first infusion) or before every infusion. */
    requiredAt: 'series-start' | 'every-infusion';
  };
  rule5: {
    /** A substance-use assessment older than this is not "current" (Glia assumption, aligned with the 12-week maintenance review). */
    assessmentMaxAgeDays: number;
  };
  rule6: {
    /** An ECG older than this does not count as on file; null = any ECG on file (Glia assumption: 365). [S4] */
    ecgMaxAgeDays: number | null;
    /** Baseline LFTs older than this do not count; null = any (Glia assumption: 90). [S4] */
    lftMaxAgeDays: number | null;
  };
  rule7: {
    /** Whether an antipsychotic approved for bipolar disorder counts as a mood stabilizer. [S29], [S52] */
    antipsychoticsCountAsMoodStabilizers: boolean;
  };
  rule8: MedicationFlagConfig;
}

export const DEFAULT_ELIGIBILITY_CONFIG: EligibilityConfig = {
  rule1: {
    minFailedAdequateTrials: 2,
    minTrialWeeks: 4,
    countDistinct: 'drug',
    qualifyingIndications: ['depression', 'bipolar-depression', 'postpartum-depression', 'ptsd', 'ocd', 'anxiety'],
    trialsRequiredFor: ['depression', 'bipolar-depression', 'postpartum-depression'],
  },
  rule2: { standardConsentMaxDoseMgPerKg: 0.5 },
  rule4: { pregnancyTestWindowDays: 7, requiredAt: 'series-start' },
  rule5: { assessmentMaxAgeDays: 90 },
  rule6: { ecgMaxAgeDays: 365, lftMaxAgeDays: 90 },
  rule7: { antipsychoticsCountAsMoodStabilizers: true },
  rule8: DEFAULT_MEDICATION_FLAG_CONFIG,
};

/** Throws a RangeError naming the first out-of-range key, so a bad clinic setting cannot silently disable a rule. */
export function assertEligibilityConfig(config: EligibilityConfig): void {
  const { minFailedAdequateTrials, minTrialWeeks } = config.rule1;
  if (![1, 2, 3].includes(minFailedAdequateTrials)) throw new RangeError(`rule1.minFailedAdequateTrials: must be 1, 2 or 3, got ${minFailedAdequateTrials}`);
  const nonNegative = (key: string, value: number | null): void => {
    if (value !== null && (!Number.isFinite(value) || value < 0)) throw new RangeError(`${key}: must be a finite number ≥ 0, got ${value}`);
  };
  nonNegative('rule1.minTrialWeeks', minTrialWeeks);
  if (!(config.rule2.standardConsentMaxDoseMgPerKg > 0)) throw new RangeError(`rule2.standardConsentMaxDoseMgPerKg: must be > 0, got ${config.rule2.standardConsentMaxDoseMgPerKg}`);
  nonNegative('rule4.pregnancyTestWindowDays', config.rule4.pregnancyTestWindowDays);
  nonNegative('rule5.assessmentMaxAgeDays', config.rule5.assessmentMaxAgeDays);
  nonNegative('rule6.ecgMaxAgeDays', config.rule6.ecgMaxAgeDays);
  nonNegative('rule6.lftMaxAgeDays', config.rule6.lftMaxAgeDays);
  nonNegative('rule8.benzodiazepineWarnAboveDzeMgPerDay', config.rule8.benzodiazepineWarnAboveDzeMgPerDay);
}
