/**
 * Cut-offs for response, remission, relapse and the end-of-induction review
 * (clinical.md §9.1, §15 rules 16, 31-33; instruments.md §3). Every value is a
 * clinic-configurable default that the medical director signs off.
 *
 * Comparison directions are part of the contract: remission is "current total at
 * or below" the cut-off; response and partial response are "reduction at least"
 * the percentage, compared on the exact fraction, never on a rounded percentage.
 */

/** Instruments with a response definition: the scored ones plus SSI and CAPS-5 (rule 32), whose totals are entered. */
export type OutcomeInstrumentId =
  | 'PHQ-9'
  | 'GAD-7'
  | 'MADRS'
  | 'QIDS-SR16'
  | 'HAM-D17'
  | 'Y-BOCS'
  | 'Pain-NRS'
  | 'SSI'
  | 'CAPS-5';

export interface ResponseThresholds {
  /** Remission when the current total is at or below this; null = the instrument has no remission convention. */
  remissionMaxTotal: number | null;
  /** Response when (baseline − current) / baseline × 100 is at least this. */
  responseMinReductionPercent: number;
  /** Partial response when the reduction is at least this and below the response threshold; null = no partial band. */
  partialResponseMinReductionPercent: number | null;
}

export interface ResponseRemissionConfig {
  /** Rule 31. Remission ≤ 4 (i.e. < 5), response ≥ 50 %, partial ≥ 25 %. Source: [S48], HEDIS-style convention (instruments.md §2.1, §3). */
  'PHQ-9': ResponseThresholds;
  /** Rule 32 (anxiety). Remission ≤ 4, response ≥ 50 %, partial ≥ 25 %. Source: instruments.md §2.2, §3 (PHQ-9 convention applied to GAD-7). */
  'GAD-7': ResponseThresholds;
  /**
   * Rule 31. Remission ≤ 10 (alternatives ≤ 9 Hawley 2002, ≤ 12 TRANSFORM), response ≥ 50 %, partial ≥ 25 %.
   * Source: [S11], [S24], [S37c]; instruments.md §2.3, §6.3.
   */
  MADRS: ResponseThresholds;
  /** Rule 31. Remission ≤ 5, response ≥ 50 %, partial ≥ 25 %. Source: [S12] (response), STAR*D (remission); instruments.md §2.4. */
  'QIDS-SR16': ResponseThresholds;
  /** Rule 31 (depression). Remission ≤ 7, response ≥ 50 %, partial ≥ 25 %. Source: Frank et al. 1991 convention; instruments.md §2.5. */
  'HAM-D17': ResponseThresholds;
  /** Rule 32. Remission ≤ 12, response ≥ 35 %, partial ≥ 25 %. Source: [S32], Mataix-Cols et al. 2016; instruments.md §2.8. */
  'Y-BOCS': ResponseThresholds;
  /** Rule 32. Response ≥ 30 %, no remission or partial band. Source: Farrar et al. 2001 (instruments.md §2.11); clinical.md §16 open question 6. */
  'Pain-NRS': ResponseThresholds;
  /** Rule 32. Scale for Suicide Ideation: response ≥ 50 %, no remission or partial band. Source: [S28]. */
  SSI: ResponseThresholds;
  /** Rule 32. CAPS-5: response ≥ 30 %, no remission or partial band. Source: [S30]. */
  'CAPS-5': ResponseThresholds;
}

export interface Pcl5ChangeConfig {
  /** PCL-5 improvement of at least this many points is "clinically meaningful improvement". Default 10. Source: National Center for PTSD guidance (instruments.md §2.6, §3). */
  clinicallyMeaningfulMinPoints: number;
  /** PCL-5 improvement of at least this many points (below the meaningful threshold) is "reliable improvement". Default 5. Source: as above; Marx et al. 2022 suggest 15-18 (§6.5). */
  reliableMinPoints: number;
}

export interface RelapseConfig {
  /**
   * Rule 33. A prior responder relapses after this many consecutive ratings below the
   * instrument's response threshold. Default 2. Source: [S9] (rule shape is an assumption, clinical.md §9.1).
   */
  consecutiveRatingsBelowResponse: number;
}

export interface ContinuationReviewConfig {
  /**
   * Rule 16. Flag continuation at the end-of-induction review when improvement on the
   * primary scale is below this percentage. Default 50. Source: [S5], [S11], [S12].
   */
  minImprovementPercent: number;
}

export interface OutcomeConfig {
  responseRemission: ResponseRemissionConfig;
  pcl5Change: Pcl5ChangeConfig;
  relapse: RelapseConfig;
  continuationReview: ContinuationReviewConfig;
}

const depression = (remissionMaxTotal: number): ResponseThresholds => ({
  remissionMaxTotal,
  responseMinReductionPercent: 50,
  partialResponseMinReductionPercent: 25,
});

const responderOnly = (responseMinReductionPercent: number): ResponseThresholds => ({
  remissionMaxTotal: null,
  responseMinReductionPercent,
  partialResponseMinReductionPercent: null,
});

/** Defaults for every outcome key; see the interfaces above for rule numbers and sources. */
export const DEFAULT_OUTCOME_CONFIG: Readonly<OutcomeConfig> = Object.freeze({
  responseRemission: {
    'PHQ-9': depression(4),
    'GAD-7': depression(4),
    MADRS: depression(10),
    'QIDS-SR16': depression(5),
    'HAM-D17': depression(7),
    'Y-BOCS': { remissionMaxTotal: 12, responseMinReductionPercent: 35, partialResponseMinReductionPercent: 25 },
    'Pain-NRS': responderOnly(30),
    SSI: responderOnly(50),
    'CAPS-5': responderOnly(30),
  },
  pcl5Change: { clinicallyMeaningfulMinPoints: 10, reliableMinPoints: 5 },
  relapse: { consecutiveRatingsBelowResponse: 2 },
  continuationReview: { minImprovementPercent: 50 },
});

/** A copy of `base` with one instrument's thresholds replaced, e.g. MADRS remission ≤ 12 for a TRANSFORM-style report. */
export function withResponseThresholds(
  base: Readonly<OutcomeConfig>,
  instrument: OutcomeInstrumentId,
  thresholds: Partial<ResponseThresholds>,
): OutcomeConfig {
  return {
    ...base,
    responseRemission: {
      ...base.responseRemission,
      [instrument]: { ...base.responseRemission[instrument], ...thresholds },
    },
  };
}
