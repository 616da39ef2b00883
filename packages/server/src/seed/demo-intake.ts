/**
 * The demo clinic's intake: patients at every stage, so each screen has
 * something true to show. Chloe Nakamura is blocked by a positive pregnancy test
 * (rule 4), Darnell Washington has a benzodiazepine warning (rule 8), Benjamin
 * Hart and Jordan Kowalski have open suicide-risk alerts. All people are fictional.
 */
import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { addDays, checkEligibilityDecision, validateIcd10Code, decisionRequirements, findingKey, safetyAlertsFor, scoreInstrument, type InstrumentScore, type ItemResponse } from '@glia/clinical';
import type { IntakeStage } from '@glia/contracts';
import type { Tx } from '../db/client.ts';
import {
  allergies, antidepressantTrials, assessments, consentTemplates, eligibilityAcknowledgements, eligibilityDecisions, intakeRecords, medications, observations,
  patientConsents, patients, problems, referrals, safetyAlerts, substanceUseAssessments, users,
} from '../db/schema/index.ts';
import { recordAudit, type AuditActor } from '../modules/audit/audit-service.ts';
import { getClinicRuleConfig } from '../modules/clinic-rules/clinic-rule-config.ts';
import { renderConsentPdf } from '../modules/consent/consent-pdf.ts';
import { evaluateEligibility } from '../modules/eligibility/eligibility-service.ts';
import { clinicDay } from '../modules/intake/clinic-day.ts';
import { findIntake } from '../modules/intake/intake-repo.ts';
import { setStage } from '../modules/intake/intake-service.ts';

const SYSTEM: AuditActor = { userId: null, userEmail: 'system', clientIp: null, requestId: null };
const DAY_MS = 86_400_000;

/** A fictional drawn signature: a few loops of a pen across a transparent canvas. */
export function demoSignaturePng(seed: number): Buffer {
  const png = new PNG({ width: 420, height: 120 });
  png.data.fill(0);
  for (let x = 20; x < 400; x += 0.25) {
    const y = 60 + 28 * Math.sin((x + seed * 17) / 23) * Math.cos(x / (41 + seed));
    for (let dy = -1.5; dy <= 1.5; dy += 1) {
      const i = (Math.round(y + dy) * png.width + Math.round(x)) * 4;
      png.data[i] = 20; png.data[i + 1] = 30; png.data[i + 2] = 90; png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

type Responses = ItemResponse[];
const PHQ9_MODERATELY_SEVERE: Responses = [2, 3, 2, 2, 1, 2, 2, 1, 0];
const GAD7_MODERATE: Responses = [2, 2, 2, 1, 1, 2, 1];
const CSSRS_NONE: Responses = [0, 0, null, null, null, 0, null];

export async function seedDemoIntake(tx: Tx, now: Date): Promise<void> {
  const { today } = await clinicDay(tx, now);
  const config = await getClinicRuleConfig(tx);
  const daysAgo = (n: number): Date => new Date(now.getTime() - n * DAY_MS);
  const dateAgo = (n: number): string => addDays(today, -n);
  const staff = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email.split('@')[0]!, u.id]));
  const md = staff.get('medical-director')!;
  const prescriber = staff.get('prescriber')!;
  const nurse = staff.get('nurse')!;
  const desk = staff.get('front-desk')!;

  const byName = new Map((await tx.select({ id: patients.id, given: patients.givenName, family: patients.familyName, clinician: patients.primaryClinicianId, mrn: patients.mrn, birthDate: patients.birthDate }).from(patients))
    .map((p) => [`${p.given} ${p.family}`, p]));
  const patient = (name: string): NonNullable<ReturnType<typeof byName.get>> => {
    const p = byName.get(name);
    if (!p) throw new Error(`demo intake: no demo patient ${name}`);
    return p;
  };

  const stage = async (patientId: string, to: IntakeStage, ago: number, reason: string): Promise<void> => {
    await setStage(tx, SYSTEM, patientId, await findIntake(tx, patientId), to, daysAgo(ago), reason);
  };
  const referral = async (name: string, ago: number, source: string, indication: string, reason: string, referrer: string | null): Promise<string> => {
    const p = patient(name);
    await tx.insert(referrals).values({ patientId: p.id, receivedOn: dateAgo(ago), source, indication, reason, referringClinician: referrer, createdAt: daysAgo(ago), createdBy: desk });
    await stage(p.id, 'referred', ago, 'referral received');
    return p.id;
  };
  const profile = async (patientId: string, values: Partial<typeof intakeRecords.$inferInsert>): Promise<void> => {
    await tx.update(intakeRecords).set({ ...values, updatedAt: now }).where(eq(intakeRecords.patientId, patientId));
  };
  const history = async (patientId: string, by: string, h: {
    codes: string[]; trials?: [drug: string, doseMgPerDay: number, weeks: number, outcome: string][]; meds?: [name: string, dose: number, unit: string, perDay: number][];
    allergy?: string; substance?: { currentUse: boolean; misuseSuspected: boolean; activeAbuse: boolean; substances?: string };
  }): Promise<void> => {
    const at = daysAgo(5);
    for (const code of h.codes) {
      const v = validateIcd10Code(code);
      await tx.insert(problems).values({ patientId, code, description: v.status === 'known' ? v.entry.description : code, notedOn: dateAgo(5), createdAt: at, createdBy: by });
    }
    for (const [drug, dose, weeks, outcome] of h.trials ?? []) {
      await tx.insert(antidepressantTrials).values({ patientId, drug, doseMgPerDay: dose, weeks, adequate: true, outcome, currentEpisode: true, createdAt: at, createdBy: by });
    }
    for (const [name, dose, unit, perDay] of h.meds ?? []) {
      await tx.insert(medications).values({ patientId, name, dose, doseUnit: unit, frequencyPerDay: perDay, route: 'oral', createdAt: at, createdBy: by, updatedAt: at, updatedBy: by });
    }
    if (h.allergy) await tx.insert(allergies).values({ patientId, substance: h.allergy, reaction: 'rash', severity: 'mild', createdAt: at, createdBy: by });
    const s = h.substance ?? { currentUse: false, misuseSuspected: false, activeAbuse: false };
    await tx.insert(substanceUseAssessments).values({ patientId, assessedOn: dateAgo(5), ...s, substances: s.substances ?? null, createdAt: at, createdBy: by });
  };
  const obs = async (patientId: string, ago: number, by: string, values: Omit<typeof observations.$inferInsert, 'patientId' | 'observedOn' | 'recordedAt' | 'recordedBy'>): Promise<void> => {
    await tx.insert(observations).values({ patientId, observedOn: dateAgo(ago), recordedAt: daysAgo(ago), recordedBy: by, ...values });
  };
  const baseline = async (patientId: string, by: string, weightKg: number, heightCm: number): Promise<void> => {
    await obs(patientId, 4, by, { kind: 'height', heightCm });
    await obs(patientId, 4, by, { kind: 'weight', weightKg });
    await obs(patientId, 4, by, { kind: 'vitals', systolicMmHg: 124, diastolicMmHg: 78, heartRateBpm: 72 });
  };
  const scale = async (patientId: string, instrument: string, responses: Responses, by: string, ago: number, addressedTo: string | null): Promise<void> => {
    const score = scoreInstrument(instrument, responses, config.scoring) as InstrumentScore;
    const [row] = await tx.insert(assessments).values({
      patientId, instrument, responses, total: score.total, band: score.band, complete: score.complete, score: score as unknown as Record<string, unknown>,
      context: 'intake', administeredAt: daysAgo(ago), enteredAt: daysAgo(ago), enteredBy: by,
    }).returning({ id: assessments.id });
    for (const a of safetyAlertsFor(score, responses)) {
      await tx.insert(safetyAlerts).values({ patientId, assessmentId: row!.id, code: a.code, priority: a.priority, message: a.message, addressedTo, raisedAt: daysAgo(ago) });
    }
  };
  const intakeScales = async (patientId: string, by: string, ago = 4): Promise<void> => {
    await scale(patientId, 'PHQ-9', PHQ9_MODERATELY_SEVERE, by, ago, null);
    await scale(patientId, 'GAD-7', GAD7_MODERATE, by, ago, null);
    await scale(patientId, 'C-SSRS-Screener', CSSRS_NONE, by, ago, null);
  };
  const decide = async (patientId: string, decision: 'eligible' | 'not-eligible' | 'needs-workup', signer: string, ago: number, note: string): Promise<void> => {
    const { params, facts, result } = await evaluateEligibility(tx, patientId, {}, now);
    const acknowledgements = decision === 'eligible' ? decisionRequirements(result).acknowledgementsNeeded.map(findingKey) : [];
    const check = checkEligibilityDecision(result, { decision, overrides: [], acknowledgements });
    if (!check.ok) throw new Error(`demo intake: ${decision} decision for ${patientId} is not allowed: ${check.problems.map((p) => p.kind).join(', ')}`);
    const at = daysAgo(ago);
    const [row] = await tx.insert(eligibilityDecisions).values({
      patientId, decision, occasion: params.occasion, route: params.route, purpose: facts.purpose, referenceDate: params.plannedOn, statusAtDecision: result.status,
      facts: facts as unknown as Record<string, unknown>, result: { status: result.status, findings: result.findings.map((f) => ({ key: findingKey(f), ...f })) },
      config: config.eligibility as unknown as Record<string, unknown>, note, signedAt: at, signedBy: signer,
    }).returning({ id: eligibilityDecisions.id });
    for (const f of check.acknowledged) {
      await tx.insert(eligibilityAcknowledgements).values({ decisionId: row!.id, patientId, rule: f.rule, findingKey: findingKey(f), findingCode: f.code, findingMessage: f.message, acknowledgedBy: signer, acknowledgedAt: at });
    }
    await stage(patientId, decision, ago, `signed eligibility decision ${row!.id}`);
  };
  const consent = async (name: string, signer: string, ago: number): Promise<void> => {
    const p = patient(name);
    const [template] = await tx.select().from(consentTemplates).where(eq(consentTemplates.templateKey, 'iv-ketamine-off-label')).limit(1);
    if (!template) throw new Error('demo intake: the IV ketamine consent template is missing');
    const at = daysAgo(ago);
    const png = demoSignaturePng(p.mrn.length + ago);
    const clinic = await clinicDay(tx, now);
    const consentId = randomUUID();
    const people = new Map((await tx.select({ id: users.id, name: users.displayName, credentials: users.credentials }).from(users)).map((u) => [u.id, u]));
    const pdf = await renderConsentPdf({
      clinicName: clinic.clinicName, timeZone: clinic.timeZone, consentId, patient: { name, mrn: p.mrn, birthDate: p.birthDate },
      template: { id: template.id, key: template.templateKey, version: template.version, title: template.title, body: template.body, sha256: template.bodySha256 },
      patientTypedName: name, signaturePng: png, signedAt: at,
      witness: { name: people.get(nurse)!.name, credentials: people.get(nurse)!.credentials }, clinician: { name: people.get(signer)!.name, credentials: people.get(signer)!.credentials },
    });
    await tx.insert(patientConsents).values({
      id: consentId, patientId: p.id, templateId: template.id, templateKey: template.templateKey, templateVersion: template.version, templateSha256: template.bodySha256,
      route: template.route, maxDoseMgPerKg: template.maxDoseMgPerKg, patientTypedName: name, patientSignaturePng: png, patientSignedAt: at,
      witnessId: nurse, witnessSignedAt: at, signedAt: at, signedBy: signer, pdf, pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    });
  };
  const screened = async (name: string, o: { cbp: boolean; pregnancyTest?: 'negative' | 'positive'; meds?: [string, number, string, number][]; weightKg: number; heightCm: number; by: string }): Promise<string> => {
    const id = patient(name).id;
    await stage(id, 'intake', 5, 'intake work started');
    await profile(id, { childbearingPotential: o.cbp, psychosisHistory: false, maniaHistory: false, suicideAttempts: 0 });
    await history(id, o.by, {
      codes: ['F33.2'], trials: [['sertraline', 150, 8, 'non-response'], ['venlafaxine', 225, 6, 'partial-response']],
      meds: [['bupropion', 150, 'mg', 1], ...(o.meds ?? [])],
    });
    await baseline(id, o.by, o.weightKg, o.heightCm);
    if (o.pregnancyTest) await obs(id, 2, o.by, { kind: 'pregnancy-test', result: o.pregnancyTest, method: 'urine' });
    await intakeScales(id, o.by);
    await stage(id, 'awaiting-evaluation', 3, 'intake complete');
    return id;
  };

  // Referred: nothing but the referral yet.
  await referral('Ana Rivera', 2, 'primary-care', 'depression', 'Recurrent depression, no response to two SSRIs; asks about ketamine.', 'Dr. Helen Marsh (family medicine)');
  await referral('Isaiah Bennett', 1, 'psychiatrist', 'ptsd', 'Chronic PTSD after a road accident; trauma-focused therapy and sertraline without benefit.', 'Dr. Amir Sadeghi (psychiatry)');

  // Intake in progress, with an open suicide-risk alert for the prescriber.
  const ben = await referral('Benjamin Hart', 6, 'primary-care', 'depression', 'Major depression, recurrent, moderate; two failed medication trials.', 'Dr. Lena Fischer (internal medicine)');
  await stage(ben, 'intake', 4, 'intake work started');
  await profile(ben, { childbearingPotential: false });
  await history(ben, prescriber, { codes: ['F33.1'], trials: [['sertraline', 100, 8, 'non-response']], allergy: 'penicillin' });
  await scale(ben, 'PHQ-9', [2, 2, 2, 2, 1, 2, 1, 1, 1], nurse, 1, patient('Benjamin Hart').clinician);

  // Intake in progress, C-SSRS positive and PHQ-9 item 9 for the medical director.
  const jordan = await referral('Jordan Kowalski', 5, 'therapist', 'depression', 'Severe depression with passive suicidal thoughts; safety plan in place.', 'Sam Ortiz, LCSW');
  await stage(jordan, 'intake', 3, 'intake work started');
  await scale(jordan, 'PHQ-9', [3, 3, 2, 2, 2, 3, 2, 1, 2], nurse, 0, patient('Jordan Kowalski').clinician);
  await scale(jordan, 'C-SSRS-Screener', [1, 1, 0, 0, 0, 0, null], nurse, 0, patient('Jordan Kowalski').clinician);

  // Awaiting evaluation: blocked by a positive pregnancy test within the window (rule 4).
  await referral('Chloe Nakamura', 9, 'psychiatrist', 'depression', 'Treatment-resistant depression; referred for IV ketamine.', 'Dr. Amir Sadeghi (psychiatry)');
  await screened('Chloe Nakamura', { cbp: true, pregnancyTest: 'positive', weightKg: 61.5, heightCm: 165, by: nurse });

  // Awaiting evaluation: benzodiazepine above 8 mg diazepam-equivalent per day (rule 8 warning).
  await referral('Darnell Washington', 10, 'primary-care', 'depression', 'Long-standing depression; lorazepam for anxiety.', 'Dr. Lena Fischer (internal medicine)');
  await screened('Darnell Washington', { cbp: false, meds: [['lorazepam', 1, 'mg', 3]], weightKg: 92.4, heightCm: 180, by: nurse });

  // Eligible, consent not yet signed.
  await referral('Elena Petrova', 14, 'psychiatrist', 'depression', 'Treatment-resistant depression after three trials.', 'Dr. Amir Sadeghi (psychiatry)');
  const elena = await screened('Elena Petrova', { cbp: true, pregnancyTest: 'negative', weightKg: 68, heightCm: 170, by: nurse });
  await decide(elena, 'eligible', prescriber, 1, 'Meets TRD criteria; no contraindication found. Plan 0.5 mg/kg over 40 minutes.');

  // In treatment: eligible and consented.
  await referral('Farah Haddad', 21, 'self', 'depression', 'Self-referred after reading about ketamine for depression.', null);
  const farah = await screened('Farah Haddad', { cbp: true, pregnancyTest: 'negative', weightKg: 57.2, heightCm: 160, by: nurse });
  await decide(farah, 'eligible', md, 2, 'Eligible for a first series of six infusions.');
  await consent('Farah Haddad', md, 1);
  await stage(farah, 'in-treatment', 1, 'consent signed; first infusion booked');

  // Not eligible: active substance abuse (rule 5).
  const gabe = await referral('Gabriel Souza', 12, 'hospital', 'depression', 'Discharged after a depressive episode; ongoing alcohol use.', 'Riverbend General inpatient psychiatry');
  await stage(gabe, 'intake', 10, 'intake work started');
  await profile(gabe, { childbearingPotential: false });
  await history(gabe, md, { codes: ['F32.2', 'F10.20'], trials: [['escitalopram', 20, 6, 'non-response'], ['mirtazapine', 30, 6, 'non-response']], substance: { currentUse: true, misuseSuspected: true, activeAbuse: true, substances: 'alcohol, daily' } });
  await intakeScales(gabe, nurse, 8);
  await stage(gabe, 'awaiting-evaluation', 7, 'intake complete');
  await decide(gabe, 'not-eligible', md, 6, 'Active alcohol use disorder: serial infusions not appropriate now (rule 5). Referred to addiction services; reassess in 3 months.');

  // Needs work-up: cardiovascular risk without an ECG (rule 6).
  await referral('Hannah Whitaker', 8, 'primary-care', 'depression', 'Recurrent depression; treated hypertension.', 'Dr. Helen Marsh (family medicine)');
  const hannah = await screened('Hannah Whitaker', { cbp: false, weightKg: 79, heightCm: 168, by: nurse });
  await profile(hannah, { cardiovascularRisk: true, cardiovascularNotes: 'Hypertension on amlodipine; palpitations last year.' });
  await decide(hannah, 'needs-workup', prescriber, 1, 'Needs a 12-lead ECG before a decision (rule 6).');

  await recordAudit(tx, SYSTEM, { action: 'system.seed-demo-intake', resourceType: 'clinic', resourceId: '1', details: { patients: 11 } }, now);
}
