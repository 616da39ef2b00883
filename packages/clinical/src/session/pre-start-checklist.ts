/**
 * The day-of-treatment checks before dosing may start (clinical.md §6.2, §15
 * rules 18 and 19).
 */
import type { Finding } from '../shared/finding.ts';
import { sortFindings } from '../shared/finding.ts';
import { DEFAULT_MONITORING_CONFIG } from '../monitoring/monitoring-config.ts';
import type { MonitoringConfig } from '../monitoring/monitoring-config.ts';
import { minutesBetween } from '../monitoring/time.ts';
import { checkPreDoseBp } from '../monitoring/vitals-alerts.ts';
import type { BaselineVitals, PreDoseBpDecision } from '../monitoring/vitals-types.ts';
import { DEFAULT_SESSION_CONFIG } from './session-config.ts';
import type { FastingRule, SessionConfig } from './session-config.ts';

export type TreatmentKind = 'iv-ketamine' | 'esketamine';

export interface FastingRecord {
  /** Last solid food (incl. milk); null = none within the fasting window, as reported. */
  lastSolidsAt: Date | null;
  /** Last liquid of the kind the clinic rule names; null = none within the fasting window. */
  lastLiquidsAt: Date | null;
  recordedAt: Date;
}

export interface PregnancyTest {
  result: 'negative' | 'positive';
  takenAt: Date;
}

export interface CompletedInstrument {
  instrumentId: string;
  completedAt: Date;
}

export interface PreStartChecklistInput {
  kind: TreatmentKind;
  escort: { name: string; phone: string } | null;
  /** Null = fasting status not recorded. */
  fasting: FastingRecord | null;
  childbearingPotential: boolean;
  pregnancyTest: PregnancyTest | null;
  weightMeasuredAt: Date | null;
  baseline: BaselineVitals | null;
  /** Instrument ids the visit requires, e.g. DEFAULT_REQUIRED_VISIT_INSTRUMENTS. */
  requiredInstrumentIds: readonly string[];
  completedInstruments: readonly CompletedInstrument[];
  now: Date;
  config?: SessionConfig;
}

export type ChecklistItemId = 'escort' | 'fasting' | 'pregnancy' | 'weight' | 'baseline-vitals' | 'visit-scales';

export interface ChecklistItem {
  id: ChecklistItemId;
  status: 'met' | 'unmet' | 'not-applicable';
  /** Present when unmet. A 'warning' finding does not make the checklist incomplete. */
  finding?: Finding;
}

export interface PreStartChecklist {
  /** True when no item has a block finding. */
  complete: boolean;
  items: ChecklistItem[];
}

const MIN_PER_DAY = 24 * 60;

function finding(code: string, message: string, facts: Finding['facts'], thresholds: Finding['thresholds'], sources: string[], severity: Finding['severity'] = 'block'): Finding {
  return { rule: 18, severity, code, message, facts, ...(thresholds ? { thresholds } : {}), sources };
}

function item(id: ChecklistItemId, unmet: Finding | null): ChecklistItem {
  return unmet === null ? { id, status: 'met' } : { id, status: 'unmet', finding: unmet };
}

function digitCount(phone: string): number {
  return phone.replace(/\D/g, '').length;
}

function escortItem(input: PreStartChecklistInput, config: SessionConfig): ChecklistItem {
  const { escort } = input;
  if (escort === null || escort.name.trim() === '') {
    return item('escort', finding('escort-missing', 'Record the escort who will take the patient home (name and phone).', { escortRecorded: escort !== null }, undefined, ['S5', 'S63']));
  }
  if (digitCount(escort.phone) < config.escortPhoneMinDigits) {
    return item('escort', finding('escort-phone-missing', `The escort's phone number is missing or has fewer than ${config.escortPhoneMinDigits} digits.`, { phoneDigits: digitCount(escort.phone) }, { escortPhoneMinDigits: config.escortPhoneMinDigits }, ['S5', 'S63']));
  }
  return item('escort', null);
}

function fastingItem(input: PreStartChecklistInput, config: SessionConfig): ChecklistItem {
  const rule: FastingRule | null = input.kind === 'esketamine' ? config.fasting.esketamine : config.fasting.ivKetamine;
  if (rule === null) return { id: 'fasting', status: 'not-applicable' };
  const sources = input.kind === 'esketamine' ? ['S5', 'S59'] : ['S45', 'S44'];
  const { fasting } = input;
  if (fasting === null) {
    return item('fasting', finding('fasting-not-recorded', 'Record when the patient last ate and drank.', {}, undefined, sources));
  }
  const sinceSolidsMin = fasting.lastSolidsAt === null ? null : minutesBetween(fasting.lastSolidsAt, input.now);
  const sinceLiquidsMin = fasting.lastLiquidsAt === null ? null : minutesBetween(fasting.lastLiquidsAt, input.now);
  const solidsShort = sinceSolidsMin !== null && sinceSolidsMin < rule.solidsFastMin;
  const liquidsShort = sinceLiquidsMin !== null && sinceLiquidsMin < rule.liquidsFastMin;
  if (!solidsShort && !liquidsShort) return item('fasting', null);
  const parts = [
    ...(solidsShort ? [`food ${Math.floor(sinceSolidsMin)} min ago (needs ${rule.solidsFastMin})`] : []),
    ...(liquidsShort ? [`liquids ${Math.floor(sinceLiquidsMin)} min ago (needs ${rule.liquidsFastMin})`] : []),
  ];
  return item(
    'fasting',
    finding(
      'fasting-not-met',
      `Fasting does not meet the clinic rule: ${parts.join('; ')}.`,
      { sinceSolidsMin: sinceSolidsMin === null ? null : Math.floor(sinceSolidsMin), sinceLiquidsMin: sinceLiquidsMin === null ? null : Math.floor(sinceLiquidsMin) },
      { solidsFastMin: rule.solidsFastMin, liquidsFastMin: rule.liquidsFastMin },
      sources,
      config.fasting.unmetSeverity,
    ),
  );
}

function pregnancyItem(input: PreStartChecklistInput, config: SessionConfig): ChecklistItem {
  if (!input.childbearingPotential) return { id: 'pregnancy', status: 'not-applicable' };
  const test = input.pregnancyTest;
  const thresholds = { pregnancyTestMaxAgeDays: config.pregnancyTestMaxAgeDays };
  if (test === null || test.takenAt.getTime() > input.now.getTime()) {
    return item('pregnancy', finding('pregnancy-status-missing', 'No pregnancy test is on file for a patient of childbearing potential.', {}, thresholds, ['S51', 'S4', 'S5']));
  }
  const ageDays = minutesBetween(test.takenAt, input.now) / MIN_PER_DAY;
  if (test.result === 'positive') {
    return item('pregnancy', finding('pregnancy-test-positive', 'The latest pregnancy test is positive; a prescriber must review before dosing.', { testAgeDays: Math.floor(ageDays) }, undefined, ['S4', 'S5']));
  }
  if (ageDays > config.pregnancyTestMaxAgeDays) {
    return item('pregnancy', finding('pregnancy-status-not-current', `The negative pregnancy test is ${Math.floor(ageDays)} days old; it must be within ${config.pregnancyTestMaxAgeDays} days.`, { testAgeDays: Math.floor(ageDays) }, thresholds, ['S51']));
  }
  return item('pregnancy', null);
}

function weightItem(input: PreStartChecklistInput, config: SessionConfig): ChecklistItem {
  if (input.kind === 'esketamine') return { id: 'weight', status: 'not-applicable' };
  const thresholds = { weightMaxAgeDays: config.weightMaxAgeDays };
  if (input.weightMeasuredAt === null || input.weightMeasuredAt.getTime() > input.now.getTime()) {
    return item('weight', finding('weight-missing', 'No weight is recorded for the mg/kg dose.', {}, thresholds, ['S17', 'S20']));
  }
  const ageDays = minutesBetween(input.weightMeasuredAt, input.now) / MIN_PER_DAY;
  if (ageDays > config.weightMaxAgeDays) {
    return item('weight', finding('weight-not-current', `The weight is ${Math.floor(ageDays)} days old; re-weigh (limit ${config.weightMaxAgeDays} days).`, { weightAgeDays: Math.floor(ageDays) }, thresholds, ['S17', 'S20']));
  }
  return item('weight', null);
}

function baselineItem(input: PreStartChecklistInput, config: SessionConfig): ChecklistItem {
  const b = input.baseline;
  const thresholds = { baselineMaxAgeMin: config.baselineMaxAgeMin, baselineRequiresRespRate: config.baselineRequiresRespRate };
  if (b === null) {
    return item('baseline-vitals', finding('baseline-vitals-missing', 'Enter baseline BP, heart rate and SpO2 before starting.', {}, thresholds, ['S5', 'S44']));
  }
  const has = (v: number | null): boolean => typeof v === 'number' && Number.isFinite(v);
  const missing = [
    ...(has(b.systolicMmHg) && has(b.diastolicMmHg) ? [] : ['BP']),
    ...(has(b.heartRateBpm) ? [] : ['heart rate']),
    ...(has(b.spo2Pct) ? [] : ['SpO2']),
    ...(config.baselineRequiresRespRate && !has(b.respRatePerMin) ? ['respiratory rate'] : []),
  ];
  if (missing.length > 0) {
    return item('baseline-vitals', finding('baseline-vitals-incomplete', `Baseline ${missing.join(', ')} not entered.`, { missing: missing.join(', ') }, thresholds, ['S5', 'S44']));
  }
  const ageMin = minutesBetween(b.takenAt, input.now);
  if (ageMin < 0 || ageMin > config.baselineMaxAgeMin) {
    return item('baseline-vitals', finding('baseline-vitals-not-current', `Baseline vitals are ${Math.floor(ageMin)} min old; take them again (limit ${config.baselineMaxAgeMin} min).`, { baselineAgeMin: Math.floor(ageMin) }, thresholds, ['S5']));
  }
  return item('baseline-vitals', null);
}

function scalesItem(input: PreStartChecklistInput, config: SessionConfig): ChecklistItem {
  if (input.requiredInstrumentIds.length === 0) return { id: 'visit-scales', status: 'not-applicable' };
  const windowStartMs = input.now.getTime() - config.visitScalesMaxAgeHours * 3_600_000;
  const done = new Set(
    input.completedInstruments
      .filter((c) => c.completedAt.getTime() >= windowStartMs && c.completedAt.getTime() <= input.now.getTime())
      .map((c) => c.instrumentId),
  );
  const missing = [...new Set(input.requiredInstrumentIds)].filter((id) => !done.has(id));
  if (missing.length === 0) return item('visit-scales', null);
  return item(
    'visit-scales',
    finding('visit-scales-incomplete', `Scales for this visit not completed: ${missing.join(', ')}.`, { missing: missing.join(', ') }, { visitScalesMaxAgeHours: config.visitScalesMaxAgeHours }, ['S58', 'S28']),
  );
}

/**
 * Evaluates the rule 18 pre-start checklist: escort name and phone; fasting against
 * the clinic rule for the treatment (IV 6 h solids / 2 h clear liquids, esketamine
 * 2 h food / 30 min liquids, CONFIG); a current negative pregnancy test for patients
 * of childbearing potential (7 days); weight within 30 days (IV only); baseline
 * BP/HR/SpO2 (RR optional) taken within 60 min; and every required visit scale
 * completed within 24 h. Every unmet item carries its finding.
 * See clinical.md §15 rule 18 (and rules 4, 9, 31); sources [S5], [S45], [S51], [S63].
 */
export function evaluatePreStartChecklist(input: PreStartChecklistInput): PreStartChecklist {
  const config = input.config ?? DEFAULT_SESSION_CONFIG;
  const items = [
    escortItem(input, config),
    fastingItem(input, config),
    pregnancyItem(input, config),
    weightItem(input, config),
    baselineItem(input, config),
    scalesItem(input, config),
  ];
  return { complete: items.every((i) => i.finding?.severity !== 'block'), items };
}

export interface StartGateInput {
  checklist: PreStartChecklist;
  baseline: BaselineVitals | null;
  preDoseDecision: PreDoseBpDecision | null;
  now: Date;
  monitoringConfig?: MonitoringConfig;
}

export interface StartGate {
  allowed: boolean;
  findings: Finding[];
}

/**
 * Whether dosing (pump start or esketamine dose) may begin: the rule 18 checklist
 * must be complete, and a pre-dose BP above 140/90 needs a recorded clinician
 * "proceed" decision with a reason, made after that BP was taken and not in the
 * future (rule 19). In hard-stop mode an above-threshold BP blocks regardless; the
 * server's documented override is the only way through.
 * See clinical.md §15 rules 18 and 19; sources [S5], [S44] Accelerated Psychiatry.
 */
export function evaluateStartGate(input: StartGateInput): StartGate {
  const config = input.monitoringConfig ?? DEFAULT_MONITORING_CONFIG;
  const findings: Finding[] = [];
  if (!input.checklist.complete) {
    const unmet = input.checklist.items.filter((i) => i.finding?.severity === 'block').map((i) => i.id);
    findings.push({
      rule: 18,
      severity: 'block',
      code: 'pre-start-checklist-incomplete',
      message: `The pre-start checklist is incomplete: ${unmet.join(', ')}.`,
      facts: { unmetItems: unmet.join(',') },
      sources: ['S5', 'S45', 'S63'],
    });
  }
  const { baseline } = input;
  if (baseline !== null) {
    const check = checkPreDoseBp(baseline, config);
    if (check.aboveThreshold) {
      const bp = `${baseline.systolicMmHg ?? '?'}/${baseline.diastolicMmHg ?? '?'} mmHg`;
      const limit = `${config.preDoseBp.systolicAboveMmHg}/${config.preDoseBp.diastolicAboveMmHg} mmHg`;
      const facts = { systolicMmHg: baseline.systolicMmHg, diastolicMmHg: baseline.diastolicMmHg };
      const thresholds = {
        'preDoseBp.systolicAboveMmHg': config.preDoseBp.systolicAboveMmHg,
        'preDoseBp.diastolicAboveMmHg': config.preDoseBp.diastolicAboveMmHg,
        'preDoseBp.mode': config.preDoseBp.mode,
      };
      const decision = input.preDoseDecision;
      const decisionValid =
        decision !== null &&
        decision.reason.trim() !== '' &&
        decision.decidedByUserId.trim() !== '' &&
        decision.decidedAt.getTime() >= baseline.takenAt.getTime() &&
        decision.decidedAt.getTime() <= input.now.getTime();
      if (config.preDoseBp.mode === 'hard-stop') {
        findings.push({ rule: 19, severity: 'block', code: 'pre-dose-bp-hard-stop', message: `Pre-dose BP ${bp} is above ${limit}; the clinic does not start above this level.`, facts, thresholds, sources: ['S44'] });
      } else if (!decisionValid) {
        findings.push({ rule: 19, severity: 'block', code: 'pre-dose-bp-decision-required', message: `Pre-dose BP ${bp} is above ${limit}; record a proceed or delay decision with a reason before starting.`, facts: { ...facts, decisionRecorded: decision !== null }, thresholds, sources: ['S5'] });
      } else if (decision.decision === 'delay') {
        findings.push({ rule: 19, severity: 'block', code: 'pre-dose-bp-delay-decided', message: `A clinician decided to delay dosing for pre-dose BP ${bp}: ${decision.reason}`, facts: { ...facts, decidedByUserId: decision.decidedByUserId }, thresholds, sources: ['S5'] });
      } else {
        findings.push({ rule: 19, severity: 'info', code: 'pre-dose-bp-proceed-recorded', message: `Proceeding with pre-dose BP ${bp} on a clinician decision: ${decision.reason}`, facts: { ...facts, decidedByUserId: decision.decidedByUserId }, thresholds, sources: ['S5'] });
      }
    }
  }
  const sorted = sortFindings(findings);
  return { allowed: !sorted.some((f) => f.severity === 'block'), findings: sorted };
}
