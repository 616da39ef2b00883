import { describe, expect, it } from 'vitest';
import { at } from '../monitoring/test-helpers.ts';
import { checkRemsEnrollment, trackRemsMonitoringForms } from './rems.ts';
import type { RemsEnrollmentInput } from './rems.ts';

const DAY_MIN = 24 * 60;

describe('REMS enrollment (rule 30)', () => {
  it.each([
    { title: 'blocks a first outpatient session without REMS enrollment (rule 30)', input: { setting: 'outpatient', isFirstSession: true, patientEnrolled: false }, expected: ['block:rems-enrollment-missing'] },
    { title: 'allows a first outpatient session with enrollment (rule 30)', input: { setting: 'outpatient', isFirstSession: true, patientEnrolled: true }, expected: [] },
    { title: 'warns on a later session without enrollment on file (rule 30)', input: { setting: 'outpatient', isFirstSession: false, patientEnrolled: false }, expected: ['warning:rems-enrollment-not-on-file'] },
    { title: 'does not require enrollment in an inpatient setting (rule 30)', input: { setting: 'inpatient', isFirstSession: true, patientEnrolled: false }, expected: [] },
    { title: 'blocks in a setting recorded as not certified (rule 30)', input: { setting: 'outpatient', isFirstSession: false, patientEnrolled: true, settingCertified: false }, expected: ['block:rems-setting-not-certified'] },
  ] as { title: string; input: RemsEnrollmentInput; expected: string[] }[])('$title', ({ input, expected }) => {
    expect(checkRemsEnrollment(input).map((f) => `${f.severity}:${f.code}`)).toEqual(expected);
  });
});

describe('REMS Patient Monitoring Form (rule 30)', () => {
  it.each([
    { title: 'is pending 3 days after the session (rule 30)', submitted: null, nowDays: 3, state: 'pending', finding: null },
    { title: 'is due soon 6 days after the session (rule 30)', submitted: null, nowDays: 6, state: 'pending', finding: 'info:rems-form-due-soon' },
    { title: 'alerts when not submitted within 7 days (rule 30)', submitted: null, nowDays: 7.5, state: 'overdue', finding: 'warning:rems-form-overdue' },
    { title: 'is submitted on day 6 (rule 30)', submitted: 6, nowDays: 10, state: 'submitted', finding: null },
    { title: 'is submitted late on day 9 (rule 30)', submitted: 9, nowDays: 10, state: 'submitted-late', finding: null },
  ])('$title', ({ submitted, nowDays, state, finding }) => {
    const report = trackRemsMonitoringForms(
      'outpatient',
      [{ sessionId: 's1', sessionEndedAt: at(0), formSubmittedAt: submitted === null ? null : at(submitted * DAY_MIN) }],
      at(nowDays * DAY_MIN),
    );
    expect(report.forms).toEqual([{ sessionId: 's1', state, dueAt: at(7 * DAY_MIN) }]);
    expect(report.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(finding === null ? [] : [finding]);
  });

  it('requires no form in an inpatient setting (rule 30)', () => {
    const report = trackRemsMonitoringForms('inpatient', [{ sessionId: 's1', sessionEndedAt: at(0), formSubmittedAt: null }], at(30 * DAY_MIN));
    expect(report).toEqual({ forms: [{ sessionId: 's1', state: 'not-required', dueAt: null }], findings: [] });
  });
});
