/**
 * Treatment plans: ordered and signed by a prescriber from a protocol, only for an
 * eligible, consented patient (assertReadyForTreatment) with a current weight
 * (rule 9). A dose change is a new signed order version; the history stays.
 */
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import { dosingWeightKg, type WeightBasis } from '@glia/clinical';
import type { PlanCreate, PlanOrderCreate, PlanStatusChange, TreatmentPlan } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { observations } from '../../db/schema/intake.ts';
import { appointmentChanges, appointments, patients, planOrders, protocols, treatmentPlans, users } from '../../db/schema/index.ts';
import { conflict, notFound, ruleBlocked, unprocessable } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { getClinicRuleConfig } from '../clinic-rules/clinic-rule-config.ts';
import { consentCoverageFor } from '../consent/consent-service.ts';
import { assertReadyForTreatment } from '../consent/treatment-readiness.ts';
import { latestDecision } from '../eligibility/eligibility-repo.ts';
import { clinicDay } from '../intake/clinic-day.ts';
import { reauthenticate } from '../signing/reauthenticate.ts';
import { appointmentViews } from './appointment-views.ts';

const DAY_MS = 86_400_000;
type PlanRow = typeof treatmentPlans.$inferSelect;
type ProtocolRow = typeof protocols.$inferSelect;

export interface DoseCheck {
  weightKg: number | null;
  weightObservedAt: Date | null;
  computedDoseMg: number | null;
}

/** Rule 9: the current weight from intake observations and the dose it gives. Throws when the weight is missing or too old. */
export async function checkDoseWeight(tx: DbOrTx, patientId: string, doseMgPerKg: number | null, basis: WeightBasis, now: Date): Promise<DoseCheck> {
  if (doseMgPerKg === null) return { weightKg: null, weightObservedAt: null, computedDoseMg: null };
  const config = await getClinicRuleConfig(tx);
  const [weight] = await tx.select().from(observations).where(and(eq(observations.patientId, patientId), eq(observations.kind, 'weight'))).orderBy(desc(observations.observedOn), desc(observations.recordedAt)).limit(1);
  if (!weight || weight.weightKg === null) throw ruleBlocked(9, 'A dose in mg/kg needs a recorded weight; record the weight in intake first (rule 9).');
  const { today } = await clinicDay(tx, now);
  const ageDays = Math.round((Date.parse(today) - Date.parse(weight.observedOn)) / DAY_MS);
  if (ageDays > config.dosing.weight.maxAgeDays) {
    throw ruleBlocked(9, `The latest weight is ${ageDays} days old; the dose needs a weight measured within ${config.dosing.weight.maxAgeDays} days (rule 9).`);
  }
  const [height] = await tx.select().from(observations).where(and(eq(observations.patientId, patientId), eq(observations.kind, 'height'))).orderBy(desc(observations.observedOn)).limit(1);
  const [patient] = await tx.select({ sex: patients.sexAtBirth }).from(patients).where(eq(patients.id, patientId));
  const sex = patient?.sex === 'female' || patient?.sex === 'male' ? patient.sex : undefined;
  const result = dosingWeightKg({ actualKg: weight.weightKg, basis, ...(height?.heightCm ? { heightCm: height.heightCm } : {}), ...(sex ? { sex } : {}) }, config.dosing);
  if (!result.ok) throw unprocessable(result.errors.map((e) => e.message).join(' '), result.errors.map((e) => ({ field: e.field === 'weightKg' ? 'weightBasis' : e.field, reason: e.message })));
  if (doseMgPerKg > config.dosing.psychiatric.hardMaxDoseMgPerKg) {
    throw ruleBlocked(10, `${doseMgPerKg} mg/kg is above the per-session limit of ${config.dosing.psychiatric.hardMaxDoseMgPerKg} mg/kg (rule 10).`);
  }
  return { weightKg: weight.weightKg, weightObservedAt: weight.recordedAt, computedDoseMg: Math.round(doseMgPerKg * result.value.dosingKg * 10) / 10 };
}

async function assertConsentCoversDose(tx: DbOrTx, patientId: string, route: string, doseMgPerKg: number | null, now: Date): Promise<void> {
  if (route !== 'iv-ketamine' || doseMgPerKg === null) return;
  const { timeZone } = await clinicDay(tx, now);
  const coverage = await consentCoverageFor(tx, patientId, 'iv-ketamine', timeZone, doseMgPerKg);
  const dose = coverage.reconsentReasons.find((r) => r.code === 'dose-exceeds-consent');
  if (dose && dose.code === 'dose-exceeds-consent') {
    throw ruleBlocked(2, `The ordered ${doseMgPerKg} mg/kg is above the ${dose.consentMaxDoseMgPerKg} mg/kg the signed consent covers; re-consent first (rule 2).`);
  }
}

async function loadProtocol(tx: DbOrTx, id: string): Promise<ProtocolRow> {
  const [p] = await tx.select().from(protocols).where(eq(protocols.id, id));
  if (!p) throw notFound('The protocol');
  return p;
}

export async function createPlan(deps: AppDeps, actor: AuditActor, patientId: string, body: PlanCreate): Promise<TreatmentPlan> {
  const signer = await reauthenticate(deps, actor, actor.userId!, body.signature, 'treatment-plan.sign');
  const now = deps.now();
  const planId = await deps.database.db.transaction(async (tx) => {
    const [patient] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, patientId));
    if (!patient) throw notFound('The patient');
    const protocol = await loadProtocol(tx, body.protocolId);
    if (!protocol.active) throw unprocessable('This protocol is retired.', [{ field: 'protocolId', reason: 'is retired' }]);
    await assertReadyForTreatment(tx, patientId, now);
    const decision = await latestDecision(tx, patientId);
    if (decision && decision.route !== protocol.route) {
      throw unprocessable(`The eligibility decision is for ${decision.route}, not ${protocol.route}.`, [{ field: 'protocolId', reason: `must be a ${decision.route} protocol` }]);
    }
    const ivDose = protocol.route === 'iv-ketamine' ? (body.doseMgPerKg ?? protocol.doseMgPerKg) : null;
    const esketamineDoseMg = protocol.route === 'esketamine' ? (body.esketamineDoseMg ?? protocol.esketamineDoseMg) : null;
    if (protocol.route === 'iv-ketamine' && body.esketamineDoseMg !== undefined) throw unprocessable('An IV plan has no esketamine dose.', [{ field: 'esketamineDoseMg', reason: 'is only for esketamine plans' }]);
    if (protocol.route === 'esketamine' && body.doseMgPerKg !== undefined) throw unprocessable('An esketamine plan is dosed in mg, not mg/kg.', [{ field: 'doseMgPerKg', reason: 'is only for IV plans' }]);
    if (protocol.phase === 'maintenance' && !body.maintenanceReviewDue && !body.maintenanceEndPoint) {
      throw ruleBlocked(17, 'A maintenance plan needs an end point or a review date before boosters are booked (rule 17).');
    }
    const dose = await checkDoseWeight(tx, patientId, ivDose, body.weightBasis, now);
    await assertConsentCoversDose(tx, patientId, protocol.route, ivDose, now);
    const [open] = await tx.select({ id: treatmentPlans.id }).from(treatmentPlans).where(and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.protocolId, protocol.id), inArray(treatmentPlans.status, ['active', 'paused'])));
    if (open) throw conflict('The patient already has an open plan on this protocol; change its order instead.', { planId: open.id });
    const [plan] = await tx.insert(treatmentPlans).values({
      patientId, protocolId: protocol.id, indication: body.indication, route: protocol.route, status: 'active', infusionsPlanned: body.infusionsPlanned ?? protocol.defaultInfusions,
      maintenanceReviewDue: body.maintenanceReviewDue ? new Date(body.maintenanceReviewDue) : protocol.phase === 'maintenance' ? new Date(now.getTime() + 12 * 7 * DAY_MS) : null,
      maintenanceEndPoint: body.maintenanceEndPoint ?? null,
      preferredWeekdays: body.preferredWeekdays, preferredEarliestTime: body.preferredEarliestTime ?? null, preferredLatestTime: body.preferredLatestTime ?? null,
      orderedBy: signer.userId, signedBy: signer.userId, signedAt: now, createdAt: now, updatedAt: now, updatedBy: signer.userId,
    }).returning();
    await tx.insert(planOrders).values({
      planId: plan!.id, version: 1, doseMgPerKg: ivDose, weightBasis: body.weightBasis, infusionDurationMin: body.infusionDurationMin ?? protocol.infusionDurationMin,
      esketamineDoseMg, weightKg: dose.weightKg, weightObservedAt: dose.weightObservedAt, computedDoseMg: dose.computedDoseMg, reason: 'initial order',
      orderedBy: signer.userId, signedBy: signer.userId, signedAt: now, createdAt: now,
    });
    await recordAudit(tx, actor, { action: 'treatment-plan.sign', resourceType: 'treatment-plan', resourceId: plan!.id, patientId, details: { protocol: protocol.key, orderVersion: 1 } }, now);
    return plan!.id;
  });
  return getPlan(deps, actor, planId, { audit: false });
}

export async function addOrder(deps: AppDeps, actor: AuditActor, planId: string, body: PlanOrderCreate): Promise<TreatmentPlan> {
  const signer = await reauthenticate(deps, actor, actor.userId!, body.signature, 'plan-order.sign');
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    if (plan.status === 'stopped' || plan.status === 'completed') throw conflict(`The plan is ${plan.status}; a new order needs a new plan.`);
    const protocol = await loadProtocol(tx, plan.protocolId);
    await assertReadyForTreatment(tx, plan.patientId, now);
    if (plan.route === 'iv-ketamine' && body.doseMgPerKg === undefined) throw unprocessable('An IV order needs a dose in mg/kg.', [{ field: 'doseMgPerKg', reason: 'is required for IV plans' }]);
    if (plan.route === 'esketamine' && body.esketamineDoseMg === undefined) throw unprocessable('An esketamine order needs a dose in mg.', [{ field: 'esketamineDoseMg', reason: 'is required for esketamine plans' }]);
    const ivDose = plan.route === 'iv-ketamine' ? body.doseMgPerKg! : null;
    const dose = await checkDoseWeight(tx, plan.patientId, ivDose, body.weightBasis, now);
    await assertConsentCoversDose(tx, plan.patientId, plan.route, ivDose, now);
    const [{ last } = { last: 0 }] = await tx.select({ last: max(planOrders.version) }).from(planOrders).where(eq(planOrders.planId, planId));
    const version = (last ?? 0) + 1;
    await tx.insert(planOrders).values({
      planId, version, doseMgPerKg: ivDose, weightBasis: body.weightBasis, infusionDurationMin: body.infusionDurationMin ?? protocol.infusionDurationMin,
      esketamineDoseMg: plan.route === 'esketamine' ? body.esketamineDoseMg! : null, weightKg: dose.weightKg, weightObservedAt: dose.weightObservedAt, computedDoseMg: dose.computedDoseMg,
      reason: body.reason, orderedBy: signer.userId, signedBy: signer.userId, signedAt: now, createdAt: now,
    });
    await recordAudit(tx, actor, { action: 'plan-order.sign', resourceType: 'treatment-plan', resourceId: planId, patientId: plan.patientId, details: { orderVersion: version } }, now);
  });
  return getPlan(deps, actor, planId, { audit: false });
}

/** Pausing keeps the bookings; stopping or completing cancels every future booking of the plan (no orphans). */
export async function changePlanStatus(deps: AppDeps, actor: AuditActor, planId: string, body: PlanStatusChange): Promise<TreatmentPlan> {
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    if (plan.version !== body.version) throw conflict('The plan was changed by someone else; reload it.', { currentVersion: plan.version });
    if (plan.status === 'stopped' || plan.status === 'completed') throw conflict(`The plan is already ${plan.status}.`);
    await tx.update(treatmentPlans).set({ status: body.status, statusReason: body.reason, version: plan.version + 1, updatedAt: now, updatedBy: actor.userId }).where(eq(treatmentPlans.id, planId));
    if (body.status === 'stopped' || body.status === 'completed') {
      const future = await tx.select({ id: appointments.id, startsAt: appointments.startsAt }).from(appointments)
        .where(and(eq(appointments.planId, planId), eq(appointments.status, 'booked')));
      for (const a of future.filter((f) => f.startsAt.getTime() > now.getTime())) {
        await tx.update(appointments).set({ status: 'cancelled', statusReason: `plan ${body.status}: ${body.reason}`, statusChangedAt: now, statusChangedBy: actor.userId, updatedAt: now, updatedBy: actor.userId! }).where(eq(appointments.id, a.id));
        await tx.insert(appointmentChanges).values({ appointmentId: a.id, change: 'cancelled', scope: 'series', fromStartsAt: a.startsAt, reason: `plan ${body.status}: ${body.reason}`, changedAt: now, changedBy: actor.userId! });
      }
    }
    await recordAudit(tx, actor, { action: 'treatment-plan.status', resourceType: 'treatment-plan', resourceId: planId, patientId: plan.patientId, details: { status: body.status } }, now);
  });
  return getPlan(deps, actor, planId, { audit: false });
}

export async function lockPlan(tx: Tx, planId: string): Promise<PlanRow> {
  const [plan] = await tx.select().from(treatmentPlans).where(eq(treatmentPlans.id, planId)).for('update');
  if (!plan) throw notFound('The treatment plan');
  return plan;
}

export async function getPlan(deps: AppDeps, actor: AuditActor, planId: string, opts: { audit: boolean } = { audit: true }): Promise<TreatmentPlan> {
  const { db } = deps.database;
  const [plan] = await db.select().from(treatmentPlans).where(eq(treatmentPlans.id, planId));
  if (!plan) throw notFound('The treatment plan');
  const view = await planView(db, plan);
  if (opts.audit) await recordAudit(db, actor, { action: 'treatment-plan.read', resourceType: 'treatment-plan', resourceId: planId, patientId: plan.patientId }, deps.now());
  return view;
}

export async function listPlans(deps: AppDeps, actor: AuditActor, query: { patientId?: string | undefined; status?: string | undefined }): Promise<TreatmentPlan[]> {
  const { db } = deps.database;
  const conds = [query.patientId ? eq(treatmentPlans.patientId, query.patientId) : undefined, query.status ? eq(treatmentPlans.status, query.status) : undefined].filter((c) => c !== undefined);
  const rows = await db.select().from(treatmentPlans).where(conds.length ? and(...conds) : undefined).orderBy(desc(treatmentPlans.createdAt)).limit(200);
  const views = [];
  for (const r of rows) views.push(await planView(db, r));
  await recordAudit(db, actor, { action: 'treatment-plan.list', resourceType: 'treatment-plan', details: { count: rows.length, patientIds: [...new Set(rows.map((r) => r.patientId))] } }, deps.now());
  return views;
}

async function planView(db: DbOrTx, plan: PlanRow): Promise<TreatmentPlan> {
  const protocol = await loadProtocol(db, plan.protocolId);
  const [patient] = await db.select({ given: patients.givenName, family: patients.familyName, mrn: patients.mrn }).from(patients).where(eq(patients.id, plan.patientId));
  const names = new Map((await db.select({ id: users.id, name: users.displayName }).from(users)).map((u) => [u.id, u.name]));
  const orders = await db.select().from(planOrders).where(eq(planOrders.planId, plan.id)).orderBy(desc(planOrders.version));
  const orderViews = orders.map((o) => ({
    id: o.id, version: o.version, doseMgPerKg: o.doseMgPerKg, weightBasis: o.weightBasis as WeightBasis, infusionDurationMin: o.infusionDurationMin, esketamineDoseMg: o.esketamineDoseMg,
    weightKg: o.weightKg, weightObservedAt: o.weightObservedAt?.toISOString() ?? null, computedDoseMg: o.computedDoseMg, reason: o.reason,
    orderedByName: names.get(o.orderedBy) ?? '', signedByName: o.signedBy ? (names.get(o.signedBy) ?? '') : null, signedAt: o.signedAt?.toISOString() ?? null,
  }));
  const appts = await db.select().from(appointments).where(eq(appointments.planId, plan.id)).orderBy(asc(appointments.startsAt));
  return {
    id: plan.id, patientId: plan.patientId, patientName: patient ? `${patient.given} ${patient.family}` : '', mrn: patient?.mrn ?? '',
    protocolId: protocol.id, protocolName: protocol.name, protocolPhase: protocol.phase as 'induction', indication: plan.indication, route: plan.route as 'iv-ketamine',
    status: plan.status as 'active', statusReason: plan.statusReason, infusionsPlanned: plan.infusionsPlanned,
    responseReviewDue: plan.responseReviewDue?.toISOString() ?? null, maintenanceReviewDue: plan.maintenanceReviewDue?.toISOString() ?? null, maintenanceEndPoint: plan.maintenanceEndPoint,
    preferredWeekdays: plan.preferredWeekdays, preferredEarliestTime: plan.preferredEarliestTime, preferredLatestTime: plan.preferredLatestTime, chairTimeMin: protocol.chairTimeMin,
    signedByName: names.get(plan.signedBy) ?? '', signedAt: plan.signedAt.toISOString(), version: plan.version,
    currentOrder: orderViews.find((o) => o.signedAt !== null) ?? null, orders: orderViews,
    appointments: await appointmentViews(db, appts),
  };
}

