/**
 * Exact piecewise solution of the compartment models for any schedule (pk.md §2).
 *
 * Between breakpoints of the schedule the rate R is constant and every mode z_i
 * of the eigen-system obeys dz/dt = -λ_i z + R b_i, so over a step h
 *   z ← z e^{-λh} + R b_i (1 - e^{-λh}) / λ
 * with no time-step error. The walker visits breakpoints and sample times in
 * order and carries the modal amounts forward, which makes a 241-point curve a
 * few microseconds of work. The eliminated amount is integrated in closed form
 * as well (k10 ∫ x1 dt), independently of the compartment amounts, so mass
 * balance is a real check rather than an identity.
 */
import { pkParamsFor, type PkModelName } from './pk-models.ts';
import { compileSchedule, type CompiledSchedule, type PkSchedule } from './pk-schedule.ts';
import { createPkSystem, type PkSystem } from './pk-system.ts';

/** Amounts in the body at one time. Concentration in ng/mL = 1000 × central mg / V1 L. */
export interface PkState {
  tMin: number;
  concNgPerMl: number;
  /** mg per compartment: index 0 central, then the peripherals (k12/k21, then k13/k31). */
  amountsMg: number[];
  /** mg eliminated from the body since the first dose. */
  eliminatedMg: number;
  /** mg given so far (infused plus boluses, a bolus at tMin included). */
  givenMg: number;
}

export interface PkCurve {
  tMin: number[];
  concNgPerMl: number[];
}

export interface CurveOptions {
  fromMin: number;
  toMin: number;
  stepMin: number;
}

const MAX_CURVE_POINTS = 1_000_000;

/** The eigen-system of a named model at a body weight (decomposition cached per model). */
export function pkSystemFor(model: PkModelName, weightKg: number): PkSystem {
  return createPkSystem(pkParamsFor(model, weightKg));
}

/**
 * Predicted plasma concentration (ng/mL) at tMin for a schedule given in mg/min
 * (pk.md §2). Right-continuous: a bolus at exactly tMin is included.
 * Throws RangeError for an unknown model, a non-positive weight or an invalid schedule.
 */
export function concentrationAt(model: PkModelName, weightKg: number, schedule: PkSchedule, tMin: number): number {
  return systemConcentrations(pkSystemFor(model, weightKg), schedule, [tMin])[0] ?? 0;
}

/** Concentrations (ng/mL) at many times, in the order given; one pass over the schedule. */
export function concentrationsAt(
  model: PkModelName,
  weightKg: number,
  schedule: PkSchedule,
  timesMin: readonly number[],
): number[] {
  return systemConcentrations(pkSystemFor(model, weightKg), schedule, timesMin);
}

/**
 * Concentration curve for plotting, sampled at fromMin + k × stepMin up to toMin
 * (toMin included when it falls on the grid). Exact at every point; the exponentials
 * of the grid step are computed once per call.
 */
export function concentrationCurve(
  model: PkModelName,
  weightKg: number,
  schedule: PkSchedule,
  options: CurveOptions,
): PkCurve {
  return systemCurve(pkSystemFor(model, weightKg), schedule, options);
}

/** Amount per compartment, eliminated and given amounts, and concentration at tMin (for mass balance and display). */
export function pkStateAt(model: PkModelName, weightKg: number, schedule: PkSchedule, tMin: number): PkState {
  const [state] = systemStates(pkSystemFor(model, weightKg), schedule, [tMin]);
  if (state === undefined) throw new RangeError('No state computed');
  return state;
}

/** States (amounts, eliminated, given, concentration) at many times, in the order given; one pass over the schedule. */
export function pkStatesAt(model: PkModelName, weightKg: number, schedule: PkSchedule, timesMin: readonly number[]): PkState[] {
  return systemStates(pkSystemFor(model, weightKg), schedule, timesMin);
}

/** Concentrations (ng/mL) for an explicit eigen-system (for parameter sets that are not named models). */
export function systemConcentrations(system: PkSystem, schedule: PkSchedule, timesMin: readonly number[]): number[] {
  const out = new Array<number>(timesMin.length).fill(0);
  const scale = 1000 / system.params.v1L;
  walk(system, compileSchedule(schedule), timesMin, (index, z) => {
    let central = 0;
    for (let i = 0; i < z.length; i++) central += z[i] ?? 0;
    out[index] = central * scale;
  });
  return out;
}

/** Full states for an explicit eigen-system, in the order of timesMin. */
export function systemStates(system: PkSystem, schedule: PkSchedule, timesMin: readonly number[]): PkState[] {
  const out = new Array<PkState>(timesMin.length);
  const scale = 1000 / system.params.v1L;
  walk(system, compileSchedule(schedule), timesMin, (index, z, eliminatedMg, givenMg) => {
    const amountsMg = new Array<number>(system.compartments).fill(0);
    system.modeAmounts.forEach((vector, i) => {
      const zi = z[i] ?? 0;
      vector.forEach((v, j) => {
        amountsMg[j] = (amountsMg[j] ?? 0) + zi * v;
      });
    });
    out[index] = {
      tMin: timesMin[index] ?? 0,
      concNgPerMl: (amountsMg[0] ?? 0) * scale,
      amountsMg,
      eliminatedMg,
      givenMg,
    };
  });
  return out;
}

/** Curve for an explicit eigen-system; see concentrationCurve. */
export function systemCurve(system: PkSystem, schedule: PkSchedule, options: CurveOptions): PkCurve {
  const { fromMin, toMin, stepMin } = options;
  if (!Number.isFinite(fromMin) || !Number.isFinite(toMin) || toMin < fromMin) {
    throw new RangeError(`Curve range must be finite with toMin ≥ fromMin (got ${fromMin}..${toMin})`);
  }
  if (!Number.isFinite(stepMin) || stepMin <= 0) throw new RangeError(`stepMin must be positive (got ${stepMin})`);
  const count = Math.floor((toMin - fromMin) / stepMin + 1e-9) + 1;
  if (count > MAX_CURVE_POINTS) throw new RangeError(`A curve is limited to ${MAX_CURVE_POINTS} points (asked for ${count})`);
  const tMin = new Array<number>(count);
  for (let k = 0; k < count; k++) tMin[k] = fromMin + k * stepMin;
  const concNgPerMl = new Array<number>(count).fill(0);
  const scale = 1000 / system.params.v1L;
  walk(system, compileSchedule(schedule), tMin, (index, z) => {
    let central = 0;
    for (let i = 0; i < z.length; i++) central += z[i] ?? 0;
    concNgPerMl[index] = central * scale;
  }, true);
  return { tMin, concNgPerMl };
}

type Recorder = (index: number, modes: Float64Array, eliminatedMg: number, givenMg: number) => void;

/**
 * Visits breakpoints and sample times in time order, propagating the modal amounts
 * exactly. Samples are recorded after any breakpoint at the same time (right-continuous).
 */
function walk(system: PkSystem, compiled: CompiledSchedule, timesMin: readonly number[], record: Recorder, sorted = false): void {
  for (const t of timesMin) {
    if (!Number.isFinite(t)) throw new RangeError(`Sample times must be finite minutes (got ${t})`);
  }
  const order = sorted ? null : timesMin.map((_, i) => i).sort((a, b) => (timesMin[a] ?? 0) - (timesMin[b] ?? 0));
  const n = system.ratesPerMin.length;
  const lambdas = Float64Array.from(system.ratesPerMin);
  const inputs = Float64Array.from(system.modeInput);
  const k10 = system.params.k10;
  const z = new Float64Array(n);
  const decay = new Float64Array(n);
  const gain = new Float64Array(n);
  const area = new Float64Array(n);
  let cachedStep = Number.NaN;
  let eliminatedMg = 0;
  let givenMg = 0;
  let rate = 0;
  let next = 0;
  const { timesMin: edges, rateMgPerMin: rates, bolusMg } = compiled;
  let t = edges[0] ?? Infinity;
  for (const ts of timesMin) if (ts < t) t = ts;

  const advance = (h: number): void => {
    if (!(h > 0)) return;
    if (Math.abs(h - cachedStep) > 1e-12 * cachedStep || Number.isNaN(cachedStep)) {
      for (let i = 0; i < n; i++) {
        const lambda = lambdas[i] ?? 0;
        const x = lambda * h;
        decay[i] = Math.exp(-x);
        gain[i] = -Math.expm1(-x) / lambda;
        area[i] = h * h * phi(x);
      }
      cachedStep = h;
    }
    if (rate === 0 && givenMg === 0) return;
    let centralIntegral = 0;
    for (let i = 0; i < n; i++) {
      const zi = z[i] ?? 0;
      const input = rate * (inputs[i] ?? 0);
      centralIntegral += zi * (gain[i] ?? 0) + input * (area[i] ?? 0);
      z[i] = zi * (decay[i] ?? 0) + input * (gain[i] ?? 0);
    }
    eliminatedMg += k10 * centralIntegral;
    givenMg += rate * h;
  };

  for (let s = 0; s < timesMin.length; s++) {
    const index = order === null ? s : (order[s] ?? s);
    const ts = timesMin[index] ?? 0;
    while (next < edges.length && (edges[next] ?? Infinity) <= ts) {
      const te = edges[next] ?? 0;
      advance(te - t);
      t = te;
      const bolus = bolusMg[next] ?? 0;
      if (bolus > 0) {
        for (let i = 0; i < n; i++) z[i] = (z[i] ?? 0) + bolus * (inputs[i] ?? 0);
        givenMg += bolus;
      }
      rate = rates[next] ?? 0;
      next++;
    }
    advance(ts - t);
    t = ts;
    record(index, z, eliminatedMg, givenMg);
  }
}

/** (x - 1 + e^{-x}) / x², the area factor of an infusion's build-up; series near 0 avoids cancellation. */
function phi(x: number): number {
  if (x < 1e-3) return 0.5 - x / 6 + (x * x) / 24 - (x * x * x) / 120;
  return (x + Math.expm1(-x)) / (x * x);
}
