import type { Finding } from '../shared/finding.ts';
import type { InstrumentId } from '../instruments/instrument-definition.ts';
import { DEFAULT_OUTCOME_CONFIG } from './outcome-config.ts';
import type { OutcomeConfig, OutcomeInstrumentId } from './outcome-config.ts';
import { reductionAtLeast, reductionPercent } from './response.ts';

/** A total of the primary scale, e.g. the baseline MADRS or the one after infusion 6. */
export interface ScaleTotal {
  instrument: InstrumentId | OutcomeInstrumentId;
  total: number;
  /** 'YYYY-MM-DD', shown in the message when given. */
  ratedOn?: string;
}

const SOURCES = ['S5', 'S11', 'S12'];

function at(score: ScaleTotal): string {
  return score.ratedOn === undefined ? `${score.total}` : `${score.total} (${score.ratedOn})`;
}

/**
 * End-of-induction response review (clinical.md §15 rule 16): flags continuation
 * with a warning when improvement on the primary scale is below
 * `continuationReview.minImprovementPercent` (default 50 %), compared on the exact
 * fraction. Baseline and current must be the same instrument (instruments.md §0.8);
 * a mismatch or a baseline of 0 is reported as a finding, not thrown.
 *
 * @throws RangeError when a total is not a non-negative integer.
 */
export function reviewContinuation(
  baseline: ScaleTotal,
  current: ScaleTotal,
  config: Readonly<OutcomeConfig> = DEFAULT_OUTCOME_CONFIG,
): Finding {
  for (const score of [baseline, current]) {
    if (!Number.isInteger(score.total) || score.total < 0) {
      throw new RangeError(`${score.instrument} total ${score.total} is not a non-negative integer`);
    }
  }
  const minPercent = config.continuationReview.minImprovementPercent;
  const thresholds = { 'continuationReview.minImprovementPercent': minPercent };
  const facts = {
    baselineInstrument: baseline.instrument,
    currentInstrument: current.instrument,
    baselineTotal: baseline.total,
    currentTotal: current.total,
    improvementPercent: reductionPercent(baseline.total, current.total),
  };
  if (baseline.instrument !== current.instrument) {
    return {
      rule: 16,
      severity: 'warning',
      code: 'continuation-review-instrument-mismatch',
      message: `Cannot judge the induction: baseline is ${baseline.instrument} but the current score is ${current.instrument}; compare the same primary scale.`,
      facts,
      thresholds,
      sources: SOURCES,
    };
  }
  const name = baseline.instrument;
  if (baseline.total === 0) {
    return {
      rule: 16,
      severity: 'info',
      code: 'continuation-review-not-evaluable',
      message: `Improvement on ${name} cannot be computed from a baseline of 0.`,
      facts,
      thresholds,
      sources: SOURCES,
    };
  }
  if (!reductionAtLeast(baseline.total, current.total, minPercent)) {
    return {
      rule: 16,
      severity: 'warning',
      code: 'continuation-improvement-below-threshold',
      message: `End-of-induction review: ${name} improved ${facts.improvementPercent} % (${at(baseline)} → ${at(current)}), below ${minPercent} %. Review whether to continue.`,
      facts,
      thresholds,
      sources: SOURCES,
    };
  }
  return {
    rule: 16,
    severity: 'info',
    code: 'continuation-improvement-met',
    message: `End-of-induction review: ${name} improved ${facts.improvementPercent} % (${at(baseline)} → ${at(current)}), at or above ${minPercent} %.`,
    facts,
    thresholds,
    sources: SOURCES,
  };
}
