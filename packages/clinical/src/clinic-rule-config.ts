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
