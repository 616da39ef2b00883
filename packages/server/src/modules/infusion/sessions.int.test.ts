import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ReadingCreated, SessionDetail } from '@glia/contracts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { bookToday, call, readySession } from './infusion-fixtures.ts';

let t: TestApp;
let nurse: string;
let prescriber: string;

beforeAll(async () => {
  // The tests walk a whole clinic morning on the test clock; keep the sign-ins alive through it.
  t = await createTestApp({ idleMinutes: 600, maxHours: 24 });
  nurse = await t.loginAs('nurse');
  prescriber = await t.loginAs('prescriber');
});
afterAll(async () => t?.close());

const minutesAgo = (min: number): string => new Date(t.clock.now().getTime() - min * 60_000).toISOString();

async function reading(id: string, body: Record<string, unknown>, expected = 201): Promise<ReadingCreated> {
  return call<ReadingCreated>(t, nurse, 'POST', `/api/sessions/${id}/readings`, { takenAt: t.clock.now().toISOString(), ...body }, expected);
}

describe('a full IV session through the API', () => {
  let s: SessionDetail;

  it('checks a booked appointment in as a session in phase arrived, once', async () => {
    const { appointmentId, patientId } = await bookToday(t, 'Gabriel', 'Chair 2');
    const created = await call(t, nurse, 'POST', '/api/sessions', { appointmentId }, 201);
    expect(created.phase).toBe('arrived');
    expect(created.patientId).toBe(patientId);
    const again = await t.request({ method: 'POST', url: '/api/sessions', cookie: nurse, payload: { appointmentId } });
    expect(again.statusCode).toBe(409);
    s = created;
  });

  it('keeps the start blocked until the rule 18 checklist is complete and the dose is prepared', async () => {
    const blocked = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/pump-events`, cookie: nurse, payload: { type: 'start' } });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().rule).toBe(18);
    const detail = await call(t, nurse, 'GET', `/api/sessions/${s.id}`);
    expect(detail.checklist.complete).toBe(false);
    expect(detail.checklist.items.filter((i) => i.status === 'unmet').map((i) => i.id).sort()).toEqual(['baseline-vitals', 'escort', 'fasting']);
  });

  it('completes the checklist, prepares the plan dose from a lot and becomes ready', async () => {
    const at = t.clock.now().getTime();
    let d = await call(t, nurse, 'PUT', `/api/sessions/${s.id}/check-in`, {
      escort: { name: 'Marina Souza', phone: '(555) 010-1206' },
      fasting: { lastSolidsAt: new Date(at - 8 * 3_600_000).toISOString(), lastLiquidsAt: new Date(at - 3 * 3_600_000).toISOString() },
    });
    expect(d.phase).toBe('pre-checks');
    await reading(s.id, { systolicMmHg: 124, diastolicMmHg: 78, heartRateBpm: 72, spo2Pct: 98, respRatePerMin: 14 });
    d = await call(t, nurse, 'GET', `/api/sessions/${s.id}`);
    expect(d.checklist.complete).toBe(true);
    expect(d.plannedOrder).toMatchObject({ doseMgPerKg: 0.5, durationMin: 40, weightKg: 80, doseMg: 40 });
    const { lotForToday } = await import('./infusion-fixtures.ts');
    d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/order`, { lotId: await lotForToday(t) });
    expect(d.order).toMatchObject({ doseMg: 40, volumeMl: 0.8, rateMlPerH: 1.2, concentrationMgPerMl: 50 });
    expect(d.phase).toBe('ready');
    expect(d.administration).toEqual([expect.objectContaining({ drawnMl: 0.8, givenMl: 0, status: 'open' })]);
  });

  it('starts, refuses readings in the future or with impossible values, and charts readings every 10 minutes', async () => {
    let d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/pump-events`, { type: 'start' });
    expect(d.phase).toBe('infusing');
    const future = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/readings`, cookie: nurse, payload: { takenAt: new Date(t.clock.now().getTime() + 10 * 60_000).toISOString(), heartRateBpm: 80 } });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('takenAt');
    const impossible = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/readings`, cookie: nurse, payload: { takenAt: t.clock.now().toISOString(), spo2Pct: 120, systolicMmHg: 80, diastolicMmHg: 90 } });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['diastolicMmHg', 'spo2Pct']);
    const before = (await call(t, nurse, 'GET', `/api/sessions/${s.id}`)).readings.length;
    expect(before).toBe(1);
    t.clock.advanceMinutes(10);
    const r = await reading(s.id, { systolicMmHg: 132, diastolicMmHg: 82, heartRateBpm: 80, spo2Pct: 98, respRatePerMin: 14, moaasScore: 4, dissociation: { scale: 'observer-0-4', score: 2 } });
    expect(r.alerts.filter((a) => a.rule !== 25)).toEqual([]);
    d = await call(t, nurse, 'GET', `/api/sessions/${s.id}`);
    expect(d.schedule.nextDueAt).toBe(new Date(t.clock.now().getTime() + 10 * 60_000).toISOString());
    expect(d.pk.points.length).toBeGreaterThan(5);
    expect(d.pk.label).toMatch(/population model/);
  });

  it('flags a reading more than 5 minutes overdue (rule 20)', async () => {
    t.clock.advanceMinutes(16);
    const d = await call(t, nurse, 'GET', `/api/sessions/${s.id}`);
    expect(d.schedule.overdue).toBe(true);
    expect(d.alerts.some((a) => a.rule === 20)).toBe(true);
  });

  it('raises the rule 22 alert on SBP 185/112 twice 5 minutes apart and escalates it to the prescriber', async () => {
    const first = await reading(s.id, { systolicMmHg: 185, diastolicMmHg: 112, heartRateBpm: 88, spo2Pct: 97 });
    expect(first.alerts.find((a) => a.rule === 22)?.severity).toBe('advisory');
    t.clock.advanceMinutes(5);
    const second = await reading(s.id, { systolicMmHg: 186, diastolicMmHg: 112, heartRateBpm: 90, spo2Pct: 97 });
    const alert = second.alerts.find((a) => a.rule === 22 && a.severity === 'escalate');
    expect(alert).toBeDefined();
    expect(alert!.message).toMatch(/185|186/);
    expect(alert!.escalatedTo).not.toBeNull();
    const board = await call<{ sessions: { id: string; alerts: { rule: number }[] }[] }>(t, nurse, 'GET', '/api/sessions?date=2026-11-23');
    expect(board.sessions.find((x) => x.id === s.id)!.alerts.some((a) => a.rule === 22)).toBe(true);
  });

  it('pauses with a reason, keeps the alert until a nurse acknowledges it, resumes and stops', async () => {
    let d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/pump-events`, { type: 'pause', reason: 'BP 186/112 twice (rule 22)' });
    expect(d.phase).toBe('paused');
    t.clock.advanceMinutes(5);
    await reading(s.id, { systolicMmHg: 142, diastolicMmHg: 88, heartRateBpm: 80, spo2Pct: 98 });
    d = await call(t, nurse, 'GET', `/api/sessions/${s.id}`);
    const kept = d.alerts.find((a) => a.rule === 22 && a.severity === 'escalate')!;
    expect(kept.active).toBe(false);
    d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/alerts/${encodeURIComponent(kept.key)}/acknowledge`);
    expect(d.alerts.some((a) => a.key === kept.key)).toBe(false);
    const resumeWhileInfusing = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/pump-events`, cookie: nurse, payload: { type: 'pause' } });
    expect(resumeWhileInfusing.statusCode).toBe(400);
    d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/pump-events`, { type: 'resume' });
    expect(d.phase).toBe('infusing');
    for (let i = 0; i < 3; i += 1) {
      t.clock.advanceMinutes(8);
      await reading(s.id, { systolicMmHg: 130, diastolicMmHg: 80, heartRateBpm: 78, spo2Pct: 98, respRatePerMin: 14, moaasScore: 4, dissociation: { scale: 'observer-0-4', score: 1 } });
    }
    d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/pump-events`, { type: 'stop', outcome: 'completed' });
    expect(d.phase).toBe('recovery');
    // Running time: 31 min before the pause + 24 after; 55 min at 1.2 mL/h would be 1.1 mL, capped at the 0.8 mL drawn.
    expect(d.pump.givenMl).toBe(0.8);
    expect(d.pump.pausedMin).toBe(5);
    expect(d.administration[0]).toMatchObject({ drawnMl: 0.8, givenMl: 0.8 });
    expect(d.events.map((e) => e.type)).toEqual(['begin-checks', 'checks-passed', 'start', 'pause', 'resume', 'stop']);
  });

  it('refuses discharge before the minimum observation time and lists every unmet criterion (rule 28)', async () => {
    t.clock.advanceMinutes(15);
    await reading(s.id, { systolicMmHg: 126, diastolicMmHg: 80, heartRateBpm: 74, spo2Pct: 98, respRatePerMin: 14, moaasScore: 5, dissociation: { scale: 'observer-0-4', score: 0 } });
    const refused = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/discharge`, cookie: nurse });
    expect(refused.statusCode).toBe(422);
    const codes = (refused.json().findings as { code: string }[]).map((f) => f.code);
    expect(codes.sort()).toEqual(['escort-missing', 'observation-time-not-met', 'recovery-score-missing']);
    expect(refused.json().rule).toBe(28);
  });

  it('discharges after 60 minutes with Aldrete 10, vitals near baseline and the escort present', async () => {
    for (let i = 0; i < 3; i += 1) {
      t.clock.advanceMinutes(15);
      await reading(s.id, { systolicMmHg: 124, diastolicMmHg: 78, heartRateBpm: 72, spo2Pct: 98, respRatePerMin: 14, moaasScore: 5, dissociation: { scale: 'observer-0-4', score: 0 } });
    }
    t.clock.advanceMinutes(1);
    let d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/recovery`, {
      aldrete: { activity: 'moves-four-limbs', respiration: 'breathes-deeply-and-coughs', consciousness: 'fully-awake', onSupplementalOxygen: false }, escortPresent: true,
    });
    expect(d.discharge.findings).toEqual([]);
    expect(d.phase).toBe('ready-for-discharge');
    d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/discharge`);
    expect(d.phase).toBe('discharged');
    const pdf = await t.request({ method: 'GET', url: `/api/sessions/${s.id}/discharge-instructions.pdf`, cookie: nurse });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('signs the note once, locks it and accepts addenda', async () => {
    const d = await call(t, nurse, 'GET', `/api/sessions/${s.id}`);
    expect(d.draftNote).toMatch(/given 40\.0 mg/);
    expect(d.draftNote).toMatch(/Alert rule 22/);
    const signed = await call(t, nurse, 'POST', `/api/sessions/${s.id}/note`, { text: d.draftNote, signature: { password: 'glia-demo' } });
    expect(signed.note?.text).toBe(d.draftNote);
    const again = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/note`, cookie: nurse, payload: { text: d.draftNote, signature: { password: 'glia-demo' } } });
    expect(again.statusCode).toBe(409);
    await expect(t.testDb.database.db.execute(sql`UPDATE session_notes SET text = 'changed'`)).rejects.toThrow();
    await expect(t.testDb.database.db.execute(sql`DELETE FROM session_readings`)).rejects.toThrow();
    const withAddendum = await call(t, nurse, 'POST', `/api/sessions/${s.id}/note/addenda`, { text: 'Patient called at 18:00: feeling well.', signature: { password: 'glia-demo' } });
    expect(withAddendum.note?.addenda).toHaveLength(1);
  });

  it('closes the session only when drawn = given + wasted (rule 34)', async () => {
    const d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/close`);
    expect(d.closed).toBe(true);
    expect(d.administration[0]!.status).toBe('closed');
  });

  it('lists the session in the patient chart with its PHQ-9', async () => {
    const list = await call<{ sessions: { id: string; phq9Total: number | null; noteSigned: boolean }[] }>(t, nurse, 'GET', `/api/patients/${s.patientId}/sessions`);
    expect(list.sessions[0]).toMatchObject({ id: s.id, noteSigned: true, phq9Total: 11 });
  });
});

describe('controlled-substance closure (rule 34)', () => {
  it('refuses to close a session whose draw is not accounted for, then closes after a witnessed waste', async () => {
    const s = await readySession(t, nurse, 'Isaiah', 'Chair 3');
    await call(t, nurse, 'POST', `/api/sessions/${s.id}/pump-events`, { type: 'start' });
    t.clock.advanceMinutes(20);
    let d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/pump-events`, { type: 'stop', outcome: 'stopped-early', reason: 'Patient asked to stop (anxiety)' });
    expect(d.pump.givenMl).toBe(0.4);
    const refused = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/close`, cookie: nurse });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().rule).toBe(34);
    expect(refused.json().detail).toMatch(/Drawn 0.8 mL ≠ given 0.4 mL \+ wasted 0 mL/);
    const badWitness = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/waste`, cookie: nurse, payload: { ml: 0.4, witness: { email: 'prescriber@demo.glia.local', signature: { password: 'wrong' } } } });
    expect(badWitness.statusCode).toBe(403);
    d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/waste`, { ml: 0.4, witness: { email: 'prescriber@demo.glia.local', signature: { password: 'glia-demo' } } });
    expect(d.administration[0]).toMatchObject({ drawnMl: 0.8, givenMl: 0.4, wastedMl: 0.4 });
    // Balanced now; the patient still has to be discharged before the session closes.
    const early = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/close`, cookie: nurse });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/Discharge the patient/);
  });
});

describe('pre-dose BP and emergencies', () => {
  it('needs a prescriber proceed decision for a pre-dose BP above 140/90 (rule 19)', async () => {
    const s = await readySession(t, nurse, 'Rashid', 'Chair 4', { systolicMmHg: 152, diastolicMmHg: 94 });
    expect(s.phase).toBe('pre-checks');
    const blocked = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/pump-events`, cookie: nurse, payload: { type: 'start' } });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().rule).toBe(19);
    const byNurse = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/pre-dose-decision`, cookie: nurse, payload: { decision: 'proceed', reason: 'Anxious on arrival; repeat 148/90' } });
    expect(byNurse.statusCode).toBe(403);
    const d = await call(t, prescriber, 'POST', `/api/sessions/${s.id}/pre-dose-decision`, { decision: 'proceed', reason: 'Anxious on arrival; repeat 148/90' });
    expect(d.phase).toBe('ready');
    expect((await call(t, nurse, 'POST', `/api/sessions/${s.id}/pump-events`, { type: 'start' })).phase).toBe('infusing');
    t.clock.advanceMinutes(10);
    const noReason = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/pump-events`, cookie: nurse, payload: { type: 'rate-change', rateMlPerH: 0.9 } });
    expect(noReason.statusCode).toBe(400);
    const slowed = await call(t, nurse, 'POST', `/api/sessions/${s.id}/pump-events`, { type: 'rate-change', rateMlPerH: 0.9, reason: 'BP 148/92: slowing per prescriber' });
    expect(slowed.pump.currentRateMlPerH).toBe(0.9);
    expect(slowed.events.at(-1)).toMatchObject({ type: 'rate-change', rateMlPerH: 0.9, reason: 'BP 148/92: slowing per prescriber' });
  });

  it('stops the infusion record on a hypertensive-crisis symptom (rule 23)', async () => {
    const s = await readySession(t, nurse, 'Theodore', 'Chair 5');
    await call(t, nurse, 'POST', `/api/sessions/${s.id}/pump-events`, { type: 'start' });
    t.clock.advanceMinutes(6);
    const r = await reading(s.id, { systolicMmHg: 150, diastolicMmHg: 95, symptoms: ['chest-pain'] });
    expect(r.alerts[0]).toMatchObject({ rule: 23, severity: 'emergency' });
    expect(r.phase).toBe('recovery');
    const d = await call(t, nurse, 'GET', `/api/sessions/${s.id}`);
    expect(d.pump.endOutcome).toBe('stopped-early');
    expect(d.pump.endReason).toMatch(/Emergency \(rule 23\)/);
  });

  it('records an adverse event with a rescue drug linked to its reading (rule 26)', async () => {
    const board = await call<{ sessions: SessionDetail[] }>(t, nurse, 'GET', '/api/sessions');
    const s = await call(t, nurse, 'GET', `/api/sessions/${board.sessions.find((x) => x.patientName.startsWith('Teddy'))!.id}`);
    const readingId = s.readings.at(-1)!.id;
    const missingLink = await t.request({ method: 'POST', url: `/api/sessions/${s.id}/adverse-events`, cookie: nurse, payload: { kind: 'hypertension', severity: 'severe', occurredAt: minutesAgo(1), readingIds: [readingId], rescueDrugs: [{ drug: 'Labetalol', doseAmount: 10, doseUnit: 'mg', route: 'iv', givenAt: minutesAgo(0), indication: 'SBP 150 with chest pain', linkedReadingId: '00000000-0000-4000-8000-000000000000' }] } });
    expect(missingLink.statusCode).toBe(400);
    const d = await call(t, nurse, 'POST', `/api/sessions/${s.id}/adverse-events`, { kind: 'hypertension', severity: 'severe', occurredAt: minutesAgo(1), readingIds: [readingId], actions: 'Infusion stopped, prescriber at chair, ECG', rescueDrugs: [{ drug: 'Labetalol', doseAmount: 10, doseUnit: 'mg', route: 'iv', givenAt: minutesAgo(0), indication: 'SBP 150 with chest pain', linkedReadingId: readingId }] });
    expect(d.adverseEvents[0]!.rescueDrugs[0]).toMatchObject({ drug: 'Labetalol', linkedReadingId: readingId });
  });
});
