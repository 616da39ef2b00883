import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDetail } from '@glia/contracts';
import { seedDemoInfusionDay } from '../../seed/demo-infusion-day.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { call } from './infusion-fixtures.ts';

let t: TestApp;
let nurse: string;

beforeAll(async () => {
  t = await createTestApp({ idleMinutes: 600, maxHours: 24 });
  nurse = await t.loginAs('nurse');
});
afterAll(async () => t?.close());

interface Board { date: string; sessions: SessionDetail[]; awaitingCheckIn: { appointmentId: string; patientName: string }[] }

describe('the demo infusion day and the live board', () => {
  it('starts the demo day with chairs in several phases: one infusing for more than 10 minutes, one in recovery', async () => {
    const result = await seedDemoInfusionDay(t.testDb.database, t.clock.now());
    expect(result).toEqual({ state: 'created', sessions: 3 });
    const board = await call<Board>(t, nurse, 'GET', '/api/sessions');
    expect(board.date).toBe('2026-11-23');
    const byPhase = Object.fromEntries(board.sessions.map((s) => [s.phase, s]));
    expect(Object.keys(byPhase).sort()).toEqual(['infusing', 'pre-checks', 'recovery']);
    expect(byPhase.infusing!.elapsedMin).toBeGreaterThan(10);
    expect(byPhase.infusing!.lastVitals).not.toBeNull();
    expect(byPhase.infusing!.nextReadingDueAt).not.toBeNull();
    expect(byPhase.recovery!.infusionEndedAt).not.toBeNull();
    // The demo's patient booked for later, beside whatever the scheduling demo booked for today.
    expect(board.awaitingCheckIn.map((a) => a.patientName)).toContain('Rashid Karimi');
    expect(await seedDemoInfusionDay(t.testDb.database, t.clock.now())).toEqual({ state: 'existing', sessions: 3 });
  });

  it('refuses an unknown date format and serves another day empty', async () => {
    const bad = await t.request({ method: 'GET', url: '/api/sessions?date=23-11-2026', cookie: nurse });
    expect(bad.statusCode).toBe(400);
    const other = await call<Board>(t, nurse, 'GET', '/api/sessions?date=2026-11-24');
    expect(other.sessions).toEqual([]);
  });

  it('pushes a reading charted on one tablet to an open board stream within a second', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/api/board/events`, { headers: { cookie: nurse }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const board = await call<Board>(t, nurse, 'GET', '/api/sessions');
    const infusing = board.sessions.find((s) => s.phase === 'infusing')!;
    const sentAt = Date.now();
    await call(t, nurse, 'POST', `/api/sessions/${infusing.id}/readings`, { takenAt: t.clock.now().toISOString(), heartRateBpm: 84, spo2Pct: 97 }, 201);
    while (!text.includes(infusing.id)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(Date.now() - sentAt).toBeLessThan(1000);
    const line = text.split('\n').find((l) => l.startsWith('data:') && l.includes(infusing.id))!;
    expect(JSON.parse(line.slice(5))).toMatchObject({ type: 'session-changed', sessionId: infusing.id, change: 'reading', serviceDate: '2026-11-23' });
    controller.abort();
  });

  it('refuses the board stream without a session', async () => {
    const res = await t.request({ method: 'GET', url: '/api/board/events' });
    expect(res.statusCode).toBe(401);
  });
});
