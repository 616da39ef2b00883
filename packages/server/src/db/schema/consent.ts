import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { patients } from './patients.ts';
import { users } from './users.ts';

/** bytea as a Node Buffer on both drivers (PGlite returns Uint8Array, pg a Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Versioned consent templates, append-only: a version is never edited; the medical
 * director publishes a new one. `materialChange` on a version makes earlier
 * signatures stop covering the patient (re-consent).
 */
export const consentTemplates = pgTable(
  'consent_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateKey: text('template_key').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodySha256: text('body_sha256').notNull(),
    route: text('route').notNull(),
    /** Highest dose the text covers (rule 2); null = the clinic's standard maximum. */
    maxDoseMgPerKg: numeric('max_dose_mg_per_kg', { precision: 4, scale: 2, mode: 'number' }),
    materialChange: boolean('material_change').notNull(),
    changeSummary: text('change_summary'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('consent_templates_key_version').on(t.templateKey, t.version),
    check('consent_templates_route_valid', sql`${t.route} IN ('iv-ketamine', 'esketamine')`),
    check('consent_templates_version_positive', sql`${t.version} >= 1`),
    check('consent_templates_key_format', sql`${t.templateKey} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/**
 * Signed informed consents: the patient's typed name and drawn signature, the
 * witness, the clinician who obtained it, and the PDF of exactly what was signed
 * with its SHA-256. Inserted signed and locked.
 */
export const patientConsents = pgTable(
  'patient_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    templateId: uuid('template_id').notNull().references(() => consentTemplates.id),
    templateKey: text('template_key').notNull(),
    templateVersion: integer('template_version').notNull(),
    templateSha256: text('template_sha256').notNull(),
    route: text('route').notNull(),
    maxDoseMgPerKg: numeric('max_dose_mg_per_kg', { precision: 4, scale: 2, mode: 'number' }),
    patientTypedName: text('patient_typed_name').notNull(),
    patientSignaturePng: bytea('patient_signature_png').notNull(),
    patientSignedAt: timestamp('patient_signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    witnessId: uuid('witness_id').notNull().references(() => users.id),
    witnessSignedAt: timestamp('witness_signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    signedBy: uuid('signed_by').references(() => users.id),
    pdf: bytea('pdf').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
  },
  (t) => [
    index('patient_consents_patient_idx').on(t.patientId, t.signedAt),
    check('patient_consents_signed', sql`${t.signedAt} IS NOT NULL AND ${t.signedBy} IS NOT NULL`),
    check('patient_consents_witness_not_signer', sql`${t.witnessId} <> ${t.signedBy}`),
    check('patient_consents_pdf_sha256', sql`${t.pdfSha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
