import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import {
  Appointment, AppointmentCancel, AppointmentChangeResult, AppointmentMove, AppointmentMoveResult, AppointmentNoShow, BookingConflictProblem, DayQuery, DaySchedule, OutboxMessage,
  PatientIdParams, PlanCreate, PlanListQuery, PlanOrderCreate, PlanStatusChange, Protocol, SeriesBooking, SeriesBookingRequest, SeriesProposal, SeriesProposalRequest,
  TreatmentPlan, Uuid, WaitlistCreate, WaitlistEntry, WeekQuery,
} from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { protocols } from '../../db/schema/index.ts';
import { allow } from '../../security/access.ts';
import { PRESCRIBING } from '../intake/intake-roles.ts';
import { addToWaitlist, cancelAppointment, daySchedule, listOutbox, listWaitlist, markNoShow, moveAppointment, weekSchedule } from './appointment-service.ts';
import { addOrder, changePlanStatus, createPlan, getPlan, listPlans } from './plan-service.ts';
import { bookForPlan, proposeForPlan } from './series-service.ts';

const tags = ['scheduling'];
/** Front desk books and changes; clinicians too. */
export const SCHEDULING: readonly ['front-desk', 'nurse', 'prescriber', 'medical-director'] = ['front-desk', 'nurse', 'prescriber', 'medical-director'];
const IdParams = z.strictObject({ id: Uuid });

export async function schedulingRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/protocols', {
    config: allow(...SCHEDULING, 'admin'),
    schema: { tags, summary: 'Protocol templates (dose, duration, chair time, spacing and review points)', response: { 200: z.array(Protocol) } },
  }, async () => {
    const rows = await deps.database.db.select().from(protocols).where(and(eq(protocols.active, true))).orderBy(asc(protocols.name));
    return rows.map((p) => ({ ...p, route: p.route as 'iv-ketamine', phase: p.phase as 'induction', indicationKind: p.indicationKind as 'psychiatric' }));
  });

  r.get('/api/plans', {
    config: allow(...SCHEDULING),
    schema: { tags, summary: 'Treatment plans, newest first (filter by patient or status)', querystring: PlanListQuery, response: { 200: z.array(TreatmentPlan) } },
  }, (req) => listPlans(deps, req.actor(), req.query));

  r.post('/api/patients/:id/plans', {
    config: allow(...PRESCRIBING),
    schema: {
      tags, summary: 'Order and sign a treatment plan from a protocol (re-authentication in the request). Only for an eligible, consented patient with a current weight (rules 2, 9, 10; rule 17 for maintenance).',
      params: PatientIdParams, body: PlanCreate, response: { 201: TreatmentPlan },
    },
  }, async (req, reply) => reply.status(201).send(await createPlan(deps, req.actor(), req.params.id, req.body)));

  r.get('/api/plans/:id', {
    config: allow(...SCHEDULING),
    schema: { tags, summary: 'A treatment plan with its order history and appointments', params: IdParams, response: { 200: TreatmentPlan } },
  }, (req) => getPlan(deps, req.actor(), req.params.id));

  r.post('/api/plans/:id/orders', {
    config: allow(...PRESCRIBING),
    schema: { tags, summary: 'Sign a new order version (dose change); earlier versions stay', params: IdParams, body: PlanOrderCreate, response: { 201: TreatmentPlan } },
  }, async (req, reply) => reply.status(201).send(await addOrder(deps, req.actor(), req.params.id, req.body)));

  r.post('/api/plans/:id/status', {
    config: allow(...PRESCRIBING),
    schema: { tags, summary: 'Pause, complete or stop a plan with a reason; completing or stopping cancels its future bookings', params: IdParams, body: PlanStatusChange, response: { 200: TreatmentPlan } },
  }, (req) => changePlanStatus(deps, req.actor(), req.params.id, req.body));

  r.post('/api/plans/:id/series/proposal', {
    config: allow(...SCHEDULING),
    schema: {
      tags, summary: 'Propose the earliest series satisfying every spacing rule (14-17), the preferred days and times, and chair, nurse and prescriber availability for every occurrence',
      params: IdParams, body: SeriesProposalRequest, response: { 200: SeriesProposal, 409: BookingConflictProblem },
    },
  }, (req) => proposeForPlan(deps, req.actor(), req.params.id, req.body));

  r.post('/api/plans/:id/series', {
    config: allow(...SCHEDULING),
    schema: {
      tags, summary: 'Book the chosen occurrences all-or-nothing in one transaction: 201 with the booked appointments, or 409 with the conflicting occurrence and reason (422 when a spacing rule blocks)',
      params: IdParams, body: SeriesBookingRequest, response: { 201: SeriesBooking, 409: BookingConflictProblem },
    },
  }, async (req, reply) => reply.status(201).send(await bookForPlan(deps, req.actor(), req.params.id, req.body)));

  r.post('/api/appointments/:id/move', {
    config: allow(...SCHEDULING),
    schema: {
      tags, summary: 'Move one appointment or this and the following ones of its series; spacing (rules 14-15) and resources are re-checked. dryRun: true checks only.',
      params: IdParams, body: AppointmentMove, response: { 200: AppointmentMoveResult },
    },
  }, (req) => moveAppointment(deps, req.actor(), req.params.id, req.body));

  r.post('/api/appointments/:id/cancel', {
    config: allow(...SCHEDULING),
    schema: { tags, summary: 'Cancel one, this and following, or the whole series with a reason; patient cancels inside the window count as late cancels; freed chairs are offered to the waitlist', params: IdParams, body: AppointmentCancel, response: { 200: AppointmentChangeResult } },
  }, (req) => cancelAppointment(deps, req.actor(), req.params.id, req.body));

  r.post('/api/appointments/:id/no-show', {
    config: allow(...SCHEDULING),
    schema: { tags, summary: 'Record a no-show (after the start time)', params: IdParams, body: AppointmentNoShow, response: { 200: AppointmentChangeResult } },
  }, (req) => markNoShow(deps, req.actor(), req.params.id, req.body.reason));

  r.get('/api/schedule/day', {
    config: allow(...SCHEDULING),
    schema: { tags, summary: 'One clinic day by chair: appointments, chairs, staff on duty, opening hours', querystring: DayQuery, response: { 200: DaySchedule } },
  }, (req) => daySchedule(deps, req.actor(), req.query.date));

  r.get('/api/schedule/week', {
    config: allow(...SCHEDULING),
    schema: { tags, summary: 'Seven clinic days of active appointments from a start date', querystring: WeekQuery, response: { 200: z.object({ start: z.string(), timeZone: z.string(), days: z.array(z.object({ date: z.string(), closedReason: z.string().nullable(), appointments: z.array(Appointment) })) }) } },
  }, (req) => weekSchedule(deps, req.actor(), req.query.start));

  r.get('/api/waitlist', {
    config: allow(...SCHEDULING),
    schema: { tags, summary: 'Patients waiting for a chair, with the freed slot offered to them', response: { 200: z.array(WaitlistEntry) } },
  }, (req) => listWaitlist(deps, req.actor()));

  r.post('/api/waitlist', {
    config: allow(...SCHEDULING),
    schema: { tags, summary: 'Put a patient on the waitlist for a date window', body: WaitlistCreate, response: { 201: WaitlistEntry } },
  }, async (req, reply) => reply.status(201).send(await addToWaitlist(deps, req.actor(), req.body)));

  r.get('/api/outbox', {
    config: allow(...SCHEDULING, 'admin'),
    schema: { tags, summary: 'Reminder messages (queued, sent, held without a transport, failed)', response: { 200: z.array(OutboxMessage) } },
  }, (req) => listOutbox(deps, req.actor()));
}

