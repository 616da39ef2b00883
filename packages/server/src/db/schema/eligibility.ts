import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { patients } from './patients.ts';
import { users } from './users.ts';

/**
 * Signed eligibility decisions with their inputs (the facts given to the clinical
 * core, the configuration and the result). Inserted signed, so the lock trigger
 * refuses any later change; corrections are addenda.
 */
export const eligibilityDecisions = pgTable(
  'eligibility_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    decision: text('decision').notNull(),
    occasion: text('occasion').notNull(),
    route: text('route').notNull(),
    purpose: text('purpose').notNull(),
    referenceDate: date('reference_date', { mode: 'string' }).notNull(),
    statusAtDecision: text('status_at_decision').notNull(),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    signedBy: uuid('signed_by').references(() => users.id),
  },
  (t) => [
    index('eligibility_decisions_patient_idx').on(t.patientId, t.signedAt),
    check('eligibility_decisions_decision_valid', sql`${t.decision} IN ('eligible', 'not-eligible', 'needs-workup')`),
    check('eligibility_decisions_status_valid', sql`${t.statusAtDecision} IN ('blocked', 'needs-acknowledgement', 'clear')`),
    check('eligibility_decisions_signed', sql`${t.signedAt} IS NOT NULL AND ${t.signedBy} IS NOT NULL`),
  ],
);

/** Overrides of blocks made with a decision: who, when, why, re-authenticated. Append-only. */
export const eligibilityOverrides = pgTable(
  'eligibility_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id').notNull().references(() => eligibilityDecisions.id),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    rule: smallint('rule').notNull(),
    findingKey: text('finding_key').notNull(),
    findingCode: text('finding_code').notNull(),
    findingMessage: text('finding_message').notNull(),
    reason: text('reason').notNull(),
    overriddenBy: uuid('overridden_by').notNull().references(() => users.id),
    overriddenAt: timestamp('overridden_at', { withTimezone: true, mode: 'date' }).notNull(),
    reauthenticatedAt: timestamp('reauthenticated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('eligibility_overrides_decision_idx').on(t.decisionId), check('eligibility_overrides_reason', sql`length(btrim(${t.reason})) >= 10`)],
);

/** Acknowledgements of warnings made with a decision: who and when. Append-only. */
export const eligibilityAcknowledgements = pgTable(
  'eligibility_acknowledgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id').notNull().references(() => eligibilityDecisions.id),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    rule: smallint('rule').notNull(),
    findingKey: text('finding_key').notNull(),
    findingCode: text('finding_code').notNull(),
    findingMessage: text('finding_message').notNull(),
    acknowledgedBy: uuid('acknowledged_by').notNull().references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('eligibility_acknowledgements_decision_idx').on(t.decisionId)],
);

/** The prescriber's signed evaluation note ("comprehensive evaluation"), locked once signed. */
export const evaluationNotes = pgTable(
  'evaluation_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    text: text('text').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    signedBy: uuid('signed_by').references(() => users.id),
  },
  (t) => [index('evaluation_notes_patient_idx').on(t.patientId, t.signedAt), check('evaluation_notes_signed', sql`${t.signedAt} IS NOT NULL AND ${t.signedBy} IS NOT NULL`)],
);
