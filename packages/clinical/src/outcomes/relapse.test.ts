import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTCOME_CONFIG } from './outcome-config.ts';
import { assessRelapse } from './relapse.ts';
import type { DatedTotal, RelapseInput } from './relapse.ts';

/** MADRS baseline 32: response needs 16 or less (≥ 50 % improvement). */
const series = (totals: (number | null)[]): DatedTotal[] =>
  totals.map((total, k) => ({ ratedOn: new Date(Date.UTC(2025, 2, 1 + 7 * k)).toISOString().slice(0, 10), total }));

const input = (totals: (number | null)[], extra: Partial<RelapseInput> = {}): RelapseInput => ({
  instrument: 'MADRS',
  baselineTotal: 32,
  ratings: series(totals),
  infusionDates: ['2025-02-20', '2025-02-27', '2025-03-06'],
  ...extra,
});

describe('relapse after response (clinical.md §15 rule 33)', () => {
  it.each([
    [[20, 18], 'never-responded', 0, 'never reached 50 %'],
    [[14, 12], 'responding', 0, 'still responding'],
    [[14, 20], 'loss-of-response-unconfirmed', 0, 'one rating below response'],
    [[14, 20, 22], 'relapse', 1, 'two consecutive ratings below response'],
    [[14, 20, 15, 22], 'loss-of-response-unconfirmed', 0, 'a responding rating in between resets the run'],
    [[14, 20, 22, 10], 'responding', 1, 'responded again after a relapse'],
    [[14, 20, 22, 10, 18, 19], 'relapse', 2, 'a second episode after responding again'],
    [[14, 17], 'loss-of-response-unconfirmed', 0, '17 is 46.9 %, just below 50 %'],
    [[16, 16], 'responding', 0, '16 is exactly 50 %: still a responder'],
  ])('series %j → %s with %i episode(s): %s', (totals, status, episodes) => {
    const result = assessRelapse(input(totals));
    expect(result.status).toBe(status);
    expect(result.episodes).toHaveLength(episodes);
  });

  it('dates the relapse at the rating that completes the run and counts days since the last infusion before it', () => {
    const result = assessRelapse(input([14, 20, 22]));
    expect(result.episodes[0]).toEqual({
      respondedOn: '2025-03-01',
      firstRatingBelowResponseOn: '2025-03-08',
      relapseOn: '2025-03-15',
      ratingsBelowResponse: [
        { ratedOn: '2025-03-08', total: 20, reductionPercent: 37.5 },
        { ratedOn: '2025-03-15', total: 22, reductionPercent: 31.25 },
      ],
      lastInfusionOn: '2025-03-06',
      daysSinceLastInfusion: 9,
    });
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 33,
        severity: 'warning',
        code: 'relapse-loss-of-response',
        sources: ['S9'],
        facts: expect.objectContaining({ relapseOn: '2025-03-15', daysSinceLastInfusion: 9 }),
        thresholds: { 'responseRemission.MADRS.responseMinReductionPercent': 50, 'relapse.consecutiveRatingsBelowResponse': 2 },
      }),
    ]);
    expect(result.findings[0]?.message).toContain('Last infusion 2025-03-06, 9 days before.');
  });

  it('keeps an earlier episode as information once the patient responds again', () => {
    const result = assessRelapse(input([14, 20, 22, 10]));
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([['info', 'relapse-earlier-episode']]);
  });

  it('shows days since the last infusion as of the given day', () => {
    const result = assessRelapse(input([14], { asOfDate: '2025-03-20' }));
    expect(result).toMatchObject({ asOfDate: '2025-03-20', lastInfusionOn: '2025-03-06', daysSinceLastInfusion: 14 });
  });

  it('sorts ratings by date and skips incomplete ratings without breaking a run', () => {
    const ratings: DatedTotal[] = [
      { ratedOn: '2025-03-22', total: 22 },
      { ratedOn: '2025-03-01', total: 14 },
      { ratedOn: '2025-03-15', total: null },
      { ratedOn: '2025-03-08', total: 20 },
    ];
    const result = assessRelapse(input([], { ratings }));
    expect(result.status).toBe('relapse');
    expect(result.episodes[0]?.relapseOn).toBe('2025-03-22');
  });

  it('uses the configured number of consecutive ratings', () => {
    const config = { ...DEFAULT_OUTCOME_CONFIG, relapse: { consecutiveRatingsBelowResponse: 3 } };
    expect(assessRelapse(input([14, 20, 22]), config).status).toBe('loss-of-response-unconfirmed');
    expect(assessRelapse(input([14, 20, 22, 21]), config).status).toBe('relapse');
  });

  it("uses the instrument's own response threshold (Y-BOCS 35 %)", () => {
    const result = assessRelapse({ instrument: 'Y-BOCS', baselineTotal: 20, ratings: series([13, 14, 14]), infusionDates: [] });
    expect(result.status).toBe('relapse');
    expect(result.episodes[0]).toMatchObject({ lastInfusionOn: null, daysSinceLastInfusion: null });
  });

  it('does not judge relapse from a baseline already in remission', () => {
    const result = assessRelapse({ instrument: 'PHQ-9', baselineTotal: 4, ratings: series([0, 4, 4]), infusionDates: [] });
    expect(result.status).toBe('not-evaluable');
    expect(result.findings[0]).toMatchObject({ rule: 33, code: 'relapse-not-evaluable' });
  });

  it('ignores infusions after the relapse when counting days', () => {
    const result = assessRelapse(input([14, 20, 22], { infusionDates: ['2025-03-06', '2025-03-18'] }));
    expect(result.episodes[0]).toMatchObject({ lastInfusionOn: '2025-03-06', daysSinceLastInfusion: 9 });
  });

  it('throws on malformed dates and impossible totals', () => {
    expect(() => assessRelapse(input([14], { infusionDates: ['03/06/2025'] }))).toThrow(RangeError);
    expect(() => assessRelapse(input([61]))).toThrow(RangeError);
    expect(() => assessRelapse(input([14], { baselineTotal: -2 }))).toThrow(RangeError);
  });
});
