/**
 * Rating scales entered by staff: scored by the clinical core from the
 * instrument definitions, stored with their total, band and safety flags; a
 * positive suicide or self-harm item raises an alert to the patient's primary
 * clinician (shown on the Today page until acknowledged).
 */
import type { Assessment, AssessmentCreate, SafetyAlert } from '@glia/contracts';
import type { FieldError } from '@glia/contracts';
import { INSTRUMENT_IDS, INSTRUMENTS, isInstrumentId, safetyAlertsFor, scoreInstrument, type InstrumentScore, type ItemResponse } from '@glia/clinical';
import type { AppDeps } from '../../deps.ts';
import { badRequest, conflict, invalidField, notFound } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { getClinicRuleConfig } from '../clinic-rules/clinic-rule-config.ts';
import { ensureIntakeInProgress } from '../intake/intake-service.ts';
import { requirePatient } from '../intake/patient-scope.ts';
import {
  acknowledgeAlert, findAlert, findAlertWithPeople, insertAlert, insertAssessment, listAlertsOfAssessments, listAssessments, listOpenAlerts,
  type AlertWithPeople, type AssessmentRow,
} from './assessment-repo.ts';

type Deps = Pick<AppDeps, 'database' | 'now'>;

/** Result fields that are yes/no flags (null = the item was not answered). */
const FLAG_KEYS = new Set(['suicideRisk', 'selfHarmFlag', 'suicideItemNonzero', 'suicideItemEscalation', 'provisionalDiagnosis', 'exceeds4', 'skipLogicViolation', 'recencyUnknown', 'suicideItemMissing']);

function flagsOf(score: Record<string, unknown>): Record<string, boolean | null> {
  const out: Record<string, boolean | null> = {};
  for (const [k, v] of Object.entries(score)) if (FLAG_KEYS.has(k) && (typeof v === 'boolean' || v === null)) out[k] = v;
  return out;
}

export function toAlert(a: AlertWithPeople): SafetyAlert {
  return {
    id: a.alert.id, patientId: a.alert.patientId, assessmentId: a.alert.assessmentId, code: a.alert.code, priority: a.alert.priority as SafetyAlert['priority'],
    message: a.alert.message, addressedTo: a.alert.addressedTo ? { id: a.alert.addressedTo, displayName: a.addressedToName ?? '' } : null,
    raisedAt: a.alert.raisedAt.toISOString(), acknowledgedAt: a.alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: a.alert.acknowledgedBy ? { id: a.alert.acknowledgedBy, displayName: a.acknowledgedByName ?? '' } : null,
    acknowledgementNote: a.alert.acknowledgementNote, patient: a.patient, instrument: a.instrument,
  };
}

function toAssessment(r: AssessmentRow & { enteredByName?: string | null }, alerts: SafetyAlert[]): Assessment {
  const score = r.score;
  return {
    id: r.id, patientId: r.patientId, instrument: r.instrument, responses: r.responses, total: r.total, band: r.band, complete: r.complete,
    missingItems: (score.missingItems as number[] | undefined) ?? [], flags: flagsOf(score), score, context: r.context as Assessment['context'],
    administeredAt: r.administeredAt.toISOString(), enteredAt: r.enteredAt.toISOString(),
    enteredBy: r.enteredByName ? { id: r.enteredBy, displayName: r.enteredByName } : null, alerts,
  };
}

/** Turns the scorer's refusal into field errors: the count, or each out-of-range item with its allowed range. */
function scoreErrors(instrument: keyof typeof INSTRUMENTS, score: InstrumentScore, responses: readonly unknown[]): FieldError[] {
  const def = INSTRUMENTS[instrument];
  if (score.error === 'wrong-item-count') return [{ field: 'responses', reason: `must have ${def.items.length} answers, one per item of ${instrument} (got ${responses.length})` }];
  return score.invalidItems.map((n) => {
    const item = def.items[n - 1]!;
    return { field: `responses.${n - 1}`, reason: `item ${item.tag ?? n} must be a whole number from ${item.min} to ${item.max}` };
  });
}

export async function createAssessment(deps: Deps, actor: AuditActor, patientId: string, input: AssessmentCreate): Promise<Assessment> {
  const now = deps.now();
  if (!isInstrumentId(input.instrument)) throw invalidField('instrument', `must be one of ${INSTRUMENT_IDS.join(', ')}`);
  const instrument = input.instrument;
  const administeredAt = input.administeredAt ? new Date(input.administeredAt) : now;
  if (administeredAt.getTime() > now.getTime() + 60_000) throw invalidField('administeredAt', 'must not be in the future');
  return deps.database.db.transaction(async (tx) => {
    const patient = await requirePatient(tx, patientId);
    const config = await getClinicRuleConfig(tx);
    const responses = input.responses as ItemResponse[];
    const score = scoreInstrument(instrument, responses, config.scoring) as InstrumentScore;
    if (score.error !== null) throw badRequest(`The ${instrument} answers cannot be scored.`, scoreErrors(instrument, score, responses));
    const row = await insertAssessment(tx, {
      patientId, instrument, responses, total: score.total, band: score.band, complete: score.complete, score: score as unknown as Record<string, unknown>,
      context: input.context ?? 'intake', administeredAt, enteredAt: now, enteredBy: actor.userId!,
    });
    const raised = safetyAlertsFor(score, responses);
    for (const a of raised) {
      await insertAlert(tx, { patientId, assessmentId: row.id, code: a.code, priority: a.priority, message: a.message, addressedTo: patient.clinician?.id ?? null, raisedAt: now });
    }
    await recordAudit(tx, actor, {
      action: 'assessment.create', resourceType: 'assessment', resourceId: row.id, patientId,
      details: { instrument, complete: score.complete, alerts: raised.map((a) => a.code) },
    }, now);
    if ((input.context ?? 'intake') === 'intake') await ensureIntakeInProgress(tx, actor, patientId, now);
    const alerts = (await listAlertsOfAssessments(tx, [row.id])).map(toAlert);
    const entered = (await listAssessments(tx, patientId)).find((a) => a.id === row.id)!;
    return toAssessment(entered, alerts);
  });
}

export async function getAssessments(deps: Deps, actor: AuditActor, patientId: string): Promise<Assessment[]> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const rows = await listAssessments(tx, patientId);
    const alerts = (await listAlertsOfAssessments(tx, rows.map((r) => r.id))).map(toAlert);
    await recordAudit(tx, actor, { action: 'assessment.list', resourceType: 'assessment', patientId, details: { resultCount: rows.length } }, now);
    return rows.map((r) => toAssessment(r, alerts.filter((a) => a.assessmentId === r.id)));
  });
}

export async function getOpenAlerts(deps: Deps, actor: AuditActor, scope: 'mine' | 'all'): Promise<SafetyAlert[]> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const rows = await listOpenAlerts(tx, scope === 'all' ? 'all' : { userId: actor.userId! });
    await recordAudit(tx, actor, { action: 'safety-alert.list', resourceType: 'safety-alert', details: { scope, resultCount: rows.length, patientIds: [...new Set(rows.map((r) => r.alert.patientId))] } }, now);
    return rows.map(toAlert);
  });
}

export async function acknowledgeSafetyAlert(deps: Deps, actor: AuditActor, patientId: string, alertId: string, note: string | null): Promise<SafetyAlert> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const alert = await findAlert(tx, patientId, alertId);
    if (!alert) throw notFound('Safety alert');
    if (alert.acknowledgedAt) throw conflict('This alert was already acknowledged.', { acknowledgedAt: alert.acknowledgedAt.toISOString() });
    await acknowledgeAlert(tx, alertId, actor.userId!, note, now);
    await recordAudit(tx, actor, { action: 'safety-alert.acknowledge', resourceType: 'safety-alert', resourceId: alertId, patientId, details: { code: alert.code } }, now);
    return toAlert((await findAlertWithPeople(tx, alertId))!);
  });
}
