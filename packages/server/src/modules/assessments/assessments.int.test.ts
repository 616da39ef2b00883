/**
 * Rating scales through the API: scored by the clinical core (checked against the
 * shared vectors as they are), refused with the failing item when an answer is
 * out of range, and a positive suicide item alerts the primary clinician.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { caller, expectStatus, newPatient, type Call } from '../intake/intake-fixtures.ts';

interface Vector { id: string; instrument: string; responses: (number | null)[]; expected: Record<string, unknown> }
/** The shared spec folder beside the checkout (../shared/spec), found by walking up so worktrees work too. */
function sharedSpec(name: string): string {
  for (let dir = import.meta.dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'spec', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`shared/spec/${name} not found above ${import.meta.dirname}`);
}
const VECTORS: Vector[] = JSON.parse(readFileSync(sharedSpec('instrument-vectors.json'), 'utf8')).vectors;

let t: TestApp;
let nurse: Call;
let prescriber: Call;
let md: Call;
let patientId: string;

async function assessmentCount(id: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(t.testDb.database.db, sql`SELECT count(*) AS n FROM assessments WHERE patient_id = ${id}`);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  nurse = caller(t, await t.loginAs('nurse'));
  prescriber = caller(t, await t.loginAs('prescriber'));
  md = caller(t, await t.loginAs('medical-director'));
  const prescriberId = (await queryRows<{ id: string }>(t.testDb.database.db, sql`SELECT id FROM users WHERE email = 'prescriber@demo.glia.local'`))[0]!.id;
  patientId = await newPatient(nurse, { primaryClinicianId: prescriberId });
});
afterAll(() => t.close());

describe('scoring through the API matches the shared instrument vectors', () => {
  it.each(VECTORS.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    const res = await nurse('POST', `/api/patients/${patientId}/assessments`, { instrument: v.instrument, responses: v.responses });
    if (v.expected.error) {
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.length).toBeGreaterThan(0);
      return;
    }
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    if ('total' in v.expected) expect(body.total).toBe(v.expected.total);
    if ('band' in v.expected) expect(body.band).toBe(v.expected.band);
    if ('suicideRisk' in v.expected) expect(body.flags.suicideRisk).toBe(v.expected.suicideRisk);
    if ('selfHarmFlag' in v.expected) expect(body.flags.selfHarmFlag).toBe(v.expected.selfHarmFlag);
  });
});

describe('entering a scale', () => {
  it('stores a PHQ-9 with total, band and flags and moves the patient into intake', async () => {
    const id = await newPatient(nurse);
    const res = expectStatus(await nurse('POST', `/api/patients/${id}/assessments`, { instrument: 'PHQ-9', responses: [2, 2, 2, 2, 2, 2, 2, 2, 0] }), 201);
    expect(res.json()).toMatchObject({ instrument: 'PHQ-9', total: 16, band: 'moderately-severe', complete: true, flags: { suicideRisk: false }, alerts: [], enteredBy: { displayName: 'Jamie Castillo' } });
    expect(expectStatus(await nurse('GET', `/api/patients/${id}/intake`), 200).json().stage).toBe('intake');
    const listed = expectStatus(await nurse('GET', `/api/patients/${id}/assessments`), 200).json();
    expect(listed.map((a: { total: number }) => a.total)).toEqual([16]);
  });

  it.each([
    ['an answer above the item range', { instrument: 'PHQ-9', responses: [0, 0, 0, 0, 0, 0, 0, 0, 4] }, 'responses.8', 'item 9 must be a whole number from 0 to 3'],
    ['a negative answer', { instrument: 'GAD-7', responses: [0, -1, 0, 0, 0, 0, 0] }, 'responses.1', 'item 2 must be a whole number from 0 to 3'],
    ['a fractional answer', { instrument: 'Pain-NRS', responses: [4.5] }, 'responses.0', 'item 1 must be a whole number from 0 to 10'],
    ['too few answers', { instrument: 'PHQ-9', responses: [1, 1, 1] }, 'responses', 'must have 9 answers, one per item of PHQ-9 (got 3)'],
    ['an unknown instrument', { instrument: 'BDI-II', responses: [1] }, 'instrument', expect.stringContaining('must be one of PHQ-9')],
    ['a time in the future', { instrument: 'PHQ-2', responses: [1, 1], administeredAt: '2099-01-01T10:00:00Z' }, 'administeredAt', 'must not be in the future'],
  ])('refuses %s with the field and reason, storing nothing', async (_t, body, field, reason) => {
    const before = await assessmentCount(patientId);
    const res = await nurse('POST', `/api/patients/${patientId}/assessments`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ field, reason });
    expect(await assessmentCount(patientId)).toBe(before);
  });

  it('keeps billing and the front desk away from scales (403)', async () => {
    const desk = caller(t, await t.loginAs('front-desk'));
    expect((await desk('POST', `/api/patients/${patientId}/assessments`, { instrument: 'PHQ-2', responses: [0, 0] })).statusCode).toBe(403);
  });
});

describe('suicide-risk alerts to the primary clinician', () => {
  let alertId: string;

  it('raises an alert for PHQ-9 item 9 addressed to the primary clinician', async () => {
    const res = expectStatus(await nurse('POST', `/api/patients/${patientId}/assessments`, { instrument: 'PHQ-9', responses: [1, 1, 1, 1, 1, 1, 1, 1, 2] }), 201).json();
    expect(res.flags.suicideRisk).toBe(true);
    expect(res.alerts).toEqual([expect.objectContaining({ code: 'phq9-item9-positive', priority: 'high', addressedTo: expect.objectContaining({ displayName: 'Dr. Samuel Okafor' }), acknowledgedAt: null })]);
    alertId = res.alerts[0].id;
  });

  it('shows it on the primary clinician\'s list but not on another prescriber\'s', async () => {
    const mine = expectStatus(await prescriber('GET', '/api/safety-alerts'), 200).json();
    expect(mine.map((a: { id: string }) => a.id)).toContain(alertId);
    const np = caller(t, await t.loginAs('np' as never));
    const theirs = expectStatus(await np('GET', '/api/safety-alerts'), 200).json();
    expect(theirs.map((a: { id: string }) => a.id)).not.toContain(alertId);
    const all = expectStatus(await md('GET', '/api/safety-alerts?scope=all'), 200).json();
    expect(all.map((a: { id: string }) => a.id)).toContain(alertId);
    expect((await prescriber('GET', '/api/safety-alerts?scope=all')).statusCode).toBe(403);
  });

  it('raises an alert for a positive C-SSRS screener, urgent at high risk', async () => {
    const res = expectStatus(await nurse('POST', `/api/patients/${patientId}/assessments`, { instrument: 'C-SSRS-Screener', responses: [1, 1, 1, 1, 0, 0, null] }), 201).json();
    expect(res.band).toBe('high');
    expect(res.alerts).toEqual([expect.objectContaining({ code: 'cssrs-positive', priority: 'urgent' })]);
  });

  it("refuses acknowledging it through another patient's URL (404)", async () => {
    const other = await newPatient(nurse);
    expect((await prescriber('POST', `/api/patients/${other}/safety-alerts/${alertId}/acknowledge`, {})).statusCode).toBe(404);
    const [row] = await queryRows<{ acknowledged_at: Date | null }>(t.testDb.database.db, sql`SELECT acknowledged_at FROM safety_alerts WHERE id = ${alertId}`);
    expect(row!.acknowledged_at).toBeNull();
  });

  it('acknowledges once: who and when, then it leaves the open list', async () => {
    const res = expectStatus(await prescriber('POST', `/api/patients/${patientId}/safety-alerts/${alertId}/acknowledge`, { note: 'Called the patient; safety plan reviewed.' }), 200).json();
    expect(res).toMatchObject({ acknowledgedBy: { displayName: 'Dr. Samuel Okafor' }, acknowledgementNote: 'Called the patient; safety plan reviewed.', acknowledgedAt: t.clock.now().toISOString() });
    expect((await prescriber('POST', `/api/patients/${patientId}/safety-alerts/${alertId}/acknowledge`, {})).statusCode).toBe(409);
    const mine = expectStatus(await prescriber('GET', '/api/safety-alerts'), 200).json();
    expect(mine.map((a: { id: string }) => a.id)).not.toContain(alertId);
  });

  it('lets the database change nothing else about an alert', async () => {
    const db = t.testDb.database.db;
    await expect(db.execute(sql`UPDATE safety_alerts SET message = 'x' WHERE id = ${alertId}`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM safety_alerts WHERE id = ${alertId}`)).rejects.toThrow();
    await expect(db.execute(sql`UPDATE assessments SET total = 0 WHERE patient_id = ${patientId}`)).rejects.toThrow();
  });
});
