import { describe, expect, it } from 'vitest';
import { scoreInstrument } from './score.ts';
import type { ItemResponse, Phq9Score } from './score-types.ts';
import { DEFAULT_SCORING_CONFIG } from './scoring-config.ts';

const _ = null;
const fill = (n: number, v: ItemResponse): ItemResponse[] => Array.from({ length: n }, () => v);

describe('PHQ-9 and PHQ-2', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'none-minimal', false, 'negative'],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild', false, 'negative'],
    [[2, 1, 1, 1, 1, 1, 1, 1, 1], 10, 'moderate', true, 'positive'],
    [[2, 2, 2, 2, 2, 2, 2, 1, 0], 15, 'moderately-severe', false, 'positive'],
    [[3, 3, 2, 2, 2, 2, 2, 2, 2], 20, 'severe', true, 'positive'],
  ] as const)('scores %j as %i (%s), suicide risk %s, embedded PHQ-2 %s', (responses, total, band, suicideRisk, phq2Band) => {
    const result: Phq9Score = scoreInstrument('PHQ-9', responses);
    expect(result).toMatchObject({ total, band, suicideRisk, phq2Band, complete: true, error: null, missingItems: [], invalidItems: [] });
  });

  it('never counts a missing item as 0 and offers proration only as a separate value (§2.1, §6.1)', () => {
    const result = scoreInstrument('PHQ-9', [3, 3, 3, 3, _, 3, 3, 3, 0]);
    expect(result).toMatchObject({ total: null, band: null, complete: false, missingItems: [5], proratedTotalOptional: 24 });
  });

  it('still flags a positive item 9 when another item is out of range, so a data error cannot hide suicide risk', () => {
    const result = scoreInstrument('PHQ-9', [9, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(result).toMatchObject({ total: null, error: 'out-of-range', invalidItems: [1], suicideRisk: true, phq2Total: null });
  });

  it('withholds proration when it would be computed from an invalid form', () => {
    expect(scoreInstrument('PHQ-9', [9, 0, 0, 0, 0, 0, 0, 0, _]).proratedTotalOptional).toBeNull();
  });

  it('scores a stand-alone PHQ-2 positive at 3', () => {
    expect(scoreInstrument('PHQ-2', [1, 2])).toMatchObject({ total: 3, band: 'positive' });
  });
});

describe('GAD-7 and GAD-2', () => {
  it.each([
    [[0, 1, 1, 1, 1, 0, 0], 4, 'minimal', 1],
    [[3, 3, 1, 1, 1, 0, 0], 9, 'mild', 6],
    [[2, 2, 2, 2, 2, 2, 0], 12, 'moderate', 4],
    [[3, 3, 3, 3, 3, 3, 3], 21, 'severe', 6],
  ] as const)('scores %j as %i (%s) with an embedded GAD-2 of %i', (responses, total, band, gad2Total) => {
    expect(scoreInstrument('GAD-7', responses)).toMatchObject({ total, band, gad2Total });
  });

  it('marks an embedded GAD-2 of 3 as a positive screen', () => {
    expect(scoreInstrument('GAD-7', [2, 1, 0, 0, 0, 0, 0]).gad2Band).toBe('positive');
  });
});

describe('MADRS', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'normal', 'normal'],
    [[2, 2, 2, 2, 2, 2, 2, 2, 3, 0], 19, 'mild', 'mild'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 30, 'moderate', 'moderate'],
    [[4, 3, 3, 3, 3, 3, 3, 3, 3, 3], 31, 'moderate', 'severe'],
    [[4, 4, 4, 4, 4, 4, 4, 3, 3, 0], 34, 'moderate', 'severe'],
    [[4, 4, 4, 4, 4, 4, 4, 4, 3, 0], 35, 'severe', 'severe'],
  ] as const)('scores %j as %i: %s (Snaith) and %s (Müller 2003 boundary at 31)', (responses, total, band, bandAlt) => {
    expect(scoreInstrument('MADRS', responses)).toMatchObject({ total, band, bandAlt });
  });

  it('raises the item-10 escalation flag at the configured threshold only', () => {
    const responses = [0, 0, 0, 0, 0, 0, 0, 0, 0, 3];
    expect(scoreInstrument('MADRS', responses).suicideItemEscalation).toBe(true);
    expect(scoreInstrument('MADRS', responses, { ...DEFAULT_SCORING_CONFIG, madrsSuicideItemEscalationMin: 4 }).suicideItemEscalation).toBe(false);
  });
});

describe('QIDS-SR16 domain-max scoring', () => {
  it('scores the maximum of each domain, not the sum of 16 items (§2.4)', () => {
    const result = scoreInstrument('QIDS-SR16', [1, 2, 3, 0, 1, 2, _, _, 1, 1, 1, 0, 1, 1, 2, 1]);
    expect(result.domains).toEqual({
      sleep: 3, mood: 1, appetiteWeight: 2, concentration: 1, selfView: 1, suicide: 0, interest: 1, energy: 1, psychomotor: 2,
    });
    expect(result).toMatchObject({ total: 12, band: 'moderate', complete: true, missingDomains: [], missingItems: [] });
  });

  it('accepts the either/or nulls of items 6-9 without calling the form incomplete', () => {
    expect(scoreInstrument('QIDS-SR16', [0, 0, 0, 0, 0, _, 2, 1, _, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({ total: 2, complete: true });
  });

  it('reports domain scores as null, not 0, when a domain is wholly unanswered', () => {
    const result = scoreInstrument('QIDS-SR16', [_, _, _, _, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(result.domains.sleep).toBeNull();
    expect(result).toMatchObject({ total: null, band: null, missingDomains: ['sleep'], missingItems: [1, 2, 3, 4] });
  });
});

describe('HAM-D17', () => {
  it.each([
    [7, 'none', 'normal'],
    [8, 'mild', 'mild'],
    [13, 'mild', 'mild'],
    [14, 'mild', 'moderate'],
    [16, 'mild', 'moderate'],
    [17, 'moderate', 'moderate'],
    [18, 'moderate', 'moderate'],
    [19, 'moderate', 'severe'],
    [22, 'moderate', 'severe'],
    [23, 'moderate', 'very-severe'],
    [24, 'severe', 'very-severe'],
  ] as const)('bands a total of %i as %s (Zimmerman) and %s (alternative scheme)', (total, band, bandAlt) => {
    // Fill the nine 0-4 items first (up to 36), then the 0-2 items.
    const wide = [1, 2, 3, 7, 8, 9, 10, 11, 15];
    const responses = fill(17, 0) as number[];
    let left = total;
    for (const item of [...wide, 4, 5, 6, 12, 13, 14, 16, 17]) {
      const max = wide.includes(item) ? 4 : 2;
      responses[item - 1] = Math.min(max, left);
      left -= responses[item - 1] ?? 0;
    }
    expect(scoreInstrument('HAM-D17', responses)).toMatchObject({ total, band, bandAlt });
  });
});

describe('PCL-5', () => {
  it('can meet the DSM-5 rule with a low total and miss it with a high one', () => {
    const low = [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0];
    expect(scoreInstrument('PCL-5', low)).toMatchObject({ total: 12, band: 'below-cutoff', provisionalDiagnosis: true });
    const high = [4, 4, 4, 4, 4, 1, 1, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4];
    expect(scoreInstrument('PCL-5', high)).toMatchObject({ total: 74, band: 'probable-ptsd', provisionalDiagnosis: false });
  });

  it('uses the configured probable-PTSD cut-point', () => {
    const responses = [...fill(13, 2), ...fill(7, 1)];
    expect(scoreInstrument('PCL-5', responses)).toMatchObject({ total: 33, band: 'probable-ptsd' });
    expect(scoreInstrument('PCL-5', responses, { ...DEFAULT_SCORING_CONFIG, pcl5ProbablePtsdMinTotal: 38 }).band).toBe('below-cutoff');
  });
});

describe('EPDS reverse scoring', () => {
  it('scores items 1, 2, 4 as the position and the others as 3 − position (§2.7)', () => {
    const result = scoreInstrument('EPDS', [0, 1, 0, 3, 1, 2, 3, 0, 2, 3]);
    expect(result.itemScores).toEqual([0, 1, 3, 3, 2, 1, 0, 3, 1, 0]);
    expect(result).toMatchObject({ total: 14, band: 'probable-depression', selfHarmFlag: false });
  });

  it('applies a higher antenatal cut-point when configured', () => {
    const responses = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3];
    expect(scoreInstrument('EPDS', responses)).toMatchObject({ total: 14, band: 'probable-depression' });
    const antenatal = { ...DEFAULT_SCORING_CONFIG, epdsProbableDepressionMinTotal: 15 };
    expect(scoreInstrument('EPDS', responses, antenatal).band).toBe('possible-depression');
  });
});

describe('Y-BOCS', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'subclinical', 0, 0],
    [[2, 2, 2, 2, 0, 0, 0, 0, 0, 0], 8, 'mild', 8, 0],
    [[2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 20, 'moderate', 10, 10],
    [[4, 4, 4, 4, 4, 4, 4, 0, 0, 0], 28, 'severe', 20, 8],
    [[4, 4, 4, 4, 4, 4, 4, 4, 4, 0], 36, 'extreme', 20, 16],
  ] as const)('scores %j as %i (%s) with obsessions %i and compulsions %i', (responses, total, band, obsessions, compulsions) => {
    expect(scoreInstrument('Y-BOCS', responses)).toMatchObject({ total, band, obsessions, compulsions });
  });
});

describe('C-SSRS screener triage', () => {
  it.each([
    [[0, 0, _, _, _, 0, _], 'none', 'every answer no'],
    [[1, 0, _, _, _, 0, _], 'low', 'wish to be dead only'],
    [[0, 1, 0, 0, 0, 0, _], 'low', 'non-specific thoughts only'],
    [[1, 1, 1, 0, 0, 0, _], 'moderate', 'method without intent'],
    [[0, 0, _, _, _, 1, 0], 'moderate', 'behaviour not in the past 3 months'],
    [[1, 1, 0, 1, 0, 0, _], 'high', 'intent without plan (Q4 is high, not moderate)'],
    [[1, 1, 0, 0, 1, 0, _], 'high', 'plan with intent'],
    [[0, 0, _, _, _, 1, 1], 'high', 'behaviour within 3 months'],
  ] as const)('rates %j as %s: %s', (responses, band, _why) => {
    expect(scoreInstrument('C-SSRS-Screener', responses)).toMatchObject({ band, total: null });
  });

  it('keeps high when a required answer is missing but drops lower levels to null', () => {
    expect(scoreInstrument('C-SSRS-Screener', [1, 1, _, 1, _, 0, _])).toMatchObject({ band: 'high', missingItems: [3, 5] });
    expect(scoreInstrument('C-SSRS-Screener', [1, 1, _, 0, _, 0, _])).toMatchObject({ band: null, complete: false });
  });

  it('does not count Q3-Q5 answered no after Q2 no as a skip-logic violation', () => {
    expect(scoreInstrument('C-SSRS-Screener', [0, 0, 0, 0, 0, 0, _])).toMatchObject({ band: 'none', skipLogicViolation: false });
  });
});

describe('CADSS', () => {
  it('reports the CADSS-6 subset from the full form and the > 4 marker from the total', () => {
    const responses = fill(23, 0) as number[];
    responses[14] = 3;
    responses[2] = 2;
    expect(scoreInstrument('CADSS', responses)).toMatchObject({ total: 5, cadss6: 3, exceeds4: true, band: null });
  });
});

describe('Pain NRS and BPI-SF', () => {
  it.each([
    [0, 'none', 'none'],
    [3, 'mild', 'mild'],
    [4, 'mild', 'moderate'],
    [5, 'moderate', 'moderate'],
    [6, 'moderate', 'moderate'],
    [7, 'severe', 'severe'],
  ] as const)('bands pain %i as %s (Serlin) and %s (clinical convention)', (pain, band, bandAlt) => {
    expect(scoreInstrument('Pain-NRS', [pain])).toMatchObject({ total: pain, band, bandAlt });
  });

  it('needs all four severity items but only four of seven interference items', () => {
    const result = scoreInstrument('BPI-SF', [8, _, 4, 4, 5, 5, 5, 6, _, _, _]);
    expect(result).toMatchObject({ total: null, band: 'severe', severity: null, interference: 5.25, interferenceItemsAnswered: 4 });
    expect(result.missingItems).toEqual([2, 9, 10, 11]);
  });
});

describe('malformed input', () => {
  it('returns a typed unknown-instrument result instead of throwing', () => {
    expect(scoreInstrument('BDI-II', [1, 2, 3])).toEqual({
      instrument: null,
      requestedInstrument: 'BDI-II',
      error: 'unknown-instrument',
      total: null,
      band: null,
      complete: false,
      missingItems: [],
      invalidItems: [],
    });
  });

  it.each([
    ['PHQ-9', 8],
    ['PHQ-9', 10],
    ['Pain-NRS', 0],
  ] as const)('rejects %s with %i responses as wrong-item-count', (id, n) => {
    expect(scoreInstrument(id, fill(n, 0))).toMatchObject({ total: null, band: null, error: 'wrong-item-count', complete: false });
  });

  it('treats strings, NaN and infinities as invalid and undefined as missing', () => {
    const result = scoreInstrument('PHQ-9', ['1', Number.NaN, Number.POSITIVE_INFINITY, 0, undefined, 0, 0, 0, 0]);
    expect(result).toMatchObject({ error: 'out-of-range', invalidItems: [1, 2, 3], missingItems: [5] });
  });
});
