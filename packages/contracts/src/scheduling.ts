import { z } from 'zod';
import { CalendarDate, Instant, Problem, Text, Uuid } from './common.ts';
import { Reauthentication } from './signing.ts';

/** Scheduling: protocols, treatment plans, whole-series booking, calendar, reminders (clinical.md §15 rules 14-17). */

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const RuleFinding = z.object({
  rule: z.number().int(),
  severity: z.enum(['block', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  facts: z.record(z.string(), Scalar),
  thresholds: z.record(z.string(), Scalar).optional(),
  sources: z.array(z.string()),
});
export type RuleFinding = z.infer<typeof RuleFinding>;

const TreatmentRouteSchema = z.enum(['iv-ketamine', 'esketamine']);
export const PlanStatus = z.enum(['active', 'paused', 'completed', 'stopped']);
export const WeightBasis = z.enum(['actual', 'ideal', 'adjusted']);
export const AppointmentStatus = z.enum(['booked', 'checked-in', 'in-progress', 'completed', 'cancelled', 'no-show', 'late-cancel']);
export const AppointmentTypeKey = z.enum(['evaluation', 'infusion', 'follow-up', 'response-review', 'esketamine']);
const HhMm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'must be a time as HH:MM' });
const Weekday = z.number().int().min(0, { message: 'must be 0 (Sunday) to 6' }).max(6, { message: 'must be 0 (Sunday) to 6' });

export const Protocol = z.object({
  id: Uuid,
  key: z.string(),
  name: z.string(),
  route: TreatmentRouteSchema,
  phase: z.enum(['induction', 'maintenance', 'pain']),
  indicationKind: z.enum(['psychiatric', 'pain']),
  defaultInfusions: z.number().int(),
  doseMgPerKg: z.number().nullable(),
  esketamineDoseMg: z.number().int().nullable(),
  infusionDurationMin: z.number().int(),
  recoveryMin: z.number().int(),
  chairTimeMin: z.number().int(),
  maxPerRolling7Days: z.number().int().nullable(),
  boosterIntervalMinDays: z.number().int().nullable(),
  boosterIntervalMaxDays: z.number().int().nullable(),
  titrationSteps: z.array(z.object({ afterInfusion: z.number().int(), doseMgPerKg: z.number(), condition: z.string() })),
  reviewPoints: z.array(z.object({ kind: z.enum(['response-review', 'maintenance-review']), afterInfusion: z.number().int().optional(), afterWeeks: z.number().int().optional() })),
  active: z.boolean(),
});
export type Protocol = z.infer<typeof Protocol>;

export const PlanOrder = z.object({
  id: Uuid,
  version: z.number().int(),
  doseMgPerKg: z.number().nullable(),
  weightBasis: WeightBasis,
  infusionDurationMin: z.number().int(),
  esketamineDoseMg: z.number().int().nullable(),
  weightKg: z.number().nullable(),
  weightObservedAt: z.string().nullable(),
  computedDoseMg: z.number().nullable(),
  reason: z.string().nullable(),
  orderedByName: z.string(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
});
export type PlanOrder = z.infer<typeof PlanOrder>;

export const Appointment = z.object({
  id: Uuid,
  patientId: Uuid,
  patientName: z.string(),
  mrn: z.string(),
  planId: Uuid.nullable(),
  appointmentType: AppointmentTypeKey,
  chairId: Uuid.nullable(),
  chairName: z.string().nullable(),
  nurseUserId: Uuid.nullable(),
  nurseName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: AppointmentStatus,
  statusReason: z.string().nullable(),
  seriesId: Uuid.nullable(),
  occurrenceNumber: z.number().int().nullable(),
  version: z.number().int(),
});
export type Appointment = z.infer<typeof Appointment>;

export const TreatmentPlan = z.object({
  id: Uuid,
  patientId: Uuid,
  patientName: z.string(),
  mrn: z.string(),
  protocolId: Uuid,
  protocolName: z.string(),
  protocolPhase: z.enum(['induction', 'maintenance', 'pain']),
  indication: z.string(),
  route: TreatmentRouteSchema,
  status: PlanStatus,
  statusReason: z.string().nullable(),
  infusionsPlanned: z.number().int(),
  responseReviewDue: z.string().nullable(),
  maintenanceReviewDue: z.string().nullable(),
  maintenanceEndPoint: z.string().nullable(),
  preferredWeekdays: z.array(z.number().int()),
  preferredEarliestTime: z.string().nullable(),
  preferredLatestTime: z.string().nullable(),
  chairTimeMin: z.number().int(),
  signedByName: z.string(),
  signedAt: z.string(),
  version: z.number().int(),
  currentOrder: PlanOrder.nullable(),
  orders: z.array(PlanOrder),
  appointments: z.array(Appointment),
});
export type TreatmentPlan = z.infer<typeof TreatmentPlan>;

export const PlanCreate = z.strictObject({
  protocolId: Uuid,
  indication: Text(200),
  infusionsPlanned: z.number().int().min(1, { message: 'must be at least 1' }).max(52, { message: 'must be at most 52' }).optional(),
  doseMgPerKg: z.number().positive({ message: 'must be above 0' }).max(2, { message: 'must be at most 2 mg/kg' }).optional(),
  esketamineDoseMg: z.union([z.literal(28), z.literal(56), z.literal(84)]).optional(),
  weightBasis: WeightBasis.default('actual'),
  infusionDurationMin: z.number().int().min(1).max(600).optional(),
  maintenanceReviewDue: Instant.optional(),
  maintenanceEndPoint: Text(500).optional(),
  preferredWeekdays: z.array(Weekday).max(7).default([]),
  preferredEarliestTime: HhMm.optional(),
  preferredLatestTime: HhMm.optional(),
  signature: Reauthentication,
});
export type PlanCreate = z.infer<typeof PlanCreate>;

export const PlanOrderCreate = z.strictObject({
  doseMgPerKg: z.number().positive({ message: 'must be above 0' }).max(2, { message: 'must be at most 2 mg/kg' }).optional(),
  esketamineDoseMg: z.union([z.literal(28), z.literal(56), z.literal(84)]).optional(),
  weightBasis: WeightBasis.default('actual'),
  infusionDurationMin: z.number().int().min(1).max(600).optional(),
  reason: Text(500),
  signature: Reauthentication,
});
export type PlanOrderCreate = z.infer<typeof PlanOrderCreate>;

export const PlanStatusChange = z.strictObject({
  status: PlanStatus,
  reason: Text(500),
  version: z.number().int(),
});
export type PlanStatusChange = z.infer<typeof PlanStatusChange>;

export const PlanListQuery = z.strictObject({ patientId: Uuid.optional(), status: PlanStatus.optional() });

export const SeriesProposalRequest = z.strictObject({
  startOn: CalendarDate.optional().describe('First clinic-local day to search from (default today)'),
  count: z.number().int().min(1).max(52).optional().describe('Occurrences to propose (default: the plan\'s planned infusions minus those already booked)'),
  preferredWeekdays: z.array(Weekday).max(7).optional(),
  earliestTime: HhMm.optional(),
  latestTime: HhMm.optional(),
});
export type SeriesProposalRequest = z.infer<typeof SeriesProposalRequest>;

export const ProposedOccurrence = z.object({
  occurrenceNumber: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  chairId: Uuid.nullable(),
  chairName: z.string().nullable(),
  nurseUserId: Uuid.nullable(),
  nurseName: z.string().nullable(),
  prescriberUserId: Uuid.nullable(),
  prescriberName: z.string().nullable(),
});
export const SeriesProposal = z.object({
  planId: Uuid,
  route: TreatmentRouteSchema,
  chairTimeMin: z.number().int(),
  occurrences: z.array(ProposedOccurrence),
  findings: z.array(RuleFinding),
  responseReviewDue: z.string().nullable(),
});
export type SeriesProposal = z.infer<typeof SeriesProposal>;

export const SeriesBookingRequest = z.strictObject({
  occurrences: z.array(z.strictObject({ startsAt: Instant, chairId: Uuid.optional(), nurseUserId: Uuid.optional() })).min(1, { message: 'must list at least one occurrence' }).max(52),
  acknowledgeWarnings: z.boolean().default(false).describe('Book although a spacing rule warns (e.g. rule 14: under 48 h)'),
});
export type SeriesBookingRequest = z.infer<typeof SeriesBookingRequest>;

export const SeriesBooking = z.object({
  seriesId: Uuid,
  appointments: z.array(Appointment),
  findings: z.array(RuleFinding),
  responseReviewDue: z.string().nullable(),
});
export type SeriesBooking = z.infer<typeof SeriesBooking>;

export const BookingConflictProblem = Problem.extend({
  occurrence: z.object({ index: z.number().int(), occurrenceNumber: z.number().int(), startsAt: z.string(), chairId: Uuid.nullable() }).optional(),
  reason: z.string().optional(),
});

export const ChangeScope = z.enum(['one', 'following', 'series']);
export const AppointmentMove = z.strictObject({
  startsAt: Instant,
  chairId: Uuid.optional(),
  scope: z.enum(['one', 'following']).default('one'),
  reason: Text(500),
  version: z.number().int(),
  acknowledgeWarnings: z.boolean().default(false),
  dryRun: z.boolean().default(false).describe('Check the rules and resources only; change nothing'),
});
export type AppointmentMove = z.infer<typeof AppointmentMove>;

export const AppointmentMoveResult = z.object({ appointments: z.array(Appointment), findings: z.array(RuleFinding), dryRun: z.boolean() });
export type AppointmentMoveResult = z.infer<typeof AppointmentMoveResult>;

export const AppointmentCancel = z.strictObject({
  scope: ChangeScope.default('one'),
  reason: Text(500),
  byPatient: z.boolean().default(false).describe('Patient-initiated: counts as a late cancel inside the late-cancel window'),
});
export type AppointmentCancel = z.infer<typeof AppointmentCancel>;
export const AppointmentNoShow = z.strictObject({ reason: Text(500) });

export const AppointmentChangeResult = z.object({ appointments: z.array(Appointment), waitlistOffers: z.number().int() });
export type AppointmentChangeResult = z.infer<typeof AppointmentChangeResult>;

export const DayQuery = z.strictObject({ date: CalendarDate });
export const WeekQuery = z.strictObject({ start: CalendarDate });

export const StaffOnDuty = z.object({ userId: Uuid, name: z.string(), role: z.enum(['nurse', 'prescriber']), startsAt: z.string(), endsAt: z.string() });
export const ChairInfo = z.object({ id: Uuid, name: z.string(), room: z.string().nullable(), inService: z.boolean() });
export const DaySchedule = z.object({
  date: z.string(),
  timeZone: z.string(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  chairs: z.array(ChairInfo),
  staff: z.array(StaffOnDuty),
  appointments: z.array(Appointment),
});
export type DaySchedule = z.infer<typeof DaySchedule>;
export const WeekSchedule = z.object({ start: z.string(), timeZone: z.string(), days: z.array(z.object({ date: z.string(), closedReason: z.string().nullable(), appointments: z.array(Appointment) })) });
export type WeekSchedule = z.infer<typeof WeekSchedule>;

export const WaitlistCreate = z.strictObject({
  patientId: Uuid,
  planId: Uuid.optional(),
  appointmentType: AppointmentTypeKey,
  earliestOn: CalendarDate,
  latestOn: CalendarDate,
  note: Text(500).optional(),
});
export type WaitlistCreate = z.infer<typeof WaitlistCreate>;
export const WaitlistEntry = z.object({
  id: Uuid,
  patientId: Uuid,
  patientName: z.string(),
  appointmentType: AppointmentTypeKey,
  earliestOn: z.string(),
  latestOn: z.string(),
  note: z.string().nullable(),
  status: z.enum(['waiting', 'offered', 'booked', 'removed']),
  offeredChairName: z.string().nullable(),
  offeredStartsAt: z.string().nullable(),
});
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;

export const OutboxMessage = z.object({
  id: Uuid,
  patientName: z.string(),
  appointmentId: Uuid.nullable(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['queued', 'sent', 'failed', 'held', 'cancelled']),
  sendAfter: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** Request bodies as a client writes them (fields with defaults may be left out). */
export type SeriesBookingInput = z.input<typeof SeriesBookingRequest>;
export type AppointmentMoveInput = z.input<typeof AppointmentMove>;
export type AppointmentCancelInput = z.input<typeof AppointmentCancel>;
