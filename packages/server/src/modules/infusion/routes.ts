import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildDischargeInstructions } from '@glia/clinical';
import {
  AdverseEventCreate, CheckInUpdate, NoteSign, OrderPrepare, PatientIdParams, PatientSessions, PreDoseDecisionCreate, PumpEventCreate, ReadingCreate,
  ReadingCreated, RecoveryAssessmentCreate, SessionAlertParams, SessionCreate, SessionDetail, SessionIdParams, SessionList, SessionListQuery, WasteForSession,
} from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { allow } from '../../security/access.ts';
import { CLINICAL, PRESCRIBING } from '../intake/intake-roles.ts';
import { BoardBus } from './board-bus.ts';
import { renderDischargePdf } from './discharge-pdf.ts';
import {
  acknowledgeAlert, addAdverseEvent, addNoteAddendum, addReading, closeSession, createSession, dischargeInstructionsData, dischargeSession, getSession,
  listSessions, patientSessions, prepareOrder, recordPreDoseDecision, recordPumpEvent, recordRecovery, signNote, updateCheckIn, wasteForSession, type InfusionDeps,
} from './session-service.ts';

const tags = ['infusion'];
/** Who works the chairs: nurses chart; prescribers and the medical director supervise. */
const CHAIRSIDE = CLINICAL;

export async function infusionRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const bus = new BoardBus();
  const deps: InfusionDeps = { ...opts.deps, bus };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const id = SessionIdParams;
  // Open board streams, ended when the server closes so that close() does not wait on them.
  const streams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of [...streams]) end();
  });

  r.get('/api/sessions', {
    config: allow(...CHAIRSIDE, 'front-desk'),
    schema: { tags, summary: "The day's infusion sessions (clinic-local date, today by default) with phase, times, last vitals, next reading due and active alerts", querystring: SessionListQuery, response: { 200: SessionList } },
  }, (req) => listSessions(deps, req.actor(), req.query.date));

  r.post('/api/sessions', {
    config: allow(...CHAIRSIDE, 'front-desk'),
    schema: { tags, summary: 'Check in a booked appointment: a session in phase "arrived" in its chair', body: SessionCreate, response: { 201: SessionDetail } },
  }, async (req, reply) => reply.status(201).send(await createSession(deps, req.actor(), req.body.appointmentId)));

  r.get('/api/sessions/:id', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'A session: phase, checklist, order, pump events, readings, alerts, predicted concentration, discharge check, controlled-substance record, note', params: id, response: { 200: SessionDetail } },
  }, (req) => getSession(deps, req.actor(), req.params.id));

  r.put('/api/sessions/:id/check-in', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'Record check-in facts for the rule 18 checklist: escort, fasting, re-weigh, medication changes', params: id, body: CheckInUpdate, response: { 200: SessionDetail } },
  }, (req) => updateCheckIn(deps, req.actor(), req.params.id, req.body));

  r.post('/api/sessions/:id/pre-dose-decision', {
    config: allow(...PRESCRIBING),
    schema: { tags, summary: 'Rule 19: a prescriber proceeds or delays on a pre-dose BP above the threshold, with a reason', params: id, body: PreDoseDecisionCreate, response: { 200: SessionDetail } },
  }, (req) => recordPreDoseDecision(deps, req.actor(), req.params.id, req.body));

  r.post('/api/sessions/:id/order', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: "Prepare the dose: the active plan's current order on the current weight (rules 9-12), drawn from the chosen lot into the ledger", params: id, body: OrderPrepare, response: { 200: SessionDetail } },
  }, (req) => prepareOrder(deps, req.actor(), req.params.id, req.body));

  r.post('/api/sessions/:id/pump-events', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'Chart a pump event: start (needs the checklist, rule 19 decision and dose), pause/rate change (reason), resume, stop (completed or stopped early)', params: id, body: PumpEventCreate, response: { 200: SessionDetail } },
  }, (req) => recordPumpEvent(deps, req.actor(), req.params.id, req.body));

  r.post('/api/sessions/:id/readings', {
    config: allow(...CHAIRSIDE),
    schema: {
      tags,
      summary: 'Chart a reading (any subset of vitals, sedation, dissociation, nausea, symptoms); returns it with the alerts active after it (rules 20-25). Future or impossible values are 400.',
      params: id, body: ReadingCreate, response: { 201: ReadingCreated },
    },
  }, async (req, reply) => reply.status(201).send(await addReading(deps, req.actor(), req.params.id, req.body)));

  r.post('/api/sessions/:id/alerts/:key/acknowledge', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'Acknowledge an alert', params: SessionAlertParams, response: { 200: SessionDetail } },
  }, (req) => acknowledgeAlert(deps, req.actor(), req.params.id, req.params.key));

  r.post('/api/sessions/:id/adverse-events', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'Record an adverse event with linked readings, actions and rescue drugs (rule 26)', params: id, body: AdverseEventCreate, response: { 200: SessionDetail } },
  }, (req) => addAdverseEvent(deps, req.actor(), req.params.id, req.body));

  r.post('/api/sessions/:id/recovery', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'Recovery assessment: modified Aldrete items, escort present, prescriber vitals sign-off (rule 28)', params: id, body: RecoveryAssessmentCreate, response: { 200: SessionDetail } },
  }, (req) => recordRecovery(deps, { ...req.actor(), roles: req.user?.roles ?? [] }, req.params.id, req.body));

  r.post('/api/sessions/:id/discharge', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'Discharge: refused with every unmet criterion (rules 25, 28) until the clinical core says ready', params: id, response: { 200: SessionDetail } },
  }, (req) => dischargeSession(deps, req.actor(), req.params.id));

  r.get('/api/sessions/:id/discharge-instructions.pdf', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'Discharge instructions (rule 29) as a PDF', params: id, produces: ['application/pdf'] },
  }, async (req, reply) => {
    const data = await dischargeInstructionsData(deps, req.actor(), req.params.id);
    const endedAt = data.l.evaluation.replay.infusionEndedAt!;
    const instructions = buildDischargeInstructions({
      kind: 'iv-ketamine', treatmentEndedAt: endedAt, emergencyContact: { label: data.clinicName, phone: data.clinicPhone ?? 'the clinic' }, config: data.l.rules.discharge,
    });
    const pdf = await renderDischargePdf({
      clinicName: data.clinicName, timeZone: data.l.timeZone, patientName: data.patientName, mrn: data.mrn, escortName: data.l.session.checkIn?.escort?.name ?? null,
      treatmentEndedAt: endedAt, printedAt: data.now, instructions,
    });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="discharge-instructions-${data.l.session.serviceDate}.pdf"`).send(pdf);
  });

  r.post('/api/sessions/:id/waste', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: "Waste what is left of the session's draw, witnessed by a second licensed user who re-authenticates (rule 35)", params: id, body: WasteForSession, response: { 200: SessionDetail } },
  }, (req) => wasteForSession(deps, req.actor(), req.params.id, req.body));

  r.post('/api/sessions/:id/close', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'Close the session: refused unless drawn = given + wasted for every draw (rule 34)', params: id, response: { 200: SessionDetail } },
  }, (req) => closeSession(deps, req.actor(), req.params.id));

  r.post('/api/sessions/:id/note', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'Sign the reviewed session note (re-authentication); locked once signed', params: id, body: NoteSign, response: { 200: SessionDetail } },
  }, (req) => signNote(deps, req.actor(), req.params.id, req.body));

  r.post('/api/sessions/:id/note/addenda', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: 'Add a signed addendum to the signed note', params: id, body: NoteSign, response: { 200: SessionDetail } },
  }, (req) => addNoteAddendum(deps, req.actor(), req.params.id, req.body));

  r.get('/api/patients/:id/sessions', {
    config: allow(...CHAIRSIDE),
    schema: { tags, summary: "The patient's infusion sessions with the PHQ-9 of each visit day (score trend)", params: PatientIdParams, response: { 200: PatientSessions } },
  }, (req) => patientSessions(deps, req.actor(), req.params.id));

  r.get('/api/board/events', {
    config: allow(...CHAIRSIDE, 'front-desk'),
    schema: { tags, summary: 'Server-sent events of board changes: `data: {"type","sessionId","serviceDate","change","at"}` (ids only); a comment line every 15 s keeps the stream open', response: { 200: z.string() } },
  }, (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`retry: 2000\n: connected ${new Date(deps.now()).toISOString()}\n\n`);
    const unsubscribe = bus.subscribe((event) => res.write(`event: board\ndata: ${JSON.stringify(event)}\n\n`));
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const end = (): void => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    streams.add(end);
    req.raw.on('close', end);
  });
}
