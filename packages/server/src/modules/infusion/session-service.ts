/**
 * The infusion day (clinical.md §6-8; rules 9-13, 18-29, 34): check-in and the
 * pre-start checklist, the dose and its draw from the ledger, pump events,
 * readings with the alert engine after each one, adverse events and rescue
 * drugs, recovery, discharge, the controlled-substance closure and the signed
 * note. Every write runs in one transaction with its audit entry and then tells
 * the chair boards (BoardBus).
 */
import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import { calculateIvDose, medicationFindings, validateRescueDrugRecord, type ChecklistItemId, type ClinicRuleConfig, type Finding } from '@glia/clinical';
import type {
  AdverseEventCreate, CheckInUpdate, NoteSign, OrderPrepare, PatientSessions, PreDoseDecisionCreate, PumpEventCreate, ReadingCreate, ReadingCreated,
  RecoveryAssessmentCreate, SessionAlert, SessionDetail, SessionList, SessionSummary, WasteForSession,
} from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { assessments } from '../../db/schema/index.ts';
import { badRequest, conflict, invalidField, notFound, ruleBlocked, unprocessable } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { getClinicRuleConfig } from '../clinic-rules/clinic-rule-config.ts';
import { getClinic } from '../clinic/clinic-repo.ts';
import { listMedications, listObservations } from '../intake/history-repo.ts';
import { medicationFact } from '../intake/history-service.ts';
import { findIntake } from '../intake/intake-repo.ts';
import { localDateOf, nextDate, startOfLocalDay } from '../inventory/clinic-calendar.ts';
import { findLot } from '../inventory/inventory-repo.ts';
import { ledgerContext } from '../inventory/ledger-context.ts';
import {
  administrationRecordsForSession, closeAdministrationRecordInTx, drawForSessionInTx, recordAdministrationInTx, recordWasteInTx,
} from '../inventory/ledger-service.ts';
import { ledgerError } from '../inventory/ledger-errors.ts';
import { verifySecondSigner } from '../inventory/second-signer.ts';
import { insertAddendum, listAddenda } from '../signing/addenda-service.ts';
import { reauthenticate } from '../signing/reauthenticate.ts';
import type { BoardBus } from './board-bus.ts';
import {
  alertViews, evaluateSession, findingViews, PK_LABEL, PK_MODEL, scoreAldrete, type AlertView, type ChartFacts, type SessionEvaluation,
} from './session-evaluate.ts';
import { generateSessionNote } from './session-note.ts';
import {
  chairsByIds, findAlert, findNote, findSession, findSessionByAppointment, firstUserWithRole, insertAdverseEvent, insertAlert, insertEvent, insertNote, insertReading,
  insertRescueDrug, insertSession, listAdverseEvents, listAlerts, listEvents, listNotes, listReadings, listRescueDrugs, listSessionsOfPatient, listSessionsOn,
  lockSession, patientsByIds, updateAlert, updateSession, userNames, type EventRow, type ReadingRow, type SessionRow,
} from './session-repo.ts';
import { currentPlanOrder, findAppointment, infusionAppointmentsBetween } from './scheduling-link.ts';

export interface InfusionDeps extends Pick<AppDeps, 'database' | 'now'> {
  bus: BoardBus;
}

type SessionDetailT = SessionDetail;
type SessionSummaryT = SessionSummary;
type Actor = AuditActor;

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const round2 = (x: number): number => Math.round(x * 100) / 100;

// ── Loading ─────────────────────────────────────────────────────────────

interface Loaded {
  session: SessionRow;
  events: EventRow[];
  readings: ReadingRow[];
  facts: ChartFacts;
  rules: ClinicRuleConfig;
  timeZone: string;
  evaluation: SessionEvaluation;
}

async function chartFacts(db: DbOrTx, patientId: string, timeZone: string, now: Date): Promise<ChartFacts> {
  const intake = await findIntake(db, patientId);
  const observations = await listObservations(db, patientId);
  const at = (o: { observedAt: Date | null; observedOn: string }): Date => o.observedAt ?? startOfLocalDay(o.observedOn, timeZone);
  const weight = observations.find((o) => o.kind === 'weight');
  const pregnancy = observations.find((o) => o.kind === 'pregnancy-test');
  const since = new Date(now.getTime() - 48 * 3_600_000);
  const scales = await db.select({ instrument: assessments.instrument, at: assessments.administeredAt, complete: assessments.complete })
    .from(assessments).where(and(eq(assessments.patientId, patientId), gte(assessments.administeredAt, since)));
  return {
    // Unknown childbearing potential counts as yes (rule 4).
    childbearingPotential: intake?.childbearingPotential ?? true,
    pregnancyTest: pregnancy ? { result: pregnancy.result as 'negative' | 'positive', takenAt: at(pregnancy) } : null,
    chartWeight: weight ? { weightKg: weight.weightKg!, measuredAt: at(weight) } : null,
    completedInstruments: scales.filter((s) => s.complete).map((s) => ({ instrumentId: s.instrument, completedAt: s.at })),
  };
}

async function loadSession(db: DbOrTx, id: string, now: Date, opts: { lock?: boolean } = {}): Promise<Loaded> {
  const session = opts.lock ? await lockSession(db, id) : await findSession(db, id);
  if (!session) throw notFound('Session');
  const clinic = await getClinic(db);
  const rules = await getClinicRuleConfig(db);
  const events = await listEvents(db, [id]);
  const readings = await listReadings(db, [id]);
  const facts = await chartFacts(db, session.patientId, clinic.timeZone, now);
  return { session, events, readings, facts, rules, timeZone: clinic.timeZone, evaluation: evaluateSession(session, events, readings, facts, rules, now) };
}

// ── Views ───────────────────────────────────────────────────────────────

function alertOut(a: AlertView, names: Map<string, string>): SessionAlert {
  return {
    key: a.key, rule: a.rule, severity: a.severity, code: a.code, message: a.message, action: a.action, since: a.since.toISOString(), active: a.active,
    requiresAcknowledgement: a.requiresAcknowledgement, acknowledgedAt: iso(a.acknowledgedAt), acknowledgedBy: a.acknowledgedBy ? (names.get(a.acknowledgedBy) ?? null) : null,
    escalatedAt: iso(a.escalatedAt), escalatedTo: a.escalatedTo ? (names.get(a.escalatedTo) ?? null) : null,
  };
}

function lastVitals(readings: readonly ReadingRow[]): SessionSummaryT['lastVitals'] {
  const r = [...readings].reverse().find((x) => x.systolicMmHg !== null || x.heartRateBpm !== null || x.spo2Pct !== null);
  return r ? { takenAt: r.takenAt.toISOString(), systolicMmHg: r.systolicMmHg, diastolicMmHg: r.diastolicMmHg, heartRateBpm: r.heartRateBpm, spo2Pct: r.spo2Pct, respRatePerMin: r.respRatePerMin } : null;
}

function summaryOf(l: Pick<Loaded, 'session' | 'readings' | 'evaluation'>, alerts: AlertView[], chairName: string, patientName: string, names: Map<string, string>): SessionSummaryT {
  const { session, evaluation: e } = l;
  return {
    id: session.id,
    appointmentId: session.appointmentId,
    chair: { id: session.chairId, name: chairName },
    patientId: session.patientId,
    patientName,
    phase: e.phase,
    serviceDate: session.serviceDate,
    arrivedAt: session.arrivedAt.toISOString(),
    infusionStartedAt: iso(e.replay.infusionStartedAt),
    infusionEndedAt: iso(e.replay.infusionEndedAt),
    elapsedMin: Math.floor(e.replay.elapsedMin),
    remainingMin: e.replay.remainingMin === null ? null : Math.ceil(e.replay.remainingMin),
    lastVitals: lastVitals(l.readings),
    nextReadingDueAt: e.dischargedAt ? null : iso(e.monitoring.schedule.nextDueAt),
    alerts: alerts.map((a) => alertOut(a, names)),
    closed: session.closedAt !== null,
  };
}

const patientName = (p: { givenName: string; familyName: string; preferredName: string | null }): string =>
  `${p.preferredName ?? p.givenName} ${p.familyName}`;

async function detailOf(db: DbOrTx, l: Loaded, now: Date): Promise<SessionDetailT> {
  const { session, evaluation: e, rules } = l;
  const stored = await listAlerts(db, [session.id]);
  const alerts = alertViews(e.monitoring, stored);
  const patient = (await patientsByIds(db, [session.patientId])).get(session.patientId)!;
  const chair = (await chairsByIds(db, [session.chairId])).get(session.chairId)!;
  const adverse = await listAdverseEvents(db, session.id);
  const rescue = await listRescueDrugs(db, session.id);
  const note = await findNote(db, session.id);
  const addenda = note ? await listAddenda(db, 'session-note', note.id) : [];
  const names = await userNames(db, [...stored.flatMap((a) => [a.acknowledgedBy, a.escalatedTo]), note?.signedBy ?? null, ...l.events.map((x) => x.recordedBy), ...l.readings.map((r) => r.recordedBy)]);
  const meds = (await listMedications(db, session.patientId)).filter((m) => m.active);
  const planned = await plannedOrder(db, session, e, rules, now);
  const records = await administrationRecordsForSession(db, { rules }, session.id);
  const order = session.order;
  const checkIn = session.checkIn;
  const recovery = session.recovery;
  const aldreteTotal = e.discharge.aldrete?.total ?? null;
  return {
    ...summaryOf(l, alerts, chair.name, patientName(patient), names),
    serverNow: now.toISOString(),
    kind: session.kind,
    patient: { mrn: patient.mrn, birthDate: patient.birthDate },
    checkIn: {
      escort: checkIn?.escort ?? null,
      fasting: checkIn?.fasting ?? null,
      weight: e.weight ? { weightKg: e.weight.weightKg, measuredAt: e.weight.measuredAt.toISOString(), source: e.weight.source } : null,
      medicationChanges: checkIn?.medicationChanges ?? null,
      medicationFlags: findingViews(medicationFindings(meds.map(medicationFact), rules.medications).filter((f) => f.severity !== 'info' || f.rule === 8)),
    },
    checklist: {
      complete: e.checklist.complete,
      items: e.checklist.items.map((i) => ({ id: i.id, label: CHECKLIST_LABELS[i.id], status: i.status, finding: i.finding ? findingViews([i.finding])[0]! : null })),
    },
    baseline: e.baselineReading ? lastVitals([e.baselineReading]) : null,
    preDoseDecision: session.preDoseDecision ? { decision: session.preDoseDecision.decision, reason: session.preDoseDecision.reason, decidedAt: session.preDoseDecision.decidedAt, decidedByName: session.preDoseDecision.decidedByName } : null,
    startGate: { allowed: e.startGate.allowed && order !== null, findings: findingViews([...e.startGate.findings, ...(order === null ? [ORDER_MISSING] : [])]) },
    plannedOrder: planned,
    order: order
      ? { doseMgPerKg: order.doseMgPerKg, durationMin: order.durationMin, weightKg: order.weightKg, doseMg: order.doseMg, volumeMl: order.volumeMl, rateMlPerH: order.rateMlPerH, concentrationMgPerMl: order.concentrationMgPerMl, lotId: order.lotId, lotNumber: order.lotNumber, drawEntryId: order.drawEntryId, findings: order.findings, preparedAt: order.preparedAt }
      : null,
    pump: {
      givenMl: round2(e.replay.givenMl), givenMg: Math.round(e.replay.givenMg * 10) / 10, currentRateMlPerH: e.replay.currentRateMlPerH,
      runningMin: Math.round(e.replay.runningMin * 10) / 10, pausedMin: Math.round(e.replay.pausedMin * 10) / 10, endOutcome: e.replay.endOutcome, endReason: e.replay.endReason,
    },
    events: l.events.map((x) => ({ id: x.id, type: x.type, at: x.at.toISOString(), rateMlPerH: x.rateMlPerH, reason: x.reason, outcome: x.outcome, recordedBy: x.recordedBy ? (names.get(x.recordedBy) ?? null) : null })),
    readings: l.readings.map((r) => readingOut(r, names)),
    schedule: {
      nextDueAt: e.dischargedAt ? null : iso(e.monitoring.schedule.nextDueAt),
      intervalMin: e.replay.infusionStartedAt === null ? null : e.replay.infusionEndedAt === null ? rules.monitoring.schedule.ivDuringInfusionIntervalMin : rules.monitoring.schedule.ivAfterInfusionIntervalMin,
      overdue: e.monitoring.active.some((a) => a.rule === 20),
    },
    pk: { label: PK_LABEL, model: PK_MODEL, points: e.pkPoints.map((p) => ({ at: p.at.toISOString(), concNgPerMl: p.concNgPerMl })) },
    adverseEvents: adverse.map((a) => ({
      id: a.id, kind: a.kind, severity: a.severity, occurredAt: a.occurredAt.toISOString(), readingIds: a.readingIds, actions: a.actions,
      rescueDrugs: rescue.filter((d) => d.adverseEventId === a.id).map((d) => ({ id: d.id, drug: d.drug, doseAmount: d.doseAmount, doseUnit: d.doseUnit, route: d.route, givenAt: d.givenAt.toISOString(), indication: d.indication, linkedReadingId: d.linkedReadingId })),
    })),
    recovery: {
      startedAt: iso(e.recoveryStartedAt),
      aldrete: recovery?.aldrete && aldreteTotal !== null ? { assessedAt: recovery.aldrete.assessedAt, total: aldreteTotal } : null,
      escortPresentAt: recovery?.escortPresentAt ?? null,
      vitalsSignOff: recovery?.vitalsSignOff ? { signedAt: recovery.vitalsSignOff.signedAt, note: recovery.vitalsSignOff.note } : null,
    },
    discharge: { ready: e.discharge.ready && e.dischargedAt === null, findings: findingViews(e.discharge.findings), earliestByClockAt: iso(e.discharge.earliestByClockAt), aldreteTotal },
    dischargedAt: iso(e.dischargedAt),
    administration: records.map((r) => ({ drawEntryId: r.drawEntryId, lotId: r.lotId, lotNumber: r.lotNumber, drawnMl: r.drawnMl, givenMl: r.givenMl, wastedMl: r.wastedMl, status: r.status })),
    note: note
      ? { id: note.id, text: note.text, signedAt: note.signedAt.toISOString(), signedBy: names.get(note.signedBy) ?? '', addenda: addenda.map((a) => ({ id: a.id, text: a.text, signedAt: a.signature.signedAt, signedBy: a.signature.displayName })) }
      : null,
    draftNote: generateSessionNote({ session, evaluation: e, readings: l.readings, alerts: stored, adverse, rescue, records, patientName: patientName(patient), chairName: chair.name, timeZone: l.timeZone }).text,
  };
}

const CHECKLIST_LABELS: Record<ChecklistItemId, string> = {
  escort: 'Escort name and phone',
  fasting: 'Fasting',
  pregnancy: 'Pregnancy status current',
  weight: 'Weight current',
  'baseline-vitals': 'Baseline BP, HR, SpO2',
  'visit-scales': "Visit's scales (PHQ-9, C-SSRS)",
};

const ORDER_MISSING: Finding = { rule: 9, severity: 'block', code: 'dose-not-prepared', message: 'Prepare the dose (order and lot) before starting.', facts: {}, sources: [] };

function readingOut(r: ReadingRow, names: Map<string, string>): SessionDetailT['readings'][number] {
  return {
    id: r.id, takenAt: r.takenAt.toISOString(), systolicMmHg: r.systolicMmHg, diastolicMmHg: r.diastolicMmHg, heartRateBpm: r.heartRateBpm, spo2Pct: r.spo2Pct,
    respRatePerMin: r.respRatePerMin, moaasScore: r.moaasScore, dissociation: r.dissociationScale !== null && r.dissociationScore !== null ? { scale: r.dissociationScale, score: r.dissociationScore } : null,
    nausea: r.nausea, symptoms: r.symptoms, source: r.source, recordedBy: r.recordedBy ? (names.get(r.recordedBy) ?? null) : null,
  };
}

/** The active plan's current signed order on today's weight, with the dose rules' findings (rules 9-12). */
async function plannedOrder(db: DbOrTx, session: SessionRow, e: SessionEvaluation, rules: ClinicRuleConfig, now: Date): Promise<SessionDetailT['plannedOrder']> {
  const plan = await currentPlanOrder(db, session.patientId, session.appointmentId);
  if (!plan) return null;
  if (!e.weight) return { planId: plan.planId, doseMgPerKg: plan.doseMgPerKg, durationMin: plan.durationMin, weightKg: null, doseMg: null, findings: [] };
  const calc = calculateIvDose({
    protocol: 'psychiatric', order: { kind: 'infusion', doseMgPerKg: plan.doseMgPerKg, durationMin: plan.durationMin },
    weightKg: e.weight.weightKg, weightMeasuredAt: e.weight.measuredAt, now, concentrationMgPerMl: 10,
  }, rules.dosing);
  return {
    planId: plan.planId, doseMgPerKg: plan.doseMgPerKg, durationMin: plan.durationMin, weightKg: e.weight.weightKg,
    doseMg: calc.ok ? calc.value.doseMg : null, findings: calc.ok ? findingViews(calc.value.findings) : calc.errors.map((x) => ({ rule: 9, severity: 'block', code: 'dose-input', message: `${x.field}: ${x.message}` })),
  };
}

// ── After each write: alerts, escalation, emergency stop, boards ──────────

/**
 * Stores every alert the engine raises (one row per key) with its escalation to
 * the prescriber when severe, marks cleared ones, and on an emergency (rule 23
 * crisis symptom, rule 25 MOAA/S 0) stops the infusion record. Returns the
 * re-evaluated session.
 */
async function afterChartWrite(tx: Tx, actor: Actor, l: Loaded, now: Date): Promise<Loaded> {
  let current = l;
  const emergency = current.evaluation.monitoring.active.find((a) => a.severity === 'emergency' && a.rule !== 19);
  if (emergency && (current.evaluation.replay.phase === 'infusing' || current.evaluation.replay.phase === 'paused')) {
    const lastAt = current.events.at(-1)?.at ?? now;
    const at = emergency.since.getTime() >= lastAt.getTime() ? emergency.since : now;
    await insertEvent(tx, { sessionId: l.session.id, type: 'stop', at, outcome: 'stopped-early', reason: `Emergency (rule ${emergency.rule}): ${emergency.message}`, recordedBy: actor.userId, recordedAt: now });
    await recordAudit(tx, actor, { action: 'session.pump.emergency-stop', resourceType: 'session', resourceId: l.session.id, patientId: l.session.patientId, details: { rule: emergency.rule, code: emergency.code } }, now);
    current = await loadSession(tx, l.session.id, now);
  }
  const stored = new Map((await listAlerts(tx, [l.session.id])).map((a) => [a.alertKey, a]));
  let escalationTarget: string | null | undefined;
  for (const alert of current.evaluation.monitoring.active) {
    let row = stored.get(alert.key);
    if (!row) {
      row = await insertAlert(tx, {
        sessionId: l.session.id, alertKey: alert.key, rule: alert.rule, severity: alert.severity, code: alert.code, message: alert.message, action: alert.action,
        requiresAcknowledgement: alert.requiresAcknowledgement ? 1 : 0, raisedAt: alert.since,
      });
      await recordAudit(tx, actor, { action: 'session.alert.raise', resourceType: 'session', resourceId: l.session.id, patientId: l.session.patientId, details: { rule: alert.rule, code: alert.code, severity: alert.severity } }, now);
    } else if (row.clearedAt !== null || row.message !== alert.message) {
      await updateAlert(tx, row.id, { clearedAt: null, message: alert.message, severity: alert.severity });
    }
    if ((alert.severity === 'escalate' || alert.severity === 'emergency') && row.escalatedAt === null) {
      if (escalationTarget === undefined) {
        const patient = (await patientsByIds(tx, [l.session.patientId])).get(l.session.patientId);
        escalationTarget = patient?.primaryClinicianId ?? (await firstUserWithRole(tx, 'prescriber'));
      }
      await updateAlert(tx, row.id, { escalatedAt: now, escalatedTo: escalationTarget });
      await recordAudit(tx, actor, { action: 'session.alert.escalate', resourceType: 'session', resourceId: l.session.id, patientId: l.session.patientId, details: { rule: alert.rule, code: alert.code, to: escalationTarget } }, now);
    }
  }
  for (const cleared of current.evaluation.monitoring.cleared) {
    const row = stored.get(cleared.key);
    if (row && row.clearedAt === null) await updateAlert(tx, row.id, { clearedAt: cleared.clearedAt ?? now });
  }
  return current;
}

function publish(deps: InfusionDeps, session: SessionRow, change: string, now: Date, type: 'session-changed' | 'session-created' = 'session-changed'): void {
  deps.bus.publish({ type, sessionId: session.id, serviceDate: session.serviceDate, change, at: now.toISOString() });
}

async function write<T>(deps: InfusionDeps, actor: Actor, sessionId: string, change: string, fn: (tx: Tx, l: Loaded, now: Date) => Promise<T>): Promise<T> {
  const now = deps.now();
  let session: SessionRow | null = null;
  let result: T;
  try {
    result = await deps.database.db.transaction(async (tx) => {
      const l = await loadSession(tx, sessionId, now, { lock: true });
      session = l.session;
      if (l.session.closedAt !== null && change !== 'note' && change !== 'addendum') throw conflict('This session is closed.');
      return fn(tx, l, now);
    });
  } catch (error) {
    throw ledgerError(error);
  }
  if (session) publish(deps, session, change, now);
  return result;
}

async function detailAfter(tx: Tx, actor: Actor, sessionId: string, now: Date, action: string): Promise<SessionDetailT> {
  const l = await afterChartWrite(tx, actor, await loadSession(tx, sessionId, now), now);
  await recordAudit(tx, actor, { action, resourceType: 'session', resourceId: sessionId, patientId: l.session.patientId }, now);
  return detailOf(tx, l, now);
}

// ── Reads ───────────────────────────────────────────────────────────────

/** The day's sessions for the chair board (clinic-local date, today by default). */
export async function listSessions(deps: InfusionDeps, actor: Actor, date: string | undefined): Promise<SessionList> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const clinic = await getClinic(tx);
    const day = date ?? localDateOf(now, clinic.timeZone);
    const rows = await listSessionsOn(tx, day);
    const ids = rows.map((r) => r.id);
    const rules = await getClinicRuleConfig(tx);
    const events = await listEvents(tx, ids);
    const readings = await listReadings(tx, ids);
    const stored = await listAlerts(tx, ids);
    const patients = await patientsByIds(tx, rows.map((r) => r.patientId));
    const chairs = await chairsByIds(tx, rows.map((r) => r.chairId));
    const names = await userNames(tx, stored.flatMap((a) => [a.acknowledgedBy, a.escalatedTo]));
    const sessions: SessionSummaryT[] = [];
    for (const s of rows) {
      const ev = events.filter((e) => e.sessionId === s.id);
      const rd = readings.filter((r) => r.sessionId === s.id);
      const evaluation = evaluateSession(s, ev, rd, await chartFacts(tx, s.patientId, clinic.timeZone, now), rules, now);
      const alerts = alertViews(evaluation.monitoring, stored.filter((a) => a.sessionId === s.id));
      sessions.push(summaryOf({ session: s, readings: rd, evaluation }, alerts, chairs.get(s.chairId)?.name ?? '', patientName(patients.get(s.patientId)!), names));
      await recordAudit(tx, actor, { action: 'session.board.read', resourceType: 'session', resourceId: s.id, patientId: s.patientId }, now);
    }
    sessions.sort((a, b) => (chairs.get(a.chair.id)?.sortOrder ?? 0) - (chairs.get(b.chair.id)?.sortOrder ?? 0) || a.arrivedAt.localeCompare(b.arrivedAt));
    const checkedIn = new Set(rows.map((r) => r.appointmentId));
    const booked = (await infusionAppointmentsBetween(tx, startOfLocalDay(day, clinic.timeZone), startOfLocalDay(nextDate(day), clinic.timeZone))).filter((a) => !checkedIn.has(a.id));
    const bookedPatients = await patientsByIds(tx, booked.map((a) => a.patientId));
    const bookedChairs = await chairsByIds(tx, booked.map((a) => a.chairId).filter((c): c is string => c !== null));
    const awaitingCheckIn = booked.map((a) => {
      const chair = a.chairId ? bookedChairs.get(a.chairId) : undefined;
      return { appointmentId: a.id, patientId: a.patientId, patientName: patientName(bookedPatients.get(a.patientId)!), chair: chair ? { id: chair.id, name: chair.name } : null, startsAt: a.startsAt.toISOString() };
    });
    for (const a of booked) await recordAudit(tx, actor, { action: 'session.board.read-appointment', resourceType: 'appointment', resourceId: a.id, patientId: a.patientId }, now);
    return { date: day, serverNow: now.toISOString(), sessions, awaitingCheckIn };
  });
}

export async function getSession(deps: InfusionDeps, actor: Actor, id: string): Promise<SessionDetailT> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const l = await loadSession(tx, id, now);
    await recordAudit(tx, actor, { action: 'session.read', resourceType: 'session', resourceId: id, patientId: l.session.patientId }, now);
    return detailOf(tx, l, now);
  });
}

/** A patient's sessions, newest first, with the PHQ-9 of each visit day (the score trend). */
export async function patientSessions(deps: InfusionDeps, actor: Actor, patientId: string): Promise<PatientSessions> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    if (!(await patientsByIds(tx, [patientId])).has(patientId)) throw notFound('Patient');
    const clinic = await getClinic(tx);
    const rows = await listSessionsOfPatient(tx, patientId);
    const ids = rows.map((r) => r.id);
    const events = await listEvents(tx, ids);
    const notes = new Set((await listNotes(tx, ids)).map((n) => n.sessionId));
    const rules = await getClinicRuleConfig(tx);
    const phq = await tx.select({ at: assessments.administeredAt, total: assessments.total }).from(assessments)
      .where(and(eq(assessments.patientId, patientId), inArray(assessments.instrument, ['PHQ-9']))).orderBy(desc(assessments.administeredAt));
    const facts = await chartFacts(tx, patientId, clinic.timeZone, now);
    const sessions = rows.map((s) => {
      const evaluation = evaluateSession(s, events.filter((e) => e.sessionId === s.id), [], facts, rules, now);
      const score = phq.find((p) => localDateOf(p.at, clinic.timeZone) === s.serviceDate);
      return {
        id: s.id, serviceDate: s.serviceDate, phase: evaluation.phase, doseMg: s.order?.doseMg ?? null,
        givenMg: s.order ? Math.round(evaluation.replay.givenMg * 10) / 10 : null, noteSigned: notes.has(s.id), phq9Total: score?.total ?? null,
      };
    });
    await recordAudit(tx, actor, { action: 'session.list-for-patient', resourceType: 'patient', resourceId: patientId, patientId, details: { count: rows.length } }, now);
    return { sessions };
  });
}

// ── Check-in ────────────────────────────────────────────────────────────

/** Checks a booked appointment's patient in: a session in phase "arrived" in the appointment's chair. */
export async function createSession(deps: InfusionDeps, actor: Actor, appointmentId: string): Promise<SessionDetailT> {
  const now = deps.now();
  let created: SessionRow | null = null;
  const detail = await deps.database.db.transaction(async (tx) => {
    const appointment = await findAppointment(tx, appointmentId);
    if (!appointment) throw invalidField('appointmentId', 'is not a booked appointment');
    if (appointment.status === 'cancelled' || appointment.status === 'no-show') throw conflict(`The appointment is ${appointment.status}.`);
    if (appointment.chairId === null) throw unprocessable('The appointment has no chair; assign one before check-in.', [{ field: 'appointmentId', reason: 'has no chair' }]);
    if (await findSessionByAppointment(tx, appointmentId)) throw conflict('This appointment is already checked in.', undefined, [{ field: 'appointmentId', reason: 'already has a session' }]);
    const clinic = await getClinic(tx);
    const session = await insertSession(tx, {
      appointmentId, patientId: appointment.patientId, chairId: appointment.chairId, nurseUserId: appointment.nurseUserId, kind: 'iv-ketamine',
      serviceDate: localDateOf(appointment.startsAt, clinic.timeZone), arrivedAt: now, createdAt: now, createdBy: actor.userId,
    });
    created = session;
    await recordAudit(tx, actor, { action: 'session.create', resourceType: 'session', resourceId: session.id, patientId: session.patientId, details: { appointmentId } }, now);
    return detailOf(tx, await loadSession(tx, session.id, now), now);
  });
  if (created) publish(deps, created, 'check-in', now, 'session-created');
  return detail;
}

/** Records check-in facts (escort, fasting, re-weigh, medication changes); the first one begins the pre-checks. */
export async function updateCheckIn(deps: InfusionDeps, actor: Actor, id: string, body: CheckInUpdate): Promise<SessionDetailT> {
  return write(deps, actor, id, 'check-in', async (tx, l, now) => {
    if (l.evaluation.replay.infusionStartedAt !== null) throw conflict('The infusion has started; the check-in can no longer change.');
    for (const [field, value] of [['fasting.lastSolidsAt', body.fasting?.lastSolidsAt], ['fasting.lastLiquidsAt', body.fasting?.lastLiquidsAt]] as const) {
      if (value && new Date(value).getTime() > now.getTime()) throw invalidField(field, 'must not be in the future');
    }
    const prev = l.session.checkIn;
    const checkIn = {
      escort: body.escort ?? prev?.escort ?? null,
      fasting: body.fasting ? { ...body.fasting, recordedAt: now.toISOString() } : (prev?.fasting ?? null),
      weight: body.weightKg !== undefined ? { weightKg: body.weightKg, measuredAt: now.toISOString() } : (prev?.weight ?? null),
      medicationChanges: body.medicationChanges ? { ...body.medicationChanges, reviewedAt: now.toISOString() } : (prev?.medicationChanges ?? null),
      updatedAt: now.toISOString(),
      updatedBy: actor.userId!,
    };
    await updateSession(tx, id, { checkIn });
    if (l.evaluation.replay.phase === 'arrived') await insertEvent(tx, { sessionId: id, type: 'begin-checks', at: now, recordedBy: actor.userId, recordedAt: now });
    return detailAfter(tx, actor, id, now, 'session.check-in');
  });
}

/** Rule 19: the prescriber's proceed/delay decision on a pre-dose BP above the threshold. */
export async function recordPreDoseDecision(deps: InfusionDeps, actor: Actor, id: string, body: PreDoseDecisionCreate): Promise<SessionDetailT> {
  return write(deps, actor, id, 'pre-dose-decision', async (tx, l, now) => {
    if (l.evaluation.replay.infusionStartedAt !== null) throw conflict('The infusion has already started.');
    if (!l.evaluation.baseline) throw unprocessable('Chart the baseline vitals before a pre-dose decision.', [{ field: 'decision', reason: 'no baseline BP' }]);
    const names = await userNames(tx, [actor.userId]);
    await updateSession(tx, id, { preDoseDecision: { decision: body.decision, reason: body.reason, decidedAt: now.toISOString(), decidedByUserId: actor.userId!, decidedByName: names.get(actor.userId!) ?? '' } });
    return detailAfter(tx, actor, id, now, 'session.pre-dose-decision');
  });
}

// ── Order and pump ──────────────────────────────────────────────────────

/**
 * Prepares the dose: the active plan's current order (mg/kg) on the current
 * weight, the product's concentration from the lot (rules 9-12 block or warn),
 * and the draw from the ledger for this session.
 */
export async function prepareOrder(deps: InfusionDeps, actor: Actor, id: string, body: OrderPrepare): Promise<SessionDetailT> {
  return write(deps, actor, id, 'order', async (tx, l, now) => {
    if (l.session.order) throw conflict('The dose for this session is already prepared.');
    if (l.evaluation.replay.infusionStartedAt !== null) throw conflict('The infusion has already started.');
    const plan = await currentPlanOrder(tx, l.session.patientId, l.session.appointmentId);
    if (!plan) throw ruleBlocked(9, 'The patient has no active treatment plan with a signed IV order.');
    const weight = l.evaluation.weight;
    if (!weight) throw ruleBlocked(9, 'No weight is recorded; weigh the patient at check-in.');
    const lot = await findLot(tx, body.lotId);
    if (!lot) throw invalidField('lotId', 'is not a known lot');
    const calc = calculateIvDose({
      protocol: 'psychiatric', order: { kind: 'infusion', doseMgPerKg: plan.doseMgPerKg, durationMin: plan.durationMin },
      weightKg: weight.weightKg, weightMeasuredAt: weight.measuredAt, now, concentrationMgPerMl: lot.product.concentrationMgPerMl, basis: plan.weightBasis,
    }, l.rules.dosing);
    if (!calc.ok) throw badRequest('The order cannot be calculated.', calc.errors.map((x) => ({ field: x.field, reason: x.message })));
    const blocks = calc.value.findings.filter((f) => f.severity === 'block');
    if (blocks.length > 0) throw ruleBlocked(blocks[0]!.rule, blocks.map((f) => f.message).join(' '), { findings: findingViews(blocks) });
    const ctx = await ledgerContext(tx, actor, now);
    const draw = await drawForSessionInTx(tx, ctx, { lotId: lot.lot.id, sessionId: id, ml: calc.value.volumeMl });
    await updateSession(tx, id, {
      order: {
        planId: plan.planId, planOrderVersion: plan.version, doseMgPerKg: plan.doseMgPerKg, durationMin: plan.durationMin, weightKg: weight.weightKg,
        doseMg: calc.value.doseMg, volumeMl: calc.value.volumeMl, rateMlPerH: calc.value.rateMlPerH!, concentrationMgPerMl: lot.product.concentrationMgPerMl,
        lotId: lot.lot.id, lotNumber: lot.lot.lotNumber, drawEntryId: draw.entry.id, findings: findingViews(calc.value.findings), preparedAt: now.toISOString(), preparedBy: actor.userId!,
      },
    });
    return detailAfter(tx, actor, id, now, 'session.order.prepare');
  });
}

function eventTime(value: string | undefined, field: string, l: Loaded, now: Date): Date {
  const at = value ? new Date(value) : now;
  if (at.getTime() > now.getTime()) throw invalidField(field, 'must not be in the future');
  const last = l.events.at(-1);
  if (last && at.getTime() < last.at.getTime()) throw invalidField(field, 'must not be before the last charted event');
  return at;
}

/** Charts a pump event. Start needs the rule 18 checklist, the rule 19 decision and a prepared dose; stop records what was given in the ledger. */
export async function recordPumpEvent(deps: InfusionDeps, actor: Actor, id: string, body: PumpEventCreate): Promise<SessionDetailT> {
  return write(deps, actor, id, 'pump', async (tx, l, now) => {
    const at = eventTime(body.at, 'at', l, now);
    const phase = l.evaluation.replay.phase;
    const wrong = (allowed: string[]): void => {
      if (!allowed.includes(phase)) throw conflict(`Cannot ${body.type} while the session is ${phase}.`, undefined, [{ field: 'type', reason: `not allowed in phase ${phase}` }]);
    };
    const base = { sessionId: id, at, recordedBy: actor.userId, recordedAt: now };
    switch (body.type) {
      case 'start': {
        wrong(['arrived', 'pre-checks']);
        const gate = l.evaluation.startGate;
        const block = gate.findings.find((f) => f.severity === 'block');
        if (block) throw ruleBlocked(block.rule, gate.findings.filter((f) => f.severity === 'block').map((f) => f.message).join(' '), { findings: findingViews(gate.findings) });
        if (!l.session.order) throw ruleBlocked(9, ORDER_MISSING.message);
        if (phase === 'arrived') await insertEvent(tx, { ...base, type: 'begin-checks' });
        await insertEvent(tx, { ...base, type: 'checks-passed' });
        await insertEvent(tx, { ...base, type: 'start', rateMlPerH: l.session.order.rateMlPerH });
        break;
      }
      case 'pause':
        wrong(['infusing']);
        await insertEvent(tx, { ...base, type: 'pause', reason: body.reason });
        break;
      case 'resume':
        wrong(['paused']);
        await insertEvent(tx, { ...base, type: 'resume' });
        break;
      case 'rate-change':
        // The pump cannot deliver more than the drawn dose (rule 10 was checked when it was prepared).
        wrong(['infusing', 'paused']);
        await insertEvent(tx, { ...base, type: 'rate-change', rateMlPerH: body.rateMlPerH, reason: body.reason });
        break;
      case 'stop': {
        wrong(['infusing', 'paused']);
        if (body.outcome === 'stopped-early' && !body.reason) throw invalidField('reason', 'is required when stopping early');
        await insertEvent(tx, { ...base, type: 'stop', outcome: body.outcome, reason: body.reason ?? null });
        break;
      }
    }
    const after = await loadSession(tx, id, now);
    if (body.type === 'stop') await recordGiven(tx, actor, after, now);
    return detailAfter(tx, actor, id, now, `session.pump.${body.type}`);
  });
}

/** The amount the pump events say was given, written to the ledger against the session's draw (rule 34). */
async function recordGiven(tx: Tx, actor: Actor, l: Loaded, now: Date): Promise<void> {
  const order = l.session.order;
  if (!order) return;
  const givenMl = Math.floor(l.evaluation.replay.givenMl * 100) / 100;
  if (givenMl < 0.01) return;
  const ctx = await ledgerContext(tx, actor, now);
  await recordAdministrationInTx(tx, ctx, { lotId: order.lotId, drawId: order.drawEntryId, patientId: l.session.patientId, ml: givenMl, administeredAt: (l.evaluation.replay.infusionEndedAt ?? now).toISOString() });
}

// ── Readings ────────────────────────────────────────────────────────────

/** Charts a reading; the alert engine runs on the whole flowsheet right after (rules 20-25). */
export async function addReading(deps: InfusionDeps, actor: Actor, id: string, body: ReadingCreate, source = 'chart'): Promise<ReadingCreated> {
  return write(deps, actor, id, 'reading', async (tx, l, now) => {
    const requested = new Date(body.takenAt);
    if (requested.getTime() > now.getTime() + 60_000) throw invalidField('takenAt', 'must not be in the future');
    // A tablet's clock a few seconds ahead of the server's is charted at the server's now.
    const takenAt = requested.getTime() > now.getTime() ? now : requested;
    if (takenAt.getTime() < l.session.arrivedAt.getTime() - 2 * 3_600_000) throw invalidField('takenAt', 'is before the patient arrived');
    if (l.evaluation.dischargedAt) throw conflict('The patient has been discharged.');
    const reading = await insertReading(tx, {
      sessionId: id, takenAt, systolicMmHg: body.systolicMmHg ?? null, diastolicMmHg: body.diastolicMmHg ?? null, heartRateBpm: body.heartRateBpm ?? null,
      spo2Pct: body.spo2Pct ?? null, respRatePerMin: body.respRatePerMin ?? null, moaasScore: body.moaasScore ?? null,
      dissociationScale: body.dissociation?.scale ?? null, dissociationScore: body.dissociation?.score ?? null, nausea: body.nausea ?? null,
      symptoms: body.symptoms ?? null, source, recordedBy: actor.userId, recordedAt: now,
    });
    const after = await afterChartWrite(tx, actor, await loadSession(tx, id, now), now);
    await recordAudit(tx, actor, { action: 'session.reading.create', resourceType: 'session', resourceId: id, patientId: l.session.patientId, details: { readingId: reading.id } }, now);
    const stored = await listAlerts(tx, [id]);
    const names = await userNames(tx, [actor.userId, ...stored.flatMap((a) => [a.acknowledgedBy, a.escalatedTo])]);
    return { reading: readingOut(reading, names), alerts: alertViews(after.evaluation.monitoring, stored).map((a) => alertOut(a, names)), phase: after.evaluation.phase };
  });
}

/** A nurse acknowledges an alert (it stays on the board until acknowledged when it needs it). */
export async function acknowledgeAlert(deps: InfusionDeps, actor: Actor, id: string, key: string): Promise<SessionDetailT> {
  return write(deps, actor, id, 'alert-acknowledged', async (tx, l, now) => {
    let row = await findAlert(tx, id, key);
    if (!row) {
      const live = l.evaluation.monitoring.active.find((a) => a.key === key);
      if (!live) throw notFound('Alert');
      row = await insertAlert(tx, { sessionId: id, alertKey: key, rule: live.rule, severity: live.severity, code: live.code, message: live.message, action: live.action, requiresAcknowledgement: live.requiresAcknowledgement ? 1 : 0, raisedAt: live.since });
    }
    if (row.acknowledgedAt !== null) throw conflict('This alert is already acknowledged.');
    await updateAlert(tx, row.id, { acknowledgedAt: now, acknowledgedBy: actor.userId });
    return detailAfter(tx, actor, id, now, 'session.alert.acknowledge');
  });
}

// ── Adverse events and rescue drugs (rule 26) ──────────────────────────────

export async function addAdverseEvent(deps: InfusionDeps, actor: Actor, id: string, body: AdverseEventCreate): Promise<SessionDetailT> {
  return write(deps, actor, id, 'adverse-event', async (tx, l, now) => {
    const occurredAt = new Date(body.occurredAt);
    if (occurredAt.getTime() > now.getTime()) throw invalidField('occurredAt', 'must not be in the future');
    const known = new Set(l.readings.map((r) => r.id));
    body.readingIds.forEach((rid, i) => {
      if (!known.has(rid)) throw invalidField(`readingIds.${i}`, 'is not a reading of this session');
    });
    const vitals = l.readings.map((r) => ({ id: r.id, takenAt: r.takenAt }));
    const problems = body.rescueDrugs.flatMap((d, i) =>
      validateRescueDrugRecord({ drug: d.drug, doseAmount: d.doseAmount, doseUnit: d.doseUnit, route: d.route, givenAt: new Date(d.givenAt), indication: d.indication, linkedReadingId: d.linkedReadingId }, { readings: vitals, now })
        .map((f) => ({ field: `rescueDrugs.${i}`, reason: f.message })));
    if (problems.length > 0) throw badRequest('A rescue drug record is incomplete (rule 26).', problems);
    const event = await insertAdverseEvent(tx, { sessionId: id, kind: body.kind, severity: body.severity, occurredAt, readingIds: body.readingIds, actions: body.actions ?? null, recordedBy: actor.userId, recordedAt: now });
    for (const d of body.rescueDrugs) {
      await insertRescueDrug(tx, { sessionId: id, adverseEventId: event.id, drug: d.drug, doseAmount: d.doseAmount, doseUnit: d.doseUnit, route: d.route, givenAt: new Date(d.givenAt), indication: d.indication, linkedReadingId: d.linkedReadingId, givenBy: actor.userId, recordedAt: now });
    }
    return detailAfter(tx, actor, id, now, 'session.adverse-event.create');
  });
}

// ── Controlled substance (rules 34, 35) ─────────────────────────────────────

/** Wastes the rest of the session's draw with a witness who re-authenticates on this device (rule 35). */
export async function wasteForSession(deps: InfusionDeps, actor: Actor, id: string, body: WasteForSession): Promise<SessionDetailT> {
  const session = await findSession(deps.database.db, id);
  if (!session) throw notFound('Session');
  if (!session.order) throw conflict('Nothing has been drawn for this session.');
  const witness = await verifySecondSigner(deps, actor, body.witness, 'inventory.waste-witness', 'witness');
  return write(deps, actor, id, 'waste', async (tx, l, now) => {
    const ctx = await ledgerContext(tx, actor, now);
    await recordWasteInTx(tx, ctx, { lotId: l.session.order!.lotId, drawId: l.session.order!.drawEntryId, ml: body.ml, patientId: l.session.patientId }, witness);
    return detailAfter(tx, actor, id, now, 'session.waste');
  });
}

/** Closes the session: every draw's record must balance (drawn = given + wasted, rule 34) and the patient must be discharged. */
export async function closeSession(deps: InfusionDeps, actor: Actor, id: string): Promise<SessionDetailT> {
  return write(deps, actor, id, 'closed', async (tx, l, now) => {
    const ctx = await ledgerContext(tx, actor, now);
    const records = await administrationRecordsForSession(tx, ctx, id);
    const open = records.filter((r) => r.status !== 'closed');
    const unbalanced = open.filter((r) => r.findings.some((f) => f.severity === 'block'));
    if (unbalanced.length > 0) {
      const r = unbalanced[0]!;
      throw ruleBlocked(34, `Drawn ${r.drawnMl} mL ≠ given ${r.givenMl} mL + wasted ${r.wastedMl} mL for lot ${r.lotNumber}; record the waste (witnessed) before closing.`, { drawnMl: r.drawnMl, givenMl: r.givenMl, wastedMl: r.wastedMl });
    }
    if (!l.evaluation.dischargedAt && l.evaluation.replay.infusionStartedAt !== null) throw conflict('Discharge the patient before closing the session.');
    for (const r of open) await closeAdministrationRecordInTx(tx, ctx, r.lotId, r.drawEntryId);
    await updateSession(tx, id, { closedAt: now, closedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'session.close', resourceType: 'session', resourceId: id, patientId: l.session.patientId }, now);
    return detailOf(tx, await loadSession(tx, id, now), now);
  });
}

// ── Recovery and discharge (rules 25, 27-29) ────────────────────────────────

export async function recordRecovery(deps: InfusionDeps, actor: Actor & { roles: readonly string[] }, id: string, body: RecoveryAssessmentCreate): Promise<SessionDetailT> {
  return write(deps, actor, id, 'recovery', async (tx, l, now) => {
    if (l.evaluation.replay.infusionEndedAt === null) throw conflict('Recovery starts when the infusion ends.');
    if (body.vitalsSignOffNote && !actor.roles.some((r) => r === 'prescriber' || r === 'medical-director')) {
      throw invalidField('vitalsSignOffNote', 'can only be signed by a prescriber or the medical director');
    }
    const prev = l.session.recovery ?? { aldrete: null, vitalsSignOff: null, escortPresentAt: null };
    if (body.escortPresent && !l.session.checkIn?.escort) throw invalidField('escortPresent', 'needs the escort recorded at check-in');
    await updateSession(tx, id, {
      recovery: {
        aldrete: body.aldrete ? { ...body.aldrete, assessedAt: now.toISOString() } : prev.aldrete,
        vitalsSignOff: body.vitalsSignOffNote ? { byUserId: actor.userId!, signedAt: now.toISOString(), note: body.vitalsSignOffNote } : prev.vitalsSignOff,
        escortPresentAt: body.escortPresent === undefined ? prev.escortPresentAt : body.escortPresent ? now.toISOString() : null,
      },
    });
    return detailAfter(tx, actor, id, now, 'session.recovery');
  });
}

/** Discharges the patient when the clinical core's check passes; otherwise 422 listing every unmet criterion (rule 28). */
export async function dischargeSession(deps: InfusionDeps, actor: Actor, id: string): Promise<SessionDetailT> {
  return write(deps, actor, id, 'discharged', async (tx, l, now) => {
    if (l.evaluation.dischargedAt) throw conflict('The patient has already been discharged.');
    if (l.evaluation.replay.phase !== 'recovery') throw conflict(`Cannot discharge while the session is ${l.evaluation.phase}.`);
    const d = l.evaluation.discharge;
    if (!d.ready) {
      const first = d.findings[0];
      throw ruleBlocked(first?.rule ?? 28, `Not ready for discharge: ${d.findings.map((f) => f.message).join(' ')}`, { findings: findingViews(d.findings), earliestByClockAt: iso(d.earliestByClockAt) });
    }
    await insertEvent(tx, { sessionId: id, type: 'ready-for-discharge', at: now, recordedBy: actor.userId, recordedAt: now });
    await insertEvent(tx, { sessionId: id, type: 'discharge', at: now, recordedBy: actor.userId, recordedAt: now });
    return detailAfter(tx, actor, id, now, 'session.discharge');
  });
}

// ── The note ───────────────────────────────────────────────────────────────

/** Signs the reviewed session note (re-authentication); the database locks it (addenda only). */
export async function signNote(deps: InfusionDeps, actor: Actor, id: string, body: NoteSign): Promise<SessionDetailT> {
  const signer = await reauthenticate(deps, actor, actor.userId!, body.signature, 'session-note');
  return write(deps, actor, id, 'note', async (tx, l, now) => {
    if (!l.evaluation.dischargedAt && l.evaluation.replay.infusionStartedAt !== null) throw conflict('Sign the note after the patient is discharged.');
    if (await findNote(tx, id)) throw conflict('The note is already signed; add an addendum instead.');
    const detail = await detailOf(tx, l, now);
    const note = await insertNote(tx, { sessionId: id, patientId: l.session.patientId, summary: { generated: detail.draftNote, givenMg: detail.pump.givenMg, alerts: detail.alerts.length }, text: body.text, signedBy: signer.userId, signedAt: now });
    await recordAudit(tx, actor, { action: 'session.note.sign', resourceType: 'session-note', resourceId: note.id, patientId: l.session.patientId }, now);
    return detailOf(tx, l, now);
  });
}

export async function addNoteAddendum(deps: InfusionDeps, actor: Actor, id: string, body: NoteSign): Promise<SessionDetailT> {
  const signer = await reauthenticate(deps, actor, actor.userId!, body.signature, 'session-note-addendum');
  return write(deps, actor, id, 'addendum', async (tx, l, now) => {
    const note = await findNote(tx, id);
    if (!note) throw conflict('Sign the note before adding an addendum.');
    await insertAddendum(tx, actor, { recordType: 'session-note', recordId: note.id, patientId: l.session.patientId, text: body.text, signer }, now);
    return detailOf(tx, l, now);
  });
}

/** Data for the rule 29 discharge instructions PDF. */
export async function dischargeInstructionsData(deps: InfusionDeps, actor: Actor, id: string): Promise<{ l: Loaded; clinicName: string; clinicPhone: string | null; patientName: string; mrn: string; now: Date }> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const l = await loadSession(tx, id, now);
    if (l.evaluation.replay.infusionEndedAt === null) throw conflict('Discharge instructions are printed after the infusion has ended.');
    const clinic = await getClinic(tx);
    const patient = (await patientsByIds(tx, [l.session.patientId])).get(l.session.patientId)!;
    await recordAudit(tx, actor, { action: 'session.discharge-instructions.print', resourceType: 'session', resourceId: id, patientId: l.session.patientId }, now);
    return { l, clinicName: clinic.name, clinicPhone: clinic.phone, patientName: patientName(patient), mrn: patient.mrn, now };
  });
}

export { scoreAldrete };
