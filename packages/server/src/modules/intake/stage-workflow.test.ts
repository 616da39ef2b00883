import { describe, expect, it } from 'vitest';
import { allowedManualStages, DECIDABLE_STAGES } from './stage-workflow.ts';

describe('intake stage moves', () => {
  it.each([
    [null, ['referred', 'intake']],
    ['referred', ['intake']],
    ['intake', ['awaiting-evaluation']],
    ['eligible', ['in-treatment', 'awaiting-evaluation']],
    ['in-treatment', []],
  ] as const)('from %s allows %j by hand', (from, to) => {
    expect(allowedManualStages(from)).toEqual(to);
  });

  it('never lets a hand move reach a decision outcome (eligible, not eligible, needs work-up)', () => {
    for (const from of [null, 'referred', 'intake', 'awaiting-evaluation', 'eligible', 'not-eligible', 'needs-workup', 'in-treatment'] as const) {
      expect(allowedManualStages(from).filter((s) => s === 'eligible' || s === 'not-eligible' || s === 'needs-workup')).toEqual([]);
    }
  });

  it('signs decisions only after a referral has become intake work and before treatment', () => {
    expect(DECIDABLE_STAGES).not.toContain('referred');
    expect(DECIDABLE_STAGES).not.toContain('in-treatment');
  });
});
