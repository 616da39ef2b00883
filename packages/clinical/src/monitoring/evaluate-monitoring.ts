import { sortAlerts } from './alert.ts';
import type { Alert } from './alert.ts';
import { DEFAULT_MONITORING_CONFIG } from './monitoring-config.ts';
import type { MonitoringConfig } from './monitoring-config.ts';
import { computeMonitoringSchedule } from './monitoring-schedule.ts';
import type { MonitoringSchedule } from './monitoring-schedule.ts';
import { evaluateVitalsAlerts } from './vitals-alerts.ts';
import type {
  BaselineVitals,
  PreDoseBpDecision,
  SessionMonitoringContext,
  VitalsReading,
} from './vitals-types.ts';

export interface MonitoringInput {
  context: SessionMonitoringContext;
  baseline: BaselineVitals | null;
  /** Readings in any order; readings taken after `now` are ignored. */
  readings: readonly VitalsReading[];
  preDoseDecision?: PreDoseBpDecision | null;
  now: Date;
  config?: MonitoringConfig;
}

export interface MonitoringEvaluation {
  /** Every alert whose condition holds now (vitals rules and schedule), most severe first. */
  active: Alert[];
  /** Vitals alerts whose condition has ended; the server keeps those with `requiresAcknowledgement` until acknowledged. */
  cleared: Alert[];
  schedule: MonitoringSchedule;
}

/**
 * One call to run after every new reading or pump event: the vitals alerts of
 * rules 19 and 21-25 plus the rule 20 schedule (next reading due, overdue alerts)
 * and the rule 25 mid-session records. Linear in the number of readings after one sort.
 * See clinical.md §15 rules 19-25.
 */
export function evaluateMonitoring(input: MonitoringInput): MonitoringEvaluation {
  const config = input.config ?? DEFAULT_MONITORING_CONFIG;
  const vitals = evaluateVitalsAlerts({ ...input, config });
  const schedule = computeMonitoringSchedule({ ...input, config });
  return {
    active: sortAlerts([...vitals.active, ...schedule.alerts]),
    cleared: vitals.cleared,
    schedule,
  };
}
