/**
 * Dosing weight on a stated basis (clinical.md §15 rule 9, §16 open question 2).
 *
 * The default basis is actual (measured) body weight, as in the trials (S17, S20).
 * No retrieved guideline sets an ideal- or adjusted-weight rule for ketamine in
 * obese patients (§4.1, §13 item 14, §16 Q2), so ideal and adjusted bases are
 * offered only when a clinician states them on the order, with the conventional
 * formulas:
 * - IBW, Devine 1974: 50 kg (male) or 45.5 kg (female) + 2.3 kg per inch of height
 *   over 5 feet, applied linearly below 5 feet as well;
 * - AdjBW = IBW + 0.4 × (actual − IBW) (factor configurable).
 * With `capBasisAtActual` (default) a basis heavier than the actual weight is
 * replaced by the actual weight, so a non-actual basis can only lower the dose.
 */
import type { DosingConfig, WeightBasis } from './dosing-config.ts';
import type { DosingError } from './dosing-error.ts';

/** Sex used by the Devine formula (the formula has only these two variants). */
export type IbwSex = 'female' | 'male';

const CM_PER_INCH = 2.54;

/** Devine ideal body weight (kg) from height (cm) and sex. */
export function idealBodyWeightKg(heightCm: number, sex: IbwSex): number {
  const base = sex === 'male' ? 50 : 45.5;
  return base + 2.3 * (heightCm / CM_PER_INCH - 60);
}

/** Adjusted body weight (kg) = IBW + factor × (actual − IBW); factor 0.4 by convention. */
export function adjustedBodyWeightKg(actualKg: number, idealKg: number, factor = 0.4): number {
  return idealKg + factor * (actualKg - idealKg);
}

export interface DosingWeightInput {
  actualKg: number;
  basis: WeightBasis;
  heightCm?: number;
  sex?: IbwSex;
}

export interface DosingWeight {
  basis: WeightBasis;
  actualKg: number;
  /** The weight the mg/kg order is multiplied by. */
  dosingKg: number;
  idealKg: number | null;
  adjustedKg: number | null;
  /** True when the ideal/adjusted weight exceeded the actual weight and the actual weight was used. */
  cappedAtActual: boolean;
}

export type DosingWeightResult = { ok: true; value: DosingWeight } | { ok: false; errors: DosingError[] };

/**
 * The weight to dose on for a basis, with input checks (plausible weight, and height
 * and sex when the basis needs IBW). Returns errors rather than NaN.
 */
export function dosingWeightKg(input: DosingWeightInput, config: DosingConfig): DosingWeightResult {
  const errors: DosingError[] = [];
  const { actualKg, basis, heightCm, sex } = input;
  const w = config.weight;
  if (!Number.isFinite(actualKg) || actualKg < w.minPlausibleKg || actualKg > w.maxPlausibleKg) {
    errors.push({ field: 'weightKg', message: `Weight must be between ${w.minPlausibleKg} and ${w.maxPlausibleKg} kg (got ${actualKg})` });
  }
  if (basis !== 'actual') {
    if (heightCm === undefined || !Number.isFinite(heightCm) || heightCm < w.minPlausibleHeightCm || heightCm > w.maxPlausibleHeightCm) {
      errors.push({ field: 'heightCm', message: `A ${basis} body-weight basis needs a height between ${w.minPlausibleHeightCm} and ${w.maxPlausibleHeightCm} cm (got ${heightCm ?? 'none'})` });
    }
    if (sex !== 'female' && sex !== 'male') {
      errors.push({ field: 'sex', message: `A ${basis} body-weight basis needs the Devine formula's sex (female or male)` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (basis === 'actual' || heightCm === undefined || sex === undefined) {
    return { ok: true, value: { basis, actualKg, dosingKg: actualKg, idealKg: null, adjustedKg: null, cappedAtActual: false } };
  }
  const idealKg = idealBodyWeightKg(heightCm, sex);
  const adjustedKg = adjustedBodyWeightKg(actualKg, idealKg, w.adjustedFactor);
  const chosen = basis === 'ideal' ? idealKg : adjustedKg;
  const cappedAtActual = w.capBasisAtActual && chosen > actualKg;
  const dosingKg = cappedAtActual ? actualKg : chosen;
  if (!(dosingKg > 0)) {
    return { ok: false, errors: [{ field: 'heightCm', message: `The ${basis} body weight for this height is not positive` }] };
  }
  return { ok: true, value: { basis, actualKg, dosingKg, idealKg, adjustedKg, cappedAtActual } };
}
