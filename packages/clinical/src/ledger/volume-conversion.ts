/**
 * mg ↔ mL for a ketamine concentration, with explicit rounding (ledger quantities
 * are kept in mL per lot, clinical.md §15 rules 34 and 36-39).
 *
 * Rounding is to the nearest increment, halves away from zero (0.125 mL → 0.13 mL
 * at 0.01 mL), without binary noise, using the dosing module's `roundToStep` so a
 * volume computed here and one computed by the dose calculator agree.
 */
import { roundToStep } from '../dosing/dose-rounding.ts';

function checkPositive(value: number, field: string): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${field}: must be a finite number > 0, got ${value}`);
}

function checkNonNegative(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${field}: must be a finite number ≥ 0, got ${value}`);
}

/**
 * Volume to draw for a dose: doseMg / concentrationMgPerMl, rounded to
 * `incrementMl` (0.1 or 0.01 mL; the ledger default is 0.01 mL). Never give the
 * 100 mg/mL concentration undiluted IV (clinical.md §4.3); this function only converts.
 */
export function mgToMl(doseMg: number, concentrationMgPerMl: number, incrementMl: 0.1 | 0.01): number {
  checkNonNegative(doseMg, 'doseMg');
  checkPositive(concentrationMgPerMl, 'concentrationMgPerMl');
  return roundToStep(doseMg / concentrationMgPerMl, incrementMl);
}

/** Milligrams in a volume: volumeMl × concentrationMgPerMl, rounded to 0.01 mg, halves away from zero. */
export function mlToMg(volumeMl: number, concentrationMgPerMl: number): number {
  checkNonNegative(volumeMl, 'volumeMl');
  checkPositive(concentrationMgPerMl, 'concentrationMgPerMl');
  return roundToStep(volumeMl * concentrationMgPerMl, 0.01);
}
