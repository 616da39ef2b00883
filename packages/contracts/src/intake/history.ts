import { z } from 'zod';
import { CalendarDate, Instant, Text, Uuid } from '../common.ts';
import { IndicationSchema } from './intake.ts';

export const TRIAL_OUTCOMES = ['non-response', 'partial-response', 'response', 'remission', 'intolerance', 'unknown'] as const;
export const TrialOutcome = z.enum(TRIAL_OUTCOMES);

/** A positive, finite number (units in the field name). */
const Positive = (what: string, max: number) =>
  z.number({ message: `must be a number (${what})` }).positive({ message: 'must be more than 0' }).max(max, { message: `must be at most ${max}` });

// ── Problem list (ICD-10-CM) ──────────────────────────────────────────────────
export const ProblemEntryCreate = z.strictObject({
  code: z.string().trim().min(1, { message: 'must not be empty' }).max(10, { message: 'must be at most 10 characters' }).describe('ICD-10-CM code, with or without the dot'),
  description: Text(300).nullable().optional().describe("Defaults to the curated list's description; required for a code outside it"),
  indication: IndicationSchema.nullable().optional().describe('Only for a code outside the curated list'),
  notedOn: CalendarDate.nullable().optional(),
});
export type ProblemEntryCreate = z.input<typeof ProblemEntryCreate>;

export const ProblemEntryUpdate = z.strictObject({ status: z.enum(['active', 'resolved']) });

export const ProblemEntry = z.object({
  id: Uuid,
  code: z.string(),
  description: z.string(),
  indication: IndicationSchema.nullable().describe('The indication used for rule 1 (the curated mapping or the clinician\'s)'),
  inCuratedList: z.boolean(),
  notedOn: z.string().nullable(),
  status: z.enum(['active', 'resolved']),
  createdAt: z.string(),
});
export type ProblemEntry = z.infer<typeof ProblemEntry>;

export const Icd10Query = z.strictObject({ q: z.string().trim().max(60).optional(), limit: z.coerce.number().int().min(1).max(200).default(30) });
export const Icd10Code = z.object({ code: z.string(), description: z.string(), indication: IndicationSchema, flags: z.array(z.string()) });
export type Icd10Code = z.infer<typeof Icd10Code>;

// ── Antidepressant trials ────────────────────────────────────────────────────
export const TrialCreate = z.strictObject({
  drug: Text(120),
  doseMgPerDay: Positive('mg per day', 10_000).nullable().optional(),
  weeks: Positive('weeks', 520),
  adequate: z.boolean(),
  outcome: TrialOutcome,
  currentEpisode: z.boolean(),
  notes: Text(1000).nullable().optional(),
});
export type TrialCreate = z.input<typeof TrialCreate>;

export const Trial = z.object({
  id: Uuid,
  drug: z.string(),
  doseMgPerDay: z.number().nullable(),
  weeks: z.number(),
  adequate: z.boolean(),
  outcome: TrialOutcome,
  currentEpisode: z.boolean(),
  notes: z.string().nullable(),
  /** Whether rule 1 counts this trial, and why not. */
  counted: z.boolean(),
  notCountedReason: z.enum(['not-current-episode', 'not-adequate', 'not-failed', 'not-an-antidepressant', 'too-short']).nullable(),
  createdAt: z.string(),
});
export type Trial = z.infer<typeof Trial>;

// ── Medications ──────────────────────────────────────────────────────────────
export const MedicationCreate = z.strictObject({
  name: Text(120),
  dose: Positive('dose', 100_000).nullable().optional(),
  doseUnit: z.enum(['mg', 'mcg', 'g', 'mL', 'units', 'patch', 'other']).nullable().optional(),
  frequencyPerDay: Positive('times per day', 24).nullable().optional(),
  route: z.enum(['oral', 'sublingual', 'transdermal', 'intramuscular', 'intravenous', 'intranasal', 'inhaled', 'other']).nullable().optional(),
  startedOn: CalendarDate.nullable().optional(),
});
export type MedicationCreate = z.input<typeof MedicationCreate>;

export const MedicationUpdate = z.strictObject({
  active: z.literal(false).describe('Stops the medication'),
  stoppedOn: CalendarDate,
});
export type MedicationUpdate = z.input<typeof MedicationUpdate>;

/** The rule 8 flags the clinical core computes for a medication (classifyMedication). */
export const MedicationFlags = z.object({
  recognized: z.boolean(),
  benzodiazepine: z.boolean(),
  diazepamEquivalentMgPerDay: z.number().nullable(),
  diazepamEquivalentNote: z.string().nullable(),
  maoi: z.boolean(),
  psychostimulant: z.boolean(),
  cnsDepressant: z.boolean(),
  lamotrigine: z.boolean(),
  moodStabilizer: z.boolean(),
  antidepressant: z.boolean(),
});
export type MedicationFlags = z.infer<typeof MedicationFlags>;

export const Medication = z.object({
  id: Uuid,
  name: z.string(),
  dose: z.number().nullable(),
  doseUnit: z.string().nullable(),
  frequencyPerDay: z.number().nullable(),
  route: z.string().nullable(),
  active: z.boolean(),
  startedOn: z.string().nullable(),
  stoppedOn: z.string().nullable(),
  flags: MedicationFlags,
  updatedAt: z.string(),
});
export type Medication = z.infer<typeof Medication>;

// ── Allergies ────────────────────────────────────────────────────────────────
export const AllergyCreate = z.strictObject({
  substance: Text(120),
  reaction: Text(300).nullable().optional(),
  severity: z.enum(['mild', 'moderate', 'severe', 'unknown']).default('unknown'),
});
export type AllergyCreate = z.input<typeof AllergyCreate>;
export const Allergy = z.object({ id: Uuid, substance: z.string(), reaction: z.string().nullable(), severity: z.enum(['mild', 'moderate', 'severe', 'unknown']), createdAt: z.string() });
export type Allergy = z.infer<typeof Allergy>;

// ── Substance use (rule 5) ───────────────────────────────────────────────────
export const SubstanceUseCreate = z.strictObject({
  assessedOn: CalendarDate,
  currentUse: z.boolean(),
  misuseSuspected: z.boolean(),
  activeAbuse: z.boolean(),
  substances: Text(500).nullable().optional(),
  urineDrugScreenOn: CalendarDate.nullable().optional(),
  urineDrugScreenResult: z.enum(['negative', 'positive']).nullable().optional(),
  notes: Text(2000).nullable().optional(),
}).refine((v) => (v.urineDrugScreenOn == null) === (v.urineDrugScreenResult == null), {
  message: 'give both the date and the result of the urine drug screen, or neither',
  path: ['urineDrugScreenResult'],
});
export type SubstanceUseCreate = z.input<typeof SubstanceUseCreate>;
export const SubstanceUse = z.object({
  id: Uuid,
  assessedOn: z.string(),
  currentUse: z.boolean(),
  misuseSuspected: z.boolean(),
  activeAbuse: z.boolean(),
  substances: z.string().nullable(),
  urineDrugScreenOn: z.string().nullable(),
  urineDrugScreenResult: z.enum(['negative', 'positive']).nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type SubstanceUse = z.infer<typeof SubstanceUse>;

// ── Observations ─────────────────────────────────────────────────────────────
export const OBSERVATION_KINDS = ['weight', 'height', 'vitals', 'pregnancy-test', 'ecg', 'lft'] as const;
export const ObservationKind = z.enum(OBSERVATION_KINDS);
export type ObservationKind = z.infer<typeof ObservationKind>;

/** Physiological input checks (the clinic's dosing plausibility range is checked by the server for weight and height). */
export const OBSERVATION_LIMITS = {
  systolicMmHg: { min: 50, max: 300 },
  diastolicMmHg: { min: 20, max: 200 },
  heartRateBpm: { min: 20, max: 250 },
} as const;

const observedOn = CalendarDate.describe('Clinic-local date of the measurement or test; not in the future');
const observedAt = Instant.nullable().optional().describe('The instant, when known');
const notes = Text(1000).nullable().optional();
const Int = (min: number, max: number) =>
  z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(min, { message: `must be at least ${min}` }).max(max, { message: `must be at most ${max}` });

export const ObservationCreate = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weight'), observedOn, observedAt, weightKg: z.number({ message: 'must be a number' }).positive({ message: 'must be more than 0' }), notes }),
  z.strictObject({ kind: z.literal('height'), observedOn, observedAt, heightCm: z.number({ message: 'must be a number' }).positive({ message: 'must be more than 0' }), notes }),
  z.strictObject({
    kind: z.literal('vitals'),
    observedOn,
    observedAt,
    systolicMmHg: Int(OBSERVATION_LIMITS.systolicMmHg.min, OBSERVATION_LIMITS.systolicMmHg.max),
    diastolicMmHg: Int(OBSERVATION_LIMITS.diastolicMmHg.min, OBSERVATION_LIMITS.diastolicMmHg.max),
    heartRateBpm: Int(OBSERVATION_LIMITS.heartRateBpm.min, OBSERVATION_LIMITS.heartRateBpm.max).nullable().optional(),
    notes,
  }).refine((v) => v.systolicMmHg > v.diastolicMmHg, { message: 'must be higher than the diastolic pressure', path: ['systolicMmHg'] }),
  z.strictObject({ kind: z.literal('pregnancy-test'), observedOn, observedAt, result: z.enum(['negative', 'positive']), method: z.enum(['urine', 'serum']), notes }),
  z.strictObject({ kind: z.literal('ecg'), observedOn, observedAt, result: z.enum(['normal', 'abnormal']), notes }),
  z.strictObject({ kind: z.literal('lft'), observedOn, observedAt, result: z.enum(['normal', 'abnormal']), notes }),
]);
export type ObservationCreate = z.input<typeof ObservationCreate>;

export const Observation = z.object({
  id: Uuid,
  kind: ObservationKind,
  observedOn: z.string(),
  observedAt: z.string().nullable(),
  weightKg: z.number().nullable(),
  heightCm: z.number().nullable(),
  systolicMmHg: z.number().nullable(),
  diastolicMmHg: z.number().nullable(),
  heartRateBpm: z.number().nullable(),
  result: z.string().nullable(),
  method: z.string().nullable(),
  notes: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type Observation = z.infer<typeof Observation>;

export const ObservationQuery = z.strictObject({ kind: ObservationKind.optional() });

/** The current weight and its age, for dosing (rule 9). */
export const CurrentWeight = z.object({ weightKg: z.number(), observedOn: z.string(), ageDays: z.number().int() }).nullable();

export const History = z.object({
  problems: z.array(ProblemEntry),
  trials: z.array(Trial),
  failedAdequateTrials: z.object({ count: z.number().int(), countedAs: z.array(z.string()), required: z.number().int() }),
  medications: z.array(Medication),
  allergies: z.array(Allergy),
  substanceUse: z.array(SubstanceUse),
  observations: z.array(Observation),
  currentWeight: CurrentWeight,
});
export type History = z.infer<typeof History>;
