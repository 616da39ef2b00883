/**
 * Clinic-configurable dosing limits (clinical.md §15 rules 9-13, §4).
 *
 * Every value is a clinic default that the medical director must sign off; the
 * defaults are the figures of clinical.md. Each key's comment names the rule,
 * the default and the source code of the bibliography (§14).
 */

export type WeightBasis = 'actual' | 'ideal' | 'adjusted';

export interface DosingConfig {
  weight: {
    /** Rule 9: a weight older than this (days before the dose) blocks dosing. Default 30. Source S17, S20. */
    maxAgeDays: number;
    /** Rule 9: basis used when an order does not state one. Default 'actual' (trials dose on measured weight). Source S17, S20. */
    defaultBasis: WeightBasis;
    /**
     * Rule 9 / §16 Q2: AdjBW = IBW + factor × (actual − IBW). Default 0.4 (the usual
     * adjusted-body-weight convention; no ketamine source sets it).
     */
    adjustedFactor: number;
    /**
     * Rule 9 / §16 Q2: when the ideal or adjusted weight exceeds the actual weight
     * (an underweight patient), dose on the actual weight instead. Default true.
     */
    capBasisAtActual: boolean;
    /** Input check: plausible adult weight range in kg. Default 20-350. Glia default (no source). */
    minPlausibleKg: number;
    maxPlausibleKg: number;
    /** Input check for IBW: plausible height range in cm. Default 120-230. Glia default (no source). */
    minPlausibleHeightCm: number;
    maxPlausibleHeightCm: number;
  };
  psychiatric: {
    /** Rule 10: warn above this ordered dose per session (mg/kg). Default 0.5. Source S1a, S20. */
    softMaxDoseMgPerKg: number;
    /** Rule 10: block above this dose per session (mg/kg). Default 1.0. Source S3, S20, S21. */
    hardMaxDoseMgPerKg: number;
    /** Rule 11: warn when the programmed infusion would finish sooner than this (min). Default 40. Source S1a. */
    minInfusionDurationMin: number;
  };
  lowDose: {
    /** Rule 11: warn above this infusion rate (mg/kg/h), Pennsylvania "low-dose" ceiling. Default 1.0. Source S40. */
    maxRateMgPerKgPerH: number;
    /** Rule 11: warn above this bolus (mg/kg), Pennsylvania "low-dose" ceiling. Default 0.5. Source S40. */
    maxBolusMgPerKg: number;
    /**
     * Rule 11 / §13 item 15: also apply the low-dose rate and bolus warnings to pain
     * protocols (they describe monitoring assumptions, not pain efficacy). Default true.
     */
    appliesToPain: boolean;
  };
  pain: {
    /** Rule 12: block a bolus above this (mg/kg) outside an ICU. Default 0.35. Source S4 (grade C). */
    hardMaxBolusMgPerKg: number;
    /** Rule 12: block an infusion rate above this (mg/kg/h) outside an ICU. Default 2.0. Source S4. */
    hardMaxRateMgPerKgPerH: number;
    /** Rule 12: the pain hard limits do not apply in an ICU setting (up to 7 mg/kg/h reported there). Default true. Source S4. */
    exemptIcu: boolean;
  };
  undilutedIv: {
    /** §4.3: the undiluted-concentration warning fires at or above this (mg/mL). Default 100. Source S55b. */
    concentrationMgPerMl: number;
    /** §4.3: severity of that finding. Default 'warning'. */
    severity: 'warning' | 'block';
  };
  esketamine: {
    /** Rule 13: the only permitted doses (mg). Default [28, 56, 84]. Source S5, S6b. */
    allowedDosesMg: number[];
    /** Rule 13: mg delivered per nasal device. Default 28. Source S5, S6b. */
    deviceMg: number;
    /** Rule 13: day-1 dose for adults under the older-adult age (mg). Default 56. Source S5. */
    day1DoseMg: number;
    /** Rule 13: day-1 dose at or above the older-adult age (mg). Default 28. Source S5. */
    day1DoseOlderAdultMg: number;
    /** Rule 13: age (years) from which the older-adult day-1 dose applies. Default 65. Source S5. */
    olderAdultAgeYears: number;
    /** Rule 13: the highest dose (mg) needs a prior dose of at least this (mg). Default 56 (84 only after 56). Source S5. */
    maxDoseRequiresPriorMg: number;
    /** Rule 13: minimum gap between devices (min). Default 5. Source S5, S6b. */
    minDeviceGapMin: number;
    /** Rule 13: severity of a device gap shorter than the minimum. Default 'block'. */
    deviceGapSeverity: 'warning' | 'block';
  };
  rounding: {
    /** Dose rounded to this step (mg). Default 0.1. Glia default. */
    doseMg: number;
    /** Volume rounded to this step (mL); syringe resolution. Default 0.01. Glia default. */
    volumeMl: number;
    /** Pump rate rounded to this step (mL/h); pump resolution. Default 0.1. Glia default. */
    rateMlPerH: number;
  };
}

/** The clinical.md defaults, deeply frozen so no caller can change them for everyone. */
export const DEFAULT_DOSING_CONFIG: DosingConfig = deepFreeze({
  weight: {
    maxAgeDays: 30,
    defaultBasis: 'actual',
    adjustedFactor: 0.4,
    capBasisAtActual: true,
    minPlausibleKg: 20,
    maxPlausibleKg: 350,
    minPlausibleHeightCm: 120,
    maxPlausibleHeightCm: 230,
  },
  psychiatric: { softMaxDoseMgPerKg: 0.5, hardMaxDoseMgPerKg: 1.0, minInfusionDurationMin: 40 },
  lowDose: { maxRateMgPerKgPerH: 1.0, maxBolusMgPerKg: 0.5, appliesToPain: true },
  pain: { hardMaxBolusMgPerKg: 0.35, hardMaxRateMgPerKgPerH: 2.0, exemptIcu: true },
  undilutedIv: { concentrationMgPerMl: 100, severity: 'warning' },
  esketamine: {
    allowedDosesMg: [28, 56, 84],
    deviceMg: 28,
    day1DoseMg: 56,
    day1DoseOlderAdultMg: 28,
    olderAdultAgeYears: 65,
    maxDoseRequiresPriorMg: 56,
    minDeviceGapMin: 5,
    deviceGapSeverity: 'block',
  },
  rounding: { doseMg: 0.1, volumeMl: 0.01, rateMlPerH: 0.1 },
});

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFreeze(inner as object);
  return Object.freeze(value);
}

export type DosingConfigOverrides = { [S in keyof DosingConfig]?: Partial<DosingConfig[S]> };

/** The defaults with a clinic's overrides applied section by section. */
export function resolveDosingConfig(overrides: DosingConfigOverrides = {}): DosingConfig {
  const d = DEFAULT_DOSING_CONFIG;
  return {
    weight: { ...d.weight, ...overrides.weight },
    psychiatric: { ...d.psychiatric, ...overrides.psychiatric },
    lowDose: { ...d.lowDose, ...overrides.lowDose },
    pain: { ...d.pain, ...overrides.pain },
    undilutedIv: { ...d.undilutedIv, ...overrides.undilutedIv },
    esketamine: { ...d.esketamine, allowedDosesMg: [...d.esketamine.allowedDosesMg], ...overrides.esketamine },
    rounding: { ...d.rounding, ...overrides.rounding },
  };
}

/**
 * Problems that make a configuration unusable (non-positive limits, a soft limit
 * above its hard limit, a rounding step that is not positive…), as sentences naming
 * the key. Dosing functions refuse to compute with an invalid configuration.
 */
export function validateDosingConfig(config: DosingConfig): string[] {
  const problems: string[] = [];
  const positive = (key: string, value: number): void => {
    if (!Number.isFinite(value) || value <= 0) problems.push(`${key} must be a positive number (got ${value})`);
  };
  const { weight, psychiatric, lowDose, pain, undilutedIv, esketamine, rounding } = config;
  positive('weight.maxAgeDays', weight.maxAgeDays);
  if (!(weight.adjustedFactor >= 0 && weight.adjustedFactor <= 1)) problems.push(`weight.adjustedFactor must be between 0 and 1 (got ${weight.adjustedFactor})`);
  positive('weight.minPlausibleKg', weight.minPlausibleKg);
  positive('weight.maxPlausibleKg', weight.maxPlausibleKg);
  if (weight.minPlausibleKg >= weight.maxPlausibleKg) problems.push('weight.minPlausibleKg must be below weight.maxPlausibleKg');
  positive('weight.minPlausibleHeightCm', weight.minPlausibleHeightCm);
  if (weight.minPlausibleHeightCm >= weight.maxPlausibleHeightCm) problems.push('weight.minPlausibleHeightCm must be below weight.maxPlausibleHeightCm');
  positive('psychiatric.softMaxDoseMgPerKg', psychiatric.softMaxDoseMgPerKg);
  positive('psychiatric.hardMaxDoseMgPerKg', psychiatric.hardMaxDoseMgPerKg);
  if (psychiatric.softMaxDoseMgPerKg > psychiatric.hardMaxDoseMgPerKg) {
    problems.push('psychiatric.softMaxDoseMgPerKg must not exceed psychiatric.hardMaxDoseMgPerKg');
  }
  positive('psychiatric.minInfusionDurationMin', psychiatric.minInfusionDurationMin);
  positive('lowDose.maxRateMgPerKgPerH', lowDose.maxRateMgPerKgPerH);
  positive('lowDose.maxBolusMgPerKg', lowDose.maxBolusMgPerKg);
  positive('pain.hardMaxBolusMgPerKg', pain.hardMaxBolusMgPerKg);
  positive('pain.hardMaxRateMgPerKgPerH', pain.hardMaxRateMgPerKgPerH);
  positive('undilutedIv.concentrationMgPerMl', undilutedIv.concentrationMgPerMl);
  positive('esketamine.deviceMg', esketamine.deviceMg);
  if (esketamine.allowedDosesMg.length === 0) problems.push('esketamine.allowedDosesMg must list at least one dose');
  for (const dose of esketamine.allowedDosesMg) {
    if (!(dose > 0) || !Number.isInteger(dose / esketamine.deviceMg)) {
      problems.push(`esketamine.allowedDosesMg: ${dose} mg is not a whole number of ${esketamine.deviceMg} mg devices`);
    }
  }
  positive('esketamine.olderAdultAgeYears', esketamine.olderAdultAgeYears);
  if (!(esketamine.minDeviceGapMin >= 0)) problems.push('esketamine.minDeviceGapMin must be ≥ 0');
  positive('rounding.doseMg', rounding.doseMg);
  positive('rounding.volumeMl', rounding.volumeMl);
  positive('rounding.rateMlPerH', rounding.rateMlPerH);
  return problems;
}
