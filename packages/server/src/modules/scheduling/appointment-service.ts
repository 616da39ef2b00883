/**
 * Changes to booked appointments: move one or this-and-following (spacing
 * re-validated with rules 14-15, resources re-checked, a dry run for the
 * calendar's check before saving), cancel one, following or the whole series
 * with a reason, no-shows and late cancels, and the waitlist that is offered a
 * freed chair. Every change is kept in appointment_changes.
 */
import { and, asc, eq, gt, gte, inArray, lt, lte } from 'drizzle-orm';
import { validateSeries, type SeriesKind } from '@glia/clinical';
import type { AppointmentCancel, AppointmentChangeResult, AppointmentMove, AppointmentMoveResult, DaySchedule, OutboxMessage, WaitlistCreate, WaitlistEntry, WeekSchedule } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { ACTIVE_APPOINTMENT_STATUSES, appointmentChanges, appointments, chairs, outboxMessages, patients, treatmentPlans, waitlistEntries } from '../../db/schema/index.ts';
import { AppError, badRequest, conflict, notFound, ruleBlocked } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { getClinicRuleConfig } from '../clinic-rules/clinic-rule-config.ts';
import { appointmentViews } from './appointment-views.ts';
import { addDays, localDateOf, localInstant, weekdayOf } from './calendar.ts';
import { queueReminders, withdrawReminders } from './reminders.ts';
import { activeInfusionTimes, loadDay, loadResources, PLACEMENT_REASONS, place, type Resources } from './resources.ts';
import { CONSTRAINT_REASONS, exclusionConstraintOf } from './series-service.ts';

type AppointmentRow = typeof appointments.$inferSelect;
const HOUR_MS = 3_600_000;

async function lockAppointment(tx: Tx, id: string): Promise<AppointmentRow> {
  const [row] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update');
  if (!row) throw notFound('The appointment');
  return row;
}

/** The appointments a scope covers: this one, this and the later ones of its series, or the whole series (booked ones only). */
async function scopeRows(tx: Tx, row: AppointmentRow, scope: 'one' | 'following' | 'series'): Promise<AppointmentRow[]> {
  if (scope === 'one' || !row.seriesId) return [row];
  const all = await tx.select().from(appointments).where(and(eq(appointments.seriesId, row.seriesId), eq(appointments.status, 'booked'))).orderBy(asc(appointments.startsAt)).for('update');
  return scope === 'series' ? all : all.filter((a) => a.startsAt.getTime() >= row.startsAt.getTime());
}

export async function moveAppointment(deps: AppDeps, actor: AuditActor, id: string, body: AppointmentMove): Promise<AppointmentMoveResult> {
  const now = deps.now();
  const run = async (tx: Tx) => {
    const row = await lockAppointment(tx, id);
    if (row.version !== body.version) throw conflict('The appointment was changed by someone else; reload the calendar.', { currentVersion: row.version });
    if (row.status !== 'booked') throw conflict(`A ${row.status} appointment cannot be moved.`);
    const newStart = Date.parse(body.startsAt);
    if (newStart <= now.getTime()) throw badRequest('The new time is in the past.', [{ field: 'startsAt', reason: 'must be in the future' }]);
    const delta = newStart - row.startsAt.getTime();
    const moving = await scopeRows(tx, row, body.scope);
    const movingIds = new Set(moving.map((m) => m.id));
    const targets = moving.map((m) => ({ row: m, startMs: m.startsAt.getTime() + delta, endMs: m.endsAt.getTime() + delta, chairId: m.id === row.id ? (body.chairId ?? m.chairId) : m.chairId }));
    const config = await getClinicRuleConfig(tx);
    // Spacing (rules 14-15) against every other active session of the patient.
    let findings: ReturnType<typeof validateSeries>['findings'] = [];
    if (row.appointmentType === 'infusion' || row.appointmentType === 'esketamine') {
      const route = row.appointmentType === 'esketamine' ? 'esketamine' : 'iv-ketamine';
      const others = await activeInfusionTimes(tx, row.patientId, route, [...movingIds]);
      const validation = validateSeries(targets.map((t) => new Date(t.startMs)), route as SeriesKind, config.spacing, { bookedTimes: others.map((o) => o.startsAt) });
      findings = validation.findings;
      const block = findings.find((f) => f.severity === 'block');
      if (block) throw ruleBlocked(block.rule, block.message, { findings });
      const warnings = findings.filter((f) => f.severity === 'warning');
      if (warnings.length && !body.acknowledgeWarnings && !body.dryRun) {
        throw new AppError('UNPROCESSABLE', 422, `${warnings.map((w) => w.message).join(' ')} Acknowledge the warning to move.`, { errors: [{ field: 'acknowledgeWarnings', reason: 'must be true to move despite a spacing warning' }], extra: { findings } });
      }
    }
    const res = await loadResources(tx);
    const type = res.types.get(row.appointmentType)!;
    const placed = [];
    const days = new Map<string, Awaited<ReturnType<typeof loadDay>>>();
    for (const t of targets) {
      const date = localDateOf(new Date(t.startMs), res.timeZone);
      const day = days.get(date) ?? (await loadDay(tx, res, date));
      days.set(date, day);
      const p = place(res, day, { startMs: t.startMs, endMs: t.endMs, patientId: row.patientId, type, chairId: t.chairId, ignoreIds: movingIds });
      if (typeof p === 'string') throw conflict(`Cannot move to ${new Date(t.startMs).toISOString()}: ${PLACEMENT_REASONS[p]}.`, { reason: PLACEMENT_REASONS[p], appointmentId: t.row.id });
      day.bookings.push({ id: `moved-${t.row.id}`, patientId: row.patientId, chairId: p.chairId, nurseUserId: p.nurseUserId, nurseSlot: p.nurseSlot, startMs: p.startMs, endMs: p.endMs });
      placed.push({ t, p });
    }
    if (body.dryRun) return { ids: moving.map((m) => m.id), findings, dryRun: true };
    // Update in the direction of the move so a series never overlaps itself midway.
    const ordered = delta > 0 ? [...placed].reverse() : placed;
    for (const { t, p } of ordered) {
      try {
        await tx.update(appointments).set({
          startsAt: new Date(p.startMs), endsAt: new Date(p.endMs), chairId: p.chairId, nurseUserId: p.nurseUserId, nurseSlot: p.nurseSlot, prescriberUserId: p.prescriberUserId,
          version: t.row.version + 1, updatedAt: now, updatedBy: actor.userId!,
        }).where(eq(appointments.id, t.row.id));
      } catch (error) {
        const constraint = exclusionConstraintOf(error);
        if (!constraint) throw error;
        throw conflict(`Cannot move: ${CONSTRAINT_REASONS[constraint] ?? 'it overlaps another booking'}.`, { reason: CONSTRAINT_REASONS[constraint] ?? constraint, appointmentId: t.row.id });
      }
      await tx.insert(appointmentChanges).values({ appointmentId: t.row.id, change: 'moved', scope: body.scope, fromStartsAt: t.row.startsAt, toStartsAt: new Date(p.startMs), fromChairId: t.row.chairId, toChairId: p.chairId, reason: body.reason, changedAt: now, changedBy: actor.userId! });
    }
    await withdrawReminders(tx, moving.map((m) => m.id));
    await queueReminders(tx, res, row.patientId, await tx.select().from(appointments).where(inArray(appointments.id, moving.map((m) => m.id))), now);
    await offerFreedSlots(tx, res, moving, now);
    await recordAudit(tx, actor, { action: 'appointment.move', resourceType: 'appointment', resourceId: id, patientId: row.patientId, details: { scope: body.scope, count: moving.length } }, now);
    return { ids: moving.map((m) => m.id), findings, dryRun: false };
  };
  const result = await deps.database.db.transaction(async (tx) => {
    const r = await run(tx);
    const rows = await tx.select().from(appointments).where(inArray(appointments.id, r.ids)).orderBy(asc(appointments.startsAt));
    return { ...r, appointments: await appointmentViews(tx, rows) };
  });
  if (result.dryRun) {
    // Show where the moved appointments would be without changing anything.
    const delta = Date.parse(body.startsAt) - Date.parse(result.appointments.find((a) => a.id === id)!.startsAt);
    result.appointments = result.appointments.map((a) => ({ ...a, startsAt: new Date(Date.parse(a.startsAt) + delta).toISOString(), endsAt: new Date(Date.parse(a.endsAt) + delta).toISOString() }));
  }
  return { appointments: result.appointments, findings: result.findings, dryRun: result.dryRun };
}

export async function cancelAppointment(deps: AppDeps, actor: AuditActor, id: string, body: AppointmentCancel): Promise<AppointmentChangeResult> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const row = await lockAppointment(tx, id);
    if (row.status !== 'booked') throw conflict(`A ${row.status} appointment cannot be cancelled.`);
    const res = await loadResources(tx);
    const rows = await scopeRows(tx, row, body.scope);
    const future = rows.filter((r) => r.id === row.id || r.startsAt.getTime() > now.getTime());
    const lateWindow = res.rules.lateCancelHours * HOUR_MS;
    for (const r of future) {
      const status = body.byPatient && r.startsAt.getTime() - now.getTime() < lateWindow ? 'late-cancel' : 'cancelled';
      await tx.update(appointments).set({ status, statusReason: body.reason, statusChangedAt: now, statusChangedBy: actor.userId, version: r.version + 1, updatedAt: now, updatedBy: actor.userId! }).where(eq(appointments.id, r.id));
      await tx.insert(appointmentChanges).values({ appointmentId: r.id, change: status, scope: body.scope, fromStartsAt: r.startsAt, fromChairId: r.chairId, reason: body.reason, changedAt: now, changedBy: actor.userId! });
    }
    await withdrawReminders(tx, future.map((f) => f.id));
    const offers = await offerFreedSlots(tx, res, future, now);
    await recordAudit(tx, actor, { action: 'appointment.cancel', resourceType: 'appointment', resourceId: id, patientId: row.patientId, details: { scope: body.scope, count: future.length } }, now);
    const updated = await tx.select().from(appointments).where(inArray(appointments.id, future.map((f) => f.id))).orderBy(asc(appointments.startsAt));
    return { appointments: await appointmentViews(tx, updated), waitlistOffers: offers };
  });
}

export async function markNoShow(deps: AppDeps, actor: AuditActor, id: string, reason: string): Promise<AppointmentChangeResult> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const row = await lockAppointment(tx, id);
    if (row.status !== 'booked') throw conflict(`A ${row.status} appointment cannot be marked as a no-show.`);
    if (row.startsAt.getTime() > now.getTime()) throw conflict('An appointment can be a no-show only once its start time has passed.');
    await tx.update(appointments).set({ status: 'no-show', statusReason: reason, statusChangedAt: now, statusChangedBy: actor.userId, version: row.version + 1, updatedAt: now, updatedBy: actor.userId! }).where(eq(appointments.id, id));
    await tx.insert(appointmentChanges).values({ appointmentId: id, change: 'no-show', scope: 'one', fromStartsAt: row.startsAt, fromChairId: row.chairId, reason, changedAt: now, changedBy: actor.userId! });
    await recordAudit(tx, actor, { action: 'appointment.no-show', resourceType: 'appointment', resourceId: id, patientId: row.patientId }, now);
    const [updated] = await tx.select().from(appointments).where(eq(appointments.id, id));
    return { appointments: await appointmentViews(tx, [updated!]), waitlistOffers: 0 };
  });
}

/** Offers each freed chair slot to the first waiting patient whose window covers its day. Returns the number of offers. */
async function offerFreedSlots(tx: Tx, res: Resources, freed: readonly AppointmentRow[], now: Date): Promise<number> {
  let offers = 0;
  for (const f of freed) {
    if (!f.chairId || f.startsAt.getTime() <= now.getTime()) continue;
    const date = localDateOf(f.startsAt, res.timeZone);
    const [entry] = await tx.select().from(waitlistEntries)
      .where(and(eq(waitlistEntries.status, 'waiting'), eq(waitlistEntries.appointmentType, f.appointmentType), lte(waitlistEntries.earliestOn, date), gte(waitlistEntries.latestOn, date)))
      .orderBy(asc(waitlistEntries.createdAt)).limit(1);
    if (!entry || entry.patientId === f.patientId) continue;
    await tx.update(waitlistEntries).set({ status: 'offered', offeredChairId: f.chairId, offeredStartsAt: f.startsAt, offeredAt: now }).where(eq(waitlistEntries.id, entry.id));
    offers++;
  }
  return offers;
}

export async function daySchedule(deps: AppDeps, actor: AuditActor, date: string): Promise<DaySchedule> {
  const { db } = deps.database;
  const res = await loadResources(db);
  const day = await loadDay(db, res, date);
  const start = localInstant(date, '00:00', res.timeZone);
  const end = localInstant(addDays(date, 1), '00:00', res.timeZone);
  const rows = await db.select().from(appointments).where(and(gte(appointments.startsAt, start), lt(appointments.startsAt, end))).orderBy(asc(appointments.startsAt));
  const chairRows = await db.select().from(chairs).orderBy(asc(chairs.sortOrder));
  const opening = res.opening.get(weekdayOf(date));
  const fmt = (ms: number): string => new Date(ms).toISOString();
  await recordAudit(db, actor, { action: 'schedule.day.read', resourceType: 'schedule', resourceId: date, details: { patientIds: [...new Set(rows.map((r) => r.patientId))] } }, deps.now());
  return {
    date, timeZone: res.timeZone, opensAt: day.open ? (opening?.opensAt ?? null) : null, closesAt: day.open ? (opening?.closesAt ?? null) : null, closedReason: day.open ? null : day.closedReason,
    chairs: chairRows.map((c) => ({ id: c.id, name: c.name, room: c.room, inService: c.inService })),
    staff: [...day.nurses.map((s) => ({ ...s, role: 'nurse' as const })), ...day.prescribers.map((s) => ({ ...s, role: 'prescriber' as const }))]
      .filter((s) => !day.absences.some((a) => a.userId === s.userId && a.startMs <= s.startMs && a.endMs >= s.endMs))
      .map((s) => ({ userId: s.userId, name: res.staffNames.get(s.userId) ?? '', role: s.role, startsAt: fmt(s.startMs), endsAt: fmt(s.endMs) })),
    appointments: await appointmentViews(db, rows),
  };
}

export async function weekSchedule(deps: AppDeps, actor: AuditActor, startDate: string): Promise<WeekSchedule> {
  const { db } = deps.database;
  const res = await loadResources(db);
  const start = localInstant(startDate, '00:00', res.timeZone);
  const end = localInstant(addDays(startDate, 7), '00:00', res.timeZone);
  const rows = await db.select().from(appointments).where(and(gte(appointments.startsAt, start), lt(appointments.startsAt, end), inArray(appointments.status, [...ACTIVE_APPOINTMENT_STATUSES]))).orderBy(asc(appointments.startsAt));
  const views = await appointmentViews(db, rows);
  await recordAudit(db, actor, { action: 'schedule.week.read', resourceType: 'schedule', resourceId: startDate, details: { patientIds: [...new Set(rows.map((r) => r.patientId))] } }, deps.now());
  const days = Array.from({ length: 7 }, (_, i) => addDays(startDate, i));
  return {
    start: startDate, timeZone: res.timeZone,
    days: days.map((d) => ({
      date: d,
      closedReason: res.closures.get(d) ?? (res.opening.has(weekdayOf(d)) ? null : 'closed'),
      appointments: views.filter((v) => localDateOf(new Date(v.startsAt), res.timeZone) === d),
    })),
  };
}

export async function addToWaitlist(deps: AppDeps, actor: AuditActor, body: WaitlistCreate): Promise<WaitlistEntry> {
  const now = deps.now();
  if (body.earliestOn > body.latestOn) throw badRequest('The window ends before it starts.', [{ field: 'latestOn', reason: 'must be on or after earliestOn' }]);
  const id = await deps.database.db.transaction(async (tx) => {
    const [p] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, body.patientId));
    if (!p) throw notFound('The patient');
    if (body.planId) {
      const [plan] = await tx.select({ patientId: treatmentPlans.patientId }).from(treatmentPlans).where(eq(treatmentPlans.id, body.planId));
      if (!plan || plan.patientId !== body.patientId) throw badRequest('The plan is not this patient\'s.', [{ field: 'planId', reason: 'must be a plan of the patient' }]);
    }
    const [row] = await tx.insert(waitlistEntries).values({ patientId: body.patientId, planId: body.planId ?? null, appointmentType: body.appointmentType, earliestOn: body.earliestOn, latestOn: body.latestOn, note: body.note ?? null, createdAt: now, createdBy: actor.userId! }).returning({ id: waitlistEntries.id });
    await recordAudit(tx, actor, { action: 'waitlist.add', resourceType: 'waitlist-entry', resourceId: row!.id, patientId: body.patientId }, now);
    return row!.id;
  });
  return (await listWaitlist(deps, actor, { audit: false })).find((w) => w.id === id)!;
}

export async function listWaitlist(deps: AppDeps, actor: AuditActor, opts: { audit: boolean } = { audit: true }): Promise<WaitlistEntry[]> {
  const { db } = deps.database;
  const rows = await db.select({ w: waitlistEntries, given: patients.givenName, family: patients.familyName, chair: chairs.name }).from(waitlistEntries)
    .innerJoin(patients, eq(patients.id, waitlistEntries.patientId)).leftJoin(chairs, eq(chairs.id, waitlistEntries.offeredChairId))
    .where(inArray(waitlistEntries.status, ['waiting', 'offered'])).orderBy(asc(waitlistEntries.createdAt));
  if (opts.audit) await recordAudit(db, actor, { action: 'waitlist.read', resourceType: 'waitlist-entry', details: { patientIds: rows.map((r) => r.w.patientId) } }, deps.now());
  return rows.map(({ w, given, family, chair }) => ({
    id: w.id, patientId: w.patientId, patientName: `${given} ${family}`, appointmentType: w.appointmentType as WaitlistEntry['appointmentType'], earliestOn: w.earliestOn, latestOn: w.latestOn,
    note: w.note, status: w.status as WaitlistEntry['status'], offeredChairName: chair, offeredStartsAt: w.offeredStartsAt?.toISOString() ?? null,
  }));
}

export async function listOutbox(deps: AppDeps, actor: AuditActor, db: DbOrTx = deps.database.db): Promise<OutboxMessage[]> {
  const rows = await db.select({ m: outboxMessages, given: patients.givenName, family: patients.familyName }).from(outboxMessages).innerJoin(patients, eq(patients.id, outboxMessages.patientId))
    .where(gt(outboxMessages.createdAt, new Date(deps.now().getTime() - 90 * 24 * HOUR_MS))).orderBy(asc(outboxMessages.sendAfter)).limit(500);
  await recordAudit(db, actor, { action: 'outbox.read', resourceType: 'outbox', details: { count: rows.length } }, deps.now());
  return rows.map(({ m, given, family }) => ({
    id: m.id, patientName: `${given} ${family}`, appointmentId: m.appointmentId, channel: m.channel as 'email', recipient: m.recipient, subject: m.subject, body: m.body,
    status: m.status as OutboxMessage['status'], sendAfter: m.sendAfter.toISOString(), attempts: m.attempts, lastError: m.lastError, sentAt: m.sentAt?.toISOString() ?? null,
  }));
}
