import { z } from 'zod';
import type { Indication } from '@glia/clinical';
import { ABSOLUTE_CONTRAINDICATIONS, MONITORING_CONDITIONS, RELATIVE_CONTRAINDICATIONS } from '@glia/clinical';
import { CalendarDate, Text, Uuid } from '../common.ts';

/** The patient's path through the program, in order. */
export const INTAKE_STAGES = ['referred', 'intake', 'awaiting-evaluation', 'eligible', 'not-eligible', 'needs-workup', 'in-treatment'] as const;
export const IntakeStage = z.enum(INTAKE_STAGES);
export type IntakeStage = z.infer<typeof IntakeStage>;

export const INTAKE_STAGE_LABELS: Record<IntakeStage, string> = {
  referred: 'Referred',
  intake: 'Intake in progress',
  'awaiting-evaluation': 'Awaiting evaluation',
  eligible: 'Eligible',
  'not-eligible': 'Not eligible',
  'needs-workup': 'Needs work-up',
  'in-treatment': 'In treatment',
};

/** Indications of the clinical core's ICD-10 mapping (clinical.md §2.2). */
export const INDICATIONS = [
  'depression', 'bipolar-depression', 'bipolar-other', 'postpartum-depression', 'suicidal-ideation', 'ptsd', 'ocd', 'anxiety',
  'eating-disorder', 'chronic-pain', 'substance-use-disorder', 'other-psychiatric',
] as const satisfies readonly Indication[];
export const IndicationSchema = z.enum(INDICATIONS);

export const REFERRAL_SOURCES = ['self', 'psychiatrist', 'primary-care', 'therapist', 'hospital', 'pain-clinic', 'other'] as const;
export const ReferralSource = z.enum(REFERRAL_SOURCES);

export const CONTRAINDICATION_CODES = [...ABSOLUTE_CONTRAINDICATIONS, ...RELATIVE_CONTRAINDICATIONS, ...MONITORING_CONDITIONS] as const;
export const ContraindicationCode = z.enum(CONTRAINDICATION_CODES);

/** Params of a route under a patient: the patient id and one child id (both checked as UUIDs). */
export const PatientChildParams = <K extends string>(child: K) =>
  z.strictObject({ id: Uuid, [child]: Uuid } as { id: typeof Uuid } & Record<K, typeof Uuid>);

export const ReferralCreate = z.strictObject({
  receivedOn: CalendarDate,
  source: ReferralSource,
  referringClinician: Text(200).nullable().optional(),
  referringContact: Text(200).nullable().optional().describe('Phone, fax or e-mail of the referrer'),
  reason: Text(2000),
  indication: IndicationSchema,
});
export type ReferralCreate = z.input<typeof ReferralCreate>;

export const Referral = z.object({
  id: Uuid,
  patientId: Uuid,
  receivedOn: z.string(),
  source: ReferralSource,
  referringClinician: z.string().nullable(),
  referringContact: z.string().nullable(),
  reason: z.string(),
  indication: IndicationSchema,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type Referral = z.infer<typeof Referral>;

export const StageChange = z.object({
  fromStage: IntakeStage.nullable(),
  toStage: IntakeStage,
  reason: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
});
export type StageChange = z.infer<typeof StageChange>;

export const StageChangeCreate = z.strictObject({
  stage: IntakeStage,
  reason: Text(500).nullable().optional(),
});
export type StageChangeCreate = z.input<typeof StageChangeCreate>;

/** Screening facts kept as flags (rules 3, 4, 6) and the psychiatric history. */
const profileFields = {
  childbearingPotential: z.boolean().nullable().describe('null = not recorded; treated as possible (rule 4)'),
  cardiovascularRisk: z.boolean(),
  cardiovascularNotes: Text(2000).nullable(),
  liverRisk: z.boolean(),
  liverNotes: Text(2000).nullable(),
  highDosePainCoursesPlanned: z.boolean(),
  contraindications: z.array(ContraindicationCode).max(20),
  psychosisHistory: z.boolean().nullable(),
  maniaHistory: z.boolean().nullable(),
  suicideAttempts: z.number().int().min(0, { message: 'must be 0 or more' }).max(100, { message: 'must be at most 100' }).nullable(),
  lastSuicideAttemptOn: CalendarDate.nullable(),
  psychiatricNotes: Text(4000).nullable(),
};

export const IntakeProfileUpdate = z.strictObject({
  ...profileFields,
  /** The version read; a stale one is refused with 409. */
  version: z.number().int().positive(),
});
export type IntakeProfileUpdate = z.input<typeof IntakeProfileUpdate>;

export const IntakeProfile = z.object({ ...profileFields, version: z.number().int(), updatedAt: z.string() });
export type IntakeProfile = z.infer<typeof IntakeProfile>;

export const IntakeSummary = z.object({
  patientId: Uuid,
  stage: IntakeStage.nullable().describe('null: the patient has no referral or intake yet'),
  stageChangedAt: z.string().nullable(),
  stageHistory: z.array(StageChange),
  referrals: z.array(Referral),
  profile: IntakeProfile.nullable(),
  /** Stages the patient may be moved to by hand from here. */
  allowedStages: z.array(IntakeStage),
});
export type IntakeSummary = z.infer<typeof IntakeSummary>;

export const StageListQuery = z.strictObject({
  stage: IntakeStage.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const StagedPatient = z.object({
  patientId: Uuid,
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  birthDate: z.string(),
  stage: IntakeStage,
  stageChangedAt: z.string(),
  indication: IndicationSchema.nullable(),
  primaryClinician: z.object({ id: Uuid, displayName: z.string() }).nullable(),
});
export type StagedPatient = z.infer<typeof StagedPatient>;

export const StageCounts = z.object({
  counts: z.record(IntakeStage, z.number().int()),
  total: z.number().int(),
});
export type StageCounts = z.infer<typeof StageCounts>;
