import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTCOME_CONFIG, withResponseThresholds } from './outcome-config.ts';
import type { OutcomeInstrumentId } from './outcome-config.ts';
import { classifyOutcome, classifyResponse, isOutcomeError, reductionAtLeast, reductionPercent } from './response.ts';
import type { ResponseClass } from './response.ts';

const classify = (instrument: string, baseline: number, current: number): unknown => {
  const result = classifyOutcome(instrument, baseline, current);
  return isOutcomeError(result) ? result.reason : result.classification;
};

describe('response and remission (instruments.md §3; clinical.md §15 rules 31-32)', () => {
  it.each([
    ['PHQ-9', 20, 4, 'remission', 'current below 5 is remission (rule 31)'],
    ['PHQ-9', 20, 5, 'response', '75 % reduction but 5 is not remission'],
    ['PHQ-9', 20, 10, 'response', 'exactly 50 % is response'],
    ['PHQ-9', 20, 11, 'partial response', '45 % is partial'],
    ['PHQ-9', 20, 15, 'partial response', 'exactly 25 % is partial'],
    ['PHQ-9', 20, 16, 'non-response', '20 % is non-response'],
    ['PHQ-9', 20, 27, 'non-response', 'worsening is non-response'],
    ['PHQ-9', 4, 0, 'not evaluable', 'baseline already in remission'],
    ['PHQ-9', 0, 0, 'not evaluable', 'baseline 0'],
    ['MADRS', 32, 10, 'remission', 'MADRS 10 or less (rule 31)'],
    ['MADRS', 32, 11, 'response', '65.6 % but 11 is above 10'],
    ['QIDS-SR16', 16, 5, 'remission', 'QIDS-SR16 5 or less (rule 31)'],
    ['HAM-D17', 20, 7, 'remission', 'HAM-D17 7 or less'],
    ['Y-BOCS', 28, 18, 'response', '35.7 % meets the OCD 35 % threshold (rule 32)'],
    ['Y-BOCS', 20, 14, 'partial response', '30 % is OCD partial response'],
    ['GAD-7', 15, 4, 'remission', 'GAD-7 below 5'],
    ['Pain-NRS', 10, 7, 'response', '30 % pain reduction (rule 32)'],
    ['Pain-NRS', 10, 8, 'non-response', '20 %: no partial band for pain'],
    ['SSI', 20, 10, 'response', 'SSI 50 % (rule 32)'],
    ['SSI', 20, 11, 'non-response', 'SSI 45 %'],
    ['CAPS-5', 40, 28, 'response', 'CAPS-5 30 % (rule 32)'],
    ['CAPS-5', 40, 29, 'non-response', 'CAPS-5 27.5 %'],
    ['PCL-5', 50, 40, 'clinically meaningful improvement', '10 points'],
    ['PCL-5', 50, 41, 'reliable improvement', '9 points'],
    ['PCL-5', 50, 46, 'no reliable change', '4 points'],
  ])('classifies %s %i → %i as %s: %s', (instrument, baseline, current, expected) => {
    expect(classify(instrument, baseline, current)).toBe(expected);
  });

  it('compares the exact fraction, not a rounded percentage', () => {
    // 2/3 = 66.67 % vs a 66.67 % threshold: the rounded value would wrongly pass.
    const thresholds = { remissionMaxTotal: null, responseMinReductionPercent: 66.67, partialResponseMinReductionPercent: null };
    expect(reductionPercent(3, 1)).toBe(66.67);
    expect(classifyResponse(3, 1, thresholds)).toBe('non-response');
    expect(reductionAtLeast(3, 1, 200 / 3)).toBe(true);
  });

  it('rounds the displayed reduction half-up to 2 decimals', () => {
    expect(reductionPercent(15, 8)).toBe(46.67);
    expect(reductionPercent(32, 33)).toBe(-3.13);
    expect(reductionPercent(0, 3)).toBeNull();
  });

  it.each([
    [9, 'response'],
    [10, 'remission'],
    [12, 'remission'],
  ] as const)('makes the MADRS remission cut-off configurable (≤ %i gives %s for 32 → 10)', (cutoff, expected) => {
    const config = withResponseThresholds(DEFAULT_OUTCOME_CONFIG, 'MADRS', { remissionMaxTotal: cutoff });
    const result = classifyOutcome('MADRS', 32, 10, config);
    expect(isOutcomeError(result) ? null : result.classification).toBe(expected);
  });

  it('explains the classification as a rule-31 finding with facts and thresholds', () => {
    const result = classifyOutcome('MADRS', 32, 10);
    if (isOutcomeError(result)) throw new Error('unexpected error');
    expect(result.finding).toMatchObject({
      rule: 31,
      severity: 'info',
      code: 'outcome-remission',
      facts: { baselineTotal: 32, currentTotal: 10, reductionPercent: 68.75 },
      thresholds: { 'responseRemission.MADRS.remissionMaxTotal': 10 },
    });
    expect(result.finding.message).toContain('68.75 %');
  });

  it('reports Y-BOCS, SSI, CAPS-5 and pain under rule 32', () => {
    for (const id of ['Y-BOCS', 'SSI', 'CAPS-5', 'Pain-NRS'] as const) {
      const result = classifyOutcome(id, 10, 5);
      expect(isOutcomeError(result) ? null : result.finding.rule).toBe(32);
    }
  });

  it.each([
    ['EPDS', 20, 5, 'no-outcome-definition'],
    ['BDI-II', 20, 5, 'no-outcome-definition'],
    ['PHQ-9', 28, 5, 'total-out-of-range'],
    ['PHQ-9', 20, -1, 'total-out-of-range'],
    ['MADRS', 20.5, 5, 'total-out-of-range'],
  ])('returns a typed error for %s %d → %d (%s) instead of throwing', (instrument, baseline, current, reason) => {
    expect(classify(instrument, baseline, current)).toBe(reason);
  });
});

describe('response classification invariants (fast-check)', () => {
  const rank: Record<ResponseClass, number> = { remission: 0, response: 1, 'partial response': 2, 'non-response': 3, 'not evaluable': -1 };
  const ids = Object.keys(DEFAULT_OUTCOME_CONFIG.responseRemission) as OutcomeInstrumentId[];

  it('never classifies a worse current score as a better outcome (monotonic in the current total)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (id, baseline, a, b) => {
          const thresholds = DEFAULT_OUTCOME_CONFIG.responseRemission[id];
          const better = classifyResponse(baseline, Math.min(a, b), thresholds);
          const worse = classifyResponse(baseline, Math.max(a, b), thresholds);
          expect(better === 'not evaluable').toBe(worse === 'not evaluable');
          expect(rank[better]).toBeLessThanOrEqual(rank[worse]);
        },
      ),
    );
  });

  it('never classifies PCL-5 more change as less improvement', () => {
    const order = ['clinically meaningful improvement', 'reliable improvement', 'no reliable change'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), (baseline, a, b) => {
        const better = classifyOutcome('PCL-5', baseline, Math.min(a, b));
        const worse = classifyOutcome('PCL-5', baseline, Math.max(a, b));
        if (isOutcomeError(better) || isOutcomeError(worse)) throw new Error('unexpected error');
        expect(order.indexOf(better.classification)).toBeLessThanOrEqual(order.indexOf(worse.classification));
      }),
    );
  });

  it('agrees with the percentage definition for whole-number thresholds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 92 }), fc.integer({ min: 0, max: 92 }), fc.integer({ min: 1, max: 99 }), (b, c, pct) => {
        expect(reductionAtLeast(b, c, pct)).toBe(((b - c) / b) * 100 >= pct || (b - c) * 100 === pct * b);
      }),
    );
  });
});
