/**
 * Recovery scores used for discharge readiness (clinical.md §8, §15 rule 28):
 * the modified Aldrete score (Aldrete 1995) and the modified Post-Anesthetic
 * Discharge Scoring System (PADSS, Chung 1995). Both are tagged (B) in
 * clinical.md [S64]: item wording follows the published tables as commonly
 * reproduced; confirm against the originals before clinical sign-off.
 */

export type ItemScore = 0 | 1 | 2;

export type AldreteActivity = 'moves-four-limbs' | 'moves-two-limbs' | 'moves-no-limbs';
export type AldreteRespiration = 'breathes-deeply-and-coughs' | 'dyspnea-or-limited-breathing' | 'apneic';
export type AldreteConsciousness = 'fully-awake' | 'arousable-on-calling' | 'not-responding';

export interface ModifiedAldreteInput {
  /** When the score was taken; discharge requires it to be current. */
  assessedAt: Date;
  activity: AldreteActivity;
  respiration: AldreteRespiration;
  consciousness: AldreteConsciousness;
  /** Circulation: current and pre-procedure systolic BP. */
  systolicMmHg: number;
  baselineSystolicMmHg: number;
  /** Oxygen saturation and whether it is on supplemental oxygen. */
  spo2Pct: number;
  onSupplementalOxygen: boolean;
}

export interface AldreteScore {
  items: {
    activity: ItemScore;
    respiration: ItemScore;
    circulation: ItemScore;
    consciousness: ItemScore;
    oxygenation: ItemScore;
  };
  total: number;
  /** |current - baseline| / baseline systolic, in percent, rounded to 0.1. */
  circulationDeviationPct: number;
}

/** Absolute deviation of `value` from `reference`, in percent of the reference. */
export function deviationPct(value: number, reference: number): number {
  if (reference === 0) return value === 0 ? 0 : Infinity;
  return (Math.abs(value - reference) / Math.abs(reference)) * 100;
}

function bandByDeviation(pct: number, fullWithinPct: number, partialBelowPct: number): ItemScore {
  if (pct <= fullWithinPct) return 2;
  if (pct < partialBelowPct) return 1;
  return 0;
}

/**
 * Maps a MOAA/S score to the Aldrete consciousness item: 5 (responds readily to
 * name) = fully awake; 3-4 (responds to name, loudly or repeatedly) = arousable on
 * calling; 0-2 = not responding to voice.
 */
export function aldreteConsciousnessFromMoaas(moaasScore: number): AldreteConsciousness {
  if (moaasScore >= 5) return 'fully-awake';
  if (moaasScore >= 3) return 'arousable-on-calling';
  return 'not-responding';
}

/**
 * Scores the modified Aldrete (1995): five items of 0-2 each, total 0-10.
 * Circulation: 2 when systolic BP is within 20 % of the pre-procedure value, 1 when
 * 20-49 % away, 0 when 50 % or more. Oxygenation: 2 when SpO2 > 92 % on room air;
 * 1 when SpO2 > 90 % with oxygen, or 90-92 % on room air (it would need oxygen to
 * stay above 92 %); 0 when below 90 % on room air or at or below 90 % with oxygen.
 * See clinical.md §8 and §15 rule 28; source [S64].
 */
export function scoreModifiedAldrete(input: ModifiedAldreteInput): AldreteScore {
  const activity: ItemScore = input.activity === 'moves-four-limbs' ? 2 : input.activity === 'moves-two-limbs' ? 1 : 0;
  const respiration: ItemScore =
    input.respiration === 'breathes-deeply-and-coughs' ? 2 : input.respiration === 'dyspnea-or-limited-breathing' ? 1 : 0;
  const consciousness: ItemScore =
    input.consciousness === 'fully-awake' ? 2 : input.consciousness === 'arousable-on-calling' ? 1 : 0;
  const deviation = deviationPct(input.systolicMmHg, input.baselineSystolicMmHg);
  const circulation = bandByDeviation(deviation, 20, 50);
  let oxygenation: ItemScore;
  if (input.onSupplementalOxygen) oxygenation = input.spo2Pct > 90 ? 1 : 0;
  else oxygenation = input.spo2Pct > 92 ? 2 : input.spo2Pct >= 90 ? 1 : 0;
  const items = { activity, respiration, circulation, consciousness, oxygenation };
  return {
    items,
    total: activity + respiration + circulation + consciousness + oxygenation,
    circulationDeviationPct: Math.round(deviation * 10) / 10,
  };
}

export type PadssAmbulation = 'steady-gait-no-dizziness' | 'walks-with-assistance' | 'unable-to-walk-or-dizzy';
export type PadssLevel = 'minimal' | 'moderate' | 'severe';

export interface PadssInput {
  assessedAt: Date;
  /** Vital signs: current and pre-procedure systolic BP and pulse. */
  systolicMmHg: number;
  baselineSystolicMmHg: number;
  heartRateBpm: number;
  baselineHeartRateBpm: number;
  ambulation: PadssAmbulation;
  nauseaVomiting: PadssLevel;
  pain: PadssLevel;
  /** Bleeding (for an infusion: at the cannula site). */
  bleeding: PadssLevel;
}

export interface PadssScore {
  items: {
    vitalSigns: ItemScore;
    ambulation: ItemScore;
    nauseaVomiting: ItemScore;
    pain: ItemScore;
    bleeding: ItemScore;
  };
  total: number;
  /** The larger of the BP and pulse deviations from baseline, in percent, rounded to 0.1. */
  vitalSignsDeviationPct: number;
}

const LEVEL_SCORE: Record<PadssLevel, ItemScore> = { minimal: 2, moderate: 1, severe: 0 };

/**
 * Scores the modified PADSS (Chung 1995): vital signs (BP and pulse within 20 % of
 * baseline = 2, 20-40 % = 1, more than 40 % = 0), ambulation, nausea/vomiting,
 * pain and bleeding, each 0-2; total 0-10, 9 or more = home-ready.
 * See clinical.md §8 and §15 rule 28; source [S64].
 */
export function scorePadss(input: PadssInput): PadssScore {
  const deviation = Math.max(
    deviationPct(input.systolicMmHg, input.baselineSystolicMmHg),
    deviationPct(input.heartRateBpm, input.baselineHeartRateBpm),
  );
  const vitalSigns: ItemScore = deviation <= 20 ? 2 : deviation <= 40 ? 1 : 0;
  const ambulation: ItemScore =
    input.ambulation === 'steady-gait-no-dizziness' ? 2 : input.ambulation === 'walks-with-assistance' ? 1 : 0;
  const items = {
    vitalSigns,
    ambulation,
    nauseaVomiting: LEVEL_SCORE[input.nauseaVomiting],
    pain: LEVEL_SCORE[input.pain],
    bleeding: LEVEL_SCORE[input.bleeding],
  };
  return {
    items,
    total: items.vitalSigns + items.ambulation + items.nauseaVomiting + items.pain + items.bleeding,
    vitalSignsDeviationPct: Math.round(deviation * 10) / 10,
  };
}
