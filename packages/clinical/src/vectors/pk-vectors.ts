/**
 * Runs the shared PK reference vectors (shared/spec/pk-vectors.json, format of
 * pk.md) through the library.
 *
 * Every predicted value is recomputed from the model id, the body weight and the
 * schedule alone, with the library's own parameter sets, so the check also holds
 * for weights and schedules the file does not list. The file's per-weight
 * parameters and derived quantities are compared with the library separately.
 * Pure: the caller reads the file.
 */
import { pkParamsFor, resolvePkModelId, type PkModelId, type PkParams } from '../pk/pk-models.ts';
import { totalScheduledMg, type BolusDose, type PkSchedule, type RateSegment } from '../pk/pk-schedule.ts';
import { concentrationsAt, pkSystemFor, systemConcentrations, systemStates } from '../pk/pk-simulate.ts';
import { createPkSystem, derivePkQuantities, type PkDerived } from '../pk/pk-system.ts';
import type { CaseResult } from './case-result.ts';

/** Relative tolerance for every exact-solver comparison (pk-vectors.json meta.suggested_tolerance). */
export const PK_RELATIVE_TOLERANCE = 1e-6;
/** Below this magnitude (ng/mL, L, 1/min) a value counts as zero, so a relative comparison with 0 is possible. */
const ZERO_FLOOR = 1e-9;
/** Our own mass-balance and steady-state errors must stay below this (the reference reports ~1e-12). */
const SELF_CHECK_LIMIT = 1e-9;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** |actual − expected| ≤ tolerance × max(|expected|, 1e-9). */
export function withinRelative(actual: number, expected: number, tolerance = PK_RELATIVE_TOLERANCE): boolean {
  return Number.isFinite(actual) && Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(expected), ZERO_FLOOR);
}

/**
 * Checks a parsed pk-vectors.json document. Produces one case per model × weight ×
 * scenario × sample time for every `plasma_ng_per_ml*` series (the exact series has
 * ids like `domino_1984/70/standard_40min@t=40`, the RK4 series adds `[rk4_dt0.005]`),
 * one per scenario's total dose, per listed parameter and derived quantity, our own
 * mass balance and steady state per model and weight, and the eigenstructure checks
 * of `checks`. `measured` and `comparison` are reports, not vectors, and are not
 * checked. Never throws: malformed parts become failed cases.
 */
export function checkPkVectors(doc: unknown): CaseResult[] {
  if (!isObject(doc)) return [{ id: 'document', passed: false, detail: 'not a JSON object' }];
  const results: CaseResult[] = [];
  const sampleCases = checkResults(doc['results'], results);
  if (sampleCases === 0) results.push({ id: 'results', passed: false, detail: 'no concentration vectors found in "results"' });
  checkModels(doc['models'], doc['results'], results);
  checkEigenChecks(doc['checks'], results);
  return results;
}

function checkResults(section: unknown, out: CaseResult[]): number {
  if (!isObject(section)) return 0;
  let count = 0;
  for (const [modelKey, byWeight] of Object.entries(section)) {
    if (!isObject(byWeight)) {
      out.push({ id: modelKey, passed: false, detail: 'expected an object keyed by weight' });
      continue;
    }
    const modelId = resolvePkModelId(modelKey);
    for (const [weightKey, scenarios] of Object.entries(byWeight)) {
      if (!isObject(scenarios)) {
        out.push({ id: `${modelKey}/${weightKey}`, passed: false, detail: 'expected an object keyed by scenario' });
        continue;
      }
      const weightKg = Number(weightKey);
      for (const [scenarioKey, scenario] of Object.entries(scenarios)) {
        count += checkScenario(`${modelKey}/${weightKey}/${scenarioKey}`, modelKey, modelId, weightKg, scenario, out);
      }
    }
  }
  return count;
}

function checkScenario(
  base: string,
  modelKey: string,
  modelId: PkModelId | null,
  weightKg: number,
  scenario: unknown,
  out: CaseResult[],
): number {
  if (!isObject(scenario)) {
    out.push({ id: base, passed: false, detail: 'scenario is not an object' });
    return 1;
  }
  const parsed = parseSchedule(scenario);
  let problem: string | null = null;
  if (modelId === null) problem = `model "${modelKey}" is not implemented by the library`;
  else if (!Number.isFinite(weightKg) || weightKg <= 0) problem = 'weight key is not a positive number of kg';
  else if (typeof parsed === 'string') problem = parsed;

  let count = 0;
  for (const [seriesKey, series] of Object.entries(scenario)) {
    if (!seriesKey.startsWith('plasma_ng_per_ml') || !isObject(series)) continue;
    const suffix = seriesKey === 'plasma_ng_per_ml' ? '' : `[${seriesKey.replace(/^plasma_ng_per_ml_?/, '')}]`;
    const entries = Object.entries(series).filter(([, v]) => v !== null);
    const times = entries.map(([k]) => Number(k));
    let actual: number[] | null = null;
    let error = problem;
    if (error === null && modelId !== null && typeof parsed !== 'string') {
      if (times.some((t) => !Number.isFinite(t))) error = 'a sample time is not a number';
      else {
        try {
          actual = concentrationsAt(modelId, weightKg, parsed, times);
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
      }
    }
    entries.forEach(([timeKey, expected], i) => {
      const id = `${base}@t=${timeKey}${suffix}`;
      count++;
      if (!isNumber(expected)) out.push({ id, passed: false, expected, detail: 'expected value is not a number' });
      else if (error !== null || actual === null) out.push({ id, passed: false, expected, detail: error ?? 'not computed' });
      else out.push(compare(id, actual[i] ?? Number.NaN, expected));
    });
  }
  const expectedTotal = scenario['total_dose_mg'];
  if (isNumber(expectedTotal)) {
    const id = `${base}/total_dose_mg`;
    if (typeof parsed === 'string') out.push({ id, passed: false, expected: expectedTotal, detail: parsed });
    else out.push(compare(id, totalScheduledMg(parsed), expectedTotal));
  }
  return count;
}

/**
 * Reads `schedule_mg_per_min` as [start, end, rate] rows (or objects with
 * start_min/end_min/rate_mg_per_min) and optional `boluses_mg` as [time, mg] rows
 * (or objects with at_min/dose_mg). Returns a message when the schedule is unreadable.
 */
function parseSchedule(scenario: Json): PkSchedule | string {
  const raw = scenario['schedule_mg_per_min'];
  if (!Array.isArray(raw)) return 'scenario has no schedule_mg_per_min list';
  const segments: RateSegment[] = [];
  for (const [i, row] of raw.entries()) {
    const values = Array.isArray(row)
      ? [row[0], row[1], row[2]]
      : isObject(row)
        ? [row['start_min'] ?? row['startMin'], row['end_min'] ?? row['endMin'], row['rate_mg_per_min'] ?? row['rateMgPerMin']]
        : [];
    const [startMin, endMin, rateMgPerMin] = values;
    if (!isNumber(startMin) || !isNumber(endMin) || !isNumber(rateMgPerMin)) {
      return `schedule row ${i + 1} is not [start_min, end_min, rate_mg_per_min]`;
    }
    segments.push({ startMin, endMin, rateMgPerMin });
  }
  const rawBoluses = scenario['boluses_mg'] ?? scenario['bolus_mg'];
  const boluses: BolusDose[] = [];
  if (rawBoluses !== undefined) {
    if (!Array.isArray(rawBoluses)) return 'boluses_mg is not a list';
    for (const [i, row] of rawBoluses.entries()) {
      const values = Array.isArray(row)
        ? [row[0], row[1]]
        : isObject(row)
          ? [row['at_min'] ?? row['time_min'] ?? row['atMin'], row['dose_mg'] ?? row['doseMg']]
          : [];
      const [atMin, doseMg] = values;
      if (!isNumber(atMin) || !isNumber(doseMg)) return `bolus row ${i + 1} is not [time_min, dose_mg]`;
      boluses.push({ atMin, doseMg });
    }
  }
  return boluses.length > 0 ? { segments, boluses } : { segments };
}

const PARAM_KEYS: Record<string, (p: PkParams) => number> = {
  V1: (p) => p.v1L,
  k10: (p) => p.k10,
  k12: (p) => p.k12,
  k21: (p) => p.k21,
  k13: (p) => p.k13,
  k31: (p) => p.k31,
};

const DERIVED_KEYS: Record<string, (d: PkDerived, weightKg: number) => number | number[]> = {
  V1_L: (d) => d.v1L,
  V2_L: (d) => d.v2L,
  V3_L: (d) => d.v3L,
  Vss_L: (d) => d.vssL,
  Vss_L_per_kg: (d, w) => d.vssL / w,
  CL_L_per_min: (d) => d.clLPerMin,
  CL_mL_per_min_per_kg: (d, w) => (d.clLPerMin * 1000) / w,
  Q2_L_per_min: (d) => d.q2LPerMin,
  Q3_L_per_min: (d) => d.q3LPerMin,
  exponents_per_min_fastest_first: (d) => d.ratesPerMin,
  half_lives_min_fastest_first: (d) => d.halfLivesMin,
  unit_bolus_coefficients_per_L_fastest_first: (d) => d.unitBolusCoefPerL,
  terminal_half_life_h: (d) => d.terminalHalfLifeMin / 60,
  V_beta_L_per_kg: (d, w) => d.vBetaL / w,
};

/** Cross-checks the file's parameters and derived quantities, and runs our own mass-balance and steady-state checks. */
function checkModels(section: unknown, resultsSection: unknown, out: CaseResult[]): void {
  if (!isObject(section)) return;
  for (const [modelKey, model] of Object.entries(section)) {
    const modelId = resolvePkModelId(modelKey);
    const byWeight = isObject(model) ? model['by_weight'] : undefined;
    if (!isObject(byWeight)) continue;
    for (const [weightKey, entry] of Object.entries(byWeight)) {
      const base = `models/${modelKey}/${weightKey}`;
      const weightKg = Number(weightKey);
      if (!isObject(entry)) continue;
      if (modelId === null || !Number.isFinite(weightKg) || weightKg <= 0) {
        out.push({ id: base, passed: false, detail: modelId === null ? `model "${modelKey}" is not implemented` : 'weight key is not a positive number' });
        continue;
      }
      const params = pkParamsFor(modelId, weightKg);
      const fileParams = entry['params'];
      if (isObject(fileParams)) {
        for (const [key, expected] of Object.entries(fileParams)) {
          const read = PARAM_KEYS[key];
          if (read !== undefined && isNumber(expected)) out.push(compare(`${base}/params/${key}`, read(params), expected));
        }
      }
      const derived = derivePkQuantities(pkSystemFor(modelId, weightKg));
      const fileDerived = entry['derived'];
      if (isObject(fileDerived)) {
        for (const [key, expected] of Object.entries(fileDerived)) {
          const read = DERIVED_KEYS[key];
          if (read !== undefined) compareValueOrList(`${base}/derived/${key}`, read(derived, weightKg), expected, out);
        }
      }
      if ('mass_balance_rel_error_240min' in entry) out.push(massBalanceCase(base, modelId, weightKg, resultsSection));
      if ('steady_state_rel_error' in entry) out.push(steadyStateCase(base, modelId, weightKg));
    }
  }
}

/** Our mass balance (amounts in body + eliminated = given) over 0-240 min for every schedule listed for this model and weight. */
function massBalanceCase(base: string, modelId: PkModelId, weightKg: number, resultsSection: unknown): CaseResult {
  const schedules: PkSchedule[] = [{ segments: [{ startMin: 0, endMin: 40, rateMgPerMin: (0.5 * weightKg) / 40 }] }];
  if (isObject(resultsSection)) {
    for (const [modelKey, byWeight] of Object.entries(resultsSection)) {
      if (resolvePkModelId(modelKey) !== modelId || !isObject(byWeight)) continue;
      for (const [weightKey, scenarios] of Object.entries(byWeight)) {
        if (Number(weightKey) !== weightKg || !isObject(scenarios)) continue;
        for (const scenario of Object.values(scenarios)) {
          const parsed = isObject(scenario) ? parseSchedule(scenario) : 'not an object';
          if (typeof parsed !== 'string') schedules.push(parsed);
        }
      }
    }
  }
  const system = pkSystemFor(modelId, weightKg);
  let worst = 0;
  const times = Array.from({ length: 25 }, (_, i) => i * 10);
  try {
    for (const schedule of schedules) {
      for (const state of systemStates(system, schedule, times)) {
        const body = state.amountsMg.reduce((s, x) => s + x, 0);
        if (state.givenMg > 0) worst = Math.max(worst, Math.abs(body + state.eliminatedMg - state.givenMg) / state.givenMg);
      }
    }
  } catch (e) {
    return { id: `${base}/mass_balance_0_240min`, passed: false, detail: e instanceof Error ? e.message : String(e) };
  }
  return worst <= SELF_CHECK_LIMIT
    ? { id: `${base}/mass_balance_0_240min`, passed: true }
    : { id: `${base}/mass_balance_0_240min`, passed: false, expected: `relative error ≤ ${SELF_CHECK_LIMIT}`, actual: worst };
}

/** A very long constant infusion must converge to R / CL (pk.md §2 self-check 4). */
function steadyStateCase(base: string, modelId: PkModelId, weightKg: number): CaseResult {
  const system = pkSystemFor(modelId, weightKg);
  const rateMgPerMin = 1;
  const [concNgPerMl] = systemConcentrations(system, { segments: [{ startMin: 0, endMin: Infinity, rateMgPerMin }] }, [1e6]);
  const expected = (1000 * rateMgPerMin) / (system.params.v1L * system.params.k10);
  const error = Math.abs((concNgPerMl ?? 0) - expected) / expected;
  const id = `${base}/steady_state`;
  return error <= SELF_CHECK_LIMIT ? { id, passed: true } : { id, passed: false, expected, actual: concNgPerMl, detail: `relative error ${error}` };
}

/** checks.rxderived_eigen_check: exponents and unit-bolus coefficients for raw parameter sets (RxODE test cases). */
function checkEigenChecks(section: unknown, out: CaseResult[]): void {
  if (!isObject(section)) return;
  const list = section['rxderived_eigen_check'];
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown, i) => {
    const base = `checks/rxderived_eigen_check[${i}]`;
    const p = isObject(item) ? item['params'] : undefined;
    if (!isObject(item) || !isObject(p)) {
      out.push({ id: base, passed: false, detail: 'no params' });
      return;
    }
    const num = (k: string): number => (isNumber(p[k]) ? p[k] : 0);
    let derived: PkDerived;
    try {
      derived = derivePkQuantities(createPkSystem({ v1L: num('V1'), k10: num('k10'), k12: num('k12'), k21: num('k21'), k13: num('k13'), k31: num('k31') }));
    } catch (e) {
      out.push({ id: base, passed: false, detail: e instanceof Error ? e.message : String(e) });
      return;
    }
    compareValueOrList(`${base}/got_rates`, derived.ratesPerMin, item['got_rates'], out);
    compareValueOrList(`${base}/got_coefs`, derived.unitBolusCoefPerL, item['got_coefs'], out);
    compareValueOrList(`${base}/expected_rates@3sf`, derived.ratesPerMin, item['expected_rates'], out, true);
    compareValueOrList(`${base}/expected_coefs@3sf`, derived.unitBolusCoefPerL, item['expected_coefs'], out, true);
  });
}

function compareValueOrList(id: string, actual: number | number[], expected: unknown, out: CaseResult[], threeFigures = false): void {
  if (expected === undefined || expected === null) return;
  const check = (caseId: string, a: number | undefined, e: unknown): CaseResult => {
    if (!isNumber(e)) return { id: caseId, passed: false, expected: e, detail: 'expected value is not a number' };
    if (a === undefined) return { id: caseId, passed: false, expected: e, detail: 'the library has no such value' };
    return threeFigures ? compareSignificant(caseId, a, e) : compare(caseId, a, e);
  };
  if (Array.isArray(expected)) {
    const list = Array.isArray(actual) ? actual : [actual];
    if (list.length !== expected.length) {
      out.push({ id, passed: false, expected, actual: list, detail: `expected ${expected.length} values, the library has ${list.length}` });
      return;
    }
    expected.forEach((e: unknown, i) => out.push(check(`${id}[${i}]`, list[i], e)));
  } else {
    out.push(check(id, Array.isArray(actual) ? undefined : actual, expected));
  }
}

function compare(id: string, actual: number, expected: number): CaseResult {
  if (withinRelative(actual, expected)) return { id, passed: true };
  const relError = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  return { id, passed: false, expected, actual, detail: `relative error ${relError.toExponential(2)} > ${PK_RELATIVE_TOLERANCE}` };
}

/** Agreement to the 3 significant figures a published value carries (half a unit in the third figure). */
function compareSignificant(id: string, actual: number, expected: number): CaseResult {
  const halfUnit = expected === 0 ? ZERO_FLOOR : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(expected))) - 2);
  return Math.abs(actual - expected) <= halfUnit * (1 + 1e-9)
    ? { id, passed: true }
    : { id, passed: false, expected, actual, detail: `differs by more than ${halfUnit} (3 significant figures)` };
}
