/**
 * Thresholds and intervals of the vitals alert engine and the monitoring schedule
 * (clinical.md §7, §15 rules 19-25). Every value is a clinic-configurable default
 * that the medical director signs off; §16 open question 3 notes that no
 * authoritative psychiatric source gives numeric stop limits for IV ketamine.
 *
 * Comparison directions are part of the contract: "above" and "below" are strict
 * (> and <), "at least" is inclusive (>=).
 */

/** Vital parameters the rule 20 schedule can require at a fixed cadence. */
export type ScheduledParameter = 'bp' | 'hr' | 'spo2';

export interface PreDoseBpConfig {
  /** Rule 19. Pre-dose SBP strictly above this needs a decision. Default 140. Source: [S5] 5.6, [S44] Accelerated Psychiatry. */
  systolicAboveMmHg: number;
  /** Rule 19. Pre-dose DBP strictly above this needs a decision. Default 90. Source: [S5] 5.6. */
  diastolicAboveMmHg: number;
  /**
   * Rule 19. 'decision': a clinician records proceed or delay with a reason;
   * 'hard-stop': dosing cannot start while the pre-dose BP is above the threshold.
   * Default 'decision'. Source: [S5] (decision), [S44] Accelerated Psychiatry (hard stop).
   */
  mode: 'decision' | 'hard-stop';
}

export interface ScheduleConfig {
  /** Rule 20. Maximum minutes between readings while an IV infusion runs or is paused. Default 10. Source: [S17], [S18]. */
  ivDuringInfusionIntervalMin: number;
  /** Rule 20. Maximum minutes between readings after the infusion ends, until discharge. Default 15. Source: [S17]. */
  ivAfterInfusionIntervalMin: number;
  /** Rule 20. A reading becomes overdue (alert) when more than this many minutes late. Default 5. Source: clinical.md §15 rule 20. */
  overdueGraceMin: number;
  /**
   * Rule 20. Parameters that must be charted at the IV cadence. Default ['bp', 'hr', 'spo2']:
   * BP and HR by rule 20, SpO2 because rule 20 asks for continuous oximetry (a device
   * feed easily meets the cadence; a gap in the feed shows as overdue). Source: [S17], [S61].
   */
  ivParameters: ScheduledParameter[];
  /** Rule 20. Esketamine post-dose BP is due this many minutes after the dose. Default 40. Source: [S5], [S6b]. */
  esketaminePostDoseBpMin: number;
  /**
   * Rule 20. A BP reading taken from this many minutes before the post-dose target onwards
   * counts as the "about 40 min" reading (a late reading still counts). Default 10, i.e.
   * from 30 min after the dose. Source: [S5] (peak ~40 min); the window is a Glia choice.
   */
  esketaminePostDoseBpToleranceMin: number;
  /**
   * Rule 20. Optional BP/HR cadence after the 40-min reading for esketamine; null = none
   * (the label says "as needed until values settle"). Default null. Source: [S5].
   */
  esketaminePeriodicIntervalMin: number | null;
}

export interface BpRiseConfig {
  /** Rule 21. Alert when SBP is at least this many mmHg above baseline. Default 40. Source: [S5]. */
  systolicRiseMmHg: number;
  /** Rule 21. Alert when DBP is at least this many mmHg above baseline. Default 25. Source: [S5]. */
  diastolicRiseMmHg: number;
}

export interface BpUrgentConfig {
  /** Rule 22. A reading qualifies when SBP is at least this. Default 180. Source: [S16], [S62], [S44] SDN. */
  systolicMmHg: number;
  /** Rule 22. A reading qualifies when DBP is at least this. Default 110. Source: [S44] SDN. */
  diastolicMmHg: number;
  /**
   * Rule 22. The confirming reading must be taken at least this many minutes after an
   * earlier qualifying reading of the same unbroken run. Default 4 ("about 5 min"). Source: [S44] SDN; window is a Glia choice.
   */
  confirmMinGapMin: number;
  /**
   * Rule 22. ... and at most this many minutes after it. Default 15, so two consecutive
   * scheduled readings (10 min during, 15 min after the infusion) also confirm. Source: Glia choice (rule 20 cadence).
   */
  confirmMaxGapMin: number;
}

export interface BpSevereConfig {
  /** Rule 22. One reading with SBP at least this prompts a pause. Default 200. Source: [S44] SDN. */
  systolicMmHg: number;
  /** Rule 22. One reading with DBP at least this prompts a pause. Default 120. Source: [S44] SDN, [S62]. */
  diastolicMmHg: number;
}

export interface HeartRateConfig {
  /** Rule 24. Tachycardia when HR is strictly above this. Default 120. Source: [S44] SDN. */
  tachycardiaAboveBpm: number;
  /** Rule 24. ... on every HR reading over a span of at least this many minutes. Default 5. Source: [S44] SDN. */
  tachycardiaSustainedMin: number;
  /** Rule 24. Bradycardia when HR is strictly below this (one reading). Default 50. Source: [S44] scirp, WestJEM. */
  bradycardiaBelowBpm: number;
}

export interface RespirationConfig {
  /** Rule 24. Alert when RR is strictly below this. Default 10. Source: [S44] scirp, WestJEM. */
  belowPerMin: number;
  /** Rule 24. Alert when RR is strictly above this. Default 30. Source: [S44] scirp, WestJEM. */
  abovePerMin: number;
}

export interface Spo2Config {
  /** Rule 24. Warning when SpO2 is strictly below this. Default 94. Source: [S61]. */
  warningBelowPct: number;
  /** Rule 24. Escalation when SpO2 is strictly below this. Default 90. Source: [S61]. */
  escalateBelowPct: number;
}

export interface SedationRecordConfig {
  /**
   * Rule 25. For esketamine (no infusion), "mid-session" sedation and dissociation
   * must be charted within this many minutes after the dose. Default 60 (peak
   * effects about 40 min). Source: [S5]; the window is a Glia choice.
   */
  esketamineMidSessionWindowMin: number;
}

export interface MonitoringConfig {
  preDoseBp: PreDoseBpConfig;
  schedule: ScheduleConfig;
  bpRise: BpRiseConfig;
  bpUrgent: BpUrgentConfig;
  bpSevere: BpSevereConfig;
  heartRate: HeartRateConfig;
  respiration: RespirationConfig;
  spo2: Spo2Config;
  sedationRecord: SedationRecordConfig;
}

/** Glia's defaults for rules 19-25; see each key for its rule and source. */
export const DEFAULT_MONITORING_CONFIG: MonitoringConfig = {
  preDoseBp: { systolicAboveMmHg: 140, diastolicAboveMmHg: 90, mode: 'decision' },
  schedule: {
    ivDuringInfusionIntervalMin: 10,
    ivAfterInfusionIntervalMin: 15,
    overdueGraceMin: 5,
    ivParameters: ['bp', 'hr', 'spo2'],
    esketaminePostDoseBpMin: 40,
    esketaminePostDoseBpToleranceMin: 10,
    esketaminePeriodicIntervalMin: null,
  },
  bpRise: { systolicRiseMmHg: 40, diastolicRiseMmHg: 25 },
  bpUrgent: { systolicMmHg: 180, diastolicMmHg: 110, confirmMinGapMin: 4, confirmMaxGapMin: 15 },
  bpSevere: { systolicMmHg: 200, diastolicMmHg: 120 },
  heartRate: { tachycardiaAboveBpm: 120, tachycardiaSustainedMin: 5, bradycardiaBelowBpm: 50 },
  respiration: { belowPerMin: 10, abovePerMin: 30 },
  spo2: { warningBelowPct: 94, escalateBelowPct: 90 },
  sedationRecord: { esketamineMidSessionWindowMin: 60 },
};
