import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { patients } from './patients.ts';
import { users } from './users.ts';

/**
 * Rating scales entered by staff, append-only: the responses as given and the
 * clinical core's score (total, band, flags) at the time of entry.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    instrument: text('instrument').notNull(),
    responses: jsonb('responses').$type<(number | null)[]>().notNull(),
    total: integer('total'),
    band: text('band'),
    complete: boolean('complete').notNull(),
    /** The full InstrumentScore from scoreInstrument(). */
    score: jsonb('score').$type<Record<string, unknown>>().notNull(),
    context: text('context').notNull(),
    administeredAt: timestamp('administered_at', { withTimezone: true, mode: 'date' }).notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull(),
    enteredBy: uuid('entered_by').notNull().references(() => users.id),
  },
  (t) => [
    index('assessments_patient_idx').on(t.patientId, t.instrument, t.administeredAt),
    check('assessments_context_valid', sql`${t.context} IN ('intake', 'pre-infusion', 'post-infusion', 'follow-up')`),
  ],
);

/**
 * Suicide-risk alerts raised by a scored form, addressed to the patient's primary
 * clinician (null = no primary clinician: every clinician sees it). Only the
 * acknowledgement may be set, once (trigger in the intake constraints migration).
 */
export const safetyAlerts = pgTable(
  'safety_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    assessmentId: uuid('assessment_id').notNull().references(() => assessments.id),
    code: text('code').notNull(),
    priority: text('priority').notNull(),
    message: text('message').notNull(),
    addressedTo: uuid('addressed_to').references(() => users.id),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgementNote: text('acknowledgement_note'),
  },
  (t) => [
    index('safety_alerts_open_idx').on(t.addressedTo, t.raisedAt).where(sql`${t.acknowledgedAt} IS NULL`),
    index('safety_alerts_patient_idx').on(t.patientId),
    check('safety_alerts_priority_valid', sql`${t.priority} IN ('urgent', 'high', 'routine')`),
    check('safety_alerts_ack_complete', sql`(${t.acknowledgedAt} IS NULL) = (${t.acknowledgedBy} IS NULL)`),
  ],
);
