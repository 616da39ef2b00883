/**
 * Discharge criteria and instruction defaults (clinical.md §8, §15 rules 25 and
 * 27-29). Every value is a clinic-configurable default for the medical director
 * to sign off; §16 open question 4 notes that no authoritative source fixes the
 * minimum observation after IV ketamine (60 min ED protocol vs ~90 min BP data
 * vs 2 h by analogy with esketamine).
 */

/** Vital parameters rule 28 compares with the baseline. */
export type ComparedVital = 'systolic' | 'diastolic' | 'heartRate' | 'respRate';

export interface EsketamineDischargeConfig {
  /** Rule 27. No discharge before this many minutes after the dose. Default 120. Source: [S5], [S6]. */
  minObservationMin: number;
  /** Rule 27. Also require a recorded clinician judgment that the patient is clinically stable. Default true. Source: [S5], [S6b]. */
  requireClinicianRelease: boolean;
  /** Rule 27. Require a recorded escort (pre-arranged ride home). Default true. Source: [S5] 17, [S6]. */
  requireEscort: boolean;
  /** Rule 27. Also apply the IV recovery-score criterion (Aldrete/PADSS). Default false. Source: Glia choice ([S64] for the scores). */
  requireRecoveryScore: boolean;
  /** Rule 27. Also apply the IV vitals-within-baseline criterion. Default false (label: "BP should be falling"). Source: [S5]. */
  requireVitalsWithinBaseline: boolean;
}

export interface IvDischargeConfig {
  /** Rule 28. No discharge before this many minutes after the infusion ends. Default 60. Source: [S44] scirp; §16 open question 4. */
  minObservationAfterInfusionMin: number;
}

export interface DischargeInstructionsConfig {
  /** Rule 29. No driving until the next day after sleep, and for at least this many hours. Default 24. Source: [S5], [S44] Nervana, Zen. */
  noDrivingMinHours: number;
  /** Rule 29. No major decisions for this many hours. Default 24. Source: [S44] Nervana, [S63]. */
  noMajorDecisionsHours: number;
  /** Rule 29. No alcohol (or cannabis) for this many hours. Default 24. Source: [S44] Nervana. */
  noAlcoholHours: number;
  /** Rule 29. No opioids or benzodiazepines for this many hours unless the clinician directs otherwise. Default 4. Source: [S44] Nervana (clinic practice). */
  noOpioidsBenzodiazepinesHours: number;
  /** Rule 29. Number printed for emergencies. Default '911'. Source: US setting of clinical.md §11. */
  emergencyServicesNumber: string;
}

export interface DischargeConfig {
  esketamine: EsketamineDischargeConfig;
  iv: IvDischargeConfig;
  /** Rule 28. Vitals count as back to baseline within this percentage. Default 20. Source: [S63], [S64]. */
  vitalsWithinBaselinePct: number;
  /** Rule 28. Vitals compared with the baseline. Default ['systolic', 'diastolic', 'heartRate']. Source: [S63] ("vitals back to baseline"). */
  comparedVitals: ComparedVital[];
  /** Rule 28. The compared vitals must come from readings at most this many minutes old. Default 15 (the rule 20 post-infusion cadence). Source: Glia choice. */
  vitalsMaxAgeMin: number;
  /** Rule 28. Which recovery score satisfies the criterion. Default 'either'. Source: [S64]. */
  recoveryScore: 'aldrete' | 'padss' | 'either';
  /** Rule 28. Minimum modified Aldrete total. Default 9. Source: [S64]. */
  minAldreteScore: number;
  /** Rule 28. Minimum PADSS total. Default 9. Source: [S64]. */
  minPadssScore: number;
  /** Rules 25 and 28. Sedation, dissociation and recovery scores count "at discharge" when at most this many minutes old. Default 15. Source: Glia choice. */
  assessmentMaxAgeMin: number;
  instructions: DischargeInstructionsConfig;
}

/** Glia's defaults for rules 25 and 27-29; see each key for its rule and source. */
export const DEFAULT_DISCHARGE_CONFIG: DischargeConfig = {
  esketamine: {
    minObservationMin: 120,
    requireClinicianRelease: true,
    requireEscort: true,
    requireRecoveryScore: false,
    requireVitalsWithinBaseline: false,
  },
  iv: { minObservationAfterInfusionMin: 60 },
  vitalsWithinBaselinePct: 20,
  comparedVitals: ['systolic', 'diastolic', 'heartRate'],
  vitalsMaxAgeMin: 15,
  recoveryScore: 'either',
  minAldreteScore: 9,
  minPadssScore: 9,
  assessmentMaxAgeMin: 15,
  instructions: {
    noDrivingMinHours: 24,
    noMajorDecisionsHours: 24,
    noAlcoholHours: 24,
    noOpioidsBenzodiazepinesHours: 4,
    emergencyServicesNumber: '911',
  },
};
