/**
 * Whole-series booking under load: a clinic of 12 chairs and 8 scheduled staff
 * (6 nurses watching 2 chairs each, 2 prescribers) with a year of existing
 * bookings (about 15,000), then 200 new 6-infusion series, each proposed and
 * booked through the API (session, validation, readiness gate, spacing rules,
 * every occurrence's chair, nurse and prescriber, one transaction, reminders,
 * audit). PGlite by default; PostgreSQL when TEST_DATABASE_URL is set
 * (GLIA_TEST_DB=postgres). Last line: series_booking_p95_ms=<p95 of propose + book>.
 */
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { appointments, chairs, clinicOpeningHours, eligibilityDecisions, patientConsents, patients, planOrders, protocols, staffWorkingHours, treatmentPlans, users } from '../src/db/schema/index.ts';
import { addDays, localInstant, weekdayOf } from '../src/modules/scheduling/calendar.ts';
import { createTestApp } from '../src/testing/index.ts';

const SERIES = Number(process.env.GLIA_BENCH_SERIES ?? 200);
const TARGET_BOOKINGS = Number(process.env.GLIA_BENCH_BOOKINGS ?? 15_000);
const t = await createTestApp();
const { db } = t.testDb.database;
try {
  const now = t.clock.now();
  // 12 chairs.
  const existingChairs = await db.select().from(chairs);
  await db.insert(chairs).values(Array.from({ length: 12 - existingChairs.length }, (_, i) => ({ name: `Chair ${existingChairs.length + i + 1}`, room: 'Suite D', sortOrder: existingChairs.length + i + 1 })));
  const chairIds = (await db.select({ id: chairs.id }).from(chairs).orderBy(chairs.sortOrder)).map((c) => c.id);
  // 8 scheduled staff: the two demo nurses and four more, the medical director and the prescriber.
  const hash = (await db.select({ h: users.passwordHash }).from(users).limit(1))[0]!.h;
  await db.insert(users).values([3, 4, 5, 6].map((n) => ({ email: `nurse${n}@bench.glia.local`, displayName: `Bench Nurse ${n}`, roles: ['nurse'], credentials: 'RN', passwordHash: hash })));
  const all = await db.select({ id: users.id, email: users.email }).from(users);
  const nurses = all.filter((u) => /^nurse\d*@/.test(u.email)).map((u) => u.id);
  const prescribers = all.filter((u) => u.email.startsWith('medical-director@') || u.email.startsWith('prescriber@')).map((u) => u.id);
  await db.delete(staffWorkingHours);
  const opening = await db.select().from(clinicOpeningHours);
  await db.insert(staffWorkingHours).values([...nurses.map((id) => ['nurse', id] as const), ...prescribers.map((id) => ['prescriber', id] as const)].flatMap(([role, userId]) =>
    opening.map((o) => ({ userId, role, weekday: o.weekday, startsAt: o.opensAt, endsAt: o.closesAt }))));
  if (nurses.length !== 6 || prescribers.length !== 2) throw new Error(`bench staff: ${nurses.length} nurses, ${prescribers.length} prescribers`);

  // 400 existing patients with a year of bookings (100-minute chair times, 60% of the slots).
  const creator = prescribers[0]!;
  const patientRows = Array.from({ length: 400 + SERIES }, (_, i) => ({ mrn: `BN${100000 + i}`, givenName: 'Bench', familyName: `Patient ${i}`, birthDate: '1980-01-01', sexAtBirth: 'female', createdAt: now, updatedAt: now }));
  const patientIds: string[] = [];
  for (let i = 0; i < patientRows.length; i += 500) patientIds.push(...(await db.insert(patients).values(patientRows.slice(i, i + 500)).returning({ id: patients.id })).map((p) => p.id));
  const existingPatients = patientIds.slice(0, 400);
  const tz = 'America/Chicago';
  const today = '2026-11-23';
  const values: string[] = [];
  let k = 0;
  let slotsSeen = 0;
  const openDays = Array.from({ length: 366 }, (_, d) => addDays(today, d)).filter((d) => opening.some((o) => o.weekday === weekdayOf(d)));
  let totalSlots = 0;
  for (const d of openDays) {
    const o = opening.find((x) => x.weekday === weekdayOf(d))!;
    totalSlots += Math.floor((localInstant(d, o.closesAt, tz).getTime() - localInstant(d, o.opensAt, tz).getTime()) / 6_000_000) * 12;
  }
  const fill = TARGET_BOOKINGS / totalSlots;
  for (const d of openDays) {
    const o = opening.find((x) => x.weekday === weekdayOf(d))!;
    const open = localInstant(d, o.opensAt, tz).getTime();
    const close = localInstant(d, o.closesAt, tz).getTime();
    for (let s = open; s + 6_000_000 <= close; s += 6_000_000) {
      for (let c = 0; c < 12; c++) {
        slotsSeen++;
        // Deterministic spread: book this slot when the running share falls behind the fill ratio.
        if (k >= slotsSeen * fill || k >= TARGET_BOOKINGS) continue;
        const patient = existingPatients[k % existingPatients.length]!;
        values.push(`('${patient}', 'infusion', '${chairIds[c]}', '${nurses[Math.floor(c / 2)]}', ${(c % 2) + 1}, '${new Date(s).toISOString()}', '${new Date(s + 6_000_000).toISOString()}', 'booked', '${now.toISOString()}', '${creator}', '${now.toISOString()}', '${creator}')`);
        k++;
      }
    }
  }
  // The demo series is set aside: the bench clinic's chairs start empty.
  await db.update(appointments).set({ status: 'cancelled', statusReason: 'bench' });
  for (let i = 0; i < values.length; i += 1000) {
    await db.execute(sql.raw(`INSERT INTO appointments (patient_id, appointment_type, chair_id, nurse_user_id, nurse_slot, starts_at, ends_at, status, created_at, created_by, updated_at, updated_by) VALUES ${values.slice(i, i + 1000).join(',')}`));
  }

  // 200 new patients, eligible and consented (copies of the demo patient's signed decision and consent), each with a signed induction plan.
  const [farahConsent] = await db.select().from(patientConsents).limit(1);
  const [decision] = await db.select().from(eligibilityDecisions).where(eq(eligibilityDecisions.patientId, farahConsent!.patientId));
  const { id: _d, ...d } = decision!;
  const { id: _c, ...c } = farahConsent!;
  const [induction] = await db.select().from(protocols).where(eq(protocols.key, 'iv-induction'));
  const newPatients = patientIds.slice(400);
  const planIds: string[] = [];
  for (const patientId of newPatients) {
    await db.insert(eligibilityDecisions).values({ ...d, patientId });
    await db.insert(patientConsents).values({ ...c, patientId });
    const [plan] = await db.insert(treatmentPlans).values({ patientId, protocolId: induction!.id, indication: 'depression', route: 'iv-ketamine', infusionsPlanned: 6, orderedBy: creator, signedBy: creator, signedAt: now, createdAt: now, updatedAt: now }).returning({ id: treatmentPlans.id });
    await db.insert(planOrders).values({ planId: plan!.id, version: 1, doseMgPerKg: 0.5, infusionDurationMin: 40, orderedBy: creator, signedBy: creator, signedAt: now });
    planIds.push(plan!.id);
  }
  const n = (await db.select({ id: appointments.id }).from(appointments).where(eq(appointments.status, 'booked'))).length;

  const desk = await t.loginAs('front-desk');
  const timings: number[] = [];
  const proposeMs: number[] = [];
  let booked = 0;
  for (const [i, planId] of planIds.entries()) {
    const startOn = addDays(today, 1 + (i * 7) % 330);
    const t0 = performance.now();
    const proposal = await t.request({ method: 'POST', url: `/api/plans/${planId}/series/proposal`, cookie: desk, payload: { startOn } });
    if (proposal.statusCode !== 200) throw new Error(`proposal ${proposal.statusCode}: ${proposal.body}`);
    const occurrences = (proposal.json() as { occurrences: { startsAt: string; chairId: string }[] }).occurrences.map((o) => ({ startsAt: o.startsAt, chairId: o.chairId }));
    const t1 = performance.now();
    const res = await t.request({ method: 'POST', url: `/api/plans/${planId}/series`, cookie: desk, payload: { occurrences } });
    timings.push(performance.now() - t0);
    proposeMs.push(t1 - t0);
    if (res.statusCode !== 201) throw new Error(`booking ${res.statusCode}: ${res.body}`);
    booked += (res.json() as { appointments: unknown[] }).appointments.length;
  }
  timings.sort((a, b) => a - b);
  const pct = (p: number): number => timings[Math.min(timings.length - 1, Math.ceil((p / 100) * timings.length) - 1)]!;
  console.log(`database=${t.testDb.database.kind} chairs=12 nurses=6 prescribers=2 existing_bookings=${n}`);
  console.log(`series=${planIds.length} appointments_booked=${booked} (propose + book through the API)`);
  proposeMs.sort((a, b) => a - b);
  console.log(`proposal p50=${proposeMs[Math.floor(proposeMs.length / 2)]!.toFixed(1)} ms`);
  console.log(`p50=${pct(50).toFixed(1)} ms p95=${pct(95).toFixed(1)} ms max=${timings[timings.length - 1]!.toFixed(1)} ms`);
  console.log(`series_booking_p95_ms=${pct(95).toFixed(1)}`);
} finally {
  await t.close();
}
