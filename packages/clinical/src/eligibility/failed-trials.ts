/**
 * Counting failed adequate antidepressant trials for treatment resistance
 * (clinical.md §2.1, §15 rule 1). The intake history shows this count next to
 * the trial list, and rule 1 compares it with `rule1.minFailedAdequateTrials`,
 * so both read the same function.
 */
import { classifyMedication } from '../medications/classify-medication.ts';
import type { EligibilityConfig } from './eligibility-config.ts';

export type TrialOutcome = 'non-response' | 'partial-response' | 'response' | 'remission' | 'intolerance' | 'unknown';

export interface AntidepressantTrialFact {
  drug: string;
  doseMgPerDay?: number | null;
  weeks: number;
  /** Clinician's judgment that dose and duration were adequate. */
  adequate: boolean;
  outcome: TrialOutcome;
  currentEpisode: boolean;
}

/** Why a trial does not count as a failed adequate trial. */
export type TrialNotCountedReason = 'not-current-episode' | 'not-adequate' | 'not-failed' | 'not-an-antidepressant' | 'too-short';

export type TrialAssessment =
  | { index: number; counted: true; countedAs: string }
  | { index: number; counted: false; reason: TrialNotCountedReason };

export interface FailedTrialCount {
  /** Distinct failed adequate trials in the current episode, counted per `rule1.countDistinct`. */
  count: number;
  /** The distinct keys counted (trial numbers, generic names or antidepressant classes). */
  countedAs: string[];
  /** One entry per trial, in input order. */
  trials: TrialAssessment[];
}

const FAILED_OUTCOMES: readonly TrialOutcome[] = ['non-response', 'partial-response'];

/**
 * Counts the failed adequate antidepressant trials of the current episode: a trial
 * counts when it is in the current episode, marked adequate, ended in non-response
 * or partial response, is a recognised antidepressant and lasted at least
 * `rule1.minTrialWeeks`. Repeats are collapsed per `rule1.countDistinct` (every
 * trial, distinct drugs, or distinct antidepressant classes). Sources: [S20], [S50],
 * [S49], [S51], [S51b].
 */
export function countFailedAdequateTrials(trials: readonly AntidepressantTrialFact[], rule1: EligibilityConfig['rule1']): FailedTrialCount {
  const counted = new Set<string>();
  const assessed: TrialAssessment[] = trials.map((t, index): TrialAssessment => {
    if (!t.currentEpisode) return { index, counted: false, reason: 'not-current-episode' };
    if (!t.adequate) return { index, counted: false, reason: 'not-adequate' };
    if (!FAILED_OUTCOMES.includes(t.outcome)) return { index, counted: false, reason: 'not-failed' };
    const c = classifyMedication({ name: t.drug });
    if (c.antidepressantClass === null) return { index, counted: false, reason: 'not-an-antidepressant' };
    if (!(t.weeks >= rule1.minTrialWeeks)) return { index, counted: false, reason: 'too-short' };
    let key: string;
    switch (rule1.countDistinct) {
      case 'trial':
        key = String(index);
        break;
      case 'drug':
        key = c.generics.join('+');
        break;
      case 'class':
        key = c.antidepressantClass;
        break;
    }
    counted.add(key);
    return { index, counted: true, countedAs: key };
  });
  return { count: counted.size, countedAs: [...counted], trials: assessed };
}
