/**
 * Care-team restriction and "break the glass": when the clinic turns it on,
 * a chart opens to its care team; anyone else gets 403 until they break the
 * glass with a reason, which is recorded (append-only), audited, and listed
 * for the medical director.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { seedDemoInfusionDay } from '../../seed/demo-infusion-day.ts';

let t: TestApp;
let admin: string;
let nurse: string;
let prescriber: string;
let director: string;
let patientId: string;
let nurseId: string;
beforeAll(async () => {
  t = await createTestApp();
  [admin, nurse, prescriber, director] = await Promise.all([t.loginAs('admin'), t.loginAs('nurse'), t.loginAs('prescriber'), t.loginAs('medical-director')]);
  const list = (await t.request({ method: 'GET', url: '/api/patients', cookie: nurse })).json() as { id: string }[];
  patientId = list[0]!.id;
  nurseId = (await t.request({ method: 'GET', url: '/api/auth/me', cookie: nurse })).json().user.id;
  const [unassigned] = await queryRows<{ id: string }>(t.testDb.database.db, sql`SELECT id FROM patients WHERE primary_clinician_id IS DISTINCT FROM ${nurseId} LIMIT 1`);
  patientId = unassigned!.id;
});
afterAll(() => t.close());

const chart = (cookie: string) => t.request({ method: 'GET', url: `/api/patients/${patientId}`, cookie });

describe('care-team restriction', () => {
  it('is off by default: every chart role opens every chart', async () => {
    expect((await chart(nurse)).statusCode).toBe(200);
  });

  it('when on, refuses a chart outside the care team (audited) and offers break the glass', async () => {
    expect((await t.request({ method: 'PATCH', url: '/api/clinic', cookie: admin, payload: { careTeamRestricted: true } })).statusCode).toBe(200);
    const res = await chart(nurse);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ breakGlass: { url: `/api/patients/${patientId}/break-glass` } });
    // The medical director keeps clinical oversight of every chart.
    expect((await chart(director)).statusCode).toBe(200);
    const denied = await queryRows<{ n: number }>(t.testDb.database.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'access.care-team-denied' AND patient_id = ${patientId}`);
    expect(denied[0]!.n).toBe(1);
  });

  it('opens the chart to a care-team member', async () => {
    const set = await t.request({ method: 'PUT', url: `/api/patients/${patientId}/care-team`, cookie: director, payload: { userIds: [nurseId] } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual([expect.objectContaining({ userId: nurseId })]);
    expect((await chart(nurse)).statusCode).toBe(200);
    await t.request({ method: 'PUT', url: `/api/patients/${patientId}/care-team`, cookie: director, payload: { userIds: [] } });
    expect((await chart(nurse)).statusCode).toBe(403);
  });

  it('refuses a care team naming an unknown account, naming the field, and changes nothing', async () => {
    const res = await t.request({ method: 'PUT', url: `/api/patients/${patientId}/care-team`, cookie: director, payload: { userIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('userIds.0');
  });

  it('breaks the glass with a reason for a limited time, audited and listed for the medical director', async () => {
    const short = await t.request({ method: 'POST', url: `/api/patients/${patientId}/break-glass`, cookie: prescriber, payload: { reason: 'urgent' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('reason');

    const res = await t.request({ method: 'POST', url: `/api/patients/${patientId}/break-glass`, cookie: prescriber, payload: { reason: 'Covering the on-call line: patient called in crisis' } });
    expect(res.statusCode).toBe(201);
    expect((await chart(prescriber)).statusCode).toBe(200);

    const list = await t.request({ method: 'GET', url: '/api/security/break-glass', cookie: director });
    expect(list.json()[0]).toMatchObject({ patientId, reason: 'Covering the on-call line: patient called in crisis', userDisplayName: expect.any(String) });
    expect((await t.request({ method: 'GET', url: '/api/security/break-glass', cookie: nurse })).statusCode).toBe(403);
    const audited = await queryRows<{ n: number }>(t.testDb.database.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'access.break-glass' AND patient_id = ${patientId}`);
    expect(audited[0]!.n).toBe(1);

    t.clock.advanceMinutes(4 * 60 + 1);
    const fresh = await t.loginAs('prescriber');
    expect((await chart(fresh)).statusCode).toBe(403);
  });

  it("follows a patient's infusion sessions and treatment plans addressed by their own id", async () => {
    await seedDemoInfusionDay(t.testDb.database, t.clock.now());
    const [session] = await queryRows<{ id: string; patient_id: string }>(t.testDb.database.db, sql`SELECT s.id, s.patient_id FROM infusion_sessions s JOIN patients p ON p.id = s.patient_id WHERE p.primary_clinician_id IS DISTINCT FROM ${nurseId} LIMIT 1`);
    const [plan] = await queryRows<{ id: string }>(t.testDb.database.db, sql`SELECT id FROM treatment_plans WHERE patient_id = ${session!.patient_id} LIMIT 1`);
    const fresh = await t.loginAs('nurse');
    const freshDirector = await t.loginAs('medical-director');
    const sessionRes = await t.request({ method: 'GET', url: `/api/sessions/${session!.id}`, cookie: fresh });
    expect(sessionRes.statusCode).toBe(403);
    expect(sessionRes.json()).toMatchObject({ breakGlass: { url: `/api/patients/${session!.patient_id}/break-glass` } });
    const reading = await t.request({ method: 'POST', url: `/api/sessions/${session!.id}/readings`, cookie: fresh, payload: { takenAt: t.clock.now().toISOString(), heartRateBpm: 80 } });
    expect(reading.statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/plans/${plan!.id}`, cookie: fresh })).statusCode).toBe(403);
    const denied = await queryRows<{ n: number }>(t.testDb.database.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'access.care-team-denied' AND patient_id = ${session!.patient_id}`);
    expect(denied[0]!.n).toBeGreaterThanOrEqual(3);
    // The medical director keeps oversight; the board's day list is not a chart and stays open.
    expect((await t.request({ method: 'GET', url: `/api/sessions/${session!.id}`, cookie: freshDirector })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/sessions', cookie: fresh })).statusCode).toBe(200);
    // On the care team, the session opens.
    await t.request({ method: 'PUT', url: `/api/patients/${session!.patient_id}/care-team`, cookie: freshDirector, payload: { userIds: [nurseId] } });
    expect((await t.request({ method: 'GET', url: `/api/sessions/${session!.id}`, cookie: fresh })).statusCode).toBe(200);
  });

  it('keeps the emergency access record append-only', async () => {
    await expect(t.testDb.database.db.execute(sql`UPDATE break_glass_access SET reason = 'rewritten afterwards'`)).rejects.toThrow();
    await expect(t.testDb.database.db.execute(sql`DELETE FROM break_glass_access`)).rejects.toThrow();
  });
});
