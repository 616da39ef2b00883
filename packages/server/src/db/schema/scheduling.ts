import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chairs } from './chairs.ts';
import { patients } from './patients.ts';
import { users } from './users.ts';

/**
 * Treatment plans and chair scheduling (clinical.md §4-5, §15 rules 14-17).
 *
 * Double booking is impossible in the database, not only in the application
 * (migration `*_scheduling_constraints.sql`, btree_gist exclusion constraints on
 * appointments that hold a chair): one chair, one patient, and one nurse "watch
 * slot" (1..N, N = staffing_rules.nurse_max_infusing_chairs, checked by a trigger)
 * cannot overlap in time. Signed plan orders are locked; changes of appointments
 * are kept in the append-only appointment_changes.
 */

/** The statuses in which an appointment still holds its chair, nurse slot and patient's time. */
export const ACTIVE_APPOINTMENT_STATUSES = ['booked', 'checked-in', 'in-progress', 'completed'] as const;
export const APPOINTMENT_STATUSES = [...ACTIVE_APPOINTMENT_STATUSES, 'cancelled', 'no-show', 'late-cancel'] as const;
export const APPOINTMENT_TYPE_KEYS = ['evaluation', 'infusion', 'follow-up', 'response-review', 'esketamine'] as const;

/** Protocol templates (medical director): dose, duration, chair time, spacing and review points. */
export const protocols = pgTable(
  'protocols',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key, e.g. 'iv-induction', 'iv-maintenance', 'pain', 'esketamine-induction'. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** TreatmentRoute of the clinical core: 'iv-ketamine' | 'esketamine'. */
    route: text('route').notNull(),
    /** 'induction' | 'maintenance' | 'pain'. */
    phase: text('phase').notNull(),
    /** 'psychiatric' | 'pain': which dosing rules apply (rules 10-12). */
    indicationKind: text('indication_kind').notNull().default('psychiatric'),
    defaultInfusions: integer('default_infusions').notNull(),
    /** IV only: the default ordered dose. */
    doseMgPerKg: numeric('dose_mg_per_kg', { precision: 4, scale: 2, mode: 'number' }),
    /** Esketamine only: 28, 56 or 84 mg (rule 13). */
    esketamineDoseMg: integer('esketamine_dose_mg'),
    infusionDurationMin: integer('infusion_duration_min').notNull(),
    recoveryMin: integer('recovery_min').notNull(),
    /** Chair time of one session = infusion + recovery (+ set-up). */
    chairTimeMin: integer('chair_time_min').notNull(),
    /** At most this many sessions in any rolling 7 days (rule 14 caps IV at 3). */
    maxPerRolling7Days: integer('max_per_rolling_7_days'),
    /** Maintenance: booster interval range in days. */
    boosterIntervalMinDays: integer('booster_interval_min_days'),
    boosterIntervalMaxDays: integer('booster_interval_max_days'),
    /** Titration steps, e.g. [{ afterInfusion: 3, doseMgPerKg: 0.75, condition: '< 50% improvement' }]. */
    titrationSteps: jsonb('titration_steps').$type<Array<{ afterInfusion: number; doseMgPerKg: number; condition: string }>>().notNull().default([]),
    /** Review points shown on the series timeline (rule 16 response review, rule 17 maintenance review). */
    reviewPoints: jsonb('review_points').$type<Array<{ kind: 'response-review' | 'maintenance-review'; afterInfusion?: number; afterWeeks?: number }>>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('protocols_key_key').on(t.key),
    check('protocols_route_valid', sql`${t.route} IN ('iv-ketamine', 'esketamine')`),
    check('protocols_phase_valid', sql`${t.phase} IN ('induction', 'maintenance', 'pain')`),
    check('protocols_indication_kind_valid', sql`${t.indicationKind} IN ('psychiatric', 'pain')`),
    check('protocols_infusions_positive', sql`${t.defaultInfusions} BETWEEN 1 AND 52`),
    check('protocols_times_positive', sql`${t.infusionDurationMin} > 0 AND ${t.recoveryMin} >= 0 AND ${t.chairTimeMin} >= ${t.infusionDurationMin}`),
    check(
      'protocols_dose_by_route',
      sql`(${t.route} = 'iv-ketamine' AND ${t.doseMgPerKg} > 0 AND ${t.esketamineDoseMg} IS NULL) OR (${t.route} = 'esketamine' AND ${t.esketamineDoseMg} IN (28, 56, 84) AND ${t.doseMgPerKg} IS NULL)`,
    ),
  ],
);

/** A patient's treatment plan, ordered and signed by a prescriber from a protocol. */
export const treatmentPlans = pgTable(
  'treatment_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    protocolId: uuid('protocol_id').notNull().references(() => protocols.id),
    indication: text('indication').notNull(),
    /** TreatmentRoute of the clinical core: 'iv-ketamine' | 'esketamine'. */
    route: text('route').notNull(),
    status: text('status').notNull().default('active'),
    statusReason: text('status_reason'),
    infusionsPlanned: integer('infusions_planned').notNull(),
    /** Rule 16: end-of-induction response review. */
    responseReviewDue: timestamp('response_review_due', { withTimezone: true, mode: 'date' }),
    /** Rule 17: maintenance review date (required before boosters are booked). */
    maintenanceReviewDue: timestamp('maintenance_review_due', { withTimezone: true, mode: 'date' }),
    /** Rule 17: the documented end point of maintenance. */
    maintenanceEndPoint: text('maintenance_end_point'),
    /** Preferred weekdays (0 = Sunday … 6 = Saturday, clinic-local) and times 'HH:MM'. */
    preferredWeekdays: smallint('preferred_weekdays').array().notNull().default(sql`'{}'::smallint[]`),
    preferredEarliestTime: text('preferred_earliest_time'),
    preferredLatestTime: text('preferred_latest_time'),
    orderedBy: uuid('ordered_by').notNull().references(() => users.id),
    signedBy: uuid('signed_by').notNull().references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Optimistic concurrency for status changes. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    index('treatment_plans_patient_idx').on(t.patientId, t.status),
    check('treatment_plans_route_valid', sql`${t.route} IN ('iv-ketamine', 'esketamine')`),
    check('treatment_plans_status_valid', sql`${t.status} IN ('active', 'paused', 'completed', 'stopped')`),
    check('treatment_plans_stopped_reason', sql`${t.status} <> 'stopped' OR (${t.statusReason} IS NOT NULL AND btrim(${t.statusReason}) <> '')`),
    check('treatment_plans_infusions_positive', sql`${t.infusionsPlanned} BETWEEN 1 AND 52`),
    check('treatment_plans_weekdays_valid', sql`${t.preferredWeekdays} <@ ARRAY[0,1,2,3,4,5,6]::smallint[]`),
    check('treatment_plans_preferred_times', sql`(${t.preferredEarliestTime} IS NULL OR ${t.preferredEarliestTime} ~ '^[0-2][0-9]:[0-5][0-9]$') AND (${t.preferredLatestTime} IS NULL OR ${t.preferredLatestTime} ~ '^[0-2][0-9]:[0-5][0-9]$')`),
  ],
);

/**
 * Signed dose orders of a plan. Changing the dose is a new signed version; the
 * history stays (locked when signed). The current order is the highest signed version.
 */
export const planOrders = pgTable(
  'plan_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => treatmentPlans.id),
    version: integer('version').notNull(),
    /** IV: ordered mg/kg (rule 9-10). Null for esketamine. */
    doseMgPerKg: numeric('dose_mg_per_kg', { precision: 4, scale: 2, mode: 'number' }),
    weightBasis: text('weight_basis').notNull().default('actual'),
    infusionDurationMin: integer('infusion_duration_min').notNull(),
    /** Esketamine: 28, 56 or 84 mg (rule 13). Null for IV. */
    esketamineDoseMg: integer('esketamine_dose_mg'),
    /** Weight the order was checked against (rule 9), from intake observations. */
    weightKg: numeric('weight_kg', { precision: 5, scale: 1, mode: 'number' }),
    weightObservedAt: timestamp('weight_observed_at', { withTimezone: true, mode: 'date' }),
    /** Dose in mg computed at signing (for display; the session recomputes from the day's weight). */
    computedDoseMg: numeric('computed_dose_mg', { precision: 6, scale: 1, mode: 'number' }),
    reason: text('reason'),
    orderedBy: uuid('ordered_by').notNull().references(() => users.id),
    signedBy: uuid('signed_by').references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_orders_plan_version_key').on(t.planId, t.version),
    check('plan_orders_version_positive', sql`${t.version} >= 1`),
    check('plan_orders_weight_basis_valid', sql`${t.weightBasis} IN ('actual', 'ideal', 'adjusted')`),
    check('plan_orders_duration_positive', sql`${t.infusionDurationMin} > 0`),
    check('plan_orders_dose_present', sql`(${t.doseMgPerKg} IS NOT NULL AND ${t.doseMgPerKg} > 0) OR ${t.esketamineDoseMg} IN (28, 56, 84)`),
    check('plan_orders_signed_together', sql`(${t.signedAt} IS NULL) = (${t.signedBy} IS NULL)`),
  ],
);

/** Clinic opening hours per weekday (clinic-local 'HH:MM'; 0 = Sunday). */
export const clinicOpeningHours = pgTable(
  'clinic_opening_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    weekday: smallint('weekday').notNull(),
    opensAt: text('opens_at').notNull(),
    closesAt: text('closes_at').notNull(),
  },
  (t) => [
    uniqueIndex('clinic_opening_hours_weekday_key').on(t.weekday),
    check('clinic_opening_hours_weekday_valid', sql`${t.weekday} BETWEEN 0 AND 6`),
    check('clinic_opening_hours_format', sql`${t.opensAt} ~ '^[0-2][0-9]:[0-5][0-9]$' AND ${t.closesAt} ~ '^[0-2][0-9]:[0-5][0-9]$' AND ${t.opensAt} < ${t.closesAt}`),
  ],
);

/** Days the clinic is closed (holidays), clinic-local dates. */
export const clinicClosures = pgTable(
  'clinic_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    closedOn: text('closed_on').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [uniqueIndex('clinic_closures_day_key').on(t.closedOn), check('clinic_closures_day_format', sql`${t.closedOn} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`)],
);

/** Staffing rules (one row, id = 1). */
export const staffingRules = pgTable(
  'staffing_rules',
  {
    id: smallint('id').primaryKey().default(1),
    /** A nurse may watch at most this many infusing chairs at once. */
    nurseMaxInfusingChairs: smallint('nurse_max_infusing_chairs').notNull().default(2),
    /** A prescriber must be on site (working hours) during every infusion. */
    prescriberOnSiteRequired: boolean('prescriber_on_site_required').notNull().default(true),
    /** Cancelling less than this many hours before the start counts as a late cancel. */
    lateCancelHours: smallint('late_cancel_hours').notNull().default(24),
    /** Reminders go out this many hours before the appointment. */
    reminderHoursBefore: smallint('reminder_hours_before').notNull().default(48),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('staffing_rules_single_row', sql`${t.id} = 1`),
    check('staffing_rules_nurse_max_valid', sql`${t.nurseMaxInfusingChairs} BETWEEN 1 AND 8`),
    check('staffing_rules_hours_valid', sql`${t.lateCancelHours} >= 0 AND ${t.reminderHoursBefore} >= 0`),
  ],
);

/** Weekly working-hours template of a staff member (clinic-local 'HH:MM'). */
export const staffWorkingHours = pgTable(
  'staff_working_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    weekday: smallint('weekday').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    /** 'nurse' | 'prescriber': the role the hours are worked in. */
    role: text('role').notNull(),
  },
  (t) => [
    index('staff_working_hours_user_idx').on(t.userId),
    check('staff_working_hours_weekday_valid', sql`${t.weekday} BETWEEN 0 AND 6`),
    check('staff_working_hours_role_valid', sql`${t.role} IN ('nurse', 'prescriber')`),
    check('staff_working_hours_format', sql`${t.startsAt} ~ '^[0-2][0-9]:[0-5][0-9]$' AND ${t.endsAt} ~ '^[0-2][0-9]:[0-5][0-9]$' AND ${t.startsAt} < ${t.endsAt}`),
  ],
);

/** Exceptions to the weekly hours: leave, holidays, sickness (absent), or extra hours. */
export const staffExceptions = pgTable(
  'staff_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    kind: text('kind').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('staff_exceptions_user_idx').on(t.userId, t.startsAt),
    check('staff_exceptions_kind_valid', sql`${t.kind} IN ('leave', 'holiday', 'sick', 'extra')`),
    check('staff_exceptions_range', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** Appointment types: evaluation, infusion, follow-up, response review, esketamine session (2 h chair time). */
export const appointmentTypes = pgTable(
  'appointment_types',
  {
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    durationMin: integer('duration_min').notNull(),
    needsChair: boolean('needs_chair').notNull(),
    needsNurse: boolean('needs_nurse').notNull(),
    needsPrescriber: boolean('needs_prescriber').notNull(),
  },
  (t) => [
    check('appointment_types_key_valid', sql`${t.key} IN ('evaluation', 'infusion', 'follow-up', 'response-review', 'esketamine')`),
    check('appointment_types_duration_positive', sql`${t.durationMin} > 0`),
  ],
);

/** A booked series (induction or maintenance) of a plan. */
export const appointmentSeries = pgTable(
  'appointment_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull().references(() => treatmentPlans.id),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
  },
  (t) => [index('appointment_series_plan_idx').on(t.planId), check('appointment_series_kind_valid', sql`${t.kind} IN ('induction', 'maintenance')`)],
);

/**
 * Appointments. starts_at..ends_at is the chair time (infusion + recovery).
 * While active (booked, checked-in, in-progress, completed) an appointment holds
 * its chair, its nurse watch slot and the patient's time (exclusion constraints).
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    planId: uuid('plan_id').references(() => treatmentPlans.id),
    appointmentType: text('appointment_type').notNull().references(() => appointmentTypes.key),
    chairId: uuid('chair_id').references(() => chairs.id),
    nurseUserId: uuid('nurse_user_id').references(() => users.id),
    /** Which of the nurse's N watch slots this appointment takes (1..N). */
    nurseSlot: smallint('nurse_slot'),
    prescriberUserId: uuid('prescriber_user_id').references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status').notNull().default('booked'),
    seriesId: uuid('series_id').references(() => appointmentSeries.id),
    occurrenceNumber: integer('occurrence_number'),
    /** The plan order version current when booked (the session uses the current one on the day). */
    orderVersion: integer('order_version'),
    notes: text('notes'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true, mode: 'date' }),
    statusChangedBy: uuid('status_changed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: uuid('updated_by').notNull().references(() => users.id),
  },
  (t) => [
    index('appointments_starts_idx').on(t.startsAt),
    index('appointments_patient_idx').on(t.patientId, t.startsAt),
    index('appointments_plan_idx').on(t.planId),
    index('appointments_series_idx').on(t.seriesId, t.occurrenceNumber),
    check('appointments_range', sql`${t.startsAt} < ${t.endsAt}`),
    check('appointments_max_length', sql`${t.endsAt} - ${t.startsAt} <= interval '24 hours'`),
    check('appointments_status_valid', sql`${t.status} IN ('booked', 'checked-in', 'in-progress', 'completed', 'cancelled', 'no-show', 'late-cancel')`),
    check('appointments_nurse_slot', sql`(${t.nurseUserId} IS NULL) = (${t.nurseSlot} IS NULL) AND (${t.nurseSlot} IS NULL OR ${t.nurseSlot} >= 1)`),
    check('appointments_series_occurrence', sql`(${t.seriesId} IS NULL) = (${t.occurrenceNumber} IS NULL)`),
  ],
);

/** Append-only history of every booking, move, cancellation, no-show and late cancel, with the reason. */
export const appointmentChanges = pgTable(
  'appointment_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id').notNull().references(() => appointments.id),
    change: text('change').notNull(),
    /** 'one' | 'following' | 'series'. */
    scope: text('scope').notNull().default('one'),
    fromStartsAt: timestamp('from_starts_at', { withTimezone: true, mode: 'date' }),
    toStartsAt: timestamp('to_starts_at', { withTimezone: true, mode: 'date' }),
    fromChairId: uuid('from_chair_id'),
    toChairId: uuid('to_chair_id'),
    reason: text('reason'),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull(),
    changedBy: uuid('changed_by').notNull().references(() => users.id),
  },
  (t) => [
    index('appointment_changes_appointment_idx').on(t.appointmentId),
    check('appointment_changes_change_valid', sql`${t.change} IN ('booked', 'moved', 'cancelled', 'no-show', 'late-cancel', 'status')`),
    check('appointment_changes_scope_valid', sql`${t.scope} IN ('one', 'following', 'series')`),
  ],
);

/** Patients waiting for a chair; a freed chair is offered to them. */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    planId: uuid('plan_id').references(() => treatmentPlans.id),
    appointmentType: text('appointment_type').notNull().references(() => appointmentTypes.key),
    earliestOn: text('earliest_on').notNull(),
    latestOn: text('latest_on').notNull(),
    note: text('note'),
    /** 'waiting' | 'offered' | 'booked' | 'removed'. */
    status: text('status').notNull().default('waiting'),
    offeredChairId: uuid('offered_chair_id').references(() => chairs.id),
    offeredStartsAt: timestamp('offered_starts_at', { withTimezone: true, mode: 'date' }),
    offeredAt: timestamp('offered_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
  },
  (t) => [
    index('waitlist_entries_status_idx').on(t.status, t.earliestOn),
    check('waitlist_entries_status_valid', sql`${t.status} IN ('waiting', 'offered', 'booked', 'removed')`),
    check('waitlist_entries_dates', sql`${t.earliestOn} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND ${t.latestOn} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND ${t.earliestOn} <= ${t.latestOn}`),
  ],
);

/** Outgoing reminders (e-mail or SMS). Without a configured transport they stay here, visible on the outbox screen. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** 'queued' | 'sent' | 'failed' | 'held' (no transport configured) | 'cancelled'. */
    status: text('status').notNull().default('queued'),
    sendAfter: timestamp('send_after', { withTimezone: true, mode: 'date' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('outbox_messages_status_idx').on(t.status, t.sendAfter),
    index('outbox_messages_appointment_idx').on(t.appointmentId),
    check('outbox_messages_channel_valid', sql`${t.channel} IN ('email', 'sms')`),
    check('outbox_messages_status_valid', sql`${t.status} IN ('queued', 'sent', 'failed', 'held', 'cancelled')`),
  ],
);

/** The embedded job queue used with PGlite (PostgreSQL uses pg-boss behind the same interface). */
export const embeddedJobs = pgTable(
  'embedded_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** 'created' | 'active' | 'completed' | 'failed'. */
    state: text('state').notNull().default('created'),
    runAfter: timestamp('run_after', { withTimezone: true, mode: 'date' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('embedded_jobs_due_idx').on(t.state, t.runAfter),
    check('embedded_jobs_state_valid', sql`${t.state} IN ('created', 'active', 'completed', 'failed')`),
  ],
);
