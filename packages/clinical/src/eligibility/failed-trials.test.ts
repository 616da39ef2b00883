import { describe, expect, it } from 'vitest';
import { DEFAULT_ELIGIBILITY_CONFIG } from './eligibility-config.ts';
import type { AntidepressantTrialFact, TrialNotCountedReason } from './failed-trials.ts';
import { countFailedAdequateTrials } from './failed-trials.ts';

const rule1 = DEFAULT_ELIGIBILITY_CONFIG.rule1;
const trial = (drug: string, extra: Partial<AntidepressantTrialFact> = {}): AntidepressantTrialFact => ({
  drug, weeks: 6, adequate: true, outcome: 'non-response', currentEpisode: true, ...extra,
});

describe('counting failed adequate antidepressant trials (rule 1)', () => {
  it.each<[string, AntidepressantTrialFact, TrialNotCountedReason]>([
    ['a trial from an earlier episode', trial('sertraline', { currentEpisode: false }), 'not-current-episode'],
    ['a trial the clinician judged inadequate', trial('sertraline', { adequate: false }), 'not-adequate'],
    ['a trial that worked', trial('sertraline', { outcome: 'response' }), 'not-failed'],
    ['a trial stopped for intolerance', trial('sertraline', { outcome: 'intolerance' }), 'not-failed'],
    ['a drug that is not an antidepressant', trial('lorazepam'), 'not-an-antidepressant'],
    ['a trial shorter than 4 weeks', trial('sertraline', { weeks: 3 }), 'too-short'],
  ])('does not count %s', (_title, t, reason) => {
    const r = countFailedAdequateTrials([t], rule1);
    expect(r.count).toBe(0);
    expect(r.trials).toEqual([{ index: 0, counted: false, reason }]);
  });

  it.each([
    ['trial', 3],
    ['drug', 2],
    ['class', 1],
  ] as const)('collapses repeats per countDistinct = %s', (countDistinct, expected) => {
    const trials = [trial('sertraline'), trial('Zoloft', { outcome: 'partial-response' }), trial('escitalopram')];
    expect(countFailedAdequateTrials(trials, { ...rule1, countDistinct }).count).toBe(expected);
  });

  it('counts a partial response of exactly the minimum weeks', () => {
    const r = countFailedAdequateTrials([trial('venlafaxine', { weeks: 4, outcome: 'partial-response' })], rule1);
    expect(r).toEqual({ count: 1, countedAs: ['venlafaxine'], trials: [{ index: 0, counted: true, countedAs: 'venlafaxine' }] });
  });
});
