/**
 * Referral and intake: the patient's stage in the program (referred → intake in
 * progress → awaiting evaluation → eligible / not eligible / needs work-up → in
 * treatment), referrals, and the screening flags of the intake profile. Every read
 * and write is audited in its transaction.
 */
import type { IntakeProfile, IntakeProfileUpdate, IntakeStage, IntakeSummary, ReferralCreate, Referral, StageChangeCreate, StageCounts, StagedPatient } from '@glia/contracts';
import { INTAKE_STAGES } from '@glia/contracts';
import type { Role } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { badRequest, conflict, forbidden } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { assertReadyForTreatment } from '../consent/treatment-readiness.ts';
import { clinicDay } from './clinic-day.ts';
import {
  countByStage, findIntake, insertIntake, insertReferral, insertStageChange, listReferrals, listStageChanges, listStaged, updateIntake, updateStage,
  type IntakeRow, type ReferralRow,
} from './intake-repo.ts';
import { notInFuture, requirePatient } from './patient-scope.ts';
import { allowedManualStages, STAGES_STARTING_INTAKE } from './stage-workflow.ts';

export type IntakeDeps = Pick<AppDeps, 'database' | 'now'>;

function toReferral(r: ReferralRow): Referral {
  return {
    id: r.id, patientId: r.patientId, receivedOn: r.receivedOn, source: r.source as Referral['source'],
    referringClinician: r.referringClinician, referringContact: r.referringContact, reason: r.reason,
    indication: r.indication as Referral['indication'], createdAt: r.createdAt.toISOString(), createdBy: r.createdBy,
  };
}

export function toProfile(r: IntakeRow): IntakeProfile {
  return {
    childbearingPotential: r.childbearingPotential,
    cardiovascularRisk: r.cardiovascularRisk,
    cardiovascularNotes: r.cardiovascularNotes,
    liverRisk: r.liverRisk,
    liverNotes: r.liverNotes,
    highDosePainCoursesPlanned: r.highDosePainCoursesPlanned,
    contraindications: r.contraindications as IntakeProfile['contraindications'],
    psychosisHistory: r.psychosisHistory,
    maniaHistory: r.maniaHistory,
    suicideAttempts: r.suicideAttempts,
    lastSuicideAttemptOn: r.lastSuicideAttemptOn,
    psychiatricNotes: r.psychiatricNotes,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Moves the patient to `to` (creating the intake record when there is none),
 * records the change in the stage history and the audit trail.
 */
export async function setStage(tx: DbOrTx, actor: AuditActor, patientId: string, current: IntakeRow | null, to: IntakeStage, now: Date, reason: string | null): Promise<IntakeRow> {
  let row: IntakeRow;
  if (current === null) {
    row = await insertIntake(tx, { patientId, stage: to, stageChangedAt: now, stageChangedBy: actor.userId, createdAt: now, updatedAt: now, updatedBy: actor.userId });
  } else {
    row = await updateStage(tx, patientId, { stage: to, stageChangedAt: now, stageChangedBy: actor.userId });
  }
  await insertStageChange(tx, { patientId, fromStage: current?.stage ?? null, toStage: to, reason, changedAt: now, changedBy: actor.userId });
  await recordAudit(tx, actor, { action: 'intake.stage', resourceType: 'intake', resourceId: patientId, patientId, details: { from: current?.stage ?? null, to } }, now);
  return row;
}

/** Intake work on a referred patient (or one with no intake yet) moves them to "intake in progress". */
export async function ensureIntakeInProgress(tx: DbOrTx, actor: AuditActor, patientId: string, now: Date): Promise<IntakeRow> {
  const current = await findIntake(tx, patientId, { forUpdate: true });
  if (STAGES_STARTING_INTAKE.includes((current?.stage ?? null) as IntakeStage | null)) {
    return setStage(tx, actor, patientId, current, 'intake', now, current ? 'intake work started' : 'intake started without a referral');
  }
  return current!;
}

export async function buildIntakeSummary(tx: DbOrTx, patientId: string): Promise<IntakeSummary> {
  const intake = await findIntake(tx, patientId);
  const history = await listStageChanges(tx, patientId);
  const refs = await listReferrals(tx, patientId);
  return {
    patientId,
    stage: (intake?.stage ?? null) as IntakeStage | null,
    stageChangedAt: intake?.stageChangedAt.toISOString() ?? null,
    stageHistory: history.map((h) => ({
      fromStage: h.fromStage as IntakeStage | null, toStage: h.toStage as IntakeStage, reason: h.reason, changedAt: h.changedAt.toISOString(), changedBy: h.changedByName,
    })),
    referrals: refs.map(toReferral),
    profile: intake ? toProfile(intake) : null,
    allowedStages: [...allowedManualStages((intake?.stage ?? null) as IntakeStage | null)],
  };
}

export async function getIntakeSummary(deps: IntakeDeps, actor: AuditActor, patientId: string): Promise<IntakeSummary> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const summary = await buildIntakeSummary(tx, patientId);
    await recordAudit(tx, actor, { action: 'intake.read', resourceType: 'intake', resourceId: patientId, patientId }, now);
    return summary;
  });
}

export async function createReferral(deps: IntakeDeps, actor: AuditActor, patientId: string, input: ReferralCreate): Promise<Referral> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const { today } = await clinicDay(tx, now);
    notInFuture('receivedOn', input.receivedOn, today);
    const row = await insertReferral(tx, {
      patientId, receivedOn: input.receivedOn, source: input.source, referringClinician: input.referringClinician ?? null,
      referringContact: input.referringContact ?? null, reason: input.reason, indication: input.indication, createdAt: now, createdBy: actor.userId!,
    });
    await recordAudit(tx, actor, { action: 'referral.create', resourceType: 'referral', resourceId: row.id, patientId, details: { source: input.source, indication: input.indication } }, now);
    const intake = await findIntake(tx, patientId, { forUpdate: true });
    if (intake === null) await setStage(tx, actor, patientId, null, 'referred', now, 'referral received');
    return toReferral(row);
  });
}

const PRESCRIBING: readonly Role[] = ['prescriber', 'medical-director'];

export async function changeStage(deps: IntakeDeps, actor: AuditActor, roles: readonly Role[], patientId: string, input: StageChangeCreate): Promise<IntakeSummary> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const current = await findIntake(tx, patientId, { forUpdate: true });
    const from = (current?.stage ?? null) as IntakeStage | null;
    if (from === input.stage) throw conflict(`The patient is already at stage ${input.stage}.`);
    const allowed = allowedManualStages(from);
    if (!allowed.includes(input.stage)) {
      const how = ['eligible', 'not-eligible', 'needs-workup'].includes(input.stage) ? ' Eligibility outcomes are set by signing an eligibility decision.' : '';
      throw badRequest(`stage cannot move from ${from ?? 'no intake'} to ${input.stage} by hand.${how}`, [
        { field: 'stage', reason: `must be one of ${allowed.join(', ') || '(none)'} from ${from ?? 'no intake'}` },
      ]);
    }
    if (input.stage === 'in-treatment') {
      if (!roles.some((r) => PRESCRIBING.includes(r))) throw forbidden('Only a prescriber or the medical director starts treatment.');
      await assertReadyForTreatment(tx, patientId, now);
    }
    await setStage(tx, actor, patientId, current, input.stage, now, input.reason ?? null);
    return buildIntakeSummary(tx, patientId);
  });
}

export async function updateProfile(deps: IntakeDeps, actor: AuditActor, patientId: string, input: IntakeProfileUpdate): Promise<IntakeProfile> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const { today } = await clinicDay(tx, now);
    notInFuture('lastSuicideAttemptOn', input.lastSuicideAttemptOn, today);
    const current = await ensureIntakeInProgress(tx, actor, patientId, now);
    if (current.version !== input.version) {
      throw conflict('Someone else changed this intake since you opened it. Reload to see their changes.', { currentVersion: current.version }, [
        { field: 'version', reason: `is ${input.version} but the record is at version ${current.version}` },
      ]);
    }
    const { version, ...fields } = input;
    const updated = await updateIntake(tx, patientId, { ...fields, contraindications: [...new Set(fields.contraindications)], updatedAt: now, updatedBy: actor.userId }, version);
    if (!updated) throw conflict('Someone else changed this intake at the same moment. Reload and try again.');
    await recordAudit(tx, actor, { action: 'intake.profile.update', resourceType: 'intake', resourceId: patientId, patientId, details: { fields: Object.keys(fields), version: updated.version } }, now);
    return toProfile(updated);
  });
}

export async function listStagedPatients(deps: IntakeDeps, actor: AuditActor, query: { stage?: IntakeStage | undefined; limit: number }): Promise<StagedPatient[]> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const rows = await listStaged(tx, query.stage, query.limit);
    await recordAudit(tx, actor, { action: 'intake.list', resourceType: 'intake', details: { stage: query.stage ?? null, resultCount: rows.length, resultIds: rows.map((r) => r.patient.id) } }, now);
    return rows.map((r) => ({
      patientId: r.patient.id, mrn: r.patient.mrn, givenName: r.patient.givenName, familyName: r.patient.familyName, preferredName: r.patient.preferredName,
      birthDate: r.patient.birthDate, stage: r.intake.stage as IntakeStage, stageChangedAt: r.intake.stageChangedAt.toISOString(),
      indication: (r.indication ?? null) as StagedPatient['indication'],
      primaryClinician: r.clinicianId ? { id: r.clinicianId, displayName: r.clinicianName! } : null,
    }));
  });
}

/** Counts only: no patient data, so no audit entry. */
export async function stageCounts(deps: IntakeDeps): Promise<StageCounts> {
  const rows = await countByStage(deps.database.db);
  const counts = Object.fromEntries(INTAKE_STAGES.map((s) => [s, 0])) as StageCounts['counts'];
  for (const r of rows) counts[r.stage as IntakeStage] = r.n;
  return { counts, total: rows.reduce((a, r) => a + r.n, 0) };
}
