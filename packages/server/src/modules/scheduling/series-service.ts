/**
 * Whole-series booking: propose, then book all occurrences in one transaction or
 * none. Application checks give a clear reason per occurrence; the exclusion
 * constraints of the database make double booking impossible under concurrency.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { boosterBookingAllowed, responseReviewDue, validateSeries, type Finding, type SeriesKind, type SpacingConfig } from '@glia/clinical';
import type { SeriesBooking, SeriesBookingRequest, SeriesProposal, SeriesProposalRequest } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { appointmentChanges, appointments, appointmentSeries, planOrders, protocols, treatmentPlans } from '../../db/schema/index.ts';
import { AppError, badRequest, conflict, notFound, ruleBlocked, unprocessable } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { getClinicRuleConfig } from '../clinic-rules/clinic-rule-config.ts';
import { assertReadyForTreatment } from '../consent/treatment-readiness.ts';
import { appointmentViews } from './appointment-views.ts';
import { localDateOf, localInstant } from './calendar.ts';
import { lockPlan } from './plan-service.ts';
import { queueReminders } from './reminders.ts';
import { activeInfusionTimes, cachedResources, loadResources, PLACEMENT_REASONS, place, type Placement, type Resources } from './resources.ts';
import { DayCache, proposeSeries } from './series-engine.ts';

type PlanRow = typeof treatmentPlans.$inferSelect;
type AppointmentRow = typeof appointments.$inferSelect;
type ProtocolRow = typeof protocols.$inferSelect;
const MS_PER_MIN = 60_000;

export const sessionTypeOf = (route: string): 'infusion' | 'esketamine' => (route === 'esketamine' ? 'esketamine' : 'infusion');

/** The constraint an exclusion violation names, found on the error or its causes. */
export function exclusionConstraintOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const c = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (c.code === '23P01') return typeof c.constraint === 'string' ? c.constraint : 'exclusion';
    current = c.cause;
  }
  return null;
}

/**
 * Which of the new rows an exclusion violation is about: PostgreSQL names the
 * failing row's key in the detail, e.g. Key (chair_id, tstzrange(...))=(…, ["2026-12-19 15:00:00+00",…)).
 */
export function conflictingIndex(error: unknown, startsMs: readonly number[]): number {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const detail = (current as { detail?: unknown }).detail;
    if (typeof detail === 'string') {
      const m = /\["?([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+)([+-][0-9]{2})(?::?([0-9]{2}))?"?,/.exec(detail);
      if (m) {
        const ms = Date.parse(`${m[1]!.replace(' ', 'T')}${m[2]}:${m[3] ?? '00'}`);
        const i = startsMs.indexOf(ms);
        if (i >= 0) return i;
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  return 0;
}

export const CONSTRAINT_REASONS: Record<string, string> = {
  appointments_no_chair_overlap: 'the chair is already booked at that time',
  appointments_no_patient_overlap: 'the patient already has an appointment at that time',
  appointments_no_nurse_slot_overlap: 'the nurse already watches the maximum number of infusing chairs at that time',
};

async function protocolOf(db: DbOrTx, plan: PlanRow): Promise<ProtocolRow> {
  const [p] = await db.select().from(protocols).where(eq(protocols.id, plan.protocolId));
  if (!p) throw notFound('The protocol');
  return p;
}

async function currentOrderVersion(db: DbOrTx, planId: string): Promise<number> {
  const orders = await db.select({ version: planOrders.version, signedAt: planOrders.signedAt }).from(planOrders).where(eq(planOrders.planId, planId));
  const signed = orders.filter((o) => o.signedAt !== null).map((o) => o.version);
  if (signed.length === 0) throw unprocessable('The plan has no signed order yet.', [{ field: 'planId', reason: 'needs a signed order' }]);
  return Math.max(...signed);
}

function spacingContext(plan: PlanRow, protocol: ProtocolRow, spacing: SpacingConfig) {
  return {
    kind: plan.route as SeriesKind,
    spacing,
    isMaintenance: protocol.phase === 'maintenance',
    maintenance: plan.maintenanceReviewDue || plan.maintenanceEndPoint ? { documentedAt: plan.signedAt, reviewAt: plan.maintenanceReviewDue } : null,
  };
}

export async function proposeForPlan(deps: AppDeps, actor: AuditActor, planId: string, body: SeriesProposalRequest): Promise<SeriesProposal> {
  const { db } = deps.database;
  const now = deps.now();
  const [found] = await db.select({ plan: treatmentPlans, protocol: protocols }).from(treatmentPlans).innerJoin(protocols, eq(protocols.id, treatmentPlans.protocolId)).where(eq(treatmentPlans.id, planId));
  if (!found) throw notFound('The treatment plan');
  const { plan, protocol } = found;
  if (plan.status !== 'active') throw conflict(`The plan is ${plan.status}; only an active plan can be scheduled.`);
  const res = await cachedResources(deps.database, db, performance.now());
  const config = await getClinicRuleConfig(db);
  const type = res.types.get(sessionTypeOf(plan.route))!;
  const booked = await activeInfusionTimes(db, plan.patientId, plan.route);
  const planBooked = booked.filter((b) => b.planId === planId);
  const count = body.count ?? Math.max(1, plan.infusionsPlanned - planBooked.length);
  const startOnMs = body.startOn ? localInstant(body.startOn, '00:00', res.timeZone).getTime() : 0;
  const result = await proposeSeries(new DayCache(db, res), res, {
    patientId: plan.patientId, type, durationMin: protocol.chairTimeMin, count,
    notBeforeMs: Math.max(now.getTime() + 15 * MS_PER_MIN, startOnMs),
    weekdays: body.preferredWeekdays ?? plan.preferredWeekdays,
    earliestTime: body.earliestTime ?? plan.preferredEarliestTime, latestTime: body.latestTime ?? plan.preferredLatestTime,
    maxPerRolling7Days: protocol.maxPerRolling7Days, bookedTimes: booked.map((b) => b.startsAt),
    ...spacingContext(plan, protocol, config.spacing),
  });
  await recordAudit(db, actor, { action: 'series.propose', resourceType: 'treatment-plan', resourceId: planId, patientId: plan.patientId, details: { count, ok: result.ok } }, now);
  if (!result.ok) {
    const rule = result.findings.find((f) => f.severity === 'block')?.rule;
    if (rule !== undefined) throw ruleBlocked(rule, `Occurrence ${result.occurrenceNumber}: ${result.reason}`, { findings: result.findings });
    throw conflict(`No series fits: ${result.reason}.`, { reason: result.reason });
  }
  const chairNames = new Map(res.chairs.map((c) => [c.id, c.name]));
  const times = result.occurrences.map((o) => new Date(o.startMs));
  const review = responseReviewDue([...booked.map((b) => b.startsAt), ...times], plan.route as SeriesKind, config.spacing);
  return {
    planId, route: plan.route as SeriesKind, chairTimeMin: protocol.chairTimeMin,
    occurrences: result.occurrences.map((o) => ({
      occurrenceNumber: o.occurrenceNumber, startsAt: new Date(o.startMs).toISOString(), endsAt: new Date(o.endMs).toISOString(),
      chairId: o.chairId, chairName: o.chairId ? (chairNames.get(o.chairId) ?? null) : null,
      nurseUserId: o.nurseUserId, nurseName: o.nurseUserId ? (res.staffNames.get(o.nurseUserId) ?? null) : null,
      prescriberUserId: o.prescriberUserId, prescriberName: o.prescriberUserId ? (res.staffNames.get(o.prescriberUserId) ?? null) : null,
    })),
    findings: result.findings,
    responseReviewDue: review?.dueAt.toISOString() ?? null,
  };
}

export interface BookOptions {
  acknowledgeWarnings: boolean;
  /** Only the demo seed books a day that has already begun. */
  allowPast?: boolean;
}

/** Books every occurrence in the caller's transaction, or throws with the first occurrence that cannot be booked. */
export async function bookSeriesTx(
  tx: Tx, actor: AuditActor & { userId: string }, now: Date, plan: PlanRow, requested: SeriesBookingRequest['occurrences'], opts: BookOptions, res?: Resources,
): Promise<{ seriesId: string; ids: string[]; rows: AppointmentRow[]; findings: Finding[]; responseReviewDue: Date | null }> {
  if (plan.status !== 'active') throw conflict(`The plan is ${plan.status}; only an active plan can be scheduled.`);
  const resources = res ?? (await loadResources(tx));
  const protocol = await protocolOf(tx, plan);
  const config = await getClinicRuleConfig(tx);
  const orderVersion = await currentOrderVersion(tx, plan.id);
  const type = resources.types.get(sessionTypeOf(plan.route))!;
  const occurrences = requested.map((o, index) => ({ ...o, index, startMs: Date.parse(o.startsAt) })).sort((a, b) => a.startMs - b.startMs);
  for (const o of occurrences) {
    if (!opts.allowPast && o.startMs <= now.getTime()) throw badRequest(`Occurrence ${o.index + 1} is in the past.`, [{ field: `occurrences.${o.index}.startsAt`, reason: 'must be in the future' }]);
  }
  const booked = await activeInfusionTimes(tx, plan.patientId, plan.route);
  const planActive = booked.filter((b) => b.planId === plan.id);
  if (planActive.length + occurrences.length > plan.infusionsPlanned) {
    throw unprocessable(`The plan orders ${plan.infusionsPlanned} sessions; ${planActive.length} are booked already.`, [{ field: 'occurrences', reason: `must list at most ${plan.infusionsPlanned - planActive.length}` }]);
  }
  const times = occurrences.map((o) => new Date(o.startMs));
  const ctx = spacingContext(plan, protocol, config.spacing);
  const validation = validateSeries(times, ctx.kind, config.spacing, { bookedTimes: booked.map((b) => b.startsAt) });
  const block = validation.findings.find((f) => f.severity === 'block');
  if (block) {
    const o = occurrences[Number(block.facts.occurrenceIndex ?? 0)]!;
    throw ruleBlocked(block.rule, block.message, { findings: validation.findings, occurrence: { index: o.index, occurrenceNumber: o.index + 1, startsAt: new Date(o.startMs).toISOString(), chairId: o.chairId ?? null } });
  }
  if (ctx.isMaintenance) {
    for (const t of times) {
      const decision = boosterBookingAllowed(ctx.maintenance ? { ...ctx.maintenance, endPointAt: null, lastReviewedAt: null } : null, t, config.spacing);
      if (!decision.allowed) throw ruleBlocked(17, decision.findings[0]?.message ?? 'Rule 17 blocks this booster.', { findings: decision.findings });
    }
  }
  const warnings = validation.findings.filter((f) => f.severity === 'warning');
  if (warnings.length > 0 && !opts.acknowledgeWarnings) {
    throw new AppError('UNPROCESSABLE', 422, `${warnings.map((w) => w.message).join(' ')} Acknowledge the warning to book.`, {
      errors: [{ field: 'acknowledgeWarnings', reason: 'must be true to book despite a spacing warning' }], extra: { findings: validation.findings },
    });
  }
  const cache = new DayCache(tx, resources);
  await cache.prefetch(occurrences.map((o) => localDateOf(new Date(o.startMs), resources.timeZone)));
  const placements: { o: (typeof occurrences)[number]; p: Placement }[] = [];
  for (const o of occurrences) {
    const day = await cache.get(localDateOf(new Date(o.startMs), resources.timeZone));
    const p = place(resources, day, { startMs: o.startMs, endMs: o.startMs + protocol.chairTimeMin * MS_PER_MIN, patientId: plan.patientId, type, chairId: o.chairId ?? null, nurseUserId: o.nurseUserId ?? null });
    if (typeof p === 'string') {
      throw conflict(`Occurrence ${o.index + 1} cannot be booked: ${PLACEMENT_REASONS[p]}.`, { occurrence: { index: o.index, occurrenceNumber: o.index + 1, startsAt: new Date(o.startMs).toISOString(), chairId: o.chairId ?? null }, reason: PLACEMENT_REASONS[p] });
    }
    day.bookings.push({ id: `new-${o.index}`, patientId: plan.patientId, chairId: p.chairId, nurseUserId: p.nurseUserId, nurseSlot: p.nurseSlot, startMs: p.startMs, endMs: p.endMs });
    placements.push({ o, p });
  }
  const [series] = await tx.insert(appointmentSeries).values({ planId: plan.id, patientId: plan.patientId, kind: protocol.phase === 'maintenance' ? 'maintenance' : 'induction', createdAt: now, createdBy: actor.userId }).returning({ id: appointmentSeries.id });
  // One statement for every occurrence; the exclusion constraints still check each row.
  let inserted: AppointmentRow[];
  try {
    inserted = await tx.insert(appointments).values(placements.map(({ p }, i) => ({
      patientId: plan.patientId, planId: plan.id, appointmentType: type.key, chairId: p.chairId, nurseUserId: p.nurseUserId, nurseSlot: p.nurseSlot, prescriberUserId: p.prescriberUserId,
      startsAt: new Date(p.startMs), endsAt: new Date(p.endMs), status: 'booked', seriesId: series!.id, occurrenceNumber: i + 1, orderVersion,
      createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId,
    }))).returning();
  } catch (error) {
    const constraint = exclusionConstraintOf(error);
    if (!constraint) throw error;
    const reason = CONSTRAINT_REASONS[constraint] ?? 'it overlaps another booking';
    const { o, p } = placements[conflictingIndex(error, placements.map(({ p: x }) => x.startMs))] ?? placements[0]!;
    throw conflict(`Occurrence ${o.index + 1} cannot be booked: ${reason}.`, { occurrence: { index: o.index, occurrenceNumber: o.index + 1, startsAt: new Date(o.startMs).toISOString(), chairId: p.chairId }, reason });
  }
  inserted.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const ids = inserted.map((r) => r.id);
  await tx.insert(appointmentChanges).values(ids.map((id, i) => ({ appointmentId: id, change: 'booked', scope: 'series', toStartsAt: new Date(placements[i]!.p.startMs), toChairId: placements[i]!.p.chairId, changedAt: now, changedBy: actor.userId })));
  const review = responseReviewDue([...booked.map((b) => b.startsAt), ...times], ctx.kind, config.spacing);
  if (protocol.phase !== 'maintenance') await tx.update(treatmentPlans).set({ responseReviewDue: review?.dueAt ?? null, updatedAt: now }).where(eq(treatmentPlans.id, plan.id));
  await queueReminders(tx, resources, plan.patientId, inserted, now, config);
  await recordAudit(tx, actor, { action: 'series.book', resourceType: 'treatment-plan', resourceId: plan.id, patientId: plan.patientId, details: { seriesId: series!.id, appointments: ids.length } }, now);
  return { seriesId: series!.id, ids, rows: inserted, findings: validation.findings, responseReviewDue: review?.dueAt ?? null };
}

export async function bookForPlan(deps: AppDeps, actor: AuditActor, planId: string, body: SeriesBookingRequest): Promise<SeriesBooking> {
  const now = deps.now();
  // Read before the transaction: on PGlite a query outside an open transaction waits for it.
  const res = await cachedResources(deps.database, deps.database.db, performance.now());
  const result = await deps.database.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    await assertReadyForTreatment(tx, plan.patientId, now);
    const booked = await bookSeriesTx(tx, { ...actor, userId: actor.userId! }, now, plan, body.occurrences, { acknowledgeWarnings: body.acknowledgeWarnings }, res);
    return { ...booked, appointments: await appointmentViews(tx, booked.rows, res) };
  });
  return { seriesId: result.seriesId, appointments: result.appointments, findings: result.findings, responseReviewDue: result.responseReviewDue?.toISOString() ?? null };
}
