/**
 * Rounding of doses, volumes and pump rates that can never carry a value across a
 * limit: a value is rounded to the nearest step, unless the nearest step would lie
 * above a ceiling the unrounded value does not exceed, in which case it is rounded
 * down instead. So an order at or under a limit stays at or under it once rounded,
 * and an order over a limit is still caught by the limit checks.
 */

/** Relative slack on every limit comparison, so floating-point noise (0.5 × 73.3 / 73.3) never trips a limit. */
export const LIMIT_TOLERANCE = 1e-9;

/** True when value is above limit by more than the floating-point slack. */
export function exceedsLimit(value: number, limit: number): boolean {
  return value > limit * (1 + LIMIT_TOLERANCE);
}

function decimalsOf(step: number): number {
  const [mantissa = '', exponent] = step.toExponential().split('e');
  const mantissaDecimals = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(15, Math.max(0, mantissaDecimals - Number(exponent ?? 0)));
}

function clean(count: number, step: number): number {
  return Number((count * step).toFixed(decimalsOf(step)));
}

/** Nearest multiple of step (halves away from zero), without binary noise (36.7, not 36.700000000000003). */
export function roundToStep(value: number, step: number): number {
  return clean(Math.round(value / step + Math.sign(value) * 1e-9), step);
}

/** Largest multiple of step not above value (tolerating binary noise such as 36.7 / 0.1 = 366.99999999999994). */
export function floorToStep(value: number, step: number): number {
  return clean(Math.floor(value / step + 1e-9), step);
}

/**
 * Nearest multiple of step, or the multiple below when the nearest one would exceed
 * a ceiling that the value itself respects. Ceilings are in the value's own unit.
 */
export function roundWithinCeilings(value: number, step: number, ceilings: readonly number[]): number {
  const nearest = roundToStep(value, step);
  const crosses = ceilings.some((c) => !exceedsLimit(value, c) && exceedsLimit(nearest, c));
  return crosses ? floorToStep(value, step) : nearest;
}
