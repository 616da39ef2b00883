/**
 * Independent reference solutions for tests only: a fixed-step RK4 integrator of
 * the compartment ODEs (pk.md §2) with steps aligned to schedule edges, and the
 * textbook closed form of a two-compartment infusion (α/β with A = (α − k21) /
 * (V1 (α − β)), B = (k21 − β) / (V1 (α − β))). Neither shares code with the library.
 */
export interface RefParams {
  v1L: number;
  k10: number;
  k12: number;
  k21: number;
  k13: number;
  k31: number;
}

/** [startMin, endMin, rateMgPerMin] rows, as in pk-vectors.json. */
export type RefSchedule = readonly (readonly [number, number, number])[];

function rateAt(schedule: RefSchedule, t: number): number {
  let r = 0;
  for (const [s, e, rate] of schedule) if (s <= t && t < e) r += rate;
  return r;
}

/** Plasma concentrations (ng/mL) by RK4 with step ≤ dtMin, every schedule edge and sample time hit exactly. */
export function rk4Concentrations(p: RefParams, schedule: RefSchedule, timesMin: readonly number[], dtMin = 0.002): number[] {
  const { k10, k12, k21, k13, k31 } = p;
  const kOut = k10 + k12 + k13;
  const marks = [...new Set([0, ...schedule.flatMap(([s, e]) => [s, e]), ...timesMin])].filter((t) => t >= 0).sort((a, b) => a - b);
  const values = new Map<number, number>();
  let x1 = 0;
  let x2 = 0;
  let x3 = 0;
  let t = 0;
  for (const mark of marks) {
    const span = mark - t;
    if (span > 0) {
      const r = rateAt(schedule, t + span / 2);
      const n = Math.ceil(span / dtMin);
      const h = span / n;
      for (let i = 0; i < n; i++) {
        const a1 = r - kOut * x1 + k21 * x2 + k31 * x3;
        const a2 = k12 * x1 - k21 * x2;
        const a3 = k13 * x1 - k31 * x3;
        const b1x = x1 + (h / 2) * a1, b2x = x2 + (h / 2) * a2, b3x = x3 + (h / 2) * a3;
        const b1 = r - kOut * b1x + k21 * b2x + k31 * b3x;
        const b2 = k12 * b1x - k21 * b2x;
        const b3 = k13 * b1x - k31 * b3x;
        const c1x = x1 + (h / 2) * b1, c2x = x2 + (h / 2) * b2, c3x = x3 + (h / 2) * b3;
        const c1 = r - kOut * c1x + k21 * c2x + k31 * c3x;
        const c2 = k12 * c1x - k21 * c2x;
        const c3 = k13 * c1x - k31 * c3x;
        const d1x = x1 + h * c1, d2x = x2 + h * c2, d3x = x3 + h * c3;
        const d1 = r - kOut * d1x + k21 * d2x + k31 * d3x;
        const d2 = k12 * d1x - k21 * d2x;
        const d3 = k13 * d1x - k31 * d3x;
        x1 += (h / 6) * (a1 + 2 * b1 + 2 * c1 + d1);
        x2 += (h / 6) * (a2 + 2 * b2 + 2 * c2 + d2);
        x3 += (h / 6) * (a3 + 2 * b3 + 2 * c3 + d3);
      }
      t = mark;
    }
    values.set(mark, (1000 * x1) / p.v1L);
  }
  return timesMin.map((tm) => (tm <= 0 ? 0 : (values.get(tm) ?? Number.NaN)));
}

/** Two-compartment closed form by superposition of infusion starts and stops (k13 must be 0). */
export function twoCompartmentConcentrations(p: RefParams, schedule: RefSchedule, timesMin: readonly number[]): number[] {
  const sum = p.k10 + p.k12 + p.k21;
  const root = Math.sqrt(sum * sum - 4 * p.k10 * p.k21);
  const alpha = (sum + root) / 2;
  const beta = (p.k10 * p.k21) / alpha;
  const a = (alpha - p.k21) / (p.v1L * (alpha - beta));
  const b = (p.k21 - beta) / (p.v1L * (alpha - beta));
  // Concentration (mg/L) after tau minutes of a 1 mg/min infusion started at 0.
  const unit = (tau: number): number => (tau <= 0 ? 0 : (a / alpha) * (1 - Math.exp(-alpha * tau)) + (b / beta) * (1 - Math.exp(-beta * tau)));
  return timesMin.map((t) => 1000 * schedule.reduce((c, [s, e, r]) => c + r * (unit(t - s) - unit(t - e)), 0));
}
