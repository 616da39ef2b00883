/**
 * Ledger quantities are integers in hundredths (centi-mL, centi-mg) in the
 * database; the API speaks mL and mg with two decimals. These are the only
 * conversions between the two.
 */

/** mL or mg → hundredths. Callers pass values already validated as multiples of 0.01. */
export function toCenti(value: number): number {
  return Math.round(value * 100);
}

/** Hundredths → mL or mg (never -0). */
export function fromCenti(centi: number): number {
  return centi / 100 + 0;
}

/** Centi-mg of a volume: whole mg/mL concentrations keep it an exact integer. */
export function centiMgOf(centiMl: number, concentrationMgPerMl: number): number {
  return centiMl * concentrationMgPerMl;
}

/** "12.30" — two decimals, for reports. */
export function formatHundredths(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
