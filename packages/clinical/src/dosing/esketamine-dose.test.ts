import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSING_CONFIG, resolveDosingConfig } from './dosing-config.ts';
import { checkEsketamineDose, type EsketamineDoseCheck, type EsketamineDoseInput } from './esketamine-dose.ts';

const T0 = Date.parse('2025-03-04T09:00:00Z');
const at = (min: number): Date => new Date(T0 + min * 60_000);

function check(input: EsketamineDoseInput, config = DEFAULT_DOSING_CONFIG): EsketamineDoseCheck {
  const r = checkEsketamineDose(input, config);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

const codes = (c: EsketamineDoseCheck): string[] => c.findings.map((f) => `${f.severity}:${f.code}`);

describe('esketamine dose (rule 13)', () => {
  it.each([
    { title: 'accepts 56 mg on day 1 under 65 (rule 13)', input: { doseMg: 56, ageYears: 40, priorDosesMg: [] }, expected: [] },
    { title: 'accepts 28 mg on day 1 at 65 or over (rule 13)', input: { doseMg: 28, ageYears: 65, priorDosesMg: [] }, expected: [] },
    { title: 'blocks 56 mg on day 1 at 70 years, where the label starts at 28 mg (rule 13)', input: { doseMg: 56, ageYears: 70, priorDosesMg: [] }, expected: ['block:esketamine-day1-dose'] },
    { title: 'blocks 28 mg on day 1 under 65, where the label starts at 56 mg (rule 13)', input: { doseMg: 28, ageYears: 64, priorDosesMg: [] }, expected: ['block:esketamine-day1-dose'] },
    { title: 'blocks 84 mg on day 1 for treatment-resistant depression (rule 13)', input: { doseMg: 84, ageYears: 40, priorDosesMg: [] }, expected: ['block:esketamine-day1-dose'] },
    { title: 'accepts 84 mg on day 1 for MDD with acute suicidal ideation under 65 (rule 13)', input: { doseMg: 84, ageYears: 40, priorDosesMg: [], indication: 'mdd_with_si' as const }, expected: [] },
    { title: 'blocks a 42 mg dose, which is not 28, 56 or 84 mg (rule 13)', input: { doseMg: 42, ageYears: 40, priorDosesMg: [56] }, expected: ['block:esketamine-dose-not-allowed'] },
    { title: 'blocks 84 mg after only 28 mg doses (rule 13)', input: { doseMg: 84, ageYears: 70, priorDosesMg: [28, 28] }, expected: ['block:esketamine-max-dose-without-prior'] },
    { title: 'accepts 84 mg after a prior 56 mg dose (rule 13)', input: { doseMg: 84, ageYears: 40, priorDosesMg: [56] }, expected: [] },
    { title: 'accepts 84 mg after a prior 84 mg dose (rule 13)', input: { doseMg: 84, ageYears: 40, priorDosesMg: [84] }, expected: [] },
  ])('$title', ({ input, expected }) => {
    const c = check(input);
    expect(codes(c)).toEqual(expected);
    expect(c.blocked).toBe(expected.some((x) => x.startsWith('block')));
  });

  it.each([
    { title: 'accepts three devices 5 min apart for 84 mg (rule 13)', times: [0, 5, 10], expected: [] },
    { title: 'blocks a second device used 4 min after the first (rule 13)', times: [0, 4, 10], expected: ['block:esketamine-device-gap-too-short'] },
    { title: 'notes devices still to come and when the next may be used (rule 13)', times: [0, 5], expected: ['info:esketamine-devices-pending'] },
    { title: 'blocks a fourth device recorded for an 84 mg dose (rule 13)', times: [0, 5, 10, 15], expected: ['block:esketamine-too-many-devices'] },
    { title: 'checks device gaps in time order whatever the recording order (rule 13)', times: [10, 0, 5], expected: [] },
  ])('$title', ({ times, expected }) => {
    const c = check({ doseMg: 84, ageYears: 40, priorDosesMg: [56], deviceTimes: times.map(at) });
    expect(codes(c)).toEqual(expected);
    expect(c.devices).toBe(3);
    expect(c.deviceGapsMin).toEqual([...times].sort((a, b) => a - b).slice(1).map((t, i) => t - ([...times].sort((a, b) => a - b)[i] ?? 0)));
    if (times.length === 2) expect(c.nextDeviceNotBefore?.getTime()).toBe(at(10).getTime());
  });

  it('makes a short device gap a warning when the clinic configures it so (rule 13)', () => {
    const c = check({ doseMg: 56, ageYears: 40, priorDosesMg: [], deviceTimes: [at(0), at(3)] }, resolveDosingConfig({ esketamine: { deviceGapSeverity: 'warning' } }));
    expect(codes(c)).toEqual(['warning:esketamine-device-gap-too-short']);
  });

  it.each([
    { title: 'a negative dose', input: { doseMg: -28, ageYears: 40, priorDosesMg: [] }, field: 'doseMg' },
    { title: 'an age of 200', input: { doseMg: 56, ageYears: 200, priorDosesMg: [] }, field: 'ageYears' },
    { title: 'an invalid device time', input: { doseMg: 56, ageYears: 40, priorDosesMg: [], deviceTimes: [new Date(Number.NaN)] }, field: 'deviceTimes' },
    { title: 'a zero prior dose', input: { doseMg: 56, ageYears: 40, priorDosesMg: [0] }, field: 'priorDosesMg' },
  ])('returns an error for $title (rule 13)', ({ input, field }) => {
    const r = checkEsketamineDose(input, DEFAULT_DOSING_CONFIG);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field)).toContain(field);
  });
});
