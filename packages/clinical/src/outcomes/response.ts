import type { Finding } from '../shared/finding.ts';
import { INSTRUMENTS, isInstrumentId } from '../instruments/registry.ts';
import { roundHalfUpRatio } from '../instruments/rounding.ts';
import { DEFAULT_OUTCOME_CONFIG } from './outcome-config.ts';
import type { OutcomeConfig, OutcomeInstrumentId, ResponseThresholds } from './outcome-config.ts';

/** Classification codes, spelled as in instrument-vectors.json (instruments.md §3). */
export type ResponseClass = 'not evaluable' | 'remission' | 'response' | 'partial response' | 'non-response';

/** PCL-5 change codes (instruments.md §2.6, §3). */
export type Pcl5ChangeClass = 'clinically meaningful improvement' | 'reliable improvement' | 'no reliable change';

export interface ResponseAssessment {
  kind: 'response-remission';
  instrument: OutcomeInstrumentId;
  baselineTotal: number;
  currentTotal: number;
  classification: ResponseClass;
  /** (baseline − current) / baseline × 100, half-up to 2 decimals for display; null when the baseline is 0. */
  reductionPercent: number | null;
  /** baseline − current (positive = improvement). */
  changePoints: number;
  thresholds: ResponseThresholds;
  finding: Finding;
}

export interface Pcl5ChangeAssessment {
  kind: 'pcl5-change';
  instrument: 'PCL-5';
  baselineTotal: number;
  currentTotal: number;
  classification: Pcl5ChangeClass;
  reductionPercent: number | null;
  changePoints: number;
  finding: Finding;
}

/** Returned instead of throwing for an instrument without a definition, or totals outside its range. */
export interface OutcomeInputError {
  kind: 'invalid-input';
  instrument: string;
  reason: 'no-outcome-definition' | 'total-out-of-range';
  detail: string;
}

export type OutcomeAssessment = ResponseAssessment | Pcl5ChangeAssessment | OutcomeInputError;

/** Which clinical.md §15 rule a classification reports under, and its bibliography codes. */
const RULE: Readonly<Record<OutcomeInstrumentId | 'PCL-5', { rule: number; sources: string[] }>> = {
  'PHQ-9': { rule: 31, sources: ['S48'] },
  MADRS: { rule: 31, sources: ['S11', 'S24'] },
  'QIDS-SR16': { rule: 31, sources: ['S12'] },
  'HAM-D17': { rule: 31, sources: ['S11'] },
  'GAD-7': { rule: 32, sources: [] },
  'Y-BOCS': { rule: 32, sources: ['S32'] },
  'Pain-NRS': { rule: 32, sources: [] },
  SSI: { rule: 32, sources: ['S28'] },
  'CAPS-5': { rule: 32, sources: ['S30'] },
  'PCL-5': { rule: 32, sources: [] },
};

const OUTCOME_IDS: readonly OutcomeInstrumentId[] = Object.keys(DEFAULT_OUTCOME_CONFIG.responseRemission) as OutcomeInstrumentId[];

/** Narrows a string to an instrument with a response definition. */
export function isOutcomeInstrumentId(value: unknown): value is OutcomeInstrumentId {
  return typeof value === 'string' && (OUTCOME_IDS as readonly string[]).includes(value);
}

/**
 * True when the reduction from baseline is at least `minPercent`, compared on the
 * exact fraction: (baseline − current) × 100 ≥ minPercent × baseline, baseline > 0.
 * See instruments.md §3 ("comparisons use the exact fraction").
 */
export function reductionAtLeast(baselineTotal: number, currentTotal: number, minPercent: number): boolean {
  return baselineTotal > 0 && (baselineTotal - currentTotal) * 100 >= minPercent * baselineTotal;
}

/**
 * Reduction from baseline in percent, rounded half-up to 2 decimals for display
 * (responseRemissionDefinitions.reductionPercent); null when the baseline is 0.
 * Never compare this rounded value with a threshold; use reductionAtLeast.
 */
export function reductionPercent(baselineTotal: number, currentTotal: number): number | null {
  if (baselineTotal === 0) return null;
  return roundHalfUpRatio((baselineTotal - currentTotal) * 100, baselineTotal, 2);
}

/**
 * Classifies one baseline/current pair of the same instrument (instruments.md §3;
 * clinical.md §15 rules 31-32). The first rule that applies wins:
 * not evaluable (baseline 0 or already at/below the remission cut-off) >
 * remission (current ≤ cut-off) > response (reduction ≥ threshold) >
 * partial response (reduction ≥ partial threshold) > non-response (incl. worsening).
 */
export function classifyResponse(baselineTotal: number, currentTotal: number, thresholds: Readonly<ResponseThresholds>): ResponseClass {
  const remission = thresholds.remissionMaxTotal;
  if (baselineTotal === 0 || (remission !== null && baselineTotal <= remission)) return 'not evaluable';
  if (remission !== null && currentTotal <= remission) return 'remission';
  if (reductionAtLeast(baselineTotal, currentTotal, thresholds.responseMinReductionPercent)) return 'response';
  const partial = thresholds.partialResponseMinReductionPercent;
  if (partial !== null && reductionAtLeast(baselineTotal, currentTotal, partial)) return 'partial response';
  return 'non-response';
}

/**
 * PCL-5 change classification (instruments.md §2.6, §3): improvement of at least
 * 10 points is clinically meaningful, 5-9 reliable, anything else (including
 * worsening) no reliable change.
 */
export function classifyPcl5Change(
  baselineTotal: number,
  currentTotal: number,
  config: Readonly<OutcomeConfig> = DEFAULT_OUTCOME_CONFIG,
): Pcl5ChangeClass {
  const change = baselineTotal - currentTotal;
  if (change >= config.pcl5Change.clinicallyMeaningfulMinPoints) return 'clinically meaningful improvement';
  if (change >= config.pcl5Change.reliableMinPoints) return 'reliable improvement';
  return 'no reliable change';
}

function totalProblem(instrument: string, baselineTotal: number, currentTotal: number): string | null {
  const range = isInstrumentId(instrument) ? INSTRUMENTS[instrument].totalRange : null;
  for (const [name, value] of [['baseline', baselineTotal], ['current', currentTotal]] as const) {
    if (!Number.isInteger(value) || value < 0) return `${name} total ${value} is not a non-negative integer`;
    if (range !== null && value > range.max) return `${name} total ${value} is above the ${instrument} maximum ${range.max}`;
  }
  return null;
}

function describeThresholds(t: Readonly<ResponseThresholds>): string {
  const parts = [`response ≥ ${t.responseMinReductionPercent} %`];
  if (t.partialResponseMinReductionPercent !== null) parts.push(`partial ≥ ${t.partialResponseMinReductionPercent} %`);
  if (t.remissionMaxTotal !== null) parts.push(`remission ≤ ${t.remissionMaxTotal}`);
  return parts.join(', ');
}

function codeOf(classification: string): string {
  return `outcome-${classification.replace(/ /g, '-')}`;
}

/**
 * Classifies a baseline and a current total of the same instrument and explains
 * it as a Finding (clinical.md §15 rules 31-32; instruments.md §3). PCL-5 uses
 * point-change bands instead of percentages. Totals of instruments Glia scores
 * are checked against the instrument's range; a bad total or an instrument
 * without an outcome definition returns an OutcomeInputError, not a throw.
 */
export function classifyOutcome(
  instrument: string,
  baselineTotal: number,
  currentTotal: number,
  config: Readonly<OutcomeConfig> = DEFAULT_OUTCOME_CONFIG,
): OutcomeAssessment {
  if (instrument !== 'PCL-5' && !isOutcomeInstrumentId(instrument)) {
    return {
      kind: 'invalid-input',
      instrument,
      reason: 'no-outcome-definition',
      detail: `${instrument} has no response or remission definition (instruments.md §3).`,
    };
  }
  const problem = totalProblem(instrument, baselineTotal, currentTotal);
  if (problem !== null) return { kind: 'invalid-input', instrument, reason: 'total-out-of-range', detail: problem };

  const percent = reductionPercent(baselineTotal, currentTotal);
  const changePoints = baselineTotal - currentTotal;
  const percentText = percent === null ? 'reduction not computable from a baseline of 0' : `${percent} % reduction`;
  const facts = { instrument, baselineTotal, currentTotal, reductionPercent: percent, changePoints };

  if (instrument === 'PCL-5') {
    const classification = classifyPcl5Change(baselineTotal, currentTotal, config);
    const { rule, sources } = RULE['PCL-5'];
    return {
      kind: 'pcl5-change',
      instrument,
      baselineTotal,
      currentTotal,
      classification,
      reductionPercent: percent,
      changePoints,
      finding: {
        rule,
        severity: 'info',
        code: `pcl5-${classification.replace(/ /g, '-')}`,
        message: `PCL-5 ${baselineTotal} → ${currentTotal} (change ${changePoints} points): ${classification} (meaningful ≥ ${config.pcl5Change.clinicallyMeaningfulMinPoints}, reliable ≥ ${config.pcl5Change.reliableMinPoints} points).`,
        facts,
        thresholds: {
          'pcl5Change.clinicallyMeaningfulMinPoints': config.pcl5Change.clinicallyMeaningfulMinPoints,
          'pcl5Change.reliableMinPoints': config.pcl5Change.reliableMinPoints,
        },
        sources,
      },
    };
  }

  const thresholds = config.responseRemission[instrument];
  const classification = classifyResponse(baselineTotal, currentTotal, thresholds);
  const { rule, sources } = RULE[instrument];
  const reason =
    classification === 'not evaluable'
      ? ` (baseline ${baselineTotal} is 0 or already at or below the remission cut-off)`
      : '';
  return {
    kind: 'response-remission',
    instrument,
    baselineTotal,
    currentTotal,
    classification,
    reductionPercent: percent,
    changePoints,
    thresholds,
    finding: {
      rule,
      severity: 'info',
      code: codeOf(classification),
      message: `${instrument} ${baselineTotal} → ${currentTotal} (${percentText}): ${classification}${reason}; ${describeThresholds(thresholds)}.`,
      facts,
      thresholds: {
        [`responseRemission.${instrument}.remissionMaxTotal`]: thresholds.remissionMaxTotal,
        [`responseRemission.${instrument}.responseMinReductionPercent`]: thresholds.responseMinReductionPercent,
        [`responseRemission.${instrument}.partialResponseMinReductionPercent`]: thresholds.partialResponseMinReductionPercent,
      },
      sources,
    },
  };
}

/** Type guard for callers that only handle successful classifications. */
export function isOutcomeError(result: OutcomeAssessment): result is OutcomeInputError {
  return result.kind === 'invalid-input';
}
