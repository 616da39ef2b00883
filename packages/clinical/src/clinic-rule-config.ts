/**
 * Every clinic-configurable threshold of the clinical core in one object. The
 * defaults are the values of clinical.md §15; a clinic changes them only with
 * the medical director's sign-off (the server stores who signed and when).
 * README.md lists every key with its rule number and source.
 */
import { DEFAULT_DISCHARGE_CONFIG, type DischargeConfig } from './discharge/discharge-config.ts';
import { DEFAULT_DOSING_CONFIG, type DosingConfig } from './dosing/dosing-config.ts';
import { DEFAULT_ELIGIBILITY_CONFIG, type EligibilityConfig } from './eligibility/eligibility-config.ts';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './instruments/scoring-config.ts';
import { DEFAULT_LEDGER_CONFIG, type LedgerConfig } from './ledger/ledger-config.ts';
import { DEFAULT_MEDICATION_FLAG_CONFIG, type MedicationFlagConfig } from './medications/medication-config.ts';
import { DEFAULT_MONITORING_CONFIG, type MonitoringConfig } from './monitoring/monitoring-config.ts';
import { DEFAULT_OUTCOME_CONFIG, type OutcomeConfig } from './outcomes/outcome-config.ts';
import { DEFAULT_SPACING_CONFIG, type SpacingConfig } from './scheduling/spacing-config.ts';
import { DEFAULT_SESSION_CONFIG, type SessionConfig } from './session/session-config.ts';

export interface ClinicRuleConfig {
  scoring: ScoringConfig;
  outcomes: OutcomeConfig;
  eligibility: EligibilityConfig;
  medications: MedicationFlagConfig;
  dosing: DosingConfig;
  spacing: SpacingConfig;
  session: SessionConfig;
  monitoring: MonitoringConfig;
  discharge: DischargeConfig;
  ledger: LedgerConfig;
}

export const DEFAULT_CLINIC_RULE_CONFIG: Readonly<ClinicRuleConfig> = Object.freeze({
  scoring: DEFAULT_SCORING_CONFIG,
  outcomes: DEFAULT_OUTCOME_CONFIG,
  eligibility: DEFAULT_ELIGIBILITY_CONFIG,
  medications: DEFAULT_MEDICATION_FLAG_CONFIG,
  dosing: DEFAULT_DOSING_CONFIG,
  spacing: DEFAULT_SPACING_CONFIG,
  session: DEFAULT_SESSION_CONFIG,
  monitoring: DEFAULT_MONITORING_CONFIG,
  discharge: DEFAULT_DISCHARGE_CONFIG,
  ledger: DEFAULT_LEDGER_CONFIG,
});

/** A partial override of the clinic configuration, as stored by the server. */
export type ClinicRuleConfigOverrides = { [K in keyof ClinicRuleConfig]?: DeepPartial<ClinicRuleConfig[K]> };
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function merge<T>(base: T, patch: unknown): T {
  if (patch === undefined) return base;
  if (base === null || typeof base !== 'object' || Array.isArray(base) || patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (!(key in out)) throw new RangeError(`unknown configuration key: ${key}`);
    out[key] = merge(out[key], value);
  }
  return out as T;
}

/**
 * The defaults with a clinic's overrides applied. A few thresholds are read by
 * two rule families; each has one owner and the other copy is derived here so
 * they can never disagree:
 * - `medications.benzodiazepineWarnAboveDzeMgPerDay` ← `eligibility.rule8.benzodiazepineWarnAboveDzeMgPerDay` (rule 8)
 * - `session.pregnancyTestMaxAgeDays` ← `eligibility.rule4.pregnancyTestWindowDays` (rules 4, 18)
 * - `session.weightMaxAgeDays` ← `dosing.weight.maxAgeDays` (rules 9, 18)
 * Unknown keys throw a RangeError naming the key.
 */
export function resolveClinicRuleConfig(overrides: ClinicRuleConfigOverrides = {}): ClinicRuleConfig {
  const merged = merge<ClinicRuleConfig>(DEFAULT_CLINIC_RULE_CONFIG as ClinicRuleConfig, overrides);
  return {
    ...merged,
    medications: { ...merged.medications, benzodiazepineWarnAboveDzeMgPerDay: merged.eligibility.rule8.benzodiazepineWarnAboveDzeMgPerDay },
    session: {
      ...merged.session,
      pregnancyTestMaxAgeDays: merged.eligibility.rule4.pregnancyTestWindowDays,
      weightMaxAgeDays: merged.dosing.weight.maxAgeDays,
    },
  };
}
