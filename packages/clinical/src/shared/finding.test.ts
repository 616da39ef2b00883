import { describe, expect, it } from 'vitest';
import { sortFindings, worstSeverity, type Finding } from './finding.ts';

const f = (rule: number, severity: Finding['severity']): Finding => ({
  rule, severity, code: `r${rule}`, message: 'm', facts: {}, sources: [],
});

describe('findings', () => {
  it('orders blocks before warnings before information, then by rule number', () => {
    expect(sortFindings([f(8, 'info'), f(4, 'warning'), f(10, 'block'), f(2, 'warning')]).map((x) => x.rule)).toEqual([10, 2, 4, 8]);
  });
  it('reports the worst severity, or null for none', () => {
    expect(worstSeverity([f(1, 'info'), f(2, 'warning')])).toBe('warning');
    expect(worstSeverity([f(1, 'info'), f(2, 'block')])).toBe('block');
    expect(worstSeverity([])).toBeNull();
  });
});
