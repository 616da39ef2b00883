/**
 * Spravato REMS obligations of an outpatient healthcare setting (clinical.md §12,
 * §15 rule 30): patient enrollment before the first session and a Patient
 * Monitoring Form within 7 days after every session. Inpatient settings need
 * neither (they still report adverse events).
 */
import type { Finding } from '../shared/finding.ts';
import { DEFAULT_SESSION_CONFIG } from './session-config.ts';
import type { SessionConfig } from './session-config.ts';

export type RemsSetting = 'outpatient' | 'inpatient';

export interface RemsEnrollmentInput {
  setting: RemsSetting;
  isFirstSession: boolean;
  patientEnrolled: boolean;
  /** Whether the healthcare setting is REMS-certified; omit when the server checks it elsewhere. */
  settingCertified?: boolean;
}

/**
 * Checks REMS enrollment before an esketamine session: blocks a first outpatient
 * session without patient enrollment, warns on a later session without it, and
 * blocks any session in a setting recorded as not certified.
 * See clinical.md §15 rule 30 and §12; source [S6].
 */
export function checkRemsEnrollment(input: RemsEnrollmentInput): Finding[] {
  const findings: Finding[] = [];
  if (input.settingCertified === false) {
    findings.push({ rule: 30, severity: 'block', code: 'rems-setting-not-certified', message: 'This healthcare setting is not REMS-certified; esketamine cannot be given here.', facts: { setting: input.setting }, sources: ['S6'] });
  }
  if (input.setting === 'outpatient' && !input.patientEnrolled) {
    findings.push(
      input.isFirstSession
        ? { rule: 30, severity: 'block', code: 'rems-enrollment-missing', message: 'Enroll the patient in the Spravato REMS before the first session.', facts: { isFirstSession: true }, sources: ['S6'] }
        : { rule: 30, severity: 'warning', code: 'rems-enrollment-not-on-file', message: 'No REMS patient enrollment is on file for this patient; check it before dosing.', facts: { isFirstSession: false }, sources: ['S6'] },
    );
  }
  return findings;
}

export interface RemsSessionRecord {
  sessionId: string;
  /** End of the monitoring period (or the session date) the form covers. */
  sessionEndedAt: Date;
  formSubmittedAt: Date | null;
}

export type RemsFormState = 'not-required' | 'pending' | 'overdue' | 'submitted' | 'submitted-late';

export interface RemsFormStatus {
  sessionId: string;
  state: RemsFormState;
  /** Null for inpatient settings. */
  dueAt: Date | null;
}

export interface RemsFormReport {
  forms: RemsFormStatus[];
  /** A warning per overdue form and an info per form due within the due-soon window. */
  findings: Finding[];
}

/**
 * Tracks the REMS Patient Monitoring Form of every esketamine session: due 7 days
 * (CONFIG, counted in 24-hour periods) after the session; a warning when not
 * submitted by then, information when due within 2 days.
 * See clinical.md §15 rule 30 and §12; sources [S6], [S6c].
 */
export function trackRemsMonitoringForms(
  setting: RemsSetting,
  sessions: readonly RemsSessionRecord[],
  now: Date,
  config: SessionConfig = DEFAULT_SESSION_CONFIG,
): RemsFormReport {
  if (setting === 'inpatient') {
    return { forms: sessions.map((s) => ({ sessionId: s.sessionId, state: 'not-required', dueAt: null })), findings: [] };
  }
  const dayMs = 86_400_000;
  const forms: RemsFormStatus[] = [];
  const findings: Finding[] = [];
  for (const session of sessions) {
    const dueAt = new Date(session.sessionEndedAt.getTime() + config.remsFormDueDays * dayMs);
    let state: RemsFormState;
    if (session.formSubmittedAt !== null) {
      state = session.formSubmittedAt.getTime() <= dueAt.getTime() ? 'submitted' : 'submitted-late';
    } else if (now.getTime() > dueAt.getTime()) {
      state = 'overdue';
      findings.push({
        rule: 30,
        severity: 'warning',
        code: 'rems-form-overdue',
        message: `The REMS Patient Monitoring Form for session ${session.sessionId} was due by ${dueAt.toISOString()} and has not been submitted.`,
        facts: { sessionId: session.sessionId, dueAt: dueAt.toISOString(), daysOverdue: Math.floor((now.getTime() - dueAt.getTime()) / dayMs) },
        thresholds: { remsFormDueDays: config.remsFormDueDays },
        sources: ['S6', 'S6c'],
      });
    } else {
      state = 'pending';
      if (dueAt.getTime() - now.getTime() <= config.remsFormDueSoonDays * dayMs) {
        findings.push({
          rule: 30,
          severity: 'info',
          code: 'rems-form-due-soon',
          message: `The REMS Patient Monitoring Form for session ${session.sessionId} is due by ${dueAt.toISOString()}.`,
          facts: { sessionId: session.sessionId, dueAt: dueAt.toISOString() },
          thresholds: { remsFormDueSoonDays: config.remsFormDueSoonDays },
          sources: ['S6', 'S6c'],
        });
      }
    }
    forms.push({ sessionId: session.sessionId, state, dueAt });
  }
  return { forms, findings };
}
