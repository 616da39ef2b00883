/**
 * Series-scheduling defaults (clinical.md §15 rules 14-17). Every value is a
 * CONFIG item the medical director signs off; the defaults are the rule texts.
 */

/** One esketamine phase: weeks are counted from the first session of the series, 1-based. */
export interface EsketaminePhase {
  fromWeek: number;
  /** Last week of the phase, inclusive; null = open-ended. */
  toWeek: number | null;
  maxSessionsPerWeek: number;
}

export interface SpacingConfig {
  iv: {
    /** Rule 14: block an infusion starting less than this after the previous one. */
    minGapHours: number;
    /** Rule 14: warn when an infusion starts less than this after the previous one. */
    warnGapHours: number;
    /** Rule 14: at most this many start times in any half-open window [t, t + rollingWindowHours). */
    maxPerRollingWindow: number;
    rollingWindowHours: number;
  };
  esketamine: {
    /** Rule 15: per-week session limits by phase; weeks are 7-day blocks from the first session. */
    phases: EsketaminePhase[];
    /** Glia default, not a label number: two sessions on the same day are never part of the label schedule. 0 disables. */
    minGapHours: number;
  };
  responseReview: {
    /** Rule 16: IV review after this many infusions … */
    ivAfterInfusionCount: number;
    /** … or by the end of this week of the series, whichever comes first. */
    ivByEndOfWeek: number;
    /** Rule 16: esketamine review at the end of this week (end of induction). */
    esketamineByEndOfWeek: number;
  };
  maintenance: {
    /** Rule 17: review a maintenance plan at least this often. */
    reviewIntervalWeeks: number;
    /** Rule 17: how a booster booked after the review fell due is treated. */
    overdueReviewSeverity: 'block' | 'warning';
  };
}

export const DEFAULT_SPACING_CONFIG: SpacingConfig = {
  iv: { minGapHours: 24, warnGapHours: 48, maxPerRollingWindow: 3, rollingWindowHours: 168 },
  esketamine: {
    phases: [
      { fromWeek: 1, toWeek: 4, maxSessionsPerWeek: 2 },
      { fromWeek: 5, toWeek: 8, maxSessionsPerWeek: 1 },
      { fromWeek: 9, toWeek: null, maxSessionsPerWeek: 1 },
    ],
    minGapHours: 24,
  },
  responseReview: { ivAfterInfusionCount: 6, ivByEndOfWeek: 4, esketamineByEndOfWeek: 4 },
  maintenance: { reviewIntervalWeeks: 12, overdueReviewSeverity: 'block' },
};

/**
 * Checks a spacing configuration and throws a RangeError naming the first bad
 * key, so a mistyped clinic setting fails loudly instead of disabling a rule.
 */
export function assertSpacingConfig(config: SpacingConfig): void {
  const nonNegative = (key: string, value: number): void => {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${key}: must be a finite number ≥ 0, got ${value}`);
  };
  const positiveInt = (key: string, value: number): void => {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${key}: must be a whole number ≥ 1, got ${value}`);
  };
  nonNegative('iv.minGapHours', config.iv.minGapHours);
  nonNegative('iv.warnGapHours', config.iv.warnGapHours);
  positiveInt('iv.maxPerRollingWindow', config.iv.maxPerRollingWindow);
  if (!(config.iv.rollingWindowHours > 0)) throw new RangeError(`iv.rollingWindowHours: must be > 0, got ${config.iv.rollingWindowHours}`);
  nonNegative('esketamine.minGapHours', config.esketamine.minGapHours);
  const phases = config.esketamine.phases;
  if (phases.length === 0) throw new RangeError('esketamine.phases: at least one phase is required');
  let expectedFrom = 1;
  phases.forEach((phase, i) => {
    const key = `esketamine.phases[${i}]`;
    if (phase.fromWeek !== expectedFrom) throw new RangeError(`${key}.fromWeek: phases must be contiguous from week 1; expected ${expectedFrom}, got ${phase.fromWeek}`);
    nonNegative(`${key}.maxSessionsPerWeek`, phase.maxSessionsPerWeek);
    if (!Number.isInteger(phase.maxSessionsPerWeek)) throw new RangeError(`${key}.maxSessionsPerWeek: must be a whole number`);
    if (phase.toWeek === null) {
      if (i !== phases.length - 1) throw new RangeError(`${key}.toWeek: only the last phase may be open-ended`);
      if (phase.maxSessionsPerWeek < 1) throw new RangeError(`${key}.maxSessionsPerWeek: the open-ended phase must allow at least 1 session`);
    } else {
      if (!Number.isInteger(phase.toWeek) || phase.toWeek < phase.fromWeek) throw new RangeError(`${key}.toWeek: must be a whole number ≥ fromWeek`);
      expectedFrom = phase.toWeek + 1;
    }
  });
  if (phases[phases.length - 1]?.toWeek !== null) throw new RangeError('esketamine.phases: the last phase must be open-ended (toWeek: null)');
  positiveInt('responseReview.ivAfterInfusionCount', config.responseReview.ivAfterInfusionCount);
  positiveInt('responseReview.ivByEndOfWeek', config.responseReview.ivByEndOfWeek);
  positiveInt('responseReview.esketamineByEndOfWeek', config.responseReview.esketamineByEndOfWeek);
  positiveInt('maintenance.reviewIntervalWeeks', config.maintenance.reviewIntervalWeeks);
}
