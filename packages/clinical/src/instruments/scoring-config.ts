/**
 * Clinic-configurable scoring cut-points where instruments.md §6 records a
 * disagreement between sources. Defaults reproduce the shared vectors; the
 * medical director signs off any change. Comparisons are inclusive ("at least").
 */
export interface ScoringConfig {
  /**
   * PCL-5 band 'probable-ptsd' when the total is at least this. Default 33.
   * Source: VA "Using the PCL-5" (31-33, population-dependent; some services use 38), instruments.md §2.6, §6.5.
   */
  pcl5ProbablePtsdMinTotal: number;
  /**
   * EPDS band 'possible-depression' when the total is at least this. Default 10.
   * Source: Cox et al. 1987 scoring notes (sensitive cut-point), instruments.md §2.7, §6.6.
   */
  epdsPossibleDepressionMinTotal: number;
  /**
   * EPDS band 'probable-depression' when the total is at least this. Default 13.
   * Source: Cox et al. 1987 (main cut-point); NSW SAFE START uses 15 antenatally, instruments.md §2.7, §6.6.
   */
  epdsProbableDepressionMinTotal: number;
  /**
   * MADRS item 10 at or above this sets `suicideItemEscalation` (separate from the
   * informational non-zero flag). Default 3, the more sensitive of the trial-protocol
   * thresholds (3 or 4). Source: instruments.md §2.3, §6.11 (a clinical-governance decision).
   */
  madrsSuicideItemEscalationMin: number;
  /**
   * PHQ-9 / GAD-7: report `proratedTotalOptional` when 1 to this many items are
   * missing. Default 2. Source: rule attributed to the PHQ manual, unverified
   * (instruments.md §2.1, §6.1); never stored as the total.
   */
  proratedTotalMaxMissingItems: number;
}

/** Defaults of every scoring cut-point; see ScoringConfig for sources. */
export const DEFAULT_SCORING_CONFIG: Readonly<ScoringConfig> = Object.freeze({
  pcl5ProbablePtsdMinTotal: 33,
  epdsPossibleDepressionMinTotal: 10,
  epdsProbableDepressionMinTotal: 13,
  madrsSuicideItemEscalationMin: 3,
  proratedTotalMaxMissingItems: 2,
});
