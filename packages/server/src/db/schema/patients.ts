import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export interface AddressJson {
  line1: string;
  line2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}
export interface ContactJson {
  name: string;
  relationship?: string | null;
  phone: string;
}

/** Numbers for medical record numbers (MRN = clinic prefix + number + check digit). */
export const patientMrnSeq = pgSequence('patient_mrn_seq', { startWith: 1001 });

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mrn: text('mrn').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sexAtBirth: text('sex_at_birth').notNull(),
    genderIdentity: text('gender_identity'),
    pronouns: text('pronouns'),
    phone: text('phone'),
    /** Digits of the phone number, for search. */
    phoneDigits: text('phone_digits'),
    email: text('email'),
    address: jsonb('address').$type<AddressJson>(),
    emergencyContact: jsonb('emergency_contact').$type<ContactJson>(),
    usualEscort: jsonb('usual_escort').$type<ContactJson>(),
    primaryClinicianId: uuid('primary_clinician_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('patients_mrn_key').on(t.mrn),
    index('patients_family_name_idx').on(sql`lower(${t.familyName})`),
    index('patients_given_name_idx').on(sql`lower(${t.givenName})`),
    index('patients_birth_date_idx').on(t.birthDate),
    index('patients_phone_digits_idx').on(t.phoneDigits),
    check('patients_sex_at_birth_valid', sql`${t.sexAtBirth} IN ('female', 'male', 'intersex', 'unknown')`),
    check('patients_birth_date_range', sql`${t.birthDate} >= DATE '1900-01-01'`),
    check('patients_names_not_blank', sql`btrim(${t.givenName}) <> '' AND btrim(${t.familyName}) <> ''`),
  ],
);
