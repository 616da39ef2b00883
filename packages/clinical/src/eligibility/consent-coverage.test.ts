import { describe, expect, it } from 'vitest';
import type { SignedConsentFact, TemplateVersionFact } from './consent-coverage.ts';
import { consentCoverage } from './consent-coverage.ts';

const signed = (templateVersion: number, signedOn: string, extra: Partial<SignedConsentFact> = {}): SignedConsentFact => ({
  id: `c${templateVersion}-${signedOn}`, templateKey: 'iv-ketamine-off-label', templateVersion, route: 'iv-ketamine', signedOn, maxDoseMgPerKg: 0.5, ...extra,
});
const version = (v: number, materialChange: boolean): TemplateVersionFact => ({ templateKey: 'iv-ketamine-off-label', version: v, materialChange });

describe('which consent covers the patient (rule 2)', () => {
  it('asks for a consent when none is signed for the route', () => {
    const r = consentCoverage([signed(1, '2026-01-05', { route: 'esketamine', templateKey: 'esketamine' })], [version(1, false)], 'iv-ketamine');
    expect(r).toEqual({ current: null, ruleFact: null, reconsentReasons: [{ code: 'no-consent', route: 'iv-ketamine' }] });
  });

  it('uses the newest signature and passes its date and dose to rule 2', () => {
    const r = consentCoverage([signed(1, '2026-01-05'), signed(1, '2026-03-01', { maxDoseMgPerKg: 0.75 })], [version(1, false)], 'iv-ketamine');
    expect(r.current?.signedOn).toBe('2026-03-01');
    expect(r.ruleFact).toEqual({ signedOn: '2026-03-01', maxDoseMgPerKg: 0.75 });
    expect(r.reconsentReasons).toEqual([]);
  });

  it.each<[string, TemplateVersionFact[], boolean]>([
    ['an editorial new version keeps the consent', [version(1, false), version(2, false)], true],
    ['a material new version demands re-consent', [version(1, false), version(2, true)], false],
    ['a material change before the signed version does not matter', [version(1, true), version(2, false)], true],
  ])('%s', (_t, templates, covered) => {
    const r = consentCoverage([signed(1, '2026-01-05')], templates, 'iv-ketamine');
    expect(r.current !== null).toBe(covered);
    if (!covered) expect(r.reconsentReasons).toEqual([{ code: 'template-changed-materially', templateKey: 'iv-ketamine-off-label', signedVersion: 1, changedInVersion: 2 }]);
  });

  it('is covered again once the patient signs the materially changed version', () => {
    const r = consentCoverage([signed(1, '2026-01-05'), signed(2, '2026-02-05')], [version(1, false), version(2, true)], 'iv-ketamine');
    expect(r.current?.templateVersion).toBe(2);
  });
});

describe('re-consent for a dose above the consent (rule 2)', () => {
  it.each<[string, number | null, number | null, boolean]>([
    ['a planned 0.75 mg/kg above the standard 0.5', 0.75, null, true],
    ['a planned 0.5 mg/kg at the standard', 0.5, null, false],
    ['a planned 0.75 mg/kg under a consent covering 1.0', 0.75, 1.0, false],
    ['no planned dose', null, null, false],
  ])('%s', (_t, planned, consentMax, reconsent) => {
    const r = consentCoverage([signed(1, '2026-01-05', { maxDoseMgPerKg: consentMax })], [version(1, false)], 'iv-ketamine', { plannedDoseMgPerKg: planned, standardMaxDoseMgPerKg: 0.5 });
    expect(r.current).not.toBeNull();
    expect(r.reconsentReasons.map((x) => x.code)).toEqual(reconsent ? ['dose-exceeds-consent'] : []);
  });
});
