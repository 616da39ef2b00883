import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { patients } from './patients.ts';
import { users } from './users.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();
const createdBy = () => uuid('created_by').notNull().references(() => users.id);
const patientId = () => uuid('patient_id').notNull().references(() => patients.id);

/** A referral into the program: who sent the patient, why, for which indication. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientId(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    referringClinician: text('referring_clinician'),
    referringContact: text('referring_contact'),
    reason: text('reason').notNull(),
    indication: text('indication').notNull(),
    createdAt: createdAt(),
    createdBy: createdBy(),
  },
  (t) => [
    index('referrals_patient_idx').on(t.patientId, t.receivedOn),
    check('referrals_source_valid', sql`${t.source} IN ('self', 'psychiatrist', 'primary-care', 'therapist', 'hospital', 'pain-clinic', 'other')`),
  ],
);

/**
 * One per patient in the program: the intake stage and the screening facts that
 * are flags rather than lists (risks, childbearing potential, contraindications,
 * psychiatric history). Edited with optimistic concurrency (`version`).
 */
export const intakeRecords = pgTable(
  'intake_records',
  {
    patientId: uuid('patient_id').primaryKey().references(() => patients.id),
    stage: text('stage').notNull(),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true, mode: 'date' }).notNull(),
    stageChangedBy: uuid('stage_changed_by').references(() => users.id),
    /** null = not recorded, treated as possible (rule 4). */
    childbearingPotential: boolean('childbearing_potential'),
    cardiovascularRisk: boolean('cardiovascular_risk').notNull().default(false),
    cardiovascularNotes: text('cardiovascular_notes'),
    liverRisk: boolean('liver_risk').notNull().default(false),
    liverNotes: text('liver_notes'),
    highDosePainCoursesPlanned: boolean('high_dose_pain_courses_planned').notNull().default(false),
    contraindications: text('contraindications').array().notNull().default(sql`'{}'::text[]`),
    psychosisHistory: boolean('psychosis_history'),
    maniaHistory: boolean('mania_history'),
    suicideAttempts: smallint('suicide_attempts'),
    lastSuicideAttemptOn: date('last_suicide_attempt_on', { mode: 'string' }),
    psychiatricNotes: text('psychiatric_notes'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('intake_records_stage_idx').on(t.stage),
    check('intake_records_stage_valid', sql`${t.stage} IN ('referred', 'intake', 'awaiting-evaluation', 'eligible', 'not-eligible', 'needs-workup', 'in-treatment')`),
    check('intake_records_suicide_attempts_range', sql`${t.suicideAttempts} IS NULL OR ${t.suicideAttempts} BETWEEN 0 AND 100`),
  ],
);

/** Every stage change, append-only: the visible path from referral to treatment. */
export const intakeStageChanges = pgTable(
  'intake_stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientId(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    reason: text('reason'),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
  },
  (t) => [index('intake_stage_changes_patient_idx').on(t.patientId, t.changedAt)],
);

/** Problem list: ICD-10-CM coded diagnoses (rule 1 reads the active ones). */
export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientId(),
    code: text('code').notNull(),
    description: text('description').notNull(),
    /** The clinician's indication for a code outside the curated list; null = the list's mapping. */
    indication: text('indication'),
    notedOn: date('noted_on', { mode: 'string' }),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    createdBy: createdBy(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
  },
  (t) => [
    index('problems_patient_idx').on(t.patientId),
    check('problems_status_valid', sql`${t.status} IN ('active', 'resolved')`),
    check('problems_code_format', sql`${t.code} ~ '^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$'`),
  ],
);

/** Antidepressant trials, from which the failed adequate trials are counted (rule 1). */
export const antidepressantTrials = pgTable(
  'antidepressant_trials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientId(),
    drug: text('drug').notNull(),
    doseMgPerDay: numeric('dose_mg_per_day', { precision: 8, scale: 2, mode: 'number' }),
    weeks: numeric('weeks', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    adequate: boolean('adequate').notNull(),
    outcome: text('outcome').notNull(),
    currentEpisode: boolean('current_episode').notNull(),
    notes: text('notes'),
    createdAt: createdAt(),
    createdBy: createdBy(),
  },
  (t) => [
    index('antidepressant_trials_patient_idx').on(t.patientId),
    check('antidepressant_trials_outcome_valid', sql`${t.outcome} IN ('non-response', 'partial-response', 'response', 'remission', 'intolerance', 'unknown')`),
    check('antidepressant_trials_weeks_range', sql`${t.weeks} > 0 AND ${t.weeks} <= 520`),
    check('antidepressant_trials_dose_range', sql`${t.doseMgPerDay} IS NULL OR ${t.doseMgPerDay} > 0`),
  ],
);

/** Current and past medications; rule 8 flags are computed from the active ones. */
export const medications = pgTable(
  'medications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientId(),
    name: text('name').notNull(),
    dose: numeric('dose', { precision: 10, scale: 3, mode: 'number' }),
    doseUnit: text('dose_unit'),
    frequencyPerDay: numeric('frequency_per_day', { precision: 5, scale: 2, mode: 'number' }),
    route: text('route'),
    active: boolean('active').notNull().default(true),
    startedOn: date('started_on', { mode: 'string' }),
    stoppedOn: date('stopped_on', { mode: 'string' }),
    createdAt: createdAt(),
    createdBy: createdBy(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('medications_patient_idx').on(t.patientId),
    check('medications_dose_range', sql`${t.dose} IS NULL OR ${t.dose} > 0`),
    check('medications_frequency_range', sql`${t.frequencyPerDay} IS NULL OR (${t.frequencyPerDay} > 0 AND ${t.frequencyPerDay} <= 24)`),
    check('medications_stopped_after_started', sql`${t.stoppedOn} IS NULL OR ${t.startedOn} IS NULL OR ${t.stoppedOn} >= ${t.startedOn}`),
  ],
);

export const allergies = pgTable(
  'allergies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientId(),
    substance: text('substance').notNull(),
    reaction: text('reaction'),
    severity: text('severity').notNull().default('unknown'),
    createdAt: createdAt(),
    createdBy: createdBy(),
  },
  (t) => [
    index('allergies_patient_idx').on(t.patientId),
    check('allergies_severity_valid', sql`${t.severity} IN ('mild', 'moderate', 'severe', 'unknown')`),
  ],
);

/** Substance-use assessments (rule 5), append-only: a newer assessment supersedes. */
export const substanceUseAssessments = pgTable(
  'substance_use_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientId(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    currentUse: boolean('current_use').notNull(),
    misuseSuspected: boolean('misuse_suspected').notNull(),
    activeAbuse: boolean('active_abuse').notNull(),
    substances: text('substances'),
    urineDrugScreenOn: date('urine_drug_screen_on', { mode: 'string' }),
    urineDrugScreenResult: text('urine_drug_screen_result'),
    notes: text('notes'),
    createdAt: createdAt(),
    createdBy: createdBy(),
  },
  (t) => [
    index('substance_use_assessments_patient_idx').on(t.patientId, t.assessedOn),
    check('substance_use_uds_result_valid', sql`${t.urineDrugScreenResult} IS NULL OR ${t.urineDrugScreenResult} IN ('negative', 'positive')`),
  ],
);

/**
 * Dated observations, append-only: weight, height, baseline vitals, pregnancy
 * tests, ECG and liver function tests. The latest by date (then entry time) is
 * the current value; dosing reads the current weight and its age (rule 9).
 */
export const observations = pgTable(
  'observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: patientId(),
    kind: text('kind').notNull(),
    /** Clinic-local date the measurement was taken or the test was done. */
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    /** The instant, when known (vitals taken in the clinic). */
    observedAt: timestamp('observed_at', { withTimezone: true, mode: 'date' }),
    weightKg: numeric('weight_kg', { precision: 5, scale: 1, mode: 'number' }),
    heightCm: numeric('height_cm', { precision: 5, scale: 1, mode: 'number' }),
    systolicMmHg: smallint('systolic_mmhg'),
    diastolicMmHg: smallint('diastolic_mmhg'),
    heartRateBpm: smallint('heart_rate_bpm'),
    /** pregnancy-test: negative | positive; ecg, lft: normal | abnormal. */
    result: text('result'),
    /** pregnancy-test: urine | serum. */
    method: text('method'),
    notes: text('notes'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedBy: uuid('recorded_by').notNull().references(() => users.id),
  },
  (t) => [
    index('observations_patient_kind_idx').on(t.patientId, t.kind, t.observedOn),
    check('observations_kind_valid', sql`${t.kind} IN ('weight', 'height', 'vitals', 'pregnancy-test', 'ecg', 'lft')`),
    check('observations_weight', sql`(${t.kind} = 'weight') = (${t.weightKg} IS NOT NULL) AND (${t.weightKg} IS NULL OR ${t.weightKg} BETWEEN 1 AND 700)`),
    check('observations_height', sql`(${t.kind} = 'height') = (${t.heightCm} IS NOT NULL) AND (${t.heightCm} IS NULL OR ${t.heightCm} BETWEEN 30 AND 300)`),
    check('observations_vitals', sql`(${t.kind} = 'vitals') = (${t.systolicMmHg} IS NOT NULL AND ${t.diastolicMmHg} IS NOT NULL) AND (${t.systolicMmHg} IS NULL OR (${t.systolicMmHg} BETWEEN 50 AND 300 AND ${t.diastolicMmHg} BETWEEN 20 AND 200 AND ${t.systolicMmHg} > ${t.diastolicMmHg}))`),
    check('observations_heart_rate', sql`${t.heartRateBpm} IS NULL OR (${t.kind} = 'vitals' AND ${t.heartRateBpm} BETWEEN 20 AND 250)`),
    check('observations_result', sql`CASE ${t.kind} WHEN 'pregnancy-test' THEN ${t.result} IN ('negative', 'positive') WHEN 'ecg' THEN ${t.result} IN ('normal', 'abnormal') WHEN 'lft' THEN ${t.result} IN ('normal', 'abnormal') ELSE ${t.result} IS NULL END`),
  ],
);
