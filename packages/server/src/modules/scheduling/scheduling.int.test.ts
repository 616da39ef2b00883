import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { appointmentChanges, appointments, chairs, eligibilityDecisions, patientConsents, patients, planOrders, protocols, treatmentPlans, users, waitlistEntries } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { caller, expectStatus, type Call } from '../intake/intake-fixtures.ts';
import { bookSeriesTx } from './series-service.ts';

const HOUR = 3_600_000;
const PASSWORD = { password: 'glia-demo' };

interface Appt { id: string; startsAt: string; endsAt: string; chairId: string; status: string; version: number; occurrenceNumber: number; seriesId: string }

describe('treatment plans and whole-series booking', () => {
  let t: TestApp;
  let desk: Call;
  let md: Call;
  let planId: string;
  let farahId: string;

  beforeAll(async () => {
    t = await createTestApp();
    desk = caller(t, await t.loginAs('front-desk'));
    md = caller(t, await t.loginAs('medical-director'));
    const plans = expectStatus(await desk('GET', '/api/plans'), 200).json();
    planId = plans[0].id;
    farahId = plans[0].patientId;
  });
  afterAll(async () => {
    await t.close();
  });

  async function plan(): Promise<{ appointments: Appt[]; responseReviewDue: string | null; currentOrder: { version: number; doseMgPerKg: number } }> {
    return expectStatus(await desk('GET', `/api/plans/${planId}`), 200).json();
  }

  it('cancels the whole demo series with a reason, leaving no booked occurrence behind', async () => {
    const before = (await plan()).appointments;
    expect(before).toHaveLength(6);
    // The first one is under way today (the clock is 09:00 local); cancel from the second on.
    const res = expectStatus(await desk('POST', `/api/appointments/${before[1]!.id}/cancel`, { scope: 'following', reason: 'Patient asked to restart next week' }), 200).json();
    expect(res.appointments).toHaveLength(5);
    expect(res.appointments.every((a: Appt) => a.status === 'cancelled')).toBe(true);
    expectStatus(await desk('POST', `/api/appointments/${before[0]!.id}/cancel`, { scope: 'one', reason: 'Restarting the series next week' }), 200);
    const after = (await plan()).appointments;
    expect(after.filter((a) => a.status === 'booked')).toHaveLength(0);
    const changes = await t.testDb.database.db.select().from(appointmentChanges).where(eq(appointmentChanges.change, 'cancelled'));
    expect(changes).toHaveLength(6);
  });

  it('proposes the earliest 6-infusion series with chairs and nurses, every occurrence spaced per rule 14', async () => {
    const proposal = expectStatus(await desk('POST', `/api/plans/${planId}/series/proposal`, { startOn: '2026-11-30' }), 200).json();
    expect(proposal.occurrences).toHaveLength(6);
    expect(proposal.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
    const starts = proposal.occurrences.map((o: { startsAt: string }) => Date.parse(o.startsAt));
    expect(starts[0]).toBe(Date.parse('2026-11-30T13:00:00Z')); // Monday 07:00 in Chicago, when the clinic opens
    for (let i = 1; i < 6; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(48 * HOUR);
    for (let i = 3; i < 6; i++) expect(starts[i] - starts[i - 3]).toBeGreaterThanOrEqual(168 * HOUR);
    expect(proposal.occurrences.every((o: { chairId: string | null; nurseUserId: string | null; prescriberUserId: string | null }) => o.chairId && o.nurseUserId && o.prescriberUserId)).toBe(true);
    expect(proposal.responseReviewDue).toBe(proposal.occurrences[5].startsAt);
  });

  it('books the series in one action (201) and reports the conflicting occurrence of a second, overlapping booking (409)', async () => {
    const proposal = expectStatus(await desk('POST', `/api/plans/${planId}/series/proposal`, { startOn: '2026-11-30' }), 200).json();
    const occurrences = proposal.occurrences.map((o: { startsAt: string; chairId: string }) => ({ startsAt: o.startsAt, chairId: o.chairId }));
    const booked = expectStatus(await desk('POST', `/api/plans/${planId}/series`, { occurrences }), 201).json();
    expect(booked.appointments).toHaveLength(6);
    expect(booked.appointments.map((a: Appt) => a.occurrenceNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await plan()).responseReviewDue).toBe(booked.appointments[5].startsAt);

    // Another patient's plan asks for occurrence 3's chair and time.
    const other = await fixturePlan(t, 'Ana', 'Rivera');
    const clash = booked.appointments[2];
    const res = await desk('POST', `/api/plans/${other}/series`, { occurrences: [{ startsAt: '2026-12-01T15:00:00Z' }, { startsAt: clash.startsAt, chairId: clash.chairId }] });
    // Ana is not consented: the readiness gate refuses first.
    expect(res.statusCode).toBe(422);
    await expect(bookDirect(t, other, [{ startsAt: '2026-12-01T15:00:00Z' }, { startsAt: clash.startsAt, chairId: clash.chairId }])).rejects.toMatchObject({
      status: 409, extra: { occurrence: { index: 1, occurrenceNumber: 2, startsAt: clash.startsAt, chairId: clash.chairId }, reason: 'the chair is already booked at that time' },
    });
    // All or nothing: the first, free occurrence was not kept.
    expect(await t.testDb.database.db.select().from(appointments).where(eq(appointments.planId, other))).toHaveLength(0);
  });

  it('refuses to move an infusion to 20 hours after the previous one with rule 14, and changes nothing', async () => {
    const appts = (await plan()).appointments.filter((a) => a.status === 'booked');
    const second = appts[1]!;
    const target = new Date(Date.parse(appts[0]!.startsAt) + 20 * HOUR).toISOString();
    const res = await desk('POST', `/api/appointments/${second.id}/move`, { startsAt: target, reason: 'Patient asked for an earlier slot', version: second.version, dryRun: true });
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.rule).toBe(14);
    expect(problem.detail).toMatch(/24/);
    const saved = await desk('POST', `/api/appointments/${second.id}/move`, { startsAt: target, reason: 'Patient asked for an earlier slot', version: second.version });
    expect(saved.statusCode).toBe(422);
    expect((await plan()).appointments.find((a) => a.id === second.id)!.startsAt).toBe(second.startsAt);
  });

  it('moves this and following occurrences together, asks for an acknowledgement under 48 h, and keeps the history', async () => {
    const appts = (await plan()).appointments.filter((a) => a.status === 'booked');
    const fourth = appts[3]!;
    const plusDay = new Date(Date.parse(fourth.startsAt) + 2 * HOUR).toISOString();
    const moved = expectStatus(await desk('POST', `/api/appointments/${fourth.id}/move`, { startsAt: plusDay, scope: 'following', reason: 'Clinic closed for training', version: fourth.version }), 200).json();
    expect(moved.appointments).toHaveLength(3);
    expect(moved.appointments.map((a: Appt) => a.startsAt)).toEqual(appts.slice(3).map((a) => new Date(Date.parse(a.startsAt) + 2 * HOUR).toISOString()));
    // 30 h after the previous one: rule 14 warns (under 48 h) and needs an acknowledgement.
    const second = appts[1]!;
    const warnAt = new Date(Date.parse(appts[0]!.startsAt) + 30 * HOUR).toISOString();
    const warned = await desk('POST', `/api/appointments/${second.id}/move`, { startsAt: warnAt, reason: 'Patient travelling', version: second.version });
    expect(warned.statusCode).toBe(422);
    expect(warned.json().errors[0].field).toBe('acknowledgeWarnings');
    const changes = await t.testDb.database.db.select().from(appointmentChanges).where(eq(appointmentChanges.change, 'moved'));
    expect(changes).toHaveLength(3);
    expect(changes.every((c) => c.reason === 'Clinic closed for training' && c.scope === 'following')).toBe(true);
  });

  it('offers a freed chair to a waiting patient, and counts a patient cancel inside 24 h as a late cancel', async () => {
    const anaId = (await t.testDb.database.db.select({ id: patients.id }).from(patients).where(eq(patients.givenName, 'Ana')))[0]!.id;
    const appts = (await plan()).appointments.filter((a) => a.status === 'booked');
    const last = appts[5]!;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date(last.startsAt));
    expectStatus(await desk('POST', '/api/waitlist', { patientId: anaId, appointmentType: 'infusion', earliestOn: day, latestOn: day }), 201);
    const res = expectStatus(await desk('POST', `/api/appointments/${last.id}/cancel`, { scope: 'one', reason: 'Feeling better, wants to wait', byPatient: true }), 200).json();
    expect(res.appointments[0].status).toBe('cancelled');
    expect(res.waitlistOffers).toBe(1);
    const [entry] = await t.testDb.database.db.select().from(waitlistEntries);
    expect(entry!.status).toBe('offered');
    expect(entry!.offeredStartsAt!.toISOString()).toBe(last.startsAt);

    t.clock.advance(Date.parse(appts[0]!.startsAt) - t.clock.now().getTime() - 10 * HOUR);
    desk = caller(t, await t.loginAs('front-desk'));
    md = caller(t, await t.loginAs('medical-director'));
    const late = expectStatus(await desk('POST', `/api/appointments/${appts[0]!.id}/cancel`, { scope: 'one', reason: 'Car broke down', byPatient: true }), 200).json();
    expect(late.appointments[0].status).toBe('late-cancel');
    t.clock.advance(Date.parse(appts[1]!.startsAt) - t.clock.now().getTime() + HOUR);
    desk = caller(t, await t.loginAs('front-desk'));
    md = caller(t, await t.loginAs('medical-director'));
    const noShow = expectStatus(await desk('POST', `/api/appointments/${appts[1]!.id}/no-show`, { reason: 'Did not arrive; no answer by phone' }), 200).json();
    expect(noShow.appointments[0].status).toBe('no-show');
  });

  it('signs plans and dose orders only within rules 2, 9 and 10, keeping the order history', async () => {
    const [pain] = await t.testDb.database.db.select().from(protocols).where(eq(protocols.key, 'pain'));
    const created = expectStatus(await md('POST', `/api/patients/${farahId}/plans`, { protocolId: pain!.id, indication: 'complex regional pain syndrome', signature: PASSWORD }), 201).json();
    expect(created.currentOrder.version).toBe(1);
    expect(created.currentOrder.computedDoseMg).toBe(17.2); // 0.3 mg/kg × 57.2 kg
    const above = await md('POST', `/api/plans/${created.id}/orders`, { doseMgPerKg: 0.75, reason: 'Titration after 3 infusions', signature: PASSWORD });
    expect(above.statusCode).toBe(422);
    expect(above.json().rule).toBe(2);
    const hard = await md('POST', `/api/plans/${created.id}/orders`, { doseMgPerKg: 1.2, reason: 'Titration', signature: PASSWORD });
    expect(hard.json().rule).toBe(10);
    const v2 = expectStatus(await md('POST', `/api/plans/${created.id}/orders`, { doseMgPerKg: 0.4, reason: 'Titration after 3 infusions', signature: PASSWORD }), 201).json();
    expect(v2.orders.map((o: { version: number }) => o.version)).toEqual([2, 1]);
    expect(v2.currentOrder.doseMgPerKg).toBe(0.4);
    const wrongPassword = await md('POST', `/api/plans/${created.id}/orders`, { doseMgPerKg: 0.4, reason: 'Titration', signature: { password: 'nope' } });
    expect(wrongPassword.statusCode).toBe(403);
    // Elena is eligible but has not signed the consent (rule 2).
    const elena = (await t.testDb.database.db.select({ id: patients.id }).from(patients).where(eq(patients.givenName, 'Elena')))[0]!.id;
    const blocked = await md('POST', `/api/patients/${elena}/plans`, { protocolId: pain!.id, indication: 'depression', signature: PASSWORD });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().rule).toBe(2);
    // The front desk cannot sign plans.
    expect((await desk('POST', `/api/patients/${farahId}/plans`, { protocolId: pain!.id, indication: 'x', signature: PASSWORD })).statusCode).toBe(403);
    // Signed orders are locked in the database.
    await expect(t.testDb.database.db.update(planOrders).set({ doseMgPerKg: 0.9 }).where(eq(planOrders.planId, created.id))).rejects.toThrow();
  });

  it('stops a plan with a reason and cancels its future bookings (no orphans)', async () => {
    const current = expectStatus(await desk('GET', `/api/plans/${planId}`), 200).json();
    const stopped = expectStatus(await md('POST', `/api/plans/${planId}/status`, { status: 'stopped', reason: 'Patient moved away', version: current.version }), 200).json();
    expect(stopped.status).toBe('stopped');
    const future = stopped.appointments.filter((a: Appt) => Date.parse(a.startsAt) > t.clock.now().getTime());
    expect(future.length).toBeGreaterThan(0);
    expect(future.every((a: Appt) => a.status === 'cancelled')).toBe(true);
  });
});

/** Test fixture: the patient of `planId` gets copies of the signed eligibility decision and consent of `likePlanId`'s patient. */
async function makeReadyLike(t: TestApp, planId: string, likePlanId: string): Promise<void> {
  const { db } = t.testDb.database;
  const [target] = await db.select().from(treatmentPlans).where(eq(treatmentPlans.id, planId));
  const [like] = await db.select().from(treatmentPlans).where(eq(treatmentPlans.id, likePlanId));
  const [decision] = await db.select().from(eligibilityDecisions).where(eq(eligibilityDecisions.patientId, like!.patientId));
  const [consent] = await db.select().from(patientConsents).where(eq(patientConsents.patientId, like!.patientId));
  const { id: _d, ...d } = decision!;
  const { id: _c, ...c } = consent!;
  await db.insert(eligibilityDecisions).values({ ...d, patientId: target!.patientId, signedAt: t.clock.now() });
  await db.insert(patientConsents).values({ ...c, patientId: target!.patientId });
}

/** A signed plan inserted directly (the booking tests need patients who are not consented in the demo). */
async function fixturePlan(t: TestApp, given: string, family: string): Promise<string> {
  const { db } = t.testDb.database;
  const [p] = await db.select({ id: patients.id }).from(patients).where(and(eq(patients.givenName, given), eq(patients.familyName, family)));
  const [proto] = await db.select().from(protocols).where(eq(protocols.key, 'iv-induction'));
  const [md] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'medical-director@demo.glia.local'));
  const now = t.clock.now();
  const [plan] = await db.insert(treatmentPlans).values({ patientId: p!.id, protocolId: proto!.id, indication: 'depression', route: 'iv-ketamine', infusionsPlanned: 6, orderedBy: md!.id, signedBy: md!.id, signedAt: now, createdAt: now, updatedAt: now }).returning();
  await db.insert(planOrders).values({ planId: plan!.id, version: 1, doseMgPerKg: 0.5, infusionDurationMin: 40, orderedBy: md!.id, signedBy: md!.id, signedAt: now });
  return plan!.id;
}

async function bookDirect(t: TestApp, planId: string, occurrences: { startsAt: string; chairId?: string }[]): Promise<string[]> {
  const { db } = t.testDb.database;
  const [md] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'medical-director@demo.glia.local'));
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(treatmentPlans).where(eq(treatmentPlans.id, planId));
    const r = await bookSeriesTx(tx, { userId: md!.id, userEmail: 'test', clientIp: null, requestId: null }, t.clock.now(), plan!, occurrences, { acknowledgeWarnings: true });
    return r.ids;
  });
}

describe('concurrent bookings of one chair and time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets exactly one of 20 simultaneous bookings of the same chair and time succeed', async () => {
    const { db } = t.testDb.database;
    const people = await db.select({ given: patients.givenName, family: patients.familyName }).from(patients).where(ne(patients.givenName, 'Farah'));
    const plans = [];
    for (const p of people.slice(0, 20)) plans.push(await fixturePlan(t, p.given, p.family));
    expect(plans).toHaveLength(19);
    // Farah's own demo plan makes twenty.
    const [farahPlan] = await db.select({ id: treatmentPlans.id }).from(treatmentPlans).innerJoin(patients, eq(patients.id, treatmentPlans.patientId)).where(eq(patients.givenName, 'Farah'));
    plans.push(farahPlan!.id);
    await db.update(treatmentPlans).set({ infusionsPlanned: 12 }).where(eq(treatmentPlans.id, farahPlan!.id));
    const [chair] = await db.select().from(chairs).where(eq(chairs.name, 'Chair 3'));
    const startsAt = '2026-12-10T16:00:00.000Z'; // Thursday 10:00 in Chicago, after Farah's demo series
    const results = await Promise.allSettled(plans.map((id) => bookDirect(t, id, [{ startsAt, chairId: chair!.id }])));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ status: 409, extra: { occurrence: { startsAt, chairId: chair!.id } } });
      // Whichever the database or the application saw first: the chair, or the nurse's watch slot at that time.
      expect(r.reason.extra.reason).toMatch(/chair is already booked|nurse already watches/);
    }
    const onChair = await db.select().from(appointments).where(and(eq(appointments.chairId, chair!.id), eq(appointments.startsAt, new Date(startsAt))));
    expect(onChair).toHaveLength(1);
  });

  it('fires 20 concurrent booking requests at the API for the same chair and time: one 201, nineteen 409', async () => {
    const desk = caller(t, await t.loginAs('front-desk'));
    const plans = expectStatus(await desk('GET', '/api/plans?status=active'), 200).json() as { id: string; patientName: string }[];
    const farah = plans.find((p) => p.patientName.startsWith('Farah'))!;
    // Twenty different patients: the 19 fixture plans' patients get copies of Farah's signed decision and consent.
    for (const p of plans) if (p.id !== farah.id) await makeReadyLike(t, p.id, farah.id);
    const [chair] = await t.testDb.database.db.select().from(chairs).where(eq(chairs.name, 'Chair 4'));
    const startsAt = '2026-12-19T15:00:00.000Z'; // Saturday 09:00 in Chicago
    expect(plans).toHaveLength(20);
    const res = await Promise.all(plans.map((p) => desk('POST', `/api/plans/${p.id}/series`, { occurrences: [{ startsAt, chairId: chair!.id }] })));
    const codes = res.map((r) => r.statusCode).sort();
    expect(res.filter((r) => r.statusCode !== 201 && r.statusCode !== 409).map((r) => r.body)).toEqual([]);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const conflictBody = res.find((r) => r.statusCode === 409)!.json();
    expect(conflictBody.occurrence.startsAt).toBe(startsAt);
    expect(conflictBody.reason).toMatch(/already/);
  });

  it('the database itself refuses an overlapping chair booking that skips the application checks', async () => {
    const { db } = t.testDb.database;
    const [existing] = await db.select().from(appointments).where(eq(appointments.status, 'booked')).limit(1);
    const { id: _id, ...copy } = existing!;
    const [other] = await db.select({ id: patients.id }).from(patients).where(ne(patients.id, existing!.patientId)).limit(1);
    await expect(db.insert(appointments).values({ ...copy, patientId: other!.id, nurseUserId: null, nurseSlot: null, seriesId: null, occurrenceNumber: null, startsAt: new Date(existing!.startsAt.getTime() + 30 * 60_000) })).rejects.toMatchObject({ cause: { code: '23P01' } });
  });
});
