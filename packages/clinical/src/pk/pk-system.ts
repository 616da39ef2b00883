/**
 * Eigen-decomposition of a linear mammillary compartment model (pk.md §2).
 *
 * State: the amount of drug (mg) in each compartment. With dose into the
 * central compartment 1 the system is dx/dt = A x + b, A having eigenvalues
 * -λ_i (real, negative, distinct for every model with distinct return rates).
 * Writing x = Σ z_i v_i (v_i right eigenvectors) decouples it into scalar modes
 * z_i that decay independently, which lets the simulator step a schedule in
 * closed form with a few multiplications per step instead of time stepping.
 */
import type { PkParams } from './pk-models.ts';

export interface PkSystem {
  readonly params: Readonly<PkParams>;
  /** Number of compartments actually coupled to the central one (1 to 3). */
  readonly compartments: number;
  /** Peripheral transfer constants (k1j, kj1) of the coupled peripherals, in compartment order. */
  readonly peripherals: readonly { readonly kOut: number; readonly kBack: number }[];
  /** Decay rates λ_i (1/min, positive), fastest first: the exponents of the solution are -λ_i t. */
  readonly ratesPerMin: readonly number[];
  /**
   * Right eigenvectors: modeAmounts[i][j] is the amount in compartment j per unit of
   * mode i (compartment 0 = central, always 1).
   */
  readonly modeAmounts: readonly (readonly number[])[];
  /** Modal coordinates of 1 mg placed in the central compartment. All positive; they sum to 1. */
  readonly modeInput: readonly number[];
}

const cache = new Map<string, Omit<PkSystem, 'params'>>();

/**
 * Builds (or takes from a small cache keyed by the rate constants) the eigen-system
 * of a model. The decomposition does not depend on V1, so one computation serves
 * every body weight of a model. Throws RangeError for parameters the closed-form
 * solution cannot represent (negative or non-finite constants, k10 = 0, a peripheral
 * without return, or two peripherals with the same return rate).
 */
export function createPkSystem(params: PkParams): PkSystem {
  const { v1L, k10, k12, k21, k13, k31 } = params;
  for (const [name, value] of Object.entries({ k10, k12, k21, k13, k31 })) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0 (got ${value})`);
  }
  if (!Number.isFinite(v1L) || v1L <= 0) throw new RangeError(`V1 must be a positive number of litres (got ${v1L})`);
  if (k10 <= 0) throw new RangeError('k10 must be positive: a model without elimination has no steady state');
  const key = `${k10}|${k12}|${k21}|${k13}|${k31}`;
  let decomposition = cache.get(key);
  if (decomposition === undefined) {
    decomposition = decompose(k10, k12, k21, k13, k31);
    if (cache.size > 64) cache.clear();
    cache.set(key, decomposition);
  }
  return { params: { ...params }, ...decomposition };
}

function decompose(k10: number, k12: number, k21: number, k13: number, k31: number): Omit<PkSystem, 'params'> {
  const peripherals: { kOut: number; kBack: number }[] = [];
  for (const [kOut, kBack, j] of [[k12, k21, 2], [k13, k31, 3]] as const) {
    if (kOut === 0) continue;
    if (kBack <= 0) throw new RangeError(`k${j}1 must be positive when k1${j} is (a compartment without return is not supported)`);
    peripherals.push({ kOut, kBack });
  }
  const [p0, p1] = peripherals;
  if (p0 !== undefined && p1 !== undefined && Math.abs(p0.kBack - p1.kBack) <= 1e-12 * Math.max(p0.kBack, p1.kBack)) {
    throw new RangeError('The peripheral return rates k21 and k31 must differ (repeated eigenvalues are not supported)');
  }
  const kTotal = k10 + peripherals.reduce((s, p) => s + p.kOut, 0);
  // λ is an eigenvalue of -A exactly when g(λ) = K - λ - Σ k1j kj1 / (kj1 - λ) = 0.
  // g falls strictly between its poles kj1, so each interval holds exactly one root.
  const g = (lambda: number): number =>
    peripherals.reduce((s, p) => s - (p.kOut * p.kBack) / (p.kBack - lambda), kTotal - lambda);
  const gPrime = (lambda: number): number =>
    peripherals.reduce((s, p) => s - (p.kOut * p.kBack) / (p.kBack - lambda) ** 2, -1);
  const poles = peripherals.map((p) => p.kBack).sort((a, b) => a - b);
  let upper = kTotal + poles.reduce((s, p) => s + p, 0) + 1;
  while (g(upper) > 0) upper *= 2;
  const edges = [0, ...poles, upper];
  const rates: number[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    rates.push(findRoot(g, gPrime, edges[i] ?? 0, edges[i + 1] ?? upper));
  }
  rates.sort((a, b) => b - a);
  const modeAmounts = rates.map((lambda) => [1, ...peripherals.map((p) => p.kOut / (p.kBack - lambda))]);
  const modeInput = rates.map((lambda) => {
    // Left eigenvector (1, kj1/(kj1-λ), …) dotted with the right one normalises the projector.
    const norm = peripherals.reduce((s, p) => s + (p.kOut * p.kBack) / (p.kBack - lambda) ** 2, 1);
    return 1 / norm;
  });
  return { compartments: 1 + peripherals.length, peripherals, ratesPerMin: rates, modeAmounts, modeInput };
}

/** Bisection on a strictly decreasing function with a sign change in (lo, hi), then Newton polish. */
function findRoot(g: (x: number) => number, gPrime: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  for (let iter = 0; iter < 2000; iter++) {
    const mid = 0.5 * (a + b);
    if (mid <= a || mid >= b) break;
    if (g(mid) > 0) a = mid;
    else b = mid;
  }
  let x = 0.5 * (a + b);
  for (let iter = 0; iter < 3; iter++) {
    const next = x - g(x) / gPrime(x);
    if (!(next > lo && next < hi)) break;
    x = next;
  }
  return x;
}

/** Quantities derived from a model, in the units and names of pk-vectors.json `derived`. */
export interface PkDerived {
  v1L: number;
  v2L: number;
  v3L: number;
  vssL: number;
  clLPerMin: number;
  q2LPerMin: number;
  q3LPerMin: number;
  /** Decay rates (1/min), fastest first. */
  ratesPerMin: number[];
  halfLivesMin: number[];
  /** Concentration per mg of bolus: C(t) = Σ A_i exp(-λ_i t), A_i in 1/L. */
  unitBolusCoefPerL: number[];
  terminalHalfLifeMin: number;
  vBetaL: number;
}

/**
 * Volumes, clearances, half-lives and unit-bolus coefficients of a model
 * (pk.md §1 table; V_beta = CL / λ_terminal). Used for display and to cross-check
 * the eigen-system against the reference file.
 */
export function derivePkQuantities(system: PkSystem): PkDerived {
  const { v1L, k10, k12, k21, k13, k31 } = system.params;
  const v2L = k12 > 0 ? (v1L * k12) / k21 : 0;
  const v3L = k13 > 0 ? (v1L * k13) / k31 : 0;
  const clLPerMin = v1L * k10;
  const rates = [...system.ratesPerMin];
  const terminal = rates[rates.length - 1] ?? k10;
  return {
    v1L,
    v2L,
    v3L,
    vssL: v1L + v2L + v3L,
    clLPerMin,
    q2LPerMin: k12 > 0 ? v1L * k12 : 0,
    q3LPerMin: k13 > 0 ? v1L * k13 : 0,
    ratesPerMin: rates,
    halfLivesMin: rates.map((r) => Math.LN2 / r),
    unitBolusCoefPerL: system.modeInput.map((b) => b / v1L),
    terminalHalfLifeMin: Math.LN2 / terminal,
    vBetaL: clLPerMin / terminal,
  };
}
