import { describe, expect, it } from 'vitest';
import { scoreInstrument } from './score.ts';
import type { ItemResponse } from './score-types.ts';
import { safetyAlertsFor } from './safety-alerts.ts';

const alerts = (id: string, responses: ItemResponse[]): { code: string; priority: string }[] => {
  const score = scoreInstrument(id, responses);
  if (score.instrument === null) throw new Error('unknown instrument');
  return safetyAlertsFor(score, responses).map(({ code, priority }) => ({ code, priority }));
};

describe('suicide-risk alerts from scored forms', () => {
  it.each<[string, string, ItemResponse[], { code: string; priority: string }[]]>([
    ['PHQ-9 item 9 at 1', 'PHQ-9', [1, 1, 1, 1, 1, 1, 1, 1, 1], [{ code: 'phq9-item9-positive', priority: 'high' }]],
    ['PHQ-9 item 9 at 0', 'PHQ-9', [3, 3, 3, 3, 3, 3, 3, 3, 0], []],
    ['PHQ-9 item 9 missing (never negative by inference)', 'PHQ-9', [1, 1, 1, 1, 1, 1, 1, 1, null], []],
    ['C-SSRS all no', 'C-SSRS-Screener', [0, 0, null, null, null, 0, null], []],
    ['C-SSRS wish to be dead only (low)', 'C-SSRS-Screener', [1, 0, null, null, null, 0, null], [{ code: 'cssrs-positive', priority: 'routine' }]],
    ['C-SSRS method without plan (moderate)', 'C-SSRS-Screener', [1, 1, 1, 0, 0, 0, null], [{ code: 'cssrs-positive', priority: 'high' }]],
    ['C-SSRS intent (high)', 'C-SSRS-Screener', [1, 1, 1, 1, 0, 0, null], [{ code: 'cssrs-positive', priority: 'urgent' }]],
    ['C-SSRS recent behaviour (high)', 'C-SSRS-Screener', [0, 0, null, null, null, 1, 1], [{ code: 'cssrs-positive', priority: 'urgent' }]],
    ['C-SSRS positive but incomplete', 'C-SSRS-Screener', [1, null, null, null, null, null, null], [{ code: 'cssrs-positive', priority: 'high' }]],
    ['EPDS item 10 above 0', 'EPDS', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], [{ code: 'epds-item10-positive', priority: 'urgent' }]],
    ['MADRS item 10 at 3', 'MADRS', [2, 2, 2, 2, 2, 2, 2, 2, 2, 3], [{ code: 'madrs-item10-escalation', priority: 'high' }]],
    ['MADRS item 10 at 1', 'MADRS', [2, 2, 2, 2, 2, 2, 2, 2, 2, 1], [{ code: 'madrs-item10-nonzero', priority: 'routine' }]],
    ['GAD-7 (no suicide item)', 'GAD-7', [3, 3, 3, 3, 3, 3, 3], []],
  ])('%s', (_t, id, responses, expected) => {
    expect(alerts(id, responses)).toEqual(expected);
  });
});
