/**
 * Eligibility and screening before psychiatric or pain infusions
 * (clinical.md §15 rules 1-8; §2, §3, §6).
 *
 * Which rules run on which occasion:
 * - rule 1 (diagnosis and failed trials): first infusion of a psychiatric course only;
 * - rule 2 (off-label consent): IV ketamine on every occasion (esketamine is on-label;
 *   its REMS enrolment is rule 30);
 * - rule 4 (pregnancy test): first infusion and each series start, or every infusion
 *   when `rule4.requiredAt` is 'every-infusion';
 * - rules 3, 5, 6, 7, 8: every occasion.
 * Dates are clinic-local 'YYYY-MM-DD'; ages are counted in whole days back from the
 * reference date (`facts.plannedOn`, default today).
 */
import type { Finding } from '../shared/finding.ts';
import { sortFindings } from '../shared/finding.ts';
import type { MedicationInput } from '../medications/classify-medication.ts';
import { classifyMedication, medicationFindings } from '../medications/classify-medication.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { SeriesKind } from '../scheduling/series-spacing.ts';
import { fromEpochDay, toEpochDay } from '../shared/calendar-date.ts';
import type { EligibilityConfig } from './eligibility-config.ts';
import { assertEligibilityConfig } from './eligibility-config.ts';
import type { Indication, IcdCodeEntry } from './icd10-codes.ts';
import { validateIcd10Code } from './icd10-codes.ts';
import type { AntidepressantTrialFact } from './failed-trials.ts';
import { countFailedAdequateTrials } from './failed-trials.ts';
import { coveredDoseMgPerKg, doseNeedsReconsent } from './consent-coverage.ts';

export type EligibilityOccasion = 'first-infusion' | 'series-start' | 'infusion';
/** Same values as the scheduling module's series kind. */
export type TreatmentRoute = SeriesKind;
export type TreatmentPurpose = 'psychiatric' | 'pain';

export interface DiagnosisFact {
  /** ICD-10-CM code, with or without the dot. */
  code: string;
  /** The indication it maps to; default: the curated list's mapping for the code. */
  indication?: Indication;
}


export interface OffLabelConsentFact {
  signedOn: CalendarDate;
  /** Highest dose the signed consent covers; default `rule2.standardConsentMaxDoseMgPerKg`. */
  maxDoseMgPerKg?: number | null;
}

/** Esketamine absolute contraindications [S5]; blocked by rule 3. */
export const ABSOLUTE_CONTRAINDICATIONS = [
  'aneurysmal-vascular-disease',
  'arteriovenous-malformation',
  'intracerebral-hemorrhage-history',
  'hypersensitivity-ketamine-esketamine',
] as const;
/** Ketamine relative contraindications [S4], [S5]; hard warning under rule 3. */
export const RELATIVE_CONTRAINDICATIONS = [
  'poorly-controlled-cardiovascular-disease',
  'pregnancy',
  'active-psychosis',
  'severe-hepatic-disease',
  'raised-intracranial-pressure',
  'raised-intraocular-pressure',
  'active-substance-abuse',
] as const;
/** Recorded for monitoring only (clinical.md §3: not a contraindication, but intensify BP monitoring). */
export const MONITORING_CONDITIONS = ['hypertensive-encephalopathy-history'] as const;

export type ContraindicationCode =
  | (typeof ABSOLUTE_CONTRAINDICATIONS)[number]
  | (typeof RELATIVE_CONTRAINDICATIONS)[number]
  | (typeof MONITORING_CONDITIONS)[number];

export interface PregnancyTestFact {
  takenOn: CalendarDate;
  result: 'negative' | 'positive';
}

export interface SubstanceUseAssessmentFact {
  assessedOn: CalendarDate;
  currentUse: boolean;
  misuseSuspected: boolean;
  activeAbuse: boolean;
  /** Date of the latest urine drug screen, if any. */
  urineDrugScreenOn?: CalendarDate | null;
}

export interface EligibilityFacts {
  occasion: EligibilityOccasion;
  route: TreatmentRoute;
  purpose: TreatmentPurpose;
  /** Date of the infusion or series start being checked; default `today`. */
  plannedOn?: CalendarDate;
  diagnoses: readonly DiagnosisFact[];
  antidepressantTrials: readonly AntidepressantTrialFact[];
  consent: OffLabelConsentFact | null;
  /** Ordered dose for this infusion; null when not yet ordered (the re-consent check is then skipped). */
  orderedDoseMgPerKg?: number | null;
  contraindications: readonly ContraindicationCode[];
  /** null = not recorded; treated as possible childbearing potential. */
  childbearingPotential: boolean | null;
  pregnancyTests: readonly PregnancyTestFact[];
  substanceUse: SubstanceUseAssessmentFact | null;
  /** True when only a single infusion is planned (rule 5 blocks serial infusions). Default false. */
  singleInfusion?: boolean;
  cardiovascularRisk: boolean;
  ecgOn?: CalendarDate | null;
  liverRisk: boolean;
  highDosePainCoursesPlanned: boolean;
  lftOn?: CalendarDate | null;
  medications: readonly MedicationInput[];
}

export type EligibilityStatus = 'blocked' | 'needs-acknowledgement' | 'clear';

export interface EligibilityResult {
  /** 'blocked' iff any finding blocks; else 'needs-acknowledgement' iff any warns; else 'clear'. */
  status: EligibilityStatus;
  /** Sorted block → warning → info, then by rule. */
  findings: Finding[];
}

const RULE_SOURCES: Record<number, string[]> = {
  1: ['S20', 'S50', 'S49'],
  2: ['S1a', 'S3'],
  3: ['S5', 'S4'],
  4: ['S51', 'S4', 'S5'],
  5: ['S1b', 'S4'],
  6: ['S4'],
  7: ['S29', 'S52'],
};

interface Diagnosis {
  code: string;
  indication: Indication | null;
  entry: IcdCodeEntry | null;
}

function finding(rule: number, severity: Finding['severity'], code: string, message: string, facts: Finding['facts'], thresholds?: Finding['thresholds']): Finding {
  return { rule, severity, code, message, facts, ...(thresholds !== undefined ? { thresholds } : {}), sources: RULE_SOURCES[rule] ?? [] };
}

function resolveDiagnoses(facts: EligibilityFacts, out: Finding[]): Diagnosis[] {
  const diagnoses: Diagnosis[] = [];
  facts.diagnoses.forEach((d, i) => {
    const v = validateIcd10Code(d.code);
    switch (v.status) {
      case 'invalid':
        out.push(finding(1, 'warning', 'diagnosis-code-invalid', `Diagnosis code '${d.code}' is not a valid ICD-10-CM code (${v.reason}); it is not counted (rule 1).`, { diagnosisIndex: i, code: d.code, reason: v.reason }));
        return;
      case 'valid-not-listed':
        if (d.indication === undefined) {
          out.push(finding(1, 'info', 'diagnosis-code-not-listed', `Diagnosis code ${v.code} is not in Glia's curated list and has no indication recorded; it does not count as an indication (rule 1).`, { diagnosisIndex: i, code: v.code }));
        }
        diagnoses.push({ code: v.code, indication: d.indication ?? null, entry: null });
        return;
      case 'known':
        diagnoses.push({ code: v.code, indication: d.indication ?? v.entry.indication, entry: v.entry });
        return;
    }
  });
  return diagnoses;
}

/** Rule 1: a documented qualifying diagnosis and, for depression, enough failed adequate trials in the current episode. */
function checkRule1(facts: EligibilityFacts, diagnoses: readonly Diagnosis[], config: EligibilityConfig, out: Finding[]): void {
  const { minFailedAdequateTrials, minTrialWeeks, countDistinct, qualifyingIndications, trialsRequiredFor } = config.rule1;
  const thresholds = { 'rule1.minFailedAdequateTrials': minFailedAdequateTrials, 'rule1.minTrialWeeks': minTrialWeeks, 'rule1.countDistinct': countDistinct };
  const qualifying = diagnoses.filter((d) => d.indication !== null && qualifyingIndications.includes(d.indication));
  if (qualifying.length === 0) {
    out.push(finding(1, 'block', 'no-qualifying-diagnosis',
      `No documented diagnosis qualifies for a first psychiatric infusion (qualifying indications: ${qualifyingIndications.join(', ')}) (rule 1).`,
      { diagnoses: diagnoses.map((d) => `${d.code}${d.indication ? ` (${d.indication})` : ''}`).join(', ') || null },
      { 'rule1.qualifyingIndications': qualifyingIndications.join(', ') }));
    return;
  }
  if (qualifying.some((d) => !trialsRequiredFor.includes(d.indication as Indication))) return;

  const tally = countFailedAdequateTrials(facts.antidepressantTrials, config.rule1);
  for (const t of tally.trials) {
    if (t.counted) continue;
    const trial = facts.antidepressantTrials[t.index] as AntidepressantTrialFact;
    if (t.reason === 'not-an-antidepressant') {
      out.push(finding(1, 'info', 'trial-drug-not-counted',
        `Trial ${t.index + 1} ('${trial.drug}') is not recognised as an antidepressant and is not counted toward treatment resistance (rule 1).`,
        { trialIndex: t.index, drug: trial.drug }));
    } else if (t.reason === 'too-short') {
      out.push(finding(1, 'info', 'trial-too-short',
        `Trial ${t.index + 1} (${trial.drug}, ${trial.weeks} weeks) is marked adequate but is shorter than ${minTrialWeeks} weeks and is not counted (rule 1).`,
        { trialIndex: t.index, drug: trial.drug, weeks: trial.weeks }, { 'rule1.minTrialWeeks': minTrialWeeks }));
    }
  }
  if (tally.count < minFailedAdequateTrials) {
    const unit = countDistinct === 'trial' ? 'trials' : countDistinct === 'drug' ? 'different antidepressants' : 'antidepressant classes';
    out.push(finding(1, 'block', 'treatment-resistance-not-documented',
      `${qualifying.map((d) => d.code).join(', ')} needs ${minFailedAdequateTrials} failed adequate antidepressant trials (${unit}) in the current episode; ${tally.count} documented (rule 1).`,
      { failedAdequateTrials: tally.count, countedAs: tally.countedAs.join(', ') || null, diagnoses: qualifying.map((d) => d.code).join(', ') },
      thresholds));
  }
}

/** Rule 2: signed off-label consent covering the ordered dose (IV ketamine). */
function checkRule2(facts: EligibilityFacts, reference: number, config: EligibilityConfig, out: Finding[]): void {
  if (facts.route !== 'iv-ketamine') return;
  const standard = config.rule2.standardConsentMaxDoseMgPerKg;
  const consent = facts.consent;
  if (consent === null || toEpochDay(consent.signedOn, 'consent.signedOn') > reference) {
    out.push(finding(2, 'block', 'off-label-consent-missing',
      'No signed off-label informed consent is on file for this infusion date; IV ketamine cannot start without it (rule 2).',
      { consentSignedOn: consent?.signedOn ?? null }));
    return;
  }
  const covered = coveredDoseMgPerKg(consent.maxDoseMgPerKg, standard);
  const ordered = facts.orderedDoseMgPerKg;
  if (ordered != null && doseNeedsReconsent(ordered, consent.maxDoseMgPerKg, standard)) {
    out.push(finding(2, 'block', 're-consent-required',
      `Ordered dose ${ordered} mg/kg exceeds the ${covered} mg/kg the signed consent covers; re-consent is required (rule 2).`,
      { orderedDoseMgPerKg: ordered, consentMaxDoseMgPerKg: covered, consentSignedOn: consent.signedOn },
      { 'rule2.standardConsentMaxDoseMgPerKg': standard }));
  }
}

const CONTRAINDICATION_TEXT: Record<ContraindicationCode, string> = {
  'aneurysmal-vascular-disease': 'aneurysmal vascular disease',
  'arteriovenous-malformation': 'arteriovenous malformation',
  'intracerebral-hemorrhage-history': 'history of intracerebral hemorrhage',
  'hypersensitivity-ketamine-esketamine': 'hypersensitivity to ketamine or esketamine',
  'poorly-controlled-cardiovascular-disease': 'poorly controlled cardiovascular disease',
  pregnancy: 'pregnancy',
  'active-psychosis': 'active psychosis',
  'severe-hepatic-disease': 'severe hepatic disease',
  'raised-intracranial-pressure': 'raised intracranial pressure',
  'raised-intraocular-pressure': 'raised intraocular pressure',
  'active-substance-abuse': 'active substance abuse',
  'hypertensive-encephalopathy-history': 'history of hypertensive encephalopathy',
};

function contraindicationSeverity(code: ContraindicationCode): Finding['severity'] {
  if ((ABSOLUTE_CONTRAINDICATIONS as readonly string[]).includes(code)) return 'block';
  if ((RELATIVE_CONTRAINDICATIONS as readonly string[]).includes(code)) return 'warning';
  return 'info';
}

/** Rule 3: absolute contraindications block, relative ones warn. */
function checkRule3(facts: EligibilityFacts, diagnoses: readonly Diagnosis[], out: Finding[]): void {
  for (const code of new Set(facts.contraindications)) {
    const text = CONTRAINDICATION_TEXT[code];
    if (text === undefined) throw new RangeError(`contraindications: unknown code '${code}'`);
    const severity = contraindicationSeverity(code);
    switch (severity) {
      case 'block':
        out.push(finding(3, 'block', 'absolute-contraindication', `Recorded ${text} is an absolute contraindication (esketamine label) (rule 3).`, { contraindication: code }));
        break;
      case 'warning':
        out.push(finding(3, 'warning', 'relative-contraindication', `Recorded ${text} is a relative contraindication to ketamine; proceed only with a documented benefit-risk decision (rule 3).`, { contraindication: code }));
        break;
      case 'info':
        out.push(finding(3, 'info', 'intensify-bp-monitoring', `Recorded ${text}: not a contraindication, but blood pressure and symptoms need more intensive monitoring (rule 3).`, { condition: code }));
        break;
    }
  }
  const psychotic = diagnoses.filter((d) => d.entry?.flags.includes('psychotic-features'));
  if (psychotic.length > 0 && !facts.contraindications.includes('active-psychosis')) {
    out.push(finding(3, 'warning', 'psychotic-features-diagnosis',
      `Diagnosis ${psychotic.map((d) => d.code).join(', ')} records psychotic features; active psychosis is a relative contraindication (rule 3).`,
      { diagnoses: psychotic.map((d) => d.code).join(', ') }));
  }
}

/** Rule 4: a negative pregnancy test within the window for patients of childbearing potential. */
function checkRule4(facts: EligibilityFacts, reference: number, config: EligibilityConfig, out: Finding[]): void {
  if (facts.childbearingPotential === false) return;
  const { pregnancyTestWindowDays, requiredAt } = config.rule4;
  const due = facts.occasion !== 'infusion' || requiredAt === 'every-infusion';
  if (!due) return;
  // The latest test inside the window decides; on the same day a positive result wins.
  let found: { day: number; test: PregnancyTestFact } | null = null;
  for (const [i, test] of facts.pregnancyTests.entries()) {
    const day = toEpochDay(test.takenOn, `pregnancyTests[${i}].takenOn`);
    if (day > reference || reference - day > pregnancyTestWindowDays) continue;
    if (found === null || day > found.day || (day === found.day && test.result === 'positive')) found = { day, test };
  }
  const thresholds = { 'rule4.pregnancyTestWindowDays': pregnancyTestWindowDays };
  const cbp = facts.childbearingPotential === null ? 'not recorded (treated as possible)' : 'yes';
  if (found === null) {
    out.push(finding(4, 'block', 'pregnancy-test-missing',
      `No pregnancy test dated ${fromEpochDay(reference)} or in the ${pregnancyTestWindowDays} days before; childbearing potential ${cbp} (rule 4).`,
      { childbearingPotential: facts.childbearingPotential, referenceDate: fromEpochDay(reference), testsOnFile: facts.pregnancyTests.length }, thresholds));
  } else if (found.test.result === 'positive') {
    out.push(finding(4, 'block', 'pregnancy-test-positive',
      `The pregnancy test of ${found.test.takenOn} is positive (rule 4).`,
      { pregnancyTestOn: found.test.takenOn, result: 'positive' }, thresholds));
  }
}

/** Rule 5: a current substance-use assessment, a UDS prompt on suspected misuse, no serial infusions in active abuse. */
function checkRule5(facts: EligibilityFacts, diagnoses: readonly Diagnosis[], reference: number, config: EligibilityConfig, out: Finding[]): void {
  const maxAge = config.rule5.assessmentMaxAgeDays;
  const a = facts.substanceUse;
  const thresholds = { 'rule5.assessmentMaxAgeDays': maxAge };
  if (a === null) {
    out.push(finding(5, 'block', 'substance-use-assessment-missing', 'No substance-use assessment is on file (rule 5).', { assessedOn: null }, thresholds));
  } else {
    const assessed = toEpochDay(a.assessedOn, 'substanceUse.assessedOn');
    const ageDays = reference - assessed;
    if (ageDays > maxAge) {
      out.push(finding(5, 'block', 'substance-use-assessment-stale',
        `The substance-use assessment of ${a.assessedOn} is ${ageDays} days old; it must be no older than ${maxAge} days (rule 5).`,
        { assessedOn: a.assessedOn, ageDays }, thresholds));
    }
    const udsOn = a.urineDrugScreenOn ?? null;
    if (a.misuseSuspected && (udsOn === null || toEpochDay(udsOn, 'substanceUse.urineDrugScreenOn') < assessed)) {
      out.push(finding(5, 'warning', 'urine-drug-screen-prompt',
        'Misuse is suspected and no urine drug screen is recorded since the assessment; consider a urine drug screen (rule 5).',
        { misuseSuspected: true, urineDrugScreenOn: udsOn, assessedOn: a.assessedOn }));
    }
    if (a.currentUse && !a.activeAbuse && !a.misuseSuspected) {
      out.push(finding(5, 'info', 'current-substance-use', 'Current substance use is recorded without suspected misuse (rule 5).', { currentUse: true }));
    }
  }
  const active = a?.activeAbuse === true || facts.contraindications.includes('active-substance-abuse');
  if (active) {
    const single = facts.singleInfusion === true;
    out.push(finding(5, single ? 'warning' : 'block', single ? 'active-substance-abuse-single-infusion' : 'active-substance-abuse-serial-infusions',
      single
        ? 'Active substance abuse is recorded; a single infusion needs universal precautions and a documented decision (rule 5).'
        : 'Active substance abuse is recorded; serial infusions are not allowed while it is active (rule 5).',
      { activeAbuse: true, singleInfusion: single }));
  } else {
    const sud = diagnoses.filter((d) => d.entry?.flags.includes('active-substance-use'));
    if (sud.length > 0) {
      out.push(finding(5, 'warning', 'substance-use-diagnosis-unreconciled',
        `Diagnosis ${sud.map((d) => d.code).join(', ')} records a substance-use disorder not in remission, but active abuse is not recorded; reconcile the assessment (rule 5).`,
        { diagnoses: sud.map((d) => d.code).join(', '), activeAbuse: false }));
    }
  }
}

function recentEnough(date: CalendarDate | null | undefined, field: string, reference: number, maxAgeDays: number | null): { ok: boolean; ageDays: number | null } {
  if (date == null) return { ok: false, ageDays: null };
  const age = reference - toEpochDay(date, field);
  return { ok: age >= 0 && (maxAgeDays === null || age <= maxAgeDays), ageDays: age };
}

/** Rule 6: ECG on file when CV risk is flagged; baseline LFTs for liver risk or frequent high-dose pain courses. */
function checkRule6(facts: EligibilityFacts, reference: number, config: EligibilityConfig, out: Finding[]): void {
  const { ecgMaxAgeDays, lftMaxAgeDays } = config.rule6;
  if (facts.cardiovascularRisk) {
    const ecg = recentEnough(facts.ecgOn, 'ecgOn', reference, ecgMaxAgeDays);
    if (!ecg.ok) {
      out.push(finding(6, 'block', 'ecg-required',
        facts.ecgOn == null
          ? 'Cardiovascular risk is flagged and no ECG is on file (rule 6).'
          : `Cardiovascular risk is flagged and the ECG of ${facts.ecgOn} is ${ecg.ageDays} days old (limit ${ecgMaxAgeDays} days) (rule 6).`,
        { cardiovascularRisk: true, ecgOn: facts.ecgOn ?? null, ecgAgeDays: ecg.ageDays }, { 'rule6.ecgMaxAgeDays': ecgMaxAgeDays }));
    }
  }
  if (facts.liverRisk || facts.highDosePainCoursesPlanned) {
    const lft = recentEnough(facts.lftOn, 'lftOn', reference, lftMaxAgeDays);
    if (!lft.ok) {
      const why = facts.liverRisk ? 'Liver risk is flagged' : 'Frequent high-dose pain courses are planned';
      out.push(finding(6, 'block', 'baseline-lft-required',
        facts.lftOn == null
          ? `${why} and no baseline liver function tests are on file (rule 6).`
          : `${why} and the liver function tests of ${facts.lftOn} are ${lft.ageDays} days old (limit ${lftMaxAgeDays} days) (rule 6).`,
        { liverRisk: facts.liverRisk, highDosePainCoursesPlanned: facts.highDosePainCoursesPlanned, lftOn: facts.lftOn ?? null, lftAgeDays: lft.ageDays },
        { 'rule6.lftMaxAgeDays': lftMaxAgeDays }));
    }
  }
}

/** Rule 7: bipolar disorder without an active mood stabilizer needs acknowledgement. */
function checkRule7(facts: EligibilityFacts, diagnoses: readonly Diagnosis[], config: EligibilityConfig, out: Finding[]): void {
  const bipolar = diagnoses.filter((d) => d.entry?.flags.includes('bipolar') || d.indication === 'bipolar-depression' || d.indication === 'bipolar-other');
  if (bipolar.length === 0) return;
  const acceptAntipsychotics = config.rule7.antipsychoticsCountAsMoodStabilizers;
  const stabilizers = facts.medications
    .filter((m) => m.active !== false)
    .filter((m) => {
      const kinds = classifyMedication(m).moodStabilizerKinds;
      return kinds.some((k) => k !== 'antipsychotic' || acceptAntipsychotics);
    });
  if (stabilizers.length > 0) return;
  out.push(finding(7, 'warning', 'bipolar-without-mood-stabilizer',
    `Bipolar disorder (${bipolar.map((d) => d.code).join(', ')}) with no active mood stabilizer on the medication list; acknowledge before proceeding (rule 7).`,
    { diagnoses: bipolar.map((d) => d.code).join(', '), activeMedications: facts.medications.filter((m) => m.active !== false).map((m) => m.name).join(', ') || null },
    { 'rule7.antipsychoticsCountAsMoodStabilizers': acceptAntipsychotics }));
}

/**
 * Assesses eligibility and screening for an infusion (clinical.md §15 rules 1-8).
 *
 * Returns every finding with its rule, severity, facts, thresholds and sources, and
 * a status: 'blocked' iff any finding blocks, else 'needs-acknowledgement' iff any
 * warns, else 'clear'. Throws a RangeError naming the field for malformed dates,
 * unknown contraindication codes or an out-of-range configuration.
 * Sources: [S20], [S50], [S49], [S1a], [S3], [S5], [S4], [S51], [S1b], [S29], [S52],
 * [S34], [S60], [S35].
 */
export function assessEligibility(facts: EligibilityFacts, config: EligibilityConfig, today: CalendarDate): EligibilityResult {
  assertEligibilityConfig(config);
  const todayDay = toEpochDay(today, 'today');
  const reference = facts.plannedOn !== undefined ? toEpochDay(facts.plannedOn, 'plannedOn') : todayDay;
  const findings: Finding[] = [];
  const diagnoses = resolveDiagnoses(facts, findings);
  if (facts.occasion === 'first-infusion' && facts.purpose === 'psychiatric') checkRule1(facts, diagnoses, config, findings);
  checkRule2(facts, reference, config, findings);
  checkRule3(facts, diagnoses, findings);
  checkRule4(facts, reference, config, findings);
  checkRule5(facts, diagnoses, reference, config, findings);
  checkRule6(facts, reference, config, findings);
  checkRule7(facts, diagnoses, config, findings);
  findings.push(...medicationFindings(facts.medications, config.rule8));
  const sorted = sortFindings(findings);
  const status: EligibilityStatus = sorted.some((f) => f.severity === 'block')
    ? 'blocked'
    : sorted.some((f) => f.severity === 'warning')
      ? 'needs-acknowledgement'
      : 'clear';
  return { status, findings: sorted };
}
