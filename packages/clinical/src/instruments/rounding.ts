/**
 * Exact half-up rounding of a ratio of integers, used for BPI means and
 * reduction percentages (instruments.md §0.6; responseRemissionDefinitions).
 * Working on the integer ratio avoids binary floating-point surprises such as
 * 1.005 → 1.00. Halves round away from zero (decimal ROUND_HALF_UP), so
 * −3.125 → −3.13.
 *
 * @throws RangeError when the inputs are not safe integers or the denominator is 0.
 */
export function roundHalfUpRatio(numerator: number, denominator: number, decimals: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`roundHalfUpRatio needs safe integers and a non-zero denominator, got ${numerator}/${denominator}`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`decimals must be an integer 0-6, got ${decimals}`);
  }
  const scale = 10 ** decimals;
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator) * scale;
  const d = Math.abs(denominator);
  if (!Number.isSafeInteger(2 * n + d)) {
    throw new RangeError('roundHalfUpRatio: value too large for exact rounding');
  }
  const scaled = Math.floor((2 * n + d) / (2 * d));
  return scaled === 0 ? 0 : (sign * scaled) / scale;
}
