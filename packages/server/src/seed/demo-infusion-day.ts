/**
 * The demo clinic's infusion day, made on every start (once per clinic-local
 * day): one patient infusing for more than ten minutes, one in recovery, one
 * checked in and in pre-checks, and one booked for later who is not here yet.
 * Everything goes through the infusion services with a scripted clock, so the
 * charts hold exactly what a nurse would have charted. All people are fictional.
 */
import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { scoreInstrument, type InstrumentScore } from '@glia/clinical';
import type { Database, DbOrTx } from '../db/client.ts';
import {
  appointments, assessments, chairs, drugProducts, infusionSessions, intakeRecords, inventoryLots, ledgerBalances, observations, patients, planOrders, protocols,
  treatmentPlans, users,
} from '../db/schema/index.ts';
import type { AuditActor } from '../modules/audit/audit-service.ts';
import { getClinic } from '../modules/clinic/clinic-repo.ts';
import { localDateOf } from '../modules/inventory/clinic-calendar.ts';
import { BoardBus } from '../modules/infusion/board-bus.ts';
import {
  addReading, createSession, prepareOrder, recordPumpEvent, updateCheckIn, type InfusionDeps,
} from '../modules/infusion/session-service.ts';

const MIN = 60_000;

export interface DemoDayResult {
  state: 'created' | 'existing' | 'not-demo';
  sessions: number;
}

/** The first active user with a role, by e-mail. */
async function userWithRole(db: DbOrTx, role: string): Promise<{ id: string; email: string }> {
  const [row] = await db.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.active, true), sql`${role} = ANY(${users.roles})`)).orderBy(asc(users.email)).limit(1);
  if (!row) throw new Error(`demo infusion day: no active ${role}`);
  return row;
}

/** The patient's active IV plan with a signed 0.5 mg/kg order, created from the IV induction protocol when missing. */
export async function ensureIvPlan(db: DbOrTx, patientId: string, prescriberId: string, now: Date): Promise<string> {
  const [existing] = await db.select({ id: treatmentPlans.id }).from(treatmentPlans)
    .where(and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.status, 'active'), eq(treatmentPlans.route, 'iv-ketamine')));
  if (existing) {
    const [order] = await db.select({ id: planOrders.id }).from(planOrders).where(and(eq(planOrders.planId, existing.id), isNotNull(planOrders.signedAt), isNotNull(planOrders.doseMgPerKg)));
    if (order) return existing.id;
  }
  let [protocol] = await db.select().from(protocols).where(and(eq(protocols.route, 'iv-ketamine'), eq(protocols.phase, 'induction'), eq(protocols.active, true))).limit(1);
  if (!protocol) {
    [protocol] = await db.insert(protocols).values({
      key: 'iv-induction', name: 'IV ketamine induction (6 infusions, 0.5 mg/kg over 40 min)', route: 'iv-ketamine', phase: 'induction', indicationKind: 'psychiatric',
      defaultInfusions: 6, doseMgPerKg: 0.5, infusionDurationMin: 40, recoveryMin: 60, chairTimeMin: 110, maxPerRolling7Days: 3, createdBy: prescriberId,
    }).onConflictDoNothing().returning();
    protocol ??= (await db.select().from(protocols).where(eq(protocols.key, 'iv-induction')))[0]!;
  }
  const planId = existing?.id ?? (await db.insert(treatmentPlans).values({
    patientId, protocolId: protocol.id, indication: 'treatment-resistant-depression', route: 'iv-ketamine', status: 'active', infusionsPlanned: protocol.defaultInfusions,
    orderedBy: prescriberId, signedBy: prescriberId, signedAt: new Date(now.getTime() - 7 * 86_400_000),
  }).returning({ id: treatmentPlans.id }))[0]!.id;
  await db.insert(planOrders).values({
    planId, version: 1, doseMgPerKg: protocol.doseMgPerKg ?? 0.5, weightBasis: 'actual', infusionDurationMin: protocol.infusionDurationMin,
    orderedBy: prescriberId, signedBy: prescriberId, signedAt: new Date(now.getTime() - 7 * 86_400_000),
  });
  return planId;
}

/**
 * What a patient brings to the chair on the day: a current weight (kept when
 * under a week old), today's PHQ-9 and C-SSRS screener (waiting-room tablet) and,
 * unless childbearing potential is ruled out, a negative urine pregnancy test.
 */
export async function prepareVisitFacts(db: DbOrTx, patientId: string, nurseId: string, at: Date, timeZone: string, weightKg = 78): Promise<void> {
  const day = localDateOf(at, timeZone);
  const [weight] = await db.select({ on: observations.observedOn }).from(observations)
    .where(and(eq(observations.patientId, patientId), eq(observations.kind, 'weight'), gte(observations.observedOn, localDateOf(new Date(at.getTime() - 7 * 86_400_000), timeZone))));
  if (!weight) await db.insert(observations).values({ patientId, kind: 'weight', weightKg, observedOn: day, observedAt: at, recordedAt: at, recordedBy: nurseId });
  const [intake] = await db.select({ cbp: intakeRecords.childbearingPotential }).from(intakeRecords).where(eq(intakeRecords.patientId, patientId));
  if (intake?.cbp !== false) {
    await db.insert(observations).values({ patientId, kind: 'pregnancy-test', result: 'negative', method: 'urine', observedOn: day, observedAt: at, recordedAt: at, recordedBy: nurseId });
  }
  const visitScales: [string, (number | null)[]][] = [['PHQ-9', [2, 2, 1, 2, 1, 1, 1, 1, 0]], ['C-SSRS-Screener', [0, 0, null, null, null, 0, null]]];
  for (const [instrument, responses] of visitScales) {
    const score = scoreInstrument(instrument as 'PHQ-9', responses) as InstrumentScore;
    await db.insert(assessments).values({
      patientId, instrument, responses: [...responses], total: score.total, band: score.band, complete: score.complete, score: score as unknown as Record<string, unknown>,
      context: 'pre-infusion', administeredAt: at, enteredAt: at, enteredBy: nurseId,
    });
  }
}

/** Books an infusion appointment (no nurse watch slot) in a chair. */
export async function bookInfusion(db: DbOrTx, input: { patientId: string; planId: string; chairId: string; startsAt: Date; durationMin?: number; byUserId: string; now: Date }): Promise<string> {
  const [row] = await db.insert(appointments).values({
    patientId: input.patientId, planId: input.planId, appointmentType: 'infusion', chairId: input.chairId, startsAt: input.startsAt,
    endsAt: new Date(input.startsAt.getTime() + (input.durationMin ?? 110) * MIN), status: 'booked', orderVersion: 1,
    createdAt: input.now, createdBy: input.byUserId, updatedAt: input.now, updatedBy: input.byUserId,
  }).returning({ id: appointments.id });
  return row!.id;
}

/** A 50 mg/mL lot that is not expired and holds enough stock, first to expire first. */
export async function demoLotId(db: DbOrTx, today: string, minCentiMl = 300): Promise<string | null> {
  const rows = await db.select({ id: inventoryLots.id, stock: sql<number>`sum(${ledgerBalances.stockCentiMl})` })
    .from(inventoryLots)
    .innerJoin(drugProducts, eq(drugProducts.id, inventoryLots.productId))
    .innerJoin(ledgerBalances, eq(ledgerBalances.lotId, inventoryLots.id))
    .where(and(eq(drugProducts.concentrationMgPerMl, 50), gte(inventoryLots.expiresOn, today)))
    .groupBy(inventoryLots.id, inventoryLots.expiresOn)
    .orderBy(asc(inventoryLots.expiresOn));
  return rows.find((r) => Number(r.stock) >= minCentiMl)?.id ?? null;
}

interface Scenario {
  patient: string;
  /** Minutes before now the patient arrived. */
  arrivedMinAgo: number;
  stage: 'booked' | 'pre-checks' | 'infusing' | 'recovery';
  vitals: { sbp: number; dbp: number; hr: number };
}

const SCENARIOS: Scenario[] = [
  { patient: 'Gabriel Souza', arrivedMinAgo: 30, stage: 'infusing', vitals: { sbp: 126, dbp: 80, hr: 74 } },
  { patient: 'Liam O\'Connell', arrivedMinAgo: 95, stage: 'recovery', vitals: { sbp: 132, dbp: 84, hr: 68 } },
  { patient: 'Isaiah Bennett', arrivedMinAgo: 6, stage: 'pre-checks', vitals: { sbp: 118, dbp: 76, hr: 80 } },
  { patient: 'Rashid Karimi', arrivedMinAgo: -45, stage: 'booked', vitals: { sbp: 124, dbp: 78, hr: 70 } },
];

/**
 * Creates today's demo infusion day once: returns 'existing' when today already
 * has sessions, 'not-demo' outside the demo clinic.
 */
export async function seedDemoInfusionDay(database: Database, now: Date): Promise<DemoDayResult> {
  const { db } = database;
  const clinic = await getClinic(db);
  if (!clinic.demo) return { state: 'not-demo', sessions: 0 };
  const today = localDateOf(now, clinic.timeZone);
  const existing = await db.select({ id: infusionSessions.id }).from(infusionSessions).where(eq(infusionSessions.serviceDate, today));
  if (existing.length > 0) return { state: 'existing', sessions: existing.length };

  const nurse = await userWithRole(db, 'nurse');
  const prescriber = await userWithRole(db, 'prescriber');
  const actor: AuditActor = { userId: nurse.id, userEmail: nurse.email, clientIp: null, requestId: 'demo-infusion-day' };
  let clock = now;
  const deps: InfusionDeps = { database, now: () => clock, bus: new BoardBus() };
  const lotId = await demoLotId(db, today);

  const windowStart = new Date(now.getTime() - 3 * 60 * MIN);
  const windowEnd = new Date(now.getTime() + 3 * 60 * MIN);
  const busyChairs = new Set((await db.select({ chairId: appointments.chairId }).from(appointments)
    .where(and(isNotNull(appointments.chairId), inArray(appointments.status, ['booked', 'checked-in', 'in-progress', 'completed']), lte(appointments.startsAt, windowEnd), gte(appointments.endsAt, windowStart))))
    .map((r) => r.chairId));
  const busyPatients = new Set((await db.select({ patientId: appointments.patientId }).from(appointments)
    .where(and(inArray(appointments.status, ['booked', 'checked-in', 'in-progress', 'completed']), lte(appointments.startsAt, windowEnd), gte(appointments.endsAt, windowStart))))
    .map((r) => r.patientId));
  const freeChairs = (await db.select().from(chairs).where(eq(chairs.inService, true)).orderBy(asc(chairs.sortOrder))).filter((c) => !busyChairs.has(c.id));
  const allPatients = await db.select().from(patients);

  let created = 0;
  for (const scenario of SCENARIOS) {
    const patient = allPatients.find((p) => `${p.preferredName ?? p.givenName} ${p.familyName}` === scenario.patient || `${p.givenName} ${p.familyName}` === scenario.patient);
    const chair = freeChairs.shift();
    if (!patient || !chair || busyPatients.has(patient.id)) continue;
    const arrivedAt = new Date(now.getTime() - scenario.arrivedMinAgo * MIN);
    await db.transaction(async (tx) => {
      const planId = await ensureIvPlan(tx, patient.id, prescriber.id, now);
      await prepareVisitFacts(tx, patient.id, nurse.id, scenario.stage === 'booked' ? new Date(now.getTime() - 20 * MIN) : new Date(arrivedAt.getTime() - 15 * MIN), clinic.timeZone);
      await bookInfusion(tx, { patientId: patient.id, planId, chairId: chair.id, startsAt: scenario.stage === 'booked' ? arrivedAt : new Date(arrivedAt.getTime() - 5 * MIN), byUserId: nurse.id, now: new Date(now.getTime() - 2 * 86_400_000) });
    });
    if (scenario.stage === 'booked') continue;
    const [appointment] = await db.select({ id: appointments.id }).from(appointments).where(and(eq(appointments.patientId, patient.id), eq(appointments.chairId, chair.id))).orderBy(asc(appointments.startsAt));
    clock = arrivedAt;
    const session = await createSession(deps, actor, appointment!.id);
    created += 1;
    clock = new Date(arrivedAt.getTime() + 2 * MIN);
    const escort = patient.usualEscort ?? { name: 'Family member', phone: '(555) 010-0199' };
    await updateCheckIn(deps, actor, session.id, {
      escort, fasting: { lastSolidsAt: new Date(arrivedAt.getTime() - 9 * 60 * MIN).toISOString(), lastLiquidsAt: new Date(arrivedAt.getTime() - 3 * 60 * MIN).toISOString() },
      medicationChanges: { changed: false, note: null },
    });
    clock = new Date(arrivedAt.getTime() + 4 * MIN);
    const v = scenario.vitals;
    await addReading(deps, actor, session.id, { takenAt: clock.toISOString(), systolicMmHg: v.sbp, diastolicMmHg: v.dbp, heartRateBpm: v.hr, spo2Pct: 98, respRatePerMin: 14 });
    if (scenario.stage === 'pre-checks' || lotId === null) continue;
    clock = new Date(arrivedAt.getTime() + 6 * MIN);
    await prepareOrder(deps, actor, session.id, { lotId });
    const startAt = new Date(arrivedAt.getTime() + 8 * MIN);
    clock = startAt;
    await recordPumpEvent(deps, actor, session.id, { type: 'start' });
    const infusionEnd = new Date(startAt.getTime() + 40 * MIN);
    const until = scenario.stage === 'recovery' ? new Date(Math.min(now.getTime(), infusionEnd.getTime() + 45 * MIN)) : now;
    let stopped = false;
    for (let t = startAt.getTime() + 5 * MIN, i = 1; t <= until.getTime(); i += 1) {
      if (scenario.stage === 'recovery' && !stopped && t >= infusionEnd.getTime()) {
        clock = infusionEnd;
        await recordPumpEvent(deps, actor, session.id, { type: 'stop', outcome: 'completed' });
        stopped = true;
      }
      clock = new Date(t);
      const during = !stopped;
      await addReading(deps, actor, session.id, {
        takenAt: clock.toISOString(),
        systolicMmHg: v.sbp + (during ? 8 + (i % 3) * 3 : 2 - (i % 2)),
        diastolicMmHg: v.dbp + (during ? 5 + (i % 2) * 2 : 1),
        heartRateBpm: v.hr + (during ? 6 + (i % 3) : 2),
        spo2Pct: 97 + (i % 2),
        respRatePerMin: 14 + (i % 2),
        moaasScore: during ? 4 : 5,
        dissociation: { scale: 'observer-0-4', score: during ? 2 : 0 },
        nausea: 'none',
        symptoms: [],
      });
      t += (stopped ? 14 : 9) * MIN;
    }
  }
  return { state: 'created', sessions: created };
}
