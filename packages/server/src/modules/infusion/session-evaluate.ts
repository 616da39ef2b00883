/**
 * Turns a session's stored chart into what the clinical core decides about it:
 * the pump replay (phase, amount given), the baseline, the rule 18 checklist and
 * rule 19 start gate, the monitoring alerts and schedule (rules 20-25), the
 * discharge check (rules 25, 28) and the population-model concentration curve.
 * No I/O: every fact and "now" is an argument.
 */
import {
  assessDischarge,
  concentrationCurve,
  evaluateMonitoring,
  evaluatePreStartChecklist,
  evaluateStartGate,
  pumpEventsToSchedule,
  replaySessionEvents,
  scoreModifiedAldrete,
  DEFAULT_REQUIRED_VISIT_INSTRUMENTS,
  type Alert,
  type BaselineVitals,
  type ClinicRuleConfig,
  type DischargeAssessment,
  type Finding,
  type MonitoringEvaluation,
  type PreStartChecklist,
  type PumpEvent,
  type SessionEvent,
  type SessionReplay,
  type StartGate,
  type VitalsReading,
  type IvKetamineSessionContext,
  type CrisisSymptom,
  type NauseaLevel,
} from '@glia/clinical';
import type { SessionPhase } from '@glia/contracts';
import type { AlertRow, EventRow, ReadingRow, SessionRow } from './session-repo.ts';

/** Chart facts outside the session that the checklist needs (from intake and scales). */
export interface ChartFacts {
  childbearingPotential: boolean;
  pregnancyTest: { result: 'negative' | 'positive'; takenAt: Date } | null;
  chartWeight: { weightKg: number; measuredAt: Date } | null;
  completedInstruments: { instrumentId: string; completedAt: Date }[];
}

export interface SessionEvaluation {
  replay: SessionReplay;
  phase: SessionPhase;
  baseline: BaselineVitals | null;
  baselineReading: ReadingRow | null;
  weight: { weightKg: number; measuredAt: Date; source: 'check-in' | 'chart' } | null;
  checklist: PreStartChecklist;
  startGate: StartGate;
  monitoring: MonitoringEvaluation;
  discharge: DischargeAssessment;
  dischargedAt: Date | null;
  recoveryStartedAt: Date | null;
  pkPoints: { at: Date; concNgPerMl: number }[];
}

export const PK_MODEL = 'domino_1984';
export const PK_LABEL = 'Predicted plasma ketamine (population model, Domino 1984) — a prediction, not a measurement';

export function toVitalsReading(r: ReadingRow): VitalsReading {
  return {
    id: r.id,
    takenAt: r.takenAt,
    ...(r.systolicMmHg !== null ? { systolicMmHg: r.systolicMmHg } : {}),
    ...(r.diastolicMmHg !== null ? { diastolicMmHg: r.diastolicMmHg } : {}),
    ...(r.heartRateBpm !== null ? { heartRateBpm: r.heartRateBpm } : {}),
    ...(r.spo2Pct !== null ? { spo2Pct: r.spo2Pct } : {}),
    ...(r.respRatePerMin !== null ? { respRatePerMin: r.respRatePerMin } : {}),
    ...(r.moaasScore !== null ? { moaasScore: r.moaasScore } : {}),
    ...(r.dissociationScale !== null && r.dissociationScore !== null ? { dissociation: { scale: r.dissociationScale as 'CADSS-6', score: r.dissociationScore } } : {}),
    ...(r.nausea !== null ? { nausea: r.nausea as NauseaLevel } : {}),
    ...(r.symptoms !== null ? { symptoms: r.symptoms as CrisisSymptom[] } : {}),
  };
}

export function toSessionEvent(e: EventRow): SessionEvent {
  switch (e.type) {
    case 'start':
      return { type: 'start', at: e.at, rateMlPerH: e.rateMlPerH ?? 0 };
    case 'pause':
      return { type: 'pause', at: e.at, reason: e.reason ?? '' };
    case 'rate-change':
      return { type: 'rate-change', at: e.at, rateMlPerH: e.rateMlPerH ?? 0, reason: e.reason ?? '' };
    case 'stop':
      return { type: 'stop', at: e.at, outcome: (e.outcome ?? 'completed') as 'completed' | 'stopped-early', ...(e.reason ? { reason: e.reason } : {}) };
    default:
      return { type: e.type as 'begin-checks' | 'checks-passed' | 'resume' | 'ready-for-discharge' | 'discharge', at: e.at };
  }
}

function toPumpEvent(e: EventRow): PumpEvent | null {
  switch (e.type) {
    case 'start':
      return { kind: 'start', at: e.at, rateMlPerH: e.rateMlPerH ?? 0 };
    case 'pause':
      return { kind: 'pause', at: e.at };
    case 'resume':
      return { kind: 'resume', at: e.at };
    case 'rate-change':
      return { kind: 'rate_change', at: e.at, rateMlPerH: e.rateMlPerH ?? 0 };
    case 'stop':
      return { kind: 'stop', at: e.at };
    default:
      return null;
  }
}

const complete = (r: ReadingRow): boolean => r.systolicMmHg !== null && r.diastolicMmHg !== null && r.heartRateBpm !== null && r.spo2Pct !== null;

/**
 * The baseline is the latest complete pre-dose reading (BP, HR and SpO2) taken
 * before the infusion started (rules 18, 19, 21, 28).
 */
export function baselineOf(readings: readonly ReadingRow[], startedAt: Date | null, now: Date): ReadingRow | null {
  const limit = (startedAt ?? now).getTime();
  const candidates = readings.filter((r) => complete(r) && r.takenAt.getTime() <= limit);
  return candidates.at(-1) ?? null;
}

function toBaseline(r: ReadingRow | null): BaselineVitals | null {
  if (r === null) return null;
  return { id: r.id, takenAt: r.takenAt, systolicMmHg: r.systolicMmHg, diastolicMmHg: r.diastolicMmHg, heartRateBpm: r.heartRateBpm, spo2Pct: r.spo2Pct, respRatePerMin: r.respRatePerMin };
}

export function evaluateSession(
  session: SessionRow,
  events: readonly EventRow[],
  readings: readonly ReadingRow[],
  facts: ChartFacts,
  rules: ClinicRuleConfig,
  now: Date,
): SessionEvaluation {
  const order = session.order;
  const replay = replaySessionEvents(events.map(toSessionEvent), { concentrationMgPerMl: order?.concentrationMgPerMl ?? 1, plannedVolumeMl: order?.volumeMl ?? null }, now);
  const baselineReading = baselineOf(readings, replay.infusionStartedAt, now);
  const baseline = toBaseline(baselineReading);
  const checkIn = session.checkIn;
  const weight = checkIn?.weight
    ? { weightKg: checkIn.weight.weightKg, measuredAt: new Date(checkIn.weight.measuredAt), source: 'check-in' as const }
    : facts.chartWeight
      ? { ...facts.chartWeight, source: 'chart' as const }
      : null;
  const checklist = evaluatePreStartChecklist({
    kind: 'iv-ketamine',
    escort: checkIn?.escort ?? null,
    fasting: checkIn?.fasting
      ? { lastSolidsAt: checkIn.fasting.lastSolidsAt ? new Date(checkIn.fasting.lastSolidsAt) : null, lastLiquidsAt: checkIn.fasting.lastLiquidsAt ? new Date(checkIn.fasting.lastLiquidsAt) : null, recordedAt: new Date(checkIn.fasting.recordedAt) }
      : null,
    childbearingPotential: facts.childbearingPotential,
    pregnancyTest: facts.pregnancyTest,
    weightMeasuredAt: weight?.measuredAt ?? null,
    baseline,
    requiredInstrumentIds: DEFAULT_REQUIRED_VISIT_INSTRUMENTS,
    completedInstruments: facts.completedInstruments,
    // Once dosing has started the checklist is judged as it stood at the start.
    now: replay.infusionStartedAt ?? now,
    config: rules.session,
  });
  const decision = session.preDoseDecision;
  const preDoseDecision = decision ? { decision: decision.decision, reason: decision.reason, decidedAt: new Date(decision.decidedAt), decidedByUserId: decision.decidedByUserId } : null;
  const startGate = evaluateStartGate({
    checklist,
    baseline,
    preDoseDecision,
    now: replay.infusionStartedAt ?? now,
    monitoringConfig: rules.monitoring,
  });
  const dischargedAt = events.find((e) => e.type === 'discharge')?.at ?? null;
  const context: IvKetamineSessionContext = {
    kind: 'iv-ketamine',
    infusionStartedAt: replay.infusionStartedAt,
    infusionEndedAt: replay.infusionEndedAt,
    pumpState: replay.phase === 'infusing' ? 'running' : replay.phase === 'paused' ? 'paused' : replay.infusionEndedAt ? 'ended' : 'not-started',
    dischargedAt,
  };
  const vitals = readings.map(toVitalsReading);
  const monitoring = evaluateMonitoring({ context, baseline, readings: vitals, preDoseDecision, now, config: rules.monitoring });
  const recovery = session.recovery;
  const aldrete = recovery?.aldrete && baseline?.systolicMmHg
    ? (() => {
        const latest = [...readings].reverse().find((r) => r.systolicMmHg !== null && r.spo2Pct !== null && r.takenAt.getTime() <= now.getTime());
        return latest
          ? { assessedAt: new Date(recovery.aldrete.assessedAt), activity: recovery.aldrete.activity, respiration: recovery.aldrete.respiration, consciousness: recovery.aldrete.consciousness, systolicMmHg: latest.systolicMmHg!, baselineSystolicMmHg: baseline.systolicMmHg, spo2Pct: latest.spo2Pct!, onSupplementalOxygen: recovery.aldrete.onSupplementalOxygen }
          : null;
      })()
    : null;
  const discharge = assessDischarge({
    context,
    baseline,
    readings: vitals,
    aldrete,
    clinicianSignOff: recovery?.vitalsSignOff ? { byUserId: recovery.vitalsSignOff.byUserId, signedAt: new Date(recovery.vitalsSignOff.signedAt), note: recovery.vitalsSignOff.note } : null,
    escort: recovery?.escortPresentAt && checkIn?.escort ? checkIn.escort : null,
    now,
    config: rules.discharge,
  });
  return {
    replay,
    phase: displayPhase(replay.phase, startGate.allowed && order !== null, discharge.ready),
    baseline,
    baselineReading,
    weight,
    checklist,
    startGate,
    monitoring,
    discharge,
    dischargedAt,
    recoveryStartedAt: replay.infusionEndedAt,
    pkPoints: pkPoints(events, order?.concentrationMgPerMl ?? null, weight?.weightKg ?? order?.weightKg ?? null, replay, now),
  };
}

/** The board's phase: the replayed phase, with "ready" and "ready for discharge" judged from the checks. */
export function displayPhase(replayed: SessionReplay['phase'], startAllowed: boolean, dischargeReady: boolean): SessionPhase {
  if (replayed === 'pre-checks' && startAllowed) return 'ready';
  if (replayed === 'recovery' && dischargeReady) return 'ready-for-discharge';
  return replayed;
}

/** Predicted concentration for the charted pump events, every 2 min from the start to 60 min after the end (or now). */
function pkPoints(events: readonly EventRow[], concentration: number | null, weightKg: number | null, replay: SessionReplay, now: Date): { at: Date; concNgPerMl: number }[] {
  if (concentration === null || weightKg === null || replay.infusionStartedAt === null) return [];
  const pump = events.map(toPumpEvent).filter((e): e is PumpEvent => e !== null);
  const { schedule, startAt } = pumpEventsToSchedule(pump, { concentrationMgPerMl: concentration, openUntil: replay.infusionEndedAt ?? now });
  if (startAt === null) return [];
  const endMs = Math.max(now.getTime(), (replay.infusionEndedAt?.getTime() ?? now.getTime()) + 60 * 60_000);
  const toMin = Math.max(2, Math.ceil((endMs - startAt.getTime()) / 60_000));
  const curve = concentrationCurve(PK_MODEL, weightKg, schedule, { fromMin: 0, toMin, stepMin: 2 });
  return curve.tMin.map((t, i) => ({ at: new Date(startAt.getTime() + t * 60_000), concNgPerMl: Math.round((curve.concNgPerMl[i] ?? 0) * 10) / 10 }));
}

export interface AlertView {
  key: string;
  rule: number;
  severity: Alert['severity'];
  code: string;
  message: string;
  action: string;
  since: Date;
  active: boolean;
  requiresAcknowledgement: boolean;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  escalatedAt: Date | null;
  escalatedTo: string | null;
}

/**
 * The alerts to show: every alert active now, and every stored alert that
 * needed acknowledgement and has not had it (even after its condition cleared).
 */
export function alertViews(evaluation: MonitoringEvaluation, stored: readonly AlertRow[]): AlertView[] {
  const byKey = new Map(stored.map((a) => [a.alertKey, a]));
  const views: AlertView[] = evaluation.active.map((a) => {
    const row = byKey.get(a.key);
    return {
      key: a.key, rule: a.rule, severity: a.severity, code: a.code, message: a.message, action: a.action, since: a.since, active: true,
      requiresAcknowledgement: a.requiresAcknowledgement,
      acknowledgedAt: row?.acknowledgedAt ?? null, acknowledgedBy: row?.acknowledgedBy ?? null, escalatedAt: row?.escalatedAt ?? null, escalatedTo: row?.escalatedTo ?? null,
    };
  });
  const activeKeys = new Set(views.map((v) => v.key));
  for (const row of stored) {
    if (activeKeys.has(row.alertKey) || row.acknowledgedAt !== null || row.requiresAcknowledgement === 0) continue;
    views.push({
      key: row.alertKey, rule: row.rule, severity: row.severity as Alert['severity'], code: row.code, message: row.message, action: row.action, since: row.raisedAt, active: false,
      requiresAcknowledgement: true, acknowledgedAt: null, acknowledgedBy: null, escalatedAt: row.escalatedAt, escalatedTo: row.escalatedTo,
    });
  }
  return views;
}

/** Findings as the API shows them. */
export const findingViews = (findings: readonly Finding[]): { rule: number; severity: string; code: string; message: string }[] =>
  findings.map((f) => ({ rule: f.rule, severity: f.severity, code: f.code, message: f.message }));

export const scoreAldrete = scoreModifiedAldrete;
