/**
 * The eligibility panel and signed decisions (clinical.md §15 rules 1-8). The
 * panel is the clinical core's assessEligibility() on the facts the chart holds;
 * a decision re-computes it inside its transaction, checks the overrides and
 * acknowledgements with checkEligibilityDecision(), and stores the decision, its
 * inputs and the overrides signed (locked by the database).
 */
import type { AddendumCreate, Addendum, Eligibility, EligibilityDecision, EligibilityDecisionCreate, EligibilityFinding, EligibilityQuery, EvaluationNote, EvaluationNoteCreate, FieldError, IntakeStage } from '@glia/contracts';
import {
  assessEligibility, checkEligibilityDecision, decisionRequirements, findingKey,
  type EligibilityFacts, type EligibilityResult, type Finding, type TreatmentRoute,
} from '@glia/clinical';
import type { AppDeps } from '../../deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { getClinicRuleConfig } from '../clinic-rules/clinic-rule-config.ts';
import { clinicDay } from '../intake/clinic-day.ts';
import { findIntake } from '../intake/intake-repo.ts';
import { setStage } from '../intake/intake-service.ts';
import { requirePatient } from '../intake/patient-scope.ts';
import { DECIDABLE_STAGES } from '../intake/stage-workflow.ts';
import { insertAddendum, listAddenda } from '../signing/addenda-service.ts';
import { reauthenticate } from '../signing/reauthenticate.ts';
import { loadEligibilityFacts, type EligibilityParams } from './eligibility-facts.ts';
import {
  findDecision, findNote, insertAcknowledgements, insertDecision, insertNote, insertOverrides, latestDecision, listAcknowledgements, listDecisions, listNotes,
  listOverrides, people, type DecisionRow, type NoteRow,
} from './eligibility-repo.ts';

type Deps = Pick<AppDeps, 'database' | 'now'>;

export const DECISION_RECORD_TYPE = 'eligibility-decision';
export const NOTE_RECORD_TYPE = 'evaluation-note';

const withKey = (f: Finding): EligibilityFinding => ({ key: findingKey(f), ...f });

export interface Evaluation {
  params: EligibilityParams;
  facts: EligibilityFacts;
  result: EligibilityResult;
}

export async function evaluateEligibility(tx: DbOrTx, patientId: string, query: EligibilityQuery & { route?: TreatmentRoute | undefined }, now: Date): Promise<Evaluation> {
  const config = await getClinicRuleConfig(tx);
  const { today, timeZone } = await clinicDay(tx, now);
  const params: EligibilityParams = {
    route: query.route ?? 'iv-ketamine',
    purpose: query.purpose,
    occasion: query.occasion ?? 'first-infusion',
    plannedOn: query.plannedOn ?? today,
    orderedDoseMgPerKg: query.orderedDoseMgPerKg ?? null,
  };
  const facts = await loadEligibilityFacts(tx, patientId, params, timeZone);
  return { params, facts, result: assessEligibility(facts, config.eligibility, today) };
}

async function toDecisions(tx: DbOrTx, rows: DecisionRow[]): Promise<EligibilityDecision[]> {
  const ids = rows.map((r) => r.id);
  const overrides = await listOverrides(tx, ids);
  const acks = await listAcknowledgements(tx, ids);
  const who = await people(tx, [...rows.map((r) => r.signedBy!), ...overrides.map((o) => o.overriddenBy), ...acks.map((a) => a.acknowledgedBy)]);
  const person = (id: string): { id: string; displayName: string; credentials: string | null } => who.get(id) ?? { id, displayName: 'unknown user', credentials: null };
  return Promise.all(rows.map(async (r): Promise<EligibilityDecision> => {
    const signer = person(r.signedBy!);
    return {
      id: r.id, patientId: r.patientId, decision: r.decision as EligibilityDecision['decision'], occasion: r.occasion, route: r.route, purpose: r.purpose,
      referenceDate: r.referenceDate, statusAtDecision: r.statusAtDecision as EligibilityDecision['statusAtDecision'],
      findings: ((r.result as { findings?: EligibilityFinding[] }).findings ?? []), facts: r.facts, note: r.note,
      overrides: overrides.filter((o) => o.decisionId === r.id).map((o) => ({
        rule: o.rule, findingKey: o.findingKey, findingCode: o.findingCode, findingMessage: o.findingMessage, reason: o.reason,
        overriddenBy: person(o.overriddenBy), overriddenAt: o.overriddenAt.toISOString(), reauthenticated: true as const,
      })),
      acknowledgements: acks.filter((a) => a.decisionId === r.id).map((a) => ({
        rule: a.rule, findingKey: a.findingKey, findingCode: a.findingCode, findingMessage: a.findingMessage, acknowledgedBy: person(a.acknowledgedBy), acknowledgedAt: a.acknowledgedAt.toISOString(),
      })),
      signature: { userId: signer.id, displayName: signer.displayName, credentials: signer.credentials, signedAt: r.signedAt!.toISOString() },
      addenda: await listAddenda(tx, DECISION_RECORD_TYPE, r.id),
    };
  }));
}

export async function getEligibility(deps: Deps, actor: AuditActor, patientId: string, query: EligibilityQuery): Promise<Eligibility> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const { params, facts, result } = await evaluateEligibility(tx, patientId, query, now);
    const req = decisionRequirements(result);
    const latest = await latestDecision(tx, patientId);
    await recordAudit(tx, actor, { action: 'eligibility.read', resourceType: 'eligibility', resourceId: patientId, patientId, details: { status: result.status, rules: [...new Set(result.findings.map((f) => f.rule))] } }, now);
    return {
      status: result.status,
      findings: result.findings.map(withKey),
      occasion: params.occasion,
      route: params.route,
      purpose: facts.purpose,
      referenceDate: params.plannedOn,
      orderedDoseMgPerKg: params.orderedDoseMgPerKg,
      decisionRequirements: {
        overridesNeeded: req.overridesNeeded.map(findingKey),
        acknowledgementsNeeded: req.acknowledgementsNeeded.map(findingKey),
        satisfiedByConsent: req.satisfiedByConsent.map(findingKey),
      },
      facts: facts as unknown as Record<string, unknown>,
      latestDecision: latest ? (await toDecisions(tx, [latest]))[0]! : null,
    };
  });
}

export async function getDecisions(deps: Deps, actor: AuditActor, patientId: string): Promise<EligibilityDecision[]> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const rows = await listDecisions(tx, patientId);
    await recordAudit(tx, actor, { action: 'eligibility.decision.list', resourceType: DECISION_RECORD_TYPE, patientId, details: { resultCount: rows.length } }, now);
    return toDecisions(tx, rows);
  });
}

/** Field of the request an override or acknowledgement problem points at. */
function problemField(input: EligibilityDecisionCreate, key: string, kind: string): string {
  const oi = (input.overrides ?? []).findIndex((o) => o.key === key);
  const ai = (input.acknowledgements ?? []).findIndex((a) => a.key === key);
  if (kind === 'override-missing') return 'overrides';
  if (kind === 'acknowledgement-missing') return 'acknowledgements';
  if (oi >= 0 && kind !== 'not-a-warning') return kind === 'override-reason-too-short' ? `overrides.${oi}.reason` : `overrides.${oi}.key`;
  if (ai >= 0) return `acknowledgements.${ai}.key`;
  return 'overrides';
}

/**
 * Signs an eligibility decision. The signer re-authenticates once in the request;
 * that one signature covers the decision and its overrides. Refusals: 409 when the
 * panel changed (a key matches no current finding) or the stage does not allow a
 * decision; 422 with the rule when a block is not overridden or a warning not
 * acknowledged; 400 for a malformed override (too short a reason, a non-block).
 */
export async function decide(deps: Deps, actor: AuditActor, patientId: string, input: EligibilityDecisionCreate): Promise<EligibilityDecision> {
  const { db } = deps.database;
  await requirePatient(db, patientId);
  const overrides = input.overrides ?? [];
  const acknowledgements = input.acknowledgements ?? [];
  const signer = await reauthenticate(deps, actor, actor.userId!, input.signature, overrides.length > 0 ? 'eligibility-decision-with-override' : 'eligibility-decision');
  const now = deps.now();
  return db.transaction(async (tx) => {
    const intake = await findIntake(tx, patientId, { forUpdate: true });
    const stage = (intake?.stage ?? null) as IntakeStage | null;
    if (stage === null || !DECIDABLE_STAGES.includes(stage)) {
      throw conflict(`An eligibility decision cannot be signed at stage ${stage ?? 'no intake'}; it needs intake work first and is closed once treatment started.`, undefined, [{ field: 'decision', reason: `not allowed at stage ${stage ?? 'no intake'}` }]);
    }
    const { params, facts, result } = await evaluateEligibility(tx, patientId, { route: input.route, purpose: input.purpose }, now);
    const check = checkEligibilityDecision(result, { decision: input.decision, overrides, acknowledgements: acknowledgements.map((a) => a.key) });
    if (!check.ok) {
      const errors: FieldError[] = check.problems.map((p) => ({ field: problemField(input, p.key, p.kind), reason: p.message }));
      const extra = { problems: check.problems, findings: result.findings.map(withKey) };
      if (check.problems.some((p) => p.kind === 'unknown-finding')) throw conflict('The eligibility findings changed since the panel was loaded; review them again.', extra, errors);
      const gate = check.problems.find((p) => p.kind === 'override-missing') ?? check.problems.find((p) => p.kind === 'acknowledgement-missing');
      if (gate) throw new AppError('RULE_BLOCKED', 422, gate.message, { rule: gate.rule ?? undefined, errors, extra }) as AppError;
      throw badRequest(check.problems[0]!.message, errors);
    }
    const storedResult = { status: result.status, findings: result.findings.map(withKey) };
    const config = (await getClinicRuleConfig(tx)).eligibility;
    const row = await insertDecision(tx, {
      patientId, decision: input.decision, occasion: params.occasion, route: params.route, purpose: facts.purpose, referenceDate: params.plannedOn,
      statusAtDecision: result.status, facts: facts as unknown as Record<string, unknown>, result: storedResult as unknown as Record<string, unknown>,
      config: config as unknown as Record<string, unknown>, note: input.note ?? null, signedAt: now, signedBy: signer.userId,
    });
    await insertOverrides(tx, check.overridden.map(({ finding, reason }) => ({
      decisionId: row.id, patientId, rule: finding.rule, findingKey: findingKey(finding), findingCode: finding.code, findingMessage: finding.message, reason,
      overriddenBy: signer.userId, overriddenAt: now, reauthenticatedAt: now,
    })));
    await insertAcknowledgements(tx, check.acknowledged.map((f) => ({
      decisionId: row.id, patientId, rule: f.rule, findingKey: findingKey(f), findingCode: f.code, findingMessage: f.message, acknowledgedBy: signer.userId, acknowledgedAt: now,
    })));
    await recordAudit(tx, actor, {
      action: 'eligibility.decide', resourceType: DECISION_RECORD_TYPE, resourceId: row.id, patientId,
      details: {
        decision: input.decision, statusAtDecision: result.status,
        overrides: check.overridden.map((o) => ({ rule: o.finding.rule, code: o.finding.code })),
        acknowledgements: check.acknowledged.map((f) => ({ rule: f.rule, code: f.code })),
      },
    }, now);
    if (stage !== input.decision) await setStage(tx, actor, patientId, intake, input.decision, now, `signed eligibility decision ${row.id}`);
    return (await toDecisions(tx, [row]))[0]!;
  });
}

async function addendumTo(deps: Deps, actor: AuditActor, patientId: string, recordType: string, find: (db: DbOrTx) => Promise<unknown>, recordId: string, input: AddendumCreate, what: string): Promise<Addendum> {
  const { db } = deps.database;
  await requirePatient(db, patientId);
  if (!(await find(db))) throw notFound(what);
  const signer = await reauthenticate(deps, actor, actor.userId!, input.signature, `${recordType}-addendum`);
  const now = deps.now();
  return db.transaction(async (tx) => {
    if (!(await find(tx))) throw notFound(what);
    return insertAddendum(tx, actor, { recordType, recordId, patientId, text: input.text, signer }, now);
  });
}

export function addDecisionAddendum(deps: Deps, actor: AuditActor, patientId: string, decisionId: string, input: AddendumCreate): Promise<Addendum> {
  return addendumTo(deps, actor, patientId, DECISION_RECORD_TYPE, (db) => findDecision(db, patientId, decisionId), decisionId, input, 'Eligibility decision');
}

// ── evaluation notes ─────────────────────────────────────────────────────────
async function toNote(tx: DbOrTx, r: NoteRow): Promise<EvaluationNote> {
  const who = await people(tx, [r.signedBy!]);
  const s = who.get(r.signedBy!);
  return {
    id: r.id, patientId: r.patientId, text: r.text,
    signature: { userId: r.signedBy!, displayName: s?.displayName ?? 'unknown user', credentials: s?.credentials ?? null, signedAt: r.signedAt!.toISOString() },
    addenda: await listAddenda(tx, NOTE_RECORD_TYPE, r.id),
  };
}

/** Signs the prescriber's evaluation note (re-authenticated); it is locked at once. */
export async function signEvaluationNote(deps: Deps, actor: AuditActor, patientId: string, input: EvaluationNoteCreate): Promise<EvaluationNote> {
  const { db } = deps.database;
  await requirePatient(db, patientId);
  const signer = await reauthenticate(deps, actor, actor.userId!, input.signature, 'evaluation-note');
  const now = deps.now();
  return db.transaction(async (tx) => {
    const row = await insertNote(tx, { patientId, text: input.text, signedAt: now, signedBy: signer.userId });
    await recordAudit(tx, actor, { action: 'evaluation-note.sign', resourceType: NOTE_RECORD_TYPE, resourceId: row.id, patientId }, now);
    return toNote(tx, row);
  });
}

export async function getEvaluationNotes(deps: Deps, actor: AuditActor, patientId: string): Promise<EvaluationNote[]> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const rows = await listNotes(tx, patientId);
    await recordAudit(tx, actor, { action: 'evaluation-note.list', resourceType: NOTE_RECORD_TYPE, patientId, details: { resultCount: rows.length } }, now);
    return Promise.all(rows.map((r) => toNote(tx, r)));
  });
}

export function addNoteAddendum(deps: Deps, actor: AuditActor, patientId: string, noteId: string, input: AddendumCreate): Promise<Addendum> {
  return addendumTo(deps, actor, patientId, NOTE_RECORD_TYPE, (db) => findNote(db, patientId, noteId), noteId, input, 'Evaluation note');
}
