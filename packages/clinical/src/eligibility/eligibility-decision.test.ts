import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../shared/finding.ts';
import type { EligibilityResult } from './assess-eligibility.ts';
import { checkEligibilityDecision, decisionRequirements, findingKey } from './eligibility-decision.ts';

const f = (rule: number, severity: Finding['severity'], code: string, facts: Finding['facts'] = {}): Finding => ({
  rule, severity, code, message: `${code}.`, facts, sources: [],
});

const pregnancy = f(4, 'block', 'pregnancy-test-positive', { pregnancyTestOn: '2026-11-20', result: 'positive' });
const consent = f(2, 'block', 'off-label-consent-missing', { consentSignedOn: null });
const benzo = f(8, 'warning', 'benzodiazepine-above-dze-threshold', { totalDiazepamEquivalentMgPerDay: 20 });
const lamotrigine = f(8, 'info', 'lamotrigine-information', { medication: 'lamotrigine' });
const result: EligibilityResult = { status: 'blocked', findings: [pregnancy, consent, benzo, lamotrigine] };
const reason = 'Termination planned; obstetric team consulted.';

describe('finding keys', () => {
  it('is the same for the same rule, code and facts whatever the key order', () => {
    expect(findingKey(f(8, 'warning', 'x', { a: 1, b: 'z' }))).toBe(findingKey(f(8, 'warning', 'x', { b: 'z', a: 1 })));
  });
  it.each<[string, Finding]>([
    ['another rule', f(7, 'warning', 'x', { a: 1 })],
    ['another code', f(8, 'warning', 'y', { a: 1 })],
    ['another fact value', f(8, 'warning', 'x', { a: 2 })],
  ])('changes with %s', (_t, other) => {
    expect(findingKey(other)).not.toBe(findingKey(f(8, 'warning', 'x', { a: 1 })));
  });
});

describe('what an eligible decision needs (rules 1-8)', () => {
  it('asks overrides for blocks, acknowledgements for warnings, and leaves rule 2 consent to the consent step', () => {
    expect(decisionRequirements(result)).toEqual({ overridesNeeded: [pregnancy], acknowledgementsNeeded: [benzo], satisfiedByConsent: [consent] });
  });

  it('accepts "eligible" with every block overridden with a reason and every warning acknowledged', () => {
    const r = checkEligibilityDecision(result, { decision: 'eligible', overrides: [{ key: findingKey(pregnancy), reason }], acknowledgements: [findingKey(benzo)] });
    expect(r.ok).toBe(true);
    expect(r.overridden).toEqual([{ finding: pregnancy, reason }]);
    expect(r.acknowledged).toEqual([benzo]);
  });

  it.each([
    ['refuses "eligible" with a rule 4 block not overridden', { overrides: [], acknowledgements: [findingKey(benzo)] }, ['override-missing'], [4]],
    ['refuses an override without a real reason', { overrides: [{ key: findingKey(pregnancy), reason: ' ok ' }], acknowledgements: [findingKey(benzo)] }, ['override-reason-too-short'], [4]],
    ['refuses "eligible" with a rule 8 warning not acknowledged', { overrides: [{ key: findingKey(pregnancy), reason }], acknowledgements: [] }, ['acknowledgement-missing'], [8]],
    ['refuses an override of a warning', { overrides: [{ key: findingKey(pregnancy), reason }, { key: findingKey(benzo), reason }], acknowledgements: [findingKey(benzo)] }, ['not-a-block'], [8]],
    ['refuses acknowledging information', { overrides: [{ key: findingKey(pregnancy), reason }], acknowledgements: [findingKey(benzo), findingKey(lamotrigine)] }, ['not-a-warning'], [8]],
    ['refuses a key from a stale panel', { overrides: [{ key: 'r4.pregnancy-test-positive.00000000', reason }], acknowledgements: [findingKey(benzo)] }, ['unknown-finding', 'override-missing'], [null, 4]],
  ])('%s', (_t, input, kinds, rules) => {
    const r = checkEligibilityDecision(result, { decision: 'eligible', ...input });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.kind)).toEqual(kinds);
    expect(r.problems.map((p) => p.rule)).toEqual(rules);
  });

  it.each(['not-eligible', 'needs-workup'] as const)('accepts "%s" with blocks open and no overrides', (decision) => {
    expect(checkEligibilityDecision(result, { decision, overrides: [], acknowledgements: [] }).ok).toBe(true);
  });

  it('refuses an override on a "not eligible" decision', () => {
    const r = checkEligibilityDecision(result, { decision: 'not-eligible', overrides: [{ key: findingKey(pregnancy), reason }], acknowledgements: [] });
    expect(r.problems.map((p) => p.kind)).toEqual(['override-not-needed']);
  });
});

describe('eligible decisions never pass an open block (property)', () => {
  const findingArb = fc.record({
    rule: fc.integer({ min: 1, max: 8 }),
    severity: fc.constantFrom<Finding['severity']>('block', 'warning', 'info'),
    code: fc.constantFrom('a', 'b', 'off-label-consent-missing', 're-consent-required'),
    message: fc.constant('m'),
    facts: fc.dictionary(fc.constantFrom('x', 'y'), fc.oneof(fc.integer(), fc.boolean(), fc.constant(null))),
    sources: fc.constant([] as string[]),
  });

  it('is accepted with everything documented and refused when any one override or acknowledgement is dropped', () => {
    fc.assert(fc.property(fc.array(findingArb, { maxLength: 8 }), fc.nat(), (findings, drop) => {
      const res: EligibilityResult = { status: 'blocked', findings };
      const req = decisionRequirements(res);
      const overrides = [...new Set(req.overridesNeeded.map(findingKey))].map((key) => ({ key, reason }));
      const acknowledgements = [...new Set(req.acknowledgementsNeeded.map(findingKey))];
      expect(checkEligibilityDecision(res, { decision: 'eligible', overrides, acknowledgements }).ok).toBe(true);
      const total = overrides.length + acknowledgements.length;
      if (total === 0) return;
      const i = drop % total;
      const fewer = i < overrides.length
        ? { overrides: overrides.filter((_, j) => j !== i), acknowledgements }
        : { overrides, acknowledgements: acknowledgements.filter((_, j) => j !== i - overrides.length) };
      expect(checkEligibilityDecision(res, { decision: 'eligible', ...fewer }).ok).toBe(false);
    }));
  });
});
