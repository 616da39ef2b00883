/**
 * Shared steps of the infusion integration tests: a demo patient booked into a
 * chair today with an active IV plan and the day's facts (weight, scales,
 * pregnancy test), checked in and ready to start.
 */
import { and, eq } from 'drizzle-orm';
import type { SessionDetail } from '@glia/contracts';
import { chairs, patients, users } from '../../db/schema/index.ts';
import { bookInfusion, demoLotId, ensureIvPlan, prepareVisitFacts } from '../../seed/demo-infusion-day.ts';
import type { TestApp } from '../../testing/index.ts';
import { localDateOf } from '../inventory/clinic-calendar.ts';

export const TZ = 'America/Chicago';

export async function bookToday(t: TestApp, givenName: string, chairName: string, opts: { weightKg?: number } = {}): Promise<{ appointmentId: string; patientId: string }> {
  const { db } = t.testDb.database;
  const now = t.clock.now();
  const [patient] = await db.select().from(patients).where(eq(patients.givenName, givenName));
  const [chair] = await db.select().from(chairs).where(eq(chairs.name, chairName));
  const [nurse] = await db.select().from(users).where(eq(users.email, 'nurse@demo.glia.local'));
  const [prescriber] = await db.select().from(users).where(and(eq(users.email, 'prescriber@demo.glia.local')));
  const planId = await ensureIvPlan(db, patient!.id, prescriber!.id, now);
  await prepareVisitFacts(db, patient!.id, nurse!.id, new Date(now.getTime() - 10 * 60_000), TZ, opts.weightKg ?? 80);
  const appointmentId = await bookInfusion(db, { patientId: patient!.id, planId, chairId: chair!.id, startsAt: now, byUserId: nurse!.id, now: new Date(now.getTime() - 86_400_000) });
  return { appointmentId, patientId: patient!.id };
}

export async function lotForToday(t: TestApp): Promise<string> {
  const id = await demoLotId(t.testDb.database.db, localDateOf(t.clock.now(), TZ));
  if (!id) throw new Error('no demo lot');
  return id;
}

type Detail = SessionDetail;

export async function call<T = Detail>(t: TestApp, cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, expected = 200): Promise<T> {
  const res = await t.request({ method, url, cookie, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  if (res.statusCode !== expected) throw new Error(`${method} ${url}: expected ${expected}, got ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Checks in, records escort and fasting, a normal baseline, prepares the dose: a session ready to start. */
export async function readySession(t: TestApp, nurse: string, givenName: string, chairName: string, baseline = { systolicMmHg: 124, diastolicMmHg: 78 }): Promise<Detail> {
  const { appointmentId } = await bookToday(t, givenName, chairName);
  const created = await call(t, nurse, 'POST', '/api/sessions', { appointmentId }, 201);
  const at = t.clock.now().getTime();
  await call(t, nurse, 'PUT', `/api/sessions/${created.id}/check-in`, {
    escort: { name: 'Pat Escort', phone: '(555) 010-2222' },
    fasting: { lastSolidsAt: new Date(at - 8 * 3_600_000).toISOString(), lastLiquidsAt: new Date(at - 3 * 3_600_000).toISOString() },
    medicationChanges: { changed: false, note: null },
  });
  await call(t, nurse, 'POST', `/api/sessions/${created.id}/readings`, { takenAt: new Date(at).toISOString(), ...baseline, heartRateBpm: 72, spo2Pct: 98, respRatePerMin: 14 }, 201);
  t.clock.advanceMinutes(2);
  return call(t, nurse, 'POST', `/api/sessions/${created.id}/order`, { lotId: await lotForToday(t) });
}
