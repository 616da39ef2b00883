import { describe, expect, it } from 'vitest';
import { reviewContinuation } from './continuation-review.ts';
import { DEFAULT_OUTCOME_CONFIG } from './outcome-config.ts';

describe('end-of-induction continuation review (clinical.md §15 rule 16)', () => {
  it.each([
    [32, 24, 'warning', 'continuation-improvement-below-threshold', '25 % improvement'],
    [32, 17, 'warning', 'continuation-improvement-below-threshold', '46.9 % improvement'],
    [32, 16, 'info', 'continuation-improvement-met', 'exactly 50 %'],
    [32, 4, 'info', 'continuation-improvement-met', '87.5 %'],
    [20, 25, 'warning', 'continuation-improvement-below-threshold', 'worsening'],
    [0, 0, 'info', 'continuation-review-not-evaluable', 'baseline 0'],
  ] as const)('MADRS %i → %i gives a %s %s (%s)', (baseline, current, severity, code, _why) => {
    const finding = reviewContinuation({ instrument: 'MADRS', total: baseline }, { instrument: 'MADRS', total: current });
    expect(finding).toMatchObject({ rule: 16, severity, code, sources: ['S5', 'S11', 'S12'] });
  });

  it('names the values, dates and threshold in the message', () => {
    const finding = reviewContinuation(
      { instrument: 'QIDS-SR16', total: 18, ratedOn: '2025-01-06' },
      { instrument: 'QIDS-SR16', total: 12, ratedOn: '2025-01-27' },
    );
    expect(finding.message).toBe(
      'End-of-induction review: QIDS-SR16 improved 33.33 % (18 (2025-01-06) → 12 (2025-01-27)), below 50 %. Review whether to continue.',
    );
    expect(finding.thresholds).toEqual({ 'continuationReview.minImprovementPercent': 50 });
  });

  it('refuses to compare two different scales', () => {
    const finding = reviewContinuation({ instrument: 'MADRS', total: 30 }, { instrument: 'PHQ-9', total: 5 });
    expect(finding).toMatchObject({ severity: 'warning', code: 'continuation-review-instrument-mismatch' });
  });

  it('uses the configured improvement threshold', () => {
    const config = { ...DEFAULT_OUTCOME_CONFIG, continuationReview: { minImprovementPercent: 40 } };
    expect(reviewContinuation({ instrument: 'PHQ-9', total: 20 }, { instrument: 'PHQ-9', total: 12 }, config).code).toBe(
      'continuation-improvement-met',
    );
  });

  it('throws on a total that is not a non-negative integer', () => {
    expect(() => reviewContinuation({ instrument: 'PHQ-9', total: -1 }, { instrument: 'PHQ-9', total: 3 })).toThrow(RangeError);
  });
});
