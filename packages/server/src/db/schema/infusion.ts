import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chairs } from './chairs.ts';
import { patients } from './patients.ts';
import { appointments } from './scheduling.ts';
import { users } from './users.ts';

/** Check-in facts of rule 18 as charted at the chair (times as ISO strings). */
export interface SessionCheckIn {
  escort: { name: string; phone: string } | null;
  fasting: { lastSolidsAt: string | null; lastLiquidsAt: string | null; recordedAt: string } | null;
  /** Re-weighed at check-in; otherwise the latest weight on the chart is used. */
  weight: { weightKg: number; measuredAt: string } | null;
  medicationChanges: { changed: boolean; note: string | null; reviewedAt: string } | null;
  updatedAt: string;
  updatedBy: string;
}

/** The dose prepared for the infusion: the plan's order on today's weight and the lot drawn (rules 9-13). */
export interface SessionOrder {
  planId: string | null;
  planOrderVersion: number | null;
  doseMgPerKg: number;
  durationMin: number;
  weightKg: number;
  doseMg: number;
  volumeMl: number;
  rateMlPerH: number;
  concentrationMgPerMl: number;
  lotId: string;
  lotNumber: string;
  drawEntryId: string;
  findings: { rule: number; severity: string; code: string; message: string }[];
  preparedAt: string;
  preparedBy: string;
}

export interface SessionPreDoseDecision {
  decision: 'proceed' | 'delay';
  reason: string;
  decidedAt: string;
  decidedByUserId: string;
  decidedByName: string;
}

export interface SessionRecovery {
  aldrete: {
    assessedAt: string;
    activity: 'moves-four-limbs' | 'moves-two-limbs' | 'moves-no-limbs';
    respiration: 'breathes-deeply-and-coughs' | 'dyspnea-or-limited-breathing' | 'apneic';
    consciousness: 'fully-awake' | 'arousable-on-calling' | 'not-responding';
    onSupplementalOxygen: boolean;
  } | null;
  vitalsSignOff: { byUserId: string; signedAt: string; note: string } | null;
  escortPresentAt: string | null;
}

/**
 * One infusion day of one patient in one chair (clinical.md §6-8). The phase is
 * not stored: it is replayed from the append-only session_events.
 */
export const infusionSessions = pgTable(
  'infusion_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The booked appointment; one session per appointment. */
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    chairId: uuid('chair_id').notNull().references(() => chairs.id),
    nurseUserId: uuid('nurse_user_id').references(() => users.id),
    kind: text('kind').notNull().default('iv-ketamine'),
    /** Clinic-local date of the session (the board's day). */
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    arrivedAt: timestamp('arrived_at', { withTimezone: true, mode: 'date' }).notNull(),
    checkIn: jsonb('check_in').$type<SessionCheckIn>(),
    order: jsonb('order').$type<SessionOrder>(),
    preDoseDecision: jsonb('pre_dose_decision').$type<SessionPreDoseDecision>(),
    recovery: jsonb('recovery').$type<SessionRecovery>(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    closedBy: uuid('closed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('infusion_sessions_appointment_key').on(t.appointmentId),
    index('infusion_sessions_date_idx').on(t.serviceDate),
    index('infusion_sessions_patient_idx').on(t.patientId),
    check('infusion_sessions_kind_valid', sql`${t.kind} IN ('iv-ketamine', 'esketamine')`),
  ],
);

/** Phase and pump events, append-only, in the order charted (replaySessionEvents). */
export const sessionEvents = pgTable(
  'session_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => infusionSessions.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    rateMlPerH: numeric('rate_ml_per_h', { precision: 7, scale: 1, mode: 'number' }),
    reason: text('reason'),
    outcome: text('outcome'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('session_events_seq_key').on(t.sessionId, t.seq),
    check('session_events_type_valid', sql`${t.type} IN ('begin-checks', 'checks-passed', 'start', 'pause', 'resume', 'rate-change', 'stop', 'ready-for-discharge', 'discharge')`),
    check('session_events_outcome_valid', sql`${t.outcome} IS NULL OR ${t.outcome} IN ('completed', 'stopped-early')`),
  ],
);

/** Timed readings of the monitoring flowsheet, append-only (rules 20-25). */
export const sessionReadings = pgTable(
  'session_readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => infusionSessions.id),
    takenAt: timestamp('taken_at', { withTimezone: true, mode: 'date' }).notNull(),
    systolicMmHg: smallint('systolic_mmhg'),
    diastolicMmHg: smallint('diastolic_mmhg'),
    heartRateBpm: smallint('heart_rate_bpm'),
    spo2Pct: smallint('spo2_pct'),
    respRatePerMin: smallint('resp_rate_per_min'),
    moaasScore: smallint('moaas_score'),
    dissociationScale: text('dissociation_scale'),
    dissociationScore: smallint('dissociation_score'),
    nausea: text('nausea'),
    /** Crisis symptoms assessed (null = not assessed, [] = none). */
    symptoms: jsonb('symptoms').$type<string[]>(),
    source: text('source').notNull().default('chart'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('session_readings_session_idx').on(t.sessionId, t.takenAt),
    check('session_readings_bp', sql`(${t.systolicMmHg} IS NULL) = (${t.diastolicMmHg} IS NULL) AND (${t.systolicMmHg} IS NULL OR (${t.systolicMmHg} BETWEEN 40 AND 300 AND ${t.diastolicMmHg} BETWEEN 20 AND 200 AND ${t.systolicMmHg} > ${t.diastolicMmHg}))`),
    check('session_readings_hr', sql`${t.heartRateBpm} IS NULL OR ${t.heartRateBpm} BETWEEN 20 AND 250`),
    check('session_readings_spo2', sql`${t.spo2Pct} IS NULL OR ${t.spo2Pct} BETWEEN 50 AND 100`),
    check('session_readings_rr', sql`${t.respRatePerMin} IS NULL OR ${t.respRatePerMin} BETWEEN 0 AND 60`),
    check('session_readings_moaas', sql`${t.moaasScore} IS NULL OR ${t.moaasScore} BETWEEN 0 AND 5`),
  ],
);

/**
 * Alerts raised by the monitoring engine, one row per alert key: when raised,
 * escalated, cleared and acknowledged. Kept until acknowledged.
 */
export const sessionAlerts = pgTable(
  'session_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => infusionSessions.id),
    alertKey: text('alert_key').notNull(),
    rule: smallint('rule').notNull(),
    severity: text('severity').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    action: text('action').notNull(),
    requiresAcknowledgement: integer('requires_acknowledgement').notNull().default(1),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }).notNull(),
    clearedAt: timestamp('cleared_at', { withTimezone: true, mode: 'date' }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true, mode: 'date' }),
    escalatedTo: uuid('escalated_to').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  },
  (t) => [uniqueIndex('session_alerts_key').on(t.sessionId, t.alertKey)],
);

/** Structured adverse events (rule 26), append-only. */
export const adverseEvents = pgTable(
  'adverse_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => infusionSessions.id),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    readingIds: jsonb('reading_ids').$type<string[]>().notNull().default([]),
    actions: text('actions'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('adverse_events_session_idx').on(t.sessionId),
    check('adverse_events_severity_valid', sql`${t.severity} IN ('mild', 'moderate', 'severe')`),
  ],
);

/** Rescue drugs given (rule 26): the session's medication administration records, append-only. */
export const rescueDrugs = pgTable(
  'rescue_drugs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => infusionSessions.id),
    adverseEventId: uuid('adverse_event_id').references(() => adverseEvents.id),
    drug: text('drug').notNull(),
    doseAmount: numeric('dose_amount', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    doseUnit: text('dose_unit').notNull(),
    route: text('route').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true, mode: 'date' }).notNull(),
    indication: text('indication').notNull(),
    linkedReadingId: uuid('linked_reading_id').notNull().references(() => sessionReadings.id),
    givenBy: uuid('given_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('rescue_drugs_session_idx').on(t.sessionId)],
);

/** The signed session note: the generated summary as reviewed; locked once signed (addenda only). */
export const sessionNotes = pgTable(
  'session_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => infusionSessions.id),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    text: text('text').notNull(),
    signedBy: uuid('signed_by').notNull().references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('session_notes_session_key').on(t.sessionId)],
);
