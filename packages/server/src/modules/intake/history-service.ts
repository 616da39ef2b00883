/**
 * The intake history: problem list (ICD-10-CM), antidepressant trials, medications
 * with their rule 8 flags, allergies, substance-use assessments and dated
 * observations (weight, height, vitals, pregnancy tests, ECG, LFT). Clinical
 * classification comes from the clinical core; impossible values are refused
 * with the field and the reason and nothing is saved.
 */
import type {
  AllergyCreate, Allergy, History, Medication, MedicationCreate, MedicationUpdate, Observation, ObservationCreate, ProblemEntry, ProblemEntryCreate,
  SubstanceUse, SubstanceUseCreate, Trial, TrialCreate,
} from '@glia/contracts';
import { classifyMedication, countFailedAdequateTrials, toEpochDay, validateIcd10Code, type ClinicRuleConfig, type Indication } from '@glia/clinical';
import type { DbOrTx } from '../../db/client.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { getClinicRuleConfig } from '../clinic-rules/clinic-rule-config.ts';
import { clinicDay, localDate } from './clinic-day.ts';
import {
  findMedication, findProblem, insertAllergy, insertMedication, insertObservation, insertProblem, insertSubstanceUse, insertTrial, listAllergies,
  listMedications, listObservations, listProblems, listSubstanceUse, listTrials, updateMedication, updateProblem,
  type AllergyRow, type MedicationRow, type ObservationRow, type ProblemRow, type SubstanceUseRow, type TrialRow,
} from './history-repo.ts';
import { ensureIntakeInProgress, type IntakeDeps } from './intake-service.ts';
import { notInFuture, requirePatient } from './patient-scope.ts';

// ── mapping rows to the contract ─────────────────────────────────────────────
export function toProblem(r: ProblemRow): ProblemEntry {
  const v = validateIcd10Code(r.code);
  const curated = v.status === 'known' ? v.entry.indication : null;
  return {
    id: r.id, code: r.code, description: r.description, indication: (r.indication ?? curated) as ProblemEntry['indication'],
    inCuratedList: v.status === 'known', notedOn: r.notedOn, status: r.status as ProblemEntry['status'], createdAt: r.createdAt.toISOString(),
  };
}

export function toTrials(rows: readonly TrialRow[], config: ClinicRuleConfig): { trials: Trial[]; count: number; countedAs: string[] } {
  const tally = countFailedAdequateTrials(rows.map(trialFact), config.eligibility.rule1);
  const trials = rows.map((r, i): Trial => {
    const t = tally.trials[i]!;
    return {
      id: r.id, drug: r.drug, doseMgPerDay: r.doseMgPerDay, weeks: r.weeks, adequate: r.adequate, outcome: r.outcome as Trial['outcome'],
      currentEpisode: r.currentEpisode, notes: r.notes, counted: t.counted, notCountedReason: t.counted ? null : t.reason, createdAt: r.createdAt.toISOString(),
    };
  });
  return { trials, count: tally.count, countedAs: tally.countedAs };
}

export const trialFact = (r: TrialRow): { drug: string; doseMgPerDay: number | null; weeks: number; adequate: boolean; outcome: Trial['outcome']; currentEpisode: boolean } => ({
  drug: r.drug, doseMgPerDay: r.doseMgPerDay, weeks: r.weeks, adequate: r.adequate, outcome: r.outcome as Trial['outcome'], currentEpisode: r.currentEpisode,
});

export const medicationFact = (r: MedicationRow): { name: string; dose: number | null; doseUnit: string | null; frequencyPerDay: number | null; route: string | null; active: boolean } => ({
  name: r.name, dose: r.dose, doseUnit: r.doseUnit, frequencyPerDay: r.frequencyPerDay, route: r.route, active: r.active,
});

export function toMedication(r: MedicationRow): Medication {
  const c = classifyMedication(medicationFact(r));
  return {
    id: r.id, name: r.name, dose: r.dose, doseUnit: r.doseUnit, frequencyPerDay: r.frequencyPerDay, route: r.route, active: r.active,
    startedOn: r.startedOn, stoppedOn: r.stoppedOn, updatedAt: r.updatedAt.toISOString(),
    flags: {
      recognized: c.recognized, benzodiazepine: c.benzodiazepine, diazepamEquivalentMgPerDay: c.diazepamEquivalentMgPerDay, diazepamEquivalentNote: c.diazepamEquivalentNote,
      maoi: c.maoi, psychostimulant: c.psychostimulant, cnsDepressant: c.cnsDepressant, lamotrigine: c.lamotrigine, moodStabilizer: c.moodStabilizer, antidepressant: c.antidepressant,
    },
  };
}

const toAllergy = (r: AllergyRow): Allergy => ({ id: r.id, substance: r.substance, reaction: r.reaction, severity: r.severity as Allergy['severity'], createdAt: r.createdAt.toISOString() });

const toSubstanceUse = (r: SubstanceUseRow): SubstanceUse => ({
  id: r.id, assessedOn: r.assessedOn, currentUse: r.currentUse, misuseSuspected: r.misuseSuspected, activeAbuse: r.activeAbuse, substances: r.substances,
  urineDrugScreenOn: r.urineDrugScreenOn, urineDrugScreenResult: r.urineDrugScreenResult as SubstanceUse['urineDrugScreenResult'], notes: r.notes, createdAt: r.createdAt.toISOString(),
});

export const toObservation = (r: ObservationRow & { recordedByName?: string | null }): Observation => ({
  id: r.id, kind: r.kind as Observation['kind'], observedOn: r.observedOn, observedAt: r.observedAt?.toISOString() ?? null, weightKg: r.weightKg, heightCm: r.heightCm,
  systolicMmHg: r.systolicMmHg, diastolicMmHg: r.diastolicMmHg, heartRateBpm: r.heartRateBpm, result: r.result, method: r.method, notes: r.notes,
  recordedAt: r.recordedAt.toISOString(), recordedBy: r.recordedByName ?? null,
});

/**
 * The current weight and its age in days (rule 9 reads it for dosing): the latest
 * weight by date, then by entry time. Null when none is recorded.
 */
export async function currentWeight(db: DbOrTx, patientId: string, today: string): Promise<{ weightKg: number; observedOn: string; ageDays: number } | null> {
  const [latest] = await listObservations(db, patientId, 'weight');
  if (!latest) return null;
  return { weightKg: latest.weightKg!, observedOn: latest.observedOn, ageDays: toEpochDay(today) - toEpochDay(latest.observedOn) };
}

// ── reads ────────────────────────────────────────────────────────────────────
export async function getHistory(deps: IntakeDeps, actor: AuditActor, patientId: string): Promise<History> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const config = await getClinicRuleConfig(tx);
    const { today } = await clinicDay(tx, now);
    const trials = toTrials(await listTrials(tx, patientId), config);
    const result: History = {
      problems: (await listProblems(tx, patientId)).map(toProblem),
      trials: trials.trials,
      failedAdequateTrials: { count: trials.count, countedAs: trials.countedAs, required: config.eligibility.rule1.minFailedAdequateTrials },
      medications: (await listMedications(tx, patientId)).map(toMedication),
      allergies: (await listAllergies(tx, patientId)).map(toAllergy),
      substanceUse: (await listSubstanceUse(tx, patientId)).map(toSubstanceUse),
      observations: (await listObservations(tx, patientId)).map(toObservation),
      currentWeight: await currentWeight(tx, patientId, today),
    };
    await recordAudit(tx, actor, { action: 'history.read', resourceType: 'intake', resourceId: patientId, patientId }, now);
    return result;
  });
}

export async function getObservations(deps: IntakeDeps, actor: AuditActor, patientId: string, kind: string | undefined): Promise<Observation[]> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const rows = await listObservations(tx, patientId, kind);
    await recordAudit(tx, actor, { action: 'observation.list', resourceType: 'observation', patientId, details: { kind: kind ?? null, resultCount: rows.length } }, now);
    return rows.map(toObservation);
  });
}

// ── writes ───────────────────────────────────────────────────────────────────
/** Opens the write transaction: the patient exists, the intake is in progress, and "today" in the clinic zone. */
async function write<T>(deps: IntakeDeps, actor: AuditActor, patientId: string, fn: (tx: DbOrTx, ctx: { now: Date; today: string; timeZone: string }) => Promise<T>): Promise<T> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const day = await clinicDay(tx, now);
    const result = await fn(tx, { now, today: day.today, timeZone: day.timeZone });
    await ensureIntakeInProgress(tx, actor, patientId, now);
    return result;
  });
}

export function addProblem(deps: IntakeDeps, actor: AuditActor, patientId: string, input: ProblemEntryCreate): Promise<ProblemEntry> {
  return write(deps, actor, patientId, async (tx, { now, today }) => {
    notInFuture('notedOn', input.notedOn, today);
    const v = validateIcd10Code(input.code);
    if (v.status === 'invalid') throw invalidField('code', `is not a valid ICD-10-CM code: ${v.reason}`);
    let description: string;
    let indication: Indication | null = null;
    if (v.status === 'known') {
      if (input.indication != null && input.indication !== v.entry.indication) {
        throw invalidField('indication', `is set by Glia's code list for ${v.code} (${v.entry.indication}); leave it empty`);
      }
      description = input.description ?? v.entry.description;
    } else {
      if (!input.description) throw invalidField('description', `is required for ${v.code}, which is not in Glia's code list`);
      description = input.description;
      indication = input.indication ?? null;
    }
    const existing = await listProblems(tx, patientId);
    if (existing.some((p) => p.code === v.code && p.status === 'active')) throw conflict(`${v.code} is already on the active problem list.`, undefined, [{ field: 'code', reason: 'is already an active problem' }]);
    const row = await insertProblem(tx, { patientId, code: v.code, description, indication, notedOn: input.notedOn ?? null, createdAt: now, createdBy: actor.userId! });
    await recordAudit(tx, actor, { action: 'problem.create', resourceType: 'problem', resourceId: row.id, patientId, details: { code: v.code } }, now);
    return toProblem(row);
  });
}

export function setProblemStatus(deps: IntakeDeps, actor: AuditActor, patientId: string, problemId: string, status: 'active' | 'resolved'): Promise<ProblemEntry> {
  return write(deps, actor, patientId, async (tx, { now }) => {
    const row = await findProblem(tx, patientId, problemId);
    if (!row) throw notFound('Problem');
    const updated = await updateProblem(tx, problemId, status === 'resolved' ? { status, resolvedAt: now, resolvedBy: actor.userId } : { status, resolvedAt: null, resolvedBy: null });
    await recordAudit(tx, actor, { action: 'problem.update', resourceType: 'problem', resourceId: problemId, patientId, details: { status } }, now);
    return toProblem(updated);
  });
}

export function addTrial(deps: IntakeDeps, actor: AuditActor, patientId: string, input: TrialCreate): Promise<Trial> {
  return write(deps, actor, patientId, async (tx, { now }) => {
    const row = await insertTrial(tx, {
      patientId, drug: input.drug, doseMgPerDay: input.doseMgPerDay ?? null, weeks: input.weeks, adequate: input.adequate, outcome: input.outcome,
      currentEpisode: input.currentEpisode, notes: input.notes ?? null, createdAt: now, createdBy: actor.userId!,
    });
    await recordAudit(tx, actor, { action: 'trial.create', resourceType: 'antidepressant-trial', resourceId: row.id, patientId }, now);
    const config = await getClinicRuleConfig(tx);
    const all = await listTrials(tx, patientId);
    return toTrials(all, config).trials.find((t) => t.id === row.id)!;
  });
}

export function addMedication(deps: IntakeDeps, actor: AuditActor, patientId: string, input: MedicationCreate): Promise<Medication> {
  return write(deps, actor, patientId, async (tx, { now, today }) => {
    notInFuture('startedOn', input.startedOn, today);
    const row = await insertMedication(tx, {
      patientId, name: input.name, dose: input.dose ?? null, doseUnit: input.doseUnit ?? null, frequencyPerDay: input.frequencyPerDay ?? null,
      route: input.route ?? null, startedOn: input.startedOn ?? null, createdAt: now, createdBy: actor.userId!, updatedAt: now, updatedBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'medication.create', resourceType: 'medication', resourceId: row.id, patientId }, now);
    return toMedication(row);
  });
}

export function stopMedication(deps: IntakeDeps, actor: AuditActor, patientId: string, medicationId: string, input: MedicationUpdate): Promise<Medication> {
  return write(deps, actor, patientId, async (tx, { now, today }) => {
    notInFuture('stoppedOn', input.stoppedOn, today);
    const row = await findMedication(tx, patientId, medicationId);
    if (!row) throw notFound('Medication');
    if (!row.active) throw conflict('This medication is already stopped.');
    if (row.startedOn && input.stoppedOn < row.startedOn) throw invalidField('stoppedOn', `must not be before the start date ${row.startedOn}`);
    const updated = await updateMedication(tx, medicationId, { active: false, stoppedOn: input.stoppedOn, updatedAt: now, updatedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'medication.stop', resourceType: 'medication', resourceId: medicationId, patientId }, now);
    return toMedication(updated);
  });
}

export function addAllergy(deps: IntakeDeps, actor: AuditActor, patientId: string, input: AllergyCreate): Promise<Allergy> {
  return write(deps, actor, patientId, async (tx, { now }) => {
    const row = await insertAllergy(tx, { patientId, substance: input.substance, reaction: input.reaction ?? null, severity: input.severity ?? 'unknown', createdAt: now, createdBy: actor.userId! });
    await recordAudit(tx, actor, { action: 'allergy.create', resourceType: 'allergy', resourceId: row.id, patientId }, now);
    return toAllergy(row);
  });
}

export function addSubstanceUse(deps: IntakeDeps, actor: AuditActor, patientId: string, input: SubstanceUseCreate): Promise<SubstanceUse> {
  return write(deps, actor, patientId, async (tx, { now, today }) => {
    notInFuture('assessedOn', input.assessedOn, today);
    notInFuture('urineDrugScreenOn', input.urineDrugScreenOn, today);
    const row = await insertSubstanceUse(tx, {
      patientId, assessedOn: input.assessedOn, currentUse: input.currentUse, misuseSuspected: input.misuseSuspected, activeAbuse: input.activeAbuse,
      substances: input.substances ?? null, urineDrugScreenOn: input.urineDrugScreenOn ?? null, urineDrugScreenResult: input.urineDrugScreenResult ?? null,
      notes: input.notes ?? null, createdAt: now, createdBy: actor.userId!,
    });
    await recordAudit(tx, actor, { action: 'substance-use.create', resourceType: 'substance-use-assessment', resourceId: row.id, patientId }, now);
    return toSubstanceUse(row);
  });
}

/**
 * Records a dated observation after the physiological checks: weight and height
 * within the clinic's dosing plausibility range (rule 9 input checks), systolic
 * above diastolic (the contract checks the ranges), dates and instants not in the
 * future, and an instant that falls on the stated clinic-local date.
 */
export function addObservation(deps: IntakeDeps, actor: AuditActor, patientId: string, input: ObservationCreate): Promise<Observation> {
  return write(deps, actor, patientId, async (tx, { now, today, timeZone }) => {
    notInFuture('observedOn', input.observedOn, today);
    let observedAt: Date | null = null;
    if (input.observedAt) {
      observedAt = new Date(input.observedAt);
      if (observedAt.getTime() > now.getTime() + 60_000) throw invalidField('observedAt', 'must not be in the future');
      if (localDate(observedAt, timeZone) !== input.observedOn) throw invalidField('observedAt', `falls on ${localDate(observedAt, timeZone)} in the clinic's time zone, not on observedOn ${input.observedOn}`);
    }
    const w = (await getClinicRuleConfig(tx)).dosing.weight;
    const base = { patientId, kind: input.kind, observedOn: input.observedOn, observedAt, notes: input.notes ?? null, recordedAt: now, recordedBy: actor.userId! };
    let values: Parameters<typeof insertObservation>[1];
    switch (input.kind) {
      case 'weight':
        if (input.weightKg < w.minPlausibleKg || input.weightKg > w.maxPlausibleKg) throw invalidField('weightKg', `must be between ${w.minPlausibleKg} and ${w.maxPlausibleKg} kg`);
        values = { ...base, weightKg: Math.round(input.weightKg * 10) / 10 };
        break;
      case 'height':
        if (input.heightCm < w.minPlausibleHeightCm || input.heightCm > w.maxPlausibleHeightCm) throw invalidField('heightCm', `must be between ${w.minPlausibleHeightCm} and ${w.maxPlausibleHeightCm} cm`);
        values = { ...base, heightCm: Math.round(input.heightCm * 10) / 10 };
        break;
      case 'vitals':
        values = { ...base, systolicMmHg: input.systolicMmHg, diastolicMmHg: input.diastolicMmHg, heartRateBpm: input.heartRateBpm ?? null };
        break;
      case 'pregnancy-test':
        values = { ...base, result: input.result, method: input.method };
        break;
      case 'ecg':
      case 'lft':
        values = { ...base, result: input.result };
        break;
    }
    const row = await insertObservation(tx, values);
    await recordAudit(tx, actor, { action: 'observation.create', resourceType: 'observation', resourceId: row.id, patientId, details: { kind: input.kind } }, now);
    return toObservation(row);
  });
}
