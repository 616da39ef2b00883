/**
 * Dosing schedules for the PK simulator: constant-rate segments in mg/min plus
 * optional instantaneous boluses in mg, on a time axis in minutes (pk.md §2:
 * "a pause is a gap between segments, and a rate change starts a new segment").
 */

/** Constant infusion from startMin (inclusive) to endMin (exclusive); endMin may be Infinity for a running pump. */
export interface RateSegment {
  startMin: number;
  endMin: number;
  rateMgPerMin: number;
}

/** An instantaneous dose into the central compartment. */
export interface BolusDose {
  atMin: number;
  doseMg: number;
}

/**
 * Segments may come in any order, may leave gaps (pauses) and may carry a zero
 * rate; overlapping segments add up (the system is linear, so superposition is exact).
 */
export interface PkSchedule {
  segments: readonly RateSegment[];
  boluses?: readonly BolusDose[];
}

/**
 * A schedule reduced to breakpoints: from breakpoint k to k+1 the rate is rateMgPerMin[k];
 * bolusMg[k] is given at breakpoint k. Before the first breakpoint nothing has been given.
 */
export interface CompiledSchedule {
  timesMin: number[];
  rateMgPerMin: number[];
  bolusMg: number[];
}

/** Every problem with a schedule, as readable sentences; empty when the schedule is usable. */
export function validateSchedule(schedule: PkSchedule): string[] {
  const problems: string[] = [];
  schedule.segments.forEach((s, i) => {
    if (!Number.isFinite(s.startMin)) problems.push(`segment ${i + 1}: start must be a finite number of minutes`);
    if (Number.isNaN(s.endMin) || s.endMin === -Infinity) problems.push(`segment ${i + 1}: end must be a number of minutes or Infinity`);
    if (s.endMin < s.startMin) problems.push(`segment ${i + 1}: ends (${s.endMin} min) before it starts (${s.startMin} min)`);
    if (!Number.isFinite(s.rateMgPerMin) || s.rateMgPerMin < 0) {
      problems.push(`segment ${i + 1}: rate must be a finite number of mg/min ≥ 0 (got ${s.rateMgPerMin})`);
    }
  });
  (schedule.boluses ?? []).forEach((b, i) => {
    if (!Number.isFinite(b.atMin)) problems.push(`bolus ${i + 1}: time must be a finite number of minutes`);
    if (!Number.isFinite(b.doseMg) || b.doseMg < 0) problems.push(`bolus ${i + 1}: dose must be a finite number of mg ≥ 0 (got ${b.doseMg})`);
  });
  return problems;
}

/**
 * Sorts and merges a schedule into breakpoints. The rate of each interval is summed
 * from the segments active in it (not accumulated as +rate/-rate), so a pause
 * between non-overlapping segments is exactly zero. Throws RangeError for an
 * invalid schedule (see validateSchedule).
 */
export function compileSchedule(schedule: PkSchedule): CompiledSchedule {
  const problems = validateSchedule(schedule);
  if (problems.length > 0) throw new RangeError(`Invalid schedule: ${problems.join('; ')}`);
  const segments = schedule.segments.filter((s) => s.endMin > s.startMin && s.rateMgPerMin > 0);
  const boluses = (schedule.boluses ?? []).filter((b) => b.doseMg > 0);
  const edges: number[] = [];
  for (const s of segments) {
    edges.push(s.startMin);
    if (Number.isFinite(s.endMin)) edges.push(s.endMin);
  }
  for (const b of boluses) edges.push(b.atMin);
  edges.sort((a, b) => a - b);
  const timesMin: number[] = [];
  for (const t of edges) if (timesMin[timesMin.length - 1] !== t) timesMin.push(t);
  const rateMgPerMin = timesMin.map((t) =>
    segments.reduce((sum, s) => (s.startMin <= t && t < s.endMin ? sum + s.rateMgPerMin : sum), 0),
  );
  const bolusMg = timesMin.map((t) => boluses.reduce((sum, b) => (b.atMin === t ? sum + b.doseMg : sum), 0));
  return { timesMin, rateMgPerMin, bolusMg };
}

/** Total drug in a schedule (mg): Σ rate × duration + Σ boluses. Infinity for an open-ended running segment. */
export function totalScheduledMg(schedule: PkSchedule): number {
  const infused = schedule.segments.reduce(
    (sum, s) => (s.endMin > s.startMin && s.rateMgPerMin > 0 ? sum + s.rateMgPerMin * (s.endMin - s.startMin) : sum),
    0,
  );
  return infused + (schedule.boluses ?? []).reduce((sum, b) => sum + b.doseMg, 0);
}

/**
 * The usual order as a schedule: a dose spread evenly over a duration starting at 0
 * (rate = dose / duration, pk.md §2: 0.5 mg/kg over 40 min = 0.0125 mg/kg/min).
 */
export function constantInfusion(doseMg: number, durationMin: number, startMin = 0): PkSchedule {
  return { segments: [{ startMin, endMin: startMin + durationMin, rateMgPerMin: doseMg / durationMin }] };
}
