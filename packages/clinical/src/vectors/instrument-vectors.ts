import { scoreInstrument } from '../instruments/score.ts';
import { DEFAULT_OUTCOME_CONFIG, withResponseThresholds } from '../outcomes/outcome-config.ts';
import type { OutcomeConfig } from '../outcomes/outcome-config.ts';
import { classifyOutcome, isOutcomeInstrumentId } from '../outcomes/response.ts';
import type { CaseResult } from './case-result.ts';

/**
 * Decimal tolerance from the vector file's `conventions.comparison` ("Decimal
 * values are compared with tolerance 0.005"). Integers are always compared exactly.
 * Values are rounded half-up to 2 decimals before comparison, so a rounding error
 * (a difference of 0.01) still fails.
 */
export const DEFAULT_DECIMAL_TOLERANCE = 0.005;

export interface InstrumentVectorOptions {
  /** Absolute tolerance for non-integer numbers. Default DEFAULT_DECIMAL_TOLERANCE. */
  decimalTolerance?: number;
}

/** Keys of a response/remission vector that describe it rather than state an expected value. */
const DESCRIPTIVE_KEYS = new Set(['id', 'instrument', 'baseline', 'current', 'expected', 'note', 'notes', 'comment', 'source', 'sources', 'description']);

const VARIANT_KEY = /^expectedIfRemissionCutoff(\d+(?:\.\d+)?)$/;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Compares an expected value with what Glia computed: numbers exactly (integers)
 * or within the tolerance (decimals), arrays element by element, and objects on
 * the keys listed in `expected` only (conventions.comparison). null matches only null.
 */
function matches(expected: unknown, actual: unknown, tolerance: number): boolean {
  if (expected === null) return actual === null;
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return false;
    if (Number.isInteger(expected) && Number.isInteger(actual)) return expected === actual;
    return Math.abs(expected - actual) <= tolerance + 1e-12;
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(e, actual[i], tolerance));
  }
  if (isRecord(expected)) {
    return isRecord(actual) && Object.keys(expected).every((key) => matches(expected[key], actual[key], tolerance));
  }
  return expected === actual;
}

/** The actual values projected onto the expected shape, so a failure shows like for like. */
function project(expected: unknown, actual: unknown): unknown {
  if (isRecord(expected) && isRecord(actual)) {
    return Object.fromEntries(Object.keys(expected).map((key) => [key, project(expected[key], actual[key])]));
  }
  return actual === undefined ? '(absent)' : actual;
}

function label(raw: Json, kind: string, index: number): string {
  return typeof raw.id === 'string' ? raw.id : `${kind}[${index}]`;
}

function checkScoringCase(raw: unknown, index: number, tolerance: number): CaseResult {
  if (!isRecord(raw)) return { id: `vectors[${index}]`, passed: false, detail: 'case is not an object' };
  const id = label(raw, 'vectors', index);
  const { instrument, responses, expected } = raw;
  if (typeof instrument !== 'string' || !Array.isArray(responses) || !isRecord(expected)) {
    return { id, passed: false, detail: 'case needs instrument (string), responses (array) and expected (object)' };
  }
  const result: unknown = scoreInstrument(instrument, responses);
  const failing = Object.keys(expected).filter((key) => !matches(expected[key], isRecord(result) ? result[key] : undefined, tolerance));
  if (failing.length === 0) return { id, passed: true };
  return {
    id,
    passed: false,
    expected,
    actual: project(expected, result),
    detail: `${instrument}: mismatch in ${failing.join(', ')}`,
  };
}

function checkResponseCase(raw: unknown, index: number, tolerance: number): CaseResult {
  if (!isRecord(raw)) return { id: `responseRemissionVectors[${index}]`, passed: false, detail: 'case is not an object' };
  const id = label(raw, 'responseRemissionVectors', index);
  const { instrument, baseline, current } = raw;
  if (typeof instrument !== 'string' || typeof baseline !== 'number' || typeof current !== 'number') {
    return { id, passed: false, detail: 'case needs instrument (string), baseline and current (numbers)' };
  }

  const expectedValues: Json = {};
  const actualValues: Json = {};
  const problems: string[] = [];
  const run = (config: Readonly<OutcomeConfig>): Json | null => {
    const assessment = classifyOutcome(instrument, baseline, current, config);
    if (assessment.kind === 'invalid-input') {
      problems.push(assessment.detail);
      return null;
    }
    return { ...assessment, expected: assessment.classification };
  };
  const main = run(DEFAULT_OUTCOME_CONFIG);

  for (const [key, expected] of Object.entries(raw)) {
    if (key !== 'expected' && DESCRIPTIVE_KEYS.has(key)) continue;
    let actual: unknown;
    const variant = VARIANT_KEY.exec(key);
    if (variant !== null) {
      if (!isOutcomeInstrumentId(instrument)) {
        problems.push(`${key}: ${instrument} has no remission cut-off to vary`);
        actual = undefined;
      } else {
        const config = withResponseThresholds(DEFAULT_OUTCOME_CONFIG, instrument, { remissionMaxTotal: Number(variant[1]) });
        actual = run(config)?.expected;
      }
    } else if (key.startsWith('expectedIf')) {
      problems.push(`${key}: unsupported variant key`);
      actual = undefined;
    } else {
      actual = main?.[key];
    }
    expectedValues[key] = expected;
    actualValues[key] = actual === undefined ? '(absent)' : actual;
    if (!matches(expected, actual, tolerance) && !problems.some((p) => p.startsWith(`${key}:`))) {
      problems.push(`${key} differs`);
    }
  }
  if (problems.length === 0) return { id, passed: true };
  return { id, passed: false, expected: expectedValues, actual: actualValues, detail: `${instrument}: ${problems.join('; ')}` };
}

/**
 * Runs a parsed instrument vector file (the format of shared/spec/instrument-vectors.json)
 * through the library: every `vectors` case through scoreInstrument, comparing each key
 * of `expected`; every `responseRemissionVectors` case through classifyOutcome,
 * comparing `expected` (the classification), `reductionPercent`, `changePoints` and
 * each `expectedIfRemissionCutoffN` variant (re-run with that remission cut-off).
 * Either array may be absent. Pure: the caller reads the file.
 */
export function checkInstrumentVectors(doc: unknown, options: InstrumentVectorOptions = {}): CaseResult[] {
  const tolerance = options.decimalTolerance ?? DEFAULT_DECIMAL_TOLERANCE;
  if (!isRecord(doc)) return [{ id: '(document)', passed: false, detail: 'the vector file is not a JSON object' }];
  const results: CaseResult[] = [];
  for (const [key, check] of [
    ['vectors', checkScoringCase],
    ['responseRemissionVectors', checkResponseCase],
  ] as const) {
    const cases = doc[key];
    if (cases === undefined) continue;
    if (!Array.isArray(cases)) {
      results.push({ id: `(${key})`, passed: false, detail: `${key} is not an array` });
      continue;
    }
    cases.forEach((raw, index) => results.push(check(raw, index, tolerance)));
  }
  return results;
}
