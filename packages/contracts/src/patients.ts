import { z } from 'zod';
import { CalendarDate, Email, Phone, Problem, Text, Uuid } from './common.ts';

export const SEX_AT_BIRTH = ['female', 'male', 'intersex', 'unknown'] as const;
export const SexAtBirth = z.enum(SEX_AT_BIRTH);

/** A birth date: a real calendar date, not in the future, not before 1900. */
export const BirthDate = CalendarDate.refine((d) => d >= '1900-01-01', { message: 'must not be before 1900-01-01' }).refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  { message: 'must not be in the future' },
);

export const Address = z.strictObject({
  line1: Text(200),
  line2: Text(200).nullable().optional(),
  city: Text(100),
  region: Text(100).describe('State or region'),
  postalCode: z.string().trim().regex(/^[A-Za-z0-9 -]{3,10}$/, { message: 'must be a postal code of 3 to 10 letters or digits' }),
  country: z.string().trim().regex(/^[A-Z]{2}$/, { message: 'must be a two-letter ISO country code such as US' }).default('US'),
});
export type Address = z.infer<typeof Address>;

export const EmergencyContact = z.strictObject({
  name: Text(200),
  relationship: Text(100).nullable().optional(),
  phone: Phone,
});
export type EmergencyContact = z.infer<typeof EmergencyContact>;

/** The person who usually drives the patient home after an infusion (clinical.md §15 rule 18). */
export const Escort = z.strictObject({
  name: Text(200),
  phone: Phone,
});
export type Escort = z.infer<typeof Escort>;

const patientFields = {
  givenName: Text(100),
  familyName: Text(100),
  preferredName: Text(100).nullable().optional(),
  birthDate: BirthDate,
  sexAtBirth: SexAtBirth,
  genderIdentity: Text(100).nullable().optional(),
  pronouns: Text(40).nullable().optional(),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  address: Address.nullable().optional(),
  emergencyContact: EmergencyContact.nullable().optional(),
  usualEscort: Escort.nullable().optional(),
  primaryClinicianId: Uuid.nullable().optional(),
};

export const PatientCreate = z.strictObject({
  ...patientFields,
  /** Set to true to register a patient although one with the same name and birth date exists. */
  confirmDuplicate: z.boolean().optional(),
});
export type PatientCreate = z.input<typeof PatientCreate>;

export const PatientUpdate = z
  .strictObject({
    ...Object.fromEntries(Object.entries(patientFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof patientFields]: z.ZodOptional<(typeof patientFields)[K]>;
    },
    /** The version the client last read; a stale version is refused with 409. */
    version: z.number().int().positive().optional(),
    confirmDuplicate: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'version' && k !== 'confirmDuplicate'), { message: 'must change at least one field' });
export type PatientUpdate = z.input<typeof PatientUpdate>;

export const Patient = z.object({
  id: Uuid,
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  birthDate: z.string(),
  sexAtBirth: SexAtBirth,
  genderIdentity: z.string().nullable(),
  pronouns: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.object({
    line1: z.string(),
    line2: z.string().nullable().optional(),
    city: z.string(),
    region: z.string(),
    postalCode: z.string(),
    country: z.string(),
  }).nullable(),
  emergencyContact: z.object({ name: z.string(), relationship: z.string().nullable().optional(), phone: z.string() }).nullable(),
  usualEscort: z.object({ name: z.string(), phone: z.string() }).nullable(),
  primaryClinician: z.object({ id: Uuid, displayName: z.string() }).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Patient = z.infer<typeof Patient>;

export const PatientSummary = Patient.pick({
  id: true,
  mrn: true,
  givenName: true,
  familyName: true,
  preferredName: true,
  birthDate: true,
  phone: true,
  primaryClinician: true,
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const PatientSearchQuery = z.strictObject({
  q: z.string().trim().max(100, { message: 'must be at most 100 characters' }).optional()
    .describe('Name, MRN, phone or date of birth (YYYY-MM-DD or MM/DD/YYYY).'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PatientSearchQuery = z.input<typeof PatientSearchQuery>;

export const PatientIdParams = z.strictObject({ id: Uuid });

/** The 409 answer to a probable duplicate or a stale edit. */
export const PatientConflictProblem = Problem.extend({
  duplicates: z.array(PatientSummary).optional().describe('Patients with the same name and date of birth.'),
  currentVersion: z.number().int().optional().describe('The version the record is at now, after a stale edit.'),
});
export type PatientConflictProblem = z.infer<typeof PatientConflictProblem>;
